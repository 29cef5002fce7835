import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, dataFile, fixture, lines, run } from './helpers.mjs';

function withTempDir(fn) {
  const dir = mkdtempSync(join(tmpdir(), 'recovery-import-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const byName = (dataset, name) => dataset.resources.find((r) => r.name === name);

test('import of the example CSV writes a dataset that validates', () =>
  withTempDir((dir) => {
    const out = join(dir, 'imported.json');
    const result = run(cli, ['import', fixture('import-example.csv'), '--out', out, '--title', 'Example import']);
    assert.equal(result.status, 0, result.stderr);
    const check = run(cli, ['validate', out]);
    assert.equal(check.status, 0, check.stderr);
    assert.match(check.stdout, /: 3 records, valid/);
    const dataset = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(dataset.title, 'Example import');
    assert.equal(dataset.time_zone, 'America/New_York');
  }));

test('imported rows keep their hours, phones and ZIP-centre locations', () => {
  const result = run(cli, ['import', fixture('import-example.csv')]);
  assert.equal(result.status, 0, result.stderr);
  const dataset = JSON.parse(result.stdout);
  const center = byName(dataset, 'Example Peer Recovery Center');
  assert.deepEqual(center.schedule.weekly, [
    { byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opens_at: '09:00', closes_at: '17:00' },
    { byday: ['SA'], opens_at: '10:00', closes_at: '14:00' },
  ]);
  assert.deepEqual(center.location, { latitude: 42.3364, longitude: -71.0724, precision: 'exact' });
  const line = byName(dataset, 'Example Night Line');
  assert.deepEqual(line.schedule.weekly[0], { byday: ['FR'], opens_at: '20:00', closes_at: '02:00' });
  assert.deepEqual(line.phones[1], { number: '617-555-0102', type: 'text', text_body: 'HELLO' });
  const box = byName(dataset, 'Example Medicine Drop Box');
  assert.deepEqual(box.schedule, { always_open: true });
  assert.deepEqual(box.disposal.accepts, ['pills']);
  const [lat, lon] = JSON.parse(readFileSync(dataFile('zip-centroids-us.json'), 'utf8')).zips['02130'];
  assert.deepEqual(box.location, { latitude: lat, longitude: lon, precision: 'zip-centroid' });
});

test('an import gets the default help contacts (the same as the starter dataset), or none with --no-help', () => {
  const withHelp = JSON.parse(run(cli, ['import', fixture('import-example.csv')]).stdout);
  const starter = JSON.parse(readFileSync(dataFile('resources.json'), 'utf8'));
  assert.deepEqual(
    withHelp.help.contacts.map((c) => c.id),
    ['emergency-911', 'lifeline-988', 'ma-substance-use-helpline', 'boston-311'],
  );
  assert.deepEqual(withHelp.help.contacts, starter.help.contacts);
  const without = JSON.parse(run(cli, ['import', fixture('import-example.csv'), '--no-help']).stdout);
  assert.deepEqual(without.help.contacts, []);
});

test('import of the bad CSV names the row and column, keeps the good rows and exits 1', () =>
  withTempDir((dir) => {
    const out = join(dir, 'partial.json');
    const result = run(cli, ['import', fixture('import-bad.csv'), '--out', out]);
    assert.equal(result.status, 1);
    const problems = lines(result.stderr);
    assert.ok(problems.some((l) => /import-bad\.csv: row 3, column phones: must be a phone number/.test(l)), result.stderr);
    assert.ok(problems.some((l) => /import-bad\.csv: row 3, column hours: "Mo-Fx 09:00-17:00"/.test(l)), result.stderr);
    assert.ok(!problems.some((l) => /row [24]\b/.test(l)), 'only row 3 is bad');
    const dataset = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(
      dataset.resources.map((r) => r.name),
      ['Example Peer Recovery Center', 'Example Medicine Drop Box'],
    );
    assert.equal(run(cli, ['validate', out]).status, 0);
  }));

test('import of a missing file is exit 2', () => {
  const result = run(cli, ['import', 'no-such-sheet.csv']);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /no-such-sheet\.csv: no such file/);
});

test('hours forms, aliases, generated ids and sheet-level problems', () =>
  withTempDir((dir) => {
    const csv = join(dir, 'forms.csv');
    writeFileSync(
      csv,
      [
        'Name,Categories,ZIP,Hours,Catagory notes,id',
        'Example Lunch Break,peer-support,02118,"Mo,We,Fr 09:00-12:00, 13:00-17:00; Su closed",,',
        'Example Long Weekend,support-groups,,Fr-Mo 10:00-16:00; by appointment,,',
        'Example Lunch Break,peer-support,02118,24/7,,',
        'Example Same Id,peer-support,,9:00-17:00,,dup-id',
        'Example Same Id Again,peer-support,,daily 08:00-24:00,,dup-id',
      ].join('\n'),
    );
    const result = run(cli, ['import', csv, '--source', 'Example test data (not a real resource)']);
    assert.equal(result.status, 1);
    const problems = lines(result.stderr);
    assert.ok(problems.some((l) => /row 1, column Catagory notes: is not a known column/.test(l)), result.stderr);
    assert.ok(problems.some((l) => /row 5, column hours: "9:00-17:00"/.test(l)), result.stderr);
    assert.ok(problems.some((l) => /row 6, column id: duplicate id "dup-id": row 5 has it/.test(l)), result.stderr);
    const dataset = JSON.parse(result.stdout);
    const [lunch, weekend, lunch2] = dataset.resources;
    assert.deepEqual(
      dataset.resources.map((r) => r.id),
      ['example-lunch-break-02118', 'example-long-weekend', 'example-lunch-break-02118-2'],
    );
    assert.deepEqual(lunch.schedule.weekly, [
      { byday: ['MO', 'WE', 'FR'], opens_at: '09:00', closes_at: '12:00' },
      { byday: ['MO', 'WE', 'FR'], opens_at: '13:00', closes_at: '17:00' },
    ]);
    assert.equal(lunch.location.precision, 'zip-centroid');
    assert.deepEqual(weekend.schedule, {
      by_appointment: true,
      weekly: [{ byday: ['MO', 'FR', 'SA', 'SU'], opens_at: '10:00', closes_at: '16:00' }],
    });
    assert.deepEqual(lunch2.schedule, { always_open: true });
    assert.equal(weekend.provenance.source, 'Example test data (not a real resource)');
    assert.deepEqual(dataset.sources.map((s) => s.name), ['Example test data (not a real resource)']);
  }));
