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
  assert.match(d14.disposal.not_accepted_text, /needles/, "the page's own words of what it does not take (the card labels them)");
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
  // The page is undated: no date is made up for it.
  assert.ok(programs.every((r) => r.provenance.source_date === undefined && r.provenance.status === 'needs-verification'));
  assert.ok(programs.every((r) => r.region === 'Boston'), 'a City program serves Boston: a ZIP search can place it');
  const sharps = programs.find((r) => r.name === 'Mobile Sharps Team');
  assert.deepEqual(sharps.phones.map((p) => p.number), ['3-1-1', '617-635-4500']);
  assert.ok(!records.some((r) => /copecode/i.test(r.name)));
});

test('every starter record source is listed in the dataset sources', () => {
  const names = new Set(starter.sources.map((s) => s.name));
  for (const r of records) assert.ok(names.has(r.provenance.source), `${r.id}: ${r.provenance.source}`);
});

const zipCentres = load('zip-centroids-us.json').zips;
const km = ([lat1, lon1], [lat2, lon2]) => {
  const r = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
};
const pointOf = (r) => [r.location.latitude, r.location.longitude];
/** The ZIP centre nearest a point, by a scan of every US ZIP (the test's own, not the build's). */
function nearestZip(point) {
  let best = { zip: '', km: Infinity };
  for (const [zip, centre] of Object.entries(zipCentres)) {
    const d = km(point, centre);
    if (d < best.km) best = { zip, km: d };
  }
  return best;
}

