// The review-state table (README) and module (src/locales/review-state.ts) follow the XLIFF
// files, and tools/xliff-fill.mjs writes new translations as needing review (issue #23).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    cpSync('xliff', join(dir, 'xliff'), { recursive: true });
    const ar = join(dir, 'xliff/ar.xlf');
    const es = readFileSync(join(dir, 'xliff/es.xlf'), 'utf8');
    writeFileSync(ar, readFileSync(ar, 'utf8').replace('<target state="needs-review-translation">اللغة</target>', '<target state="final">اللغة</target>'));
    const map = join(dir, 'ar.json');
    writeFileSync(map, JSON.stringify({ 'Call or text 988, any time.': 'اتصل أو أرسل رسالة نصية إلى 988، في أي وقت.', Language: 'لغة', 'Not a source': 'x' }));
    const run = spawnSync(process.execPath, [join(TOOLS, 'xliff-fill.mjs'), '--lang', 'ar', map], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 1, 'strings are still missing');
    assert.match(run.stdout, /xliff\/ar\.xlf: \d+ without a target/);
    const text = readFileSync(ar, 'utf8');
    assert.match(text, /<source>Call or text 988, any time\.<\/source>\n\s*<target state="needs-review-translation">اتصل أو أرسل رسالة نصية إلى 988، في أي وقت\.<\/target>/);
    assert.match(text, /<target state="final">اللغة<\/target>/, 'a target already there is kept, state and all');
    assert.equal(readFileSync(join(dir, 'xliff/es.xlf'), 'utf8'), es, 'Spanish untouched');
    const bad = spawnSync(process.execPath, [join(TOOLS, 'xliff-fill.mjs'), '--lang', map], { cwd: dir, encoding: 'utf8' });
    assert.equal(bad.status, 2, 'a missing tag is refused');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
