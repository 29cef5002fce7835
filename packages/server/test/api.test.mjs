/**
 * Every endpoint of the HSDS read API, and every bad parameter, on PGlite and (when
 * DATABASE_URL is set) on a real PostgreSQL server: the same tests on both.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { loadDatasets, uuidFor, termId, taxonomyId, TAXONOMIES } from '@recovery-finder/server';
import { BACKENDS, open, start, get } from './backends.mjs';
import { KNOWN, seeded, dataset, zips, HOME_ZIP, HOME_LAT, HOME_LON, metres, termOf } from './fixture.mjs';

const ALL = [...KNOWN, ...seeded()];
const sid = (recordId) => uuidFor('service', recordId);
const salId = (recordId) => uuidFor('service_at_location', recordId);
const names = (page) => page.contents.map((s) => s.name);
const category = (code) => termId('recovery-finder-category', code);

/** The reference answer for postcode + proximity: every located record within `m`, nearest first. */
function nearby(zip, m) {
  const [lat, lon] = zips[zip];
  return ALL.filter((r) => r.location)
    .map((r) => ({ r, d: metres(lat, lon, r.location.latitude, r.location.longitude) }))
    .filter((x) => x.d <= m)
    .sort((a, b) => a.d - b.d || (a.r.name < b.r.name ? -1 : a.r.name > b.r.name ? 1 : 0))
    .map((x) => salId(x.r.id));
}

