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

test('the Ware centre is present, without a phone or a ZIP no source gives, at the town centre, and needs verification', () => {
  const ware = records.find((r) => r.kind === 'prsc' && r.address?.city === 'Ware');
  assert.ok(ware, 'a record in Ware');
  assert.equal(ware.name, 'Recovery Center of H.O.P.E.');
  assert.deepEqual(
    { street: ware.address.address_1, zip: ware.address.postal_code },
    { street: '52 Main St', zip: undefined },
  );
  assert.equal(ware.location.precision, 'town-centre');
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
  for (const name of ['Hope for Holyoke', 'Stairway to Recovery', 'Devine Recovery Center']) {
    assert.equal(statuses[name], 'needs-verification', name);
  }
  assert.equal(statuses['Room to Grow Recovery Center'], 'unverified');
});

test("Northampton Recovery Center's address is settled by two sources: flag cleared, both named", () => {
  const nrc = records.find((r) => r.name === 'Northampton Recovery Center');
  assert.equal(nrc.address.address_1, '25 Armory St');
  assert.equal(nrc.provenance.status, 'unverified');
  assert.match(nrc.provenance.note, /April 20, 2021/);
  assert.match(nrc.provenance.note, /wmtcinfo\.org/);
  assert.match(nrc.provenance.note, /gazettenet\.com/);
});

test('BSAS sites: all in Boston, ordinals fixed', () => {
  const sites = records.filter((r) => r.id.startsWith('bsas-'));
  assert.equal(sites.length, 73);
  assert.ok(sites.every((r) => r.address.city === 'Boston'));
  assert.ok(sites.every((r) => r.categories[0] === 'treatment'));
  assert.ok(!sites.some((r) => /\d(?:St|Nd|Rd|Th)\b/.test(r.address.address_1)), 'no "1St" or "4Th" left');
});

test('BSAS service types map to categories through the written table: stabilisation and dual diagnosis are not withdrawal management', () => {
  const byName = (name) => records.find((r) => r.id.startsWith('bsas-') && r.name === name);
  assert.deepEqual(byName('Dimock Clinical Stabilization Service').categories, ['treatment', 'residential-treatment']);
  assert.deepEqual(byName('Arbour - North 2 Dual Diagnosis Unit').categories, ['treatment']);
  assert.deepEqual(byName('Andrew House Boston').categories, ['treatment', 'withdrawal-management']);
  assert.deepEqual(byName('Addiction Treatment Center of New England').categories, ['treatment', 'medication-treatment']);
  const withdrawal = records.filter((r) => r.categories.includes('withdrawal-management')).map((r) => r.name);
  assert.ok(!withdrawal.some((n) => /stabili[sz]ation|dual diagnosis/i.test(n)), withdrawal.join(', '));
});

test('895 Blue Hill Ave, listed with two ZIP codes, is flagged on both records', () => {
  const both = records.filter((r) => /^895 Blue Hill Ave/.test(r.address?.address_1 ?? ''));
  assert.deepEqual(both.map((r) => r.address.postal_code).sort(), ['02121', '02124']);
  for (const r of both) {
    assert.equal(r.provenance.status, 'needs-verification', r.id);
    assert.match(r.provenance.note, /02121 and 02124/);
  }
});

test('a post-office box is a mailing address, never the street', () => {
  const answer = records.find((r) => r.name === 'Answer House');
  assert.equal(answer.address.address_1, '5 G Street');
  assert.equal(answer.mailing_address, 'P.O. Box 314, Boston, MA 02127');
  assert.ok(!records.some((r) => /P\.?O\.? Box/i.test(r.address?.address_1 ?? '')));
});

