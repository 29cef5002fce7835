// Browser side of the disposal core benchmark (bench/run.mjs): the DOM-free core, timed in Chromium.
import { DisposalIndex } from '../src/core/disposal.js';
import { haversineKm, milesToKm, type LatLon } from '../src/core/geo.js';
import type { Resource } from '../src/core/schema.js';
import { seededRandom } from '../test/seeded-random.js';

/** `n` records: the real ones, then copies jittered up to ~5 km (generated here, never shipped). */
function grow(real: Resource[], n: number): Resource[] {
  const rnd = seededRandom(2018);
  const out = real.slice(0, n);
  for (let i = out.length; i < n; i++) {
    const r = real[i % real.length]!;
    const loc = r.location!;
    out.push({
      ...r,
      id: `${r.id}-j${i}`,
      location: { ...loc, latitude: loc.latitude + (rnd() - 0.5) * 0.09, longitude: loc.longitude + (rnd() - 0.5) * 0.12 },
    });
  }
  return out;
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { median: q(0.5), p95: q(0.95), n: s.length };
};

/** The baseline: haversine to every site that takes the item, sort, first `limit` within `maxKm`. */
function bruteForce(rs: Resource[], p: LatLon, limit: number, maxKm: number) {
  const all: Array<{ item: Resource; km: number }> = [];
  for (const r of rs) {
    if (!r.location || !r.disposal?.accepts.includes('pills')) continue;
    const km = haversineKm(p, r.location);
    if (km <= maxKm) all.push({ item: r, km });
  }
  all.sort((a, b) => a.km - b.km);
  return all.slice(0, limit);
}

function run(real: Resource[], n: number) {
  const rs = grow(real, n);
  const builds: number[] = [];
  let index!: DisposalIndex;
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    index = new DisposalIndex(rs);
    builds.push(performance.now() - t0);
  }
  const rnd = seededRandom(n);
  const located = rs.filter((r) => r.location);
  // Query points: near real sites (where people are), jittered.
  const points: LatLon[] = Array.from({ length: 400 }, () => {
    const l = located[Math.floor(rnd() * located.length)]!.location!;
    return { latitude: l.latitude + (rnd() - 0.5) * 0.3, longitude: l.longitude + (rnd() - 0.5) * 0.3 };
  });
  const maxKm = milesToKm(25);
  // Batches of 20 queries, timed together (performance.now is coarsened to 0.1 ms here), so each
  // sample is the mean time of one query over a batch; 20 batches per method, interleaved.
  const BATCH = 20;
  const idx: number[] = [];
  const base: number[] = [];
  let mismatches = 0;
  for (let b = 0; b < points.length / BATCH; b++) {
    const batch = points.slice(b * BATCH, (b + 1) * BATCH);
    let t0 = performance.now();
    const a = batch.map((p) => index.nearest(p, 'pills', { limit: 10, maxKm }));
    idx.push((performance.now() - t0) / BATCH);
    t0 = performance.now();
    const c = batch.map((p) => bruteForce(rs, p, 10, maxKm));
    base.push((performance.now() - t0) / BATCH);
    a.forEach((r, i) => {
      const other = c[i]!;
      if (r.length !== other.length || r.some((x, j) => Math.abs(x.km - other[j]!.km) > 1e-9)) mismatches++;
    });
  }
  const si = stats(idx);
  const sb = stats(base);
  return {
    records: n,
    indexed: index.size,
    buildMs: stats(builds),
    nearest10: { index: si, baseline: sb, ratioMedian: sb.median / si.median, ratioP95: sb.p95 / si.p95 },
    queries: points.length,
    batch: BATCH,
    mismatches,
  };
}

declare global {
  interface Window {
    /** What bench/run.mjs calls in this page. */
    __bench?: { run: typeof run };
  }
}
window.__bench = { run };
