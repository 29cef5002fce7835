import { expect } from '@open-wc/testing';
import {
  DisposalIndex,
  acceptsItem,
  fallbackGuidance,
  isDisposalPlace,
  isRunning,
  isTakeBackEvent,
  isUpcoming,
  snapshotDate,
} from '../../src/core/disposal.js';
import { validateDataset, type Dataset, type DisposalItem, type Resource } from '../../src/core/schema.js';
import { datasetUrl } from '../helpers.js';
import { seededRandom } from '../seeded-random.js';

/** Haversine written here, independently of src/core/geo.ts (radius 6371.0088 km). */
function testKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const toRad = (d: number) => (d * Math.PI) / 180;
  const p1 = toRad(a.latitude);
  const p2 = toRad(b.latitude);
  const s1 = Math.sin((p2 - p1) / 2);
  const s2 = Math.sin(toRad(b.longitude - a.longitude) / 2);
  return 2 * 6371.0088 * Math.asin(Math.sqrt(s1 * s1 + Math.cos(p1) * Math.cos(p2) * s2 * s2));
}

const MILE = 1.609344;
const ZIP_02118 = { latitude: 42.33786, longitude: -71.069805 };
/** 2026-04-25, noon in Boston: the running event runs 10:00-14:00 that day. */
const NOON = new Date('2026-04-25T12:00:00-04:00');

async function loadFixture(name: string): Promise<Dataset> {
  const r = await fetch(datasetUrl({ fixture: name }));
  const v = validateDataset(await r.json());
  if (!v.ok) throw new Error(v.error);
  expect(v.problems).to.deep.equal([]);
  return v.dataset;
}

