/** Re-running the data build reproduces data/ byte for byte from the raw files in sources/. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildData, dataFile, root, run } from './helpers.mjs';

const sources = resolve(root, 'sources');
// The raw files are in the repository: a missing folder is a broken clone, not a reason to skip.
assert.ok(existsSync(join(sources, 'ma-prsc-seed.csv')), `${sources} is missing: the raw files the data build reads`);
const OUTPUTS = ['resources.json', 'us-disposal-2018.json', 'zip-centroids-ma.json', 'zip-centroids-us.json', 'schema.json'];

function withTempDir(fn) {
  const dir = mkdtempSync(join(tmpdir(), 'recovery-build-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('build-data reproduces data/*.json byte for byte', () =>
  withTempDir((out) => {
    const result = run(buildData, ['--out', out]);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(readdirSync(out).sort(), [...OUTPUTS].sort());
    for (const name of OUTPUTS) {
      assert.ok(readFileSync(join(out, name)).equals(readFileSync(dataFile(name))), `${name} differs from data/${name}`);
    }
  }));

test('build-data writes nothing and exits 1 when a source row would make an invalid record', () =>
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

const DISPOSAL_FILE = 'ma-disposal-sites-from-public-pages-compiled-2026-11-27.csv';
const RECOVERY_FILE = 'ma-recovery-support-from-public-pages-compiled-2026-11-27.csv';

/** Build from a copy of the sources where `edit(dir)` changed some files; returns the starter dataset. */
function buildWith(edit) {
  return withTempDir((dir) => {
    const copy = join(dir, 'sources');
    const out = join(dir, 'out');
    cpSync(sources, copy, { recursive: true, filter: (p) => !p.endsWith('us-dea-disposal-collectors-2018-10.json') });
    cpSync(join(sources, 'us-dea-disposal-collectors-2018-10.json'), join(copy, 'us-dea-disposal-collectors-2018-10.json'));
    edit(copy);
    const result = run(buildData, ['--sources', copy, '--out', out]);
    assert.equal(result.status, 0, result.stderr);
    return JSON.parse(readFileSync(join(out, 'resources.json'), 'utf8'));
  });
}

test('the disposal file becomes one record per row: items, hours, place and provenance from the row', () => {
  const text = readFileSync(join(sources, DISPOSAL_FILE), 'utf8');
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const header = text.split(/\r?\n/)[0];
  const rows = [
    'x-both,drug_takeback;sharps,Test Police,1 Main St,Northampton,MA,,413-555-0100 (front desk),available 24/7,"pills; liquid medicines; needles in a container",patches,residents,lobby,https://example.org/a,2020-05-01,,,no,A note.',
    'x-ssp,syringe_service_program,Test Exchange,2 Main St,Boston,MA,02118,,,,,,,https://example.org/b,undated page (stored copy),,,yes,',
  ];
  // The Saugus row stays: the build checks that the personal line it leaves out is still there;
  // and the Medford CVS: the build checks that the place the DEA list also holds is still there.
  const kept = text.split(/\r?\n/).filter((l) => l.startsWith('sau-psb,') || l.startsWith('med-cvs,'));
  const built = buildWith((dir) => writeFileSync(join(dir, DISPOSAL_FILE), `${header}${nl}${[...rows, ...kept].join(nl)}${nl}`));
  const mine = built.resources.filter((r) => r.id.startsWith('ma-x-'));
  assert.equal(mine.length, 2);
  const both = mine.find((r) => r.id === 'ma-x-both');
  assert.deepEqual(both.disposal.accepts, ['pills', 'liquids', 'sharps']);
  // The page's own words, each in its field; the library's wording is a code (core/worded.ts).
  assert.deepEqual(
    [both.description, both.worded, both.location_detail, both.eligibility, both.disposal.accepts_text, both.disposal.not_accepted_text, both.disposal.restrictions],
    [undefined, { description: 'drug-take-back-and-sharps' }, 'lobby', 'residents', 'pills; liquid medicines; needles in a container', 'patches', undefined],
  );
  assert.deepEqual(both.schedule, { always_open: true, description: 'Available 24/7' });
  assert.deepEqual(both.phones, [{ number: '413-555-0100', type: 'voice', description: 'Front desk' }]);
  assert.deepEqual(both.address, { address_1: '1 Main St', city: 'Northampton', state_province: 'MA' });
  assert.equal(both.location.precision, 'town-centre');
  assert.deepEqual(
    { url: both.provenance.source_url, date: both.provenance.source_date, status: both.provenance.status },
    { url: 'https://example.org/a', date: '2020-05-01', status: 'needs-verification' },
  );
  assert.doesNotMatch(both.provenance.note ?? '', /A note\./, "the compiler's notes are not shown to residents");
  assert.match(both.provenance.editor_note, /A note\./, 'they are kept for the editors');
  const ssp = mine.find((r) => r.id === 'ma-x-ssp');
  assert.deepEqual(ssp.categories, ['disposal', 'harm-reduction']);
  assert.deepEqual(ssp.disposal.accepts, ['sharps']);
  assert.equal(ssp.location.precision, 'zip-centroid');
  assert.equal(ssp.provenance.source_date, undefined, 'an undated page gets no date: not the day it was compiled');
  assert.equal(ssp.provenance.note, undefined, 'the card says the date is unknown: the note does not say it again');
});

