// @ts-check
/**
 * The HSDS 3.0 read endpoints: parameter validation and the SQL behind each one. Field
 * names, paths and parameters follow the Open Referral HSDS 3.0 OpenAPI document.
 *
 * JSON is built by PostgreSQL (json_build_object), one text value per item, and joined
 * here into the page: no parse and re-serialise in Node.
 */
import { EARTH_RADIUS_M, LIVE } from './load.js';
import { TAXONOMIES, taxonomyId, termId } from './hsds.js';

const S = LIVE;
const HSDS_VERSION = '3.0';
const OPENAPI_URL = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json';
const PROFILE_URL = 'https://github.com/openreferral/specification/tree/3.0';

export const PER_PAGE_DEFAULT = 25;
export const PER_PAGE_MAX = 100;
/**
 * The highest page number taken. Every page a list advertises (`total_pages`) is served, and
 * `total_items` is always the exact number of matches.
 */
export const PAGE_MAX = 999999999;
/** The widest `proximity`, in metres (about 310 miles). */
export const PROXIMITY_MAX = 500000;
export const SEARCH_MAX = 200;

/** A 400 that names the parameter. */
export class BadParameter extends Error {
  /** @param {string} parameter @param {string} message */
  constructor(parameter, message) {
    super(message);
    this.parameter = parameter;
  }
}

export class NotFound extends Error {}

// ---------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/;

/**
 * True for a date-time of DATETIME's form that is on the calendar (no 2021-02-29, no 25:00, no year 0).
 * @param {string} raw
 */
function realDateTime(raw) {
  const m = DATETIME.exec(raw);
  if (!m) return false;
  const [y, mo, d, h = 0, mi = 0, s = 0, oh = 0, om = 0] = m.slice(1).map((x) => Number(x ?? 0));
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return y >= 1 && d >= 1 && d <= days && h <= 23 && mi <= 59 && s <= 59 && oh <= 15 && om <= 59;
}

/** @typedef {(name: string, raw: string) => unknown} Check a parameter's check: its value, or a BadParameter */
/** @typedef {import('./db.js').Queryable & { kind?: string }} Db */

/** The parameter checks. */
const P = {
  /** @type {(min: number, max: number) => Check} */
  int: (min, max) => (name, raw) => {
    if (!/^\d{1,9}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      throw new BadParameter(name, `${name} must be a whole number from ${min} to ${max}`);
    }
    return Number(raw);
  },
  /** @type {Check} */
  bool: (name, raw) => {
    if (raw !== 'true' && raw !== 'false') throw new BadParameter(name, `${name} must be true or false`);
    return raw === 'true';
  },
  /** @type {Check} */
  uuid: (name, raw) => {
    if (!UUID.test(raw)) throw new BadParameter(name, `${name} must be a UUID`);
    return raw.toLowerCase();
  },
  /** @type {Check} */
  uuids: (name, raw) => {
    const list = raw.split(',');
    if (list.length > 50 || !list.every((x) => UUID.test(x))) {
      throw new BadParameter(name, `${name} must be a UUID, or up to 50 UUIDs separated by commas`);
    }
    return list.map((x) => x.toLowerCase());
  },
  /** @type {Check} */
  search: (name, raw) => {
    const text = raw.trim();
    if (text.length > SEARCH_MAX) throw new BadParameter(name, `${name} must be at most ${SEARCH_MAX} characters`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f]/.test(text)) throw new BadParameter(name, `${name} must not contain control characters`);
    return text === '' ? undefined : text;
  },
  /** @type {Check} */
  postcode: (name, raw) => {
    if (!/^\d{5}(?:-\d{4})?$/.test(raw)) throw new BadParameter(name, `${name} must be a US ZIP code, 5 digits`);
    return raw.slice(0, 5);
  },
  /** @type {Check} */
  proximity: (name, raw) => {
    if (!/^\d{1,7}(?:\.\d+)?$/.test(raw) || Number(raw) <= 0 || Number(raw) > PROXIMITY_MAX) {
      throw new BadParameter(name, `${name} must be a distance in metres, more than 0 and at most ${PROXIMITY_MAX}`);
    }
    return Number(raw);
  },
  /** @type {Check} */
  datetime: (name, raw) => {
    if (!realDateTime(raw) || Number.isNaN(Date.parse(raw))) {
      throw new BadParameter(name, `${name} must be a date or date-time, e.g. 2026-01-31 or 2026-01-31T12:00:00Z`);
    }
    return raw;
  },
  /** @type {Check} */
  format: (name, raw) => {
    if (raw !== 'json' && raw !== 'ndjson') throw new BadParameter(name, `${name} must be json or ndjson`);
    return raw;
  },
};

const PAGING = { page: P.int(1, PAGE_MAX), per_page: P.int(1, PER_PAGE_MAX), format: P.format };

/** The parameters each list endpoint takes. Anything else is a 400. */
const LIST_PARAMS = {
  services: {
    ...PAGING, search: P.search, taxonomy_term_id: P.uuids, taxonomy_id: P.uuid, organization_id: P.uuid,
    modified_after: P.datetime, full: P.bool, minimal: P.bool,
  },
  service_at_locations: {
    ...PAGING, search: P.search, taxonomy_term_id: P.uuids, taxonomy_id: P.uuid, organization_id: P.uuid,
    modified_after: P.datetime, full: P.bool, postcode: P.postcode, proximity: P.proximity,
  },
  organizations: { ...PAGING, search: P.search, full: P.bool, full_service: P.bool },
  taxonomies: { ...PAGING, search: P.search },
  taxonomy_terms: { ...PAGING, search: P.search, taxonomy_id: P.uuid, top_only: P.bool, parent_id: P.uuid },
};

/**
 * The parameters of a request, checked (each only where its endpoint takes it).
 * @typedef {{
 *   page?: number, per_page?: number, format?: 'json' | 'ndjson', search?: string,
 *   taxonomy_term_id?: string[], taxonomy_id?: string, organization_id?: string, modified_after?: string,
 *   full?: boolean, minimal?: boolean, full_service?: boolean, postcode?: string, proximity?: number,
 *   top_only?: boolean, parent_id?: string,
 * }} Query
 */

/**
 * Check a query string against an endpoint's parameters.
 * @param {URLSearchParams} query
 * @param {Record<string, Check>} allowed
 * @returns {Query}
 */
function parseParams(query, allowed) {
  /** @type {Record<string, unknown>} */
  const checked = {};
  const out = /** @type {Query} */ (checked);
  const seen = new Set();
  for (const [name, raw] of query) {
    if (!Object.hasOwn(allowed, name)) {
      const names = Object.keys(allowed);
      throw new BadParameter(
        name,
        names.length ? `${name} is not a parameter here; use ${names.join(', ')}` : `${name} is not a parameter here; this endpoint takes none`,
      );
    }
    if (seen.has(name)) throw new BadParameter(name, `${name} is given more than once`);
    seen.add(name);
    const value = allowed[name](name, raw);
    if (value !== undefined) checked[name] = value;
  }
  if (out.format === 'ndjson' && (out.page !== undefined || out.per_page !== undefined)) {
    throw new BadParameter(out.page !== undefined ? 'page' : 'per_page', 'format=ndjson gives every result at once: leave out page and per_page');
  }
  if (out.proximity !== undefined && out.postcode === undefined) {
    throw new BadParameter('proximity', 'proximity needs a postcode to measure from');
  }
  return out;
}

