/**
 * An Open Referral HSDS 3.0 API as a data source (paths, fields and parameters from the HSDS
 * 3.0 OpenAPI document, ../shared/data-sources/hsds-3.0/). Unlike a file, an API is asked per
 * search: a source here is one question (words, categories, a ZIP and a distance, how many
 * pages), its `key` is that question, and a new question is a new source. Pages already
 * fetched for the same question are kept, so "Show more" fetches only the next page.
 *
 *  - `GET /services?search=&page=&per_page=[&taxonomy_term_id=]` without a ZIP;
 *  - `GET /service_at_locations?postcode=&proximity=&…` near a ZIP (nearest first);
 *  - `GET /organizations/{id}` for a service that carries only its `organization_id`.
 *
 * HSDS services (with their locations, addresses, phones, schedules, languages and cost
 * options) become the same flat records a JSON file holds, checked by the same validator.
 * The facts HSDS has no field for are read from the `recovery-finder-*` attributes when the
 * directory has them (the reference server, packages/server); an editor can map the
 * directory's own taxonomy terms to our categories.
 *
 * Privacy: the only place ever sent is a ZIP code. There is no parameter for coordinates.
 *
 * DOM-free apart from `fetch`.
 */
import { CATEGORIES, DAYS, SCHEMA_VERSION, type Category, type Day } from '../schema.js';
import { DEFAULT_HELP_CONTACTS } from '../help-defaults.js';
import { DatasetLoadError, LOAD_BUDGET_MS, datasetFromSliced, fetchJson, loadTiming, type FetchOptions, type LoadedDataset, type OnPartial } from '../load.js';
import { runInSlices, runWhole, type SliceOptions } from '../slices.js';
import type { DataSource } from './types.js';
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
  /** The API says it stopped counting (the reference server caps lists at 1,000). */
  capped: boolean;
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


const CATEGORY_TAXONOMY = 'recovery-finder-category';
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
  termId: string;
  value: string | undefined;
}

function attributesOf(entity: Json | undefined): Attr[] {
  return arr(entity?.['attributes']).map((a) => {
    const term = obj(a['taxonomy_term']);
    return {
      taxonomy: textOf(term?.['taxonomy']) ?? textOf(a['link_type']) ?? '',
      code: textOf(term?.['code']) ?? '',
      termId: textOf(a['taxonomy_term_id']) ?? textOf(term?.['id']) ?? '',
      value: textOf(a['value']),
    };
  });
}

const codes = (attrs: Attr[], taxonomy: string) => attrs.filter((a) => a.taxonomy === taxonomy && a.code).map((a) => a.code);
const fieldOf = (attrs: Attr[], code: string) => attrs.find((a) => a.taxonomy === 'recovery-finder-field' && a.code === code)?.value;

function categoriesOf(attrs: Attr[], taxonomy: TaxonomyMap | undefined): string[] {
  const out = new Set<string>();
  if (taxonomy) {
    for (const a of attrs) {
      const mapped = taxonomy[a.termId];
      for (const c of mapped === undefined ? [] : Array.isArray(mapped) ? mapped : [mapped]) out.add(c);
    }
  }
  for (const c of codes(attrs, CATEGORY_TAXONOMY)) out.add(c);
  return [...out];
}

// ---------------------------------------------------------------------------------------------
// HSDS → flat records
// ---------------------------------------------------------------------------------------------

