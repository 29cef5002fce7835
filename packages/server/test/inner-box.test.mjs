// The box inside a distance's circle (api.js, `innerBox`): the places in it are counted in with
// no distance worked out, so every point of it must be within the circle, wherever the circle is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { innerBox } from '../src/api.js';
import { EARTH_RADIUS_M } from '../src/load.js';

/** Haversine on the database's sphere, written here apart from api.js. */
function metres(lat1, lon1, lat2, lon2) {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

test('every point of the inner box is within the circle, by a millimetre', () => {
  fc.assert(fc.property(
    fc.double({ min: -84, max: 84, noNaN: true }),
    fc.double({ min: -179, max: 179, noNaN: true }),
    fc.integer({ min: 1, max: 500000 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    (lat, lon, m, u, v) => {
      const box = innerBox(lat, lon, m);
      if (!box) return;
      // Its corners, its edges' middles and a point anywhere in it.
      const lats = [box.minLat, box.maxLat, (box.minLat + box.maxLat) / 2, box.minLat + u * (box.maxLat - box.minLat)];
      const lons = [box.minLon, box.maxLon, lon, box.minLon + v * (box.maxLon - box.minLon)];
      for (const a of lats) {
        for (const b of lons) assert.ok(metres(lat, lon, a, b) <= m - 0.0009, `${a}, ${b}: ${metres(lat, lon, a, b)} of ${m} m`);
      }
    },
  ), { numRuns: 2000 });
});

test('the inner box holds most of an ordinary circle (half of it at least)', () => {
  for (const [lat, lon, m] of [[42.35, -71.06, 16093], [40.75, -73.99, 1000], [61.2, -149.9, 40234], [-33.9, 151.2, 500000], [0, 0, 50]]) {
    const box = innerBox(lat, lon, m);
    assert.ok(box, `${lat}, ${lon}, ${m}`);
    const height = metres(box.minLat, lon, box.maxLat, lon);
    const width = metres(lat, box.minLon, lat, box.maxLon);
    // The square inscribed in a circle holds 2/π (64%) of it.
    assert.ok((height * width) / (Math.PI * m * m) > 0.5, `${lat}, ${lon}, ${m}: ${(height * width) / (Math.PI * m * m)}`);
  }
});

test('no inner box where a circle reaches a pole or the 180th meridian', () => {
  assert.equal(innerBox(89.9, 0, 20000), undefined);
  assert.equal(innerBox(10, 179.99, 5000), undefined);
  assert.equal(innerBox(10, -179.99, 5000), undefined);
});
