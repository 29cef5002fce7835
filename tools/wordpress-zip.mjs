#!/usr/bin/env node
/**
 * Builds the WordPress plugin: build/wordpress/recovery-finder/ and
 * build/wordpress/recovery-finder.zip (build/ is git-ignored).
 *   npm run build:wordpress     (runs `npm run build` first: the plugin ships dist/)
 * The plugin folder gets packages/wordpress/recovery-finder/, the CMS loader and its chunks
 * from dist/ (recovery-finder.js, cms/), and elements.json: each element and its documented
 * attributes, read from custom-elements.json, its default fallback content, from the element
 * registry (tools/elements.mjs: `@fallback`), the --recovery-* theme tokens, and the languages the
 * elements speak, each in its own name, read from src/locales/languages.ts (never a hand list).
 * From each languages/*.po it writes the .mo WordPress's PHP reads and the block editor
 * script's JSON, and it stops when a string of the plugin has no translation there.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import ts from 'typescript';
import { elements as registry } from './elements.mjs';

/**
 * Whether a manifest type is an address: typed `UrlAttribute` (src/kit/base/attribute.ts)
 * and nothing else that is not a string (`api-taxonomy` also takes a JSON map inline: text).
 */
const isUrlType = (type) => {
  const parts = type.split('|').map((t) => t.trim());
  return parts.includes('UrlAttribute') && parts.every((t) => ['UrlAttribute', 'string', 'undefined'].includes(t));
};

/**
 * The plugin's table: { elements: { NAME: { tag, title, attributes: { attr: { kind, description } }, fallback? } }, tokens: [] }
 * (the build adds `languages`: languageTable()). `fallback`: the element's default content
 * inside its tag, from the registry (`@fallback` in its JSDoc); absent, the plugin writes a help line.
 */
export function elementTable(manifest, tokensCss, fallbacks = Object.fromEntries(registry().map((e) => [e.tag, e.fallback]))) {
  const elements = {};
  const tokens = new Set(tokensCss.match(/--recovery-[a-z0-9-]+(?=\s*:)/g) ?? []);
  for (const d of manifest.modules.flatMap((m) => m.declarations ?? [])) {
    for (const p of d.cssProperties ?? []) tokens.add(p.name);
    if (!d.tagName) continue;
    const name = d.tagName.replace(/^recovery-/, '');
    const attributes = {};
    for (const a of d.attributes ?? []) {
      const type = a.type?.text ?? '';
      const kind = isUrlType(type) ? 'url' : type === 'boolean' ? 'boolean' : /\bnumber\b/.test(type) ? 'number' : 'text';
      attributes[a.name] = { kind, description: a.description ?? '' };
    }
    elements[name] = { tag: d.tagName, title: d.summary ?? name, attributes, ...(fallbacks[d.tagName] ? { fallback: fallbacks[d.tagName] } : {}) };
  }
  return { elements, tokens: [...tokens].sort() };
}

/**
 * The languages the elements speak, [{ tag, name, dir }], from the TypeScript source of
 * src/locales/languages.ts (transpiled and imported: the same list the elements use).
 */
