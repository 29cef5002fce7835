// What the load generator itself costs: the same HSDS server and the same questions, measured
// by autocannon (JavaScript, in Node, as bench/server.mjs does) and by wrk (C; Debian's `wrk`
// package), alternately. On a 2-core machine the client shares the cores with the server and
// PostgreSQL, so a lighter client leaves them more; real clients run elsewhere. The server is
// started afresh before each run (no count or plan kept from the run before), warmed with
// other questions, then asked the same questions in the same order by either client.
//
//   npm run build && node bench/server-clients.mjs (--database URL | --data-dir PGLITE_DIR)
//     [--queries zip,taxonomy] [--rounds 3] [--duration 10] [--out server-clients]
// Data: loaded before, by bench/server.mjs --load-only. Prints one line a run and writes
// bench/results/<out>.json. It asserts nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startListening, root } from './harness.mjs';
import { questions } from './server-questions.mjs';
import { zipList } from './server-data.mjs';
import { seededRandom } from '../test/seeded-random.js';
import { cpuReference } from './cpu-reference.mjs';

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    'data-dir': { type: 'string' },
    queries: { type: 'string', default: 'zip,taxonomy' },
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '10' },
    port: { type: 'string', default: '18098' },
    out: { type: 'string', default: 'server-clients' },
  },
});
if (!values.database === !values['data-dir']) throw new Error('give one of --database URL or --data-dir PGLITE_DIR');
if (spawnSync('wrk', ['--version']).error) throw new Error('wrk is not installed (Debian: apt-get install wrk)');

const DURATION = Number(values.duration);
const base = `http://127.0.0.1:${values.port}`;
const tmp = mkdtempSync(join(tmpdir(), 'recovery-clients-'));
// wrk's script: the questions of a file, in order, gzip accepted (as bench/server.mjs asks);
// at the end one line with the figures, latencies in ms.
const lua = join(tmp, 'questions.lua');
writeFileSync(lua, `local paths = {}
for line in io.lines(os.getenv("QUESTIONS")) do paths[#paths + 1] = line end
local i = 0
wrk.headers["Accept-Encoding"] = "gzip"
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i - 1) % #paths + 1])
end
done = function(summary, latency)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d\\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.status + e.connect + e.read + e.write + e.timeout))
end
`);

const startServer = () => startListening([`${root}dist/cli.js`, 'serve',
  ...(values.database ? ['--database', values.database] : ['--data-dir', values['data-dir']]),
  '--port', values.port, '--quiet', '--pool', '4', '--cache-mb', '0']);

/** @param {string[]} warm @param {string[]} list */
async function byAutocannon(warm, list) {
  let w = 0;
  await autocannon({ url: base, connections: 16, duration: 2, requests: [{ setupRequest: (req) => ({ ...req, path: warm[w++ % warm.length] }) }] });
  let i = 0;
  const r = await autocannon({ url: base, connections: 16, duration: DURATION, timeout: 60, headers: { 'accept-encoding': 'gzip' },
    requests: [{ setupRequest: (req) => ({ ...req, path: list[i++ % list.length] }) }] });
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx };
}

/** @param {string} warmFile @param {string} listFile */
function byWrk(warmFile, listFile) {
  const run = (file, seconds) => execFileSync('wrk', ['-t1', '-c16', `-d${seconds}s`, '--timeout', '60s', '-s', lua, base],
    { env: { ...process.env, QUESTIONS: file }, encoding: 'utf8' });
  run(warmFile, 2);
  const [rps, p50, p90, p99, , errors] = /RESULT (.*)/.exec(run(listFile, DURATION))[1].split(' ').map(Number);
  return { rps: Math.round(rps), p50, p90, p99, errors };
}

const rows = [];
try {
  for (const kind of values.queries.split(',')) {
    const list = questions().uncached[kind];
    if (!list) throw new Error(`no questions of kind ${kind}`);
    // Warm-up questions the measured run does not ask (for the postcode questions, whose list
    // is long enough not to repeat within a run: other ZIP codes).
    const random = seededRandom(99);
    const warm = kind === 'zip'
      ? Array.from({ length: 2000 }, () => `/service_at_locations?postcode=${zipList[Math.floor(random() * zipList.length)]}&proximity=8000`)
      : list;
    const listFile = join(tmp, `${kind}.txt`);
    const warmFile = join(tmp, `${kind}-warm.txt`);
    writeFileSync(listFile, `${list.join('\n')}\n`);
    writeFileSync(warmFile, `${warm.join('\n')}\n`);
    for (let round = 0; round < Number(values.rounds); round++) {
      // Alternate which client goes first.
      for (const client of round % 2 ? ['wrk', 'autocannon'] : ['autocannon', 'wrk']) {
        const server = await startServer();
        const loadBefore = Number(loadavg()[0].toFixed(1));
        const r = client === 'wrk' ? byWrk(warmFile, listFile) : await byAutocannon(warm, list);
        const exited = once(server, 'exit');
        server.kill('SIGTERM');
        await exited;
        const row = { query: kind, round: round + 1, client, ...r, loadavg: loadBefore, cpuReferenceMs: cpuReference().ms };
        rows.push(row);
        process.stderr.write(`${JSON.stringify(row)}\n`);
      }
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
writeFileSync(`${root}bench/results/${values.out}.json`, `${JSON.stringify({ backend: values.database ? 'PostgreSQL' : 'PGlite', duration: DURATION, rows }, null, 2)}\n`);
