import { expect } from '@open-wc/testing';
import { NearestIndex } from '../../src/core/nearest.js';
import {
  haversineKm,
  isValidLatLon,
  kmToMiles,
  lookupZip,
  milesToKm,
  normalizeZip,
  type LatLon,
  type ZipTable,
} from '../../src/core/geo.js';
import { seededRandom } from '../seeded-random.js';

const BOSTON_CITY_HALL: LatLon = { latitude: 42.3603, longitude: -71.058 };
const WORCESTER_CITY_HALL: LatLon = { latitude: 42.2626, longitude: -71.8023 };
const JFK: LatLon = { latitude: 40.6413, longitude: -73.7781 };
const LAX: LatLon = { latitude: 33.9416, longitude: -118.4085 };

/** An independent distance (spherical law of cosines with atan2-free acos), for cross-checks. */
function referenceKm(a: LatLon, b: LatLon): number {
  const r = Math.PI / 180;
  const c =
    Math.sin(a.latitude * r) * Math.sin(b.latitude * r) +
    Math.cos(a.latitude * r) * Math.cos(b.latitude * r) * Math.cos((b.longitude - a.longitude) * r);
  return 6371.0088 * Math.acos(Math.max(-1, Math.min(1, c)));
}

interface Place {
  id: number;
  loc?: LatLon;
  open: boolean;
}

/** 400 points around Massachusetts (and a few far away), plus items without coordinates. */
function generatePlaces(): Place[] {
  const random = seededRandom(20260308);
  const places: Place[] = [];
  for (let id = 0; id < 400; id++) {
    const far = id % 50 === 0;
    const loc = far
      ? { latitude: -60 + random() * 130, longitude: -180 + random() * 360 }
      : { latitude: 41.2 + random() * 1.7, longitude: -73.5 + random() * 3.6 };
    places.push({ id, loc, open: random() < 0.5 });
  }
  places.push({ id: 1000, open: true });
  places.push({ id: 1001, loc: { latitude: Number.NaN, longitude: -71 }, open: true });
  places.push({ id: 1002, loc: { latitude: 95, longitude: -71 }, open: true });
  return places;
}

function bruteForce(places: Place[], from: LatLon, keep: (p: Place) => boolean = () => true) {
  return places
    .filter((p) => p.loc && isValidLatLon(p.loc) && keep(p))
    .map((p) => ({ id: p.id, km: referenceKm(from, p.loc as LatLon) }))
    .sort((a, b) => a.km - b.km);
}

function expectSameOrder(actual: Array<{ item: Place; km: number }>, expected: Array<{ id: number; km: number }>) {
  expect(actual.map((r) => r.item.id)).to.deep.equal(expected.map((r) => r.id));
  actual.forEach((r, i) => expect(r.km).to.be.closeTo((expected[i] as { km: number }).km, 1e-6));
}

describe('haversineKm', () => {
  it('gives ~62 km from Boston City Hall to Worcester City Hall', () => {
    const km = haversineKm(BOSTON_CITY_HALL, WORCESTER_CITY_HALL);
    expect(km).to.be.closeTo(62, 62 * 0.01);
  });

  it('gives JFK to LAX within 0.5% of 3983 km', () => {
    expect(haversineKm(JFK, LAX)).to.be.closeTo(3983, 3983 * 0.005);
  });

  it('is symmetric and zero for the same point', () => {
    expect(haversineKm(BOSTON_CITY_HALL, BOSTON_CITY_HALL)).to.equal(0);
    expect(haversineKm(JFK, LAX)).to.be.closeTo(haversineKm(LAX, JFK), 1e-9);
  });

  it('uses the mean Earth radius 6371.0088 km (a quarter meridian)', () => {
    const km = haversineKm({ latitude: 0, longitude: 0 }, { latitude: 90, longitude: 0 });
    expect(km).to.be.closeTo((Math.PI / 2) * 6371.0088, 1e-6);
  });

  it('handles antipodes and the antimeridian', () => {
    expect(haversineKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).to.be.closeTo(
      Math.PI * 6371.0088,
      1e-6,
    );
    const across = haversineKm({ latitude: 0, longitude: 179.5 }, { latitude: 0, longitude: -179.5 });
    expect(across).to.be.closeTo(111.2, 0.1);
  });
});

describe('kmToMiles / milesToKm', () => {
  it('converts with the statute mile', () => {
    expect(milesToKm(1)).to.equal(1.609344);
    expect(kmToMiles(1.609344)).to.be.closeTo(1, 1e-12);
    expect(kmToMiles(milesToKm(25))).to.be.closeTo(25, 1e-12);
  });
});