for (const backend of BACKENDS) {
  describe(`HSDS API on ${backend.name}`, () => {
    let db;
    let api;
    before(async () => {
      db = await open(backend);
      await loadDatasets(db, [dataset()], { zips });
      api = await start(db);
    });
    after(async () => {
      await api?.stop();
    });

    test('/ is the index document', async () => {
      const r = await get(api.base, '/');
      assert.equal(r.status, 200);
      assert.equal(r.json.version, '3.0');
      assert.match(r.json.openapi_url, /^https:\/\/.*openapi\.json$/);
      assert.match(r.json.profile, /^https:\/\//);
    });

    test('/healthz says ok with the number of services, never cached', async () => {
      const r = await get(api.base, '/healthz');
      assert.equal(r.status, 200);
      assert.equal(r.json.status, 'ok');
      assert.equal(r.json.services, ALL.length);
      assert.equal(r.headers['cache-control'], 'no-store');
    });

    test('/services pages through every service once, in name order', async () => {
      const first = (await get(api.base, '/services?per_page=40&full=false')).json;
      assert.equal(first.total_items, ALL.length);
      assert.equal(first.total_pages, Math.ceil(ALL.length / 40));
      assert.equal(first.page_number, 1);
      assert.equal(first.size, 40);
      assert.equal(first.first_page, true);
      assert.equal(first.last_page, false);
      assert.equal(first.empty, false);
      const seen = [...first.contents];
      for (let page = 2; page <= first.total_pages; page++) {
        const next = (await get(api.base, `/services?per_page=40&page=${page}&full=false`)).json;
        assert.equal(next.page_number, page);
        assert.equal(next.last_page, page === first.total_pages);
        seen.push(...next.contents);
      }
      assert.equal(new Set(seen.map((s) => s.id)).size, ALL.length);
      const sorted = [...seen.map((s) => s.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      assert.deepEqual(seen.map((s) => s.name), sorted);
      const beyond = (await get(api.base, `/services?per_page=40&page=${first.total_pages + 1}`)).json;
      assert.equal(beyond.size, 0);
      assert.deepEqual(beyond.contents, []);
      assert.equal(beyond.empty, false);
    });

    test('/services default page size is 25', async () => {
      const r = (await get(api.base, '/services')).json;
      assert.equal(r.size, 25);
    });

    test('/services/{id} is the whole service, mapped from the flat record', async () => {
      const r = await get(api.base, `/services/${sid('known-peer-center')}`);
      assert.equal(r.status, 200);
      const s = r.json;
      assert.equal(s.name, 'Brighton Peer Recovery Center');
      assert.equal(s.alternate_name, 'BPRC');
      assert.equal(s.status, 'active');
      assert.equal(s.url, 'https://example.org/bprc');
      assert.equal(s.email, 'hello@example.org');
      assert.equal(s.assured_date, '2026-10-01');
      assert.equal(s.last_modified, '2026-11-01T12:00:00Z');
      assert.equal(s.organization.name, 'Allston Brighton Recovery Coalition');
      assert.equal(s.organization.website, 'https://example.org/abrc');
      assert.equal(s.organization_id, s.organization.id);
      assert.deepEqual(
        s.phones.map((p) => [p.number, p.extension, p.type]),
        [['(617) 555-0101', 12, 'voice'], ['617-555-0102', undefined, 'text']],
      );
      assert.equal(s.phones[1].attributes[0].value, 'HOPE');
      assert.deepEqual(
        s.schedules.map((x) => [x.freq, x.byday, x.opens_at, x.closes_at, x.valid_from]),
        [
          ['WEEKLY', 'MO,TU,WE,TH,FR', '09:00', '17:00', undefined],
          ['WEEKLY', 'SA', '10:00', '14:00', undefined],
          [undefined, undefined, undefined, undefined, '2026-12-25'],
        ],
      );
      assert.deepEqual(s.languages.map((l) => [l.code, l.name]), [['en', 'English'], ['es', 'Spanish']]);
      assert.equal(s.cost_options[0].amount, 0);
      const terms = s.attributes.map((a) => `${termOf(a)?.taxonomy}:${termOf(a)?.code}${a.value ? `=${a.value}` : ''}`);
      for (const expected of [
        'recovery-finder-kind:prsc',
        'recovery-finder-category:recovery-center',
        'recovery-finder-category:peer-support',
        'recovery-finder-population:families',
        'recovery-finder-delivery:in-person',
        'recovery-finder-field:record-id=known-peer-center',
        'recovery-finder-field:provenance-status=unverified',
        'recovery-finder-field:cost-free=true',
      ]) {
        assert.ok(terms.includes(expected), `${expected} in ${terms.join(', ')}`);
      }
      const [sal] = s.service_at_locations;
      assert.equal(sal.id, salId('known-peer-center'));
      assert.equal(sal.location.external_identifier, 'known-peer-center');
      assert.equal(sal.location.latitude, KNOWN[0].location.latitude);
      assert.equal(sal.location.addresses[0].postal_code, HOME_ZIP);
      assert.equal(sal.location.addresses[0].region, 'Boston');
      assert.equal(sal.location.attributes[0].value, 'exact');
    });

    test('attributes name their term by id only: a term of /taxonomy_terms, whose id the contract lists', async () => {
      const terms = new Map((await get(api.base, '/taxonomy_terms?per_page=100')).json.contents.map((t) => [t.id, t]));
      for (const [taxonomy, t] of Object.entries(TAXONOMIES)) {
        t.terms.forEach((code, i) => {
          assert.equal(t.ids[i], termId(taxonomy, code), `${taxonomy}:${code} id in the contract`);
          assert.deepEqual([terms.get(t.ids[i])?.taxonomy, terms.get(t.ids[i])?.code], [taxonomy, code]);
        });
      }
      assert.equal(terms.size, Object.values(TAXONOMIES).reduce((n, t) => n + t.ids.length, 0));
      const sals = (await get(api.base, '/service_at_locations?per_page=100')).json.contents;
      const attributes = sals.flatMap(({ service: s, location: l }) => [
        ...s.attributes, ...s.phones.flatMap((p) => p.attributes), ...s.schedules.flatMap((x) => x.attributes), ...l.attributes,
      ]);
      assert.ok(attributes.length > 500, `${attributes.length} attributes`);
      for (const a of attributes) {
        assert.equal(a.taxonomy_term, undefined);
        assert.ok(terms.has(a.taxonomy_term_id), a.taxonomy_term_id);
      }
    });

    test('/services/{id}: unknown id is a 404, a malformed one a 400 naming id', async () => {
      const missing = await get(api.base, `/services/${uuidFor('service', 'no-such-record')}`);
      assert.equal(missing.status, 404);
      assert.equal(missing.json.error, 'not_found');
      const bad = await get(api.base, '/services/known-peer-center');
      assert.equal(bad.status, 400);
      assert.equal(bad.json.parameter, 'id');
    });

    test('full=false leaves out child arrays; the default includes them', async () => {
      const slim = (await get(api.base, `/services?per_page=1&full=false`)).json.contents[0];
      assert.equal(slim.phones, undefined);
      assert.equal(slim.service_at_locations, undefined);
      const full = (await get(api.base, `/services?per_page=1`)).json.contents[0];
      assert.ok(Array.isArray(full.phones));
      assert.ok(Array.isArray(full.service_at_locations));
    });

    test('search: English stems, name matches ranked first', async () => {
      const r = (await get(api.base, '/services?search=recovery%20centers&full=false')).json;
      assert.equal(r.contents[0].name, 'Brighton Peer Recovery Center');
      const meetings = (await get(api.base, '/services?search=meeting&full=false')).json;
      assert.ok(names(meetings).includes('Online Family Support Meeting'));
      assert.ok(names(meetings).includes('Brighton Peer Recovery Center'), 'description "meetings" stems to meeting');
    });

    test('search: the name matches first, then the others, each in the order of the names', async () => {
      /** Every item of a list, page by page. */
      const walk = async (path, perPage) => {
        const out = [];
        for (let page = 1; ; page++) {
          const r = (await get(api.base, `${path}&full=false&per_page=${perPage}&page=${page}`)).json;
          out.push(...r.contents);
          if (r.last_page) return out;
        }
      };
      // The order of the names, as the unfiltered list reads them (the database's collation).
      const rank = new Map((await walk('/services?', 100)).map((x, i) => [x.id, i]));
      const found = await walk('/services?search=program', 7);
      const byName = (x) => /\bprogram\b/i.test(x.name);
      const split = found.findIndex((x) => !byName(x));
      const names = split === -1 ? found : found.slice(0, split);
      const others = split === -1 ? [] : found.slice(split);
      assert.ok(names.length > 10, `${names.length} name matches`);
      assert.ok(others.every((x) => !byName(x)), 'every name match comes before the others');
      for (const part of [names, others]) {
        const order = part.map((x) => rank.get(x.id));
        assert.deepEqual(order, [...order].sort((a, b) => a - b));
      }
    });

    test('search: Spanish stems, with or without accents', async () => {
      // "apoyamos" and "apoyo" share a Spanish stem (apoy) but no English one.
      for (const q of ['apoyamos', 'adicciones', 'adicción', 'recuperacion', 'Recuperación']) {
        const r = (await get(api.base, `/services?search=${encodeURIComponent(q)}&full=false`)).json;
        assert.deepEqual(names(r), ['Centro de Recuperación Esperanza'], q);
      }
    });

    test('search: a typo still finds the service (trigram similarity)', async () => {
      const r = (await get(api.base, '/services?search=naloxne&full=false')).json;
      assert.equal(r.contents[0]?.name, 'Harm Reduction Drop-In');
      const r2 = (await get(api.base, '/services?search=Brigton%20Peer&full=false')).json;
      assert.equal(r2.contents[0]?.name, 'Brighton Peer Recovery Center');
    });

    test('search: one or two letters are not tried as a typo (trigrams of them match nearly everything)', async () => {
      assert.equal((await get(api.base, '/services?search=br&full=false')).json.total_items, 0);
      assert.equal((await get(api.base, '/service_at_locations?search=B.r&full=false')).json.total_items, 0);
      // Three letters are.
      assert.ok((await get(api.base, '/services?search=bri&full=false')).json.contents.some((s) => /Brighton/.test(s.name)));
    });

    test('search: nothing like it gives an empty page', async () => {
      const r = (await get(api.base, '/services?search=xylophone%20zebra&full=false')).json;
      assert.equal(r.total_items, 0);
      assert.equal(r.empty, true);
      assert.equal(r.total_pages, 0);
      assert.equal(r.last_page, true);
    });

    test('taxonomy_term_id filters by category; several ids are OR-ed; filters combine with search', async () => {
      const naloxone = (await get(api.base, `/services?taxonomy_term_id=${category('naloxone')}&full=false`)).json;
      assert.deepEqual(names(naloxone), ['Harm Reduction Drop-In']);
      const either = (await get(api.base, `/services?taxonomy_term_id=${category('naloxone')},${category('disposal')}&full=false`)).json;
      assert.deepEqual(names(either).sort(), ['Harm Reduction Drop-In', 'Police Station Take-Back Kiosk']);
      const groups = ALL.filter((r) => r.categories.includes('support-groups')).length;
      const all = (await get(api.base, `/services?taxonomy_term_id=${category('support-groups')}&full=false`)).json;
      assert.equal(all.total_items, groups);
      const both = (await get(api.base, `/services?taxonomy_term_id=${category('support-groups')}&search=family&full=false`)).json;
      assert.deepEqual(names(both), ['Online Family Support Meeting']);
      const none = (await get(api.base, `/services?taxonomy_term_id=${uuidFor('nothing')}`)).json;
      assert.equal(none.total_items, 0);
    });

    test('taxonomy_id, organization_id and modified_after filter services', async () => {
      const disposal = (await get(api.base, `/services?taxonomy_id=${taxonomyId('recovery-finder-disposal-item')}&full=false`)).json;
      assert.deepEqual(names(disposal), ['Police Station Take-Back Kiosk']);
      const org = uuidFor('organization', 'allston brighton recovery coalition');
      const byOrg = (await get(api.base, `/services?organization_id=${org}&full=false`)).json;
      assert.deepEqual(names(byOrg), ['Brighton Peer Recovery Center', 'Harm Reduction Drop-In']);
      assert.equal((await get(api.base, '/services?modified_after=2026-10-01')).json.total_items, ALL.length);
      assert.equal((await get(api.base, '/services?modified_after=2026-11-02T00:00:00Z')).json.total_items, 0);
    });

    test('/service_at_locations?postcode= lists the places with that ZIP code', async () => {
      const r = (await get(api.base, '/service_at_locations?postcode=01608&full=false')).json;
      assert.deepEqual(r.contents.map((x) => x.service.name), ['Worcester Outpatient Clinic']);
      assert.equal(r.contents[0].location.addresses[0].city, 'Worcester');
    });

    test('/service_at_locations with postcode + proximity: every place within the distance, nearest first', async () => {
      const edge = nearby(HOME_ZIP, 5000);
      assert.ok(edge.includes(salId('known-edge-in')) && !edge.includes(salId('known-edge-out')));
      for (const m of [1500, 5000, 12000]) {
        const want = nearby(HOME_ZIP, m);
        assert.ok(want.length > 0);
        const got = [];
        for (let page = 1; ; page++) {
          const r = (await get(api.base, `/service_at_locations?postcode=${HOME_ZIP}&proximity=${m}&per_page=100&page=${page}&full=false`)).json;
          assert.equal(r.total_items, want.length, `${m} m`);
          got.push(...r.contents.map((x) => x.id));
          if (r.last_page) break;
        }
        assert.deepEqual(got, want, `${m} m`);
      }
      // Worcester is about 60 km away.
      const wide = (await get(api.base, `/service_at_locations?postcode=${HOME_ZIP}&proximity=80000&per_page=100&full=false`)).json;
      assert.equal(wide.contents.at(-1).service.name, 'Worcester Outpatient Clinic');
      assert.ok(metres(HOME_LAT, HOME_LON, wide.contents.at(-1).location.latitude, wide.contents.at(-1).location.longitude) > 50000);
    });

    test('/service_at_locations: text search near a ZIP (combined query)', async () => {
      const r = (await get(api.base, `/service_at_locations?search=naloxone&postcode=${HOME_ZIP}&proximity=10000&full=false`)).json;
      assert.deepEqual(r.contents.map((x) => x.service.name), ['Harm Reduction Drop-In']);
      const outside = (await get(api.base, `/service_at_locations?search=naloxone&postcode=${HOME_ZIP}&proximity=3000`)).json;
      assert.equal(outside.total_items, 0);
      const typo = (await get(api.base, `/service_at_locations?search=naloxne&postcode=${HOME_ZIP}&proximity=10000`)).json;
      assert.equal(typo.contents[0]?.service.name, 'Harm Reduction Drop-In');
    });

    test('/service_at_locations items carry the location and the service; records without a place are not there', async () => {
      const r = (await get(api.base, '/service_at_locations?per_page=100')).json;
      assert.equal(r.total_items, ALL.filter((x) => x.location).length);
      const item = r.contents.find((x) => x.service.name === 'Police Station Take-Back Kiosk');
      assert.equal(item.service_id, sid('known-disposal'));
      assert.equal(item.location_id, item.location.id);
      assert.ok(Array.isArray(item.service.phones));
      assert.ok(!r.contents.some((x) => x.service.name === 'Online Family Support Meeting'));
    });

    test('/service_at_locations/{id}', async () => {
      const r = await get(api.base, `/service_at_locations/${salId('known-centro')}`);
      assert.equal(r.status, 200);
      assert.equal(r.json.service.name, 'Centro de Recuperación Esperanza');
      assert.equal((await get(api.base, `/service_at_locations/${uuidFor('x')}`)).status, 404);
    });

    test('/organizations lists, searches and returns one with its services', async () => {
      const all = (await get(api.base, '/organizations')).json;
      assert.deepEqual(names(all), ['Allston Brighton Recovery Coalition', 'Test Police Department']);
      const found = (await get(api.base, '/organizations?search=police')).json;
      assert.deepEqual(names(found), ['Test Police Department']);
      const literal = (await get(api.base, '/organizations?search=%25')).json;
      assert.equal(literal.total_items, 0, 'a % in the search is a character, not a wildcard');
      const one = await get(api.base, `/organizations/${all.contents[0].id}`);
      assert.equal(one.status, 200);
      assert.deepEqual(one.json.services.map((s) => s.name), ['Brighton Peer Recovery Center', 'Harm Reduction Drop-In']);
      assert.equal((await get(api.base, `/organizations/${uuidFor('x')}`)).status, 404);
    });

    test('/taxonomies and /taxonomies/{id}', async () => {
      const r = (await get(api.base, '/taxonomies')).json;
      assert.deepEqual(names(r).sort(), Object.keys(TAXONOMIES).sort());
      const one = await get(api.base, `/taxonomies/${taxonomyId('recovery-finder-category')}`);
      assert.equal(one.json.name, 'recovery-finder-category');
      const search = (await get(api.base, '/taxonomies?search=kind')).json;
      assert.deepEqual(names(search), ['recovery-finder-kind']);
    });

    test('/taxonomy_terms filters by taxonomy, parent and search; /taxonomy_terms/{id}', async () => {
      const cats = (await get(api.base, `/taxonomy_terms?taxonomy_id=${taxonomyId('recovery-finder-category')}&per_page=100`)).json;
      assert.equal(cats.total_items, TAXONOMIES['recovery-finder-category'].terms.length);
      const top = (await get(api.base, '/taxonomy_terms?top_only=true&per_page=1')).json;
      const total = Object.values(TAXONOMIES).reduce((n, t) => n + t.terms.length, 0);
      assert.equal(top.total_items, total, 'our terms are all top-level');
      const children = (await get(api.base, `/taxonomy_terms?parent_id=${category('naloxone')}`)).json;
      assert.equal(children.total_items, 0);
      const found = (await get(api.base, '/taxonomy_terms?search=naloxone')).json;
      assert.deepEqual(found.contents.map((t) => t.id), [category('naloxone')]);
      const one = await get(api.base, `/taxonomy_terms/${category('housing')}`);
      assert.equal(one.json.code, 'housing');
      assert.equal(one.json.taxonomy_id, taxonomyId('recovery-finder-category'));
      assert.equal((await get(api.base, `/taxonomy_terms/${uuidFor('x')}`)).status, 404);
    });

    const tooLong = 'a'.repeat(201);
    const BAD = [
      ['/services?color=blue', 'color'],
      ['/services?page=1&page=2', 'page'],
      ['/services?page=0', 'page'],
      ['/services?page=abc', 'page'],
      ['/services?page=1.5', 'page'],
      ['/services?per_page=0', 'per_page'],
      ['/services?per_page=101', 'per_page'],
      ['/services?per_page=-5', 'per_page'],
      ['/services?page=1000000000&per_page=100', 'page'],
      [`/services?search=${tooLong}`, 'search'],
      ['/services?search=a%00b', 'search'],
      ['/services?taxonomy_term_id=naloxone', 'taxonomy_term_id'],
      ['/services?taxonomy_id=1', 'taxonomy_id'],
      ['/services?organization_id=acme', 'organization_id'],
      ['/services?modified_after=yesterday', 'modified_after'],
      ['/services?modified_after=2026-13-45', 'modified_after'],
      ['/services?full=yes', 'full'],
      ['/services?format=csv', 'format'],
      ['/services?format=ndjson&per_page=10', 'per_page'],
      ['/services?minimal=yes', 'minimal'],
      ['/organizations?full_service=1', 'full_service'],
      ['/organizations/00000000-0000-5000-8000-000000000000?full_service=maybe', 'full_service'],
      ['/services?postcode=02135', 'postcode'],
      ['/services/00000000-0000-5000-8000-000000000000?full=true', 'full'],
      ['/service_at_locations?postcode=123', 'postcode'],
      ['/service_at_locations?postcode=abcde', 'postcode'],
      ['/service_at_locations?postcode=99999&proximity=1000', 'postcode'],
      ['/service_at_locations?proximity=1000', 'proximity'],
      ['/service_at_locations?postcode=02135&proximity=0', 'proximity'],
      ['/service_at_locations?postcode=02135&proximity=-10', 'proximity'],
      ['/service_at_locations?postcode=02135&proximity=far', 'proximity'],
      ['/service_at_locations?postcode=02135&proximity=500001', 'proximity'],
      ['/service_at_locations?per_page=1000', 'per_page'],
      ['/service_at_locations?taxonomy_term_id=x', 'taxonomy_term_id'],
      ['/service_at_locations/nope', 'id'],
      ['/organizations?per_page=0', 'per_page'],
      ['/organizations?taxonomy_id=x', 'taxonomy_id'],
      ['/organizations?full=maybe', 'full'],
      ['/organizations/nope', 'id'],
      ['/taxonomies?page=x', 'page'],
      ['/taxonomies?taxonomy_id=x', 'taxonomy_id'],
      ['/taxonomies/nope', 'id'],
      ['/taxonomy_terms?top_only=1', 'top_only'],
      ['/taxonomy_terms?parent_id=x', 'parent_id'],
      ['/taxonomy_terms?taxonomy_id=x', 'taxonomy_id'],
      ['/taxonomy_terms/nope', 'id'],
      ['/?page=1', 'page'],
      ['/healthz?verbose=true', 'verbose'],
    ];
    test(`every bad parameter is a 400 naming it (${BAD.length} cases)`, async () => {
      for (const [path, parameter] of BAD) {
        const r = await get(api.base, path);
        assert.equal(r.status, 400, path);
        assert.equal(r.json.error, 'bad_parameter', path);
        assert.equal(r.json.parameter, parameter, path);
        assert.ok(r.json.message.startsWith(parameter) || r.json.message.includes(parameter), `${path}: ${r.json.message}`);
        assert.equal(r.headers['access-control-allow-origin'], '*', path);
        assert.equal(r.headers['cache-control'], 'no-store', path);
      }
    });

    test('an empty search is no search', async () => {
      const r = (await get(api.base, '/services?search=%20&per_page=1')).json;
      assert.equal(r.total_items, ALL.length);
    });

    test('unknown paths are a JSON 404; writes are a 405 (read-only)', async () => {
      const r = await get(api.base, '/locations');
      assert.equal(r.status, 404);
      assert.equal(r.json.error, 'not_found');
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const w = await get(api.base, '/services', { method });
        assert.equal(w.status, 405, method);
        assert.equal(w.headers.allow, 'GET, HEAD, OPTIONS');
      }
    });

    test('CORS: any origin, and a preflight answer', async () => {
      const r = await get(api.base, '/services?per_page=1', { headers: { Origin: 'https://city.example' } });
      assert.equal(r.headers['access-control-allow-origin'], '*');
      const pre = await get(api.base, '/services', {
        method: 'OPTIONS',
        headers: { Origin: 'https://city.example', 'Access-Control-Request-Method': 'GET' },
      });
      assert.equal(pre.status, 204);
      assert.equal(pre.headers['access-control-allow-origin'], '*');
      assert.match(pre.headers['access-control-allow-methods'], /GET/);
    });

    test('ETag and Cache-Control; If-None-Match gives a 304 without a body', async () => {
      const r = await get(api.base, '/services?per_page=3');
      assert.match(r.headers.etag, /^"[A-Za-z0-9_-]+"$/);
      assert.equal(r.headers['cache-control'], 'public, max-age=300');
      const again = await get(api.base, '/services?per_page=3', { headers: { 'If-None-Match': r.headers.etag } });
      assert.equal(again.status, 304);
      assert.equal(again.body.length, 0);
      const other = await get(api.base, '/services?per_page=4', { headers: { 'If-None-Match': r.headers.etag } });
      assert.equal(other.status, 200);
      assert.notEqual(other.headers.etag, r.headers.etag);
    });

    test('gzip when the client accepts it, the same JSON inside', async () => {
      const plain = await get(api.base, '/services?per_page=20');
      assert.equal(plain.headers['content-encoding'], undefined);
      const zipped = await get(api.base, '/services?per_page=20', { headers: { 'Accept-Encoding': 'gzip, br' } });
      assert.equal(zipped.headers['content-encoding'], 'gzip');
      assert.match(zipped.headers.vary, /Accept-Encoding/);
      assert.ok(zipped.body.length < plain.body.length / 2);
      assert.equal(gunzipSync(zipped.body).toString('utf8'), plain.text);
      assert.equal(zipped.headers.etag, plain.headers.etag);
    });

    test('HEAD answers the headers without a body', async () => {
      const r = await get(api.base, '/services?per_page=2', { method: 'HEAD' });
      assert.equal(r.status, 200);
      assert.equal(r.body.length, 0);
      assert.ok(Number(r.headers['content-length']) > 0);
    });

    test('the request log holds the route and parameter names, never what was searched or where', async () => {
      api.logs.length = 0;
      await get(api.base, `/service_at_locations?search=secretword&postcode=${HOME_ZIP}&proximity=5000`);
      await get(api.base, `/services/${sid('known-centro')}`);
      // A question no other test asks: an answer from the answer cache is gzipped already.
      const list = await get(api.base, '/services?per_page=23&page=2', { headers: { 'accept-encoding': 'gzip' } });
      assert.equal(list.headers['content-encoding'], 'gzip');
      const [search, item, gzipped] = api.logs;
      assert.equal(search.route, '/service_at_locations');
      assert.deepEqual(search.params, ['postcode', 'proximity', 'search']);
      assert.equal(search.status, 200);
      assert.equal(typeof search.ms, 'number');
      assert.equal(item.route, '/services/{id}');
      // Where the time went: the database read (with the wait for a connection), and gzip
      // where there was one; both parts of the whole (each rounded to a microsecond).
      for (const e of [search, item, gzipped]) {
        assert.equal(typeof e.dbMs, 'number');
        assert.ok(e.dbMs >= 0 && e.dbMs <= e.ms + 0.001, JSON.stringify(e));
      }
      assert.equal(item.gzipMs, undefined);
      assert.equal(typeof gzipped.gzipMs, 'number');
      assert.ok(gzipped.gzipMs > 0 && gzipped.dbMs + gzipped.gzipMs <= gzipped.ms + 0.002, JSON.stringify(gzipped));
      const text = JSON.stringify(api.logs);
      assert.ok(!text.includes('secretword'));
      assert.ok(!text.includes(HOME_ZIP));
      assert.ok(!text.includes('127.0.0.1'));
    });
  });
}
