/**
 * HSDS 3.0 conformance: every answer of every endpoint (every reachable page, each documented
 * parameter, unknown ids) is checked against Open Referral's own schemas (vendored in
 * ./hsds-schema, see its README), on PGlite and (when DATABASE_URL is set) on PostgreSQL.
 *
 * Data: the bundled dataset (data/resources.json), the API tests' fixture, and 100,000
 * generated records. For the 100,000 a sample is checked: every reachable page of each list
 * with each parameter (a list stops at MAX_DEPTH records), the /{id} answers of 100 of the
 * services, service_at_locations and organizations those pages list, and of 200 services and
 * their service_at_locations spread over the whole data set. The figures are printed as test
 * diagnostics (`# conformance …`).
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadDatasets, uuidFor, termId, taxonomyId, MAX_DEPTH, PER_PAGE_MAX } from '@recovery-finder/server';
import { BACKENDS, open, start, get } from './backends.mjs';
import { KNOWN, seeded, dataset, zips, root, HOME_ZIP } from './fixture.mjs';
import { violations } from './hsds-schema.mjs';

const bundled = JSON.parse(readFileSync(`${root}data/resources.json`, 'utf8'));

/**
 * `n` records made from the bundled records' shapes (with and without street addresses, ZIP
 * codes, organizations, phones, schedules …), each with its own id and name; organizations
 * are shared by about 100 records each.
 */
function* generated(n) {
  const real = bundled.resources;
  for (let i = 0; i < n; i++) {
    const t = real[i % real.length];
    yield {
      ...t,
      id: `gen-${i}`,
      name: `${t.name} ${i}`,
      ...(t.organization ? { organization: { ...t.organization, name: `${t.organization.name} ${i % 1000}` } } : {}),
    };
  }
}

/** What a sweep saw, per route: answers checked, answers with violations, documented parameters refused. */
class Tally {
  /** @type {Record<string, { answers: number, failing: number, refused: number }>} */
  routes = {};
  /** @type {string[]} */
  samples = [];
  count(route, problems, refused = false) {
    const r = (this.routes[route] ??= { answers: 0, failing: 0, refused: 0 });
    r.answers += 1;
    if (refused) r.refused += 1;
    else if (problems.length) {
      r.failing += 1;
      const sample = `${route}: ${problems.slice(0, 3).join('; ')}`;
      if (this.samples.length < 12 && !this.samples.includes(sample)) this.samples.push(sample);
    }
  }
  get failing() {
    return Object.values(this.routes).reduce((n, r) => n + r.failing + r.refused, 0);
  }
  /** The figures, a line per route, and examples of what failed. */
  report(label) {
    const lines = Object.entries(this.routes).map(
      ([route, r]) => `conformance ${label} ${route}: ${r.answers} answers, ${r.failing} with violations, ${r.refused} refused`,
    );
    return [...lines, ...this.samples.map((s) => `  e.g. ${s}`)];
  }
}

/**
 * Ask for `path` and check the answer against `route`'s schema. A documented parameter the
 * server refuses (400) counts as refused. Returns the parsed answer (undefined when refused).
 */
async function check(api, tally, route, path) {
  const r = await get(api.base, path);
  const ndjson = /[?&]format=ndjson\b/.test(path);
  if (r.status === 400) {
    tally.count(route, [], true);
    return undefined;
  }
  assert.equal(r.status, 200, `${path}: ${r.text.slice(0, 200)}`);
  if (ndjson) {
    assert.match(String(r.headers['content-type']), /^application\/x-ndjson\b/, path);
    const lines = r.text.split('\n').filter((l) => l !== '');
    const items = lines.map((l) => JSON.parse(l));
    tally.count(route, items.flatMap((item) => violations(route, item, { item: true })));
    return { contents: items };
  }
  tally.count(route, violations(route, r.json));
  return r.json;
}

/** Every reachable page of a list (pages of PER_PAGE_MAX, to MAX_DEPTH records); returns the items. */
async function pages(api, tally, route, query = '') {
  const items = [];
  const sep = query ? `&${query}` : '';
  for (let page = 1; page * PER_PAGE_MAX <= MAX_DEPTH; page++) {
    const body = await check(api, tally, route, `${route}?per_page=${PER_PAGE_MAX}&page=${page}${sep}`);
    if (!body) break;
    items.push(...body.contents);
    if (body.last_page || body.contents.length === 0) break;
  }
  return items;
}

/** Check that a bad request gets a JSON error (HSDS defines no error shape; this is the server's). */
async function refused(api, path, status) {
  const r = await get(api.base, path);
  assert.equal(r.status, status, path);
  assert.equal(typeof r.json?.error, 'string', path);
  assert.equal(typeof r.json?.message, 'string', path);
}

/**
 * Check every endpoint. `ids` picks which of the listed ids get their own /{id} answer
 * checked (all of them, unless a sample is asked for).
 */