describe('NearestIndex', () => {
  const places = generatePlaces();
  const index = new NearestIndex(places, (p) => p.loc);

  it('indexes only items with valid coordinates and keeps the rest aside', () => {
    expect(index.size).to.equal(400);
    expect(index.withoutLocation.map((p) => p.id)).to.deep.equal([1000, 1001, 1002]);
  });

  it('returns every indexed item nearest first, as a brute-force sort does', () => {
    const result = index.around(BOSTON_CITY_HALL, {});
    expect(result).to.have.length(400);
    expectSameOrder(result, bruteForce(places, BOSTON_CITY_HALL));
  });

  it('agrees with brute force from several query points with a limit', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 20; i++) {
      const from = { latitude: 41 + random() * 2.2, longitude: -74 + random() * 4.5 };
      expectSameOrder(index.around(from, { limit: 10 }), bruteForce(places, from).slice(0, 10));
    }
  });

  it('reports km computed by haversineKm', () => {
    for (const r of index.around(WORCESTER_CITY_HALL, { limit: 25 })) {
      expect(r.km).to.equal(haversineKm(WORCESTER_CITY_HALL, r.item.loc as LatLon));
    }
  });

  it('keeps only items within maxKm (inclusive)', () => {
    const expected = bruteForce(places, BOSTON_CITY_HALL).filter((r) => r.km <= 30);
    expect(expected.length).to.be.greaterThan(5);
    const result = index.around(BOSTON_CITY_HALL, { maxKm: 30 });
    expectSameOrder(result, expected);
    expect(result.every((r) => r.km <= 30)).to.equal(true);
  });

  it('combines maxKm, limit and filter', () => {
    const expected = bruteForce(places, BOSTON_CITY_HALL, (p) => p.open).filter((r) => r.km <= 80);
    expect(expected.length).to.be.greaterThan(12);
    const result = index.around(BOSTON_CITY_HALL, { maxKm: 80, limit: 12, filter: (p) => p.open });
    expectSameOrder(result, expected.slice(0, 12));
    expect(result.every((r) => r.item.open)).to.equal(true);
  });

  it('includes an item exactly at maxKm and excludes one just beyond', () => {
    const exact = haversineKm(BOSTON_CITY_HALL, WORCESTER_CITY_HALL);
    const two = new NearestIndex([WORCESTER_CITY_HALL], (p) => p);
    expect(two.around(BOSTON_CITY_HALL, { maxKm: exact })).to.have.length(1);
    // Just inside geokdbush's own cut (it uses a 6371 km radius), just outside ours.
    expect(two.around(BOSTON_CITY_HALL, { maxKm: exact * (1 - 1e-6) })).to.have.length(0);
  });

  it('finds the right neighbour across the antimeridian', () => {
    const pts = [
      { name: 'east', loc: { latitude: 0, longitude: 179.9 } },
      { name: 'west', loc: { latitude: 0, longitude: -179.9 } },
      { name: 'far', loc: { latitude: 0, longitude: 170 } },
    ];
    const idx = new NearestIndex(pts, (p) => p.loc);
    const names = idx.around({ latitude: 0, longitude: -179.95 }, {}).map((r) => r.item.name);
    expect(names).to.deep.equal(['west', 'east', 'far']);
  });

  it('returns nothing for limit 0, a negative maxKm, or a filter that rejects all', () => {
    expect(index.around(BOSTON_CITY_HALL, { limit: 0 })).to.deep.equal([]);
    expect(index.around(BOSTON_CITY_HALL, { maxKm: -1 })).to.deep.equal([]);
    expect(index.around(BOSTON_CITY_HALL, { filter: () => false })).to.deep.equal([]);
  });

  it('works with no items, or no items with coordinates', () => {
    const empty = new NearestIndex<Place>([], (p) => p.loc);
    expect(empty.size).to.equal(0);
    expect(empty.around(BOSTON_CITY_HALL, {})).to.deep.equal([]);
    const none = new NearestIndex([{ id: 1, open: true } as Place], (p) => p.loc);
    expect(none.size).to.equal(0);
    expect(none.withoutLocation).to.have.length(1);
    expect(none.around(BOSTON_CITY_HALL, { limit: 5 })).to.deep.equal([]);
  });

  it('refuses an invalid query point or NaN options', () => {
    expect(() => index.around({ latitude: Number.NaN, longitude: 0 }, {})).to.throw(RangeError);
    expect(() => index.around(BOSTON_CITY_HALL, { limit: Number.NaN })).to.throw(RangeError);
    expect(() => index.around(BOSTON_CITY_HALL, { maxKm: Number.NaN })).to.throw(RangeError);
  });
});

describe('normalizeZip', () => {
  it('accepts five digits and ZIP+4, trimming spaces', () => {
    expect(normalizeZip('02118')).to.equal('02118');
    expect(normalizeZip(' 02118-1234 ')).to.equal('02118');
  });

  it('rejects anything else', () => {
    for (const bad of ['2118a', '123', '2118', '021180', '02118-12', '021181234', '', '  ', 'O2118', '02118 1234']) {
      expect(normalizeZip(bad), bad).to.equal(undefined);
    }
  });
});

describe('lookupZip', () => {
  const table: ZipTable = {
    source: 'test',
    date: '2026-01-01',
    zips: { '02118': [42.3371, -71.0701], '01608': [42.2626, -71.8023], '99999': [Number.NaN, 0] },
  };

  it('gives the centroid as latitude, longitude', () => {
    expect(lookupZip(table, '02118')).to.deep.equal({ latitude: 42.3371, longitude: -71.0701 });
    expect(lookupZip(table, ' 01608-0001')).to.deep.equal({ latitude: 42.2626, longitude: -71.8023 });
  });

  it('gives undefined for an unknown, malformed or invalid entry', () => {
    expect(lookupZip(table, '90210')).to.equal(undefined);
    expect(lookupZip(table, '2118')).to.equal(undefined);
    expect(lookupZip(table, '99999')).to.equal(undefined);
  });

  it('does not read inherited properties', () => {
    const proto: ZipTable = { source: 't', date: '2026-01-01', zips: Object.create({ '02118': [1, 2] }) as Record<string, [number, number]> };
    expect(lookupZip(proto, '02118')).to.equal(undefined);
  });
});
