#!/usr/bin/env node
// Fill missing Spanish <target>s in xliff/es.xlf from a JSON map {source_xml: target_xml}
// (or, with --by-id, {trans-unit id: target_xml}: to keep the translations of two branches).
//
//    node tools/xliff-fill.mjs translations.json   (then: npm run localize:build)
// Sources and targets are written as they appear in the file (placeholders as <x id=.../>).
// Prints the sources still without a target; exit 1 if any.
import { readFileSync, writeFileSync } from 'node:fs';

const path = 'xliff/es.xlf';
const argv = process.argv.slice(2);
const byId = argv.includes('--by-id');
const [mapFile] = argv.filter((a) => a !== '--by-id');
/** @type {Record<string, string>} */
const fills = mapFile ? JSON.parse(readFileSync(mapFile, 'utf8')) : {};

const UNIT = /<trans-unit id="[^"]+">[\s\S]*?<\/trans-unit>/g;
const sourceOf = (unit) => /<source>([\s\S]*?)<\/source>/.exec(unit)?.[1] ?? '';

let text = readFileSync(path, 'utf8');
text = text.replace(UNIT, (unit) => {
  if (unit.includes('<target>')) return unit;
  const key = byId ? (/<trans-unit id="([^"]+)"/.exec(unit)?.[1] ?? '') : sourceOf(unit);
  if (!Object.hasOwn(fills, key)) return unit;
  // A function, so a `$` in a translation is written as it is.
  return unit.replace('</source>', () => `</source>\n      <target>${fills[key]}</target>`);
});
writeFileSync(path, text, 'utf8');

const missing = (text.match(UNIT) ?? []).filter((unit) => !unit.includes('<target>')).map(sourceOf);
for (const source of missing) console.log('missing:', source);
process.exitCode = missing.length ? 1 : 0;
