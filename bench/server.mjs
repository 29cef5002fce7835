// The HSDS server at scale: a seeded synthetic dataset of 1,000,000 records spread over the
// US ZIP centroids (data/zip-centroids-us.json), built from the real records' shapes
// (data/resources.json), loaded into a real PostgreSQL server; then p50/p99 latency and
// throughput with autocannon for a text search, a ZIP + proximity query and the two
// combined, at 1, 16 and 64 concurrent clients; and the query plans.
//
//   npm run build && node bench/server.mjs [--records 1000000] [--duration 10] [--database URL]
//   [--load-only]   load (and time it) only; [--skip-load]  measure the data already loaded
//   [--pool N] the server's connections (default 4); [--pool-test] also 2, 4, 8 and 16 (combined, 16 clients)
//   [--cached-only] measure only with the answer cache, keeping the other rows of the last run
//   [--pglite] embedded PostgreSQL instead: the load into a throwaway PGlite folder, `serve --data-dir` on it
//   [--clients 1,16,64] the concurrent clients of each row; [--queries text,zip,combined,taxonomy]
//   [--uncached-only] skip the answer-cache rows; [--out server] the name of the results files
//
// Without --database (and without --pglite) it starts a throwaway PostgreSQL 15
// (tools/pg-test-server.sh) and stops it at the end. Writes bench/results/<out>.json and .md.
// Each row records the machine's `uptime` line when it began: the machine is shared.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nearestRank, startListening } from './harness.mjs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { once } from 'node:events';
import autocannon from 'autocannon';
import { openDatabase, loadDatasets } from '@recovery-finder/server';
import { validateResource } from '../dist/core.js';
import { records, zips } from './server-data.mjs';
import { questions } from './server-questions.mjs';
import { cpuReference } from './cpu-reference.mjs';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '1000000' },
    duration: { type: 'string', default: '10' },
    database: { type: 'string' },
    'skip-load': { type: 'boolean', default: false },
    'load-only': { type: 'boolean', default: false },
    port: { type: 'string', default: '18099' },
    pool: { type: 'string', default: '4' },
    'pool-test': { type: 'boolean', default: false },
    'cached-only': { type: 'boolean', default: false },
    pglite: { type: 'boolean', default: false },
    clients: { type: 'string', default: '1,16,64' },
    queries: { type: 'string', default: 'text,zip,combined,taxonomy' },
    'uncached-only': { type: 'boolean', default: false },
    out: { type: 'string', default: 'server' },
    'data-dir': { type: 'string' },
  },
});
const RECORDS = Number(values.records);
const DURATION = Number(values.duration);
const say = (line) => process.stderr.write(`${line}\n`);
const CLIENTS = values.clients.split(',').map(Number);
const QUERIES = values.queries.split(',');
const OUT = values.out;
/** The machine's `uptime` line (load averages over 1, 5 and 15 minutes): the machine is shared. */
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
/** The memory the kernel reports free, available, in the page cache and dirty (MB), where it tells. */
const meminfo = () => {
  try {
    const text = readFileSync('/proc/meminfo', 'utf8');
    /** @type {(key: string) => number | undefined} */
    const mb = (key) => { const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text); return m ? Math.round(Number(m[1]) / 1024) : undefined; };
    return { freeMb: mb('MemFree'), availableMb: mb('MemAvailable'), cachedMb: mb('Cached'), dirtyMb: mb('Dirty') };
  } catch {
    return undefined;
  }
};

/** The nearest-rank percentile of a list of numbers (bench/harness.mjs). */
const percentile = (values, p) => nearestRank([...values].sort((a, b) => a - b), p);

/**
 * A row's answers by the second they came back: how many, and their p99 (ms). A row whose
 * answers a second move a lot had its pace change within it; the machine's, when the questions
 * are the same kind throughout (bench/pace.mjs measures it idle).
 */
