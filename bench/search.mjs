#!/usr/bin/env node
// Search benchmark: keystroke-to-results at 1,000 and 10,000 SYNTHETIC records (generated
// from word lists in bench/search-entry.ts; never shipped as data), in headless Chromium.
//   node bench/search.mjs
// Reports (a) plain fuse.js over every record (the baseline, same run) and (b) our index, per
// keystroke (median, p95, long tasks > 50 ms), and the whole element at 10,000 records: mounting
// to first results (and the longest task meanwhile: validation + index build), then a real
// key press in the search box to the results rendered. Writes bench/results/search.json.
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { bundle, openBench, root } from './harness.mjs';
import { findChromium } from '../tools/find-chrome.mjs';

const { page, close } = await openBench(await bundle('search-entry.ts'));

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
await close();

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
