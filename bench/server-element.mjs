// Through the element: keystroke to results painted in <recovery-resource-search api="…">
// reading the reference HSDS server (the built CLI, `recovery-finder serve`).
//
//   npm run build && node bench/server-element.mjs --database postgres://...   # data already loaded
//   npm run build && node bench/server-element.mjs --records 20000             # PGlite, synthetic data
//
// With --database it serves what that database holds (bench/server.mjs --load-only loads the
// 1,000,000 synthetic records); without, it writes --records synthetic records
// (bench/server-data.mjs) to a temporary file and serves them on embedded PostgreSQL (PGlite).
// The page is the CMS bundle as `npm run build` builds it, on a loopback host page; each
// query is typed one key at a time, as a person types (bench/probe.js reads only what a
// person sees). A key's latency: its keydown timestamp to the end of the first frame that
// painted what the screen then settled on. It includes the element's typing pause
// (RecoveryResourceSearch.apiPauseMs, 350 ms: one request per pause), so the figure minus the
// pause is the request, the server and the rendering. Writes bench/results/server-element.json.
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { buildCms, keyAnswer, launch, newPage, root, serve, startListening, stats } from './harness.mjs';
import { records } from './server-data.mjs';

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    records: { type: 'string', default: '20000' },
    port: { type: 'string', default: '18098' },
    pool: { type: 'string' },
  },
});
const QUERIES = ['peer support', 'naloxone', 'outpatint'];
const PAUSE_MS = 350;
const say = (line) => process.stderr.write(`${line}\n`);
const load1 = () => Number(loadavg()[0].toFixed(1));

const tmp = await mkdtemp(join(tmpdir(), 'recovery-bench-api-'));
let api;
let browser;
let http;
try {
  // The HSDS server.
  const args = [join(root, 'dist/cli.js'), 'serve', '--port', values.port, '--quiet', '--max-age', '0'];
  let what;
  if (values.database) {
    args.push('--database', values.database);
    if (values.pool) args.push('--pool', values.pool);
    what = 'PostgreSQL (the data loaded there)';
  } else {
    const n = Number(values.records);
    const file = join(tmp, 'synthetic.json');
    const out = createWriteStream(file);
    out.write(`{"schema_version":"1.0","generated_at":"2026-11-27T00:00:00Z","title":"synthetic","time_zone":"America/New_York","sources":[],"resources":[`);
    let first = true;
    for (const r of records(n)) {
      if (!out.write(`${first ? '' : ','}${JSON.stringify(r)}`)) await once(out, 'drain');
      first = false;
    }
    out.end(']}');
    await once(out, 'finish');
    args.push(file);
    what = `PGlite, ${n.toLocaleString('en-US')} synthetic records`;
  }
  say(`starting the HSDS server: ${what}`);
  api = await startListening(args);
  const apiUrl = `http://127.0.0.1:${values.port}/`;
  const [health] = [await (await fetch(`${apiUrl}healthz`)).json()];

  // The host page.
  const distDir = join(tmp, 'dist');
  await buildCms(distDir);
  const pages = new Map();
  const files = new Map([['probe.js', await readFile(join(root, 'bench/probe.js'))]]);
  const served = await serve(distDir, files, pages);
  http = served.server;
  const watch = JSON.stringify({ host: '[data-bench]', waits: { results: '[part~="result"]' } });
  pages.set(
    'api.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>recovery-finder benchmark: api=</title>
<script>window.__benchWatch = ${watch};</script>
<script src="/files/probe.js"></script>
<script type="module" src="/dist/recovery-finder.js"></script>
</head><body><h1>A host page</h1>
<recovery-resource-search data-bench api="${apiUrl}"></recovery-resource-search>
</body></html>`,
  );

  browser = await launch();
  const { context, page } = await newPage(browser);
  const loadBefore = load1();
  await page.goto(`${served.origin}/page/api.html`, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__probe?.waits.results, undefined, { timeout: 120_000, polling: 100 });
  const firstResults = await page.evaluate(() => window.__probe.waits.results.painted);
  const input = page.locator('[data-bench]').locator('input[part~="input"]');
  await input.click();
  const latencies = [];
  const perQuery = {};
  let unchanged = 0;
  let missed = 0;
  for (const q of QUERIES) {
    perQuery[q] = [];
    await page.evaluate(() => window.__probe.arm());
    await input.fill('');
    await page.evaluate(() => window.__probe.settle(1500, 3000));
    for (const ch of q) {
      await page.evaluate(() => window.__probe.arm());
      await page.keyboard.type(ch);
      // Quiet for 1.5 s (the pause and the request are in flight before that), or 5 s unchanged.
      const s = await page.evaluate(() => window.__probe.settle(1500, 5000));
      const a = keyAnswer(s);
      if (a.unchanged) {
        unchanged++;
        continue;
      }
      if (a.missed) {
        missed++;
        continue;
      }
      const ms = a.ms;
      latencies.push(ms);
      perQuery[q].push(Math.round(ms));
    }
  }
  await context.close();
  const results = {
    server: what,
    services: health.services,
    pauseMs: PAUSE_MS,
    firstResultsPaintedMs: Math.round(firstResults),
    keys: latencies.length + unchanged + missed,
    measured: latencies.length,
    unchanged,
    missed,
    latency: stats(latencies),
    afterPause: stats(latencies.map((x) => x - PAUSE_MS)),
    perQuery,
    loadavg: [loadBefore, load1()],
    at: new Date().toISOString(),
  };
  await writeFile(join(root, 'bench/results/server-element.json'), `${JSON.stringify(results, null, 2)}\n`);
  say(JSON.stringify(results, null, 2));
} finally {
  await browser?.close();
  http?.close();
  if (api && api.exitCode === null) {
    api.kill('SIGTERM');
    await once(api, 'exit').catch(() => undefined);
  }
  await rm(tmp, { recursive: true, force: true });
}