export async function languageTable(source) {
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const { LANGUAGES } = await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`);
  return LANGUAGES.map(({ tag, name, dir }) => ({ tag, name, dir }));
}

/** A .po file's entries: { context, id, str } (the header is the entry whose id is ''). */
export function parsePo(text) {
  const entries = [];
  let entry = null;
  let field = null;
  const unquote = (q) => JSON.parse(q.replace(/\t/g, '\\t'));
  for (const line of text.split('\n')) {
    const m = /^(msgctxt|msgid|msgstr)\s+(".*")\s*$/.exec(line);
    if (m) {
      // A new entry at msgctxt, or at a msgid that no msgctxt just opened.
      if (m[1] === 'msgctxt' || (m[1] === 'msgid' && (!entry || entry.id !== undefined))) entries.push((entry = {}));
      field = { msgctxt: 'context', msgid: 'id', msgstr: 'str' }[m[1]];
      entry[field] = unquote(m[2]);
    } else if (/^".*"\s*$/.test(line) && entry && field) {
      entry[field] += unquote(line.trim());
    } else if (line.trim() === '' || line.startsWith('#')) {
      field = null;
    }
  }
  return entries.filter((e) => e.id !== undefined && e.str !== undefined);
}

/** The key gettext files use: the context and the id joined by EOT. */
const key = (e) => (e.context ? `${e.context}\u0004${e.id}` : e.id);

/** A GNU .mo file (little-endian, no hash table) holding `entries`. */
export function moFile(entries) {
  const sorted = [...entries].sort((a, b) => (Buffer.compare(Buffer.from(key(a)), Buffer.from(key(b)))));
  const ids = sorted.map((e) => Buffer.from(key(e)));
  const strs = sorted.map((e) => Buffer.from(e.str));
  const n = sorted.length;
  const head = 28;
  const tables = head + 16 * n;
  const out = [];
  let offset = tables;
  const table = (bufs) => bufs.map((b) => { const at = offset; offset += b.length + 1; return [b.length, at]; });
  const idTable = table(ids);
  const strTable = table(strs);
  const header = Buffer.alloc(tables);
  [0x950412de, 0, n, head, head + 8 * n, 0, tables].forEach((v, i) => header.writeUInt32LE(v, i * 4));
  [...idTable, ...strTable].forEach(([len, at], i) => { header.writeUInt32LE(len, head + i * 8); header.writeUInt32LE(at, head + i * 8 + 4); });
  out.push(header);
  for (const b of [...ids, ...strs]) out.push(b, Buffer.from([0]));
  return Buffer.concat(out);
}

/** The JSON (Jed) WordPress's wp.i18n reads for a script: `wp_set_script_translations`. */
export function scriptJson(entries, locale) {
  const header = entries.find((e) => e.id === '' && !e.context);
  const plural = /Plural-Forms:\s*([^\n]*)/.exec(header?.str ?? '')?.[1] ?? 'nplurals=2; plural=(n != 1);';
  const messages = { '': { domain: 'messages', lang: locale, 'plural-forms': plural } };
  for (const e of entries) if (e.id !== '') messages[key(e)] = [e.str];
  return { 'translation-revision-date': '', generator: 'tools/wordpress-zip.mjs', domain: 'messages', locale_data: { messages } };
}

/**
 * Every string the plugin gives gettext: `__()`, `_e()`, `esc_html__()`... with the text domain
 * recovery-finder in its PHP and JS, block.json's title, description and keywords, and the
 * element titles (each element's summary in the manifest), as { context, id }.
 */
export function pluginStrings(dir, table) {
  const out = [];
  const call = /\b(?:__|_e|esc_html__|esc_html_e|esc_attr__|esc_attr_e)\(\s*(?:\/\*.*?\*\/\s*)?(?:'((?:\\.|[^'\\])*)'|"((?:\\.|[^"\\])*)")\s*,\s*'recovery-finder'/g;
  const files = ['recovery-finder.php', 'settings.php', 'block/editor.js'];
  for (const f of files) {
    for (const m of readFileSync(`${dir}/${f}`, 'utf8').matchAll(call)) out.push({ id: (m[1] ?? m[2]).replace(/\\(['"\\])/g, '$1') });
  }
  const block = JSON.parse(readFileSync(`${dir}/block/block.json`, 'utf8'));
  out.push({ context: 'block title', id: block.title }, { context: 'block description', id: block.description });
  for (const k of block.keywords ?? []) out.push({ context: 'block keyword', id: k });
  for (const e of Object.values(table.elements)) out.push({ id: e.title });
  return out;
}

/** Writes each languages/*.po's .mo and editor JSON into `dir`/languages; throws on a missing translation. */
export function buildTranslations(dir, table) {
  const wanted = pluginStrings(dir, table);
  for (const po of readdirSync(`${dir}/languages`).filter((f) => f.endsWith('.po'))) {
    const locale = /-([a-z]{2,3}_[A-Z]{2})\.po$/.exec(po)?.[1];
    const entries = parsePo(readFileSync(`${dir}/languages/${po}`, 'utf8'));
    const have = new Map(entries.map((e) => [key(e), e.str]));
    const missing = wanted.filter((w) => !have.get(key(w)));
    if (missing.length) throw new Error(`${po}: no translation for ${missing.map((m) => JSON.stringify(key(m))).join(', ')}`);
    const base = po.replace(/\.po$/, '');
    writeFileSync(`${dir}/languages/${base}.mo`, moFile(entries));
    writeFileSync(`${dir}/languages/${base}-recovery-finder-block-editor.json`, JSON.stringify(scriptJson(entries, locale)));
  }
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
  table.languages = await languageTable(readFileSync('src/locales/languages.ts', 'utf8'));
  writeFileSync(`${out}/elements.json`, `${JSON.stringify(table, null, 1)}\n`);
  buildTranslations(out, table);
  execFileSync('zip', ['-qr', 'recovery-finder.zip', 'recovery-finder'], { cwd: 'build/wordpress' });
  console.log(`build/wordpress/recovery-finder.zip: ${Object.keys(table.elements).join(', ')}`);
}
