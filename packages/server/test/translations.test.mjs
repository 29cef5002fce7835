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
import { dataset, root, zips } from './fixture.mjs';

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
const field = (service, code) => service.attributes.find((a) => a.taxonomy_term.code === code)?.value;

for (const backend of BACKENDS) {
  describe(`translations on ${backend.name}`, () => {
    let api;
    before(async () => {
      const db = await open(backend);
      await loadDatasets(db, [dataset([...translated, dea])], { zips });
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
  });
}
