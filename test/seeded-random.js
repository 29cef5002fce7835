// @ts-check
/**
 * A small deterministic random generator (mulberry32), so generated points and records are
 * the same on every run. The one copy, shared by the browser tests, the benchmarks
 * (bench/synth.ts, bench/server-data.mjs) and the server package's tests
 * (packages/server/test/fixture.mjs); never used by the library. Plain JavaScript so that
 * node can import it without a build; its types are in seeded-random.d.ts.
 * @param {number} seed
 * @returns {() => number} numbers in [0, 1)
 */
export function seededRandom(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
