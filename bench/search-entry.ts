/**
 * Browser side of the search benchmark (bench/search.mjs builds this with Vite and runs it in
 * headless Chromium). SYNTHETIC records, generated from word lists for timing only: never data.
 */
import Fuse from 'fuse.js';
import { SearchIndex, loadRanking } from '../src/core/search.js';
import { datasetFrom } from '../src/core/load.js';
import type { Resource } from '../src/core/schema.js';
import { RecoveryResourceSearch } from '../src/components/resource-search/resource-search.js';

// The element loads fuse.js's re-ranking on the first query; the core timings below want it now.
await loadRanking();

// Name the class so the build keeps the module (package.json `sideEffects` may not list it).
if (!customElements.get('recovery-resource-search')) customElements.define('recovery-resource-search', RecoveryResourceSearch);

const FIRST = ['Harbor', 'Beacon', 'New Hope', 'Bridge', 'Pathways', 'Riverside', 'Summit', 'Horizon', 'Lighthouse', 'Cornerstone', 'Open Door', 'Second Chance', 'Maple', 'Granite', 'Seaside', 'Unity', 'Compass', 'Willow', 'Northstar', 'Anchor'];
const KIND = ['Recovery Center', 'Peer Support Network', 'Counseling Services', 'Treatment Clinic', 'Sober House', 'Family Resource Center', 'Recovery Coaching', 'Outpatient Program', 'Detox Unit', 'Harm Reduction Program', 'Dental Clinic', 'Mental Health Center', 'Job Training Program', 'Transportation Service', 'Youth Program'];
const CITY = ['Boston', 'Dorchester', 'Roxbury', 'Worcester', 'Springfield', 'Lowell', 'Lynn', 'Brockton', 'Quincy', 'New Bedford', 'Fall River', 'Lawrence', 'Cambridge', 'Somerville', 'Framingham', 'Haverhill', 'Pittsfield', 'Taunton', 'Chelsea', 'Revere'];
const CATS = ['peer-support', 'recovery-coaching', 'support-groups', 'recovery-center', 'family-support', 'transportation', 'employment-education', 'housing', 'treatment', 'outpatient-treatment', 'withdrawal-management', 'medication-treatment', 'harm-reduction', 'naloxone'];
const WORDS = 'support recovery group meeting peer coach family housing job training counseling medication treatment outpatient residential community free confidential walk in evening weekend spanish haitian women men veterans youth transportation naloxone overdose prevention wellness meals sober living recovery coaching education referral intake assessment care'.split(' ');

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function generate(n: number, seed = 1) {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)] as T;
  const resources = [];
  for (let i = 0; i < n; i++) {
    const city = pick(CITY);
    const cats = [...new Set([pick(CATS), ...(r() < 0.5 ? [pick(CATS)] : [])])];
    resources.push({
      id: `syn-${i}`,
      kind: 'service',
      name: `${pick(FIRST)} ${pick(KIND)} ${city}`,
      organization: { name: `${pick(FIRST)} Health ${i % 300}` },
      categories: cats,
      description: Array.from({ length: 25 }, () => pick(WORDS)).join(' '),
      address: { address_1: `${1 + (i % 999)} Example St`, city, state_province: 'MA', postal_code: `02${String(100 + (i % 90)).padStart(3, '0')}` },
      location: { latitude: 41.3 + r() * 1.5, longitude: -73.3 + r() * 3.4, precision: 'exact' },
      phones: [{ number: `617-555-${String(100 + (i % 99)).padStart(4, '0')}` }],
      languages: r() < 0.3 ? ['en', 'es'] : ['en'],
      cost: { free: r() < 0.5 },
      delivery: pick(['in-person', 'online', 'both']),
      schedule: { weekly: [{ byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opens_at: '09:00', closes_at: '17:00' }] },
      provenance: { source: 'SYNTHETIC benchmark records', status: 'unverified' },
    });
  }
  return {
    schema_version: '1.0',
    generated_at: '2026-01-01T00:00:00Z',
    title: 'SYNTHETIC benchmark dataset',
    time_zone: 'America/New_York',
    sources: [],
    help: { contacts: [] },
    resources,
  };
}

