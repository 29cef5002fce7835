#!/usr/bin/env node
/**
 * Builds the WordPress plugin: build/wordpress/recovery-finder/ and
 * build/wordpress/recovery-finder.zip (build/ is git-ignored).
 *   npm run build:wordpress     (runs `npm run build` first: the plugin ships dist/)
 * The plugin folder gets packages/wordpress/recovery-finder/, the CMS loader and its chunks
 * from dist/ (recovery-finder.js, cms/), and elements.json: each element and its documented
 * attributes, read from custom-elements.json, and the --recovery-* theme tokens (never a hand list).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const URL_ATTRIBUTES = new Set(['src', 'action', 'tile-url', 'zip-table-url', 'zip-table-national-url']);

/** The plugin's table: { elements: { NAME: { tag, title, attributes: { attr: { kind, description } } } }, tokens: [] }. */
export function elementTable(manifest, tokensCss) {
  const elements = {};
  const tokens = new Set(tokensCss.match(/--recovery-[a-z0-9-]+(?=\s*:)/g) ?? []);
  for (const d of manifest.modules.flatMap((m) => m.declarations ?? [])) {
    for (const p of d.cssProperties ?? []) tokens.add(p.name);
    if (!d.tagName) continue;
    const name = d.tagName.replace(/^recovery-/, '');
    const attributes = {};
    for (const a of d.attributes ?? []) {
      const type = a.type?.text ?? '';
      const kind = URL_ATTRIBUTES.has(a.name) ? 'url' : type === 'boolean' ? 'boolean' : /\bnumber\b/.test(type) ? 'number' : 'text';
      attributes[a.name] = { kind, description: a.description ?? '' };
    }
    elements[name] = { tag: d.tagName, title: d.summary ?? name, attributes };
  }
  return { elements, tokens: [...tokens].sort() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync('dist/recovery-finder.js')) throw new Error('dist/recovery-finder.js is missing: run `npm run build` first');
  const out = 'build/wordpress/recovery-finder';
  rmSync('build/wordpress', { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync('packages/wordpress/recovery-finder', out, { recursive: true });
  cpSync('packages/wordpress/readme.txt', `${out}/readme.txt`);
  mkdirSync(`${out}/dist`);
  cpSync('dist/recovery-finder.js', `${out}/dist/recovery-finder.js`);
  cpSync('dist/cms', `${out}/dist/cms`, { recursive: true, filter: (f) => !f.endsWith('.map') });
  const table = elementTable(JSON.parse(readFileSync('custom-elements.json', 'utf8')), readFileSync('src/styles/tokens.css', 'utf8'));
  writeFileSync(`${out}/elements.json`, `${JSON.stringify(table, null, 1)}\n`);
  execFileSync('zip', ['-qr', 'recovery-finder.zip', 'recovery-finder'], { cwd: 'build/wordpress' });
  console.log(`build/wordpress/recovery-finder.zip: ${Object.keys(table.elements).join(', ')}`);
}
