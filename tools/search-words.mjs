#!/usr/bin/env node
// Bring translators' search words into the library (crisis words go to crisis.ts only, but English's and Spanish's):
//   node tools/search-words.mjs /work/search-words-fr.json [more files...]
// Each file is {"crisis": [...], "categories": {"peer-support": [...], ...}, "stop": [...]}, named
// search-words-<BCP 47 tag>.json. Writes src/core/search-words/<tag>.ts for each (checked: strings
// only, known categories), puts its crisis words in src/core/search-words/crisis.ts, and rewrites
// src/core/search-words/index.ts to list every language there.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../src/core/search-words/', import.meta.url));
const schema = readFileSync(fileURLToPath(new URL('../src/core/schema.ts', import.meta.url)), 'utf8');
const categories = new Set([...schema.match(/export const CATEGORIES = \[([\s\S]*?)\] as const/)[1].matchAll(/'([a-z-]+)'/g)].map((m) => m[1]));

const strings = (value, where) => {
  if (!Array.isArray(value) || value.some((s) => typeof s !== 'string')) throw new Error(`${where} must be a list of strings`);
  return [...new Set(value.map((s) => s.trim()).filter(Boolean))];
};

// The built-in languages (always loaded with search) and the crisis words imported here.
const builtIn = new Set(['en', 'es']);
const imported = new Map();

let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    const tag = /^search-words-([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.json$/.exec(basename(file))?.[1];
    if (!tag) throw new Error('the file name must be search-words-<language tag>.json');
    const words = JSON.parse(readFileSync(file, 'utf8'));
    const crisisWords = strings(words.crisis ?? [], 'crisis');
    // The built-in languages keep their crisis words in their own file; every other language's
    // go to crisis.ts only (their one home, always loaded), never into the lazy language file.
    const out = { ...(builtIn.has(tag) ? { crisis: crisisWords } : {}), categories: {}, stop: strings(words.stop ?? [], 'stop') };
    if (!builtIn.has(tag)) imported.set(tag, crisisWords);
    for (const [code, list] of Object.entries(words.categories ?? {})) {
      if (!categories.has(code)) throw new Error(`"${code}" is not a category`);
      out.categories[code] = strings(list, `categories.${code}`);
    }
    const body = JSON.stringify(out, null, 2);
    writeFileSync(
      join(dir, `${tag}.ts`),
      `/** Search words in ${tag} (see types.ts), from ${basename(file)} by tools/search-words.mjs. */\n` +
        `import type { SearchWords } from './types.js';\n\nexport default ${body} satisfies SearchWords;\n`,
    );
    console.log(`${tag}: ${crisisWords.length} crisis words, ${Object.keys(out.categories).length} categories, ${out.stop.length} stop words`);
  } catch (e) {
    failed = true;
    console.error(`${file}: ${e.message}`);
  }
}

// index.ts lists every language file there (loaded with the ranking, on the first query);
// crisis.ts holds the crisis words of every language but English and Spanish (always loaded, so
// the crisis lines come up whatever the first query is): those already there, and those imported.
const tags = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts', 'crisis.ts'].includes(f))
  .map((f) => f.slice(0, -3))
  .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
const ident = (tag) => tag.replace(/-(\w)/g, (_, c) => c.toUpperCase()).replace(/^(\d)/, '_$1');
writeFileSync(
  join(dir, 'index.ts'),
  `/**\n * Search words by language (BCP 47 tag): search reads them all at once, so a person finds help\n` +
    ` * in their language whatever the page's language is. Written by tools/search-words.mjs.\n */\n` +
    `import type { SearchWords } from './types.js';\n` +
    tags.map((t) => `import ${ident(t)} from './${t}.js';\n`).join('') +
    `\nexport type { SearchWords };\n\n` +
    `export const SEARCH_WORDS: Readonly<Record<string, SearchWords>> = { ${tags.map((t) => (ident(t) === t ? t : `'${t}': ${ident(t)}`)).join(', ')} };\n`,
);
const crisisFile = readFileSync(join(dir, 'crisis.ts'), 'utf8');
const known = JSON.parse(crisisFile.slice(crisisFile.indexOf('> = ') + 4, crisisFile.lastIndexOf(';')));
// One of each spelling search reads alike (accents, Arabic final letters: see normalize() in search.ts).
const key = (w) => w.normalize('NFD').replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '').toLowerCase().replace(/ى/g, 'ي').replace(/ة/g, 'ه');
const once = (words) => {
  const seen = new Set();
  return words.filter((w) => !seen.has(key(w)) && seen.add(key(w)));
};
const crisis = Object.fromEntries(
  tags.filter((t) => !builtIn.has(t)).map((t) => [t, imported.has(t) ? once(imported.get(t)) : (known[t] ?? [])]),
);
writeFileSync(
  join(dir, 'crisis.ts'),
  `/**\n * The crisis words of every language but English and Spanish (those are in en.ts and es.ts),\n` +
    ` * always loaded: their one home (the lazily loaded language files do not carry them). Written by\n` +
    ` * tools/search-words.mjs from the translators' search-words-<tag>.json files.\n */\n` +
    `export const CRISIS_WORDS: Readonly<Record<string, readonly string[]>> = ${JSON.stringify(crisis, null, 2)};\n`,
);
console.log(`index.ts: ${tags.join(', ')}; crisis.ts: ${Object.keys(crisis).join(', ')}`);
process.exit(failed ? 1 : 0);
