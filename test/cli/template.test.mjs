import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
    assert.doesNotMatch(result.stderr, /row \d+/, 'no row is reported');
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
