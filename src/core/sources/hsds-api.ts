/**
 * An Open Referral HSDS 3.0 API as a data source (paths, fields and parameters from the HSDS
 * 3.0 OpenAPI document, ../shared/data-sources/hsds-3.0/). Unlike a file, an API is asked per
 * search: a source here is one question (words, categories, a ZIP and a distance, how many
 * pages), its `key` is that question, and a new question is a new source. Pages already
 * fetched for the same question are kept, so "Show more" fetches only the next page.
 *
 *  - `GET /services?search=&full=true&page=&per_page=[&taxonomy_term_id=]` without a ZIP;
 *  - `GET /service_at_locations?postcode=&proximity=&…` near a ZIP (nearest first);
 *  - one request a taxonomy term (HSDS 3.0 takes one `taxonomy_term_id`), the answers merged;
 *  - `GET /services/{id}` for a list item that carries its one-to-one fields only, a few at a time;
 *  - `GET /organizations/{id}` for a service that carries only its `organization_id`.
 * Pages follow what the API says (`last_page`, `total_pages`), not the page size asked for.
 *
 * HSDS services (with their locations, addresses, phones, schedules, languages and cost
 * options) become the same flat records a JSON file holds, checked by the same validator.
 * The facts HSDS has no field for are read from the `recovery-finder-*` attributes when the
 * directory has them (the reference server, packages/server; names from the one contract,
 * packages/server/src/hsds-contract.js). Another directory's taxonomy terms are read by their
 * 211/AIRS or SAMHSA code or their name (hsds-terms.ts), or by an editor's map; a service with
 * none we know is kept under "other". Ordinary ways of writing a web address, an e-mail or a
 * phone number are read (hsds-values.ts); a value still not valid costs its record that value.
 *
 * Privacy: the only place ever sent is a ZIP code. There is no parameter for coordinates.
 *
 * DOM-free apart from `fetch`.
 */
import * as v from 'valibot';
import { CATEGORIES, DAYS, PhoneSchema, ResourceSchema, SCHEMA_VERSION, isTimeZone, type Category, type Day } from '../schema.js';
import { HSDS_CONTRACT as contract, addressFromWords } from '../../../packages/server/src/hsds-contract.js';
import { categoryOfTerm, disposalItemsOfTerm } from './hsds-terms.js';
import { emailAddress, phoneNumber, webAddress } from './hsds-values.js';
import { DEFAULT_HELP_CONTACTS } from '../help-defaults.js';
import { ownTexts } from '../worded.js';
import { DatasetLoadError, LOAD_BUDGET_MS, datasetFrom, datasetFromSliced, fetchJson, loadTiming, type FetchOptions, type LoadedDataset, type OnPartial } from '../load.js';
import { runInSlices, runWhole, type SliceOptions } from '../slices.js';
import type { JsonRecords } from '../json-slices.js';
import type { DataSource } from './types.js';
import { isZip } from '../zip.js';
import { DataCache } from '../cache.js';
import { baseOf, hsdsPageUrl, questionKey, type HsdsQuery } from './hsds-query.js';

export { hsdsPageUrl, questionKey, HSDS_PROXIMITY_MAX, type HsdsQuery } from './hsds-query.js';

/** A directory's taxonomy term ids, each with the categories of ours it means. */
export type TaxonomyMap = Record<string, Category | Category[]>;

export interface HsdsApiOptions extends Omit<FetchOptions, 'signal'> {
  /**
   * Taxonomy term id → our categories, or the URL of a JSON file holding that object. Without
   * it the directory's `recovery-finder-category` terms are used.
   */
  taxonomy?: TaxonomyMap | string | undefined;
  /** IANA time zone of the directory's hours, when its schedules do not say (default: the browser's). */
  timeZone?: string | undefined;
}

/** What a source found besides its records: the API's count of everything that matched. */
export interface HsdsPageInfo {
  /** `total_items` of the API's answer (every match, not only those fetched). */
  totalItems: number;
  /** Results fetched so far (services, or services at locations). */
  fetched: number;
}

/**
 * How the mapping of a directory's answers is cut into slices (tests set a step budget and
 * count the pauses; default: every 12 ms of work (SLICE_MS), a turn for the page).
 */
export const hsdsSlicing: Pick<SliceOptions, 'budget' | 'pause'> = {};

/** The HSDS source also tells how many results the API has in all. */
export interface HsdsDataSource extends DataSource {
  readonly key: string;
  /** Set once `load` has answered. */
  info?: HsdsPageInfo | undefined;
}


// The taxonomy names and field codes the reference server writes (one contract, shared with
// packages/server/src/hsds.js).
const CATEGORY_TAXONOMY = contract.links.category;
const FIELD_TAXONOMY = contract.fieldTaxonomy;
const OWN_TAXONOMIES = new Set(Object.keys(contract.taxonomies));
const isCategory = (c: string): c is Category => (CATEGORIES as readonly string[]).includes(c);

// ---------------------------------------------------------------------------------------------
// Reading unknown JSON without `any`
// ---------------------------------------------------------------------------------------------

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const arr = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj).filter((x): x is Json => x !== undefined) : []);
const textOf = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const numOf = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() && Number.isFinite(Number(v)) ? Number(v) : undefined);


// ---------------------------------------------------------------------------------------------
// Attributes: the reference server's `recovery-finder-*` facts, and taxonomy terms
// ---------------------------------------------------------------------------------------------