const bySecond = (answered, t0) => {
  /** @type {number[][]} */
  const seconds = [];
  // (the answers still in flight when the row's time ran out come back after it: not a second)
  for (const [t, ms] of answered) if (t - t0 < DURATION * 1000) (seconds[Math.floor((t - t0) / 1000)] ??= []).push(ms);
  // (a second with no answer, a stall, counts 0 answers and has no p99)
  const timeline = [...seconds].map((s = []) => ({ answers: s.length, p99: s.length ? Math.round(percentile(s, 0.99)) : null }));
  const counts = timeline.map((s) => s.answers);
  const p99s = timeline.flatMap((s) => (s.p99 === null ? [] : [s.p99]));
  return { answersMin: Math.min(...counts), answersMax: Math.max(...counts), p99Min: Math.min(...p99s), p99Max: Math.max(...p99s), timeline };
};

// -------------------------------------------------------------------------------------------
// The synthetic dataset
// -------------------------------------------------------------------------------------------

// Every synthetic record has the real records' shape: check a sample against the schema.
{
  let checked = 0;
  for (const r of records(2000, 99)) {
    const v = validateResource(r);
    if (!v.ok) throw new Error(`synthetic record invalid: ${JSON.stringify(v.problems)}`);
    checked++;
  }
  say(`${checked} sample synthetic records validate against the schema`);
}

// -------------------------------------------------------------------------------------------
// PostgreSQL, the load, the server
// -------------------------------------------------------------------------------------------

let pgDir;
let url = values.database;
// shared_buffers a quarter of the memory (PostgreSQL's usual advice; 6 GB on the 24 GB machine of
// BENCHMARKS.md), at least 1 GB; the page cache the rest.
const memoryGb = Math.floor(totalmem() / 2 ** 30);
const PG_OPTIONS =
  `-c shared_buffers=${Math.max(1, Math.floor(memoryGb / 4))}GB -c effective_cache_size=${Math.max(2, Math.floor(memoryGb / 2))}GB ` +
  '-c maintenance_work_mem=512MB -c work_mem=16MB -c max_wal_size=8GB -c checkpoint_timeout=30min -c random_page_cost=1.1 -c max_connections=100';
// PGlite: loaded here into a folder, then served from it by `serve --data-dir` (its own process).
const pgliteDir = values.pglite ? (values['data-dir'] ?? mkdtempSync(join(tmpdir(), 'recovery-pglite-'))) : undefined;
if (!url && !pgliteDir) {
  const out = execFileSync(`${root}tools/pg-test-server.sh`, ['start'], {
    encoding: 'utf8',
    env: { ...process.env, PG_TEST_OPTIONS: PG_OPTIONS },
  });
  url = /DATABASE_URL=(\S+)/.exec(out)[1];
  pgDir = /PG_TEST_DIR=(\S+)/.exec(out)[1];
  say(`started PostgreSQL at ${url}`);
}
const stopPg = () => {
  if (pgliteDir && !values['data-dir']) rmSync(pgliteDir, { recursive: true, force: true });
  if (pgDir) execFileSync(`${root}tools/pg-test-server.sh`, ['stop', pgDir], { stdio: 'inherit' });
};

