// The longest task while the HSDS source reads one page of 100,000 services (a directory that
// ignores per_page), in headless Chromium: a PerformanceObserver('longtask') in the page, the
// directory a local HTTP server answering every service at once. Run:
//   node bench/hsds-page.mjs [services=100000] [runs=3] [entry=bench/hsds-page-entry.ts]
// (`entry` lets the same page be built from another checkout's source, for a before/after.)
// TRACE=1 (or TRACE=file-prefix, to keep each trace as prefix-N.json) also records a Chromium
// trace of each run and prints each long task of the page's main thread: its wall time, its
// thread (CPU) time, and the events in it (V8's garbage collections, the body's reading).
import { build } from 'vite';
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { launch, newPage, root } from './harness.mjs';
import { synthService } from '../test/server/hsds-plugin.mjs';

const [services = 100_000, runs = 3] = process.argv.slice(2, 4).map(Number);
const entry = resolve(process.argv[4] ?? join(root, 'bench/hsds-page-entry.ts'));

const out = await mkdtemp(join(tmpdir(), 'hsds-page-'));
await build({
  root: dirname(entry),
  configFile: false,
  logLevel: 'warn',
  build: { outDir: out, emptyOutDir: true, target: 'es2022', minify: !process.env.LOAF, lib: { entry, formats: ['es'], fileName: () => 'bench.js' }, rolldownOptions: { output: { codeSplitting: false } } },
});
const script = await readFile(join(out, 'bench.js'), 'utf8');
await rm(out, { recursive: true, force: true });

const contents = Array.from({ length: services }, (_, i) => synthService(i));
const page = JSON.stringify({ total_items: services, total_pages: 1, page_number: 1, size: services, contents });
console.log(`page: ${services} services, ${(page.length / 1e6).toFixed(1)} MB`);
const server = createServer((req, res) => {
  if (req.url?.startsWith('/api/services')) {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(page) });
    res.end(page);
  } else if (req.url === '/bench.js') {
    res.writeHead(200, { 'Content-Type': 'text/javascript' });
    res.end(script);
  } else {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><script type="module" src="/bench.js"></script>');
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
try {
  for (let i = 0; i < runs; i++) {
    const { context, page: p } = await newPage(browser);
    await p.goto(process.env.LOAF ? `${base}?loaf` : base);
    if (process.env.LOAF) p.on('console', (m) => console.log(m.text().slice(0, 1500)));
    await p.waitForFunction(() => typeof window.runHsdsPage === 'function');
    const tracing = process.env.TRACE ? await startTrace(context, p) : undefined;
    const r = await p.evaluate((api) => window.runHsdsPage(api), `${base}api/`);
    console.log(`run ${i + 1}: ${r.records} records, longest task ${r.longest.toFixed(0)} ms, ${r.longTasks} long tasks, ${r.totalMs.toFixed(0)} ms in all`);
    if (tracing) {
      const events = await tracing();
      if (process.env.TRACE !== '1') await writeFile(`${process.env.TRACE}-${i + 1}.json`, JSON.stringify({ traceEvents: events }));
      for (const line of longTasksOf(events)) console.log(`  ${line}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

/** Start a Chromium trace of the page (CDP); the function returned ends it and gives its events. */
async function startTrace(context, p) {
  const cdp = await context.newCDPSession(p);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,v8,disabled-by-default-v8.gc', transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

/**
 * The renderer main thread's tasks (and microtask checkpoints) over 50 ms, each with its thread
 * time and the outermost events inside it that took 5 ms or more, as lines of text.
 */
function longTasksOf(events) {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return ['(no renderer main thread in the trace)'];
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const top = new Set(['ThreadControllerImpl::RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint']);
  const tasks = [];
  let end = -1;
  for (const e of mine) {
    if (!top.has(e.name) || e.ts < end) continue;
    end = e.ts + e.dur;
    if (e.dur > 50_000) tasks.push(e);
  }
  const ms = (us) => (us / 1000).toFixed(0);
  return tasks.map((t) => {
    const inside = mine.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.dur >= 5_000 && !e.name.startsWith('V8.GC'));
    const parts = inside.map((e) => `${e.name} ${ms(e.dur)}${e.tdur === undefined ? '' : ` (CPU ${ms(e.tdur)})`}`).join(', ');
    return `task ${ms(t.dur)} ms, CPU ${t.tdur === undefined ? '?' : ms(t.tdur)} ms: ${parts || '(nothing over 5 ms traced inside)'}`;
  });
}
