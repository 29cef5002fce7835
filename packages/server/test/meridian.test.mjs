/**
 * A distance circle across the 180th meridian (the Aleutian Islands: Adak, ZIP 99546, is at
 * 176.7° W; Semisopochnoi Island, at 179.6° E, is about 250 km west of it): places on both
 * sides are found, counted and sorted, on PGlite (the box around the circle on latitude and
 * longitude) and on PostgreSQL with PostGIS.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadDatasets, uuidFor } from '@recovery-finder/server';
import { BACKENDS, open, start, get } from './backends.mjs';
import { KNOWN, dataset, zips, metres } from './fixture.mjs';

const ADAK = '99546';
const [LAT, LON] = zips[ADAK];
const template = /** @type {Record<string, any>} */ (KNOWN.find((r) => r.id === 'known-naloxone'));
/** A record at (latitude, longitude), otherwise the template's. */
const at = (id, latitude, longitude) => ({
  ...template,
  id,
  name: `Place ${id}`,
  address: { address_1: `${id} Test Rd`, city: 'Adak', state_province: 'AK', postal_code: ADAK },
  location: { latitude, longitude, precision: 'exact' },
});
const PLACES = [
  at('adak-town', 51.87, -176.64), // a few km from the ZIP's centre
  at('east-of-adak', 51.95, -175.9), // about 53 km east
  at('semisopochnoi', 51.96, 179.6), // about 257 km west, across the meridian
  at('amchitka', 51.5, 179.0), // about 300 km west, across the meridian
  at('attu', 52.9, 172.9), // about 660 km west: outside every circle below
];
const within = (m) =>
  PLACES.map((r) => ({ id: r.id, d: metres(LAT, LON, r.location.latitude, r.location.longitude) }))
    .filter((x) => x.d <= m)
    .sort((a, b) => a.d - b.d)
    .map((x) => uuidFor('service_at_location', x.id));

for (const backend of BACKENDS) {
  describe(`a circle across the 180th meridian, on ${backend.name}`, () => {
    let api;
    before(async () => {
      const db = await open(backend);
      await loadDatasets(db, [dataset(PLACES, 'Aleutians')], { zips });
      api = await start(db);
    });
    after(async () => {
      await api?.stop();
    });

    for (const m of [100000, 280000, 320000, 500000]) {
      test(`${m / 1000} km from ${ADAK}: every place within it, on both sides, nearest first`, async () => {
        const want = within(m);
        for (const full of [false, true]) {
          const r = (await get(api.base, `/service_at_locations?postcode=${ADAK}&proximity=${m}&per_page=50${full ? '' : '&full=false'}`)).json;
          assert.equal(r.total_items, want.length, `${m} m, full=${full}`);
          assert.deepEqual(r.contents.map((x) => x.id), want, `${m} m, full=${full}`);
        }
        // With a search too (the combined query, another plan).
        const searched = (await get(api.base, `/service_at_locations?search=naloxone&postcode=${ADAK}&proximity=${m}&per_page=50&full=false`)).json;
        assert.equal(searched.total_items, want.length, `${m} m with a search`);
        assert.deepEqual(new Set(searched.contents.map((x) => x.id)), new Set(want), `${m} m with a search`);
      });
    }

    test('the circles above do reach across: the far side is in the wider ones', () => {
      assert.deepEqual(within(100000).length, 2);
      assert.ok(within(280000).includes(uuidFor('service_at_location', 'semisopochnoi')));
      assert.ok(within(320000).includes(uuidFor('service_at_location', 'amchitka')));
      assert.ok(!within(500000).includes(uuidFor('service_at_location', 'attu')));
    });
  });
}