interface Stats { median: number; p95: number; max: number; longTasks: number; keystrokes: number }
function stats(times: number[]): Stats {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
  const round = (x: number) => Math.round(x * 100) / 100;
  return { median: round(at(0.5)), p95: round(at(0.95)), max: round(s[s.length - 1] as number), longTasks: s.filter((t) => t > 50).length, keystrokes: s.length };
}

const QUERIES = ['peer support', 'recovery coach', 'sober house', 'detox', 'narcan', 'dorchester', 'dental', 'outpatint'];

/** Every prefix of every query, as typed one character at a time. */
function keystrokes(): string[] {
  return QUERIES.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
}

/** Core only: plain fuse.js over every record vs our index, per keystroke (synchronous work). */
export function benchCore(n: number) {
  const data = generate(n);
  let t = performance.now();
  const resources = datasetFrom(data).dataset.resources as Resource[];
  const validateMs = performance.now() - t;
  const keys = keystrokes();
  t = performance.now();
  const fuse = new Fuse(resources, { keys: ['name', 'organization.name', 'address.city', 'categories'], threshold: 0.3, ignoreLocation: true });
  const fuseBuild = performance.now() - t;
  t = performance.now();
  const index = new SearchIndex(resources, { timeZone: data.time_zone });
  const ourBuild = performance.now() - t;
  const fuseTimes: number[] = [];
  const ourTimes: number[] = [];
  const dental = { fuse: [] as string[], ours: [] as string[] };
  for (const q of keys) {
    t = performance.now();
    const a = fuse.search(q).slice(0, 20);
    fuseTimes.push(performance.now() - t);
    t = performance.now();
    const b = index.search(q).hits.slice(0, 20);
    ourTimes.push(performance.now() - t);
    if (q === 'dental') {
      dental.fuse = a.slice(0, 5).map((x) => x.item.name);
      dental.ours = b.slice(0, 5).map((x) => x.resource.name);
    }
  }
  return { records: n, validateMs: Math.round(validateMs), buildMs: { fuse: Math.round(fuseBuild), ours: Math.round(ourBuild) }, fuse: stats(fuseTimes), ours: stats(ourTimes), dentalTop5: dental };
}

/**
 * Make the element with n records and wait until its results are shown: the time from adding
 * it to the page to the results, and the long tasks (> 50 ms) in between (validation and index).
 */
export async function mountElement(n: number) {
  const el = document.createElement('recovery-resource-search');
  el.setAttribute('no-location', '');
  el.data = generate(n);
  const long: number[] = [];
  const observer = new PerformanceObserver((l) => long.push(...l.getEntries().map((e) => e.duration)));
  observer.observe({ type: 'longtask', buffered: false });
  const start = performance.now();
  document.body.append(el);
  while (!el.shadowRoot?.querySelector('.results')) await new Promise((r) => setTimeout(r, 5));
  const mountToResultsMs = Math.round(performance.now() - start);
  // Long-task entries arrive after the task: give them a moment.
  await new Promise((r) => setTimeout(r, 100));
  long.push(...observer.takeRecords().map((e) => e.duration));
  observer.disconnect();
  // Record when each update that shows the results for the text in the box has finished.
  const host = el as unknown as { updated: (c: unknown) => void; s: { query: string }; draft: string };
  const original = host.updated.bind(el);
  const w = window as unknown as { __rendered: number[] };
  w.__rendered = [];
  host.updated = (c: unknown) => {
    original(c);
    if (host.s.query === host.draft) w.__rendered.push(performance.now());
  };
  return { mountToResultsMs, longTasks: long.length, longestTaskMs: long.length ? Math.round(Math.max(...long)) : 0 };
}

(window as unknown as { __bench: unknown }).__bench = { benchCore, mountElement };
