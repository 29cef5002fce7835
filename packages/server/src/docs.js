// @ts-check
/**
 * The answers' JSON, made once at load time from the rows of each record, so that a list
 * page is the concatenation of stored texts (no per-request JSON building in the database).
 *
 * The text is exactly what PostgreSQL makes of the same rows with the builders in api.js
 * (`json_strip_nulls(json_build_object(...))::text`): keys in the same order, fields whose
 * value is null left out, strings escaped as PostgreSQL's JSON output escapes them, numbers
 * as float8 prints them, dates as `to_char` prints them (test/docs.test.mjs compares the two
 * on every record of the test data and on generated ones).
 *
 * Stored per load (load.js): `service_doc` (a service's object in four parts: its own fields,
 * its organization, its lists, and its `service_at_locations` with the closing brace) and
 * `location_doc` (a location's object).
 */
import { addressToWords } from './hsds-contract.js';

/** JSON text that goes into a document as it is. */
class Raw {
  /** @param {string} text */
  constructor(text) {
    this.text = text;
  }
}

/**
 * A float8 as PostgreSQL prints it (shortest text that reads back the same; exponent form
 * below 1e-4 and from 1e15 on, with a sign and at least two digits). The same digits as
 * JavaScript's below 2^53 in magnitude; above, where a shortest text can fall exactly halfway
 * between two doubles, PostgreSQL may print one digit more (the stored numbers are latitudes,
 * longitudes and amounts).
 * @param {number} n
 */
export function pgNumber(n) {
  if (Number.isNaN(n)) return '"NaN"';
  if (!Number.isFinite(n)) return n > 0 ? '"Infinity"' : '"-Infinity"';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mantissa, exp] = n.toExponential().split('e');
  const e = Number(exp);
  if (e < -4 || e >= 15) return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return String(n);
}

/**
 * A string as PostgreSQL's JSON output writes it (the text it stored: a lone surrogate became U+FFFD).
 * @param {string} s
 */
const pgString = (s) => JSON.stringify(/\p{Cs}/u.test(s) ? s.replace(/\p{Cs}/gu, '\uFFFD') : s);

/**
 * A value as `json_strip_nulls(...)::text`: objects without their null fields, compact.
 * @param {unknown} v
 * @returns {string}
 */
function pgJson(v) {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return pgString(v);
  if (typeof v === 'number') return pgNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v)) return `[${v.map(pgJson).join(',')}]`;
  let out = '';
  for (const [k, x] of Object.entries(/** @type {Record<string, unknown>} */ (v))) {
    if (x === null || x === undefined) continue;
    out += `${out ? ',' : ''}${pgString(k)}:${pgJson(x)}`;
  }
  return `{${out}}`;
}

/** A text column's value as the database holds it (COPY sends String(value)); undefined for null. */
const text = (/** @type {unknown} */ x) => (x === null || x === undefined ? undefined : String(x));
/** A number column's value as the database holds it (read from String(value): -0 is 0); undefined for null. */
const num = (/** @type {unknown} */ x) => (x === null || x === undefined ? undefined : Number(String(x)));

/**
 * True when JavaScript writes the number as PostgreSQL does (no exponent form either way).
 * @param {unknown} n
 */
const plainNumber = (n) => n === undefined || n === 0 || (typeof n === 'number' && Math.abs(n) >= 1e-4 && Math.abs(n) < 1e15);

/**
 * `pgJson` of an object with no Raw inside, the fast way: JSON.stringify leaves out undefined
 * fields as json_strip_nulls leaves out nulls; it writes a lone surrogate as an escape
 * (PostgreSQL holds U+FFFD): then, and where a number would print otherwise, `pgJson`.
 * @param {Record<string, unknown> | Record<string, unknown>[]} v @param {boolean} plain every number plain
 */
function enc(v, plain) {
  const t = JSON.stringify(v);
  return plain && !/\\u[dD][89abAB]/.test(t) ? t : pgJson(v);
}

/**
 * An object's JSON with Raw JSON fields appended at its end (`fields`: name -> JSON text, skipped when undefined).
 * @param {string} head the object's JSON, not empty @param {[string, string | undefined][]} fields
 */
function withRaw(head, fields) {
  let out = head.slice(0, -1);
  for (const [k, v] of fields) if (v !== undefined) out += `,"${k}":${v}`;
  return `${out}}`;
}

/**
 * @typedef {import('./hsds.js').Row} Row
 * @typedef {{ service: Row, organization?: string, phones: Row[], schedules: Row[], languages: Row[],
 *   costOptions: Row[], attributes: Row[], location?: Row, address?: Row, sal?: Row }} RecordRows
 *   one record's rows; `organization`: its organization's JSON
 */

/**
 * The attributes linked to one entity, in position order. Each names its term by id
 * (`taxonomy_term_id`): the term itself is at /taxonomy_terms/{id}, and the contract lists our
 * terms' ids (hsds-contract.js), so a reader needs no copy of it in every attribute (that copy
 * was half the bytes of an answer).
 * @param {Row[]} attributes @param {unknown} linkId
 */
