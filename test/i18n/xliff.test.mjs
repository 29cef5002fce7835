// The XLIFF files (issue #23): one per language of lit-localize.json, every unit of the source,
// every target with a review state, and every number of the English kept in every translation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { isLocale } from '@lit/localize-tools/lib/locales.js';

const config = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
const TAGS = ['es', 'ht', 'zh-Hant', 'zh-Hans', 'vi', 'kea', 'ru', 'ar', 'pt-BR', 'fr', 'so'];
const STATES = new Set(['new', 'needs-translation', 'needs-adaptation', 'needs-l10n', 'needs-review-translation', 'needs-review-adaptation', 'needs-review-l10n', 'translated', 'signed-off', 'final']);

/** The units of one XLIFF file: id, source and target as written (placeholders as <x .../>), target state, note. */
export function units(xml) {
  return (xml.match(/<trans-unit\b[\s\S]*?<\/trans-unit>/g) ?? []).map((u) => ({
    id: /id="([^"]+)"/.exec(u)?.[1],
    source: /<source>([\s\S]*?)<\/source>/.exec(u)?.[1] ?? '',
    target: /<target\b[^>]*>([\s\S]*?)<\/target>/.exec(u)?.[1],
    state: /<target\b[^>]*\bstate="([^"]*)"/.exec(u)?.[1],
    note: /<note\b[^>]*>([\s\S]*?)<\/note>/.exec(u)?.[1],
  }));
}
const xliff = (tag) => readFileSync(`xliff/${tag}.xlf`, 'utf8');

/**
 * The numbers of a text that a translation must keep as written: every run of digits, with
 * the dashes and dots inside a phone number ("617-635-4500", "3-1-1"); placeholders
 * (<x id="0" .../>) left out. A lone digit is left out too: a small count may be a word
 * ("the 1 place" is "el único lugar", "24/7" is "24 horas, todos los días").
 */
export function numbersOf(text) {
  return (text.replace(/<x\b[^>]*\/>/g, ' ').match(/\d+(?:[-.]\d+)*/g) ?? []).filter((n) => n.length > 1);
}

/** The numbers of `source` that `target` does not have (as many times as the source has them). */
export function missingNumbers(source, target) {
  const left = numbersOf(target);
  return numbersOf(source).filter((n) => {
    const i = left.indexOf(n);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

test('the eleven languages are lit-localize target locales, each a tag lit-localize accepts, with its file and module', () => {
  assert.deepEqual([...config.targetLocales].sort(), [...TAGS].sort());
  for (const tag of TAGS) {
    assert.ok(isLocale(tag), `${tag} is a tag lit-localize accepts`);
    assert.match(xliff(tag), new RegExp(`target-language="${tag}"`), `xliff/${tag}.xlf is for ${tag}`);
    assert.ok(existsSync(`src/locales/generated/${tag}.ts`), `src/locales/generated/${tag}.ts (npm run localize:build)`);
  }
  const languages = readFileSync('src/locales/languages.ts', 'utf8');
  const listed = [...languages.matchAll(/\{ tag: '([^']+)'/g)].map((m) => m[1]);
  assert.deepEqual(listed, ['en', ...TAGS], 'src/locales/languages.ts names the same twelve, English first');
});

test('every language has every unit of the source, and each target a review state', () => {
  const source = units(xliff('es')).map((u) => `${u.id} ${u.source}`).sort();
  for (const tag of TAGS) {
    const all = units(xliff(tag));
    assert.deepEqual(all.map((u) => `${u.id} ${u.source}`).sort(), source, `${tag}: the same units as es`);
    for (const u of all.filter((x) => x.target !== undefined)) {
      assert.ok(u.state && STATES.has(u.state), `${tag} ${u.id}: target without an XLIFF 1.2 state ("${u.state}")`);
    }
  }
});

test('every translation keeps every number of its English: phone numbers, 988, 3-1-1, ZIP lengths', () => {
  let checked = 0;
  for (const tag of TAGS) {
    for (const u of units(xliff(tag))) {
      if (u.target === undefined) continue;
      checked++;
      assert.deepEqual(missingNumbers(u.source, u.target), [], `${tag} ${u.id}: "${u.target}" lost numbers of "${u.source}"`);
    }
  }
  assert.ok(checked >= 376, `at least the Spanish checked (${checked})`);
});

test('the number check sees a changed, dropped or Arabic-Indic number, and lets a word stand for a lone digit', () => {
  const source = 'Call 617-635-4500 (BOS:311) or <x id="0" equiv-text="${phone.number}"/>, 24/7';
  assert.deepEqual(numbersOf(source), ['617-635-4500', '311', '24']);
  assert.deepEqual(missingNumbers(source, 'اتصل بـ 617-635-4500 (BOS:311) أو <x id="0" equiv-text="${phone.number}"/>، 24 ساعة'), []);
  assert.deepEqual(missingNumbers(source, 'اتصل بـ ٦١٧-٦٣٥-٤٥٠٠ (BOS:311) 24/7'), ['617-635-4500']);
  assert.deepEqual(missingNumbers(source, 'Llame al 617-635-450 (BOS:311), 24/7'), ['617-635-4500']);
  assert.deepEqual(missingNumbers(source, 'Llame a 617 635 4500 (BOS:311), 24/7'), ['617-635-4500']);
  assert.deepEqual(missingNumbers(source, 'Llame a BOS:311, 24/7'), ['617-635-4500']);
  assert.deepEqual(missingNumbers('Call 3-1-1', 'Llame al 311'), ['3-1-1']);
});

test('the help-line and crisis strings carry a note for translators in every language', () => {
  const crisis = [
    'Emergency or overdose',
    '988 Suicide &amp; Crisis Lifeline',
    'Call or text 988, any time.',
    'Massachusetts Substance Use Helpline',
    'BOS:311, City of Boston',
    'If you or someone else is in danger, get help now',
    'Call <x id="0" equiv-text="${phone.number}"/>',
    'Text <x id="0" equiv-text="${phone.number}"/>',
    'Call 617-635-4500 (BOS:311)',
  ];
  for (const tag of TAGS) {
    const bySource = new Map(units(xliff(tag)).map((u) => [u.source, u]));
    for (const s of crisis) assert.ok(bySource.get(s)?.note, `${tag}: "${s}" has a <note>`);
  }
});
