// A question's next page starts after the last row of the page before it (api.js, BOUNDS) when
// that page was read in the same load: the same items as reading down to an offset, in the same
// order, whichever way a client walks the pages.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadDatasets } from '@recovery-finder/server';
import { listServices, listServiceAtLocations } from '../src/api.js';
import { BACKENDS, open } from './backends.mjs';
import { KNOWN, seeded, dataset, zips } from './fixture.mjs';

for (const backend of BACKENDS) {
  const db = await open(backend);
  after(() => db.close());
  const records = [...KNOWN, ...seeded(400, 11)];

  test(`${backend.name}: a walk of the pages gives the list read at once, and starts each page after the last`, async () => {
    await loadDatasets(db, [dataset(records)], { zips });
    /** @type {string[]} */
    let sent = [];
    const spy = { ...db, query: (sql, params, prepare) => (sent.push(sql), db.query(sql, params, prepare)) };
    const lists = [
      (q) => listServices(spy, new URLSearchParams(q)),
      (q) => listServiceAtLocations(spy, new URLSearchParams(q), { distance: 'bbox' }),
    ];
    /** The ids of one page. */
    const ids = async (list, q) => JSON.parse(await list(q)).contents.map((x) => x.id);
    const WORDS = ['boston', 'support', 'recovery', 'family'];
    // Each whole list, read down to each page's offset: its pages of 100 asked last first, so
    // none starts after a page read before it (a page's end is kept once it is read).
    /** @type {Map<string, string[]>} */
    const wholes = new Map();
    for (const word of WORDS) {
      for (const [which, list] of lists.entries()) {
        const total = JSON.parse(await list(`search=${word}&full=false&per_page=1`)).total_items;
        const pages = [];
        for (let n = Math.ceil(total / 100); n >= 1; n--) pages.unshift(await ids(list, `search=${word}&full=false&per_page=100&page=${n}`));
        const whole = pages.flat();
        assert.equal(whole.length, total);
        assert.equal(new Set(whole).size, whole.length, 'each once');
        wholes.set(`${which} ${word}`, whole);
      }
    }
    assert.ok([...wholes.values()].some((w) => w.length > 100), 'a list longer than a page of 100');
    assert.ok(!sent.some((sql) => /\) > \(select /.test(sql)), 'read down to offsets');
    let afterRows = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...WORDS),
        fc.integer({ min: 3, max: 11 }),
        fc.constantFrom(0, 1),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        async (word, perPage, which, jumps) => {
          const list = /** @type {(q: string) => Promise<string>} */ (lists[which]);
          const whole = /** @type {string[]} */ (wholes.get(`${which} ${word}`));
          const pages = Math.ceil(whole.length / perPage);
          const want = (/** @type {number} */ n) => whole.slice((n - 1) * perPage, n * perPage);
          // Page after page, then pages asked out of order (some after a page that was read, some not).
          sent = [];
          for (let n = 1; n <= pages; n++) assert.deepEqual(await ids(list, `search=${word}&full=false&per_page=${perPage}&page=${n}`), want(n), `${word}, ${perPage} a page, page ${n}`);
          afterRows += sent.filter((sql) => /\) > \(select /.test(sql)).length;
          for (const j of jumps) {
            const n = 1 + (j % (pages + 1));
            assert.deepEqual(await ids(list, `search=${word}&full=false&per_page=${perPage}&page=${n}`), want(n), `${word}, ${perPage} a page, page ${n} again`);
          }
        },
      ),
      { numRuns: 24, seed: 2026 },
    );
    assert.ok(afterRows > 20, `pages started after the last row of the page before: ${afterRows}`);
  });
}
