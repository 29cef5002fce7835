// What each benchmark question costs the first time it is asked (nothing kept: a fresh process),
// and the second time, single client, through the api functions (no HTTP).
//   node bench/first-ask.mjs (postgres://... | PGLITE_DIR) text|taxonomy|zip [how many questions]
import { openDatabase } from '../packages/server/src/db.js';
import * as api from '../packages/server/src/api.js';
import { questions } from './server-questions.mjs';

const [target, kind = 'text', n = '96'] = process.argv.slice(2);
if (!target) throw new Error('usage: node bench/first-ask.mjs (postgres://... | PGLITE_DIR) text|taxonomy|zip [N]');
const pg = target.startsWith('postgres');
const db = await openDatabase(pg ? { url: target } : { dataDir: target });
const options = { distance: pg ? 'postgis' : 'bbox' };
const list = questions().uncached[kind].slice(0, Number(n));
await db.query('select 1');
const rows = [];
for (const path of list) {
  const u = new URL(path, 'http://x');
  const answer = u.pathname === '/services' ? api.listServices : api.listServiceAtLocations;
  const ask = () => (db.read ? db.read((tx) => answer({ ...db, query: tx.query }, u.searchParams, options)) : answer(db, u.searchParams, options));
  let t = performance.now();
  await ask();
  const first = performance.now() - t;
  t = performance.now();
  await ask();
  rows.push([first, performance.now() - t, decodeURIComponent(path)]);
}
const at = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const firsts = rows.map((r) => r[0]);
const seconds = rows.map((r) => r[1]);
console.log(`${kind}, ${rows.length} questions. First ask: mean ${mean(firsts).toFixed(1)}, p50 ${at(firsts, 0.5).toFixed(1)}, ` +
  `p90 ${at(firsts, 0.9).toFixed(1)}, max ${Math.max(...firsts).toFixed(1)} ms; second: mean ${mean(seconds).toFixed(1)}, max ${Math.max(...seconds).toFixed(1)} ms`);
for (const [first, second, path] of rows.sort((a, b) => b[0] - a[0]).slice(0, 5)) console.log(`  ${first.toFixed(1)} / ${second.toFixed(1)} ms  ${path}`);
await db.close();
