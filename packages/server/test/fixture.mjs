/**
 * The server tests' data: a dozen hand-written records whose answers the tests know, plus
 * seeded records scattered around Boston for paging and distance. Every record is valid
 * against the main package's schema (the CLI test loads this file through `validate`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// The one seeded generator of the repository (mulberry32), shared with the browser tests and benchmarks.
import { seededRandom } from '../../../test/seeded-random.js';
import { HSDS_CONTRACT } from '../src/hsds-contract.js';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const zips = JSON.parse(readFileSync(`${root}data/zip-centroids-us.json`, 'utf8')).zips;

export const EARTH_RADIUS_M = 6371008.7714;
/** Great-circle distance in metres (haversine), the reference for the distance tests. */
export function metres(lat1, lon1, lat2, lon2) {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** A point `km` kilometres from (lat, lon) on bearing `deg`. */
export function offset(lat, lon, km, deg) {
  const d = (km * 1000) / EARTH_RADIUS_M;
  const b = (deg * Math.PI) / 180;
  const p1 = (lat * Math.PI) / 180;
  const l1 = (lon * Math.PI) / 180;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
  const l2 = l1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return [Number(((p2 * 180) / Math.PI).toFixed(6)), Number(((l2 * 180) / Math.PI).toFixed(6))];
}

export const HOME_ZIP = '02135';
export const [HOME_LAT, HOME_LON] = zips[HOME_ZIP];

const provenance = { source: 'recovery-finder server test fixture', status: 'unverified' };

function place(id, km, deg, zip = HOME_ZIP) {
  const [latitude, longitude] = offset(HOME_LAT, HOME_LON, km, deg);
  return {
    address: { address_1: `${id} Test St`, city: 'Brighton', state_province: 'MA', postal_code: zip },
    location: { latitude, longitude, precision: 'exact' },
  };
}

/** Records the tests name. */
export const KNOWN = [
  {
    id: 'known-peer-center',
    kind: 'prsc',
    name: 'Brighton Peer Recovery Center',
    alternate_name: 'BPRC',
    description: 'Peer support meetings, recovery coaching and wellness groups.',
    categories: ['recovery-center', 'peer-support'],
    organization: { name: 'Allston Brighton Recovery Coalition', url: 'https://example.org/abrc' },
    ...place('1', 1.2, 45),
    region: 'Boston',
    phones: [
      { number: '(617) 555-0101', extension: '12', type: 'voice' },
      { number: '617-555-0102', type: 'text', text_body: 'HOPE' },
    ],
    url: 'https://example.org/bprc',
    email: 'hello@example.org',
    schedule: {
      weekly: [
        { byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opens_at: '09:00', closes_at: '17:00' },
        { byday: ['SA'], opens_at: '10:00', closes_at: '14:00' },
      ],
      closed: [{ date: '2026-12-25', description: 'Christmas Day' }],
    },
    languages: ['en', 'es'],
    populations: ['adults', 'families'],
    cost: { free: true },
    delivery: 'in-person',
    provenance: { ...provenance, last_verified: '2026-10-01', source_url: 'https://example.org/source' },
  },
  {
    id: 'known-centro',
    kind: 'service',
    name: 'Centro de Recuperación Esperanza',
    description: 'Apoyo entre pares para personas con adicción, en español.',
    categories: ['peer-support', 'support-groups'],
    ...place('2', 3.4, 180),
    phones: [{ number: '(617) 555-0103', type: 'voice' }],
    languages: ['es'],
    delivery: 'in-person',
    provenance,
  },
  {
    id: 'known-naloxone',
    kind: 'service',
    name: 'Harm Reduction Drop-In',
    description: 'Free naloxone kits and training, syringe services.',
    categories: ['harm-reduction', 'naloxone'],
    organization: { name: 'Allston Brighton Recovery Coalition' },
    ...place('3', 4.6, 270),
    phones: [{ number: '(617) 555-0104', type: 'voice' }],
    schedule: { always_open: true },
    cost: { free: true, description: 'Kits are free.' },
    delivery: 'in-person',
    provenance,
  },
  {
    id: 'known-far-clinic',
    kind: 'service',
    name: 'Worcester Outpatient Clinic',
    description: 'Outpatient counseling and medication for opioid use disorder.',
    categories: ['outpatient-treatment', 'medication-treatment'],
    address: { address_1: '1 Main St', city: 'Worcester', state_province: 'MA', postal_code: '01608' },
    location: { latitude: zips['01608'][0], longitude: zips['01608'][1], precision: 'zip-centroid' },
    phones: [{ number: '(508) 555-0105', type: 'voice' }],
    delivery: 'in-person',
    provenance,
  },
  {
    id: 'known-online-meeting',
    kind: 'event',
    name: 'Online Family Support Meeting',
    description: 'A weekly online meeting for families of people in recovery.',
    categories: ['family-support', 'support-groups'],
    delivery: 'online',
    event: { starts_at: '2026-12-01T18:00:00-05:00', ends_at: '2026-12-01T19:00:00-05:00' },
    provenance,
  },
  {
    id: 'known-disposal',
    kind: 'disposal',
    name: 'Police Station Take-Back Kiosk',
    description: 'A drug take-back kiosk in the station lobby.',
    categories: ['disposal'],
    organization: { name: 'Test Police Department' },
    ...place('4', 2.0, 90),
    schedule: { always_open: true },
    disposal: { accepts: ['pills', 'patches'], restrictions: 'No needles.' },
    delivery: 'in-person',
    provenance,
  },
  // Just inside and just outside 5 km of the home ZIP's centre: a distance computed on
  // another sphere, or a box too small, gets one of them wrong.
  {
    id: 'known-edge-in',
    kind: 'service',
    name: 'Edge Inside Sober House',
    description: 'Sober living.',
    categories: ['housing'],
    ...place('5', 4.99, 300),
    delivery: 'in-person',
    provenance,
  },
  {
    id: 'known-edge-out',
    kind: 'service',
    name: 'Edge Outside Sober House',
    description: 'Sober living.',
    categories: ['housing'],
    ...place('6', 5.01, 300),
    delivery: 'in-person',
    provenance,
  },
];

/** The seeded records: `n` services within 20 km of the home ZIP. */
export function seeded(n = 90, seed = 13) {
  const random = seededRandom(seed);
  const words = ['Hope', 'Harbor', 'Bridge', 'Summit', 'Pathways', 'Beacon', 'Haven', 'Lighthouse'];
  const kinds = [
    ['support-groups', 'Support Group'],
    ['housing', 'Sober Housing'],
    ['employment-education', 'Job Readiness Program'],
    ['transportation', 'Ride Program'],
  ];
  const out = [];
  for (let i = 0; i < n; i++) {
    const word = words[Math.floor(random() * words.length)];
    const [category, noun] = kinds[Math.floor(random() * kinds.length)];
    const km = 0.3 + random() * 19.5;
    const p = place(`s${i}`, km, random() * 360);
    out.push({
      id: `seeded-${String(i).padStart(3, '0')}`,
      kind: 'service',
      name: `${word} ${noun} ${i}`,
      description: `A ${noun.toLowerCase()} near Boston.`,
      categories: [category],
      ...p,
      phones: [{ number: `(617) 555-${String(2000 + i)}`, type: 'voice' }],
      delivery: 'in-person',
      provenance,
    });
  }
  return out;
}

export function dataset(resources = [...KNOWN, ...seeded()], title = 'Server test fixture') {
  return {
    schema_version: '1.0',
    generated_at: '2026-11-01T12:00:00Z',
    title,
    time_zone: 'America/New_York',
    sources: [{ id: 'fixture', name: 'recovery-finder server test fixture' }],
    help: { contacts: [] },
    resources,
  };
}

/** Our terms by id (the contract lists each term's id): an attribute names its term by id only. */
const OWN_TERMS = new Map(
  Object.entries(HSDS_CONTRACT.taxonomies).flatMap(([taxonomy, t]) => t.ids.map((id, i) => [id, { taxonomy, code: t.terms[i] }])),
);
/** An attribute's term, { taxonomy, code }, from its `taxonomy_term_id` (undefined for a term not ours). */
export const termOf = (attribute) => OWN_TERMS.get(attribute.taxonomy_term_id);
