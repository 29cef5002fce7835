// The places carry where their documents are (load.js: the rows' addresses, `ctid`), and a page
// of places reads its items' documents there (api.js, `docsAtJoin`). The answers must be the
// same as reading the documents by id: right after a load, after the documents have moved (a
// rewrite of their tables since the load), and on data loaded without the addresses.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadDatasets } from '@recovery-finder/server';
import { BACKENDS, open, start, get } from './backends.mjs';
import { KNOWN, seeded, dataset, zips, HOME_ZIP } from './fixture.mjs';

/** Full items, with and without a distance, several pages, and a search: every path of a place list. */
const PATHS = [
  `/service_at_locations?postcode=${HOME_ZIP}&proximity=20000&per_page=7`,
  `/service_at_locations?postcode=${HOME_ZIP}&proximity=20000&per_page=7&page=3`,
  `/service_at_locations?postcode=${HOME_ZIP}&proximity=200000&per_page=50`,
  `/service_at_locations?search=naloxone&postcode=${HOME_ZIP}&proximity=40000`,
  '/service_at_locations?per_page=40&page=2',
  '/service_at_locations?search=support',
];

for (const backend of BACKENDS) {
  describe(`${backend.name}: documents read by where they are`, () => {
    let db;
    let server;
    /** @type {Map<string, string>} each path's answer, read by id (a server that does not use the addresses) */
    const byId = new Map();
    const answers = async (base) => {
      const out = new Map();
      for (const path of PATHS) {
        const r = await get(base, path);
        assert.equal(r.status, 200, `${path}: ${r.text}`);
        out.set(path, r.text);
      }
      return out;
    };
    before(async () => {
      db = await open(backend);
      await loadDatasets(db, [dataset([...KNOWN, ...seeded(120, 5)])], { zips });
      server = await start(db, { cacheMb: 0 });
    });
    after(async () => {
      await server.close();
      await db.close();
    });

    test('every place holds the addresses of its own service and location documents', async () => {
      const [row] = await db.query(`select count(*)::int as places,
          count(*) filter (where exists (select 1 from hsds.service_doc d where d.ctid = p.service_doc_at and d.id = p.service_id))::int as services,
          count(*) filter (where exists (select 1 from hsds.location_doc ld where ld.ctid = p.location_doc_at and ld.id = p.location_id))::int as locations
        from hsds.service_at_location p`);
      assert.ok(row.places > 100, `${row.places} places`);
      assert.equal(row.services, row.places);
      assert.equal(row.locations, row.places);
    });

    test('the answers are those of documents read by id', async () => {
      const viaAddresses = await answers(server.base);
      // The same data, served as a server that reads the documents by id.
      await db.query('alter table hsds.service_at_location rename column location_doc_at to location_doc_at_kept');
      const plain = await start(db, { cacheMb: 0 });
      try {
        for (const [path, text] of await answers(plain.base)) byId.set(path, text);
      } finally {
        await plain.close();
        await db.query('alter table hsds.service_at_location rename column location_doc_at_kept to location_doc_at');
      }
      for (const path of PATHS) {
        assert.ok(JSON.parse(byId.get(path) ?? '{}').contents?.length > 0, `${path}: some items`);
        assert.equal(viaAddresses.get(path), byId.get(path), path);
      }
    });

    test('documents moved since the load (their tables rewritten) are found by id: no item goes missing', async () => {
      // Every document row written again: the old addresses now hold dead rows.
      await db.query('update hsds.service_doc set head = head');
      await db.query('update hsds.location_doc set json = json');
      const [row] = await db.query(`select count(*)::int as n from hsds.service_at_location p
        join hsds.service_doc d on d.ctid = p.service_doc_at join hsds.location_doc ld on ld.ctid = p.location_doc_at`);
      assert.equal(row.n, 0, 'no address holds any more');
      for (const [path, text] of await answers(server.base)) assert.equal(text, byId.get(path), path);
    });

    test('data loaded without the addresses, after the server started: the same answers, no failure', async () => {
      await db.query('alter table hsds.service_at_location drop column service_doc_at, drop column location_doc_at');
      for (const [path, text] of await answers(server.base)) assert.equal(text, byId.get(path), path);
      assert.deepEqual(server.logs.filter((e) => e.status >= 500), []);
    });
  });
}
