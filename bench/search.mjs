#!/usr/bin/env node
// Search benchmark: keystroke-to-results at 1,000 and 10,000 SYNTHETIC records (generated
// from word lists in bench/search-entry.ts; never shipped as data), in headless Chromium.
//   node bench/search.mjs
// Reports (a) plain fuse.js over every record (the baseline, same run) and (b) our index, per
// keystroke (median, p95, long tasks > 50 ms), and the whole element at 10,000 records: mounting
// to first results (and the longest task meanwhile: validation + index build), then a real
// key press in the search box to the results rendered. Writes bench/results/search.json.
import { build } from 'vite';
import { createServer } from 'node:http';
import { mkdtemp, readFile, writeFile, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChromium } from '../scripts/find-chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = await mkdtemp(join(tmpdir(), 'rs-bench-'));
await build({
  root,
  configFile: false,
  logLevel: 'warn',
  mode: 'production',
  build: {
    outDir: out,
    emptyOutDir: true,
    target: 'es2022',
    lib: { entry: join(root, 'bench/search-entry.ts'), formats: ['es'], fileName: () => 'bench.js' },
    rolldownOptions: { output: { codeSplitting: false } },
  },
});
const code = await readFile(join(out, 'bench.js'), 'utf8');
await rm(out, { recursive: true, force: true });

// Serve the page over http: an about:blank page (setContent) lost its renderer when the element mounted.
const server = createServer((req, res) => {
  if (req.url === '/bench.js') {
    res.writeHead(200, { 'Content-Type': 'text/javascript' });
    res.end(code);
  } else {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><html lang="en"><head><script type="module" src="/bench.js"></script></head><body></body></html>');
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROME_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('pageerror', (e) => console.error('page error:', e.message));
page.on('crash', () => console.error('page crashed'));
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.error(`console ${m.type()}: ${m.text()}`); });
await page.goto(`${origin}/`);
await page.waitForFunction(() => window.__bench);

const core = [];
for (const n of [1000, 10000]) core.push(await page.evaluate((n) => window.__bench.benchCore(n), n));

// The whole element at 10,000 records: real key presses, a person's pace (150 ms apart).
const mount = await page.evaluate(() => window.__bench.mountElement(10000));
await page.evaluate(() => {
  window.__long = [];
  new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: false });
});
const input = page.locator('recovery-resource-search').locator('input[type="search"]');
const latencies = [];
for (const q of ['peer support', 'sober house', 'narcan', 'dorchester']) {
  await input.fill('');
  await page.waitForTimeout(300);
  for (const ch of q) {
    const before = await page.evaluate(() => window.__rendered.length);
    const t0 = await page.evaluate(() => performance.now());
    await page.keyboard.type(ch);
    await page.waitForFunction((n) => window.__rendered.length > n, before);
    const t1 = await page.evaluate(() => window.__rendered.at(-1));
    latencies.push(t1 - t0);
    await page.waitForTimeout(150);
  }
}
const longTasks = await page.evaluate(() => window.__long);
await browser.close();
server.close();

const sorted = [...latencies].sort((a, b) => a - b);
const pct = (q) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 10) / 10;
const element = {
  records: 10000,
  mountToResultsMs: mount.mountToResultsMs,
  longTasksWhileMounting: mount.longTasks,
  longestMountTaskMs: mount.longestTaskMs,
  keystrokes: latencies.length,
  keystrokeToRenderedMs: { median: pct(0.5), p95: pct(0.95), max: pct(1) },
  includesDebounceMs: 60,
  longTasksWhileTyping: longTasks.length,
  longestTaskMs: longTasks.length ? Math.round(Math.max(...longTasks)) : 0,
};
const result = {
  note: 'SYNTHETIC records generated from word lists (bench/search-entry.ts), for timing only.',
  date: new Date().toISOString(),
  chromium: findChromium(),
  core: core.map((c) => ({ ...c, speedup: { median: Math.round((c.fuse.median / c.ours.median) * 10) / 10, p95: Math.round((c.fuse.p95 / c.ours.p95) * 10) / 10 } })),
  element,
};
await mkdir(join(root, 'bench/results'), { recursive: true });
await writeFile(join(root, 'bench/results/search.json'), `${JSON.stringify(result, null, 2)}\n`);

for (const c of result.core) {
  console.log(`${c.records} records: validate ${c.validateMs} ms; build fuse ${c.buildMs.fuse} ms, ours ${c.buildMs.ours} ms`);
  console.log(`  plain fuse.js  median ${c.fuse.median} ms  p95 ${c.fuse.p95} ms  max ${c.fuse.max} ms  long tasks ${c.fuse.longTasks}/${c.fuse.keystrokes}`);
  console.log(`  our index      median ${c.ours.median} ms  p95 ${c.ours.p95} ms  max ${c.ours.max} ms  long tasks ${c.ours.longTasks}/${c.ours.keystrokes}`);
  console.log(`  ratio          median ${c.speedup.median}x  p95 ${c.speedup.p95}x faster`);
  console.log(`  "dental" top 5: fuse ${JSON.stringify(c.dentalTop5.fuse)}; ours ${JSON.stringify(c.dentalTop5.ours)}`);
}
console.log(`element, 10000 records: mount to results ${element.mountToResultsMs} ms (long tasks ${element.longTasksWhileMounting}, longest ${element.longestMountTaskMs} ms); key press to results rendered (incl. ${element.includesDebounceMs} ms debounce) median ${element.keystrokeToRenderedMs.median} ms, p95 ${element.keystrokeToRenderedMs.p95} ms, max ${element.keystrokeToRenderedMs.max} ms over ${element.keystrokes} keys; long tasks while typing: ${element.longTasksWhileTyping} (longest ${element.longestTaskMs} ms)`);
console.log('wrote bench/results/search.json');
