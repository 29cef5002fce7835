import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, dataFile, run } from './helpers.mjs';

// data/template.csv is what docs/hosting.md tells a web editor to start from: it must import
// cleanly, with one clearly fake example row for each kind of record.
test('data/template.csv imports with no problem and validates: one example row per kind', () => {
  const dir = mkdtempSync(join(tmpdir(), 'recovery-template-'));
  try {
    const out = join(dir, 'template.json');
    const result = run(cli, ['import', dataFile('template.csv'), '--out', out]);
    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /row \d+/, 'no row is reported as a problem');
    // But every example row is named, so that none is published by mistake.
    for (const id of ['example-service', 'example-prsc', 'example-disposal', 'example-event']) {
      assert.match(result.stderr, new RegExp(`warning: record "${id}" looks like an example, not a real place: the fictional number`), id);
    }
    assert.match(result.stderr, /4 records imported, 4 example records to replace/);
    const check = run(cli, ['validate', out]);
    assert.equal(check.status, 0, check.stderr);
    const dataset = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(dataset.resources.map((r) => r.kind).sort(), ['disposal', 'event', 'prsc', 'service']);
    for (const r of dataset.resources) {
      assert.match(r.name, /^Example /, 'example names say so');
      for (const p of r.phones ?? []) assert.match(p.number, /555-01\d\d/, 'fake 555 numbers only');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('import warns about an example row and only about it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'recovery-template-'));
  try {
    const csv = join(dir, 'mixed.csv');
    writeFileSync(
      csv,
      [
        'name,kind,categories,description,city,state,postal_code,phones,source,status',
        'Northampton Recovery Center,prsc,peer-support,A peer recovery center.,Northampton,MA,01060,413-727-3276,Test,unverified',
        'Somewhere Line,service,peer-support,A line.,Boston,MA,02118,617-555-0142,Test,unverified',
      ].join('\n'),
    );
    const result = run(cli, ['import', csv]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /record "somewhere-line-02118" looks like an example, not a real place: the fictional number 617-555-0142/);
    assert.doesNotMatch(result.stderr, /northampton-recovery-center.*example/);
    assert.match(result.stderr, /2 records imported, 1 example record to replace/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