// ---------------------------------------------------------------------------
// JSON built in SQL
// ---------------------------------------------------------------------------

/** @typedef {(alias: string) => string} Json SQL building an item's JSON from the row aliased `alias` */

const DATE = (/** @type {string} */ col) => `to_char(${col}, 'YYYY-MM-DD')`;
const STAMP = (/** @type {string} */ col) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
/** @type {(select: string, from: string, order: string) => string} a JSON array, [] when empty */
const list = (select, from, order) => `coalesce((select json_agg(${select} order by ${order}) ${from}), '[]'::json)`;

/** @type {Json} */
const termJson = (t) =>
  `json_build_object('id', ${t}.id, 'code', ${t}.code, 'name', ${t}.name, 'description', ${t}.description,
    'parent_id', ${t}.parent_id, 'taxonomy', ${t}.taxonomy, 'taxonomy_id', ${t}.taxonomy_id, 'language', ${t}.language)`;

/** @type {Json} */
const organizationJson = (o) =>
  `json_build_object('id', ${o}.id, 'name', ${o}.name, 'description', ${o}.description, 'website', ${o}.website)`;

/**
 * A service's one-to-one fields, with its organization unless `withOrganization` is false
 * (inside an organization's answer). Its lists (phones, schedules, attributes...) are in its
 * document, made at load (docs.js): a full item is read from there.
 * @param {string} s
 */
function serviceJson(s, withOrganization = true) {
  return `json_build_object('id', ${s}.id, 'organization_id', ${s}.organization_id, 'name', ${s}.name,
    'alternate_name', ${s}.alternate_name, 'description', ${s}.description, 'url', ${s}.url, 'email', ${s}.email,
    'status', ${s}.status, 'fees_description', ${s}.fees_description, 'assured_date', ${DATE(`${s}.assured_date`)},
    'last_modified', ${STAMP(`${s}.last_modified`)}
    ${withOrganization ? `, 'organization', (select ${organizationJson('o')} from ${S}.organization o where o.id = ${s}.organization_id)` : ''})`;
}

/**
 * `minimal=true` on /services: HSDS asks for "just 'id' and 'modified_date'"; the service
 * schema requires `name` and `status` too, so those come along, with `last_modified`.
 */
/** @type {Json} */
const minimalServiceJson = (s) =>
  `json_build_object('id', ${s}.id, 'name', ${s}.name, 'status', ${s}.status, 'last_modified', ${STAMP(`${s}.last_modified`)})`;

/**
 * An organization's services: one-to-one fields, or (`full`) fully nested, from their documents
 * without the organization (`head`, `body`, `tail`: docs.js).
 * @type {(o: string, full: boolean) => string}
 */
const organizationServicesJson = (o, full) => full
  ? list(`(d.head || d.body || d.tail)::json`, `from ${S}.service os join ${S}.service_doc d on d.id = os.id where os.organization_id = ${o}.id`, 'os.name, os.id')
  : list(serviceJson('os', false), `from ${S}.service os where os.organization_id = ${o}.id`, 'os.name, os.id');

/**
 * A service_at_location's one-to-one fields, its location (the location's document, `ld`) and
 * its service's one-to-one fields.
 * @type {(sal: string, ld: string, s: string) => string}
 */
const serviceAtLocationJson = (sal, ld, s) =>
  `json_build_object('id', ${sal}.id, 'service_id', ${sal}.service_id, 'location_id', ${sal}.location_id,
    'description', ${sal}.description, 'location', ${ld}.json::json, 'service', ${serviceJson(s)})`;

/**
 * Full items, from the documents made at load (docs.js; test/reference-json.mjs builds the same
 * texts in SQL from the rows): a /services item from its `service_doc` row `d`; a
 * /service_at_locations item from its row `sal`, its location's `location_doc` row `ld` and its
 * service's `service_doc` row `d`.
 */
export const serviceDoc = (/** @type {string} */ d) => `${serviceFields(d)} || ${d}.tail`;
/** @type {(d: string) => string} a service's document without its service_at_locations and closing brace */
const serviceFields = (d) => `${d}.head || ${d}.org || ${d}.body`;
/** @type {(sal: string, ld: string, d: string) => string} */
export const serviceAtLocationDoc = (sal, ld, d) =>
  `'{"id":"' || ${sal}.id || '","service_id":"' || ${sal}.service_id || '","location_id":"' || ${sal}.location_id || '"'
    || coalesce(',"description":' || to_json(${sal}.description)::text, '')
    || ',"location":' || ${ld}.json || ',"service":' || ${serviceFields(d)} || '}}'`;

/** @type {Json} */
const taxonomyJson = (t) =>
  `json_build_object('id', ${t}.id, 'name', ${t}.name, 'description', ${t}.description, 'uri', ${t}.uri, 'version', ${t}.version)`;

// ---------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------

