// What the benchmarks share:
//  - build the CMS bundle exactly as `npm run build` does (vite.config.ts, --mode cms) into a
//    temporary folder: the script and lazy chunks a host page loads, with the bundled dataset
//    and ZIP tables emitted beside it;
//  - build the baseline page's script (bench/baseline-entry.ts) and the synthetic-data generator
//    (bench/synth.ts, compiled for Node);
//  - serve all of it on 127.0.0.1 (pages, scripts, datasets) and open pages in headless
//    Chromium (Debian's, through playwright-core), one fresh browser context per page load.
import { build } from 'vite';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** Chromium's path and flags: from the dev tools module (tools/ once #12 moves it, else scripts/). */
export async function chromeTools() {
  const at = existsSync(join(root, 'tools/find-chrome.mjs')) ? '../tools/find-chrome.mjs' : '../scripts/find-chrome.mjs';
  return import(at);
}

const quiet = { logLevel: 'warn' };

/** The CMS build (what a host page loads with one script tag) into `outDir`. */
export async function buildCms(outDir, { minify = true } = {}) {
  await build({
    root,
    ...quiet,
    mode: 'cms',
    configFile: join(root, 'vite.config.ts'),
    build: { outDir, emptyOutDir: true, sourcemap: false, rolldownOptions: { output: { minify } } },
  });
}

/** Bundle one browser entry (everything inlined) and return its code. */
export async function bundle(entry, { minify = true } = {}) {
  const out = await mkdtemp(join(tmpdir(), 'recovery-bench-'));
  try {
    await build({
      root,
      configFile: false,
      ...quiet,
      mode: 'production',
      build: {
        outDir: out,
        emptyOutDir: true,
        target: 'es2022',
        minify,
        lib: { entry: join(root, 'bench', entry), formats: ['es'], fileName: () => 'bench.js' },
        rolldownOptions: { output: { codeSplitting: false } },
      },
    });
    return await readFile(join(out, 'bench.js'), 'utf8');
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** bench/synth.ts compiled for Node and imported. */
export async function loadSynth(tmp) {
  const out = join(tmp, 'synth');
  await build({
    root,
    configFile: false,
    ...quiet,
    build: {
      ssr: join(root, 'bench/synth.ts'),
      outDir: out,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'synth.mjs' } },
    },
  });
  return import(pathToFileURL(join(out, 'synth.mjs')).href);
}

const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html; charset=utf-8', '.css': 'text/css' };

/**
 * A loopback server: `/dist/*` from `distDir`, `/files/<name>` and `/page/<name>` from the maps
 * (Buffers or strings; a function value is called once on first request and kept).
 */
export async function serve(distDir, files, pages) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      const path = decodeURIComponent(url.pathname);
      let body;
      let type = 'text/plain';
      if (path.startsWith('/dist/')) {
        const file = normalize(join(distDir, path.slice('/dist/'.length)));
        if (!file.startsWith(distDir)) throw new Error('outside');
        body = await readFile(file);
        type = TYPES[extname(file)] ?? 'application/octet-stream';
      } else if (path.startsWith('/files/') && files.has(path.slice(7))) {
        let v = files.get(path.slice(7));
        if (typeof v === 'function') files.set(path.slice(7), (v = Buffer.from(await v())));
        body = v;
        type = TYPES[extname(path)] ?? 'application/octet-stream';
      } else if (path.startsWith('/page/') && pages.has(path.slice(6))) {
        body = pages.get(path.slice(6));
        type = TYPES['.html'];
      }
      if (path === '/favicon.ico') {
        res.writeHead(204).end();
        return;
      }
      if (body === undefined) {
        console.error(`  404 ${path}`);
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

export async function launch() {
  const { CHROME_ARGS, findChromium } = await chromeTools();
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: set CHROME_PATH');
  return chromium.launch({ executablePath, args: [...CHROME_ARGS, '--enable-precise-memory-info'] });
}

/** A fresh context and page (empty cache), with page errors reported. */
export async function newPage(browser, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('  page error:', e.message));
  page.on('crash', () => console.error('  page crashed'));
  page.on('console', (m) => {
    if (m.type() === 'error') console.error(`  console error: ${m.text()}`);
  });
  return { context, page };
}

/** The nearest-rank percentile `q` (0-1) of a list of numbers sorted ascending (undefined for none). */
export const nearestRank = (sorted, q) => sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1))];

/** Median and p95 (nearest rank) of a list of numbers, with its size. */
export function stats(xs) {
  const s = [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return { n: 0, median: NaN, p95: NaN, max: NaN };
  return { n: s.length, median: nearestRank(s, 0.5), p95: nearestRank(s, 0.95), max: s[s.length - 1] };
}

/**
 * One key's answer from the probe's `settle()` (bench/probe.js): `unchanged` when the screen
 * settled on what it showed before the key, `missed` when no painted frame showed the answer,
 * else the ms from the key to the first painted frame of what the screen settled on.
 */
export function keyAnswer(s) {
  const after = s.batches.filter((b) => b.at >= s.key);
  const final = after.length ? after[after.length - 1].sig : s.before;
  if (final === s.before) return { unchanged: true };
  let i = after.length - 1;
  while (i > 0 && after[i - 1].sig === final) i--;
  if (s.key === undefined || after[i].painted === undefined) return { missed: true };
  return { ms: after[i].painted - s.key };
}

/** Start `node ARGS` (the CLI's `serve`) and wait until it says it is listening. */
export async function startListening(args) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'pipe'] });
  await new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (c) => {
      err += c;
      if (err.includes('listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
  return child;
}