async function sweep(api, tally, { sample = (ids) => ids } = {}) {
  await check(api, tally, '/', '/');
  const category = termId('recovery-finder-category', 'peer-support');
  const services = await pages(api, tally, '/services', 'full=false');
  await pages(api, tally, '/services');
  await pages(api, tally, '/services', 'full=true');
  await pages(api, tally, '/services', 'minimal=true');
  await pages(api, tally, '/services', 'search=peer%20support');
  await pages(api, tally, '/services', 'search=recovry');
  await pages(api, tally, '/services', `taxonomy_term_id=${category}`);
  await pages(api, tally, '/services', `taxonomy_id=${taxonomyId('recovery-finder-category')}`);
  await pages(api, tally, '/services', 'modified_after=2000-01-01');
  await check(api, tally, '/services', '/services?format=ndjson');
  await check(api, tally, '/services', '/services?format=ndjson&search=naloxone');

  const sals = await pages(api, tally, '/service_at_locations', 'full=false');
  await pages(api, tally, '/service_at_locations');
  await pages(api, tally, '/service_at_locations', `postcode=${HOME_ZIP}&proximity=500000`);
  await pages(api, tally, '/service_at_locations', 'postcode=01608');
  await pages(api, tally, '/service_at_locations', `search=housing&taxonomy_term_id=${termId('recovery-finder-category', 'housing')}`);
  await check(api, tally, '/service_at_locations', '/service_at_locations?format=ndjson&full=false');

  const organizations = await pages(api, tally, '/organizations');
  await pages(api, tally, '/organizations', 'full_service=true');
  await pages(api, tally, '/organizations', 'full=true');
  await pages(api, tally, '/organizations', 'search=recovery');
  await check(api, tally, '/organizations', '/organizations?format=ndjson');

  const taxonomies = await pages(api, tally, '/taxonomies');
  await pages(api, tally, '/taxonomies', 'search=recovery');
  await check(api, tally, '/taxonomies', '/taxonomies?format=ndjson');
  const terms = await pages(api, tally, '/taxonomy_terms');
  await pages(api, tally, '/taxonomy_terms', `taxonomy_id=${taxonomyId('recovery-finder-population')}&top_only=true`);
  await check(api, tally, '/taxonomy_terms', '/taxonomy_terms?format=ndjson&search=peer');

  for (const o of organizations.slice(0, 20)) await pages(api, tally, '/services', `organization_id=${o.id}`);
  for (const s of sample(services)) await check(api, tally, '/services/{id}', `/services/${s.id}`);
  for (const s of sample(sals)) await check(api, tally, '/service_at_locations/{id}', `/service_at_locations/${s.id}`);
  for (const o of sample(organizations)) {
    await check(api, tally, '/organizations/{id}', `/organizations/${o.id}`);
    await check(api, tally, '/organizations/{id}', `/organizations/${o.id}?full_service=true`);
    await check(api, tally, '/organizations/{id}', `/organizations/${o.id}?full_service=false`);
  }
  for (const t of taxonomies) await check(api, tally, '/taxonomies/{id}', `/taxonomies/${t.id}`);
  for (const t of terms) await check(api, tally, '/taxonomy_terms/{id}', `/taxonomy_terms/${t.id}`);

  // Unknown and malformed ids, bad values: JSON errors, never a 200 that breaks the schema.
  for (const route of ['services', 'service_at_locations', 'organizations', 'taxonomies', 'taxonomy_terms']) {
    await refused(api, `/${route}/${uuidFor('nothing', route)}`, 404);
    await refused(api, `/${route}/not-a-uuid`, 400);
    await refused(api, `/${route}?page=0`, 400);
    await refused(api, `/${route}?per_page=${PER_PAGE_MAX + 1}`, 400);
    await refused(api, `/${route}?format=xml`, 400);
    await refused(api, `/${route}?format=ndjson&page=2`, 400);
  }
  await refused(api, '/services?minimal=maybe', 400);
  await refused(api, '/organizations?full_service=yes', 400);
  await refused(api, `/organizations/${organizations[0]?.id ?? uuidFor('nothing')}?full_service=1`, 400);
  return { services, sals, organizations };
}

for (const backend of BACKENDS) {
  describe(`HSDS 3.0 conformance on ${backend.name}`, () => {
    /** @type {Awaited<ReturnType<typeof open>>} */
    let db;
    let api;
    before(async () => {
      db = await open(backend);
      api = await start(db);
    });
    after(async () => {
      await api?.stop();
    });

    test('the bundled dataset: every answer of every endpoint conforms', async (t) => {
      await loadDatasets(db, [bundled], { zips });
      const tally = new Tally();
      const { services } = await sweep(api, tally);
      assert.equal(services.length, bundled.resources.length);
      for (const line of tally.report(`bundled ${backend.name}`)) t.diagnostic(line);
      assert.equal(tally.failing, 0, tally.report('bundled').join('\n'));
    });

    test('the API fixture: every answer of every endpoint conforms', async (t) => {
      const records = [...KNOWN, ...seeded()];
      await loadDatasets(db, [dataset(records)], { zips });
      const tally = new Tally();
      const { services } = await sweep(api, tally);
      assert.equal(services.length, records.length);
      for (const line of tally.report(`fixture ${backend.name}`)) t.diagnostic(line);
      assert.equal(tally.failing, 0, tally.report('fixture').join('\n'));
    });

    test('100,000 generated records: every reachable page and a spread sample of ids conform', async (t) => {
      const n = 100000;
      await loadDatasets(db, [{ ...bundled, title: 'Generated', resources: generated(n) }], { zips });
      assert.equal((await get(api.base, '/healthz')).json.services, n);
      const tally = new Tally();
      // The lists stop at MAX_DEPTH records: an evenly spread sample of 100 of the ids they
      // list, plus 200 ids spread over the whole data set that no list page reaches.
      const spread = (ids) => ids.filter((_, i) => i % Math.max(1, Math.floor(ids.length / 100)) === 0).slice(0, 100);
      await sweep(api, tally, { sample: spread });
      const real = bundled.resources;
      for (let i = 0; i < n; i += n / 200) {
        await check(api, tally, '/services/{id}', `/services/${uuidFor('service', `gen-${i}`)}`);
        const { address, location } = real[i % real.length];
        if (address || location) {
          await check(api, tally, '/service_at_locations/{id}', `/service_at_locations/${uuidFor('service_at_location', `gen-${i}`)}`);
        }
      }
      for (const line of tally.report(`generated ${backend.name}`)) t.diagnostic(line);
      assert.equal(tally.failing, 0, tally.report('generated').join('\n'));
    });
  });
}
