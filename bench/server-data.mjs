// The HSDS server benchmarks' data: a seeded synthetic dataset spread over the US ZIP
// centroids (data/zip-centroids-us.json), built from the real records' shapes
// (data/resources.json). Generated one record at a time (a generator), so a million
// records never sit in memory at once. Used by bench/server.mjs and bench/server-element.mjs.
import { readFileSync } from 'node:fs';
import { seededRandom } from '../test/seeded-random.js';

const root = new URL('..', import.meta.url).pathname;
const real = JSON.parse(readFileSync(`${root}data/resources.json`, 'utf8')).resources;
export const zips = JSON.parse(readFileSync(`${root}data/zip-centroids-us.json`, 'utf8')).zips;
export const zipList = Object.keys(zips);
const PREFIX = ['North', 'South', 'East', 'West', 'Harbor', 'Valley', 'River', 'Lakeside', 'Hillside', 'Central',
  'Summit', 'Bridge', 'Pine', 'Oak', 'Maple', 'Cedar', 'Union', 'Liberty', 'Unity', 'New Day'];
const EXTRA = [
  ['naloxone', 'Free naloxone kits and overdose response training.'],
  ['harm-reduction', 'Harm reduction supplies and syringe services.'],
  ['housing', 'Sober housing with house meetings and peer support.'],
  ['transportation', 'Rides to treatment and recovery meetings.'],
  ['family-support', 'Support meetings for families and friends.'],
  ['recovery-coaching', 'One-to-one recovery coaching.'],
  ['employment-education', 'Job readiness and education support for people in recovery.'],
  ['support-groups', 'Weekly mutual-help support group meetings.'],
];

/** One synthetic record: a real record's shape at a random US ZIP. */
function synthetic(i, random) {
  const t = real[Math.floor(random() * real.length)];
  const zip = zipList[Math.floor(random() * zipList.length)];
  const [lat, lon] = zips[zip];
  const prefix = PREFIX[Math.floor(random() * PREFIX.length)];
  // A shallow copy: every part changed below is replaced, never changed in place.
  const r = { ...t, categories: [...t.categories] };
  r.id = `syn-${i}`;
  r.name = `${prefix} ${t.name}`;
  if (random() < 0.35) {
    const [category, sentence] = EXTRA[Math.floor(random() * EXTRA.length)];
    if (!r.categories.includes(category)) r.categories.push(category);
    r.description = `${r.description ?? ''} ${sentence}`.trim();
  }
  if (r.organization) r.organization = { ...r.organization, name: `${r.organization.name} (${zip.slice(0, 3)})` };
  r.address = {
    address_1: `${1 + Math.floor(random() * 9999)} ${PREFIX[Math.floor(random() * PREFIX.length)]} St`,
    city: `Town ${zip}`,
    state_province: 'XX',
    postal_code: zip,
  };
  const exact = random() < 0.5;
  r.location = {
    latitude: Number((lat + (exact ? (random() - 0.5) * 0.04 : 0)).toFixed(5)),
    longitude: Number((lon + (exact ? (random() - 0.5) * 0.04 : 0)).toFixed(5)),
    precision: exact ? 'exact' : 'zip-centroid',
  };
  r.phones = [{ number: `(${200 + (i % 800)}) 555-${String(i % 10000).padStart(4, '0')}`, type: 'voice' }];
  r.provenance = { source: 'recovery-finder synthetic benchmark data (seeded)', status: 'unverified' };
  return r;
}

export function* records(n, seed = 2026) {
  const random = seededRandom(seed);
  for (let i = 0; i < n; i++) yield synthetic(i, random);
}