function phonesOf(service: Json): Json[] {
  return arr(service['phones']).map((p) => {
    const ext = numOf(p['extension']);
    const type = textOf(p['type']);
    return {
      number: textOf(p['number']),
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
    const zone = fieldOf(attributesOf(row), 'schedule-time-zone');
    if (zone) {
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

function addressOf(location: Json | undefined): Json | undefined {
  const a = arr(location?.['addresses']).find((x) => textOf(x['address_type']) !== 'postal') ?? arr(location?.['addresses'])[0];
  if (!a) return undefined;
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
  const recordId = fieldOf(attrs, 'record-id') ?? textOf(location?.['external_identifier']) ?? `hsds-${textOf(service['id']) ?? 'x'}`;
  const organization = obj(service['organization']);
  const lat = numOf(location?.['latitude']);
  const lon = numOf(location?.['longitude']);
  const locAttrs = attributesOf(location);
  const free = fieldOf(attrs, 'cost-free') ?? (arr(service['cost_options']).some((c) => numOf(c['amount']) === 0) ? 'true' : undefined);
  const region = textOf(arr(location?.['addresses'])[0]?.['region']);
  const populations = codes(attrs, 'recovery-finder-population');
  const accepts = codes(attrs, 'recovery-finder-disposal-item');
  const languages = arr(service['languages']).map((l) => textOf(l['code'])).filter((c): c is string => c !== undefined);
  const startsAt = fieldOf(attrs, 'event-starts-at');
  const endsAt = fieldOf(attrs, 'event-ends-at');
  const provenanceSource = fieldOf(attrs, 'provenance-source');
  const record: Json = {
    id: `${recordId.toLowerCase()}${suffix}`,
    kind: codes(attrs, 'recovery-finder-kind')[0] ?? 'service',
    name: textOf(service['name']),
    categories: categoriesOf(attrs, options.taxonomy),
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
    description: textOf(service['description']),
    url: textOf(service['url']),
    email: textOf(service['email']),
    organization: textOf(organization?.['name'])
      ? { name: textOf(organization?.['name']), ...(textOf(organization?.['website']) ? { url: textOf(organization?.['website']) } : {}) }
      : undefined,
    address: addressOf(location),
    location: lat !== undefined && lon !== undefined
      ? { latitude: lat, longitude: lon, precision: fieldOf(locAttrs, 'location-precision') ?? 'source-geocoded' }
      : undefined,
    region,
    schedule: scheduleOf(service, zone),
    languages: languages.length ? languages : undefined,
    populations: populations.length ? populations : undefined,
    cost: free !== undefined ? { free: free === 'true', ...(textOf(service['fees_description']) ? { description: textOf(service['fees_description']) } : {}) } : undefined,
    delivery: codes(attrs, 'recovery-finder-delivery')[0],
    disposal: accepts.length ? { accepts, ...(fieldOf(attrs, 'disposal-restrictions') ? { restrictions: fieldOf(attrs, 'disposal-restrictions') } : {}) } : undefined,
    event: startsAt ? { starts_at: startsAt, ...(endsAt ? { ends_at: endsAt } : {}) } : undefined,
    // Other languages and the library's wording codes (see packages/server/src/hsds.js); the
    // validator then keeps each good translation and leaves a bad one out.
    translations: jsonOf(fieldOf(attrs, 'translations')),
    worded: fieldOf(attrs, 'worded-description') || fieldOf(attrs, 'worded-restrictions')
      ? { description: fieldOf(attrs, 'worded-description'), restrictions: fieldOf(attrs, 'worded-restrictions') }
      : undefined,
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) record[k] = v;
  if (!(record['phones'] as Json[]).length) delete record['phones'];
  return record;
}

/** Flat records from one HSDS service (one per location it is offered at). */
/** How records are made: the mapping is already read. */
export interface MappingOptions {
  taxonomy?: TaxonomyMap | undefined;
  timeZone?: string | undefined;
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

/** A whole dataset document from HSDS answers, ready for the validator. */
export function datasetFromHsds(items: HsdsItem[], options: MappingOptions = {}, title = 'HSDS directory'): Json {
  return runWhole(hsdsDatasetSteps(items, options, title));
}

/**
 * {@link datasetFromHsds} in steps, one answer (service, or service at a location) a step, so a
 * page of 100,000 services is mapped in slices (core/slices.ts), never in one long task.
 */
export function* hsdsDatasetSteps(items: readonly HsdsItem[], options: MappingOptions = {}, title = 'HSDS directory'): Generator<void, Json> {
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

/** Term ids of the directory's `recovery-finder-category` taxonomy, asked once per API. */
const termIdCache = new Map<string, Promise<Map<string, Category>>>();

async function ownTermIds(base: string, options: FetchOptions): Promise<Map<string, Category>> {
  let found = termIdCache.get(base);
  if (!found) {
    found = (async () => {
      const out = new Map<string, Category>();
      const taxonomies = obj(await fetchJson(`${base}taxonomies?search=${CATEGORY_TAXONOMY}&per_page=100`, options));
      const taxonomy = arr(taxonomies?.['contents']).find((t) => textOf(t['name']) === CATEGORY_TAXONOMY);
      const id = textOf(taxonomy?.['id']);
      if (!id) return out;
      const terms = obj(await fetchJson(`${base}taxonomy_terms?taxonomy_id=${encodeURIComponent(id)}&per_page=100`, options));
      for (const t of arr(terms?.['contents'])) {
        const code = textOf(t['code']);
        const termId = textOf(t['id']);
        if (code && termId && isCategory(code)) out.set(termId, code);
      }
      return out;
    })();
    termIdCache.set(base, found);
    // A failure is not kept: the next search asks again.
    found.catch(() => termIdCache.delete(base));
  }
  return found;
}

/** The `taxonomy_term_id` value for our categories: the mapped terms, else the directory's own. */
async function termIdsFor(categories: readonly Category[], base: string, taxonomy: TaxonomyMap | undefined, fetchOptions: FetchOptions): Promise<string[]> {
  if (!categories.length) return [];
  const wanted = new Set<string>(categories);
  const pairs: [string, Category[]][] = taxonomy
    ? Object.entries(taxonomy).map(([id, c]) => [id, Array.isArray(c) ? c : [c]])
    : [...(await ownTermIds(base, fetchOptions))].map(([id, c]) => [id, [c]]);
  return pairs.filter(([, cs]) => cs.some((c) => wanted.has(c))).map(([id]) => id).slice(0, 50);
}

const taxonomyFiles = new Map<string, Promise<TaxonomyMap>>();

/** An editor's mapping file: `{ "term id": "category" | ["category", …] }`; unknown categories are left out. */
async function taxonomyFrom(setting: TaxonomyMap | string | undefined, options: FetchOptions): Promise<TaxonomyMap | undefined> {
  if (typeof setting !== 'string') return setting;
  const url = new URL(setting, globalThis.location?.href ?? 'http://localhost/').href;
  let found = taxonomyFiles.get(url);
  if (!found) {
    found = fetchJson(url, options).then((json) => {
      const out: TaxonomyMap = {};
      for (const [id, value] of Object.entries(obj(json) ?? {})) {
        const cs = (Array.isArray(value) ? value : [value]).filter((c): c is Category => typeof c === 'string' && isCategory(c));
        if (cs.length) out[id] = cs;
      }
      return out;
    });
    taxonomyFiles.set(url, found);
    found.catch(() => taxonomyFiles.delete(url));
  }
  return found;
}

/** Organizations asked for by id, per API (the newest only). */
const organizationCache = new Map<string, Promise<Json | undefined>>();
const ORGANIZATION_CACHE_SIZE = 500;

/**
 * HSDS 3.0 lets a service carry only its `organization_id` (the nested `organization` is
 * optional). For those, ask `GET /organizations/{id}` once per organization, so the cards
 * can name who runs the service. An organization that cannot be fetched is left out (the
 * service still shows); a cancelled search stops asking.
 */
async function addOrganizations(services: Json[], base: string, options: FetchOptions): Promise<void> {
  const missing = services.filter((s) => !obj(s['organization']) && textOf(s['organization_id']));
  const ids = [...new Set(missing.map((s) => textOf(s['organization_id']) as string))];
  const found = new Map<string, Json | undefined>();
  await Promise.all(
    ids.map(async (id) => {
      const key = `${base}|${id}`;
      let org = organizationCache.get(key);
      if (!org) {
        org = fetchJson(`${base}organizations/${encodeURIComponent(id)}`, options).then((json) => {
          const o = obj(json);
          return o && textOf(o['name']) ? { id, name: textOf(o['name']), ...(textOf(o['website']) ? { website: textOf(o['website']) } : {}) } : undefined;
        });
        organizationCache.set(key, org);
        if (organizationCache.size > ORGANIZATION_CACHE_SIZE) organizationCache.delete(organizationCache.keys().next().value as string);
        // A failure is not kept: the next search asks again.
        org.catch(() => organizationCache.delete(key));
      }
      try {
        found.set(id, await org);
      } catch (error) {
        if (options.signal?.aborted) throw error;
        found.set(id, undefined);
      }
    }),
  );
  for (const s of missing) {
    const org = found.get(textOf(s['organization_id']) as string);
    if (org) s['organization'] = org;
  }
}

interface PageAnswer {
  items: Json[];
  totalItems: number;
  capped: boolean;
}

/** Pages already fetched, by question and page number (the newest questions only). */
const pageCache = new Map<string, Map<number, Promise<PageAnswer>>>();
const PAGE_CACHE_QUESTIONS = 20;

function pageOf(json: unknown, url: string): PageAnswer {
  const page = obj(json);
  const contents = page?.['contents'];
  if (!page || !Array.isArray(contents)) throw new DatasetLoadError('not-json', `${url} did not answer with an HSDS page.`, url);
  return { items: arr(contents), totalItems: numOf(page['total_items']) ?? contents.length, capped: page['total_items_capped'] === true };
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
      // One budget for every request of this load: its pages, terms and organizations.
      const clock = fetchOptions.clock ?? loadTiming.clock;
      const ask: FetchOptions = { ...fetchOptions, signal, deadlineAt: clock.now() + (fetchOptions.deadlineMs ?? LOAD_BUDGET_MS) };
      const taxonomy = await taxonomyFrom(options.taxonomy, ask);
      const termIds = await termIdsFor(query.categories, base, taxonomy, ask);
      let cached = pageCache.get(question);
      if (!cached) {
        cached = new Map();
        pageCache.set(question, cached);
        if (pageCache.size > PAGE_CACHE_QUESTIONS) pageCache.delete(pageCache.keys().next().value as string);
      }
      const kind = /^\d{5}$/.test(query.zip) ? 'service_at_locations' : 'services';
      const slicing = { signal, ...hsdsSlicing };
      const answers: PageAnswer[] = [];
      let unfinished: DatasetLoadError | undefined;
      for (let page = 1; page <= pages; page++) {
        let answer = cached.get(page);
        if (!answer) {
          const url = hsdsPageUrl(api, query, page, termIds);
          // A page can be huge (a directory that ignores per_page): parsed a service a step.
          answer = fetchJson(url, { ...ask, recordsKey: 'contents' }).then((json) => pageOf(json, url));
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
        const more = page < pages && page * query.perPage < got.totalItems;
        if (!more) break;
        if (page === 1 && onPartial) {
          // The first page on screen while the next ones are asked for.
          const items = got.items.map((item) => ({ kind, item }) as const);
          const doc = await runInSlices(hsdsDatasetSteps(items, { ...options, taxonomy }), slicing);
          const first = await datasetFromSliced(doc, question, signal);
          await onPartial({ dataset: first.dataset, checked: items.length, total: got.totalItems, early: true });
        }
      }
      const items = answers.flatMap((a) => a.items.map((item) => ({ kind, item }) as const));
      const services = items.map(({ item }) => (kind === 'services' ? item : obj(item['service']))).filter((x): x is Json => x !== undefined);
      await addOrganizations(services, base, ask);
      const last = answers[answers.length - 1];
      source.info = { totalItems: last?.totalItems ?? 0, capped: last?.capped ?? false, fetched: items.length };
      const doc = await runInSlices(hsdsDatasetSteps(items, { ...options, taxonomy }), slicing);
      const loaded = await datasetFromSliced(doc, question, signal);
      return unfinished ? { ...loaded, unfinished } : loaded;
    },
  };
  return source;
}

/** Forget every page fetched (tests, or after a directory reloads its data). */
export function clearHsdsCache(): void {
  pageCache.clear();
  termIdCache.clear();
  taxonomyFiles.clear();
  organizationCache.clear();
}
