// A second HSDS 3.0 directory for the browser tests, independent of the reference server
// (packages/server): written from the shapes of the specification's example objects
// (openreferral/specification, branch 3.0, examples/service_list.json, service_full.json,
// service_at_location_list.json, taxonomy_term_list.json), making other valid choices:
//  - short pages: it serves at most PER_PAGE_MAX items a page, whatever `per_page` asks, and says
//    so in `total_pages` / `last_page`;
//  - list items carry their one-to-one fields only (no places, phones, hours or terms), with or
//    without `full=true`; `GET /services/{id}` gives a service in full;
//  - its own taxonomies (a 211/AIRS-style one with codes and names, a SAMHSA one with codes),
//    none of recovery-finder's;
//  - two services at one location (the location's `external_identifier` is the city's parcel id);
//  - one schedule with a time zone no browser knows;
//  - ordinary values: a web address without scheme, `Name <address>` e-mails, a vanity phone
//    number, an organization website that is no web address;
//  - `taxonomy_term_id` is one id: a comma-joined list matches nothing.
// Routes, under /test-api/hsds-other/KEY/ (KEY keeps each test file's requests apart):
//   services, services/{id}, service_at_locations (postcode + proximity, nearest first),
//   taxonomies, taxonomy_terms, organizations/{id}
//   GET /test-api/hsds-other-requests?key=KEY -> {"urls": [...]} every request of KEY so far
import { readFileSync } from 'node:fs';

/** The most items it puts in a page. */
export const PER_PAGE_MAX = 5;

const ZIPS = JSON.parse(readFileSync(new URL('../../data/zip-centroids-ma.json', import.meta.url), 'utf8')).zips;

const TAXONOMIES = [
  { id: 'tx-211', name: '211 Human Services Taxonomy', description: 'An AIRS-style taxonomy.', uri: 'http://example.com/211', version: '2024' },
  { id: 'tx-samhsa', name: 'SAMHSA service codes', description: 'Treatment locator codes.', uri: 'http://example.com/samhsa', version: '1' },
];
const term = (id, code, name, taxonomy) => ({
  id,
  code,
  name,
  description: name,
  parent_id: null,
  taxonomy: taxonomy.name,
  taxonomy_detail: taxonomy,
  language: 'en',
  term_uri: null,
});
const [T211, TSAMHSA] = TAXONOMIES;
const TERMS = {
  groups: term('tt-groups', 'PN-8100.0500', 'Addictions/Substance Use Disorder Support Groups', T211),
  outpatient: term('tt-outpatient', 'RX-8450.1150', 'Comprehensive Outpatient Substance Use Disorder Treatment', T211),
  centres: term('tt-centres', null, 'Recovery Community Centers', T211),
  takeback: term('tt-takeback', null, 'Medication Take-Back Sites', T211),
  coaching: term('tt-coaching', null, 'Recovery Coaching', T211),
  legal: term('tt-legal', 'FT-3000', 'Legal Services', T211),
  detox: term('tt-detox', 'DT', 'Detoxification', TSAMHSA),
};

const ORGANIZATIONS = {
  harbor: { id: 'org-harbor', name: 'Harbor Recovery Alliance', description: 'A network of recovery services.', website: 'harbor-recovery.example.org', email: 'Harbor Office <office@harbor-recovery.example.org>' },
  bay: { id: 'org-bay', name: 'Bay State Health Partners', description: 'Community health centres.', website: 'see our flyer', email: null },
};

/** A place near Boston: `n` steps of about 300 m east of the 02118 centre. */
const place = (id, name, n, street, zip = '02118', extra = {}) => ({
  id,
  location_type: 'physical',
  name,
  latitude: 42.33786 + (n % 3) * 0.002,
  longitude: -71.06981 + n * 0.0036,
  external_identifier: `PARCEL-${id.toUpperCase()}`,
  external_identifier_type: 'City of Boston parcel id',
  ...extra,
  addresses: [{ id: `addr-${id}`, address_1: street, city: 'Boston', region: 'Suffolk', state_province: 'MA', postal_code: zip, country: 'US', address_type: 'physical' }],
});
const SHARED = place('loc-harbor', 'Harbor Community House', 1, '12 Harbor Street');

