#!/usr/bin/env node
// Disposal benchmark: nearest-10 places that take pills within 25 miles, in headless Chromium.
//   node bench/disposal.mjs
// On the national file (data/us-disposal-2018.json, ~5,000 real sites) and on 50,000 (the real
// sites plus copies jittered by a few km, generated here and never shipped). Reports the index
// build time and the per-query time of NearestIndex (kdbush + geokdbush) against the baseline
// of computing haversine for every site and sorting (same run, same queries, results compared).
// Writes bench/results/disposal.json.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { bundle, openBench, root } from './harness.mjs';

const code = await bundle('disposal-entry.ts');
const dataset = JSON.parse(await readFile(join(root, 'data/us-disposal-2018.json'), 'utf8'));

const { browser, page, close } = await openBench(code);
const results = [];
let version;
try {
  version = browser.version();
  await page.evaluate((rs) => (window.__records = rs), dataset.resources);
  for (const n of [dataset.resources.length, 50_000]) results.push(await page.evaluate((n) => window.__bench.run(window.__records, n), n));
} finally {
  await close();
}

const f = (x) => x.toFixed(3);
for (const r of results) {
  console.log(`\n${r.records.toLocaleString('en')} sites (${r.indexed.toLocaleString('en')} indexed)`);
  console.log(`  index build:         median ${f(r.buildMs.median)} ms, p95 ${f(r.buildMs.p95)} ms (${r.buildMs.n} builds)`);
  console.log(`  nearest-10, index:   median ${f(r.nearest10.index.median)} ms, p95 ${f(r.nearest10.index.p95)} ms per query`);
  console.log(`  nearest-10, sort-all: median ${f(r.nearest10.baseline.median)} ms, p95 ${f(r.nearest10.baseline.p95)} ms per query`);
  console.log(`  index is ${r.nearest10.ratioMedian.toFixed(1)}x faster at the median, ${r.nearest10.ratioP95.toFixed(1)}x at p95; ${r.mismatches} of ${r.queries} queries differ`);
}
await mkdir(join(root, 'bench/results'), { recursive: true });
await writeFile(
  join(root, 'bench/results/disposal.json'),
  `${JSON.stringify({ date: new Date().toISOString(), browser: `Chromium ${version}`, note: 'per-query times are batch means (20 queries per batch, 20 batches); generated points never shipped', results }, null, 2)}\n`,
);
console.log('\nwrote bench/results/disposal.json');