test('the recovery-support file becomes services by kind, and a detail row adds to its PRSC', () => {
  const text = readFileSync(join(sources, RECOVERY_FILE), 'utf8');
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const [header, ...rest] = text.trim().split(/\r?\n/);
  const keep = rest.filter((l) => /^(ma-masshealth-pt1|bos-harbor-eligibility|ma-atr),/.test(l));
  const built = buildWith((dir) => writeFileSync(join(dir, RECOVERY_FILE), `${header}${nl}${keep.join(nl)}${nl}`));
  const mine = built.resources.filter((r) => r.provenance.source.startsWith('Massachusetts recovery supports'));
  assert.deepEqual(mine.map((r) => r.id).sort(), ['ma-atr', 'ma-masshealth-pt1']);
  const pt1 = mine.find((r) => r.id === 'ma-masshealth-pt1');
  assert.deepEqual(pt1.categories, ['transportation']);
  assert.deepEqual(pt1.phones.map((p) => [p.number, p.type]), [['1-800-841-2900', 'voice'], ['1-800-497-4648', 'tty']]);
  assert.equal(pt1.location, undefined, 'a statewide service is not placed');
  assert.deepEqual(mine.find((r) => r.id === 'ma-atr').categories, ['recovery-coaching', 'employment-education', 'housing']);
  const harbor = built.resources.find((r) => r.name === 'Recovery on the Harbor');
  assert.match(harbor.eligibility, /24 hours of recovery and 18 years old or over/, "the page's own words: the card labels them");
  assert.equal(harbor.worded.description, 'ma-prsc');
});

test('the build refuses a row whose phone looks like a person\'s line', () =>
  withTempDir((dir) => {
    const copy = join(dir, 'sources');
    cpSync(sources, copy, { recursive: true });
    const file = join(copy, DISPOSAL_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('617-730-2300,outdoor kiosk', '617-555-0199 (Sergeant on duty),outdoor kiosk'));
    const result = run(buildData, ['--sources', copy, '--out', join(dir, 'out')]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /looks like a person's line/);
  }));

test('a row the compiler marked "verify before listing" is held out until settled', () => {
  const text = readFileSync(join(sources, DISPOSAL_FILE), 'utf8');
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const [header, ...lines] = text.split(/\r?\n/).filter(Boolean);
  const held = 'x-held,sharps,Held Box,1 Main St,Northampton,MA,,,,,,,,https://example.org/h,2020-05-01,,,no,CONFLICT: verify before listing.';
  const shown = 'x-shown,sharps,Shown Box,2 Main St,Northampton,MA,,,,,,,,https://example.org/s,2020-05-01,,,no,Verify the hours.';
  const built = buildWith((dir) => writeFileSync(join(dir, DISPOSAL_FILE), `${header}${nl}${[...lines, held, shown].join(nl)}${nl}`));
  const ids = built.resources.map((r) => r.id);
  assert.ok(ids.includes('ma-x-shown'));
  assert.ok(!ids.includes('ma-x-held'));
});
