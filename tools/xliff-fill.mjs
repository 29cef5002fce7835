#!/usr/bin/env node
// Fill missing <target>s in xliff/<lang>.xlf from a JSON map {source_xml: target_xml}
// (or, with --by-id, {trans-unit id: target_xml}: to keep the translations of two branches).
//
//    node tools/xliff-fill.mjs --lang ar /work/i18n-ar.json   (then: npm run localize:build)
//    node tools/xliff-fill.mjs translations.json              (no --lang: Spanish, xliff/es.xlf)
//
// Sources and targets are written as they appear in the file (placeholders as <x id=.../>).
// Every target written here is a machine's or a first translator's work, so it is written
// with state="needs-review-translation"; a reviewer changes the state (docs/translating.md).
// Targets already in the file are left as they are, state included.
// Prints the sources still without a target; exit 1 if any.
import { readFileSync, writeFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const byId = argv.includes('--by-id');
const langAt = argv.indexOf('--lang');
const lang = langAt >= 0 ? argv[langAt + 1] : 'es';
if (!lang || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$/.test(lang)) {
  console.error(`xliff-fill: --lang needs a language tag (as in lit-localize.json), got ${lang}`);
  process.exit(2);
}
const [mapFile] = argv.filter((a, i) => a !== '--by-id' && a !== '--lang' && !(langAt >= 0 && i === langAt + 1));
const path = `xliff/${lang}.xlf`;
/** @type {Record<string, string>} */
const fills = mapFile ? JSON.parse(readFileSync(mapFile, 'utf8')) : {};

const UNIT = /<trans-unit id="[^"]+">[\s\S]*?<\/trans-unit>/g;
const TARGET = /<target[\s>]/;
const sourceOf = (unit) => /<source>([\s\S]*?)<\/source>/.exec(unit)?.[1] ?? '';

let text = readFileSync(path, 'utf8');
text = text.replace(UNIT, (unit) => {
  if (TARGET.test(unit)) return unit;
  const key = byId ? (/<trans-unit id="([^"]+)"/.exec(unit)?.[1] ?? '') : sourceOf(unit);
  if (!Object.hasOwn(fills, key)) return unit;
  // A function, so a `$` in a translation is written as it is.
  return unit.replace('</source>', () => `</source>\n      <target state="needs-review-translation">${fills[key]}</target>`);
});
writeFileSync(path, text, 'utf8');

const missing = (text.match(UNIT) ?? []).filter((unit) => !TARGET.test(unit)).map(sourceOf);
for (const source of missing) console.log('missing:', source);
if (missing.length) console.log(`${path}: ${missing.length} without a target`);
process.exitCode = missing.length ? 1 : 0;
