// The review-state table (README) and module (src/locales/review-state.ts) follow the XLIFF
// files, and tools/xliff-fill.mjs writes new translations as needing review (issue #23).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { countUnits } from '../../tools/locale-status.mjs';

const TOOLS = resolve('tools');

test('the README table and src/locales/review-state.ts are what the XLIFF files say (npm run localize:build)', () => {
  const run = spawnSync(process.execPath, [join(TOOLS, 'locale-status.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const readme = readFileSync('README.md', 'utf8');
  assert.match(readme, /\| `ar` \| Arabic \| \d+ \| \d+ \| \d+ \| [a-z, ]+ \|/);
});

test('counts strings, translations and reviewed translations; only translated, signed-off and final are reviewed', () => {
  const unit = (target) => `<trans-unit id="x"><source>a</source>${target}</trans-unit>`;
  const xml = [
    unit(''),
    unit('<target>b</target>'),
    unit('<target state="needs-review-translation">b</target>'),
    unit('<target state="translated">b</target>'),
    unit('<target state="signed-off">b</target>'),
    unit('<target state="final">b</target>'),
    unit('<target state="new">b</target>'),
  ].join('\n');
  assert.deepEqual(countUnits(xml), { total: 7, translated: 6, reviewed: 3 });
});

test('a stale table is found: --check fails when a language changes and the table is not written again', () => {
  const dir = mkdtempSync(join(tmpdir(), 'locale-status-'));
  try {
    for (const f of ['lit-localize.json', 'README.md', 'xliff', 'src/locales/review-state.ts']) cpSync(f, join(dir, f), { recursive: true });
    const check = () => spawnSync(process.execPath, [join(TOOLS, 'locale-status.mjs'), '--check'], { cwd: dir, encoding: 'utf8' });
    assert.equal(check().status, 0);
    const ar = join(dir, 'xliff/ar.xlf');
    writeFileSync(ar, readFileSync(ar, 'utf8').replace('<target state="needs-review-translation">', '<target state="final">'));
    assert.equal(check().status, 1);
    execFileSync(process.execPath, [join(TOOLS, 'locale-status.mjs')], { cwd: dir });
    assert.equal(check().status, 0);
    assert.match(readFileSync(join(dir, 'src/locales/review-state.ts'), 'utf8'), /'ar': \{ total: \d+, translated: \d+, reviewed: 1 \}/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('xliff-fill --lang writes missing targets of that language as needs-review-translation, and keeps the others', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xliff-fill-'));
  try {
    const file = (tag, units) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file target-language="${tag}" source-language="en" original="lit-localize-inputs" datatype="plaintext">\n<body>\n${units}\n</body>\n</file>\n</xliff>\n`;
    const unit = (id, source, target = '') => `<trans-unit id="${id}">\n  <source>${source}</source>${target}\n</trans-unit>`;
    mkdirSync(join(dir, 'xliff'));
    const ar = join(dir, 'xliff/ar.xlf');
    const es = join(dir, 'xliff/es.xlf');
    writeFileSync(ar, file('ar', [
      unit('a', 'Call or text 988, any time.'),
      unit('b', 'Language', '\n      <target state="final">اللغة</target>'),
      unit('c', 'Call <x id="0" equiv-text="${phone.number}"/>'),
    ].join('\n')));
    writeFileSync(es, file('es', unit('a', 'Call or text 988, any time.')));
    const esBefore = readFileSync(es, 'utf8');
    const map = join(dir, 'ar.json');
    writeFileSync(map, JSON.stringify({ 'Call or text 988, any time.': 'اتصل أو أرسل رسالة نصية إلى 988، في أي وقت.', Language: 'لغة', 'Not a source': 'x' }));
    const run = spawnSync(process.execPath, [join(TOOLS, 'xliff-fill.mjs'), '--lang', 'ar', map], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 1, 'a string is still missing');
    assert.match(run.stdout, /missing: Call <x id="0"/);
    assert.match(run.stdout, /xliff\/ar\.xlf: 1 without a target/);
    const text = readFileSync(ar, 'utf8');
    assert.match(text, /<source>Call or text 988, any time\.<\/source>\n\s*<target state="needs-review-translation">اتصل أو أرسل رسالة نصية إلى 988، في أي وقت\.<\/target>/);
    assert.match(text, /<target state="final">اللغة<\/target>/, 'a target already there is kept, state and all');
    assert.equal(readFileSync(es, 'utf8'), esBefore, 'Spanish untouched');
    const spanish = spawnSync(process.execPath, [join(TOOLS, 'xliff-fill.mjs'), map], { cwd: dir, encoding: 'utf8' });
    assert.equal(spanish.status, 0, 'without --lang: Spanish, now complete');
    assert.match(readFileSync(es, 'utf8'), /<target state="needs-review-translation">اتصل/);
    const bad = spawnSync(process.execPath, [join(TOOLS, 'xliff-fill.mjs'), '--lang', map], { cwd: dir, encoding: 'utf8' });
    assert.equal(bad.status, 2, 'a missing tag is refused');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
