#!/usr/bin/env node
// Bring translators' search words into the library:
//   node tools/search-words.mjs /work/search-words-fr.json [more files...]
// Each file is {"crisis": [...], "categories": {"peer-support": [...], ...}, "stop": [...]}, named
// search-words-<BCP 47 tag>.json. Writes src/core/search-words/<tag>.ts for each (checked: strings
// only, known categories) and rewrites src/core/search-words/index.ts to list every language there.
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

let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    const tag = /^search-words-([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.json$/.exec(basename(file))?.[1];
    if (!tag) throw new Error('the file name must be search-words-<language tag>.json');
    const words = JSON.parse(readFileSync(file, 'utf8'));
    const out = { crisis: strings(words.crisis ?? [], 'crisis'), categories: {}, stop: strings(words.stop ?? [], 'stop') };
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
    console.log(`${tag}: ${out.crisis.length} crisis words, ${Object.keys(out.categories).length} categories, ${out.stop.length} stop words`);
  } catch (e) {
    failed = true;
    console.error(`${file}: ${e.message}`);
  }
}

// index.ts lists every language file there.
const tags = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'types.ts')
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
console.log(`index.ts: ${tags.join(', ')}`);
process.exit(failed ? 1 : 0);
