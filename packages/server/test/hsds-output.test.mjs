/**
 * The answer shapes and parameters HSDS 3.0 documents (issue #21): places without a street
 * address, `minimal`, `full_service`, `format=ndjson`, and the CORS preflight for the headers
 * browsers send. On PGlite and (when DATABASE_URL is set) PostgreSQL.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadDatasets, uuidFor } from '@recovery-finder/server';
import { addressFromWords, addressToWords } from '../src/hsds-contract.js';
import { BACKENDS, open, start, get } from './backends.mjs';
import { KNOWN, seeded, dataset, zips } from './fixture.mjs';

const provenance = { source: 'recovery-finder server test fixture', status: 'unverified' };
/** A record placed at a town centre (no street, no ZIP), and one with a street but no ZIP. */
const TOWN = {
  id: 'town-centre',
  kind: 'service',
  name: 'Medford Recovery Meeting',
  description: 'A meeting somewhere in Medford.',
  categories: ['support-groups'],
  address: { city: 'Medford', state_province: 'MA' },
  location: { latitude: 42.4184, longitude: -71.1062, precision: 'town' },
  provenance,
};
const NO_ZIP = {
  ...TOWN,
  id: 'street-no-zip',
  name: 'Malden Recovery Meeting',
  address: { address_1: '12 Main St', city: 'Malden', state_province: 'MA' },
};
const ALL = [...KNOWN, ...seeded(), TOWN, NO_ZIP];
const ABRC = uuidFor('organization', 'allston brighton recovery coalition');

for (const backend of BACKENDS) {
  describe(`HSDS answer shapes on ${backend.name}`, () => {
    let api;
    before(async () => {
      const db = await open(backend);
      await loadDatasets(db, [dataset(ALL)], { zips });
      api = await start(db);
    });
    after(async () => {
      await api?.stop();
    });

    test('a place without a full street address has no address object; its town is the location description', async () => {
      for (const [record, text] of [[TOWN, 'Medford, MA'], [NO_ZIP, '12 Main St, Malden, MA']]) {
        const s = (await get(api.base, `/services/${uuidFor('service', record.id)}`)).json;
        const { location } = s.service_at_locations[0];
        assert.deepEqual(location.addresses, [], record.id);
        assert.equal(location.description, text);
        const sal = (await get(api.base, `/service_at_locations/${uuidFor('service_at_location', record.id)}`)).json;
        assert.deepEqual(sal.location.addresses, []);
      }
      // A full address is still there, and such a location has no description.
      const known = (await get(api.base, `/services/${uuidFor('service', 'known-peer-center')}`)).json;
      assert.equal(known.service_at_locations[0].location.addresses[0].address_1, '1 Test St');
      assert.equal(known.service_at_locations[0].location.description, undefined);
    });

    test('the description is the address in the contract\'s words: the reader gets the record\'s address back', async () => {
      for (const record of [TOWN, NO_ZIP]) {
        const { location } = (await get(api.base, `/services/${uuidFor('service', record.id)}`)).json.service_at_locations[0];
        assert.equal(location.description, addressToWords(record.address), record.id);
        assert.deepEqual(addressFromWords(location.description), record.address, record.id);
      }
    });

    test('/services?minimal=true lists every service with its id, name, status and last_modified only', async () => {
      const r = (await get(api.base, '/services?minimal=true&per_page=100')).json;
      assert.equal(r.total_items, ALL.length);
      assert.equal(r.contents.length, ALL.length);
      for (const s of r.contents) {
        assert.deepEqual(Object.keys(s).sort(), ['id', 'last_modified', 'name', 'status']);
        assert.equal(s.last_modified, '2026-11-01T12:00:00Z');
      }
    });

    test('/organizations/{id}: services with their own fields; full_service=true nests them fully', async () => {
      const plain = (await get(api.base, `/organizations/${ABRC}`)).json;
      assert.deepEqual(plain.services.map((s) => s.name), ['Brighton Peer Recovery Center', 'Harm Reduction Drop-In']);
      for (const s of plain.services) {
        assert.equal(s.status, 'active');
        assert.equal(s.organization_id, ABRC);
        assert.equal(s.phones, undefined);
        assert.equal(s.organization, undefined);
      }
      const full = (await get(api.base, `/organizations/${ABRC}?full_service=true`)).json;
      const [center] = full.services;
      assert.equal(center.phones[0].number, '(617) 555-0101');
      assert.equal(center.schedules.length, 3);
      assert.equal(center.service_at_locations[0].location.addresses[0].postal_code, '02135');
      assert.deepEqual((await get(api.base, `/organizations/${ABRC}?full_service=false`)).json, plain);
    });

    test('/organizations?full_service=true nests each organization’s services', async () => {
      const list = (await get(api.base, '/organizations?full_service=true&search=allston')).json;
      assert.equal(list.contents.length, 1);
      assert.equal(list.contents[0].services[0].phones[0].number, '(617) 555-0101');
      const basic = (await get(api.base, '/organizations?search=allston')).json;
      assert.equal(basic.contents[0].services, undefined);
    });

    test('format=ndjson: every result of the list, one JSON item a line, in page order', async () => {
      // Page sizes that make several pages of each list.
      for (const [path, size] of [['/services?full=false', 25], ['/service_at_locations?postcode=02135&proximity=8000', 10], ['/organizations', 1], ['/taxonomy_terms', 20]]) {
        const r = await get(api.base, `${path}${path.includes('?') ? '&' : '?'}format=ndjson`);
        assert.equal(r.status, 200, path);
        assert.match(r.headers['content-type'], /^application\/x-ndjson; charset=utf-8$/);
        assert.ok(r.text.endsWith('\n'), path);
        const lines = r.text.slice(0, -1).split('\n').map((l) => JSON.parse(l));
        const paged = [];
        for (let page = 1; ; page++) {
          const p = (await get(api.base, `${path}${path.includes('?') ? '&' : '?'}per_page=${size}&page=${page}`)).json;
          paged.push(...p.contents);
          if (p.last_page) break;
        }
        assert.ok(paged.length > size, path);
        assert.deepEqual(lines, paged, path);
      }
      const refused = await get(api.base, '/services?format=ndjson&page=1');
      assert.equal(refused.status, 400);
      assert.match(refused.headers['content-type'], /^application\/json/);
    });

    test('CORS preflight allows the headers a browser sends with a GET', async () => {
      const asked = ['accept', 'accept-language', 'content-language', 'if-none-match', 'cache-control'];
      const pre = await get(api.base, '/services', {
        method: 'OPTIONS',
        headers: { Origin: 'https://city.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': asked.join(',') },
      });
      assert.equal(pre.status, 204);
      const allowed = String(pre.headers['access-control-allow-headers']).toLowerCase().split(/\s*,\s*/);
      for (const h of asked) assert.ok(allowed.includes(h), `${h} in ${allowed.join(', ')}`);
    });
  });
}
