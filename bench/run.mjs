#!/usr/bin/env node
// `npm run bench`: the elements measured from OUTSIDE, in headless Chromium over a loopback
// HTTP server, against a baseline in the same run, at 1,000, 10,000 and 100,000 SYNTHETIC
// records (bench/synth.ts, fixed seed; never shipped). Writes bench/results/elements.json and
// the block between `<!-- bench:elements:start -->` and `<!-- bench:elements:end -->` in
// BENCHMARKS.md (the rest of that file is left as it is).
//
//   node bench/run.mjs            everything (a few minutes on 2 cores)
//   node bench/run.mjs --quick    1,000 and 10,000 records only, fewer repeats (no BENCHMARKS.md)
//   node bench/run.mjs --md-only  rewrite the BENCHMARKS.md block from bench/results/elements.json
//   node bench/run.mjs --only=search,prsc --sizes=10000   a subset (no BENCHMARKS.md)
//   node bench/run.mjs --profile  CPU profiles of load and typing at 1,000, 10,000 and 100,000 records
//                                 and of the PRSC map with 50,000 centres
//                                 (unminified build) summarised in bench/results/profile.md
//
// What "from outside" means here: the page is a plain host page with the element's tag and
// the CMS script (built as `npm run build` builds it); the benchmark reads the element's shadow
// DOM (parts, roles, headings) as a person would see it, presses real keys, and never touches
// the element's private state. See bench/probe.js for how a frame counts as painted.
import { cpus, loadavg, availableParallelism, tmpdir } from 'node:os';
import { copyFile, mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { buildCms, bundle, keyAnswer, launch, loadSynth, newPage, root, serve, stats } from './harness.mjs';

const argv = new Set(process.argv.slice(2));
const QUICK = argv.has('--quick');
const PROFILE = argv.has('--profile');
/** `--only=search,bundled,prsc,disposal,core`: run only these parts (no BENCHMARKS.md). */
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const part = (name) => !ONLY || ONLY.includes(name);
/** `--sizes=1000,10000`: only these dataset sizes (search and profiles; no BENCHMARKS.md). */
const SIZES_ARG = process.argv.find((a) => a.startsWith('--sizes='))?.slice(8).split(',').map(Number);
const SIZES = SIZES_ARG ?? (QUICK ? [1000, 10000] : [1000, 10000, 100000]);
const REPEATS = (n) => (QUICK ? 3 : n >= 100000 ? 2 : 5);
/** Typed one key at a time; every prefix is a keystroke. */
const QUERIES = ['peer support', 'narcan', 'outpatint'];
/** Massachusetts ZIPs typed into the disposal locator (each then Enter). */
const ZIPS = ['01013', '02139', '01101', '02740', '01602', '01840', '02301', '02360', '01201', '02108', '01060', '02649'];
/** A key counts as answered when the screen has not changed for this long (and was painted). */
const SETTLE_MS = 300;
/** ...or this long while it still shows what it showed before the key (a slow answer may come). */
const UNCHANGED_MS = 700;
const T0 = Date.now();
// Runs stop by themselves: a run that has not finished in 40 minutes is abandoned.
setTimeout(() => {
  console.error('bench: gave up after 40 minutes');
  process.exit(1);
}, 40 * 60_000).unref();
const log = (...a) => console.log(`[${((Date.now() - T0) / 1000).toFixed(0).padStart(4)} s]`, ...a);
const load1 = () => Math.round(loadavg()[0] * 100) / 100;

if (argv.has('--md-only')) {
  // Rewrite the BENCHMARKS.md block from the last run's bench/results/elements.json.
  await writeBenchmarksMd(JSON.parse(await readFile(join(root, 'bench/results/elements.json'), 'utf8')));
  process.exit(0);
}

const tmp = await mkdtemp(join(tmpdir(), 'recovery-bench-'));
const distDir = join(tmp, 'dist');
let browser;
let server;
try {
  log(`building the CMS bundle${PROFILE ? ' (unminified, for profiles)' : ''}, the baseline and the generator`);
  await buildCms(distDir, { minify: !PROFILE });
  const baselineCode = await bundle('baseline-entry.ts', { minify: !PROFILE });
  const baselineMapCode = PROFILE ? '' : await bundle('baseline-map-entry.ts');
  const coreCode = PROFILE ? '' : await bundle('disposal-entry.ts');
  // (the generator is compiled below; the profile of the PRSC map needs it too)
  const synth = await loadSynth(tmp);
  const json = async (p) => JSON.parse(await readFile(join(root, p), 'utf8'));
  const sources = {
    resources: await json('data/resources.json'),
    zipsMa: await json('data/zip-centroids-ma.json'),
    disposal: await json('data/us-disposal-2018.json'),
  };
  const bundledData = (await readdir(join(distDir, 'cms'))).find((f) => /^resources-.*\.json$/.test(f));
  if (!bundledData) throw new Error('the CMS build emitted no resources-*.json');

  const files = new Map([
    ['probe.js', await readFile(join(root, 'bench/probe.js'))],
    ['baseline.js', baselineCode],
    ['baseline-map.js', baselineMapCode],
    ['core.js', coreCode],
    ['disposal-5027.json', await readFile(join(root, 'data/us-disposal-2018.json'))],
    ['disposal-50000.json', () => JSON.stringify(synth.synthDisposal(sources, 50000))],
    ['prsc-50000.json', () => JSON.stringify(synth.synthResources(sources, 50000, { kinds: ['prsc'], seed: 50000 }))],
  ]);
  for (const n of SIZES) files.set(`resources-${n}.json`, () => JSON.stringify(synth.synthResources(sources, n)));
  // Every generated file is made before any load is timed: the first load of a file must not
  // wait for the server to make it (it did, and the element, measured first, paid for it).
  for (const [name, make] of files) if (typeof make === 'function') files.set(name, Buffer.from(make()));
  const pages = new Map();
  const served = await serve(distDir, files, pages);
  server = served.server;
  const origin = served.origin;

  /** A host page with one element (or the baseline) and the probe. */
  function addPage(name, { tag, attrs = '', waits, autoZip, baseline = false, script = baseline ? '/files/baseline.js' : '/dist/recovery-finder.js' }) {
    const watch = JSON.stringify({ host: '[data-bench]', waits, autoZip });
    pages.set(
      name,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>recovery-finder benchmark</title>
<script>window.__benchWatch = ${watch};</script>
<script src="/files/probe.js"></script>
<script type="module" src="${script}"></script>
</head><body><h1>A host page</h1><p>Text of the host page around the widget.</p>
<${tag} data-bench ${attrs}></${tag}>
</body></html>`,
    );
    return `${origin}/page/${name}`;
  }

  browser = await launch();
  const chromium = browser.version();
  const RESULTS = { results: '[part~="result"]' };
  const MAP = '.leaflet-marker-pane > *, .leaflet-overlay-pane canvas';

  /**
   * Open `url` in a fresh context; wait until every awaited thing is painted and the page has
   * had no long task for 1 s (at most 20 s more); then the figures, and the heap after GC.
   */
  async function loadRun(url, { profile } = {}) {
    const { context, page } = await newPage(browser);
    const cdp = await context.newCDPSession(page);
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => window.__probe && Object.keys(window.__benchWatch.waits).every((k) => window.__probe.waits[k]),
      undefined,
      { timeout: 180_000, polling: 100 },
    );
    await page.waitForFunction(
      () => {
        const last = Math.max(0, ...window.__probe.longTasks.map((t) => t.start + t.duration));
        const seen = Math.max(...Object.values(window.__probe.waits).map((w) => w.painted));
        const now = performance.now();
        return (now - last > 1000 && now - seen > 1000) || now - seen > 20000;
      },
      undefined,
      { timeout: 60_000, polling: 100 },
    );
    const cpuProfile = profile ? (await cdp.send('Profiler.stop')).profile : undefined;
    const probe = await page.evaluate(() => ({
      waits: window.__probe.waits,
      longTasks: window.__probe.longTasks,
      zipSubmitted: window.__probe.zipSubmitted,
      resources: window.__probe.resourceTiming('.json'),
    }));
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    // The JS heap, plus the memory of ArrayBuffers (typed arrays keep theirs outside the heap).
    return { page, context, cdp, probe, heapMB: (heap.usedSize + (heap.backingStorageSize ?? 0)) / 2 ** 20, cpuProfile };
  }

  const tbt = (tasks) => tasks.reduce((s, t) => s + Math.max(0, t.duration - 50), 0);

  /** Several fresh loads of a page: navigation to each awaited thing painted, long tasks, heap. */
  async function loads(url, times, extra = () => ({})) {
    const runs = [];
    for (let i = 0; i < times; i++) {
      const r = await loadRun(url);
      const waits = Object.fromEntries(Object.entries(r.probe.waits).map(([k, v]) => [k, v.painted]));
      runs.push({
        waits,
        longTasks: r.probe.longTasks.length,
        longestTask: Math.max(0, ...r.probe.longTasks.map((t) => t.duration)),
        tbt: tbt(r.probe.longTasks),
        heapMB: r.heapMB,
        ...extra(r.probe),
      });
      await r.context.close();
    }
    const names = Object.keys(runs[0].waits);
    const extraKeys = Object.keys(runs[0]).filter((k) => !['waits'].includes(k));
    return {
      runs: runs.length,
      ...Object.fromEntries(names.map((k) => [k, stats(runs.map((r) => r.waits[k]))])),
      ...Object.fromEntries(extraKeys.map((k) => [k, stats(runs.map((r) => r[k]))])),
    };
  }

  /**
   * Load the page, then type each query one key at a time into the element's search box. A
   * key's latency is its keydown timestamp to the end of the first frame that painted what the
   * screen settled on (only keys that changed what a person reads count). Long tasks are
   * counted from each key to its settled answer (not while the box is cleared between queries).
   */
  async function typing(url, { queries = QUERIES, profile = false } = {}) {
    const r = await loadRun(url);
    const { page, cdp } = r;
    const input = page.locator('[data-bench]').locator('input[part~="input"]');
    await input.click();
    const latencies = [];
    /** From each key to its settled answer: long tasks are counted in these (not while clearing the box). */
    const windows = [];
    let unchanged = 0;
    let missed = 0;
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    for (const q of queries) {
      await page.evaluate(() => window.__probe.arm());
      await input.fill('');
      await page.evaluate(() => window.__probe.settle(300, 700));
      for (const ch of q) {
        await page.evaluate(() => window.__probe.arm());
        await page.keyboard.type(ch);
        const s = await page.evaluate(([q, u]) => window.__probe.settle(q, u), [SETTLE_MS, UNCHANGED_MS]);
        if (s.key !== undefined) windows.push([s.key, s.end]);
        const a = keyAnswer(s);
        if (a.unchanged) unchanged++;
        else if (a.missed) missed++;
        else latencies.push(a.ms);
      }
    }
    const cpuProfile = profile ? (await cdp.send('Profiler.stop')).profile : undefined;
    const tasks = (await page.evaluate(() => window.__probe.longTasks)).filter((t) =>
      windows.some(([from, to]) => t.start < to && t.start + t.duration > from),
    );
    await r.context.close();
    return {
      keys: latencies.length + unchanged + missed,
      measured: latencies.length,
      unchanged,
      missed,
      latency: stats(latencies),
      longTasks: tasks.length,
      longestTask: Math.max(0, ...tasks.map((t) => t.duration)),
      cpuProfile,
    };
  }

  if (PROFILE) {
    await profiles({ addPage, loadRun, typing, sizes: SIZES_ARG ?? [1000, 10000, 100000] });
    // The profiled script, so the line numbers above can be read.
    await copyFile(join(distDir, 'recovery-finder.js'), join(tmpdir(), 'recovery-profile-bundle.js'));
  } else {
    const out = { date: new Date().toISOString(), chromium, machine: machine(), loadStart: load1(), search: {}, bundled: {}, prsc: {}, disposal: {} };

    for (const n of part('search') ? SIZES : []) {
      const el = addPage(`search-${n}`, { tag: 'recovery-resource-search', attrs: `src="/files/resources-${n}.json" no-location`, waits: RESULTS });
      const base = addPage(`baseline-${n}`, { tag: 'bench-fuse-search', attrs: `src="/files/resources-${n}.json"`, waits: RESULTS, baseline: true });
      const la = load1();
      log(`search, ${n} records: loads`);
      const elLoad = await loads(el, REPEATS(n));
      const baseLoad = await loads(base, REPEATS(n));
      log(`search, ${n} records: typing`);
      const elType = await typing(el);
      const baseType = await typing(base);
      delete elType.cpuProfile;
      delete baseType.cpuProfile;
      out.search[n] = { element: { load: elLoad, typing: elType }, baseline: { load: baseLoad, typing: baseType }, load: [la, load1()] };
      log(`  element: first results ${fmt(elLoad.results)} ms; key ${fmt(elType.latency)} ms; heap ${fmt(elLoad.heapMB, 1)} MB`);
      log(`  fuse.js: first results ${fmt(baseLoad.results)} ms; key ${fmt(baseType.latency)} ms; heap ${fmt(baseLoad.heapMB, 1)} MB`);
    }

    if (part('bundled')) {
      log('bundled dataset: page load');
      const la = load1();
      const el = addPage('bundled', { tag: 'recovery-resource-search', attrs: 'no-location', waits: RESULTS });
      const base = addPage('bundled-baseline', { tag: 'bench-fuse-search', attrs: `src="/dist/cms/${bundledData}"`, waits: RESULTS, baseline: true });
      out.bundled = { records: sources.resources.resources.length, element: await loads(el, 5), baseline: await loads(base, 5), load: [la, load1()] };
    }

    /** Data arrival (responseEnd of the dataset) as a time of the page. */
    const arrival = (file) => (p) => {
      const res = p.resources.find((x) => x.name.includes(file));
      return res ? { dataArrived: res.responseEnd } : {};
    };
    if (part('prsc')) log('PRSC map: bundled dataset and 50,000 centres');
    for (const [label, attrs, file, times, baseline] of !part('prsc') ? [] : [
      ['bundled', 'tile-url=""', 'resources-', 3, false],
      [`bundled-baseline`, `src="/dist/cms/${bundledData}"`, 'resources-', 3, true],
      // One load: the list draws every centre (about a minute on a busy 2-core machine).
      ['50000', 'tile-url="" src="/files/prsc-50000.json"', 'prsc-50000', 1, false],
      ['50000-baseline', 'src="/files/prsc-50000.json"', 'prsc-50000', 3, true],
    ]) {
      const la = load1();
      const url = baseline
        ? addPage(`prsc-${label}`, { tag: 'bench-leaflet-map', attrs, waits: { rows: '[part~="list"] li', map: MAP }, script: '/files/baseline-map.js' })
        : addPage(`prsc-${label}`, { tag: 'recovery-prsc-map', attrs, waits: { rows: '[part~="list"] li', map: MAP } });
      const runs = [];
      for (let i = 0; i < times; i++) {
        const r = await loadRun(url);
        const arrived = arrival(file)(r.probe).dataArrived;
        runs.push({
          arrived,
          rows: r.probe.waits.rows.painted,
          map: r.probe.waits.map.painted,
          longTasks: r.probe.longTasks.length,
          longestTask: Math.max(0, ...r.probe.longTasks.map((t) => t.duration)),
          tbt: tbt(r.probe.longTasks),
        });
        await r.context.close();
      }
      out.prsc[label] = summarise(runs, la);
    }

    if (part('disposal')) log('disposal locator: 5,027 real sites and 50,000');
    for (const n of part('disposal') ? [5027, 50000] : []) {
      const la = load1();
      const file = `disposal-${n}.json`;
      const url = addPage(`disposal-${n}`, {
        tag: 'recovery-disposal-locator',
        attrs: `tile-url="" src="/files/${file}"`,
        waits: { rows: '[part~="result"]', map: MAP },
        autoZip: '02118',
      });
      const runs = [];
      for (let i = 0; i < 3; i++) {
        const r = await loadRun(url);
        const data = r.probe.resources.find((x) => x.name.includes(file))?.responseEnd;
        const zipTable = r.probe.resources.find((x) => x.name.includes('zip-centroids'))?.responseEnd ?? 0;
        runs.push({
          arrived: Math.max(data, zipTable, r.probe.zipSubmitted ?? 0),
          rows: r.probe.waits.rows.painted,
          map: r.probe.waits.map.painted,
          longTasks: r.probe.longTasks.length,
          longestTask: Math.max(0, ...r.probe.longTasks.map((t) => t.duration)),
          tbt: tbt(r.probe.longTasks),
        });
        await r.context.close();
      }
      // A person types another ZIP and presses Enter: Enter to the new places painted.
      const r = await loadRun(url);
      const input = r.page.locator('[data-bench]').locator('input[part~="input"]');
      const lat = [];
      for (const zip of ZIPS) {
        await r.page.evaluate(() => window.__probe.arm());
        await input.fill(zip);
        await input.press('Enter');
        const s = await r.page.evaluate(([q, u]) => window.__probe.settle(q, u), [SETTLE_MS, UNCHANGED_MS]);
        const a = keyAnswer(s);
        if (a.ms !== undefined) lat.push(a.ms);
      }
      await r.context.close();
      out.disposal[n] = { ...summarise(runs, la), zipEnter: stats(lat) };
    }

    if (part('core')) {
      log('disposal core: nearest-10 in the page (index vs sorting every site)');
      const url = `${origin}/page/core`;
      pages.set('core', '<!doctype html><html lang="en"><head><script type="module" src="/files/core.js"></script></head><body></body></html>');
      const { context, page } = await newPage(browser);
      await page.goto(url);
      await page.waitForFunction(() => window.__bench);
      await page.evaluate((rs) => (window.__records = rs), sources.disposal.resources);
      out.nearest = [];
      for (const n of [sources.disposal.resources.length, 50000]) out.nearest.push(await page.evaluate((n) => window.__bench.run(window.__records, n), n));
      await context.close();
    }
    out.loadEnd = load1();
    out.seconds = Math.round((Date.now() - T0) / 1000);

    await mkdir(join(root, 'bench/results'), { recursive: true });
    await writeFile(join(root, 'bench/results/elements.json'), `${JSON.stringify(out, null, 2)}\n`);
    if (!QUICK && !ONLY && !SIZES_ARG) await writeBenchmarksMd(out);
    log(QUICK || ONLY || SIZES_ARG ? 'wrote bench/results/elements.json' : 'wrote bench/results/elements.json and BENCHMARKS.md');
  }
} finally {
  await browser?.close();
  server?.close();
  await rm(tmp, { recursive: true, force: true });
}

function machine() {
  return { cpus: availableParallelism(), model: cpus()[0]?.model ?? 'unknown', node: process.version };
}

/** Runs of a map element: times from navigation and from the data's arrival. */
function summarise(runs, loadBefore) {
  return {
    runs: runs.length,
    rowsFromData: stats(runs.map((r) => r.rows - r.arrived)),
    mapFromData: stats(runs.map((r) => r.map - r.arrived)),
    rows: stats(runs.map((r) => r.rows)),
    map: stats(runs.map((r) => r.map)),
    dataArrived: stats(runs.map((r) => r.arrived)),
    longTasks: stats(runs.map((r) => r.longTasks)),
    longestTask: stats(runs.map((r) => r.longestTask)),
    tbt: stats(runs.map((r) => r.tbt)),
    load: [loadBefore, load1()],
  };
}

function fmt(s, digits = 0) {
  if (!s || !Number.isFinite(s.median)) return 'n/a';
  return `${s.median.toFixed(digits)} / ${s.p95.toFixed(digits)}`;
}

// ---------------------------------------------------------------------------------------------
// BENCHMARKS.md
// ---------------------------------------------------------------------------------------------

async function writeBenchmarksMd(o) {
  const path = join(root, 'BENCHMARKS.md');
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    text = '# Benchmarks\n\nFigures measured on a real machine; each section says how to reproduce it.\n\n';
  }
  const START = '<!-- bench:elements:start -->';
  const END = '<!-- bench:elements:end -->';
  const block = `${START}\n${elementsMd(o)}\n${END}`;
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  text = a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + END.length) : `${text.trimEnd()}\n\n${block}\n`;
  await writeFile(path, text);
}

function ms(s, digits = 0) {
  if (!s || !Number.isFinite(s.median)) return 'n/a';
  return `${s.median.toFixed(digits)} / ${s.p95.toFixed(digits)}`;
}
function ratio(base, ours) {
  return Number.isFinite(base?.median) && ours?.median > 0 ? `${(base.median / ours.median).toFixed(1)}×` : 'n/a';
}
function la(l) {
  return `${l[0]}–${l[1]}`;
}
function n0(x) {
  return Number(x).toLocaleString('en');
}

function verdict(value, limit, unit = 'ms') {
  if (!Number.isFinite(value)) return 'not measured';
  const d = limit < 10 ? 3 : unit === 'MB' ? 1 : 0;
  if (value <= limit) return `holds (${value.toFixed(d)} ${unit})`;
  return `**misses** by ${(value - limit).toFixed(d)} ${unit} (${value.toFixed(d)} ${unit}, ${(value / limit).toFixed(1)}× the target)`;
}

function elementsMd(o) {
  const S = o.search;
  const sizes = Object.keys(S).map(Number);
  const lines = [];
  lines.push('## The elements, measured from outside (`npm run bench`)');
  lines.push('');
  lines.push(`Run ${o.date.slice(0, 16).replace('T', ' ')} UTC in ${o.seconds} s on ${o.machine.cpus} cores (${o.machine.model}), headless Chromium ${o.chromium} (Debian) through playwright-core, Node ${o.machine.node}. Load average (1 min) ${o.loadStart} at the start, ${o.loadEnd} at the end; each table gives the load average before and after its rows. Figures under load (a load average above the number of cores) are slower than on an idle machine.`);
  lines.push('');
  lines.push('Reproduce: `npm ci && npm run bench` (needs Chromium: `CHROME_PATH`, or Debian\'s `chromium`). Profiles: `node bench/run.mjs --profile`.');
  lines.push('');
  lines.push('How it is measured:');
  lines.push('- A plain host page with the element\'s tag and the CMS script built as `npm run build` builds it, served over a loopback HTTP server (no compression, no cache between loads; each load is a fresh browser context). Viewport 1280×900.');
  lines.push('- Only what a person sees is read: the element\'s shadow DOM (the `status` and `result` parts, the headings of the cards, the list and map). No private state; real key presses.');
  lines.push('- **Painted** is the end of the first frame showing the thing: a `requestAnimationFrame` after the DOM showed it, then a message posted from it (it runs once that frame\'s style, layout and paint are done). **Navigation** times are from the start of navigation (`performance.timeOrigin`).');
  lines.push('- **Keystroke**: from the key\'s `keydown` timestamp to the end of the first frame that painted what the screen then settled on (the count line and the first five result names; settled = 300 ms without change). Keys that did not change what a person reads are not counted (the screen was already right). Queries typed: ' + QUERIES.map((q) => `"${q}"`).join(', ') + '.');
  lines.push('- **Long tasks**: the `longtask` PerformanceObserver (> 50 ms); while typing, those overlapping the time from a key to its settled answer (clearing the box between queries is not counted). **TBT**: the sum over long tasks of the part over 50 ms, from navigation until the page had no long task for 1 s.');
  lines.push('- **Heap**: JS heap used after the load settled and two forced collections (DevTools `HeapProfiler.collectGarbage`, then `Runtime.getHeapUsage`), plus the ArrayBuffer memory it reports (`backingStorageSize`: typed arrays keep their contents outside the heap, and the search index keeps its postings in them): the whole page, element and data.');
  lines.push('- **Baseline**, same run, same records: `bench/baseline-entry.ts`, plain fuse.js over every record (name, organisation, city, categories; threshold 0.3), no validation, no typing pause, rendering the same cards with the same card renderer. Ratios are baseline median / ours (above 1: we are faster).');
  lines.push('- **Records**: SYNTHETIC (`bench/synth.ts`, fixed seed): copies of the real records\' shapes (categories, schedules, languages, cost, delivery) with recombined real names, the real descriptions, and real Massachusetts addresses placed at their ZIP\'s Census centroid, jittered. Never shipped.');
  lines.push('- Figures are **median / p95** (nearest rank) in ms unless said; n = number of loads or keys.');
  lines.push('');
  lines.push('### Search (`<recovery-resource-search>`)');
  lines.push('');
  lines.push('| records | measure | ours | plain fuse.js | ratio | n (ours, fuse) | load avg |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const n of sizes) {
    const { element: e, baseline: b, load } = S[n];
    const row = (m, ours, base, nn, digits = 0, withRatio = true) =>
      lines.push(`| ${n0(n)} | ${m} | ${ms(ours, digits)} | ${ms(base, digits)} | ${withRatio ? ratio(base, ours) : ''} | ${nn} | ${la(load)} |`);
    row('keystroke to results painted (ms)', e.typing.latency, b.typing.latency, `${e.typing.measured}, ${b.typing.measured}`);
    lines.push(`| ${n0(n)} | long tasks while typing (count; longest ms) | ${e.typing.longTasks}; ${e.typing.longestTask.toFixed(0)} | ${b.typing.longTasks}; ${b.typing.longestTask.toFixed(0)} | | ${e.typing.keys} keys each | ${la(load)} |`);
    row('navigation to first results painted (ms)', e.load.results, b.load.results, `${e.load.runs}, ${b.load.runs}`);
    row('long tasks during load (count)', e.load.longTasks, b.load.longTasks, `${e.load.runs}, ${b.load.runs}`, 0, false);
    row('longest task during load (ms)', e.load.longestTask, b.load.longestTask, `${e.load.runs}, ${b.load.runs}`, 0, false);
    row('total blocking time during load (ms)', e.load.tbt, b.load.tbt, `${e.load.runs}, ${b.load.runs}`, 0, false);
    row('JS heap after load and GC (MB)', e.load.heapMB, b.load.heapMB, `${e.load.runs}, ${b.load.runs}`, 1);
  }
  lines.push('');
  const B = o.bundled;
  lines.push(`### Whole-page cost with the bundled dataset (${B.records} real records, \`data/resources.json\`)`);
  lines.push('');
  lines.push('| measure | ours | plain fuse.js | ratio | n | load avg |');
  lines.push('|---|---|---|---|---|---|');
  for (const [m, k, d, withRatio] of [
    ['navigation to first results painted (ms)', 'results', 0, true],
    ['total blocking time during load (ms)', 'tbt', 0, false],
    ['long tasks during load (count)', 'longTasks', 0, false],
    ['longest task during load (ms)', 'longestTask', 0, false],
    ['JS heap after load and GC (MB)', 'heapMB', 1, true],
  ]) {
    lines.push(`| ${m} | ${ms(B.element[k], d)} | ${ms(B.baseline[k], d)} | ${withRatio ? ratio(B.baseline[k], B.element[k]) : ''} | ${B.element.runs}, ${B.baseline.runs} | ${la(B.load)} |`);
  }
  lines.push('');
  lines.push('### PRSC map and disposal locator');
  lines.push('');
  lines.push('"Data arrived" is the dataset\'s `responseEnd` (Resource Timing): its last byte. A negative time means the rows (or map) were drawn before the last byte had arrived, from the first records read as the document came in. For the disposal locator the ZIP 02118 is typed and submitted as soon as its box is shown, so the list can appear once the data, the ZIP table and the submit are all there: its times run from the latest of the three. "Map drawn" is the first frame with the markers\' pane filled (clusters) or the canvas of points. No tiles (`tile-url=""`): no network beyond loopback.');
  lines.push('');
  lines.push('Baseline for the map (`bench/baseline-map-entry.ts`, same run, same file): plain Leaflet in the page\'s script, one canvas `circleMarker` per record, no clustering, the first 20 records as the same cards. With the bundled file it draws all 119 records (our element: the 39 centres). There is no element baseline for the disposal locator (its list is nearest-first); its core has one below.');
  lines.push('');
  lines.push('| element, data | first list rows after data arrived | map drawn after data arrived | navigation to first rows | navigation to map | longest task | TBT | n | load avg |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const [label, r] of [
    [`PRSC map, bundled (${o.bundled.records} records, 39 centres)`, o.prsc.bundled],
    ['baseline: plain Leaflet, bundled (all 119 records)', o.prsc['bundled-baseline']],
    [`PRSC map, 50,000 synthetic centres`, o.prsc['50000']],
    ['baseline: plain Leaflet, 50,000 synthetic centres', o.prsc['50000-baseline']],
    ['disposal locator, 5,027 real sites (2018 DEA)', o.disposal[5027]],
    ['disposal locator, 50,000 sites (real + jittered copies)', o.disposal[50000]],
  ]) {
    if (!r) continue;
    lines.push(`| ${label} | ${ms(r.rowsFromData)} | ${ms(r.mapFromData)} | ${ms(r.rows)} | ${ms(r.map)} | ${ms(r.longestTask)} | ${ms(r.tbt)} | ${r.runs} | ${la(r.load)} |`);
  }
  lines.push('');
  lines.push('Disposal locator, a person types another ZIP and presses Enter (Enter to the new places painted, same page after load):');
  lines.push('');
  lines.push('| sites | Enter to places painted (ms) | n |');
  lines.push('|---|---|---|');
  for (const n of [5027, 50000]) if (o.disposal[n]) lines.push(`| ${n0(n)} | ${ms(o.disposal[n].zipEnter, 1)} | ${o.disposal[n].zipEnter.n} |`);
  lines.push('');
  lines.push('Disposal core, nearest 10 within 25 miles, timed inside the page (`bench/disposal-entry.ts`; batches of 20 queries, per-query means; the kdbush index against measuring and sorting every site, same queries, answers compared):');
  lines.push('');
  lines.push('| sites | index (ms) | sort every site (ms) | ratio | answers that differ |');
  lines.push('|---|---|---|---|---|');
  for (const c of o.nearest ?? []) {
    const i = c.nearest10.index;
    const b = c.nearest10.baseline;
    lines.push(`| ${n0(c.records)} | ${i.median.toFixed(3)} / ${i.p95.toFixed(3)} | ${b.median.toFixed(3)} / ${b.p95.toFixed(3)} | ${(b.median / i.median).toFixed(0)}× | ${c.mismatches} of ${c.queries} |`);
  }
  lines.push('');
  lines.push('### Against the targets of issue #10');
  lines.push('');
  lines.push('| target | figure | verdict |');
  lines.push('|---|---|---|');
  const t = (name, figure, v) => lines.push(`| ${name} | ${figure} | ${v} |`);
  const s10 = S[10000]?.element;
  const s100 = S[100000]?.element;
  const s1 = S[1000]?.element;
  if (s10) {
    t('keystroke at 10,000: median ≤ 16 ms', `${ms(s10.typing.latency)} ms`, verdict(s10.typing.latency.median, 16));
    t('keystroke at 10,000: p95 ≤ 20 ms', `${ms(s10.typing.latency)} ms`, verdict(s10.typing.latency.p95, 20));
  }
  if (s100) {
    t('keystroke at 100,000: median ≤ 16 ms', `${ms(s100.typing.latency)} ms`, verdict(s100.typing.latency.median, 16));
    t('keystroke at 100,000: p95 ≤ 33 ms', `${ms(s100.typing.latency)} ms`, verdict(s100.typing.latency.p95, 33));
  }
  for (const n of sizes) t(`no long task while typing, ${n0(n)}`, `${S[n].element.typing.longTasks} (longest ${S[n].element.typing.longestTask.toFixed(0)} ms)`, S[n].element.typing.longTasks === 0 ? 'holds' : `**misses**: ${S[n].element.typing.longTasks} long tasks`);
  if (s1) t('first results at 1,000 ≤ 150 ms', `${ms(s1.load.results)} ms`, verdict(s1.load.results.median, 150));
  if (s10) t('first results at 10,000 ≤ 250 ms', `${ms(s10.load.results)} ms`, verdict(s10.load.results.median, 250));
  for (const n of sizes) t(`no long task during load, ${n0(n)}`, `${ms(S[n].element.load.longTasks)} (longest ${ms(S[n].element.load.longestTask)} ms)`, S[n].element.load.longTasks.max === 0 ? 'holds' : `**misses**: up to ${S[n].element.load.longTasks.max} long tasks, longest ${S[n].element.load.longestTask.max.toFixed(0)} ms`);
  if (s10) t('heap at 10,000 ≤ 10 MB', `${ms(s10.load.heapMB, 1)} MB`, verdict(s10.load.heapMB.median, 10, 'MB'));
  if (s100) t('heap at 100,000 ≤ 60 MB', `${ms(s100.load.heapMB, 1)} MB`, verdict(s100.load.heapMB.median, 60, 'MB'));
  if (o.prsc.bundled) t('PRSC map: first list rows ≤ 150 ms after data (bundled)', `${ms(o.prsc.bundled.rowsFromData)} ms`, verdict(o.prsc.bundled.rowsFromData.median, 150));
  if (o.prsc['50000']) t('PRSC map: first list rows ≤ 150 ms after data (50,000)', `${ms(o.prsc['50000'].rowsFromData)} ms`, verdict(o.prsc['50000'].rowsFromData.median, 150));
  for (const n of [5027, 50000]) if (o.disposal[n]) t(`disposal: first list rows ≤ 150 ms after data (${n0(n)})`, `${ms(o.disposal[n].rowsFromData)} ms`, verdict(o.disposal[n].rowsFromData.median, 150));
  if (o.prsc['50000']) {
    const base = o.prsc['50000-baseline']?.mapFromData;
    t('map with 50,000 points drawn ≤ 300 ms (after data)', `${ms(o.prsc['50000'].mapFromData)} ms (plain Leaflet: ${ms(base)} ms)`, verdict(o.prsc['50000'].mapFromData.median, 300));
  }
  const n50 = (o.nearest ?? []).find((c) => c.records === 50000);
  if (n50) t('disposal nearest-10 at 50,000 < 1 ms', `${n50.nearest10.index.median.toFixed(3)} / ${n50.nearest10.index.p95.toFixed(3)} ms`, verdict(n50.nearest10.index.median, 1) + ' at the median; p95 ' + (n50.nearest10.index.p95 < 1 ? 'under 1 ms too' : `${n50.nearest10.index.p95.toFixed(3)} ms (batches preempted on the busy machine)`));
  t('TBT on page load, bundled dataset ≤ 50 ms', `${ms(B.element.tbt)} ms`, verdict(B.element.tbt.median, 50));
  lines.push('');
  lines.push('Raw figures of this run: `bench/results/elements.json`.');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Profiles
// ---------------------------------------------------------------------------------------------

/** Self time by function (and by script) of a CPU profile, as markdown lines. */
function summariseProfile(profile, top = 15) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (deltas[i] ?? 0));
  const byFn = new Map();
  const byScript = new Map();
  let total = 0;
  for (const [id, us] of self) {
    const n = byId.get(id);
    const f = n.callFrame;
    const file = f.url ? f.url.replace(/^.*\//, '') : '';
    const key = `${f.functionName || '(anonymous)'} ${file}${file ? `:${f.lineNumber + 1}` : ''}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
    const script = file ? file.replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js') : f.functionName;
    byScript.set(script, (byScript.get(script) ?? 0) + us);
    total += us;
  }
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n) => {
    const f = n.callFrame;
    const file = f.url ? f.url.replace(/^.*\//, '') : '';
    return `${f.functionName || '(anonymous)'} ${file}${file ? `:${f.lineNumber + 1}` : ''}`;
  };
  const inclusive = new Map();
  for (const [id, us] of self) {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at);
      if (!n.callFrame.url) continue;
      const key = label(n);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  const rows = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => `| ${k.replace(/\|/g, '\\|')} | ${(us / 1000).toFixed(1)} | ${((us / total) * 100).toFixed(1)}% |`);
  return [
    `Sampled ${(total / 1000).toFixed(0)} ms.`,
    '',
    '| script | self ms | share |',
    '|---|---|---|',
    ...rows(byScript).slice(0, 8),
    '',
    '| function (unminified build) | self ms | share |',
    '|---|---|---|',
    ...rows(byFn),
    '',
    '| function, with what it calls (unminified build) | total ms | share |',
    '|---|---|---|',
    ...rows(inclusive),
  ];
}

async function profiles({ addPage, loadRun, typing, sizes }) {
  const md = ['# CPU profiles of the elements (unminified CMS build)', '', `Run ${new Date().toISOString()} by \`node bench/run.mjs --profile\`; load average ${load1()}. DevTools CPU profiler, 200 µs sampling. Self time (time spent in the function itself).`, ''];
  if (part('prsc')) {
    const url = addPage('profile-prsc', { tag: 'recovery-prsc-map', attrs: 'tile-url="" src="/files/prsc-50000.json"', waits: { rows: '[part~="list"] li', map: '.leaflet-marker-pane > *, .leaflet-overlay-pane canvas' } });
    log('profile: PRSC map, 50,000 centres');
    const l = await loadRun(url, { profile: true });
    const lt = l.probe.longTasks;
    md.push('## PRSC map load, 50,000 centres', '', `First rows painted at ${l.probe.waits.rows.painted.toFixed(0)} ms, map at ${l.probe.waits.map.painted.toFixed(0)} ms; ${lt.length} long tasks (${lt.map((t) => t.duration.toFixed(0)).join(', ')} ms).`, '', ...summariseProfile(l.cpuProfile), '');
    await writeFile(join(tmpdir(), 'recovery-prsc-50000.cpuprofile'), JSON.stringify(l.cpuProfile));
    await l.context.close();
  }
  for (const n of part('search') ? sizes : []) {
    const url = addPage(`profile-${n}`, { tag: 'recovery-resource-search', attrs: `src="/files/resources-${n}.json" no-location`, waits: { results: '[part~="result"]' } });
    log(`profile: load, ${n} records`);
    const l = await loadRun(url, { profile: true });
    const lt = l.probe.longTasks;
    md.push(`## Load, ${n.toLocaleString('en')} records`, '', `First results painted at ${l.probe.waits.results.painted.toFixed(0)} ms; ${lt.length} long tasks (${lt.map((t) => t.duration.toFixed(0)).join(', ')} ms); heap ${l.heapMB.toFixed(1)} MB.`, '', ...summariseProfile(l.cpuProfile), '');
    await writeFile(join(tmpdir(), `recovery-load-${n}.cpuprofile`), JSON.stringify(l.cpuProfile));
    await l.context.close();
    log(`profile: typing, ${n} records`);
    const t = await typing(url, { profile: true });
    md.push(`## Typing, ${n.toLocaleString('en')} records`, '', `Keystroke ${fmt(t.latency)} ms (median / p95, n = ${t.measured}); ${t.longTasks} long tasks, longest ${t.longestTask.toFixed(0)} ms.`, '', ...summariseProfile(t.cpuProfile), '');
    await writeFile(join(tmpdir(), `recovery-typing-${n}.cpuprofile`), JSON.stringify(t.cpuProfile));
  }
  await mkdir(join(root, 'bench/results'), { recursive: true });
  await writeFile(join(root, `bench/results/profile${ONLY ? `-${ONLY.join('-')}` : ''}.md`), `${md.join('\n')}\n`);
  log(`wrote bench/results/profile.md (full profiles: ${tmpdir()}/recovery-*.cpuprofile, open in DevTools; the script: ${tmpdir()}/recovery-profile-bundle.js)`);
}