test('the DEA snapshot is labelled 2018, takes medicines only, and no map point more than 2 km from its ZIP centre goes unflagged', () => {
  const dea = load('us-disposal-2018.json');
  assert.match(dea.title, /October 2018/);
  assert.equal(dea.generated_at, '2018-10-01T00:00:00Z');
  const ids = new Set(dea.resources.map((r) => r.id));
  assert.equal(ids.size, dea.resources.length, 'ids are unique');
  let flagged = 0;
  for (const r of dea.resources) {
    assert.deepEqual(r.disposal.accepts, ['pills']);
    assert.equal(r.provenance.source_date, '2018-10-01');
    // The note is the library's wording (core/worded.ts), by code: every page says it in its language.
    assert.equal(r.provenance.note, undefined, r.id);
    assert.match(r.worded.note, /^dea-2018-/, r.id);
    const centre = zipCentres[r.address.postal_code];
    if (r.location.precision === 'zip-centroid') {
      assert.deepEqual(pointOf(r), centre, `${r.id}: moved to its own ZIP's centre`);
      assert.equal(r.worded.note, 'dea-2018-drawn-at-zip', r.id);
      assert.match(r.provenance.editor_note, /km from the centre of ZIP/, r.id);
    } else {
      assert.equal(r.location.precision, 'source-geocoded', r.id);
      if (centre && km(pointOf(r), centre) > 2) assert.equal(r.provenance.status, 'needs-verification', `${r.id} is far from its ZIP centre`);
    }
    if (r.provenance.status === 'needs-verification') flagged++;
  }
  assert.ok(flagged > 0);
  const text = JSON.stringify(dea);
  assert.doesNotMatch(text, /"address_[12]":"Attn\b/i, 'no "Attn" address line');
  const henryFord = dea.resources.filter((r) => r.address.address_1 === '2799 W Grand Blvd');
  assert.equal(henryFord.length, 1, 'Henry Ford Medical Center merged');
  const riley = dea.resources.filter((r) => r.address.address_1 === '650 Huebner Road');
  assert.equal(riley.length, 1, 'Fort Riley pharmacy merged');
});

test('no Massachusetts map point is drawn in another town: a source point nearer another ZIP is drawn at its own ZIP centre', () => {
  for (const r of records.filter((x) => x.location?.precision === 'source-geocoded')) {
    const own = zipCentres[r.address.postal_code];
    if (!own) continue;
    const d = km(pointOf(r), own);
    if (d <= 2) continue;
    assert.equal(r.provenance.status, 'needs-verification', r.id);
    const nearest = nearestZip(pointOf(r));
    assert.ok(!(nearest.zip !== r.address.postal_code && nearest.km < d / 2), `${r.id} is ${d.toFixed(1)} km from its ZIP centre, ${nearest.km.toFixed(1)} km from ${nearest.zip}`);
  }
  for (const name of ['Newton-Wellesley Hospital', "Brigham and Women's Hospital"]) {
    const hospital = records.find((r) => r.name === name && r.address.postal_code !== '02115');
    assert.ok(hospital, name);
    assert.equal(hospital.location.precision, 'zip-centroid', name);
    assert.deepEqual(pointOf(hospital), zipCentres[hospital.address.postal_code], name);
  }
});

test('the default data holds the Massachusetts rows of the 2018 DEA snapshot, dated 2018, less the places listed twice', () => {
  const dea = records.filter((r) => r.id.startsWith('dea-'));
  assert.equal(dea.length, 99, '101 Massachusetts rows, less MGH listed twice and the Medford CVS that a page also lists');
  for (const r of dea) {
    assert.equal(r.address.state_province, 'MA', r.id);
    assert.equal(r.provenance.source_date, '2018-10-01', r.id);
  }
});

test('one place, one record: no two disposal places share a street address in a town', () => {
  const key = (r) => `${(r.address?.address_1 ?? '').toLowerCase().replace(/\bstreet\b/g, 'st').replace(/[^a-z0-9]+/g, ' ').trim()}|${r.address?.city?.toLowerCase()}`;
  const seen = new Map();
  for (const r of byKind('disposal').filter((x) => x.address?.address_1)) {
    assert.ok(!seen.has(key(r)), `${r.id} and ${seen.get(key(r))} are one place`);
    seen.set(key(r), r.id);
  }
  const cvs = records.find((r) => r.id === 'ma-med-cvs');
  assert.equal(cvs.address.postal_code, '02155', "the DEA list's ZIP code for the same store");
});

test('no date is made up: a record is dated only by a date its source states', () => {
  const compiledOn = '2026-11-27';
  for (const name of ['resources.json', 'us-disposal-2018.json']) {
    for (const r of load(name).resources) {
      assert.ok(r.provenance.source, `${name}: ${r.id}`);
      if (r.provenance.source_date !== undefined) assert.match(r.provenance.source_date, /^\d{4}-\d{2}-\d{2}$/, `${name}: ${r.id}`);
      assert.notEqual(r.provenance.source_date, compiledOn, `${r.id}: the day the file was compiled is not the page's date`);
      assert.notEqual(r.provenance.source_date, '2021-01-01', `${r.id}: a guessed year start`);
      assert.notEqual(r.provenance.source_date, '2022-01-01', `${r.id}: a guessed year start`);
    }
  }
  const undated = records.filter((r) => !r.provenance.source_date);
  assert.ok(undated.length >= 30, 'the undated pages stay undated');
  assert.ok(undated.every((r) => r.provenance.status === 'needs-verification'), 'an undated record always needs verification');
  // One page, one date: every record citing a page gives it the same date (or none).
  const dates = new Map();
  for (const r of records.filter((x) => x.provenance.source_url)) {
    const d = r.provenance.source_date ?? 'undated';
    const seen = dates.get(r.provenance.source_url);
    assert.ok(seen === undefined || seen === d, `${r.provenance.source_url}: ${seen} and ${d}`);
    dates.set(r.provenance.source_url, d);
  }
});

test('every listed place can be found by a ZIP search: a door has a map position, and a service without one serves a region', () => {
  for (const name of ['resources.json', 'us-disposal-2018.json']) {
    for (const r of load(name).resources) {
      if (r.address) assert.ok(r.location, `${name}: ${r.id} has an address but no map position`);
      else assert.ok(r.location || r.region, `${name}: ${r.id} has neither a map position nor a region`);
    }
  }
  for (const id of ['ma-bos-bpd-d14', 'ma-dee-police', 'ma-gos-police', 'ma-sun-police']) {
    const r = records.find((x) => x.id === id);
    assert.ok(r?.location, id);
    assert.match(r.provenance.note, /Placed at the centre of/, `${id} says how roughly it is placed`);
  }
  // Sunderland at its own ZIP's centre, not where the gazetteer put it (near Worcester).
  const sunderland = records.find((x) => x.id === 'ma-sun-police');
  assert.deepEqual(pointOf(sunderland), zipCentres['01375']);
});

test('a place the compiler said to verify before listing is not listed (Cambridge City Hall sharps box)', () => {
  assert.ok(!records.some((r) => r.id === 'ma-cam-city-hall'));
});

test("the compiler's research notes are for editors: residents see the page date and how the place is placed", () => {
  const compiled = records.filter((r) => r.provenance.editor_note);
  assert.ok(compiled.length >= 50);
  for (const r of compiled) {
    assert.doesNotMatch(r.provenance.note ?? '', /CONFLICT|Also: http|already in README|already a row/i, r.id);
  }
});

test('address lines lead to a door: no person, department, mail stop or post-office box', () => {
  const notADoor = /\bpharm\.?\s?d\b|\br\.?\s?ph\b|\battn\b|\battention\b|c\/o|deliver to|mail code|\bdept\b|pharmacy department|department of|\bdirector\b|\bchief\b|p\.?\s*o\.?\s*box/i;
  for (const name of ['resources.json', 'us-disposal-2018.json']) {
    for (const r of load(name).resources.filter((x) => x.id.startsWith('dea-'))) {
      for (const line of [r.address.address_1, r.address.address_2].filter(Boolean)) {
        assert.doesNotMatch(line, notADoor, `${name}: ${r.id}: "${line}"`);
      }
    }
  }
});

test('each help contact says where its numbers come from', () => {
  for (const c of starter.help.contacts) assert.ok(c.source && c.source.length > 10, c.id);
});

/** Names of people and personal lines that appear in the raw sources and must never ship. */
const MUST_NOT_SHIP = [
  'Roland Bercume', 'Bercume', 'Jorgenson', 'Connie J. Sweet', 'Todd Lock', 'Eddie Norris', 'Carri Lyn Palmer',
  'Ferris Derbidge', 'Kim Patterson', 'aguzman', 'lieutenant', '781-941-1160', '7819411160', 'Kristopher Young', 'Bernabei',
];

test('no personal line or name from the sources is shipped', () => {
  for (const name of ['resources.json', 'us-disposal-2018.json']) {
    const text = readFileSync(dataFile(name), 'utf8').toLowerCase();
    for (const bad of MUST_NOT_SHIP) assert.ok(!text.includes(bad.toLowerCase()), `${name} contains "${bad}"`);
  }
});

test('the data carries none of the library\'s own wording: it names it by code, and the sources\' words stand in their own fields (#23)', () => {
  const LIBRARY = /Accepted, as the page says:|(^|\. )Where: |Who can use it:|Who may use it:|Not accepted:|^(Drug take-back box|Sharps \(needle\) drop-off|Syringe service program)|Satellite site\.|Medication unit\.|Page date: |The page is undated\.|October 2018 snapshot of the DEA list|Map position as geocoded/;
  for (const file of ['resources.json', 'us-disposal-2018.json']) {
    for (const r of load(file).resources) {
      for (const text of [r.description, r.disposal?.restrictions, r.provenance.note]) assert.doesNotMatch(text ?? '', LIBRARY, `${file}: ${r.id}`);
    }
  }
});