interface Attr {
  taxonomy: string;
  code: string;
  name: string | undefined;
  termId: string;
  value: string | undefined;
}

/** The reference server's terms by id: [taxonomy, code] (the contract lists each term's id). */
const OWN_TERMS = new Map<string, readonly [string, string]>(
  Object.entries(contract.taxonomies).flatMap(([taxonomy, t]) => t.ids.map((id, i) => [id, [taxonomy, t.terms[i] ?? '']] as const)),
);

/**
 * An entity's attributes with their terms: the term nested in the attribute when the directory
 * nests it, else one of the reference server's own terms by its id (its attributes name the term
 * by id only).
 */
function attributesOf(entity: Json | undefined): Attr[] {
  return arr(entity?.['attributes']).map((a) => {
    const term = obj(a['taxonomy_term']);
    const termId = textOf(a['taxonomy_term_id']) ?? textOf(term?.['id']) ?? '';
    const own = term ? undefined : OWN_TERMS.get(termId);
    return {
      taxonomy: textOf(term?.['taxonomy']) ?? own?.[0] ?? textOf(a['link_type']) ?? '',
      code: textOf(term?.['code']) ?? own?.[1] ?? '',
      name: textOf(term?.['name']),
      termId,
      value: textOf(a['value']),
    };
  });
}

const codes = (attrs: Attr[], taxonomy: string) => attrs.filter((a) => a.taxonomy === taxonomy && a.code).map((a) => a.code);
const fieldOf = (attrs: Attr[], code: string) => attrs.find((a) => a.taxonomy === FIELD_TAXONOMY && a.code === code)?.value;

/**
 * Our categories for a service's terms: the editor's map, the reference server's own category
 * terms, else (another directory's taxonomy) each term by its code or its name (hsds-terms.ts).
 * A service with none of these is kept under "other", never dropped.
 */
function categoriesOf(attrs: Attr[], taxonomy: TaxonomyMap | undefined, terms: ReadonlyMap<string, Category> | undefined): Category[] {
  const out = new Set<Category>();
  if (taxonomy) {
    for (const a of attrs) {
      const mapped = taxonomy[a.termId];
      for (const c of mapped === undefined ? [] : Array.isArray(mapped) ? mapped : [mapped]) out.add(c);
    }
  }
  for (const c of codes(attrs, CATEGORY_TAXONOMY)) if (isCategory(c)) out.add(c);
  if (!out.size) {
    for (const a of attrs) {
      if (OWN_TAXONOMIES.has(a.taxonomy)) continue;
      const c = terms?.get(a.termId) ?? categoryOfTerm({ code: a.code, name: a.name });
      if (c) out.add(c);
    }
  }
  return out.size ? [...out] : ['other'];
}

// ---------------------------------------------------------------------------------------------
// HSDS → flat records
// ---------------------------------------------------------------------------------------------

function phonesOf(service: Json): Json[] {
  return arr(service['phones']).map((p) => {
    const ext = numOf(p['extension']);
    const type = textOf(p['type']);
    return {
      number: phoneNumber(textOf(p['number'])),
      ...(ext !== undefined ? { extension: String(ext) } : {}),
      ...(type ? { type } : {}),
      ...(textOf(p['description']) ? { description: textOf(p['description']) } : {}),
      ...(fieldOf(attributesOf(p), 'phone-text-body') ? { text_body: fieldOf(attributesOf(p), 'phone-text-body') } : {}),
    };
  });
}

const DAY_SET = new Set<string>(DAYS);
const clock = (t: unknown) => textOf(t)?.slice(0, 5);

function scheduleOf(service: Json, fallbackZone: { zone?: string | undefined }): Json | undefined {
  const rows = arr(service['schedules']);
  if (!rows.length) return undefined;
  const s: Json = {};
  const weekly: Json[] = [];
  const closed: Json[] = [];
  const special: Json[] = [];
  const words: string[] = [];
  for (const row of rows) {
    // Our attribute, or HSDS's own `timezone` when a directory writes an IANA name there (the
    // specification's is a UTC offset, which says nothing of summer time: not used). A zone the
    // browser does not know is left out: the hours of this service alone lose it.
    const zone = fieldOf(attributesOf(row), 'schedule-time-zone') ?? textOf(row['timezone']);
    if (zone && isTimeZone(zone)) {
      s['time_zone'] = zone;
      fallbackZone.zone ??= zone;
    }
    const description = textOf(row['description']);
    const byday = (textOf(row['byday']) ?? '').split(',').map((d) => d.trim().toUpperCase()).filter((d): d is Day => DAY_SET.has(d));
    const opens = clock(row['opens_at']);
    const closes = clock(row['closes_at']);
    const from = textOf(row['valid_from']);
    const to = textOf(row['valid_to']);
    if (byday.length === 7 && opens === '00:00' && closes === '00:00') s['always_open'] = true;
    else if (byday.length && opens && closes) weekly.push({ byday, opens_at: opens, closes_at: closes });
    else if (from && from === to && description === 'Closed.') closed.push({ date: from, ...(textOf(row['notes']) ? { description: textOf(row['notes']) } : {}) });
    else if (from && from === to && opens && closes) special.push({ date: from, opens_at: opens, closes_at: closes });
    else if (textOf(row['attending_type']) === 'by appointment') s['by_appointment'] = true;
    else if (description) words.push(description);
  }
  if (weekly.length) s['weekly'] = weekly;
  if (closed.length) s['closed'] = closed;
  if (special.length) s['special'] = special;
  if (words.length) s['description'] = words.join(' ').slice(0, 500);
  return Object.keys(s).length ? s : undefined;
}