describe('core/disposal', () => {
  let ds: Dataset;
  let index: DisposalIndex;
  before(async () => {
    ds = await loadFixture('disposal-sites');
    index = new DisposalIndex(ds.resources);
  });

  it('counts as places only non-event records that say what they take', () => {
    const ids = index.places.map((r) => r.id);
    expect(ids).to.include('ex-kiosk-brighton');
    expect(ids).to.not.include('ex-disposal-unknown');
    expect(ids).to.not.include('ex-peer-center');
    expect(ids.some((id) => id.startsWith('ex-event'))).to.equal(false);
    const unknown = ds.resources.find((r) => r.id === 'ex-disposal-unknown') as Resource;
    expect(isDisposalPlace(unknown)).to.equal(false);
    expect(acceptsItem(unknown, 'pills')).to.equal(false);
    expect(index.events.every(isTakeBackEvent)).to.equal(true);
    expect(index.events).to.have.length(5);
    // the place without coordinates is not in the spatial index
    expect(index.size).to.equal(index.places.length - 1);
    expect(index.withoutLocation('sharps').map((r) => r.id)).to.deep.equal(['ex-no-location']);
  });

  it('lists places nearest first, with distances that match an independent haversine', () => {
    const found = index.nearest(ZIP_02118, 'pills', { limit: 50, maxKm: 1000 });
    const expected = ds.resources
      .filter((r) => r.kind !== 'event' && r.disposal?.accepts.includes('pills') && r.location)
      .map((r) => ({ id: r.id, km: testKm(ZIP_02118, r.location!) }))
      .sort((a, b) => a.km - b.km);
    expect(found.map((f) => f.item.id)).to.deep.equal(expected.map((e) => e.id));
    found.forEach((f, i) => expect(f.km).to.be.closeTo(expected[i]!.km, 1e-6));
    for (let i = 1; i < found.length; i++) expect(found[i]!.km).to.be.at.least(found[i - 1]!.km);
  });

  it('keeps only places that take the item', () => {
    const items: DisposalItem[] = ['pills', 'liquids', 'patches', 'inhalers', 'sharps'];
    for (const item of items) {
      const found = index.nearest(ZIP_02118, item, { limit: 50, maxKm: 1000 });
      for (const f of found) expect(f.item.disposal?.accepts, `${f.item.id} for ${item}`).to.include(item);
    }
    expect(index.nearest(ZIP_02118, 'sharps', { limit: 50, maxKm: 1000 }).map((f) => f.item.id)).to.deep.equal([
      'ex-ssp-south-end',
    ]);
    expect(index.nearest(ZIP_02118, 'liquids', { limit: 50, maxKm: 1000 }).map((f) => f.item.id)).to.have.members([
      'ex-pharmacy-downtown',
      'ex-hospital-somerville',
    ]);
  });

  it('respects the limit and the radius (default 25 miles)', () => {
    expect(index.nearest(ZIP_02118, 'pills', { limit: 3 })).to.have.length(3);
    // the only patches place is in Worcester, about 40 miles away
    expect(index.nearest(ZIP_02118, 'patches')).to.deep.equal([]);
    const far = index.nearest(ZIP_02118, 'patches', { maxKm: 60 * MILE });
    expect(far.map((f) => f.item.id)).to.deep.equal(['ex-pharmacy-worcester']);
    expect(far[0]!.km / MILE).to.be.greaterThan(25);
    const near = index.nearest(ZIP_02118, 'pills', { limit: 50, maxKm: 5 * MILE });
    for (const f of near) expect(testKm(ZIP_02118, f.item.location!)).to.be.at.most(5 * MILE);
    expect(near.length).to.be.greaterThan(0);
  });

  it('agrees with a brute-force sort on 5,000 generated points', () => {
    const rnd = seededRandom(7);
    const base = index.places.filter((r) => r.location);
    const many: Resource[] = [];
    for (let i = 0; i < 5000; i++) {
      const r = base[i % base.length]!;
      many.push({
        ...r,
        id: `gen-${i}`,
        location: { latitude: 41 + rnd() * 2.5, longitude: -73.5 + rnd() * 3.5, precision: 'exact' },
        // One listing date for all: the order is then by distance alone.
        provenance: { source: 'generated', source_date: '2026-01-01', status: 'unverified' },
      });
    }
    const big = new DisposalIndex(many);
    for (let q = 0; q < 20; q++) {
      const p = { latitude: 41.5 + rnd() * 1.5, longitude: -73 + rnd() * 2.5 };
      const got = big.nearest(p, 'pills', { limit: 10, maxKm: 40 });
      const want = many
        .filter((r) => r.disposal?.accepts.includes('pills'))
        .map((r) => ({ id: r.id, km: testKm(p, r.location!) }))
        .filter((x) => x.km <= 40)
        .sort((a, b) => a.km - b.km)
        .slice(0, 10);
      expect(got.map((g) => g.km)).to.have.length(want.length);
      got.forEach((g, i) => expect(g.km).to.be.closeTo(want[i]!.km, 1e-6));
    }
  });

  it('lists the newer of two about equally near places first (by the record\'s own date; undated is oldest), and never one far behind', () => {
    // 2,000 places in a small area: records dated 2015, 2018 or 2026, or undated; some verified.
    // Their sources' dates (a list compiled in 2026 citing older pages) never stand in for theirs.
    const rnd = seededRandom(11);
    const base = index.places.find((r) => r.disposal?.accepts.includes('pills'))!;
    const dates = ['2015-06-01', '2018-10-01', '2026-11-27', undefined];
    const many: Resource[] = [];
    for (let i = 0; i < 2000; i++) {
      const sourceDate = dates[i % 4];
      const verified = rnd() < 0.1 ? { last_verified: `2025-0${1 + Math.floor(rnd() * 9)}-15` } : {};
      many.push({
        ...base,
        id: `gen-${i}`,
        location: { latitude: 42.2 + rnd() * 0.3, longitude: -71.2 + rnd() * 0.3, precision: 'exact' },
        provenance: { source: 'compiled 2026', status: 'unverified', ...(sourceDate ? { source_date: sourceDate } : {}), ...verified },
      });
    }
    const big = new DisposalIndex(many);
    const listed = (r: Resource) => r.provenance.last_verified ?? r.provenance.source_date ?? '';
    expect(big.listedOn(many[3]!)).to.equal(many[3]!.provenance.last_verified ?? '');
    expect(big.listedOn(many[0]!)).to.equal(listed(many[0]!));
    let moved = 0;
    for (let q = 0; q < 30; q++) {
      const p = { latitude: 42.25 + rnd() * 0.2, longitude: -71.15 + rnd() * 0.2 };
      const got = big.nearest(p, 'pills', { limit: 10, maxKm: 30 });
      expect(got).to.have.length(10);
      const all = many.map((r) => ({ r, km: testKm(p, r.location!) })).sort((a, b) => a.km - b.km);
      const shown = new Set(got.map((g) => g.item.id));
      for (let i = 0; i < got.length; i++) {
        expect(got[i]!.km).to.be.closeTo(testKm(p, got[i]!.item.location!), 1e-6);
        for (let j = i + 1; j < got.length; j++) {
          // Out of distance order only when about equally near and listed more recently.
          if (got[i]!.km > got[j]!.km) {
            moved++;
            expect(got[i]!.km - got[j]!.km).to.be.below(1);
            expect(listed(got[i]!.item) > listed(got[j]!.item), `${got[i]!.item.id} before ${got[j]!.item.id}`).to.equal(true);
          }
        }
      }
      // A place left out is behind every place shown that is farther than it, by the same rule.
      for (const { r, km } of all.slice(0, 40)) {
        if (shown.has(r.id)) continue;
        for (const g of got) {
          if (g.km <= km) continue;
          expect(g.km - km).to.be.below(1);
          expect(listed(g.item) > listed(r)).to.equal(true);
        }
      }
    }
    // The rule did move places (else this test could not fail).
    expect(moved).to.be.greaterThan(30);
  });

  it('never returns a past event; running and future ones come soonest first', () => {
    const ids = index.upcomingEvents(NOON).map((e) => e.item.id);
    expect(ids).to.deep.equal(['ex-event-running', 'ex-event-far', 'ex-event-future']);
    expect(ids).to.not.include('ex-event-past');
    // started, with no end time: it may be over, so it is not shown
    expect(ids).to.not.include('ex-event-started-no-end');
    const before = index.upcomingEvents(new Date('2026-04-25T08:00:00-04:00')).map((e) => e.item.id);
    expect(before).to.include('ex-event-started-no-end');
    // after everything
    expect(index.upcomingEvents(new Date('2030-01-01T00:00:00Z'))).to.deep.equal([]);
  });

  it('filters events by item and distance', () => {
    expect(index.upcomingEvents(NOON, { item: 'patches' }).map((e) => e.item.id)).to.deep.equal(['ex-event-running']);
    const near = index.upcomingEvents(NOON, { point: ZIP_02118, maxKm: 25 * MILE });
    expect(near.map((e) => e.item.id)).to.deep.equal(['ex-event-running', 'ex-event-future']);
    expect(near[0]!.km).to.be.closeTo(testKm(ZIP_02118, { latitude: 42.3601, longitude: -71.0589 }), 1e-6);
    expect(index.upcomingEvents(NOON, { limit: 1 })).to.have.length(1);
  });

  it('isUpcoming and isRunning read the event times', () => {
    const ev = (starts_at: string, ends_at?: string) =>
      ({ kind: 'event', event: { starts_at, ...(ends_at ? { ends_at } : {}) } }) as unknown as Resource;
    const running = ev('2026-04-25T10:00:00-04:00', '2026-04-25T14:00:00-04:00');
    expect(isUpcoming(running, NOON)).to.equal(true);
    expect(isRunning(running, NOON)).to.equal(true);
    expect(isUpcoming(running, new Date('2026-04-25T14:00:00-04:00'))).to.equal(false);
    expect(isRunning(ev('2026-05-01T10:00:00-04:00', '2026-05-01T12:00:00-04:00'), NOON)).to.equal(false);
    expect(isUpcoming(ev('not a date'), NOON)).to.equal(false);
    // offsets are read: 13:00 at -06:00 is 15:00 in Boston
    expect(isUpcoming(ev('2026-04-25T11:00:00-04:00', '2026-04-25T13:00:00-06:00'), NOON)).to.equal(true);
    // an end before the start is not trusted: only the (past) start counts
    expect(isUpcoming(ev('2026-04-25T11:00:00-04:00', '2026-04-25T10:00:00-04:00'), NOON)).to.equal(false);
  });

  it('chooses the fallback guidance', () => {
    expect(fallbackGuidance('sharps', { inBoston: true })).to.deep.equal(['boston-sharps']);
    expect(fallbackGuidance('sharps', { inBoston: false })).to.deep.equal(['sharps']);
    for (const item of ['pills', 'liquids', 'patches', 'inhalers'] as const) {
      expect(fallbackGuidance(item, { inBoston: true })).to.deep.equal(['fda-medicines']);
    }
  });

  it('says when the places are an old snapshot', () => {
    const now = new Date('2026-04-25T12:00:00Z');
    const rec = (source_date?: string) =>
      ({ provenance: { source: 's', status: 'unverified', ...(source_date ? { source_date } : {}) } }) as Resource;
    expect(snapshotDate([rec('2018-10-01'), rec('2018-09-01')], now)).to.equal('2018-10-01');
    expect(snapshotDate([rec('2026-01-01')], now)).to.equal(undefined);
    expect(snapshotDate([rec('2018-10-01'), rec('2026-01-01')], now)).to.equal(undefined);
    expect(snapshotDate([rec('2018-10-01'), rec()], now)).to.equal(undefined);
    expect(snapshotDate([], now)).to.equal(undefined);
  });
});