/** Weekday hours, in the named zone (HSDS 3.0 gives `timezone` as a number; this directory writes a name). */
const hours = (id, timezone = 'America/New_York') => [
  { id: `sch-${id}`, freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00:00', closes_at: '17:00:00', timezone, description: 'Weekdays 9 to 5.' },
];

/** [id, name, organization, terms, location, own fields]. */
const ROWS = [
  ['svc-01', 'Harbor Peer Recovery Center', 'harbor', ['centres'], SHARED, {}],
  ['svc-02', 'Harbor Family Support Group', 'harbor', ['groups'], SHARED, {}],
  ['svc-03', 'Dorchester Recovery Community Center', 'harbor', ['centres'], place('loc-03', 'Dorchester House', 2, '4 Adams Street'), { email: 'Front Desk <frontdesk@dorchester-rcc.example.org>' }],
  ['svc-04', 'Roxbury Recovery Drop-In', 'harbor', ['centres'], place('loc-04', 'Roxbury Hall', 3, '9 Warren Street'), { phone: '1-800-GET-HELP' }],
  ['svc-05', 'South End Outpatient Program', 'bay', ['outpatient'], place('loc-05', 'South End Clinic', 4, '20 Tremont Street'), { url: 'www.southend-outpatient.example.org' }],
  ['svc-06', 'Back Bay Medication Take-Back', 'bay', ['takeback'], place('loc-06', 'Back Bay Pharmacy', 5, '300 Boylston Street'), {}],
  ['svc-07', 'Fenway Pharmacy Drug Drop-Off', 'bay', ['takeback'], place('loc-07', 'Fenway Pharmacy', 6, '80 Brookline Avenue'), { zone: 'America/Boston' }],
  ['svc-08', 'Jamaica Plain Take-Back Kiosk', 'bay', ['takeback'], place('loc-08', 'JP Police Station', 7, '1 Centre Street'), {}],
  ['svc-09', 'Charlestown Detox Unit', 'bay', ['detox'], place('loc-09', 'Charlestown Hospital', 8, '5 Bunker Hill Street'), {}],
  ['svc-10', 'East Boston Recovery Coaching', 'harbor', ['coaching'], place('loc-10', 'Maverick Square Office', 9, '2 Maverick Square'), {}],
  ['svc-11', 'Harbor Legal Aid Clinic', 'harbor', ['legal'], place('loc-11', 'Harbor Legal Office', 10, '7 Court Street'), {}],
  ['svc-12', 'Neighbors Helping Neighbors', 'harbor', [], place('loc-12', 'Neighbors Hall', 11, '15 Dudley Street'), {}],
  ['svc-13', 'Chinatown Support Circle', 'bay', ['groups'], place('loc-13', 'Chinatown Center', 12, '38 Ash Street'), {}],
  ['svc-14', 'Mattapan Recovery Center', 'bay', ['centres'], place('loc-14', 'Mattapan Square House', 13, '1600 Blue Hill Avenue'), {}],
];

/** The one-to-one fields of an organization (as a list item nests it). */
const organizationOf = (key) => {
  const o = ORGANIZATIONS[key];
  return { id: o.id, name: o.name, description: o.description, email: o.email, website: o.website };
};

/** A service as `GET /services/{id}` gives it. */
function fullService([id, name, org, terms, location, own]) {
  return {
    id,
    name,
    alternate_name: null,
    description: `${name}: a service of ${ORGANIZATIONS[org].name}.`,
    url: own.url ?? null,
    email: own.email ?? null,
    status: 'active',
    assured_date: '2026-10-01',
    last_modified: '2026-10-01T12:00:00Z',
    organization: organizationOf(org),
    phones: [{ id: `ph-${id}`, number: own.phone ?? '617-555-0142', extension: null, type: 'voice', description: null, languages: [] }],
    schedules: hours(id, own.zone),
    service_at_locations: [{ id: `sal-${id}`, description: null, location }],
    languages: [{ id: `lang-${id}`, name: 'English', code: 'en', note: null }],
    attributes: terms.map((t, i) => ({ id: `attr-${id}-${i}`, link_type: 'service_taxonomy', link_entity: 'service', value: null, taxonomy_term: TERMS[t] })),
    cost_options: [],
  };
}

/** Only the one-to-one fields (as the specification's list example has them). */
function listItem(row) {
  const { phones: _p, schedules: _s, service_at_locations: _l, languages: _g, attributes: _a, cost_options: _c, ...one } = fullService(row);
  return one;
}

/** The one-to-one fields of a location. */
function locationItem(location) {
  const { addresses: _a, ...one } = location;
  return one;
}

const metres = (a, b) => {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLon = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
};

const requests = new Map();

/** The directory, as a dev-server middleware (Koa style). */
export async function hsdsOther(ctx, next) {
  if (ctx.path === '/test-api/hsds-other-requests') {
    ctx.type = 'json';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = JSON.stringify({ urls: requests.get(ctx.URL.searchParams.get('key') ?? '') ?? [] });
    return;
  }
  if (!ctx.path.startsWith('/test-api/hsds-other/')) return next();
  const [key = '', ...route] = ctx.path.slice('/test-api/hsds-other/'.length).split('/');
  const seen = requests.get(key) ?? [];
  requests.set(key, seen);
  seen.push(`/${route.join('/')}${ctx.URL.search}`);
  ctx.set('Cache-Control', 'no-store');
  const q = ctx.URL.searchParams;
  const send = (status, body) => {
    ctx.status = status;
    ctx.type = 'json';
    ctx.body = JSON.stringify(body);
  };
  const page = Math.max(1, Number(q.get('page') ?? 1) || 1);
  const per = Math.min(PER_PAGE_MAX, Math.max(1, Number(q.get('per_page') ?? PER_PAGE_MAX) || PER_PAGE_MAX));
  const list = (all) => {
    const contents = all.slice((page - 1) * per, page * per);
    const totalPages = Math.max(1, Math.ceil(all.length / per));
    send(200, { total_items: all.length, total_pages: totalPages, page_number: page, size: contents.length, first_page: page === 1, last_page: page >= totalPages, empty: !contents.length, contents });
  };
  // One term id: a comma-joined list is no id of this directory.
  const termId = q.get('taxonomy_term_id');
  const rows = ROWS.filter((r) => !termId || r[3].some((t) => TERMS[t].id === termId));
  const words = (q.get('search') ?? '').trim().toLowerCase();
  const matching = rows.filter((r) => !words || r[1].toLowerCase().includes(words));
  const [what, id] = route;
  if (what === 'services' && id) {
    const row = ROWS.find((r) => r[0] === id);
    return row ? send(200, fullService(row)) : send(404, { error: 'not found' });
  }
  if (what === 'services') return list(matching.map(listItem));
  if (what === 'service_at_locations') {
    const centre = ZIPS[q.get('postcode') ?? ''];
    const within = Number(q.get('proximity') ?? Infinity);
    const near = centre
      ? matching
          .map((r) => ({ r, m: metres(centre, [r[4].latitude, r[4].longitude]) }))
          .filter((x) => x.m <= within)
          .sort((a, b) => a.m - b.m)
          .map((x) => x.r)
      : matching;
    return list(near.map((r) => ({ id: `sal-${r[0]}`, description: null, location: locationItem(r[4]), service: listItem(r) })));
  }
  if (what === 'taxonomies') return list(TAXONOMIES);
  if (what === 'taxonomy_terms') return list(Object.values(TERMS).filter((t) => !q.get('taxonomy_id') || t.taxonomy_detail.id === q.get('taxonomy_id')));
  if (what === 'organizations' && id) {
    const o = Object.values(ORGANIZATIONS).find((x) => x.id === id);
    return o ? send(200, o) : send(404, { error: 'not found' });
  }
  return send(404, { error: 'not found', message: `no route ${ctx.path}` });
}

