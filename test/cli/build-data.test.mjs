/** Re-running the data build reproduces data/ byte for byte (needs ../shared/data-sources). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildData, dataFile, root, run } from './helpers.mjs';

const sources = resolve(root, '../shared/data-sources');
const skip = existsSync(sources)
  ? false
  : `skipped: ${sources} not found (a clone without the raw sources); the shipped data/ files are still validated`;
const OUTPUTS = ['resources.json', 'us-disposal-2018.json', 'zip-centroids-ma.json', 'zip-centroids-us.json', 'schema.json'];

function withTempDir(fn) {
  const dir = mkdtempSync(join(tmpdir(), 'recovery-build-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('build-data reproduces data/*.json byte for byte', { skip }, () =>
  withTempDir((out) => {
    const result = run(buildData, ['--out', out]);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(readdirSync(out).sort(), [...OUTPUTS].sort());
    for (const name of OUTPUTS) {
      assert.ok(readFileSync(join(out, name)).equals(readFileSync(dataFile(name))), `${name} differs from data/${name}`);
    }
  }));

test('build-data writes nothing and exits 1 when a source row would make an invalid record', { skip }, () =>
  withTempDir((dir) => {
    const copy = join(dir, 'sources');
    const out = join(dir, 'out');
    cpSync(sources, copy, { recursive: true });
    const seed = join(copy, 'ma-prsc-seed.csv');
    writeFileSync(seed, readFileSync(seed, 'utf8').replace('(413) 507-3635', 'call us'));
    const result = run(buildData, ['--sources', copy, '--out', out]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /resources\.json: record "prsc-valor-recovery-center" \(#\d+\) phones\[0\]\.number/);
    assert.ok(!existsSync(out), 'nothing written');
  }));

test('build-data fails clearly when the sources are missing', () =>
  withTempDir((dir) => {
    const result = run(buildData, ['--sources', join(dir, 'nowhere'), '--out', join(dir, 'out')]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /build-data: .*nowhere/);
  }));
