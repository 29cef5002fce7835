#!/usr/bin/env node
// JavaScript a CMS page really downloads, measured from a page load in headless Chromium.
//   node tools/measure-pages.mjs [--json]     (after `npm run build`)
// Serves the repository on a loopback port, opens one page per case (search only, map only,
// all four) that loads dist/recovery-finder.js the way a city page does, scrolls each element
// into view, waits until the network is idle (the data shown, before anyone types), and sums the JavaScript responses,
// each gzipped at level 9 (what a server with compression on sends). Prints one line a page.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChromium } from './find-chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html', '.css': 'text/css' };

/** The pages measured: a name and the tags on it. */
export const PAGES = [
  { name: 'search only', tags: ['recovery-resource-search'] },
  { name: 'map only', tags: ['recovery-prsc-map'] },
  { name: 'all four', tags: ['recovery-resource-search', 'recovery-prsc-map', 'recovery-disposal-locator', 'recovery-newsletter-signup'] },
];

const pageHtml = (tags) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>measure</title>` +
  `<script type="module" src="/dist/recovery-finder.js"></script></head><body>` +
  tags.map((t) => `<${t}${t === 'recovery-prsc-map' ? ' tile-url=""' : ''}></${t}>`).join('\n') +
  `</body></html>`;

function serve() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/page') {
      const tags = (url.searchParams.get('tags') ?? '').split(',').filter(Boolean);
      res.writeHead(200, { 'content-type': 'text/html' }).end(pageHtml(tags));
      return;
    }
    const file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** @returns {Promise<{name: string, files: {url: string, gzip: number}[], total: number}[]>} */
export async function measure() {
  const server = await serve();
  const { port } = server.address();
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROME_ARGS });
  const out = [];
  try {
    for (const p of PAGES) {
      const page = await browser.newPage();
      const files = [];
      const pending = [];
      page.on('response', (r) => {
        if (!r.url().endsWith('.js') && r.request().resourceType() !== 'script') return;
        pending.push(r.body().then((b) => files.push({ url: new URL(r.url()).pathname, gzip: gzipSync(b, { level: 9 }).length })));
      });
      await page.goto(`http://127.0.0.1:${port}/page?tags=${p.tags.join(',')}`, { waitUntil: 'networkidle' });
      // Bring each element into view in turn (a map loads Leaflet only when it is seen).
      for (const tag of p.tags) {
        await page.locator(tag).scrollIntoViewIfNeeded();
        await page.waitForLoadState('networkidle');
      }
      await Promise.all(pending);
      files.sort((a, b) => b.gzip - a.gzip);
      out.push({ name: p.name, files, total: files.reduce((s, f) => s + f.gzip, 0) });
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await measure();
  if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
  else
    for (const r of results) {
      console.log(`${r.name}: ${(r.total / 1024).toFixed(1)} KB gzip of JavaScript in ${r.files.length} files`);
      for (const f of r.files) console.log(`    ${(f.gzip / 1024).toFixed(1).padStart(6)} KB  ${f.url}`);
    }
}
