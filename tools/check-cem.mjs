#!/usr/bin/env node
// custom-elements.json must match the sources: regenerate into a temp dir and compare.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { apiDocs } from './api-docs.mjs';

// The analyzer joins --outdir onto the working directory, so the scratch dir is relative.
mkdirSync('node_modules/.cache', { recursive: true });
const dir = relative(process.cwd(), mkdtempSync(join('node_modules/.cache', 'cem-')));
// The analyzer points package.json's "customElements" at its --outdir: put package.json back.
const pkg = readFileSync('package.json', 'utf8');
try {
  execFileSync('npx', ['cem', 'analyze', '--outdir', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
} finally {
  writeFileSync('package.json', pkg);
}
const fresh = readFileSync(join(dir, 'custom-elements.json'), 'utf8');
const committed = existsSync('custom-elements.json') ? readFileSync('custom-elements.json', 'utf8') : '';
if (JSON.stringify(JSON.parse(fresh)) !== (committed && JSON.stringify(JSON.parse(committed)))) {
  console.error('custom-elements.json is out of date with the sources: run `npm run cem` and commit it.');
  process.exit(1);
}
const manifest = JSON.parse(fresh);
const docs = existsSync('docs/api.md') ? readFileSync('docs/api.md', 'utf8') : '';
if (docs !== apiDocs(manifest)) {
  console.error('docs/api.md is out of date: run `npm run cem` and commit it.');
  process.exit(1);
}
const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName).map((d) => d.tagName));
console.log(`custom-elements.json is up to date (${tags.sort().join(', ')}).`);
