// What the benchmarks share: bundle an entry (bench/*-entry.ts) into one ES module, and open
// it in headless Chromium (Debian's, found by tools/find-chrome.mjs) on a page served over
// http from this machine.
import { build } from 'vite';
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChromium } from '../tools/find-chrome.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundle bench/<entry> (everything inlined, production mode) and return its code. */
export async function bundle(entry) {
  const out = await mkdtemp(join(tmpdir(), 'recovery-bench-'));
  try {
    await build({
      root,
      configFile: false,
      logLevel: 'warn',
      mode: 'production',
      build: {
        outDir: out,
        emptyOutDir: true,
        target: 'es2022',
        lib: { entry: join(root, 'bench', entry), formats: ['es'], fileName: () => 'bench.js' },
        rolldownOptions: { output: { codeSplitting: false } },
      },
    });
    return await readFile(join(out, 'bench.js'), 'utf8');
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/**
 * Serve the bundle on 127.0.0.1 (an about:blank page lost its renderer when an element
 * mounted), open it in Chromium and wait for `window.__bench`. Call `close()` when done.
 */
export async function openBench(code, viewport = { width: 1280, height: 900 }) {
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
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROME_ARGS });
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('crash', () => console.error('page crashed'));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console.error(`console ${m.type()}: ${m.text()}`);
  });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.__bench);
  const close = async () => {
    await browser.close();
    server.close();
  };
  return { browser, page, close };
}
