// @ts-check
/**
 * Turn recovery-finder's flat records (one resource at one place, see
 * src/core/schema.ts in the main package) into Open Referral HSDS 3.0 table rows:
 * organization, service, location, address, service_at_location, phone, schedule,
 * language, cost_option, taxonomy, taxonomy_term and attribute. The attributes go into the
 * answers' JSON (docs.js) and, for the taxonomy filter, into `service_term`; no answer reads
 * them one by one, so they are not stored as rows.
 *
 * Ids are UUIDs, as HSDS asks, derived from the record id (a name-based UUID, version 5
 * layout over SHA-1), so the same record keeps the same ids across loads and a CDN's
 * cached URLs stay valid. The flat record's own id travels as an attribute
 * (`recovery-finder-field` / `record-id`).
 *
 * What HSDS has no field for (kind, categories, populations, delivery, disposal items,
 * provenance, location precision, event times) travels as attributes linked to taxonomy
 * terms, which is how HSDS 3.0 carries extra facts about an entity.
 */
import { createHash, hash } from 'node:crypto';
import { HSDS_CONTRACT as contract } from './hsds-contract.js';
import { organizationDoc, recordDocs } from './docs.js';

/**
 * The parts of a flat record (src/core/schema.ts in the main package) that the mapping reads.
 * @typedef {{
 *   id: string, kind: string, name: string, alternate_name?: string, description?: string,
 *   url?: string, email?: string, categories: string[], populations?: string[], delivery?: string,
 *   region?: string, languages?: string[],
 *   organization?: { name: string, url?: string },
 *   address?: { address_1?: string, address_2?: string, city: string, state_province: string, postal_code?: string, country?: string },
 *   location?: { latitude: number, longitude: number, precision?: string },
 *   phones?: Array<{ number: string, extension?: string | number, type?: string, description?: string, text_body?: string }>,
 *   cost?: { free?: boolean, description?: string },
 *   provenance?: { source?: string, source_url?: string, source_date?: string, status?: string, note?: string, last_verified?: string },
 *   disposal?: { accepts?: string[], restrictions?: string, accepts_text?: string, not_accepted_text?: string },
 *   event?: { starts_at?: string, ends_at?: string },
 *   translations?: Record<string, Record<string, unknown>>,
 *   worded?: { description?: string, restrictions?: string, note?: string },
 *   eligibility?: string, location_detail?: string,
 *   schedule?: {
 *     time_zone?: string, always_open?: boolean, by_appointment?: boolean, description?: string,
 *     weekly?: Array<{ byday: string[], opens_at: string, closes_at: string }>,
 *     closed?: Array<{ date: string, description?: string }>,
 *     special?: Array<{ date: string, opens_at?: string, closes_at?: string }>,
 *   },
 * }} FlatRecord
 * @typedef {Record<string, unknown>} Row one table row, column name to value
 * @typedef {'organization' | 'service' | 'location' | 'address' | 'service_at_location' | 'phone'
 *   | 'schedule' | 'language' | 'cost_option' | 'attribute' | 'service_term' | 'service_doc' | 'location_doc'} Table
 * @typedef {Record<Table, Row[]>} Rows
 */

/** A fixed prefix so our UUIDs never collide with another system's name-based ones. */
const NAMESPACE = 'recovery-finder:hsds:';

/**
 * A deterministic UUID (version 5 layout) for the given parts.
 * @param {...string} parts
 */
