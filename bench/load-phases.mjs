// A load into a PostgreSQL server started by tools/pg-test-server.sh, timed by phase: the rows
// (COPY), the ordered fills with the keys, indexes and statistics, the foreign keys with the
// swap. For each, the wall time and the CPU seconds of Node and of PostgreSQL (the server's
// processes' ticks in /proc, Linux only). Issue #21's "before and after" runs (BENCHMARKS.md).
//   DATABASE_URL=... node bench/load-phases.mjs RECORDS PG_TEST_DIR
//   ROOT=/path/to/another/checkout: that tree's packages/server (a before, from a worktree)
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const ROOT = process.env.ROOT ?? new URL('..', import.meta.url).pathname;
const { openDatabase, loadDatasets } = await import(`${ROOT}/packages/server/src/index.js`);
const { records, zips } = await import(`${ROOT}/bench/server-data.mjs`);
const RECORDS = Number(process.argv[2] ?? 200000);
const dir = process.argv[3] ?? process.env.PG_TEST_DIR;
if (!process.env.DATABASE_URL || !dir) throw new Error('usage: DATABASE_URL=... node bench/load-phases.mjs RECORDS PG_TEST_DIR');

/** Clock ticks a second, the unit of /proc/PID/stat's CPU times. */
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
const postmaster = readFileSync(`${dir}/data/postmaster.pid`, 'utf8').split('\n')[0];
/** The server's CPU seconds: the postmaster, its children, and the children it has reaped. */
const pgCpu = () => {
  let children = [];
  try {
    children = execFileSync('pgrep', ['-P', postmaster], { encoding: 'utf8' }).trim().split(/\s+/).filter(Boolean);
  } catch {
    // none
  }
  let ticks = 0;
  for (const pid of [postmaster, ...children]) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks / TICKS;
};
const nodeCpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};
const marks = [];
const mark = (name) => marks.push({ name, wall: performance.now() / 1000, node: nodeCpu(), pg: pgCpu() });

const db = await openDatabase({ url: process.env.DATABASE_URL });
// The phases begin where the load's connections send their first statement of each.
const connect = db.connect.bind(db);
let ordered = false;
let finals = false;
db.connect = async () => {
  const session = await connect();
  const query = session.query.bind(session);
  session.query = async (sql, params) => {
    if (!ordered && /^insert into hsds_next\.service /.test(sql)) { ordered = true; mark('fills, keys, indexes'); }
    if (!finals && /add foreign key/.test(sql)) { finals = true; mark('foreign keys, swap'); }
    return query(sql, params);
  };
  return session;
};
mark('rows (COPY)');
const summary = await loadDatasets(db, [{ title: 'synthetic', generated_at: '2026-11-27T00:00:00Z', resources: records(RECORDS) }], { zips });
mark('end');
// The phases are told apart by load.js's statements: say so when one was not seen (its time is
// then counted in the phase before).
for (const [seen, name] of [[ordered, 'fills, keys, indexes'], [finals, 'foreign keys, swap']]) {
  if (!seen) console.warn(`note: no statement began the phase "${name}" (load.js changed?)`);
}
for (let i = 0; i < marks.length - 1; i++) {
  const [a, b] = [marks[i], marks[i + 1]];
  console.log(`${a.name.padEnd(22)} wall ${(b.wall - a.wall).toFixed(1).padStart(6)} s  node ${(b.node - a.node).toFixed(1).padStart(6)}  pg ${(b.pg - a.pg).toFixed(1).padStart(6)}`);
}
console.log(`total ${(summary.ms / 1000).toFixed(1)} s`);
await db.close();
