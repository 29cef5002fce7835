#!/usr/bin/env node
// The review state of every language, read from xliff/<tag>.xlf: strings in all, strings with
// a target (translated), and targets a reviewer has marked (state "translated", "signed-off" or
// "final"; a target with no state, or "needs-review-translation", is not reviewed).
//
//    node tools/locale-status.mjs           writes src/locales/review-state.ts and the README table
//    node tools/locale-status.mjs --check   exit 1 if either is out of date (test/i18n)
//
// `npm run localize:build` runs it, so the elements' `languages-reviewed-only` rule and the
// README always follow the XLIFF files.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const REVIEWED_STATES = new Set(['translated', 'signed-off', 'final']);
const README = 'README.md';
const MODULE = 'src/locales/review-state.ts';
const START = '<!-- locale-status:start (npm run localize:build writes this table) -->';
const END = '<!-- locale-status:end -->';

/** { total, translated, reviewed } of one XLIFF file's text. */
export function countUnits(xml) {
  const units = xml.match(/<trans-unit\b[\s\S]*?<\/trans-unit>/g) ?? [];
  let translated = 0;
  let reviewed = 0;
  for (const unit of units) {
    const target = /<target\b([^>]*)>/.exec(unit);
    if (!target) continue;
    translated++;
    const state = /\bstate="([^"]*)"/.exec(target[1] ?? '')?.[1];
    if (state && REVIEWED_STATES.has(state)) reviewed++;
  }
  return { total: units.length, translated, reviewed };
}

/** Every target locale of lit-localize.json with its counts, in the file's order. */
export function localeStatus(root = '.') {
  const config = JSON.parse(readFileSync(`${root}/lit-localize.json`, 'utf8'));
  return config.targetLocales.map((tag) => ({ tag, ...countUnits(readFileSync(`${root}/xliff/${tag}.xlf`, 'utf8')) }));
}

export function moduleText(status) {
  const rows = status.map((s) => `  '${s.tag}': { total: ${s.total}, translated: ${s.translated}, reviewed: ${s.reviewed} },`);
  return `// Do not modify this file by hand: node tools/locale-status.mjs writes it from xliff/*.xlf.

/** Strings in all, strings translated, and translations a reviewer has marked, per language. */
export const reviewState: Readonly<Record<string, { total: number; translated: number; reviewed: number }>> = {
${rows.join('\n')}
};
`;
}

export function tableText(status) {
  const english = new Intl.DisplayNames(['en'], { type: 'language' });
  const rows = status.map((s) => {
    const state = s.reviewed === s.total ? 'reviewed' : s.translated === s.total ? 'translated, not reviewed' : 'incomplete';
    return `| \`${s.tag}\` | ${english.of(s.tag)} | ${s.total} | ${s.translated} | ${s.reviewed} | ${state} |`;
  });
  return [START, '| tag | language | strings | translated | reviewed | state |', '|---|---|---|---|---|---|', ...rows, END].join('\n');
}

export function readmeWith(readme, table) {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${README} has no ${START} … ${END} markers`);
  return readme.slice(0, a) + table + readme.slice(b + END.length);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const status = localeStatus();
  const files = { [MODULE]: moduleText(status), [README]: readmeWith(readFileSync(README, 'utf8'), tableText(status)) };
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [file, text] of Object.entries(files)) {
    let old = '';
    try {
      old = readFileSync(file, 'utf8');
    } catch {
      // A missing file is out of date.
    }
    if (old === text) continue;
    if (check) {
      console.error(`${file} is out of date: run node tools/locale-status.mjs`);
      stale++;
    } else writeFileSync(file, text, 'utf8');
  }
  for (const s of status) console.log(`${s.tag}: ${s.translated}/${s.total} translated, ${s.reviewed} reviewed`);
  process.exitCode = stale ? 1 : 0;
}