/** Collects SQL parameters and hands out their $n placeholders. */
class Params {
  /** @type {unknown[]} */
  values = [];
  /** @param {unknown} value */
  add(value) {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The page envelope HSDS defines (`Page`), around items that are JSON text already; `total` is exact.
 * @param {number} total @param {number} pageNumber @param {number} perPage
 * @param {string[]} items @param {number} [size]
 */
function page(total, pageNumber, perPage, items, size = items.length) {
  const totalPages = Math.ceil(total / perPage);
  const head = {
    total_items: total,
    total_pages: totalPages,
    page_number: pageNumber,
    size,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: total === 0,
  };
  return `${JSON.stringify(head).slice(0, -1)},"contents":[${items.join(',')}]}`;
}

/**
 * A map that keeps at most `max` entries, the least recently used going first.
 * @template T
 */
class Kept {
  /** @param {number} max */
  constructor(max) {
    this.max = max;
    /** @type {Map<string, T>} */
    this.map = new Map();
  }

  /** @param {string} key @returns {T | undefined} (now the most recently used) */
  get(key) {
    const value = this.map.get(key);
    if (value !== undefined) this.set(key, value);
    return value;
  }

  /** @param {string} key @param {T} value */
  set(key, value) {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value ?? '');
  }

  /** @param {string} key */
  delete(key) {
    this.map.delete(key);
  }
}

/** SQL of the generation (load) of the data served. */
const GENERATION = `(select value from ${S}.meta where key = 'generation')`;

/**
 * The words of a search as a text-search query (English and Spanish stems, accents ignored),
 * worked out in a query of its own so the list queries get it as a constant: the planner then
 * estimates how many services match (from the tsvector statistics). Undefined when no word is
 * left (only stop words or punctuation). Kept (at most 10,000) per kind of
 * database (PGlite's PostgreSQL is not the server's version): the same words give the same
 * query for as long as the text-search dictionaries stay as they are, and a list then needs no
 * query of its own for them.
 * @param {Db} db @param {string} search
 * @returns {Promise<{ q: string } | undefined>}
 */
async function textQuery(db, search) {
  const key = `${db.kind ?? ''}\u0000${search}`;
  let q = TSQUERIES.get(key);
  if (q === undefined) {
    const [row] = await db.query(
      `select (websearch_to_tsquery('english', unaccent($1)) || websearch_to_tsquery('spanish', unaccent($1)))::text as q`,
      [search],
    );
    q = row?.q === undefined || row.q === null ? '' : String(row.q);
    TSQUERIES.set(key, q);
  }
  return q.trim() === '' ? undefined : { q };
}
/** @type {Kept<string>} */
const TSQUERIES = new Kept(10000);

/**
 * The generation each answer read (http.js gives every answer a Db of its own, and one answer
 * reads one load: db.js, `read`), so that an answer reads it once.
 * @type {WeakMap<Db, string | undefined>}
 */
const READ = new WeakMap();
/** @type {(db: Db) => Promise<string | undefined>} the generation of the data served now */
const currentGeneration = async (db) => {
  if (READ.has(db)) return READ.get(db);
  const [row] = await db.query(`select ${GENERATION} as value`);
  const generation = row?.value == null ? undefined : String(row.value);
  READ.set(db, generation);
  return generation;
};

/**
 * The last generation (load) a list was read from: the counts are looked up under it, and
 * every page's query says the generation it read, so counts of another load are never used
 * (the page is read again with counts of its own load).
 */
let lastGeneration = '';

/**
 * The parts of a list query: `from` the row table with `s` (service) joined, `key` the row's
 * id column, `name` its sort name; `where` the filters; `segments` the ranks, best first,
 * each a condition (rows of a better segment come first; within one, `order`); together they
 * split the matches (the last holds every match the others do not). `implies`: a condition
 * of `where` that `when` implies (a name match is a match): left out of the segment's own
 * reads, where it would only mislead the planner (it would read both indexes and AND them).
 * `names`: SQL of the (name, search_name) rows of service_name whose services make the segment
 * (a list of services reads them name by name, each through the names' index, and so no more
 * rows than the page's depth; `order` is for other lists). `walk`: conditions of `where` and
 * their twins that no index takes, used where walking the list's own order and checking each
 * row reads fewer rows than the matches (`pageItems`). `rowsSql`: SQL of the number of rows
 * of `from` with no filter (for that choice).
 * `page`: the SQL of the segment's ids on a page, in order, where the list knows a better
 * way to read them than `when` and `order` (a distance: `listServiceAtLocations`).
 * @typedef {{ when: string, order?: string, implies?: string, names?: string, walk?: Record<string, string>,
 *   page?: (take: number, skip: number) => string }} Segment
 * @typedef {{ from: string, key: string, name: string, where: string[], segments: Segment[], rowsSql?: string,
 *   carry?: { sql: string, names: string } }} ListQuery `carry`: columns of the list's row its items read
 *   (`sql`, as `names`), carried through the page's parts (a segment's own `page` selects them too)
 */

/**
 * Counts of questions asked, per load (`generation`), newest use last: the key is the
 * generation, the count query and its parameters; the value each segment's count, and the
 * rows of the list's table (`rowsSql`; 0 when not asked) and the generation counted in. At
 * most 20,000 (a few hundred bytes each).
 * @type {Kept<{ counts: number[], rows: number, generation?: string }>}
 */
const COUNTS = new Kept(20000);
/**
 * Where pages of questions asked ended, per load, as COUNTS: the key is a COUNTS key and the
 * offset of the row after the page; the value the id of the page's last row. The next page of
 * the question (a client walking pages, "Show more") then starts after that row in the list's
 * order (that row is in the segment the next page starts in, unless that page starts one), not
 * at an offset the database would read its way down to.
 * @type {Kept<string>}
 */
const BOUNDS = new Kept(20000);

/**
 * An item's JSON text in SQL (`json`, over the rows `join` brings in from the page's `p.id`).
 * @typedef {{ json: string, join: string }} Item
 */

/**
 * Count the matches of each segment exactly, then read the page: each segment in its own
 * order, from the row where the page starts in it (OFFSET over an index order, so the
 * database reads no more than the page's depth), never sorting more than the segment; and
 * the page's items' JSON in the same query (one query for the page, whatever segments it
 * spans). `totalSql`: SQL that reads the count where it was counted at load (a list with no
 * filter, one term): then the count comes in the same query as the page. `countInPage`: one
 * segment whose every match the page's query reads anyway (a distance: all within it are
 * sorted): the count is a window over them, in the same query, and no count is kept.
 * `generation`: the load's, when known (the counts are kept per load). `check`: SQL of a value
 * the page's query reads too, returned as `check` (a ZIP code's centre: `postcodeCentre`).
 * @param {Db} db @param {Params} params @param {ListQuery} q @param {Paging} pg @param {Item} item
 * `prepare`: the page's query kept prepared (db.js): for lists whose best plan does not hang
 * on the values (not a distance with other filters, whose plan depends on the circle's size);
 * 'generic': run with the plan for any values from the first call (db.js, `Queryable`).
 * @param {{ totalSql?: string, countInPage?: boolean, generation?: string, check?: string, prepare?: boolean | 'generic' }} [known]
 * @returns {Promise<Found>}
 */
async function pageItems(db, params, q, pg, item, known = {}) {
  /** @type {(x?: Segment, walk?: boolean) => string} the filters, and a segment's own (without the filter it implies; walking, their unindexed twins) */
  const whereOf = (x, walk = false) => {
    const conditions = [
      ...q.where.filter((c) => c !== x?.implies).map((c) => (walk && x?.walk?.[c]) || c),
      ...(x ? [`(${x.when})`] : []),
    ];
    return conditions.length ? `where ${conditions.join(' and ')}` : '';
  };
  const seg = q.segments.length ? q.segments : [{ when: 'true' }];
  /**
   * One segment's part of the page, the `n`th. `after`: the SQL parameter of the id of the row
   * the part starts after, in the list's own order (name, key): then `skip` is 0.
   * @type {(x: Segment, take: number, skip: number, n: number, counted?: boolean, walk?: boolean, after?: string) => string}
   */
  const part = (x, take, skip, n, counted = false, walk = false, after = undefined) => {
    const limit = `limit ${Math.trunc(take)} offset ${Math.trunc(skip)}`;
    // Columns the items read, carried from the list's own row (no second lookup of it by id).
    const carried = q.carry ? `, ${q.carry.names}` : '';
    if (x.page && !counted) return `select id${carried}, ${n} as seg, row_number() over () as r from (${x.page(Math.trunc(take), Math.trunc(skip))}) x`;
    if (x.names && q.key === 's.id' && !counted) {
      // Name by name (in order), each name's services through the (name, id) index.
      const filters = q.where.filter((c) => c !== x.implies);
      const names = `select name, array_agg(search_name) as sn, sum(nn.n) as n from (${x.names}) nn group by name`;
      const services = (/** @type {string} */ m) =>
        `select s.id from ${q.from} where s.name = ${m}.name and s.search_name = any(${m}.sn)${filters.map((c) => ` and ${c}`).join('')}`;
      if (filters.length === 0) {
        // With no other filter, each name's count of services is known (service_name.n): only
        // the names the page falls in are read, however deep the page.
        const end = Math.trunc(skip + take);
        return `select id, ${n} as seg, row_number() over () as r from (
          select id, name from (
            select s.id, m.name, m.before + row_number() over (partition by m.name order by s.id) as at
            from (select name, sn, n, sum(n) over (order by name) - n as before from (${names}) m0) m
            cross join lateral (${services('m')}) s
            where m.before < ${end} and m.before + m.n > ${Math.trunc(skip)}) z
          where at > ${Math.trunc(skip)} and at <= ${end} order by name, id) x`;
      }
      return `select id, ${n} as seg, row_number() over () as r from (
        select s.id from (${names}) m cross join lateral (${services('m')}) s
        order by m.name, s.id ${limit}) x`;
    }
    const where = whereOf(x, walk);
    const start = after
      ? `${where ? `${where} and` : 'where'} (${q.name}, ${q.key}) > (select ${q.name}, ${q.key} from ${q.from} where ${q.key} = ${after})`
      : where;
    return `select id${carried}, ${n} as seg, row_number() over () as r${counted ? ', total' : ''} from (
    select ${q.key} as id${q.carry ? `, ${q.carry.sql}` : ''}${counted ? ', count(*) over () as total' : ''} from ${q.from} ${start}
    order by ${(walk ? undefined : x.order) ?? `${q.name}, ${q.key}`} ${limit}) x`;
  };
  /**
   * The page's items, and the count when `total` reads it; `last`: the id of the page's last row too.
   * @type {(parts: string[], total: string, last?: boolean) => Promise<Found & { last?: string }>}
   */
  const read = async (parts, total, last = false) => {
    const [row] = await db.query(
      `select ${total}::int8 as total, count(p.id)::int as n, string_agg(${item.json}, ',' order by p.seg, p.r) as j,
         ${GENERATION} as generation${known.check ? `, ${known.check} as check` : ''}${last ? ', (array_agg(p.id order by p.seg desc, p.r desc))[1]::text as last' : ''}
       from (${parts.map((x) => `(${x})`).join(' union all ')}) p ${item.join}`,
      params.values,
      known.prepare,
    );
    const generation = row?.generation == null ? undefined : String(row.generation);
    if (generation !== undefined) lastGeneration = generation;
    READ.set(db, generation);
    return {
      total: Number(row?.total ?? 0), items: row?.j ? [String(row.j)] : [], size: Number(row?.n ?? 0),
      generation, check: row?.check == null ? undefined : String(row.check), last: row?.last == null ? undefined : String(row.last),
    };
  };
  if (known.totalSql !== undefined && seg.length === 1) {
    return read([part(/** @type {Segment} */ (seg[0]), pg.perPage, pg.offset, 0)], `coalesce(${known.totalSql}, 0)`);
  }
  if (known.countInPage && seg.length === 1) {
    const found = await read([part(/** @type {Segment} */ (seg[0]), pg.perPage, pg.offset, 0, true)], 'coalesce(max(p.total), 0)');
    // A page past the last has no row to carry the count: counted below, as any other.
    if (found.size > 0 || pg.offset === 0) return found;
  }
  // All matches, and each segment but the last (the segments split the matches: the last
  // is the rest). Counted apart, so each count can use its own index (a bitmap of the
  // full-text index; the names' index for the name matches) and checks no condition row by row.
  /** @type {(x?: Segment) => string} */
  const count = (x) => `(select count(*) from ${q.from} ${whereOf(x)})::int8`;
  const sql = `select ${count()} as total${seg.slice(0, -1).map((x, i) => `, ${count(x)} as n${i}`).join('')}${q.rowsSql ? `, ${q.rowsSql} as rows` : ''}`;
  // The counts of a question do not change within one load: kept, so the next page of it
  // (a client walking every page) counts nothing again.
  /** @type {(generation: string | undefined) => string} */
  const keyOf = (generation) => `${generation ?? ''}\u0000${sql}\u0000${JSON.stringify(params.values)}`;
  let key = keyOf(known.generation ?? (READ.has(db) ? READ.get(db) : lastGeneration));
  let kept = COUNTS.get(key);
  if (!kept) {
    const [row] = await db.query(`${sql}, ${GENERATION} as generation`, params.values.slice());
    const all = Number(row?.total ?? 0);
    const counts = seg.slice(0, -1).map((_, i) => Number(row?.[`n${i}`] ?? 0));
    counts.push(all - counts.reduce((a, b) => a + b, 0));
    kept = { counts, rows: Number(row?.rows ?? 0), generation: row?.generation == null ? undefined : String(row.generation) };
    key = keyOf(kept.generation);
    COUNTS.set(key, kept);
  }
  const { counts, rows } = kept;
  const total = counts.reduce((a, b) => a + b, 0);
  // Where the page falls in each segment: one part per segment the page touches (one, or two
  // where the page straddles them), numbered in their order.
  /** @type {string[]} */
  const parts = [];
  // Where the page before this one ended, when it was read in this load: a segment in the
  // list's own order (name, key) then starts after its last row, not at an offset.
  const bound = BOUNDS.get(`${key}\u0000${pg.offset}`);
  let skip = pg.offset;
  let want = pg.perPage;
  seg.forEach((x, i) => {
    const n = counts[i] ?? 0;
    if (want > 0 && skip < n) {
      const take = Math.min(want, n - skip);
      const after = skip > 0 && bound !== undefined && x.order === undefined && !x.page && !x.names ? params.add(bound) : undefined;
      // Walk the list's order, checking each row, where that reads fewer rows than the segment
      // has matches (about (skip + take) / (n / rows) where they are spread evenly); otherwise
      // read every match through the index and sort them. 47,513 matches at 1,000,000 records,
      // page 8: 4,355 rows walked in 3 ms, against 80 ms for all of them.
      const depth = after ? take : skip + take;
      const walk = x.walk !== undefined && rows > 0 && depth * rows < n * n;
      parts.push(part(x, take, after ? 0 : skip, parts.length, false, walk, after));
      want -= take;
      skip = 0;
    } else skip = Math.max(0, skip - n);
  });
  // No row to read (no match, or a page past the last): the generation is still read, so a
  // count kept from another load is never the answer.
  const found = parts.length > 0 ? await read(parts, 'null', true) : { items: [], size: 0, generation: await currentGeneration(db) };
  if (found.generation !== kept.generation && known.generation === undefined) {
    // Counted in another load than the one the page was read from: counted again in this one.
    COUNTS.delete(key);
    return pageItems(db, params, q, pg, item, { ...known, generation: found.generation ?? '' });
  }
  const { last, ...pageRead } = /** @type {Found & { last?: string }} */ (found);
  if (last !== undefined && pageRead.size === pg.perPage && pageRead.generation === kept.generation) {
    BOUNDS.set(`${key}\u0000${pg.offset + pageRead.size}`, last);
  }
  return { ...pageRead, total };
}

/**
 * The search part of a list query. 'text': the full-text index; services whose NAME matches
 * rank first, then the others, each in name order. 'fuzzy' (tried when text search finds
 * nothing): trigram word similarity on names and categories, for typos, most similar first.
 * Undefined when the words leave nothing to search for (the list then is empty).
 * @param {Db} db @param {Params} params @param {string} search
 * @param {'text' | 'fuzzy'} mode @param {string} key the row's id column
 * @returns {Promise<{ where: string, segments: Segment[] } | undefined>}
 */
async function searchParts(db, params, search, mode, key) {
  if (mode === 'text') {
    const tsq = await textQuery(db, search);
    if (tsq === undefined) return undefined;
    const q = `${params.add(tsq.q)}::tsquery`;
    const where = `s.tsv @@ ${q}`;
    // A name match: the service's name and alternate name are among the names that match, looked
    // up once in the table of names (load.js, `rewrites`; far fewer rows than services).
    const names = `select n.name, n.search_name, n.n from ${S}.service_name n where n.tsv_name @@ ${q}`;
    const named = `(s.name, s.search_name) in (select n.name, n.search_name from ${S}.service_name n where n.tsv_name @@ ${q})`;
    return {
      where,
      segments: [
        { when: named, implies: where, names, order: `${key === 's.id' ? 's.name' : 'sal.sort_name'} || '', ${key}` },
        // The others, in name order: where they are many, read by walking the names' index and
        // checking each row (`walk`: the same match, which the full-text index cannot take).
        { when: `not (${named})`, walk: { [where]: `ts_match_vq(s.tsv, ${q})` } },
      ],
    };
  }
  // Worked out once, as a sub-select (unaccent is only STABLE: inline, it would run for every row).
  const words = `(select lower(unaccent(${params.add(search)})))`;
  return { where: `${words} <% s.trgm`, segments: [{ when: 'true', order: `word_similarity(${words}, s.trgm) desc, s.name, ${key}` }] };
}

/**
 * Filters shared by /services and /service_at_locations.
 * @param {Params} params @param {Query} p
 */
function serviceFilters(params, p) {
  const where = [];
  if (p.taxonomy_term_id) {
    // The service-term table (one row per service and term of our taxonomies, built at load).
    where.push(`s.id in (select st.service_id from ${S}.service_term st where st.term_id = any(${params.add(p.taxonomy_term_id)}::uuid[]))`);
  }
  if (p.taxonomy_id) {
    // A taxonomy is its terms: those of the contract (a load writes no others), as values the
    // planner sees (their counts are in service_term's statistics).
    const taxonomy = Object.keys(TAXONOMIES).find((name) => taxonomyId(name) === p.taxonomy_id);
    const terms = taxonomy ? (TAXONOMIES[taxonomy]?.terms ?? []).map((code) => termId(taxonomy, code)) : [];
    where.push(`s.id in (select st.service_id from ${S}.service_term st where st.term_id = any(${params.add(terms)}::uuid[]))`);
  }
  if (p.organization_id) where.push(`s.organization_id = ${params.add(p.organization_id)}::uuid`);
  if (p.modified_after) where.push(`s.last_modified >= ${params.add(p.modified_after)}::timestamptz`);
  return where;
}

/**
 * Search with text search, and with the typo-tolerant search when that finds nothing and the
 * words have at least FUZZY_MIN letters or digits: trigrams of one or two letters match nearly
 * every name, so they find nothing a person meant, slowly (the first keys typed in a search box).
 */
/**
 * @typedef {'none' | 'text' | 'fuzzy'} Mode
 * @typedef {{ total: number, items: string[], size: number, generation?: string, check?: string }} Found
 *   the count, the page's items' JSON joined, how many; the generation read, and `check` (pageItems)
 * @typedef {{ perPage: number, pageNumber: number, offset: number }} Paging
 * @param {Query} p @param {(mode: Mode) => Promise<Found>} run
 */
async function searched(p, run) {
  if (!p.search) return run('none');
  const text = await run('text');
  if (text.total > 0 || p.search.replace(/[^\p{L}\p{N}]/gu, '').length < FUZZY_MIN) return text;
  return run('fuzzy');
}
const FUZZY_MIN = 3;

/** @type {(p: Query) => Paging} */
const paging = (p) => {
  const perPage = p.per_page ?? PER_PAGE_DEFAULT;
  const pageNumber = p.page ?? 1;
  return { perPage, pageNumber, offset: (pageNumber - 1) * perPage };
};

/**
 * SQL reading the number of services or service_at_locations loaded (for unfiltered lists).
 * @param {string} key
 */
const loadedCountSql = (key) => `(select value::int8 from ${S}.meta where key = '${key}')`;

/**
 * SQL reading the number of services with one term, counted at load (`term_count`).
 * @param {string} term its SQL parameter
 */
const termCountSql = (term) => `(select n from ${S}.term_count where term_id = ${term}::uuid)`;

/**
 * @param {Db} db @param {URLSearchParams} query
 * @returns {Promise<string>}
 */
export async function listServices(db, query) {
  const p = parseParams(query, LIST_PARAMS.services);
  if (p.format === 'ndjson') return ndjson(query, (q) => listServices(db, q));
  const pg = paging(p);
  const full = p.full ?? true;
  /** @type {(keyof Query)[]} */
  const filters = ['search', 'taxonomy_id', 'organization_id', 'modified_after'];
  const others = filters.every((k) => p[k] === undefined);
  /** @type {Item} */
  const item = p.minimal || !full
    ? { json: `json_strip_nulls(${p.minimal ? minimalServiceJson('s') : serviceJson('s')})::text`, join: `join ${S}.service s on s.id = p.id` }
    : { json: serviceDoc('d'), join: `join ${S}.service_doc d on d.id = p.id` };
  const { total, items, size } = await searched(p, async (mode) => {
    const params = new Params();
    // One term and nothing else: the service-term table in (term, name) order, counted at load.
    if (mode === 'none' && others && p.taxonomy_term_id?.length === 1) {
      const term = params.add(p.taxonomy_term_id[0]);
      return pageItems(db, params, {
        from: `${S}.service_term st`, key: 'st.service_id', name: 'st.name', where: [`st.term_id = ${term}::uuid`], segments: [],
      }, pg, item, { totalSql: termCountSql(term), prepare: true });
    }
    const where = serviceFilters(params, p);
    /** @type {Segment[]} */
    let segments = [];
    if (mode !== 'none') {
      // `searched` asks for 'text' or 'fuzzy' only with a search.
      const c = await searchParts(db, params, /** @type {string} */ (p.search), mode, 's.id');
      if (!c) return { total: 0, items: [], size: 0 };
      where.push(c.where);
      segments = c.segments;
    }
    const totalSql = mode === 'none' && where.length === 0 ? loadedCountSql('services') : undefined;
    return pageItems(db, params, { from: `${S}.service s`, key: 's.id', name: 's.name', where, segments, rowsSql: loadedCountSql('services') }, pg, item, { totalSql, prepare: true });
  });
  return page(total, pg.pageNumber, pg.perPage, items, size);
}

/**
 * Where a ZIP code's centre is, or a 400 naming `postcode`. Kept once found (at most 50,000,
 * the least recently used going first): a distance list then takes one query, not two. `at`, the
 * centre as the database writes it: the list's query reads it again (`centreCheck`), and a
 * list read with a centre a load has since changed is read again with the new one.
 * @param {Db} db @param {string | undefined} code (parseParams asks for it with `proximity`)
 * @returns {Promise<{ lat: number, lon: number, at: string }>}
 */
async function postcodeCentre(db, code = '') {
  let centre = CENTRES.get(code);
  if (!centre) {
    // Prepared: an EXECUTE, which travels with the answer's `begin` (db.js, `read`).
    const [row] = await db.query(`select latitude, longitude, ${centreText('p')} as at from ${S}.postcode p where code = $1`, [code], true);
    if (!row) throw new BadParameter('postcode', `postcode ${code} is not a ZIP code this server knows`);
    centre = { lat: Number(row.latitude), lon: Number(row.longitude), at: String(row.at) };
    CENTRES.set(code, centre);
  }
  return centre;
}
/** The widest circle (metres) whose distance-only list runs with one plan for any circle (`listServiceAtLocations`). */
const GENERIC_PLAN_M = 100000;
/** @type {Kept<{ lat: number, lon: number, at: string }>} */
const CENTRES = new Kept(50000);
/** @type {(p: string) => string} a postcode row's centre as text */
const centreText = (p) => `${p}.latitude || ' ' || ${p}.longitude`;
/** @type {(code: string) => string} SQL of a ZIP code's centre as text, now ('none' when there is none) */
const centreCheck = (code) => `coalesce((select ${centreText('pc')} from ${S}.postcode pc where pc.code = ${code}), 'none')`;

/**
 * The latitude/longitude box around a point that holds every point within `metres` on the
 * sphere (J. P. Matuschek, "Finding Points Within a Distance of a Latitude/Longitude Using
 * Bounding Coordinates"). Its longitudes pass ±180 where the circle crosses the 180th
 * meridian (`aroundSql` then makes two boxes of it).
 * @param {number} lat @param {number} lon @param {number} metres
 */
export function boundingBox(lat, lon, metres) {
  const r = metres / EARTH_RADIUS_M;
  const latR = (lat * Math.PI) / 180;
  const eps = 1e-9;
  let minLat = latR - r;
  let maxLat = latR + r;
  let minLon;
  let maxLon;
  if (minLat > -Math.PI / 2 && maxLat < Math.PI / 2) {
    const dLon = Math.asin(Math.min(1, Math.sin(r) / Math.cos(latR)));
    minLon = (lon * Math.PI) / 180 - dLon;
    maxLon = (lon * Math.PI) / 180 + dLon;
  } else {
    minLat = Math.max(minLat, -Math.PI / 2);
    maxLat = Math.min(maxLat, Math.PI / 2);
    minLon = -Math.PI;
    maxLon = Math.PI;
  }
  const deg = (/** @type {number} */ x) => (x * 180) / Math.PI;
  return { minLat: deg(minLat) - eps, maxLat: deg(maxLat) + eps, minLon: deg(minLon) - eps, maxLon: deg(maxLon) + eps };
}

/**
 * SQL true for a place whose point (its GiST index) is in the box around a circle: two boxes
 * where the circle crosses the 180th meridian (the box's longitudes, past ±180, wrap round).
 * `halves`: each box as its south and north halves, so the places are read as a bitmap of the
 * index (an OR has no other way through it) even by a plan made for any circle, which would
 * read one box place by place (a place on the line between is in both, and counted once).
 * @param {Params} params @param {number} lat @param {number} lon @param {number} metres @param {boolean} [halves]
 */
function aroundSql(params, lat, lon, metres, halves = false) {
  const b = boundingBox(lat, lon, metres);
  /** @type {Array<[number, number]>} west and east edges */
  const spans =
    b.minLon < -180 ? [[b.minLon + 360, 180], [-180, b.maxLon]]
    : b.maxLon > 180 ? [[b.minLon, 180], [-180, b.maxLon - 360]]
    : [[b.minLon, b.maxLon]];
  /** @type {Array<[number, number]>} south and north edges */
  const bands = halves ? [[b.minLat, lat], [lat, b.maxLat]] : [[b.minLat, b.maxLat]];
  const edges = bands.map(([s, n]) => [params.add(s), params.add(n)]);
  const boxes = spans.flatMap(([west, east]) => {
    const [w, e] = [params.add(west), params.add(east)];
    return edges.map(([south, north]) => `point(sal.longitude, sal.latitude) <@ box(point(${w}::float8, ${south}::float8), point(${e}::float8, ${north}::float8))`);
  });
  return boxes.length > 1 ? `(${boxes.join(' or ')})` : /** @type {string} */ (boxes[0]);
}

/**
 * Great-circle distance in metres on the sphere the database measures on (load.js, gc_meters;
 * PostGIS's geography with use_spheroid = false).
 * @param {number} lat1 @param {number} lon1 @param {number} lat2 @param {number} lon2
 */
function gcMetres(lat1, lon1, lat2, lon2) {
  const rad = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A box of latitudes and longitudes inside a circle: every point of it is nearer the centre
 * than `metres`, by a millimetre at least (the farthest point of such a box from the centre
 * is one of its corners, and each corner is measured), so a place in it is within the circle
 * with no distance worked out. Undefined near a pole or the 180th meridian.
 * @param {number} lat @param {number} lon @param {number} metres
 * @returns {{ minLat: number, maxLat: number, minLon: number, maxLon: number } | undefined}
 */
export function innerBox(lat, lon, metres) {
  const limit = metres * (1 - 1e-9) - 0.001;
  if (!(limit > 0)) return undefined;
  let dLat = ((metres / EARTH_RADIUS_M) * (180 / Math.PI)) / Math.SQRT2;
  for (let i = 0; i < 30; i++, dLat *= 0.95) {
    const minLat = lat - dLat;
    const maxLat = lat + dLat;
    if (minLat <= -85 || maxLat >= 85) return undefined;
    const dLon = dLat / Math.cos((Math.max(Math.abs(minLat), Math.abs(maxLat)) * Math.PI) / 180);
    const minLon = lon - dLon;
    const maxLon = lon + dLon;
    if (minLon <= -180 || maxLon >= 180) return undefined;
    const far = Math.max(
      gcMetres(lat, lon, minLat, minLon), gcMetres(lat, lon, minLat, maxLon),
      gcMetres(lat, lon, maxLat, minLon), gcMetres(lat, lon, maxLat, maxLon),
    );
    if (far <= limit) return { minLat, maxLat, minLon, maxLon };
  }
  return undefined;
}

/** A place's own columns its item reads, carried with the page's ids: only its documents are looked up. */
const SAL_CARRY = { sql: 'sal.service_id, sal.location_id, sal.description', names: 'service_id, location_id, description' };
/** The same, with where the place's documents are (load.js: their rows' addresses), when the data has them. */
const SAL_CARRY_AT = { sql: `${SAL_CARRY.sql}, sal.service_doc_at, sal.location_doc_at`, names: `${SAL_CARRY.names}, service_doc_at, location_doc_at` };
/**
 * A page's full items' documents, read by the addresses its places carry (`SAL_CARRY_AT`: one disk
 * page each, a TID scan) with their ids checked; by id where an address no longer holds (a
 * document table rewritten since the load), so that no item ever goes missing.
 * @type {(table: string, alias: string, columns: string, at: string, id: string) => string}
 */
const docAt = (table, alias, columns, at, id) => `cross join lateral (select ${columns} from (
    select ${columns} from ${S}.${table} ${alias} where ${alias}.ctid = p.${at} and ${alias}.id = p.${id}
    union all select ${columns} from ${S}.${table} ${alias} where ${alias}.id = p.${id}) ${alias} limit 1) ${alias}`;
const docsAtJoin = `${docAt('service_doc', 'd', 'd.head, d.org, d.body', 'service_doc_at', 'service_id')}
  ${docAt('location_doc', 'ld', 'ld.json', 'location_doc_at', 'location_id')}`;

/**
 * @param {import('./db.js').Queryable} db
 * @param {URLSearchParams} query
 * @param {{ distance: 'postgis' | 'bbox', docsAt?: boolean }} options `docsAt`: the places carry their
 *   documents' addresses (load.js; http.js looks)
 * @param {boolean} [again] read again, a kept ZIP code centre having changed
 * @returns {Promise<string>}
 */
export async function listServiceAtLocations(db, query, options, again = false) {
  const p = parseParams(query, LIST_PARAMS.service_at_locations);
  if (p.format === 'ndjson') return ndjson(query, (q) => listServiceAtLocations(db, q, options));
  const pg = paging(p);
  const full = p.full ?? true;
  const centre = p.proximity !== undefined ? await postcodeCentre(db, p.postcode) : undefined;
  const carry = options.docsAt ? SAL_CARRY_AT : SAL_CARRY;
  /** @type {Item} */
  const item = full
    ? {
        json: serviceAtLocationDoc('p', 'ld', 'd'),
        join: options.docsAt ? docsAtJoin : `join ${S}.service_doc d on d.id = p.service_id join ${S}.location_doc ld on ld.id = p.location_id`,
      }
    : {
        json: `json_strip_nulls(${serviceAtLocationJson('p', 'ld', 's')})::text`,
        join: `join ${S}.service s on s.id = p.service_id join ${S}.location_doc ld on ld.id = p.location_id`,
      };
  const found = await searched(p, async (mode) => {
    const params = new Params();
    const where = serviceFilters(params, p);
    /** @type {Segment[]} */
    let segments = [];
    if (mode !== 'none') {
      // `searched` asks for 'text' or 'fuzzy' only with a search.
      const c = await searchParts(db, params, /** @type {string} */ (p.search), mode, 'sal.id');
      if (!c) return { total: 0, items: [], size: 0 };
      where.push(c.where);
      segments = c.segments;
    }
    if (p.postcode !== undefined && centre === undefined) {
      where.push(`exists (select 1 from ${S}.address ad where ad.location_id = sal.location_id and ad.postal_code = ${params.add(p.postcode)})`);
    }
    // A distance and nothing else: a plan that holds for any circle (no join to weigh).
    const alone = where.length === 0 && mode === 'none';
    const check = centre ? centreCheck(params.add(p.postcode)) : undefined;
    if (centre) {
      const lat = params.add(centre.lat);
      const lon = params.add(centre.lon);
      const m = params.add(p.proximity);
      // The places in the box inside the circle are in it with no distance worked out (most
      // of a circle's places: the distance on the sphere is most of the cost of counting them).
      const inner = innerBox(centre.lat, centre.lon, /** @type {number} */ (p.proximity));
      const within = (/** @type {string} */ distance) => (inner
        ? `(sal.latitude between ${params.add(inner.minLat)}::float8 and ${params.add(inner.maxLat)}::float8
            and sal.longitude between ${params.add(inner.minLon)}::float8 and ${params.add(inner.maxLon)}::float8
            or ${distance} <= ${m}::float8)`
        : `${distance} <= ${m}::float8`);
      /** @type {string} */
      let distance;
      if (options.distance === 'postgis') {
        const point = `st_setsrid(st_makepoint(${lon}::float8, ${lat}::float8), 4326)::geography`;
        // The same distance on the sphere as st_distance(…, false).
        distance = `(sal.geog <-> ${point})`;
        // What st_dwithin(…, false) does, written out: the box around the circle (the GiST
        // index on geog, which has statistics) and then the distance. st_dwithin itself is
        // estimated at 0.01% of the places whatever the distance; at 100,000 places within
        // 500 km the planner then joined every place to every service_at_location, for minutes.
        const inCircle = within(distance);
        where.push(`sal.geog && _st_expand(${point}, ${m}::float8)`, inCircle);
        if (alone) {
          // A distance and nothing else: counted apart (the places in the circle, through the
          // index), and the page read nearest first from the index (KNN): the distance of the
          // page's last place is found first, then only the places within it are sorted (all
          // those at that distance: ties are broken by name and id, as always).
          const sal = `${S}.service_at_location`;
          // Counted through the box around the circle on the places' own point (its GiST index),
          // as a bitmap: the places are read in table order, a few runs of it (load.js, `rewrites`),
          // not one by one in the order the geography's index gives them (at 1,000,000, the 5,715
          // places around 10001 in 1.9 ms, not 2.8).
          const around = aroundSql(params, centre.lat, centre.lon, /** @type {number} */ (p.proximity), true);
          const total = `(select count(*) from ${sal} sal where ${around} and ${inCircle})`;
          const segment = {
            when: 'true',
            page: (/** @type {number} */ take, /** @type {number} */ skip) => `select sal.id, ${carry.sql}
              from (select least(${m}::float8, coalesce((select k.geog <-> ${point} from ${sal} k
                order by k.geog <-> ${point} offset ${skip + take - 1} limit 1), ${m}::float8)) as d offset 0) r
              join ${sal} sal on sal.geog && _st_expand(${point}, r.d) and ${distance} <= r.d
              order by ${distance}, sal.sort_name, sal.id limit ${take} offset ${skip}`,
          };
          // Planned once, not for each circle, where the circle is at most GENERIC_PLAN_M wide:
          // planning this query costs a third of it for most circles (1.43 ms an EXECUTE planned
          // for 16 km around 66097 at 1,000,000 places, 0.93 with the one plan). The one plan
          // counts as a bitmap too (`around`'s halves), but is dearer where a circle holds tens
          // of thousands of places (10001: 4.89 against 5.22 ms at 40 km, 6.75 against 7.93 at
          // 80 km). Wider circles are planned for their values (BENCHMARKS.md, "one round trip
          // fewer an answer, one plan for a nearby circle").
          const prepare = /** @type {number} */ (p.proximity) <= GENERIC_PLAN_M ? 'generic' : true;
          return pageItems(db, params, { from: `${sal} sal`, key: 'sal.id', name: 'sal.sort_name', where, segments: [segment], carry }, pg, item, { totalSql: total, check, prepare });
        }
      } else {
        // The box first (the GiST index on the point), then the great circle on what is in it.
        distance = `${S}.gc_meters(${lat}::float8, ${lon}::float8, sal.latitude, sal.longitude)`;
        where.push(aroundSql(params, centre.lat, centre.lon, /** @type {number} */ (p.proximity)), within(distance));
      }
      // Nearest first; at the same distance, as without a distance.
      const rank = mode === 'text' ? `(${segments[0]?.when}) desc, ` : '';
      const tail = mode === 'fuzzy' ? segments[0]?.order : `${rank}sal.sort_name, sal.id`;
      segments = [{ when: 'true', order: `${distance}, ${tail}` }];
    }
    // The service and the location are joined only where a filter, a rank or an order reads
    // them (every service_at_location has both: foreign keys), so a distance alone reads one
    // table (its coordinates are on it).
    const reads = (/** @type {string} */ alias) => [...where, ...segments.flatMap((x) => [x.when, x.order ?? ''])].some((x) => new RegExp(`\\b${alias}\\.`).test(x));
    const from = `${S}.service_at_location sal${reads('s') ? ` join ${S}.service s on s.id = sal.service_id` : ''}${reads('l') ? ` join ${S}.location l on l.id = sal.location_id` : ''}`;
    const totalSql = mode === 'none' && where.length === 0 ? loadedCountSql('service_at_locations') : undefined;
    return pageItems(db, params, { from, key: 'sal.id', name: 'sal.sort_name', where, segments, carry }, pg, item, { totalSql, countInPage: centre !== undefined, check, prepare: centre === undefined || alone });
  });
  if (centre && found.check !== undefined && found.check !== centre.at && !again) {
    // A load changed (or dropped) the ZIP code's centre since it was kept: read again.
    CENTRES.delete(p.postcode ?? '');
    return listServiceAtLocations(db, query, options, true);
  }
  const { total, items, size } = found;
  return page(total, pg.pageNumber, pg.perPage, items, size);
}

/**
 * @param {Db} db @param {URLSearchParams} query
 * @returns {Promise<string>}
 */
export async function listOrganizations(db, query) {
  const p = parseParams(query, LIST_PARAMS.organizations);
  if (p.format === 'ndjson') return ndjson(query, (q) => listOrganizations(db, q));
  const { perPage, pageNumber, offset } = paging(p);
  // `full`: with the organization's services; `full_service`: with its services fully nested.
  const json = p.full || p.full_service
    ? `json_build_object('id', o.id, 'name', o.name, 'description', o.description, 'website', o.website,
        'services', ${organizationServicesJson('o', p.full_service === true)})`
    : organizationJson('o');
  const params = new Params();
  const where = p.search ? `where o.search like '%' || lower(unaccent(${params.add(p.search.replace(/[\\%_]/g, '\\$&'))})) || '%'` : '';
  const [c] = await db.query(`select count(*)::int as n from ${S}.organization o ${where}`, params.values);
  const total = Number(c?.n ?? 0);
  const rows = await db.query(
    `select json_strip_nulls(${json})::text as j from ${S}.organization o ${where}
     order by o.name, o.id limit ${params.add(perPage)} offset ${params.add(offset)}`,
    params.values,
  );
  return page(total, pageNumber, perPage, rows.map((r) => String(r.j)));
}

/**
 * @param {Db} db @param {URLSearchParams} query
 * @returns {Promise<string>}
 */
export async function listTaxonomies(db, query) {
  const p = parseParams(query, LIST_PARAMS.taxonomies);
  if (p.format === 'ndjson') return ndjson(query, (q) => listTaxonomies(db, q));
  const { perPage, pageNumber, offset } = paging(p);
  const params = new Params();
  const where = p.search ? `where t.name ilike '%' || ${params.add(p.search.replace(/[\\%_]/g, '\\$&'))} || '%'` : '';
  const [c] = await db.query(`select count(*)::int as n from ${S}.taxonomy t ${where}`, params.values);
  const rows = await db.query(
    `select json_strip_nulls(${taxonomyJson('t')})::text as j from ${S}.taxonomy t ${where}
     order by t.name, t.id limit ${params.add(perPage)} offset ${params.add(offset)}`,
    params.values,
  );
  return page(Number(c?.n ?? 0), pageNumber, perPage, rows.map((r) => String(r.j)));
}

/**
 * @param {Db} db @param {URLSearchParams} query
 * @returns {Promise<string>}
 */
export async function listTaxonomyTerms(db, query) {
  const p = parseParams(query, LIST_PARAMS.taxonomy_terms);
  if (p.format === 'ndjson') return ndjson(query, (q) => listTaxonomyTerms(db, q));
  const { perPage, pageNumber, offset } = paging(p);
  const params = new Params();
  const where = [];
  if (p.search) {
    const q = params.add(p.search.replace(/[\\%_]/g, '\\$&'));
    where.push(`(t.name ilike '%' || ${q} || '%' or t.code ilike '%' || ${q} || '%')`);
  }
  if (p.taxonomy_id) where.push(`t.taxonomy_id = ${params.add(p.taxonomy_id)}::uuid`);
  if (p.parent_id) where.push(`t.parent_id = ${params.add(p.parent_id)}::uuid`);
  if (p.top_only === true) where.push('t.parent_id is null');
  const w = where.length ? `where ${where.join(' and ')}` : '';
  const [c] = await db.query(`select count(*)::int as n from ${S}.taxonomy_term t ${w}`, params.values);
  const rows = await db.query(
    `select json_strip_nulls(${termJson('t')})::text as j from ${S}.taxonomy_term t ${w}
     order by t.taxonomy, t.code, t.id limit ${params.add(perPage)} offset ${params.add(offset)}`,
    params.values,
  );
  return page(Number(c?.n ?? 0), pageNumber, perPage, rows.map((r) => String(r.j)));
}

/**
 * `format=ndjson` on a list: its results one JSON item a line (newline-delimited JSON), without
 * the page envelope, every page to the last.
 * @param {URLSearchParams} query
 * @param {(query: URLSearchParams) => Promise<string>} list the list endpoint, answering a page
 */
async function ndjson(query, list) {
  let out = '';
  for (let page = 1; ; page++) {
    const q = new URLSearchParams(query);
    q.delete('format');
    q.set('page', String(page));
    q.set('per_page', String(PER_PAGE_MAX));
    const { contents, last_page: last } = JSON.parse(await list(q));
    for (const item of contents) out += `${JSON.stringify(item)}\n`;
    if (last || contents.length < PER_PAGE_MAX) break;
  }
  return out;
}

/**
 * One item by id: a 400 for a malformed id, a 404 for an unknown one.
 * @param {Db} db @param {URLSearchParams} query @param {string} id @param {string} sql
 * @param {Record<string, Check>} [allowed] the parameters it takes
 */
async function one(db, query, id, sql, allowed = {}) {
  parseParams(query, allowed);
  if (!UUID.test(id)) throw new BadParameter('id', 'id must be a UUID');
  const [row] = await db.query(sql, [id.toLowerCase()]);
  if (!row) throw new NotFound('No item has this id.');
  return String(row.j);
}

/** @typedef {(db: Db, query: URLSearchParams, id: string) => Promise<string>} GetOne */

/** @type {GetOne} */
export const getService = (db, query, id) =>
  one(db, query, id, `select ${serviceDoc('d')} as j from ${S}.service_doc d where d.id = $1::uuid`);

/** @type {GetOne} */
export const getServiceAtLocation = (db, query, id) =>
  one(db, query, id, `select ${serviceAtLocationDoc('sal', 'ld', 'd')} as j
    from ${S}.service_at_location sal join ${S}.service_doc d on d.id = sal.service_id join ${S}.location_doc ld on ld.id = sal.location_id
    where sal.id = $1::uuid`);

/**
 * An organization with its services: their one-to-one fields, or (`full_service=true`) fully nested.
 * @type {GetOne}
 */
export const getOrganization = (db, query, id) =>
  one(db, query, id, `select json_strip_nulls(json_build_object('id', o.id, 'name', o.name, 'description', o.description,
      'website', o.website, 'services', ${organizationServicesJson('o', query.get('full_service') === 'true')}))::text as j
    from ${S}.organization o where o.id = $1::uuid`, { full_service: P.bool });

/** @type {GetOne} */
export const getTaxonomy = (db, query, id) =>
  one(db, query, id, `select json_strip_nulls(${taxonomyJson('t')})::text as j from ${S}.taxonomy t where t.id = $1::uuid`);

/** @type {GetOne} */
export const getTaxonomyTerm = (db, query, id) =>
  one(db, query, id, `select json_strip_nulls(${termJson('t')})::text as j from ${S}.taxonomy_term t where t.id = $1::uuid`);

/**
 * The index document (`/`).
 * @param {URLSearchParams} query
 */
export function index(query) {
  parseParams(query, {});
  return JSON.stringify({ version: HSDS_VERSION, profile: PROFILE_URL, openapi_url: OPENAPI_URL });
}

/**
 * `/healthz`: the database answers and holds data.
 * @param {Db} db @param {URLSearchParams} query
 */
export async function health(db, query) {
  parseParams(query, {});
  const rows = await db.query(`select key, value from ${S}.meta where key in ('loaded_at', 'services')`);
  const meta = Object.fromEntries(rows.map((r) => [String(r.key), String(r.value)]));
  return JSON.stringify({ status: 'ok', services: Number(meta.services ?? 0), loaded_at: meta.loaded_at ?? null });
}
