/** What the shipped datasets must and must not contain. Reads data/ only: works on a clone. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dataFile } from './helpers.mjs';

const load = (name) => JSON.parse(readFileSync(dataFile(name), 'utf8'));
const starter = load('resources.json');
const records = starter.resources;
const byKind = (kind) => records.filter((r) => r.kind === kind);

test('the starter dataset ships no e-mail address at all', () => {
  assert.deepEqual(records.filter((r) => 'email' in r).map((r) => r.id), []);
  const addresses = JSON.stringify(starter).match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? [];
  assert.deepEqual(addresses, []);
});

test('no jail or pre-release site is listed', () => {
  const custodial = /\bjail\b|house of correction|pre-release|sheriff|department of correction/i;
  const hits = records.filter((r) =>
    custodial.test([r.name, r.organization?.name, r.address?.address_1].filter(Boolean).join(' ')),
  );
  assert.deepEqual(hits.map((r) => r.id), []);
  const streets = records.map((r) => r.address?.address_1 ?? '');
  for (const street of ['430 Canterbury', '200 Nashua', '20 Bradston']) {
    assert.ok(!streets.some((s) => s.startsWith(street)), `${street} is left out`);
  }
});

test('the Ware centre is present, without a phone, and needs verification', () => {
  const ware = records.find((r) => r.address?.city === 'Ware');
  assert.ok(ware, 'a record in Ware');
  assert.equal(ware.name, 'Recovery Center of H.O.P.E.');
  assert.equal(ware.kind, 'prsc');
  assert.deepEqual(
    { street: ware.address.address_1, zip: ware.address.postal_code },
    { street: '52 Main St', zip: '01082' },
  );
  assert.equal(ware.phones, undefined);
  assert.equal(ware.provenance.status, 'needs-verification');
  assert.match(ware.provenance.note, /2022/);
});

test('Valor is marked needs-verification with the 383 / 373 conflict in words', () => {
  const valor = records.find((r) => r.name === 'Valor Recovery Center');
  assert.equal(valor.provenance.status, 'needs-verification');
  assert.match(valor.provenance.note, /383/);
  assert.match(valor.provenance.note, /373 Worthington/);
  assert.match(valor.provenance.note, /https:\/\/gandaracenter\.org\//);
});

test('the 38 listed PRSCs plus Ware, each free, with a ZIP-centre location and the list as source', () => {
  const prscs = byKind('prsc');
  assert.equal(prscs.length, 39);
  const listed = prscs.filter((r) => r.address.city !== 'Ware');
  for (const r of listed) {
    assert.deepEqual(r.cost, { free: true }, r.id);
    assert.equal(r.location.precision, 'zip-centroid', r.id);
    assert.equal(r.provenance.source_date, '2026-02-01', r.id);
    assert.deepEqual(r.categories, ['recovery-center', 'peer-support'], r.id);
  }
  const statuses = Object.fromEntries(prscs.map((r) => [r.name, r.provenance.status]));
  for (const name of ['Hope for Holyoke', 'Northampton Recovery Center', 'Stairway to Recovery', 'Devine Recovery Center']) {
    assert.equal(statuses[name], 'needs-verification', name);
  }
  assert.equal(statuses['Room to Grow Recovery Center'], 'unverified');
});

test('BSAS sites: all in Boston, categories from the setting, ordinals fixed', () => {
  const sites = records.filter((r) => r.id.startsWith('bsas-'));
  assert.equal(sites.length, 73);
  assert.ok(sites.every((r) => r.address.city === 'Boston'));
  assert.ok(sites.every((r) => r.categories[0] === 'treatment' && r.categories.length === 2));
  assert.ok(!sites.some((r) => /\d(?:St|Nd|Rd|Th)\b/.test(r.address.address_1)), 'no "1St" or "4Th" left');
});

test('the two confirmed police kiosks take medicines only, around the clock', () => {
  const kiosks = byKind('disposal');
  assert.deepEqual(kiosks.map((r) => r.address.address_1).sort(), ['301 Washington St', '3345 Washington St']);
  for (const k of kiosks) {
    assert.deepEqual(k.disposal.accepts, ['pills']);
    assert.match(k.disposal.restrictions, /needles/);
    assert.deepEqual(k.schedule, { always_open: true });
    assert.equal(k.phones, undefined);
  }
});

test('City programs come from the Recovery Services page, without addresses; CopeCode Club is left out', () => {
  const programs = records.filter((r) => r.provenance.source === 'City of Boston, Office of Recovery Services page');
  assert.deepEqual(programs.map((r) => r.name).sort(), [
    'Engagement Center',
    'Free Narcan (naloxone) trainings',
    'Mobile Sharps Team',
    'PAATHS',
    'Street Outreach Team',
  ]);
  assert.ok(programs.every((r) => r.address === undefined && r.schedule === undefined));
  const sharps = programs.find((r) => r.name === 'Mobile Sharps Team');
  assert.deepEqual(sharps.phones.map((p) => p.number), ['3-1-1', '617-635-4500']);
  assert.ok(!records.some((r) => /copecode/i.test(r.name)));
});

test('every starter record source is listed in the dataset sources', () => {
  const names = new Set(starter.sources.map((s) => s.name));
  for (const r of records) assert.ok(names.has(r.provenance.source), `${r.id}: ${r.provenance.source}`);
});

test('the DEA snapshot is labelled 2018, takes medicines only, and flags far-off map points', () => {
  const dea = load('us-disposal-2018.json');
  assert.match(dea.title, /October 2018/);
  assert.equal(dea.generated_at, '2018-10-01T00:00:00Z');
  const ids = new Set(dea.resources.map((r) => r.id));
  assert.equal(ids.size, dea.resources.length, 'ids are unique');
  for (const r of dea.resources) {
    assert.deepEqual(r.disposal.accepts, ['pills']);
    assert.equal(r.provenance.source_date, '2018-10-01');
    assert.match(r.provenance.note, /2018 snapshot.*Call before going/);
  }
  const flagged = dea.resources.filter((r) => r.provenance.status === 'needs-verification');
  assert.ok(flagged.length > 10 && flagged.length < 60, `${flagged.length} flagged`);
  for (const r of flagged) {
    const km = Number(/(\d+) km from the centre of ZIP/.exec(r.provenance.note)?.[1]);
    assert.ok(km > 40, `${r.id}: ${r.provenance.note}`);
  }
});
