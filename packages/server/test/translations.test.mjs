/**
 * Issue #23: the HSDS answers carry a record's other languages and the codes of the library's
 * own wording, as `recovery-finder-field` attributes, and say their texts are English
 * (Content-Language: en).
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadDatasets, uuidFor } from '@recovery-finder/server';
import { BACKENDS, open, start, get } from './backends.mjs';
import { dataset, root, zips, termOf } from './fixture.mjs';

const translated = JSON.parse(readFileSync(`${root}test/fixtures/translated.json`, 'utf8')).resources;
const dea = {
  id: 'dea-worded',
  kind: 'disposal',
  name: 'A pharmacy',
  categories: ['disposal'],
  worded: { description: 'dea-2018-collector', restrictions: 'medicines-only' },
  disposal: { accepts: ['pills'] },
  provenance: { source: 'Test', status: 'unverified' },
};
const page = {
  id: 'page-labelled',
  kind: 'disposal',
  name: 'A police station drop box',
  categories: ['disposal'],
  worded: { description: 'drug-take-back-box', note: 'dea-2018-snapshot' },
  location_detail: 'lobby of the police station',
  eligibility: 'residents only',
  disposal: { accepts: ['pills'], accepts_text: 'pills; inhalers', not_accepted_text: 'needles' },
  provenance: { source: 'Test', status: 'unverified' },
};
const field = (service, code) => service.attributes.find((a) => termOf(a)?.code === code)?.value;

for (const backend of BACKENDS) {
  describe(`translations on ${backend.name}`, () => {
    let api;
    before(async () => {
      const db = await open(backend);
      await loadDatasets(db, [dataset([...translated, dea, page])], { zips });
      api = await start(db);
    });
    after(async () => {
      await api?.stop();
    });

    test('a service carries its translations and says its own texts are English', async () => {
      const r = await get(api.base, `/services/${uuidFor('service', 'tr-service')}`);
      assert.equal(r.status, 200);
      assert.equal(r.headers['content-language'], 'en');
      assert.equal(r.json.description, 'Free peer support for anyone in recovery.');
      const source = translated.find((x) => x.id === 'tr-service');
      assert.deepEqual(JSON.parse(field(r.json, 'translations')), source.translations);
    });

    test('a worded record carries its codes', async () => {
      const r = await get(api.base, `/services/${uuidFor('service', 'dea-worded')}`);
      assert.equal(field(r.json, 'worded-description'), 'dea-2018-collector');
      assert.equal(field(r.json, 'worded-restrictions'), 'medicines-only');
    });

    test('a record carries its note code and the source\'s own words that the library labels (#23)', async () => {
      const r = await get(api.base, `/services/${uuidFor('service', 'page-labelled')}`);
      assert.deepEqual(
        ['worded-description', 'worded-note', 'eligibility', 'location-detail', 'accepts-text', 'not-accepted-text'].map((code) => field(r.json, code)),
        ['drug-take-back-box', 'dea-2018-snapshot', 'residents only', 'lobby of the police station', 'pills; inhalers', 'needles'],
      );
    });
  });
}
