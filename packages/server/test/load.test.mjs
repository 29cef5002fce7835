/**
 * Loading: a load replaces the data atomically; a failed load leaves the previous data
 * serving; ids stay the same across loads; the shipped dataset loads whole. And distance:
 * PostGIS and the bounding-box + great-circle query give the same answers.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadDatasets, uuidFor, MAX_RESULTS } from '@recovery-finder/server';
import { BACKENDS, open, start, get } from './backends.mjs';
import { KNOWN, seeded, dataset, zips, root, HOME_ZIP, metres } from './fixture.mjs';

const shipped = JSON.parse(readFileSync(`${root}data/resources.json`, 'utf8'));

for (const backend of BACKENDS) {
  describe(`loading on ${backend.name}`, () => {
    let db;
    let api;
    before(async () => {
      db = await open(backend);
      await loadDatasets(db, [dataset(KNOWN)], { zips });
      api = await start(db);
    });
    after(async () => {
      await api?.stop();
    });

    test('answers are kept in memory for the load they came from; a new load is served at once', async () => {
      await loadDatasets(db, [dataset(KNOWN)], { zips });
      // Count what the server asks the database.
      const asked = [];
      const counting = { ...db, query: (sql, params) => (asked.push(sql), db.query(sql, params)) };
      const cached = await start(counting);
      try {
        const path = '/services?search=naloxone&per_page=5';
        const first = await get(cached.base, path);
        const searches = asked.length;
        assert.ok(searches > 1, 'the first answer is a search');
        const second = await get(cached.base, path);
        assert.equal(second.text, first.text);
        assert.equal(second.headers.etag, first.headers.etag);
        // The repeat asks only for the generation of the data, not the search.
        assert.equal(asked.length, searches + 1);
        assert.match(asked[asked.length - 1], /generation/);
        // Gzip made once is kept too: the same bytes.
        const gz1 = await get(cached.base, path, { headers: { 'accept-encoding': 'gzip' } });
        const gz2 = await get(cached.base, path, { headers: { 'accept-encoding': 'gzip' } });
        assert.equal(gz1.headers['content-encoding'], 'gzip');
        assert.deepEqual(gz2.body, gz1.body);

        const before = (await get(cached.base, '/services?per_page=1&full=false')).json.total_items;
        assert.equal(before, KNOWN.length);
        await loadDatasets(db, [dataset(seeded(12))], { zips });
        assert.equal((await get(cached.base, '/services?per_page=1&full=false')).json.total_items, 12);
        assert.equal((await get(cached.base, path)).json.total_items, 0);
      } finally {
        await cached.close();
      }
      // Without the cache every request is a search.
      const uncached = await start(counting, { cacheMb: 0 });
      asked.length = 0;
      try {
        await get(uncached.base, '/services?search=coaching');
        const once = asked.length;
        await get(uncached.base, '/services?search=coaching');
        assert.equal(asked.length, once * 2);
        assert.ok(!asked.some((sql) => /generation/.test(sql)));
      } finally {
        await uncached.close();
      }
      await loadDatasets(db, [dataset(KNOWN)], { zips });
    });

    test('a failed load rolls back and the previous data keeps serving', async () => {
      const before = await get(api.base, '/services?per_page=100');
      assert.equal(before.json.total_items, KNOWN.length);
      // A record the CLI's validation would refuse, given straight to the loader: the
      // database refuses it (latitude out of range) after the other rows went in.
      const broken = { ...seeded(1)[0], id: 'broken', location: { latitude: 200, longitude: 0, precision: 'exact' } };
      await assert.rejects(loadDatasets(db, [dataset([...seeded(30), broken])], { zips }), /check constraint|violates/);
      const afterFail = await get(api.base, '/services?per_page=100');
      assert.equal(afterFail.status, 200);
      assert.equal(afterFail.json.total_items, KNOWN.length);
      assert.equal(afterFail.headers.etag, before.headers.etag, 'the very same answer');
      const health = await get(api.base, '/healthz');
      assert.equal(health.json.services, KNOWN.length);
    });

    test('the same record id in two datasets fails the load and changes nothing', async () => {
      await assert.rejects(loadDatasets(db, [dataset(KNOWN), dataset(KNOWN.slice(0, 1))]), /more than one dataset/);
      assert.equal((await get(api.base, '/healthz')).json.services, KNOWN.length);
    });

    test('a load replaces the data; a record keeps its ids from one load to the next', async () => {
      const one = await get(api.base, `/services/${uuidFor('service', 'known-centro')}`);
      assert.equal(one.status, 200);
      await loadDatasets(db, [dataset(KNOWN.slice(1, 3)), dataset(seeded(5), 'Second')], { zips });
      const list = (await get(api.base, '/services?per_page=100&full=false')).json;
      assert.equal(list.total_items, 7);
      const again = await get(api.base, `/services/${uuidFor('service', 'known-centro')}`);
      assert.equal(again.status, 200);
      assert.deepEqual(again.json, one.json);
      assert.equal((await get(api.base, `/services/${uuidFor('service', 'known-peer-center')}`)).status, 404);
    });

    test('the shipped dataset (data/resources.json) loads whole', async () => {
      const summary = await loadDatasets(db, [shipped], { zips });
      assert.equal(summary.services, shipped.resources.length);
      const list = (await get(api.base, '/services?per_page=1&full=false')).json;
      assert.equal(list.total_items, shipped.resources.length);
      const located = shipped.resources.filter((r) => r.location || r.address).length;
      assert.equal((await get(api.base, '/service_at_locations?per_page=1&full=false')).json.total_items, located);
      const prsc = shipped.resources.find((r) => r.kind === 'prsc');
      const s = (await get(api.base, `/services/${uuidFor('service', prsc.id)}`)).json;
      assert.equal(s.name, prsc.name);
      assert.ok(s.attributes.some((a) => a.taxonomy_term.code === 'prsc'));
    });

    test('past 1,000 results: total_items stops at 1,000 and says so, paging stops there, nearest stays first', async () => {
      const many = seeded(1100, 5);
      await loadDatasets(db, [dataset([...KNOWN, ...many])], { zips });
      const all = (await get(api.base, '/services?per_page=1&full=false')).json;
      assert.equal(all.total_items, KNOWN.length + many.length, 'an unfiltered list is counted exactly');
      assert.equal(all.total_items_capped, undefined);
      const search = (await get(api.base, '/services?search=near%20Boston&full=false')).json;
      assert.equal(search.total_items, MAX_RESULTS);
      assert.equal(search.total_items_capped, true);
      assert.equal(search.total_pages, MAX_RESULTS / 25);
      const last = (await get(api.base, `/services?search=near%20Boston&full=false&page=${MAX_RESULTS / 25}`)).json;
      assert.equal(last.size, 25);
      assert.equal(last.last_page, true);
      const deeper = await get(api.base, `/services?search=near%20Boston&page=${MAX_RESULTS / 25 + 1}`);
      assert.equal(deeper.status, 400);
      assert.equal(deeper.json.parameter, 'page');
      const few = (await get(api.base, '/services?search=naloxone&full=false')).json;
      assert.equal(few.total_items_capped, undefined);
      // Nearest first even when more than 1,000 places are in range.
      const [lat, lon] = zips[HOME_ZIP];
      const want = [...KNOWN, ...many]
        .filter((r) => r.location)
        .map((r) => ({ id: uuidFor('service_at_location', r.id), d: metres(lat, lon, r.location.latitude, r.location.longitude) }))
        .filter((x) => x.d <= 30000)
        .sort((a, b) => a.d - b.d);
      assert.ok(want.length > MAX_RESULTS);
      const near = (await get(api.base, `/service_at_locations?postcode=${HOME_ZIP}&proximity=30000&per_page=100&full=false`)).json;
      assert.equal(near.total_items, MAX_RESULTS);
      assert.equal(near.total_items_capped, true);
      assert.deepEqual(near.contents.map((x) => x.id), want.slice(0, 100).map((x) => x.id));
    });

    if (backend.name === 'PostgreSQL') {
      test('while a load runs, readers see the old data; after the commit, the new', async () => {
        await loadDatasets(db, [dataset(KNOWN)], { zips });
        let seenDuring;
        await loadDatasets(db, [dataset(seeded(12))], {
          zips,
          beforeCommit: async () => {
            seenDuring = (await get(api.base, '/services?per_page=1&full=false')).json.total_items;
          },
        });
        assert.equal(seenDuring, KNOWN.length);
        assert.equal((await get(api.base, '/services?per_page=1&full=false')).json.total_items, 12);
      });

      test('PostGIS and bounding box + great-circle give the same answers', async (t) => {
        const exts = await db.extensions();
        if (!exts.has('postgis')) {
          t.skip('PostGIS is not installed on this server');
          return;
        }
        await loadDatasets(db, [dataset([...KNOWN, ...seeded(300, 7)])], { zips });
        const bbox = await start(db, { distance: 'bbox' });
        const postgis = await start(db, { distance: 'postgis' });
        try {
          for (const [zip, m] of [['02135', 800], ['02135', 4000], ['02134', 9000], ['02118', 15000], ['01608', 70000]]) {
            for (const extra of ['', '&search=support', `&taxonomy_term_id=${uuidFor('taxonomy_term', 'recovery-finder-category', 'housing')}`]) {
              const path = `/service_at_locations?postcode=${zip}&proximity=${m}&per_page=100&full=false${extra}`;
              const a = (await get(bbox.base, path)).json;
              const b = (await get(postgis.base, path)).json;
              assert.equal(a.total_items, b.total_items, path);
              assert.deepEqual(a.contents.map((x) => x.id), b.contents.map((x) => x.id), path);
            }
          }
        } finally {
          await bbox.close();
          await postgis.close();
        }
      });
    }
  });
}