function attributesOf(attributes, linkId) {
  let out = '';
  for (const a of attributes) {
    if (a.link_id !== linkId) continue;
    // Written out, not built and stringified (a load makes ten of these a record): the ids are
    // UUIDs (nothing in them to escape); the texts as JSON.stringify writes them, as \`enc\` would.
    const value = a.value === null || a.value === undefined ? '' : `,"value":${pgString(String(a.value))}`;
    out += `${out ? ',' : ''}{"id":"${a.id}","link_id":"${a.link_id}","link_type":${pgString(String(a.link_type))},` +
      `"link_entity":${pgString(String(a.link_entity))},"taxonomy_term_id":"${a.taxonomy_term_id}"${value}}`;
  }
  return `[${out}]`;
}

/**
 * One record's documents.
 * @param {RecordRows} r
 * @param {{ lastModified: string | null }} context `lastModified`: the load's time as the answers print it
 * @returns {{ service: Row, location?: Row }} the service_doc row and the location_doc row
 */
export function recordDocs(r, context) {
  // Every number of the record as JavaScript writes it: the fast way throughout.
  const plain = [r.location?.latitude, r.location?.longitude, ...r.phones.map((p) => p.extension), ...r.costOptions.map((c) => c.amount)]
    .every((n) => plainNumber(num(n)));
  /** @type {string | undefined} */
  let locationJson;
  if (r.location) {
    const l = r.location;
    const ad = r.address;
    const complete = ad && ad.address_1 != null && ad.postal_code != null;
    locationJson = withRaw(enc({
      id: text(l.id), location_type: text(l.location_type), organization_id: text(l.organization_id),
      name: text(l.name), latitude: num(l.latitude), longitude: num(l.longitude),
      external_identifier: text(l.external_identifier), external_identifier_type: text(l.external_identifier_type),
      description: ad && !complete
        ? addressToWords({ address_1: text(ad.address_1), address_2: text(ad.address_2), city: text(ad.city), state_province: text(ad.state_province) })
        : undefined,
      addresses: ad && complete
        ? [{
            id: text(ad.id), location_id: text(ad.location_id), address_1: text(ad.address_1), address_2: text(ad.address_2),
            city: text(ad.city), region: text(ad.region), state_province: text(ad.state_province), postal_code: text(ad.postal_code),
            country: text(ad.country), address_type: text(ad.address_type),
          }]
        : [],
    }, plain), [['attributes', attributesOf(r.attributes, l.id)]]);
  }
  const s = r.service;
  const phones = r.phones.map((p) => withRaw(enc({
    id: text(p.id), service_id: text(p.service_id), number: text(p.number), extension: num(p.extension),
    type: text(p.type), description: text(p.description),
  }, plain), [['attributes', attributesOf(r.attributes, p.id)]]));
  const schedules = r.schedules.map((sc) => withRaw(enc({
    id: text(sc.id), service_id: text(sc.service_id), freq: text(sc.freq), byday: text(sc.byday),
    opens_at: text(sc.opens_at), closes_at: text(sc.closes_at), valid_from: text(sc.valid_from), valid_to: text(sc.valid_to),
    description: text(sc.description), attending_type: text(sc.attending_type), notes: text(sc.notes),
  }, plain), [['attributes', attributesOf(r.attributes, sc.id)]]));
  // The service in four parts: its own fields (no closing brace), its organization, the lists
  // that hang from it, and (`tail`) its service_at_locations and the brace. A service nested in
  // its organization's answer leaves the organization out (api.js).
  const head = enc({
    id: text(s.id), organization_id: text(s.organization_id), name: text(s.name), alternate_name: text(s.alternate_name),
    description: text(s.description), url: text(s.url), email: text(s.email), status: text(s.status),
    fees_description: text(s.fees_description), assured_date: text(s.assured_date), last_modified: context.lastModified ?? undefined,
  }, plain).slice(0, -1);
  const org = r.organization === undefined ? '' : `,"organization":${r.organization}`;
  const body = [
    ['phones', `[${phones.join(',')}]`],
    ['schedules', `[${schedules.join(',')}]`],
    ['languages', enc(r.languages.map((lg) => ({ id: text(lg.id), service_id: text(lg.service_id), name: text(lg.name), code: text(lg.code) })), plain)],
    ['cost_options', enc(r.costOptions.map((co) => ({
      id: text(co.id), service_id: text(co.service_id), option: text(co.option), currency: text(co.currency),
      amount: num(co.amount), amount_description: text(co.amount_description),
    })), plain)],
    ['attributes', attributesOf(r.attributes, s.id)],
  ].map(([k, v]) => `,"${k}":${v}`).join('');
  const sal = r.sal && locationJson !== undefined
    ? `[${withRaw(enc({
        id: text(r.sal.id), service_id: text(r.sal.service_id), location_id: text(r.sal.location_id), description: text(r.sal.description),
      }, plain), [['location', locationJson]])}]`
    : '[]';
  return {
    service: { id: s.id, head, org, body, tail: `,"service_at_locations":${sal}}` },
    ...(r.location && locationJson !== undefined ? { location: { id: r.location.id, json: locationJson } } : {}),
  };
}

/**
 * An organization's JSON as a service nests it.
 * @param {Row} o the organization row
 */
export const organizationDoc = (o) =>
  pgJson({ id: text(o.id), name: text(o.name), description: text(o.description), website: text(o.website) });