const results = { records: RECORDS, machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30) } };
let server;
try {
  const db = await openDatabase(pgliteDir ? { dataDir: pgliteDir } : { url, poolSize: 20 });
  results.postgres = String((await db.query('select version() as v'))[0].v).split(' on ')[0];
  results.postgis = (await db.extensions()).has('postgis');
  const loadFile = `${root}bench/results/${OUT}-load.json`;
  if (!values['skip-load']) {
    say(`loading ${RECORDS} records...`);
    // What the load's time depends on besides the code: the server's settings (wal_level minimal
    // writes no log for the new tables) and the memory free for the page cache (a load of
    // 1,000,000 records writes about 8 GB of new files; where the page cache must first be
    // reclaimed, each gigabyte costs seconds of the kernel's time).
    const settings = pgliteDir ? undefined : Object.fromEntries((await db.query(
      `select name, current_setting(name) as v from pg_settings where name in ('wal_level', 'shared_buffers', 'maintenance_work_mem', 'work_mem', 'max_wal_size', 'synchronous_commit')`,
    )).map((r) => [r.name, r.v]));
    const memoryBefore = meminfo();
    const cpuBefore = process.cpuUsage();
    const before = loadavg().map((x) => Number(x.toFixed(1)));
    const uptimeBefore = uptime();
    // The machine's speed at the time (bench/cpu-reference.mjs), before and after.
    const referenceBefore = cpuReference().ms;
    /** @type {Record<string, number>} */
    const steps = {};
    const summary = await loadDatasets(db, [{ title: 'synthetic', generated_at: '2026-11-27T00:00:00Z', resources: records(RECORDS) }], {
      zips,
      // Where the load's time goes (wall ms per step; the mapping overlaps the COPY of the batch before).
      onStep: (step, ms) => { steps[step] = Math.round(ms); say(`  ${String(Math.round(ms)).padStart(8)} ms  ${step}`); },
    });
    const cpu = process.cpuUsage(cpuBefore);
    results.load = { ...summary, steps, seconds: summary.ms / 1000, settings, memoryBefore, memoryAfter: meminfo(),
      nodeCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)), loadavgBefore: before, loadavgAfter: loadavg().map((x) => Number(x.toFixed(1))), uptimeBefore, uptimeAfter: uptime(), at: new Date().toISOString(),
      cpuReferenceMs: [referenceBefore, cpuReference().ms] };
    say(`loaded in ${(summary.ms / 1000).toFixed(1)} s (load average before ${before.join(', ')}, after ${results.load.loadavgAfter.join(', ')}; ` +
      `Node ${results.load.nodeCpuSeconds} s of CPU; CPU reference ${results.load.cpuReferenceMs.join(' and ')} ms; ${JSON.stringify(settings ?? {})}; memory free before ${memoryBefore?.freeMb} MB)`);
    writeFileSync(loadFile, `${JSON.stringify({ records: RECORDS, postgres: results.postgres, load: results.load }, null, 2)}\n`);
  } else if (existsSync(loadFile)) {
    // The load measured by an earlier run (--load-only) into the same database.
    const earlier = JSON.parse(readFileSync(loadFile, 'utf8'));
    if (earlier.records === RECORDS) results.load = earlier.load;
  }
  const [size] = await db.query(`select pg_size_pretty(sum(pg_total_relation_size(c.oid))) as s from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'hsds' and c.relkind = 'r'`);
  results.databaseSize = size.s;
  results.backend = pgliteDir ? 'PGlite' : 'PostgreSQL';
  if (!values['skip-load'] && !values['load-only'] && !pgliteDir) {
    // Measured on settled data, not while autovacuum reads the new tables or a checkpoint
    // writes out what the load left in shared buffers.
    await db.query('vacuum (analyze)');
    await db.query('checkpoint');
  }
  if (values['load-only']) {
    await db.close();
    stopPg();
    process.exit(0);
  }

  // The HSDS server as users run it: the built CLI, in its own process.
  const port = Number(values.port);
  const startServer = async ({ pool, cacheMb }) => {
    server = await startListening([`${root}dist/cli.js`, 'serve', ...(pgliteDir ? ['--data-dir', pgliteDir] : ['--database', url]), '--port', String(port), '--quiet',
      '--pool', String(pool), '--cache-mb', String(cacheMb)]);
  };
  const stopServer = async () => {
    server.kill('SIGTERM');
    await once(server, 'exit').catch(() => undefined);
    server = undefined;
  };
  const base = `http://127.0.0.1:${port}`;

  // The questions (bench/server-questions.mjs): the same order as before the lists moved there.
  const { cached: paths, uncached: uncachedPaths } = questions();

  // The plans: run one request of each kind against a database wrapper that records its SQL.
  const api = await import('../packages/server/src/api.js');
  results.plans = {};
  const distance = results.postgis ? 'postgis' : 'bbox';
  for (const [kind, list] of Object.entries(paths).filter(([k]) => QUERIES.includes(k))) {
    const seen = [];
    const spy = { ...db, query: (sql, params) => (seen.push([sql, [...(params ?? [])]]), db.query(sql, params)) };
    const u = new URL(list[0], base);
    if (kind === 'text' || kind === 'taxonomy') await api.listServices(spy, u.searchParams);
    else await api.listServiceAtLocations(spy, u.searchParams, { distance });
    results.plans[kind] = { path: list[0], plans: [] };
    // (not the planner's estimate that picks how a text search is read, nor the table size)
    for (const [sql, params] of seen.filter(([q]) => !/^explain|pg_class|^select \(websearch/.test(q))) {
      const rows = await db.query(`explain (analyze, buffers, costs off) ${sql}`, params);
      results.plans[kind].plans.push({ sql: sql.replace(/\s+/g, ' ').slice(0, 300), plan: rows.map((r) => r['QUERY PLAN']).join('\n') });
    }
  }
  await db.close();

  results.loadavgBefore = loadavg().map((x) => Number(x.toFixed(1)));
  const POOL = Number(values.pool);
  /** One autocannon run over a list of paths (each connection takes the next path). */
  const measure = async (list, connections, label) => {
    let i = 0;
    // The machine's speed just before and just after the row (bench/cpu-reference.mjs).
    const referenceBefore = cpuReference().ms;
    const setupRequest = (req) => ({ ...req, path: list[i++ % list.length] });
    // Warm up: connections, PostgreSQL's buffers (and the answer cache, when on).
    await autocannon({ url: base, connections, duration: 2, requests: [{ setupRequest }] });
    const loadBefore = Number(loadavg()[0].toFixed(1));
    const uptimeAt = uptime();
    /** Each answer: when it came back and its latency (ms). */
    const answered = [];
    const started = Date.now();
    const run = autocannon({ url: base, connections, duration: DURATION, timeout: 60, headers: { 'accept-encoding': 'gzip' }, requests: [{ setupRequest }] });
    run.on('response', (_client, _status, _bytes, ms) => answered.push([Date.now(), ms]));
    const r = await run;
    const seconds = bySecond(answered, started);
    const row = {
      ...label,
      connections,
      requests: r.requests.total,
      rps: Math.round(r.requests.average),
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      max: r.latency.max,
      errors: r.errors + r.timeouts,
      non2xx: r.non2xx,
      loadavg: [loadBefore, Number(loadavg()[0].toFixed(1))],
      uptime: uptimeAt,
      cpuReferenceMs: [referenceBefore, cpuReference().ms],
      seconds,
    };
    say(`${JSON.stringify(label)} ${String(connections).padStart(2)} clients: p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.rps} req/s, ${row.non2xx} non-2xx, ${row.errors} errors, load ${row.loadavg.join('-')}, CPU reference ${row.cpuReferenceMs.join(' and ')} ms; ` +
      `each second ${seconds.answersMin}-${seconds.answersMax} answers, p99 ${seconds.p99Min}-${seconds.p99Max} ms`);
    return row;
  };

  // 1. Every request a question the server has not answered yet: no answer cache (--cache-mb 0).
  // (--cached-only: keep those of the last run, bench/results/server.json.)
  const last = values['cached-only'] ? JSON.parse(readFileSync(`${root}bench/results/${OUT}.json`, 'utf8')) : undefined;
  results.load_test = last?.load_test ?? [];
  if (!last) await startServer({ pool: POOL, cacheMb: 0 });
  for (const [kind, list] of last ? [] : Object.entries(uncachedPaths).filter(([k]) => QUERIES.includes(k))) {
    for (const connections of CLIENTS) results.load_test.push(await measure(list, connections, { query: kind, pool: POOL, cache: false }));
  }
  if (!last) await stopServer();
  // 2. The pool size: the combined query at 16 clients, uncached.
  results.pool_test = last?.pool_test ?? [];
  for (const pool of values['pool-test'] && !last && !pgliteDir ? [2, 4, 8, 16] : []) {
    await startServer({ pool, cacheMb: 0 });
    results.pool_test.push(await measure(uncachedPaths.combined, 16, { query: 'combined', pool, cache: false }));
    await stopServer();
  }
  // 3. Questions asked again (each list of 200 questions, each asked once before): the answer cache on (the default).
  results.cached_test = [];
  if (!values['uncached-only']) await startServer({ pool: POOL, cacheMb: 64 });
  for (const [kind, list] of values['uncached-only'] ? [] : Object.entries(paths).filter(([k]) => QUERIES.includes(k))) {
    for (let i = 0; i < list.length; i += 4) {
      await Promise.all(list.slice(i, i + 4).map(async (path) => (await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer()));
    }
    for (const connections of CLIENTS) results.cached_test.push(await measure(list, connections, { query: kind, pool: POOL, cache: true }));
  }
  if (server) await stopServer();
} finally {
  if (server) {
    server.kill('SIGTERM');
    await once(server, 'exit').catch(() => undefined);
  }
  stopPg();
}

function table(rows, pool = false) {
  return [
    `| query | ${pool ? 'pool | ' : ''}clients | p50 ms | p90 ms | p99 ms | req/s | non-2xx | errors | load avg (1 min, before-after) | CPU reference ms (before, after) | answers a second (lowest-highest) | each second's p99 ms (lowest-highest) | uptime at the start |`,
    `|---|${pool ? '---:|' : ''}---:|---:|---:|---:|---:|---:|---:|---|---|---|---:|---:|---|`,
    ...rows.map((r) => `| ${r.query} | ${pool ? `${r.pool} | ` : ''}${r.connections} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.rps} | ${r.non2xx} | ${r.errors} | ${r.loadavg.join('-')} | ${r.cpuReferenceMs?.join(', ') ?? ''} | ` +
      `${r.seconds ? `${r.seconds.answersMin}-${r.seconds.answersMax}` : ''} | ${r.seconds ? `${r.seconds.p99Min}-${r.seconds.p99Max}` : ''} | ${r.uptime ?? ''} |`),
  ];
}

writeFileSync(`${root}bench/results/${OUT}.json`, `${JSON.stringify(results, null, 2)}\n`);
const md = [
  `# HSDS server at scale (generated by bench/server.mjs)`,
  '',
  `${RECORDS.toLocaleString('en-US')} synthetic records; ${results.backend}: ${results.postgres}${results.postgis ? ' with PostGIS' : ''}; ` +
    `${results.machine.cpus} CPUs (${results.machine.cpu}), ${results.machine.memoryGb} GB; database ${results.databaseSize}.`,
  '',
  `Machine load average (1, 5, 15 min) when the HTTP runs began: ${results.loadavgBefore?.join(', ')} ` +
    '(the 2 cores were shared with other work; the server, PostgreSQL and autocannon all ran on them).',
  '',
  results.load ? `Load (one transaction: rows, then keys, indexes and ANALYZE; load average ${results.load.loadavgBefore?.join(', ')} before, ${results.load.loadavgAfter?.join(', ')} after): **${results.load.seconds.toFixed(0)} s** ` +
    `(${results.load.services.toLocaleString('en-US')} services, ${results.load.organizations.toLocaleString('en-US')} organizations, ${results.load.locations.toLocaleString('en-US')} locations)${results.load.cpuReferenceMs ? `; CPU reference ${results.load.cpuReferenceMs.join(' ms before, ')} ms after (bench/cpu-reference.mjs: the machine's speed at the time, lower is faster)` : ''}.` : '',
  '',
  `autocannon, ${DURATION} s per row after a 2 s warm-up, gzip accepted; the server with --pool ${values.pool}. ` +
    "Each second's answers and p99: the JSON report, `seconds.timeline`.",
  '',
  '### Questions not answered before (answer cache off, --cache-mb 0)',
  '',
  ...table(results.load_test),
  '',
  ...(results.pool_test.length ? ['### Pool size (combined query, 16 clients, cache off)', '', ...table(results.pool_test, true), ''] : []),
  '### Questions asked again (answer cache on, the default; 200 questions of each kind, warmed)',
  '',
  ...table(results.cached_test),
  '',
  '## Query plans (EXPLAIN ANALYZE, one request of each kind)',
  '',
  ...Object.entries(results.plans).flatMap(([kind, p]) => [
    `### ${kind}: \`${p.path}\``,
    '',
    ...p.plans.flatMap((x) => ['```', x.plan, '```', '']),
  ]),
].join('\n');
writeFileSync(`${root}bench/results/${OUT}.md`, `${md}\n`);
say(`wrote bench/results/${OUT}.json and bench/results/${OUT}.md`);