function addressOf(location: Json | undefined, ours: boolean): Json | undefined {
  const a = arr(location?.['addresses']).find((x) => textOf(x['address_type']) !== 'postal') ?? arr(location?.['addresses'])[0];
  // The reference server's address with no street or no ZIP code, worded in the location's
  // description (the contract's `addressInWords`); another directory's description is words about the place.
  if (!a) return ours ? addressFromWords(textOf(location?.['description'])) : undefined;
  const out: Json = { city: textOf(a['city']), state_province: textOf(a['state_province']) };
  for (const k of ['address_1', 'address_2', 'postal_code'] as const) if (textOf(a[k])) out[k] = textOf(a[k]);
  return out;
}

/** A JSON attribute value, or undefined when there is none or it is not JSON. */
function jsonOf(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/** One flat record for a service at one location (or at none: an online service or a line). */
function recordOf(service: Json, location: Json | undefined, suffix: string, options: MappingOptions, zone: { zone?: string | undefined }): Json {
  const attrs = attributesOf(service);
  const ours = textOf(location?.['external_identifier_type']) === contract.recordIdType ? textOf(location?.['external_identifier']) : undefined;
  const own = fieldOf(attrs, 'record-id') ?? ours;
  // Another directory's service at a place: its service id and the place's (services share places).
  const recordId = own ? `${own}${suffix}` : idOf(`hsds-${textOf(service['id']) ?? 'x'}${textOf(location?.['id']) ? `:${textOf(location?.['id'])}` : suffix}`);
  const organization = obj(service['organization']);
  const lat = numOf(location?.['latitude']);
  const lon = numOf(location?.['longitude']);
  const locAttrs = attributesOf(location);
  const free = fieldOf(attrs, 'cost-free') ?? (arr(service['cost_options']).some((c) => numOf(c['amount']) === 0) ? 'true' : undefined);
  const region = textOf(arr(location?.['addresses'])[0]?.['region']);
  const categories = categoriesOf(attrs, options.taxonomy, options.terms);
  const kind = codes(attrs, contract.links.kind)[0];
  const populations = codes(attrs, contract.links.population);
  const accepts = codes(attrs, contract.links.disposal_item);
  // Another directory's take-back place: what its terms' names say it takes (never assumed).
  if (!accepts.length && !kind) {
    const said = new Set(attrs.filter((a) => !OWN_TAXONOMIES.has(a.taxonomy)).flatMap((a) => disposalItemsOfTerm({ name: a.name })));
    accepts.push(...said);
  }
  const languages = arr(service['languages']).map((l) => textOf(l['code'])).filter((c): c is string => c !== undefined);
  const startsAt = fieldOf(attrs, 'event-starts-at');
  const endsAt = fieldOf(attrs, 'event-ends-at');
  const provenanceSource = fieldOf(attrs, 'provenance-source');
  // A source's own words the library labels; the English columns carry them too, labelled (ownTexts takes those off).
  const labelledTexts = {
    eligibility: fieldOf(attrs, 'eligibility'),
    location_detail: fieldOf(attrs, 'location-detail'),
    disposal: { accepts_text: fieldOf(attrs, 'accepts-text'), not_accepted_text: fieldOf(attrs, 'not-accepted-text') },
  };
  const worded = (['description', 'restrictions', 'note'] as const).flatMap((f) => {
    const code = fieldOf(attrs, `worded-${f}`);
    return code ? [[f, code] as const] : [];
  });
  const ownText = ownTexts(labelledTexts, { description: textOf(service['description']), restrictions: fieldOf(attrs, 'disposal-restrictions') });
  const record: Json = {
    id: recordId.toLowerCase(),
    kind: kind ?? 'service',
    name: textOf(service['name']),
    categories,
    phones: phonesOf(service),
    provenance: {
      // The directory is the source when it does not name another.
      source: provenanceSource ?? textOf(organization?.['name']) ?? 'HSDS directory',
      status: fieldOf(attrs, 'provenance-status') ?? (textOf(service['assured_date']) ? 'verified' : 'unverified'),
      ...(fieldOf(attrs, 'provenance-source-url') ? { source_url: fieldOf(attrs, 'provenance-source-url') } : {}),
      ...(fieldOf(attrs, 'provenance-source-date') ? { source_date: fieldOf(attrs, 'provenance-source-date') } : {}),
      ...(fieldOf(attrs, 'provenance-note') ? { note: fieldOf(attrs, 'provenance-note') } : {}),
      ...(textOf(service['assured_date']) ? { last_verified: textOf(service['assured_date'])?.slice(0, 10) } : {}),
    },
  };
  const optional: Json = {
    alternate_name: textOf(service['alternate_name']),
    description: ownText.description,
    eligibility: labelledTexts.eligibility,
    location_detail: labelledTexts.location_detail,
    url: webAddress(textOf(service['url'])),
    email: emailAddress(textOf(service['email'])),
    organization: textOf(organization?.['name'])
      ? { name: textOf(organization?.['name']), ...(textOf(organization?.['website']) ? { url: webAddress(textOf(organization?.['website'])) } : {}) }
      : undefined,
    address: addressOf(location, ours !== undefined),
    location: lat !== undefined && lon !== undefined
      ? { latitude: lat, longitude: lon, precision: fieldOf(locAttrs, 'location-precision') ?? 'source-geocoded' }
      : undefined,
    region,
    schedule: scheduleOf(service, zone),
    languages: languages.length ? languages : undefined,
    populations: populations.length ? populations : undefined,
    cost: free !== undefined ? { free: free === 'true', ...(textOf(service['fees_description']) ? { description: textOf(service['fees_description']) } : {}) } : undefined,
    delivery: codes(attrs, contract.links.delivery)[0],
    disposal: accepts.length
      ? {
          accepts,
          ...(ownText.restrictions ? { restrictions: ownText.restrictions } : {}),
          ...(labelledTexts.disposal.accepts_text ? { accepts_text: labelledTexts.disposal.accepts_text } : {}),
          ...(labelledTexts.disposal.not_accepted_text ? { not_accepted_text: labelledTexts.disposal.not_accepted_text } : {}),
        }
      : undefined,
    event: startsAt ? { starts_at: startsAt, ...(endsAt ? { ends_at: endsAt } : {}) } : undefined,
    // Other languages and the library's wording codes (see packages/server/src/hsds.js); the
    // validator then keeps each good translation and leaves a bad one out.
    translations: jsonOf(fieldOf(attrs, 'translations')),
    worded: worded.length ? Object.fromEntries(worded) : undefined,
  };
  for (const [k, value] of Object.entries(optional)) if (value !== undefined) record[k] = value;
  return withValidParts(record);
}

/** A record id from another directory's ids: lower case, and only the characters ids may hold. */
const idOf = (raw: string) => raw.toLowerCase().replace(/[^a-z0-9._:-]+/g, '-').slice(0, 128);

const RESOURCE_FIELDS: Record<string, v.GenericSchema> = ResourceSchema.entries;
/** What a record cannot be without: a bad one here is the record's own fault (the validator names it). */
const REQUIRED_FIELDS = new Set(['id', 'kind', 'name', 'categories']);

/**
 * The record without the values the validator would refuse, each alone: a bad web address, a
 * phone number no one can dial, an unknown time zone costs that value, not the service (nor, for
 * an organization's website, every service of the organization). What is left out is what the
 * validator would have named.
 */
function withValidParts(record: Json): Json {
  const phones = arr(record['phones']).filter((p) => v.is(PhoneSchema, p));
  if (phones.length) record['phones'] = phones;
  else delete record['phones'];
  const repairs: Record<string, (value: Json) => Json> = {
    organization: (o) => ({ name: o['name'] }),
    schedule: ({ time_zone: _zone, ...rest }) => rest,
    provenance: (p) => ({ source: p['source'], status: p['status'] }),
  };
  for (const [key, value] of Object.entries(record)) {
    const schema = RESOURCE_FIELDS[key];
    if (REQUIRED_FIELDS.has(key) || !schema || v.is(schema, value)) continue;
    const repair = repairs[key];
    const repaired = repair && obj(value) ? repair(obj(value) as Json) : undefined;
    if (repaired !== undefined && v.is(schema, repaired)) record[key] = repaired;
    else if (key !== 'provenance') delete record[key];
  }
  return record;
}

/** Flat records from one HSDS service (one per location it is offered at). */
/** How records are made: the mapping is already read. */
export interface MappingOptions {
  taxonomy?: TaxonomyMap | undefined;
  timeZone?: string | undefined;
  /** Another directory's terms by id, as our categories (by code or name), when they were asked for. */
  terms?: ReadonlyMap<string, Category> | undefined;
}

export function recordsFromService(service: Json, options: MappingOptions = {}, zone: { zone?: string | undefined } = {}): Json[] {
  const places = arr(service['service_at_locations']).map((sal) => obj(sal['location']));
  if (!places.length) return [recordOf(service, undefined, '', options, zone)];
  return places.map((location, i) => recordOf(service, location, places.length > 1 ? `-${i + 1}` : '', options, zone));
}

/** Flat records from one HSDS service_at_location (its service at its location). */
export function recordsFromServiceAtLocation(sal: Json, options: MappingOptions = {}, zone: { zone?: string | undefined } = {}): Json[] {
  const service = obj(sal['service']);
  if (!service) return [];
  const location = obj(sal['location']);
  // The service's other places are left out: the answer is about this place.
  return [recordOf(service, location, '', options, zone)];
}

type HsdsItem = { kind: 'services' | 'service_at_locations'; item: Json };

/**
 * The items of an answer, read one at a time: parsed JSON, or the services of a large page
 * kept as text and parsed as they are read (a `JsonRecords`, json-slices.ts), so a page of
 * 100,000 is never all held as objects (each such object would survive, and be copied by,
 * V8's young-generation collections: pauses of 40 to 110 ms).
 */
interface Items {
  readonly length: number;
  at(index: number): Json | undefined;
}

/** Several lists read as one, in order, with some items replaced (by index in the whole). */
class JoinedItems implements Items {
  readonly length: number;
  constructor(
    private readonly lists: readonly Items[],
    private readonly replaced?: ReadonlyMap<number, Json>,
  ) {
    this.length = lists.reduce((n, list) => n + list.length, 0);
  }

  at(index: number): Json | undefined {
    const replaced = this.replaced?.get(index);
    if (replaced) return replaced;
    let i = index;
    for (const list of this.lists) {
      if (i < list.length) return list.at(i);
      i -= list.length;
    }
    return undefined;
  }
}

/** The items of `list` as HSDS items of `kind`, each read when it is reached. */
function* itemsOf(list: Items, kind: HsdsItem['kind']): Generator<HsdsItem> {
  for (let i = 0; i < list.length; i++) {
    const item = list.at(i);
    if (item) yield { kind, item };
  }
}

/** Look at each item of `list` (an item a step, so a page of 100,000 is read in slices). */
function* eachItem(list: Items, look: (item: Json, index: number) => void): Generator<void> {
  for (let i = 0; i < list.length; i++) {
    const item = list.at(i);
    if (item) look(item, i);
    yield;
  }
}

/** A whole dataset document from HSDS answers, ready for the validator. */
export function datasetFromHsds(items: HsdsItem[], options: MappingOptions = {}, title = 'HSDS directory'): Json {
  return runWhole(hsdsDatasetSteps(items, options, title));
}

/**
 * {@link datasetFromHsds} in steps, one answer (service, or service at a location) a step, so a
 * page of 100,000 services is mapped in slices (core/slices.ts), never in one long task.
 */
export function* hsdsDatasetSteps(items: Iterable<HsdsItem>, options: MappingOptions = {}, title = 'HSDS directory'): Generator<void, Json> {
  const zone: { zone?: string | undefined } = {};
  const seen = new Set<string>();
  const resources: Json[] = [];
  for (const { kind, item } of items) {
    for (const r of kind === 'services' ? recordsFromService(item, options, zone) : recordsFromServiceAtLocation(item, options, zone)) {
      // Two answers can carry the same service at the same place (pages shift): keep the first.
      const id = String(r['id']);
      if (seen.has(id)) continue;
      seen.add(id);
      resources.push(r);
    }
    yield;
  }
  return {
    schema_version: SCHEMA_VERSION,
    generated_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    title,
    time_zone: options.timeZone ?? zone.zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
    sources: [],
    // HSDS has no help contacts: the built-in ones (an element's `helpContacts` wins).
    help: { contacts: [...DEFAULT_HELP_CONTACTS] },
    resources,
  };
}

// ---------------------------------------------------------------------------------------------
// Asking the API
// ---------------------------------------------------------------------------------------------

/** A directory's taxonomy terms as our categories. */
interface DirectoryTerms {
  /** The terms are the reference server's own (`recovery-finder-category`), read by their codes. */
  own: boolean;
  /** Term id → our category. */
  terms: Map<string, Category>;
}

/** The most directories (APIs) whose terms, or taxonomy files, are kept. */
const DIRECTORIES_KEPT = 20;
/** Terms asked once per API. */
const termCache = new DataCache<Promise<DirectoryTerms>>(DIRECTORIES_KEPT);
/** The most pages of another directory's terms read (100 a page). */
const TERM_PAGES = 10;

/**
 * The directory's terms as our categories: the reference server's own category taxonomy when it
 * has one; else every term of its taxonomies, read by its code or its name (hsds-terms.ts).
 */
async function directoryTerms(base: string, options: FetchOptions): Promise<DirectoryTerms> {
  // A failure is not kept: the next search asks again.
  return termCache.remember(base, async () => {
    const out = new Map<string, Category>();
    const taxonomies = obj(await fetchJson(`${base}taxonomies?search=${CATEGORY_TAXONOMY}&per_page=100`, options));
    const taxonomy = arr(taxonomies?.['contents']).find((t) => textOf(t['name']) === CATEGORY_TAXONOMY);
    const id = textOf(taxonomy?.['id']);
    if (id) {
      const terms = obj(await fetchJson(`${base}taxonomy_terms?taxonomy_id=${encodeURIComponent(id)}&per_page=100`, options));
      for (const t of arr(terms?.['contents'])) {
        const code = textOf(t['code']);
        const termId = textOf(t['id']);
        if (code && termId && isCategory(code)) out.set(termId, code);
      }
      return { own: true, terms: out };
    }
    for (let page = 1; page <= TERM_PAGES; page++) {
      const url = `${base}taxonomy_terms?per_page=100&page=${page}`;
      const answer = pageOf(await fetchJson(url, options), url, page);
      for (const { item: t } of itemsOf(answer.items, 'services')) {
        const termId = textOf(t['id']);
        const category = categoryOfTerm({ code: textOf(t['code']), name: textOf(t['name']) });
        if (termId && category) out.set(termId, category);
      }
      if (!answer.next) break;
    }
    return { own: false, terms: out };
  });
}

/** The most terms asked for in one question (each is a request a page). */
const TERMS_MAX = 20;

/**
 * The `taxonomy_term_id`s for our categories (the mapped terms, else the directory's own), and the
 * directory's terms when they were read (another directory's, to read its services' terms by).
 */
async function termIdsFor(
  categories: readonly Category[],
  base: string,
  taxonomy: TaxonomyMap | undefined,
  fetchOptions: FetchOptions,
): Promise<{ ids: string[]; terms?: ReadonlyMap<string, Category> | undefined }> {
  if (!categories.length) return { ids: [] };
  const wanted = new Set<string>(categories);
  if (taxonomy) {
    const ids = Object.entries(taxonomy).filter(([, c]) => (Array.isArray(c) ? c : [c]).some((x) => wanted.has(x))).map(([id]) => id);
    return { ids: ids.slice(0, TERMS_MAX) };
  }
  const found = await directoryTerms(base, fetchOptions);
  const ids = [...found.terms].filter(([, c]) => wanted.has(c)).map(([id]) => id);
  return { ids: ids.slice(0, TERMS_MAX), terms: found.own ? undefined : found.terms };
}

const taxonomyFiles = new DataCache<Promise<TaxonomyMap>>(DIRECTORIES_KEPT);

/** An editor's mapping file: `{ "term id": "category" | ["category", …] }`; unknown categories are left out. */
async function taxonomyFrom(setting: TaxonomyMap | string | undefined, options: FetchOptions): Promise<TaxonomyMap | undefined> {
  if (typeof setting !== 'string') return setting;
  const url = new URL(setting, globalThis.location?.href ?? 'http://localhost/').href;
  return taxonomyFiles.remember(url, () =>
    fetchJson(url, options).then((json) => {
      const out: TaxonomyMap = {};
      for (const [id, value] of Object.entries(obj(json) ?? {})) {
        const cs = (Array.isArray(value) ? value : [value]).filter((c): c is Category => typeof c === 'string' && isCategory(c));
        if (cs.length) out[id] = cs;
      }
      return out;
    }),
  );
}

/** Things asked for by id, per API (the newest only): organizations and services' details. */
const CACHE_SIZE = 500;
const organizationCache = new DataCache<Promise<Json | undefined>>(CACHE_SIZE);
const detailCache = new DataCache<Promise<Json | undefined>>(CACHE_SIZE);

/** Ask for `url` once per key; a failure is not kept, and counts as nothing unless the search was cancelled. */
async function askOnce(cache: DataCache<Promise<Json | undefined>>, key: string, url: string, options: FetchOptions): Promise<Json | undefined> {
  const found = cache.remember(key, () => fetchJson(url, options).then(obj));
  try {
    return await found;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return undefined;
  }
}

/** The service of an item: the item itself, or the service of a service at a location. */
const serviceOfItem = ({ kind, item }: HsdsItem) => (kind === 'services' ? item : obj(item['service']));

/** A service that names its organization by id only, and that id. */
const organizationIdOf = (service: Json | undefined) => (service && !obj(service['organization']) ? textOf(service['organization_id']) : undefined);

/** The service of a list item whose details may be missing (an item of `service_at_locations` may name it by id only). */
const listedServiceOf = (item: Json, kind: HsdsItem['kind']) => (kind === 'services' ? item : (obj(item['service']) ?? (textOf(item['service_id']) ? { id: textOf(item['service_id']) } : undefined)));

/** A service with its one-to-one fields only: its id, to ask for its details. */
const detailsIdOf = (item: Json, kind: HsdsItem['kind']) => {
  const s = listedServiceOf(item, kind);
  return s && !NESTED.some((k) => k in s) ? textOf(s['id']) : undefined;
};

/**
 * What the items of a large page need asked for, noted while the page was parsed (so it is not
 * parsed again to find out): the services without their details, and how many services name
 * each organization by id only.
 */
interface Wanted {
  details: Set<string>;
  organizations: Map<string, number>;
}

const noneWanted = (): Wanted => ({ details: new Set(), organizations: new Map() });

/** Note what `item` needs (`by` 1), or no longer needs (`by` -1: an item replaced by its details). */
function want(wanted: Wanted, item: Json, kind: HsdsItem['kind'], by = 1): void {
  if (by > 0) {
    const id = detailsIdOf(item, kind);
    if (id !== undefined) wanted.details.add(id);
  }
  const org = organizationIdOf(serviceOfItem({ kind, item }));
  if (org) wanted.organizations.set(org, (wanted.organizations.get(org) ?? 0) + by);
}

/**
 * HSDS 3.0 lets a service carry only its `organization_id` (the nested `organization` is
 * optional). For those, ask `GET /organizations/{id}` once per organization, so the cards
 * can name who runs the service: the organizations found, by id, for
 * {@link withOrganization}. An organization that cannot be fetched is left out (the service
 * still shows); a cancelled search stops asking.
 */
async function organizationsOf(items: Items, kind: HsdsItem['kind'], base: string, options: FetchOptions, slicing: SliceOptions, known?: Iterable<string>): Promise<Map<string, Json | undefined>> {
  const wanted = new Set<string>(known);
  if (!known) {
    await runInSlices(
      eachItem(items, (item) => {
        const id = organizationIdOf(serviceOfItem({ kind, item }));
        if (id) wanted.add(id);
      }),
      slicing,
    );
  }
  const ids = [...wanted];
  const found = new Map<string, Json | undefined>();
  await Promise.all(
    ids.map(async (id) => {
      const o = await askOnce(organizationCache, `${base}|${id}`, `${base}organizations/${encodeURIComponent(id)}`, options);
      found.set(id, o && textOf(o['name']) ? { id, name: textOf(o['name']), ...(textOf(o['website']) ? { website: textOf(o['website']) } : {}) } : undefined);
    }),
  );
  return found;
}

/** The item, its service given the organization found for its `organization_id` (when it has none of its own). */
function withOrganization(item: HsdsItem, organizations: ReadonlyMap<string, Json | undefined>): HsdsItem {
  const service = serviceOfItem(item);
  const id = organizationIdOf(service);
  const org = id === undefined ? undefined : organizations.get(id);
  if (service && org) service['organization'] = org;
  return item;
}

/** What a full service has and a one-to-one list item (HSDS's `full=false`) has not. */
const NESTED = ['service_at_locations', 'attributes', 'phones', 'schedules'];
/** Details asked for at once. */
const DETAIL_BATCH = 6;

/**
 * A list may carry services with their one-to-one fields only (no places, phones, hours or
 * terms), even when asked for `full=true`. Those are asked for one by one
 * (`GET /services/{id}`), a few at a time. A service whose details do not come shows with what
 * the list said.
 */
async function withDetails(items: Items, kind: HsdsItem['kind'], base: string, options: FetchOptions, slicing: SliceOptions, known?: Wanted): Promise<Items> {
  const serviceOf = (item: Json) => listedServiceOf(item, kind);
  const wanted = new Set<string>(known?.details);
  if (!known) {
    await runInSlices(
      eachItem(items, (item) => {
        const id = detailsIdOf(item, kind);
        if (id !== undefined) wanted.add(id);
      }),
      slicing,
    );
  }
  const ids = [...wanted];
  const details = new Map<string, Json | undefined>();
  for (let i = 0; i < ids.length; i += DETAIL_BATCH) {
    await Promise.all(
      ids.slice(i, i + DETAIL_BATCH).map(async (id) => details.set(id, await askOnce(detailCache, `${base}|${id}`, `${base}services/${encodeURIComponent(id)}`, options))),
    );
  }
  if (!details.size) return items;
  const replaced = new Map<number, Json>();
  await runInSlices(
    eachItem(items, (item, index) => {
      const service = serviceOf(item);
      const detail = details.get(textOf(service?.['id']) ?? '');
      if (!service || !detail) return;
      const full = { ...service, ...detail };
      // A place named by the list: its addresses from the service's own places.
      const location = obj(item['location']);
      const same = arr(full['service_at_locations']).map((sal) => obj(sal['location'])).find((l) => l && textOf(l['id']) === textOf(location?.['id']));
      const now = kind === 'services' ? full : { ...item, service: full, ...(location ? { location: { ...same, ...location, ...(same?.['addresses'] ? { addresses: same['addresses'] } : {}) } } : {}) };
      replaced.set(index, now);
      // The organization the item now names, not the one the list named.
      if (known) {
        want(known, item, kind, -1);
        want(known, now, kind);
      }
    }),
    slicing,
  );
  return new JoinedItems([items], replaced);
}

interface PageAnswer {
  items: Items;
  /** What a large page's items need asked for, noted as it was parsed (unset: look at the items). */
  wanted?: Wanted | undefined;
  totalItems: number;
  /** The API has a page after this one (its `last_page`, else `total_pages`, else the count). */
  next: boolean;
}

/** Pages already fetched, by question and page number (the newest questions only). */
const PAGE_CACHE_QUESTIONS = 20;
const pageCache = new DataCache<Map<number, Promise<PageAnswer>>>(PAGE_CACHE_QUESTIONS);

/**
 * One page of an answer. Whether another follows is what the API says (`last_page`,
 * `total_pages`), never worked out from the page size asked for: a directory may serve fewer.
 */
function pageOf(json: unknown, url: string, page: number, wanted?: Wanted): PageAnswer {
  const answer = obj(json);
  const contents = answer?.['contents'];
  if (!answer || !(Array.isArray(contents) || isRecords(contents))) throw new DatasetLoadError('not-json', `${url} did not answer with an HSDS page.`, url);
  const totalItems = numOf(answer['total_items']) ?? contents.length;
  const lastPage = answer['last_page'];
  const totalPages = numOf(answer['total_pages']);
  const next = typeof lastPage === 'boolean' ? !lastPage : totalPages !== undefined ? page < totalPages : contents.length > 0 && page * contents.length < totalItems;
  if (Array.isArray(contents)) return { items: arr(contents), totalItems, next };
  return { items: objectsOf(contents), totalItems, next, wanted };
}

/** A large page's `contents`, kept as text by the parser (json-slices.ts); JSON itself never has a method. */
const isRecords = (v: unknown): v is JsonRecords => typeof (v as Partial<JsonRecords> | undefined)?.objects === 'function';

/** The objects of a large page's `contents`, read as `arr` reads an array. */
function objectsOf(records: JsonRecords): Items {
  const objects = records.objects();
  return { length: objects.length, at: (index) => obj(objects.at(index)) };
}

/** `into` with what `more` wants added. */
function mergeWanted(into: Wanted, more: Wanted): Wanted {
  for (const id of more.details) into.details.add(id);
  for (const [id, n] of more.organizations) into.organizations.set(id, (into.organizations.get(id) ?? 0) + n);
  return into;
}

/** One answer from the answers of several terms (one request each): every item, every count. */
function mergedPages(answers: PageAnswer[]): PageAnswer {
  if (answers.length === 1 && answers[0]) return answers[0];
  return {
    items: new JoinedItems(answers.map((a) => a.items)),
    wanted: answers.every((a) => a.wanted) ? answers.reduce((all, a) => mergeWanted(all, a.wanted as Wanted), noneWanted()) : undefined,
    totalItems: answers.reduce((n, a) => n + a.totalItems, 0),
    next: answers.some((a) => a.next),
  };
}

/**
 * The source for one question to an HSDS API. Its `key` is the question with its page count:
 * an element asks again exactly when the question changes.
 */
export function hsdsApiSource(api: string, query: HsdsQuery, options: HsdsApiOptions = {}): HsdsDataSource {
  const { taxonomy: _taxonomy, timeZone: _zone, ...fetchOptions } = options;
  const pages = Math.max(1, Math.floor(query.pages));
  const question = questionKey(api, query);
  const source: HsdsDataSource = {
    key: `${question} pages=${pages}`,
    info: undefined,
    async load(signal: AbortSignal, onPartial?: OnPartial): Promise<LoadedDataset> {
      const base = baseOf(api);
      // One budget for every request of this load: its pages, terms, details and organizations.
      const clock = fetchOptions.clock ?? loadTiming.clock;
      const ask: FetchOptions = { ...fetchOptions, signal, deadlineAt: clock.now() + (fetchOptions.deadlineMs ?? LOAD_BUDGET_MS) };
      const taxonomy = await taxonomyFrom(options.taxonomy, ask);
      // "other" has no term in any directory: with it, everything is asked for (and the element
      // keeps what it shows by its categories).
      const asking = query.categories.includes('other') ? [] : query.categories;
      const { ids: termIds, terms } = await termIdsFor(asking, base, taxonomy, ask);
      const mapping: MappingOptions = { ...options, taxonomy, terms };
      if (asking.length && !termIds.length) {
        // The directory has no term for these categories: nothing of it is one (never every service).
        source.info = { totalItems: 0, fetched: 0 };
        return datasetFrom(datasetFromHsds([], mapping), question);
      }
      const cached = pageCache.remember(question, () => new Map());
      const kind = isZip(query.zip) ? 'service_at_locations' : 'services';
      const slicing = { signal, ...hsdsSlicing };
      const answers: PageAnswer[] = [];
      let unfinished: DatasetLoadError | undefined;
      for (let page = 1; page <= pages; page++) {
        let answer = cached.get(page);
        if (!answer) {
          // One request a term: HSDS 3.0 takes one `taxonomy_term_id`.
          const asked = (termIds.length ? termIds : [undefined]).map((termId) => {
            const url = hsdsPageUrl(api, query, page, termId);
            // A page can be huge (a directory that ignores per_page): parsed a service a step.
            const wanted = noneWanted();
            const note = (record: unknown) => {
              const item = obj(record);
              if (item) want(wanted, item, kind);
            };
            return fetchJson(url, { ...ask, recordsKey: 'contents', lazyRecords: note }).then((json) => pageOf(json, url, page, wanted));
          });
          answer = Promise.all(asked).then(async (got) => {
            const one = mergedPages(got);
            return { ...one, items: await withDetails(one.items, kind, base, ask, slicing, one.wanted) };
          });
          cached.set(page, answer);
          const pagesOfQuestion = cached;
          // A failed or cancelled page is asked again next time.
          answer.catch(() => pagesOfQuestion.delete(page));
        }
        let got: PageAnswer;
        try {
          got = await answer;
        } catch (e) {
          // A later page that did not come (too slow for the budget, a failure): the pages that
          // came are shown, and the element says the rest did not come.
          if (!answers.length || signal.aborted || !(e instanceof DatasetLoadError) || e.kind === 'aborted') throw e;
          unfinished = e;
          break;
        }
        answers.push(got);
        const more = page < pages && got.next;
        if (!more) break;
        if (page === 1 && onPartial) {
          // The first page on screen while the next ones are asked for.
          const doc = await runInSlices(hsdsDatasetSteps(itemsOf(got.items, kind), mapping), slicing);
          const first = await datasetFromSliced(doc, question, signal);
          await onPartial({ dataset: first.dataset, checked: got.items.length, total: got.totalItems, early: true });
        }
      }
      const items = new JoinedItems(answers.map((a) => a.items));
      const noted = answers.every((a) => a.wanted) ? answers.reduce((all, a) => mergeWanted(all, a.wanted as Wanted), noneWanted()) : undefined;
      const known = noted && [...noted.organizations].filter(([, n]) => n > 0).map(([id]) => id);
      const organizations = await organizationsOf(items, kind, base, ask, slicing, known);
      const last = answers[answers.length - 1];
      const fetched = items.length;
      // Every match the API has; when it has no more pages, what came is all of it (a directory
      // may count what it cannot serve).
      const totalItems = last?.next === false && !unfinished ? fetched : Math.max(last?.totalItems ?? 0, fetched + (last?.next ? 1 : 0));
      source.info = { totalItems, fetched };
      const withOrganizations = function* () {
        for (const item of itemsOf(items, kind)) yield withOrganization(item, organizations);
      };
      const doc = await runInSlices(hsdsDatasetSteps(withOrganizations(), mapping), slicing);
      const loaded = await datasetFromSliced(doc, question, signal);
      return unfinished ? { ...loaded, unfinished } : loaded;
    },
  };
  return source;
}

/** Forget every page fetched (tests, or after a directory reloads its data). */
export function clearHsdsCache(): void {
  pageCache.clear();
  termCache.clear();
  taxonomyFiles.clear();
  organizationCache.clear();
  detailCache.clear();
}
