// Prepared statements (db.js): values written as SQL literals for EXECUTE come back as they
// went in, whatever they hold; a prepared list answers as an unprepared one, across loads.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadDatasets } from '@recovery-finder/server';
import { sqlLiteral } from '../src/db.js';
import { BACKENDS, open, start, get } from './backends.mjs';
import { KNOWN, seeded, dataset, zips, HOME_ZIP } from './fixture.mjs';

for (const backend of BACKENDS) {
  const db = await open(backend);
  after(() => db.close());

  test(`${backend.name}: a value written as a literal reads back as itself`, async () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\u0000'));
    const tricky = ["O'Brien", 'back\\slash', '\\x27', "'; drop table x; --", '"quoted"', '{a,b}', 'e\u0301', '🙂', '\n\t'];
    for (const value of tricky) {
      const [row] = await db.query(`select ${sqlLiteral(value)}::text = $1 as same`, [value]);
      assert.equal(row?.same, true, JSON.stringify(value));
    }
    await fc.assert(
      fc.asyncProperty(text, fc.array(text, { maxLength: 4 }), fc.double({ noNaN: true, noDefaultInfinity: true }), async (value, list, number) => {
        const [row] = await db.query(
          `select ${sqlLiteral(value)}::text = $1 as a, ${sqlLiteral(list)}::text[] = $2::text[] as b, ${sqlLiteral(number)}::float8 = $3::float8 as c`,
          [value, list, number],
        );
        assert.deepEqual(row, { a: true, b: true, c: true });
      }),
      { numRuns: 150, seed: 2026 },
    );
    assert.equal(sqlLiteral(Number.NaN), undefined, 'not a number: no literal (the query runs unprepared)');
    assert.equal(sqlLiteral('a\u0000b'), undefined);
    assert.equal(sqlLiteral({}), undefined);
  });

  test(`${backend.name}: prepared lists answer as unprepared ones, page after page and across loads`, async () => {
    await loadDatasets(db, [dataset([...KNOWN, ...seeded(150, 3)])], { zips });
    const server = await start(db, { cacheMb: 0 });
    const paths = [
      '/services?search=support&full=false&per_page=9',
      '/services?full=false&per_page=9',
      `/service_at_locations?postcode=${HOME_ZIP}&proximity=20000&full=false&per_page=9`,
    ];
    try {
      // More asks than PostgreSQL's five custom plans, so the kept (generic) plan answers too.
      const first = new Map();
      for (let ask = 0; ask < 8; ask++) {
        for (const path of paths) {
          for (const page of [1, 2, 3]) {
            const r = await get(server.base, `${path}&page=${page}`);
            assert.equal(r.status, 200);
            const key = `${path}&page=${page}`;
            if (!first.has(key)) first.set(key, r.text);
            else assert.equal(r.text, first.get(key), `${key}, ask ${ask + 1}`);
          }
        }
      }
      // A new load swaps the tables: the statements prepared on the old ones read the new.
      await loadDatasets(db, [dataset(seeded(40, 8))], { zips });
      const all = (await get(server.base, '/services?full=false&per_page=9')).json;
      assert.equal(all.total_items, 40);
      const near = (await get(server.base, `${paths[2]}&page=1`)).json;
      assert.ok(near.contents.every((x) => x.id !== undefined));
      assert.ok(near.total_items <= 40);
    } finally {
      await server.close();
      await loadDatasets(db, [dataset(KNOWN)], { zips });
    }
  });
}
