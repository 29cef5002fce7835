#!/usr/bin/env node
// How long a person waits before an element says, in words, that its data failed, for each
// kind of failure; and whether a number to call is on screen by then. Measured from the
// outside in headless Chromium: the built CMS bundle on a page served over loopback, whose
// dataset URL fails in one way. Figures, never assertions: `npm test` has the behaviour tests.
//
//   npm run build && node bench/failures.mjs      writes bench/results/failures.json
import { createServer } from 'node:http';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChromium } from '../tools/find-chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html', '.css': 'text/css' };

/** One way for a dataset to fail, as a route of the server below. */
const FAILURES = {
  'HTTP 404': (res) => res.writeHead(404).end('not here'),
  'HTTP 500 (retried once)': (res) => res.writeHead(500).end('broken'),
  'HTTP 429 (retried once)': (res) => res.writeHead(429).end('slow down'),
  'connection closed': (res) => res.socket.destroy(),
  'no answer at all': () => {},
  'not JSON': (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>an error page</html>'),
  'another schema version': (res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"schema_version":"9.0","resources":[]}'),
};
const slugs = Object.keys(FAILURES).map((name, i) => [name, `f${i}`]);

const open = new Set();
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  const failure = slugs.find(([, slug]) => url.pathname === `/fail/${slug}.json`);
  if (failure) return FAILURES[failure[0]](res);
  if (url.pathname === '/page') {
    const src = url.searchParams.get('src');
    return res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(`<!doctype html><html lang="en"><body><script type="module" src="/dist/recovery-finder.js"></script>
        <recovery-resource-search no-location src="${src}"></recovery-resource-search>
        <script>
          // When "taking longer than usual" first shows, if it does.
          const watch = setInterval(() => {
            const root = document.querySelector('recovery-resource-search')?.shadowRoot;
            if (root?.querySelector('.load-slow')) window.__slowAt = window.__slowAt ?? performance.now();
            if (root?.querySelector('.load-error')) clearInterval(watch);
          }, 50);
        </script></body></html>`);
  }
  const file = normalize(join(root, url.pathname));
  if (!file.startsWith(root)) return res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
server.on('connection', (s) => {
  open.add(s);
  s.on('close', () => open.delete(s));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROME_ARGS });
const results = [];
try {
  for (const [name, slug] of slugs) {
    const page = await browser.newPage();
    await page.goto(`${base}/page?src=/fail/${slug}.json`);
    // Milliseconds since navigation when the error words appear, and what is on screen then.
    const seen = await page.waitForFunction(
      () => {
        const root = document.querySelector('recovery-resource-search')?.shadowRoot;
        const error = root?.querySelector('.load-error');
        if (!error) return false;
        return {
          ms: performance.now(),
          words: error.querySelector('strong')?.textContent?.trim() ?? '',
          numbers: [...root.querySelectorAll('a[href^="tel:"]')].length,
        };
      },
      undefined,
      { timeout: 60_000, polling: 50 },
    );
    const at = await seen.jsonValue();
    const slowAt = await page.evaluate(() => window.__slowAt);
    results.push({ failure: name, ms: Math.round(at.ms), slowNoticeMs: slowAt && Math.round(slowAt), words: at.words, phoneLinks: at.numbers });
    console.log(`${name}: ${(at.ms / 1000).toFixed(1)} s, "${at.words}", ${at.numbers} numbers to call`);
    await page.close();
  }
} finally {
  await browser.close();
  for (const s of open) s.destroy();
  server.close();
}
await mkdir(join(root, 'bench/results'), { recursive: true });
const out = { date: new Date().toISOString(), results };
await writeFile(join(root, 'bench/results/failures.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log('\n| failure | "taking longer" shown after | error in words after | what it says | numbers to call on screen |\n|---|---|---|---|---|');
for (const r of results) {
  const slow = r.slowNoticeMs ? `${(r.slowNoticeMs / 1000).toFixed(1)} s` : '–';
  console.log(`| ${r.failure} | ${slow} | ${(r.ms / 1000).toFixed(1)} s | ${r.words} | ${r.phoneLinks} |`);
}
