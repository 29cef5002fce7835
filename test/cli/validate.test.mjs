import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cli, dataFile, fixture, lines, run } from './helpers.mjs';

const recordCount = (file) => JSON.parse(readFileSync(file, 'utf8')).resources.length;

for (const name of ['resources.json', 'us-disposal-2018.json']) {
  test(`validate accepts data/${name} with a one-line summary`, () => {
    // The age limit is set far enough back that no shipped record is past it.
    const result = run(cli, ['validate', `data/${name}`, '--stale-after-days', '36500']);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(lines(result.stdout), [`data/${name}: ${recordCount(dataFile(name))} records, valid`]);
    assert.equal(result.stderr, '');
  });
}

test('validate names each bad record by id and field path, one per line, and exits 1', () => {
  const file = 'test/fixtures/cli-bad-records.json';
  const result = run(cli, ['validate', file]);
  assert.equal(result.status, 1);
  const out = lines(result.stderr);
  const expected = [
    [/record "fixture-js-url" \(#1\) url: must be an http\(s\) link/],
    [/record "fixture-call-us" \(#2\) phones\[0\]\.number: must be a phone number/],
    [/record "fixture-dup" \(#4\) id: duplicate id/],
    [/record "fixture-far-north" \(#5\) location\.latitude: must be a latitude/],
  ];
  for (const [pattern] of expected) {
    assert.equal(out.filter((line) => pattern.test(line)).length, 1, `one line matching ${pattern} in:\n${result.stderr}`);
  }
  assert.ok(out.every((line) => line.startsWith(`${file}: `)), 'every line names the file');
  assert.ok(!result.stderr.includes('fixture-good'), 'the good record is not reported');
  assert.equal(out.at(-1), `${file}: 6 records, 4 invalid`);
  assert.equal(out.length, expected.length + 1);
});

test('validate flags broken text (lone UTF-16 surrogates) by record and field, and exits 1', () => {
  const file = 'test/fixtures/cli-broken-text.json';
  const result = run(cli, ['validate', file]);
  assert.equal(result.status, 1);
  const out = lines(result.stderr);
  for (const pattern of [
    /record "fixture-lone-high" \(#1\) name: broken text \(a lone UTF-16 surrogate\) replaced by \uFFFD/,
    /record "fixture-lone-high" \(#1\) address\.city: broken text/,
    /record "fixture-lone-low" \(#2\) description: broken text/,
  ]) {
    assert.equal(out.filter((line) => pattern.test(line)).length, 1, `one line matching ${pattern} in:\n${result.stderr}`);
  }
  assert.ok(!result.stderr.includes('fixture-good'), 'the good record is not reported');
  assert.equal(out.at(-1), `${file}: 3 records, 0 invalid, 2 with broken text repaired`);
  assert.equal(out.length, 4);
  assert.ok(result.stderr.isWellFormed(), 'the report itself is well-formed text');
});

test('a file that is not JSON is one clear error line', () => {
  const result = run(cli, ['validate', fixture('cli-not-json.json')]);
  assert.equal(result.status, 1);
  const out = lines(result.stderr);
  assert.equal(out.length, 1);
  assert.match(out[0], /cli-not-json\.json: not JSON/);
});

test('a dataset of another schema version is one clear error line', () => {
  const result = run(cli, ['validate', fixture('cli-wrong-version.json')]);
  assert.equal(result.status, 1);
  const out = lines(result.stderr);
  assert.equal(out.length, 1);
  assert.match(out[0], /cli-wrong-version\.json: .*schema_version is "2\.0".*version 1\.x/);
});

test('a missing file is a clear error and exit 2', () => {
  const result = run(cli, ['validate', 'no-such-dataset.json']);
  assert.equal(result.status, 2);
  assert.deepEqual(lines(result.stderr), ['no-such-dataset.json: no such file']);
});

test('several files: one result each, and the worst exit status', () => {
  const result = run(cli, ['validate', 'data/resources.json', fixture('cli-wrong-version.json')]);
  assert.equal(result.status, 1);
  assert.match(result.stdout, /data\/resources\.json: \d+ records, valid/);
  assert.match(result.stderr, /schema_version is "2\.0"/);
});

test('--help prints the usage and exits 0; no command is a usage error', () => {
  const help = run(cli, ['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /recovery-finder validate FILE/);
  assert.match(help.stdout, /recovery-finder import FILE\.csv/);
  assert.equal(run(cli, ['validate', '--help']).status, 0);
  const none = run(cli, []);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /Usage:/);
  assert.equal(run(cli, ['validate']).status, 2);
  assert.equal(run(cli, ['frobnicate']).status, 2);
});

test('validate warns about records past the age limit; --strict makes each one an error', () => {
  const lenient = run(cli, ['validate', 'data/resources.json', '--today', '2026-11-27']);
  assert.equal(lenient.status, 0, lenient.stderr);
  assert.match(lenient.stdout, /records, valid/);
  const warning = lines(lenient.stderr);
  assert.equal(warning.length, 1);
  assert.match(warning[0], /warning: \d+ records older than 730 days/);
  const strict = run(cli, ['validate', 'data/resources.json', '--today', '2026-11-27', '--strict']);
  assert.equal(strict.status, 1);
  assert.match(strict.stderr, /record "dea-02118-boston-medical-center": older than 730 days.*2018-10-01/);
  assert.match(strict.stderr, /too old \(--strict\)/);
  assert.doesNotMatch(strict.stderr, /record "prsc-room-to-grow/);
  const wide = run(cli, ['validate', 'data/resources.json', '--today', '2026-11-27', '--strict', '--stale-after-days', '5000']);
  assert.equal(wide.status, 0, wide.stderr);
  const bad = run(cli, ['validate', 'data/resources.json', '--stale-after-days', 'soon']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--stale-after-days must be a whole number/);
});
