/** Coverage of the shipped default data, and the README figures that quote it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, run } from './helpers.mjs';

const coverage = join(root, 'dist/coverage.js');

test('at least 80 % of Massachusetts ZIP codes have a medicine disposal place within 10 miles; the README says the same', () => {
  const result = run(coverage, ['--json']);
  assert.equal(result.status, 0, result.stderr);
  const { miles, rows } = JSON.parse(result.stdout);
  assert.equal(miles, 10);
  const [pills, sharps] = rows;
  assert.equal(pills.item, 'pills');
  assert.equal(pills.zips, 539);
  assert.ok(pills.percent >= 80, `medicines: ${pills.percent} %`);
  assert.ok(sharps.covered > 0, 'some ZIP codes have a needle drop-off');
  const readme = readFileSync(join(root, 'README.md'), 'utf8').replace(/\s+/g, ' ');
  assert.ok(readme.includes(`${pills.covered} of ${pills.zips} ZIP codes (${pills.percent} %)`), 'README medicines figure is current');
  assert.ok(readme.includes(`${sharps.covered} of ${sharps.zips} (${sharps.percent} %)`), 'README sharps figure is current');
});

test('coverage counts only places with coordinates that take the item', () => {
  const result = run(coverage, ['--data', 'test/fixtures/card-states.json', '--json']);
  assert.equal(result.status, 0, result.stderr);
  const { rows } = JSON.parse(result.stdout);
  // The fixture's open places all sit at 02118's centre and take pills only; the closed one never counts.
  assert.equal(rows[1].covered, 0, 'nothing there takes sharps');
  assert.ok(rows[0].covered > 0 && rows[0].covered < 539);
});