export function uuidFor(...parts) {
  const text = NAMESPACE + parts.join('\u001f');
  // crypto.hash (Node 20.12+): one call, no Hash object; a load makes about 20 of these a record.
  const x = typeof hash === 'function' ? hash('sha1', text, 'hex') : createHash('sha1').update(text).digest('hex');
  // Version 5 in byte 6's high nibble, the RFC 4122 variant (10xx) in byte 8's.
  const variant = ((parseInt(x.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-5${x.slice(13, 16)}-${variant}${x.slice(17, 20)}-${x.slice(20, 32)}`;
}

/** "peer-support" -> "Peer support". */
const label = (/** @type {string} */ slug) => slug.charAt(0).toUpperCase() + slug.slice(1).replace(/-/g, ' ');

/**
 * Our vocabularies as HSDS taxonomies, from the one contract the reader shares
 * (hsds-contract.js). Term codes are the slugs of src/core/schema.ts; a term's UUID is
 * uuidFor('taxonomy_term', taxonomy, code).
 */
export const TAXONOMIES = contract.taxonomies;

/** Taxonomy used for a record field that is a list of slugs. */
const LINK_TAXONOMY = contract.links;

/** The taxonomy of the facts HSDS has no field for (the attribute value holds the fact). */
const FIELD_TAXONOMY = contract.fieldTaxonomy;

/**
 * Term ids kept per taxonomy and code, taxonomy ids per name: every record's attributes ask
 * for the same few dozen.
 * @type {Map<string, Map<string, string>>}
 */
const keptTermIds = new Map();
/** @type {Map<string, string>} */
const keptTaxonomyIds = new Map();
/** A term's UUID. */
export const termId = (/** @type {string} */ taxonomy, /** @type {string} */ code) => {
  let codes = keptTermIds.get(taxonomy);
  if (!codes) keptTermIds.set(taxonomy, (codes = new Map()));
  let id = codes.get(code);
  if (id === undefined) codes.set(code, (id = uuidFor('taxonomy_term', taxonomy, code)));
  return id;
};
/** A taxonomy's UUID. */
export const taxonomyId = (/** @type {string} */ taxonomy) => {
  let id = keptTaxonomyIds.get(taxonomy);
  if (id === undefined) keptTaxonomyIds.set(taxonomy, (id = uuidFor('taxonomy', taxonomy)));
  return id;
};

/** The taxonomy and taxonomy_term rows (the same for every load). */
export function taxonomyRows() {
  const taxonomy = [];
  const taxonomy_term = [];
  for (const [name, t] of Object.entries(TAXONOMIES)) {
    taxonomy.push({ id: taxonomyId(name), name, description: t.description, uri: null, version: '1.0' });
    for (const code of t.terms) {
      taxonomy_term.push({
        id: termId(name, code),
        code,
        name: label(code),
        description: `${label(code)} (${name})`,
        parent_id: null,
        taxonomy: name,
        taxonomy_id: taxonomyId(name),
        language: 'en',
      });
    }
  }
  return { taxonomy, taxonomy_term };
}

const DAY_ORDER = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** @type {Intl.DisplayNames | undefined} */
let languageNames;
/** @param {string} code */
function languageName(code) {
  languageNames ??= new Intl.DisplayNames(['en'], { type: 'language' });
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * An empty set of table rows, one array per HSDS table (plus `search` for the search
 * columns of each service, filled in by the database).
 * @returns {Rows}
 */
export function emptyRows() {
  return {
    organization: [],
    service: [],
    location: [],
    address: [],
    service_at_location: [],
    phone: [],
    schedule: [],
    language: [],
    cost_option: [],
    attribute: [],
    service_term: [],
    service_doc: [],
    location_doc: [],
  };
}

/**
 * Add one flat record's rows to `rows`, with its answers' JSON (docs.js). `organizations`
 * dedupes organizations by name across a load (name key -> the organization's JSON);
 * `context` carries the dataset's date and that date as the answers print it.
 * @param {Rows} rows
 * @param {FlatRecord} record
 * @param {Map<string, string>} organizations
 * @param {{ generatedAt: string, lastModified: string | null }} context
 */
export function addRecord(rows, record, organizations, context) {
  const r = record;
  /** @type {Partial<Record<Table, number>>} where this record's rows of each table begin */
  const start = {};
  for (const table of /** @type {Table[]} */ (Object.keys(rows))) start[table] = rows[table].length;
  /** @type {(table: Table) => Row[]} this record's rows of a table */
  const mine = (table) => rows[table].slice(start[table]);
  const serviceId = uuidFor('service', r.id);
  let order = 0;
  /** @type {(linkEntity: string, linkId: string, taxonomy: string, code: string, value?: string | null) => void} */
  const attr = (linkEntity, linkId, taxonomy, code, value = null) => {
    rows.attribute.push({
      id: uuidFor('attribute', r.id, String(order)),
      position: order++,
      link_id: linkId,
      link_entity: linkEntity,
      link_type: taxonomy,
      taxonomy_term_id: termId(taxonomy, code),
      value,
    });
  };
  /** @type {(code: string, value: unknown, entity?: string, id?: string) => void} */
  const field = (code, value, entity = 'service', id = serviceId) => {
    if (value !== undefined && value !== null && value !== '') attr(entity, id, FIELD_TAXONOMY, code, String(value));
  };

  let organizationId = null;
  /** @type {string | undefined} */
  let organizationJson;
  if (r.organization) {
    const key = r.organization.name.trim().toLowerCase();
    organizationId = uuidFor('organization', key);
    organizationJson = organizations.get(key);
    if (organizationJson === undefined) {
      const row = {
        id: organizationId,
        name: r.organization.name,
        // HSDS requires a description; the flat records carry none, so it stays empty.
        description: '',
        website: r.organization.url ?? null,
      };
      rows.organization.push(row);
      organizations.set(key, (organizationJson = organizationDoc(row)));
    }
  }

  const city = r.address?.city ?? '';
  rows.service.push({
    id: serviceId,
    record_id: r.id,
    organization_id: organizationId,
    name: r.name,
    alternate_name: r.alternate_name ?? null,
    description: r.description ?? null,
    url: r.url ?? null,
    email: r.email ?? null,
    status: 'active',
    fees_description: r.cost?.description ?? null,
    assured_date: r.provenance?.last_verified ?? null,
    last_modified: context.generatedAt,
    // What the search columns are made of (the database builds tsvector and trigram columns).
    search_name: [r.name, r.alternate_name].filter(Boolean).join(' '),
    search_tags: [...r.categories.map(label), r.organization?.name ?? ''].join(' '),
    search_body: [r.description ?? '', city, r.region ?? ''].join(' '),
  });

  attr('service', serviceId, LINK_TAXONOMY.kind, r.kind);
  for (const c of r.categories) attr('service', serviceId, LINK_TAXONOMY.category, c);
  for (const p of r.populations ?? []) attr('service', serviceId, LINK_TAXONOMY.population, p);
  for (const d of r.disposal?.accepts ?? []) attr('service', serviceId, LINK_TAXONOMY.disposal_item, d);
  if (r.delivery) attr('service', serviceId, LINK_TAXONOMY.delivery, r.delivery);
  field('record-id', r.id);
  field('provenance-source', r.provenance?.source);
  field('provenance-source-url', r.provenance?.source_url);
  field('provenance-source-date', r.provenance?.source_date);
  field('provenance-status', r.provenance?.status);
  field('provenance-note', r.provenance?.note);
  field('disposal-restrictions', r.disposal?.restrictions);
  // The record's texts in other languages (JSON, keyed by BCP 47 tag) and the codes of the
  // library's own wording: the HSDS fields above are in English (Content-Language: en).
  if (r.translations) field('translations', JSON.stringify(r.translations));
  field('worded-description', r.worded?.description);
  field('worded-restrictions', r.worded?.restrictions);
  field('worded-note', r.worded?.note);
  // A source's own words that the library labels ("Where:"): the English columns above also
  // carry them, labelled, for readers that know no attributes.
  field('eligibility', r.eligibility);
  field('location-detail', r.location_detail);
  field('accepts-text', r.disposal?.accepts_text);
  field('not-accepted-text', r.disposal?.not_accepted_text);
  field('event-starts-at', r.event?.starts_at);
  field('event-ends-at', r.event?.ends_at);
  if (r.cost) field('cost-free', r.cost.free ? 'true' : 'false');

  if (r.cost?.free) {
    rows.cost_option.push({
      id: uuidFor('cost_option', r.id),
      service_id: serviceId,
      option: 'Free',
      currency: 'USD',
      amount: 0,
      amount_description: r.cost.description ?? null,
    });
  }

  (r.phones ?? []).forEach((p, i) => {
    const phoneId = uuidFor('phone', r.id, String(i));
    rows.phone.push({
      id: phoneId,
      service_id: serviceId,
      position: i,
      number: p.number,
      extension: p.extension === undefined ? null : Number(p.extension),
      type: p.type ?? 'voice',
      description: p.description ?? null,
    });
    field('phone-text-body', p.text_body, 'phone', phoneId);
  });

  (r.languages ?? []).forEach((code, i) => {
    rows.language.push({
      id: uuidFor('language', r.id, code),
      service_id: serviceId,
      position: i,
      name: languageName(code),
      code,
    });
  });

  const s = r.schedule;
  if (s) {
    let i = 0;
    /** @param {Row} row */
    const push = (row) => {
      const id = uuidFor('schedule', r.id, String(i));
      rows.schedule.push({
        id,
        service_id: serviceId,
        position: i++,
        freq: null,
        byday: null,
        opens_at: null,
        closes_at: null,
        valid_from: null,
        valid_to: null,
        description: null,
        attending_type: null,
        notes: null,
        ...row,
      });
      if (s.time_zone) field('schedule-time-zone', s.time_zone, 'schedule', id);
    };
    if (s.always_open) push({ freq: 'WEEKLY', byday: DAY_ORDER.join(','), opens_at: '00:00', closes_at: '00:00', description: 'Open 24 hours a day, 7 days a week.' });
    for (const w of s.weekly ?? []) push({ freq: 'WEEKLY', byday: w.byday.join(','), opens_at: w.opens_at, closes_at: w.closes_at });
    if (s.by_appointment) push({ attending_type: 'by appointment', description: 'By appointment.' });
    for (const c of s.closed ?? []) push({ valid_from: c.date, valid_to: c.date, description: 'Closed.', notes: c.description ?? null });
    for (const x of s.special ?? []) push({ valid_from: x.date, valid_to: x.date, opens_at: x.opens_at, closes_at: x.closes_at, description: 'Special hours.' });
    if (s.description) push({ description: s.description });
  }

  if (r.address || r.location) {
    const locationId = uuidFor('location', r.id);
    rows.location.push({
      id: locationId,
      location_type: 'physical',
      organization_id: organizationId,
      name: r.name,
      latitude: r.location?.latitude ?? null,
      longitude: r.location?.longitude ?? null,
      external_identifier: r.id,
      external_identifier_type: contract.recordIdType,
    });
    field('location-precision', r.location?.precision, 'location', locationId);
    if (r.address) {
      rows.address.push({
        id: uuidFor('address', r.id),
        location_id: locationId,
        address_1: r.address.address_1 ?? null,
        address_2: r.address.address_2 ?? null,
        city: r.address.city,
        region: r.region ?? null,
        state_province: r.address.state_province,
        postal_code: r.address.postal_code ?? null,
        country: r.address.country ?? 'US',
        address_type: 'physical',
      });
    }
    rows.service_at_location.push({
      id: uuidFor('service_at_location', r.id),
      service_id: serviceId,
      location_id: locationId,
      description: null,
      // Not HSDS fields: the service's name, so lists are read in name order from an index; the
      // place's coordinates, so a distance is read from this table alone (no join per place).
      sort_name: r.name,
      latitude: r.location?.latitude ?? null,
      longitude: r.location?.longitude ?? null,
    });
  }

  const docs = recordDocs({
    service: /** @type {Row} */ (mine('service')[0]),
    organization: organizationJson,
    phones: mine('phone'),
    schedules: mine('schedule'),
    languages: mine('language'),
    costOptions: mine('cost_option'),
    attributes: mine('attribute'),
    location: mine('location')[0],
    address: mine('address')[0],
    sal: mine('service_at_location')[0],
  }, context);
  rows.service_doc.push(docs.service);
  if (docs.location) rows.location_doc.push(docs.location);
  // The taxonomy filter's rows: one per term of the service's linking taxonomies (not the
  // fields), with the service's name, the order lists are read in.
  const terms = new Set();
  for (const a of mine('attribute')) {
    if (a.link_entity !== 'service' || a.link_type === FIELD_TAXONOMY || terms.has(a.taxonomy_term_id)) continue;
    terms.add(a.taxonomy_term_id);
    rows.service_term.push({ term_id: a.taxonomy_term_id, name: r.name, service_id: serviceId });
  }
}
