/**
 * Loading: a load replaces the data atomically; a failed load leaves the previous data
 * serving; ids stay the same across loads; the shipped dataset loads whole. And distance:
 * PostGIS and the bounding-box + great-circle query give the same answers.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { loadDatasets, uuidFor } from '@recovery-finder/server';
import { BACKENDS, open, start, get } from './backends.mjs';
import { KNOWN, seeded, dataset, zips, root, HOME_ZIP, metres, termOf } from './fixture.mjs';

/** Wait until `check` says yes (asked again every 20 ms). */
async function until(check) {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 20));
}

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
      const count = (q) => (sql, params) => (asked.push(sql), q.query(sql, params));
      const counting = { ...db, query: count(db), read: (fn) => db.read((tx) => fn({ query: count(tx) })) };
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
      // Without the answer cache every request is a search (its items read and built again).
      const uncached = await start(counting, { cacheMb: 0 });
      asked.length = 0;
      try {
        const built = () => asked.filter((sql) => /string_agg/.test(sql)).length;
        // (the data now: seeded records, all "near Boston")
        await get(uncached.base, '/services?search=boston');
        assert.equal(built(), 1);
        await get(uncached.base, '/services?search=boston');
        assert.equal(built(), 2);
      } finally {
        await uncached.close();
      }
      await loadDatasets(db, [dataset(KNOWN)], { zips });
    });

    test('the count of a question is made once per load: the next page of it counts nothing again', async () => {
      await loadDatasets(db, [dataset([...KNOWN, ...seeded(120, 21)])], { zips });
      const asked = [];
      const count = (q) => (sql, params) => (asked.push(sql), q.query(sql, params));
      const counting = { ...db, query: count(db), read: (fn) => db.read((tx) => fn({ query: count(tx) })) };
      const uncached = await start(counting, { cacheMb: 0 });
      const counts = () => asked.filter((sql) => /count\(\*\)/.test(sql)).length;
      try {
        const path = '/services?search=support%20group&full=false&per_page=10';
        const first = (await get(uncached.base, path)).json;
        assert.equal(counts(), 1);
        const second = (await get(uncached.base, `${path}&page=2`)).json;
        assert.equal(counts(), 1, 'page 2 of the same question: no count');
        assert.equal(second.total_items, first.total_items);
        // A new load: the same question is counted again, on the new data.
        await loadDatasets(db, [dataset(KNOWN)], { zips });
        const again = (await get(uncached.base, `${path}&page=2`)).json;
        assert.equal(counts(), 2);
        assert.ok(again.total_items < first.total_items);
        // A question with no match (its count kept: 0), then a load where it has some: found.
        const none = '/services?search=zanzibar&full=false';
        assert.equal((await get(uncached.base, none)).json.total_items, 0);
        assert.equal((await get(uncached.base, none)).json.total_items, 0);
        const named = seeded(3, 5).map((r, i) => ({ ...r, id: `zanzibar-${i}`, name: `Zanzibar Recovery House ${i}` }));
        await loadDatasets(db, [dataset([...KNOWN, ...named])], { zips });
        assert.equal((await get(uncached.base, none)).json.total_items, 3, 'counted again in the new load');
      } finally {
        await uncached.close();
      }
    });

    test('a ZIP code whose centre a new load moves is measured from the new centre', async () => {
      const all = [...KNOWN, ...seeded(120, 21)];
      const [lat, lon] = zips[HOME_ZIP];
      const near = (la, lo) => all.filter((r) => r.location && metres(la, lo, r.location.latitude, r.location.longitude) <= 15000).length;
      const path = `/service_at_locations?postcode=${HOME_ZIP}&proximity=15000&full=false&per_page=5`;
      await loadDatasets(db, [dataset(all)], { zips });
      const uncached = await start(db, { cacheMb: 0 });
      try {
        const before = (await get(uncached.base, path)).json;
        assert.equal(before.total_items, near(lat, lon));
        assert.ok(before.total_items > 0);
        // The same records; the ZIP code's centre 0.3 degrees north (about 33 km).
        await loadDatasets(db, [dataset(all)], { zips: { ...zips, [HOME_ZIP]: [lat + 0.3, lon] } });
        const after = (await get(uncached.base, path)).json;
        assert.equal(after.total_items, near(lat + 0.3, lon));
        assert.notEqual(after.total_items, before.total_items);
      } finally {
        await uncached.close();
        await loadDatasets(db, [dataset(KNOWN)], { zips });
      }
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

    test('text with tabs, line breaks, backslashes and a literal \\N is copied in as it was', async () => {
      const odd = {
        ...KNOWN[0],
        id: 'odd-text',
        name: 'Odd\tText Café',
        description: 'Line one\nLine\ttwo\r\nback \\ slash, \\N is no null, tab at the end\t',
        organization: { name: 'Back\\slash\nOrg' },
      };
      await loadDatasets(db, [dataset([odd])], { zips });
      const s = (await get(api.base, `/services/${uuidFor('service', 'odd-text')}`)).json;
      assert.equal(s.name, odd.name);
      assert.equal(s.description, odd.description);
      assert.equal(s.organization.name, odd.organization.name);
      // The generated search columns: the accent-free word finds it, by name first.
      const found = (await get(api.base, '/services?search=cafe&full=false')).json;
      assert.deepEqual(found.contents.map((x) => x.id), [s.id]);
      const org = (await get(api.base, '/organizations?search=slash')).json;
      assert.equal(org.total_items, 1);
      await loadDatasets(db, [dataset(KNOWN)], { zips });
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
      assert.ok(s.attributes.some((a) => termOf(a)?.code === 'prsc'));
    });

    test('rows copied in many small batches are the rows of one batch, byte for byte', async () => {
      // A load writes each table's COPY bytes into two buffers in turn, one filling while the
      // other's batch is sent: with 7 records a batch, each buffer is written over dozens of
      // times. Every table's rows, as PostgreSQL prints them, must not change with the batch size.
      const records = dataset([...KNOWN, ...seeded(300, 11)]);
      const tables = async () => {
        const names = (await db.query(`select tablename from pg_tables where schemaname = 'hsds' and tablename <> 'meta' order by 1`)).map((r) => r.tablename);
        const out = {};
        for (const t of names) {
          const [row] = await db.query(`select count(*)::int as n, md5(coalesce(string_agg(x::text, E'\\n' order by x::text), '')) as digest from hsds.${t} as x`);
          out[t] = `${row.n} ${row.digest}`;
        }
        return out;
      };
      await loadDatasets(db, [records], { zips, batch: 100000 });
      const whole = await tables();
      await loadDatasets(db, [records], { zips, batch: 7 });
      const small = await tables();
      assert.ok(Object.keys(whole).length >= 14, `every table compared (${Object.keys(whole).join(', ')})`);
      assert.ok(Number(whole.service_doc.split(' ')[0]) > 300, 'the services are there');
      assert.deepEqual(small, whole);
    });

    test('every advertised page is served: walking a large directory gives every match exactly once', async () => {
      const many = seeded(2600, 5);
      // Services of one name: the order must break the tie the same way on every page.
      const twins = seeded(60, 9).map((r, i) => ({ ...r, id: `twin-${i}`, name: 'Harbor Twin Sober Housing' }));
      const all = [...KNOWN, ...many, ...twins];
      await loadDatasets(db, [dataset(all)], { zips });
      const term = (taxonomy, code) => uuidFor('taxonomy_term', taxonomy, code);
      const service = term('recovery-finder-kind', 'service');
      const housing = term('recovery-finder-category', 'housing');
      const groups = term('recovery-finder-category', 'support-groups');
      const [lat, lon] = zips[HOME_ZIP];
      const within = (r, m) => r.location && metres(lat, lon, r.location.latitude, r.location.longitude) <= m;
      const ids = (list, entity = 'service') => list.map((r) => uuidFor(entity, r.id)).sort();
      const cases = [
        { path: '/services?full=false', want: ids(all) },
        { path: '/services?search=boston&full=false', want: ids(all.filter((r) => /boston/i.test(`${r.description} ${r.region ?? ''}`))) },
        { path: `/services?taxonomy_term_id=${service}&full=false`, want: ids(all.filter((r) => r.kind === 'service')) },
        {
          path: `/services?taxonomy_term_id=${housing},${groups}&full=false`,
          want: ids(all.filter((r) => r.categories.includes('housing') || r.categories.includes('support-groups'))),
        },
        { path: '/service_at_locations?full=false', want: ids(all.filter((r) => r.location || r.address), 'service_at_location') },
        {
          path: `/service_at_locations?postcode=${HOME_ZIP}&proximity=15000&full=false`,
          want: ids(all.filter((r) => within(r, 15000)), 'service_at_location'),
        },
      ];
      /** Every page from 1 to total_pages; the ids seen, in order. */
      const walk = async (path, perPage) => {
        const first = (await get(api.base, `${path}&per_page=${perPage}`)).json;
        const seen = [...first.contents];
        for (let n = 2; n <= first.total_pages; n++) {
          const r = await get(api.base, `${path}&per_page=${perPage}&page=${n}`);
          assert.equal(r.status, 200, `${path} page ${n}`);
          assert.equal(r.json.page_number, n);
          assert.equal(r.json.total_items, first.total_items, 'the same total on every page');
          assert.equal(r.json.last_page, n === first.total_pages);
          assert.equal(r.json.size, n < first.total_pages ? perPage : first.total_items - perPage * (n - 1));
          seen.push(...r.json.contents);
        }
        return { total: first.total_items, seen };
      };
      await fc.assert(
        // Every case, at page sizes the property picks.
        fc.asyncProperty(fc.integer({ min: 60, max: 100 }), async (perPage) => {
          for (const { path, want } of cases) {
            assert.ok(want.length > 1000, `${path}: a list longer than 1,000`);
            const { total, seen } = await walk(path, perPage);
            assert.equal(total, want.length, `${path}: total_items is exact`);
            assert.equal(seen.length, want.length, `${path}: as many items as total_items`);
            assert.ok(seen.map((x) => x.id).sort().every((id, k) => id === want[k]), `${path}: every match exactly once`);
            if (path.includes('proximity')) {
              const d = seen.map((x) => metres(lat, lon, x.location.latitude, x.location.longitude));
              assert.ok(d.every((x, k) => k === 0 || x >= d[k - 1] - 0.01), `${path}: nearest first, across pages`);
            } else if (!path.includes('search')) {
              const names = seen.map((x) => x.name ?? x.service.name);
              assert.ok(names.every((x, k) => k === 0 || names[k - 1] <= x), `${path}: name order, across pages`);
            } else {
              // The name matches, then the others: two runs, each in (name, id) order.
              const key = (x) => `${x.name}\u0000${x.id}`;
              const descents = seen.filter((x, k) => k > 0 && key(seen[k - 1]) > key(x)).length;
              assert.ok(descents <= 1, `${path}: ${descents} steps back in (name, id) order, across pages`);
            }
          }
        }),
        { numRuns: 2, seed: 2026 },
      );
      // format=ndjson gives every match, however many: no limit, as paging has none.
      for (const { path, want } of cases) {
        const r = await get(api.base, `${path}&format=ndjson`);
        assert.equal(r.status, 200, `${path} as ndjson`);
        const lines = r.text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l).id);
        assert.equal(lines.length, want.length, `${path}: ndjson gives all ${want.length} matches`);
        assert.ok(lines.sort().every((id, k) => id === want[k]), `${path}: ndjson gives every match exactly once`);
      }
      // Services of one name found by it: in id order within the name, page by page (pages of 7
      // fall inside the name's 60 services).
      const twinIds = twins.map((r) => uuidFor('service', r.id)).sort();
      const found = [];
      for (let n = 1; n <= Math.ceil(twins.length / 7); n++) {
        found.push(...(await get(api.base, `/services?search=twin&full=false&per_page=7&page=${n}`)).json.contents.map((x) => x.id));
      }
      assert.deepEqual(found, twinIds, 'one name\'s services, in id order, across pages');
      // Beyond the last page: an empty page, not an error.
      const beyond = await get(api.base, '/services?search=boston&full=false&page=999');
      assert.equal(beyond.status, 200);
      assert.equal(beyond.json.size, 0);
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

      test('a load swapping the data in the middle of an answer: the answer is all old data, then all new', async () => {
        await loadDatasets(db, [dataset(KNOWN)], { zips });
        // A filter, so that the answer takes several queries (the count, the page): an
        // unfiltered list reads its count and page in one.
        const path = '/services?per_page=100&full=false&modified_after=2000-01-01';
        const plain = await start(db, { cacheMb: 0 });
        const oldAnswer = (await get(plain.base, path)).json;
        assert.equal(oldAnswer.total_items, KNOWN.length);
        let loading;
        let asked = 0;
        // The second query of the answer starts a load and waits until it has finished or waits itself.
        const spy = {
          ...db,
          read: (fn) => db.read((tx) => fn({
            query: async (sql, params) => {
              if (++asked === 2) {
                loading = loadDatasets(db, [dataset(seeded(30))], { zips });
                loading.catch(() => undefined);
                let done = false;
                loading.then(() => (done = true), () => (done = true));
                await until(async () => done || (await db.query(
                  `select count(*)::int as n from pg_locks where not granted and relation = 'hsds.meta'::regclass`,
                ))[0].n > 0);
              }
              return tx.query(sql, params);
            },
          })),
        };
        const swapping = await start(spy, { cacheMb: 0 });
        try {
          // A question not asked before (its count is not kept): the count, then the page.
          const during = await get(swapping.base, path.replace('2000-01-01', '2000-01-02'));
          assert.equal(asked, 2, 'the answer took two queries');
          assert.equal(during.status, 200);
          await loading;
          const newAnswer = (await get(plain.base, path)).json;
          assert.equal(newAnswer.total_items, 30);
          assert.ok(
            [oldAnswer, newAnswer].some((x) => JSON.stringify(x) === JSON.stringify(during.json)),
            `one dataset, not a mix: total ${during.json.total_items}, ${during.json.size} items`,
          );
        } finally {
          await swapping.close();
          await plain.close();
        }
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

test('ids stay what they were: uuidFor is the name-based UUID (SHA-1, version 5 layout) for any parts', () => {
  // The layout as first written (a Hash object, bytes changed in place): ids must never move.
  const reference = (...parts) => {
    const h = createHash('sha1').update(`recovery-finder:hsds:${parts.join('\u001f')}`).digest();
    h[6] = (h[6] & 0x0f) | 0x50;
    h[8] = (h[8] & 0x3f) | 0x80;
    const x = h.subarray(0, 16).toString('hex');
    return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
  };
  assert.equal(uuidFor('service', 'known-centro'), 'a7a17d83-90ae-53c7-95e5-9fd9f3f0f13f');
  fc.assert(fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 4 }), (parts) => uuidFor(...parts) === reference(...parts)), { numRuns: 2000 });
});