test('the two Boston Police kiosks come from their pages, take medicines only, without a ZIP no source gives', () => {
  const kiosks = records.filter((r) => /^ma-bos-bpd-/.test(r.id));
  assert.deepEqual(kiosks.map((r) => r.address.address_1).sort(), ['301 Washington Street', '3345 Washington St.']);
  for (const k of kiosks) {
    assert.ok(!k.disposal.accepts.includes('sharps'), k.id);
    assert.equal(k.address.postal_code, undefined, k.id);
    assert.equal(k.provenance.status, 'needs-verification', k.id);
  }
  const d14 = kiosks.find((k) => k.id === 'ma-bos-bpd-d14');
  assert.equal(d14.schedule.always_open, true);
  assert.match(d14.disposal.restrictions, /needles/);
});

test('City programs come from the Recovery Services page, dated 2021 at the latest and flagged, without addresses; CopeCode Club is left out', () => {
  const programs = records.filter((r) => r.provenance.source === 'City of Boston, Office of Recovery Services page');
  assert.deepEqual(programs.map((r) => r.name).sort(), [
    'Engagement Center',
    'Free Narcan (naloxone) trainings',
    'Mobile Sharps Team',
    'PAATHS',
    'Street Outreach Team',
  ]);
  assert.ok(programs.every((r) => r.address === undefined && r.schedule === undefined));
  assert.ok(programs.every((r) => r.provenance.source_date === '2021-01-01' && r.provenance.status === 'needs-verification'));
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
    assert.equal(r.location.precision, 'source-geocoded', r.id);
  }
  const flagged = dea.resources.filter((r) => r.provenance.status === 'needs-verification');
  assert.equal(flagged.length, 41, 'the 42 rows over 30 km, less one duplicate');
  for (const r of flagged) {
    const km = Number(/(\d+) km from the centre of ZIP/.exec(r.provenance.note)?.[1]);
    assert.ok(km >= 30, `${r.id}: ${r.provenance.note}`);
  }
  const text = JSON.stringify(dea);
  assert.doesNotMatch(text, /"address_[12]":"Attn\b/i, 'no "Attn" address line');
  const henryFord = dea.resources.filter((r) => r.address.address_1 === '2799 W Grand Blvd');
  assert.equal(henryFord.length, 1, 'Henry Ford Medical Center merged');
  const riley = dea.resources.filter((r) => r.address.address_1 === '650 Huebner Road');
  assert.equal(riley.length, 1, 'Fort Riley pharmacy merged');
});

test('the default data holds the Massachusetts rows of the 2018 DEA snapshot, dated 2018', () => {
  const dea = records.filter((r) => r.id.startsWith('dea-'));
  assert.equal(dea.length, 101);
  for (const r of dea) {
    assert.equal(r.address.state_province, 'MA', r.id);
    assert.equal(r.provenance.source_date, '2018-10-01', r.id);
  }
});

test('every record carries a dated source', () => {
  for (const name of ['resources.json', 'us-disposal-2018.json']) {
    for (const r of load(name).resources) {
      assert.match(r.provenance.source_date ?? '', /^\d{4}-\d{2}-\d{2}$/, `${name}: ${r.id}`);
      assert.ok(r.provenance.source, `${name}: ${r.id}`);
    }
  }
});

test('each help contact says where its numbers come from', () => {
  for (const c of starter.help.contacts) assert.ok(c.source && c.source.length > 10, c.id);
});

/** Names of people and personal lines that appear in the raw sources and must never ship. */
const MUST_NOT_SHIP = [
  'Roland Bercume', 'Bercume', 'Jorgenson', 'Connie J. Sweet', 'Todd Lock', 'Eddie Norris', 'Carri Lyn Palmer',
  'Ferris Derbidge', 'Kim Patterson', 'aguzman', 'lieutenant', '781-941-1160', '7819411160',
];

test('no personal line or name from the sources is shipped', () => {
  for (const name of ['resources.json', 'us-disposal-2018.json']) {
    const text = readFileSync(dataFile(name), 'utf8').toLowerCase();
    for (const bad of MUST_NOT_SHIP) assert.ok(!text.includes(bad.toLowerCase()), `${name} contains "${bad}"`);
  }
});
