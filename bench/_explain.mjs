import { openDatabase } from '@recovery-finder/server';
import * as api from '../packages/server/src/api.js';
const db = await openDatabase({ url: process.env.DATABASE_URL });
const path = process.argv[2];
const u = new URL(path, 'http://x');
const seen = [];
const spy = { query: (sql, params) => (seen.push([sql, params]), db.query(sql, params)) };
let t = performance.now();
if (u.pathname === '/services') await api.listServices(spy, u.searchParams);
else await api.listServiceAtLocations(spy, u.searchParams, { distance: 'postgis' });
console.log('first run ms', (performance.now() - t).toFixed(1));
t = performance.now();
if (u.pathname === '/services') await api.listServices(db, u.searchParams);
else await api.listServiceAtLocations(db, u.searchParams, { distance: 'postgis' });
console.log('second run ms', (performance.now() - t).toFixed(1));
for (const [sql, params] of seen.filter(([q]) => !/^explain|pg_class/.test(q))) {
  const rows = await db.query(`explain (analyze, buffers, costs off) ${sql}`, params);
  console.log(rows.map((r) => r['QUERY PLAN']).filter((l) => process.argv[3] || !/SubPlan|InitPlan|->  (Index|Seq|Bitmap|Hash|Nested|Aggregate|Sort|Limit)/.test(l) || !/loops=25|loops=2[0-9]{2}/.test(l)).join('\n'));
}
await db.close();
