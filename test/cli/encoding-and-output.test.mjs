// The CLI under hostile or awkward files (issue #11): spreadsheet formulas, Latin-1 and UTF-16
// text, byte-order marks, --out naming the input or a folder, bad help contacts, dates that
// are not on the calendar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, fixture, lines, run } from './helpers.mjs';

function withTempDir(fn) {
  const dir = mkdtempSync(join(tmpdir(), 'recovery-robust-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const HEADER = 'name,kind,categories,postal_code,latitude,longitude,phones,source,status,description';
const row = (name, description = 'A test row.', phones = '617-555-0100') =>
  `${name},service,peer-support,02118,42.3364,-71.0724,${phones},Test data,unverified,${description}`;
const exampleDataset = () => readFileSync(fixture('dataset.json'), 'utf8');

test('import warns on each cell a spreadsheet would run as a formula, by row and column, and keeps it as text', () =>
  withTempDir((dir) => {
    const csv = join(dir, 'formulas.csv');
    const formulas = ['=HYPERLINK(""http://evil.example"",""x"")', '+SUM(1;2)', '-2+3+cmd|\' /C calc\'!A0', '@SUM(A1)'];
    writeFileSync(
      csv,
      [
        HEADER,
        row('Plain Row', 'Nothing odd', '+1 617-555-0100'),
        ...formulas.map((f, i) => row(`Formula Row ${i}`, `"${f}"`)),
        row('"=1+2"', 'Formula in the name'),
      ].join('\n'),
    );
    const result = run(cli, ['import', csv]);
    const warnings = lines(result.stderr).filter((l) => l.includes('formula'));
    for (let i = 0; i < formulas.length; i++) {
      assert.ok(warnings.some((l) => l.includes(`row ${i + 3}, column description: starts with "${formulas[i][0]}"`)), result.stderr);
    }
    assert.ok(warnings.some((l) => l.includes('row 7, column name: starts with "="')), result.stderr);
    // A negative longitude and a +1 phone are values, not formulas.
    assert.ok(!warnings.some((l) => /column (longitude|phones)/.test(l)), result.stderr);
    assert.ok(!warnings.some((l) => /row 2\b/.test(l)), result.stderr);
    assert.match(result.stderr, /5 cells that look like formulas/);
    const dataset = JSON.parse(result.stdout);
    assert.equal(dataset.resources.find((r) => r.name === 'Formula Row 0').description, '=HYPERLINK("http://evil.example","x")');
  }));

test('import reads a Latin-1 (Windows-1252) spreadsheet as such and says so, never "Caf\ufffd"', () =>
  withTempDir((dir) => {
    const csv = join(dir, 'latin1.csv');
    // Byte for byte Windows-1252, as Excel saves "CSV": "Café – Año" (é 0xE9, the dash 0x96, ñ 0xF1).
    const name = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x41, 0xf1, 0x6f]);
    writeFileSync(csv, Buffer.concat([Buffer.from(`${HEADER}\n`), name, Buffer.from(`${row('')}\n`)]));
    const result = run(cli, ['import', csv]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /not UTF-8 \(byte \d+\); read as Windows-1252/);
    const names = JSON.parse(result.stdout).resources.map((r) => r.name);
    assert.deepEqual(names, ['Café – Año']);
    assert.ok(!result.stdout.includes('\ufffd'));
  }));

for (const [encoding, bom] of [
  ['utf16le', [0xff, 0xfe]],
  ['utf16be', [0xfe, 0xff]],
]) {
  test(`import reads a UTF-16 spreadsheet with its byte-order mark (${encoding})`, () =>
    withTempDir((dir) => {
      const csv = join(dir, 'unicode.csv');
      const text = readFileSync(fixture('import-example.csv'), 'utf8').replace('Example Peer Recovery Center', 'Café Peer Center');
      let body = Buffer.from(text, 'utf16le');
      if (encoding === 'utf16be') body = Buffer.from(body).swap16();
      writeFileSync(csv, Buffer.concat([Buffer.from(bom), body]));
      const result = run(cli, ['import', csv]);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stderr, /UTF-16(LE|BE) text/);
      assert.doesNotMatch(result.stderr, /is not a known column/);
      const dataset = JSON.parse(result.stdout);
      assert.equal(dataset.resources.length, 3);
      assert.ok(dataset.resources.some((r) => r.name === 'Café Peer Center'));
    }));
}

test('import refuses --out naming the input file, however it is spelled, and leaves the sheet as it was', () =>
  withTempDir((dir) => {
    const csv = join(dir, 'sheet.csv');
    const original = readFileSync(fixture('import-example.csv'));
    writeFileSync(csv, original);
    for (const out of [csv, join(dir, '.', 'sheet.csv'), join(dir, 'sub', '..', 'sheet.csv')]) {
      mkdirSync(join(dir, 'sub'), { recursive: true });
      const result = run(cli, ['import', csv, '--out', out]);
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, /is the input file; refusing to overwrite it/);
      assert.deepEqual(readFileSync(csv), original);
    }
  }));

test('import with --out naming a folder, or a missing folder, says so in words (no raw EISDIR)', () =>
  withTempDir((dir) => {
    const folder = join(dir, 'out');
    mkdirSync(folder);
    const result = run(cli, ['import', fixture('import-example.csv'), '--out', folder]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /is a folder; give a file name, e\.g\. --out .*out\/dataset\.json/);
    assert.doesNotMatch(result.stderr, /EISDIR/);
    const missing = run(cli, ['import', fixture('import-example.csv'), '--out', join(dir, 'nope', 'x.json')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot write --out .*x\.json \(no such folder\)/);
  }));

test('validate accepts a UTF-8 byte-order mark, as the browser does', () =>
  withTempDir((dir) => {
    const file = join(dir, 'bom.json');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(exampleDataset())]));
    const result = run(cli, ['validate', file]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /: 11 records, valid/);
  }));

test('validate refuses a Latin-1 or UTF-16 dataset clearly (a browser would garble it)', () =>
  withTempDir((dir) => {
    const latin1 = join(dir, 'latin1.json');
    writeFileSync(latin1, Buffer.from(exampleDataset().replace('Fictional', 'Café'), 'latin1'));
    const utf16 = join(dir, 'utf16.json');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(exampleDataset(), 'utf16le')]));
    const result = run(cli, ['validate', latin1, utf16]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /latin1\.json: the file is not UTF-8 \(byte \d+ is not valid UTF-8; a browser would show "\ufffd"\); save it as UTF-8/);
    assert.match(result.stderr, /utf16\.json: the file is UTF-16LE text; save it as UTF-8/);
  }));

test('validate names a bad help contact and a date that is not on the calendar, and keeps the rest', () =>
  withTempDir((dir) => {
    const doc = JSON.parse(exampleDataset());
    doc.help.contacts.push({ id: 'not-a-phone', name: 'Bad', urgency: 'support', phones: [{ number: 'call us' }] });
    doc.resources[0].provenance.last_verified = '2026-02-30';
    doc.resources[1].schedule = { time_zone: 'America/Bostn', always_open: true };
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(doc));
    const result = run(cli, ['validate', file]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /help contact "not-a-phone" \(#\d\) phones\[0\]\.number: must be a phone number/);
    assert.match(result.stderr, /record "ex-peer-south-end" \(#0\) provenance\.last_verified: must be a real calendar date/);
    assert.match(result.stderr, /\(#1\) schedule\.time_zone: is not a time zone/);
    assert.match(result.stderr, /11 records, 2 invalid; 1 help contact invalid/);
  }));
