// @ts-check
/**
 * Load datasets into the HSDS tables, or replace what is there, atomically.
 *
 * Everything happens in ONE transaction: the new tables are built in a schema of their own
 * (`hsds_next`), filled, indexed and analysed, and only then swapped in for the live schema
 * (`hsds`) by a rename. Readers keep seeing the old data until the commit, and a load that
 * fails at any point rolls back and leaves the previous data serving.
 */
import { randomUUID } from 'node:crypto';
import { addRecord, emptyRows, taxonomyRows } from './hsds.js';

export const LIVE = 'hsds';
const NEXT = 'hsds_next';
/** Records mapped and copied per batch (the `batch` option). */
const BATCH = 2000;

/** Column name -> PostgreSQL type, per table, in insert order. */
const TABLES = {
  organization: { id: 'uuid', name: 'text', description: 'text', website: 'text' },
  service: {
    id: 'uuid', record_id: 'text', organization_id: 'uuid', name: 'text', alternate_name: 'text',
    description: 'text', url: 'text', email: 'text', status: 'text', fees_description: 'text',
    assured_date: 'date', last_modified: 'timestamptz',
    search_name: 'text', search_tags: 'text', search_body: 'text',
  },
  location: {
    id: 'uuid', location_type: 'text', organization_id: 'uuid', name: 'text',
    latitude: 'float8', longitude: 'float8', external_identifier: 'text', external_identifier_type: 'text',
  },
  address: {
    id: 'uuid', location_id: 'uuid', address_1: 'text', address_2: 'text', city: 'text', region: 'text',
    state_province: 'text', postal_code: 'text', country: 'text', address_type: 'text',
  },
  service_at_location: {
    id: 'uuid', service_id: 'uuid', location_id: 'uuid', description: 'text', sort_name: 'text', latitude: 'float8', longitude: 'float8',
  },
  phone: {
    id: 'uuid', service_id: 'uuid', position: 'int4', number: 'text', extension: 'int4', type: 'text', description: 'text',
  },
  schedule: {
    id: 'uuid', service_id: 'uuid', position: 'int4', freq: 'text', byday: 'text', opens_at: 'text', closes_at: 'text',
    valid_from: 'date', valid_to: 'date', description: 'text', attending_type: 'text', notes: 'text',
  },
  language: { id: 'uuid', service_id: 'uuid', position: 'int4', name: 'text', code: 'text' },
  cost_option: {
    id: 'uuid', service_id: 'uuid', option: 'text', currency: 'text', amount: 'float8', amount_description: 'text',
  },
  // The taxonomy filter: one row per service and term of the linking taxonomies (not the
  // fields), with the service's name (lists are read in name order). A taxonomy is its terms.
  service_term: { term_id: 'uuid', name: 'text', service_id: 'uuid' },
  taxonomy: { id: 'uuid', name: 'text', description: 'text', uri: 'text', version: 'text' },
  taxonomy_term: {
    id: 'uuid', code: 'text', name: 'text', description: 'text', parent_id: 'uuid', taxonomy: 'text',
    taxonomy_id: 'uuid', language: 'text',
  },
  postcode: { code: 'text', latitude: 'float8', longitude: 'float8' },
  // The answers' JSON, made at load (docs.js): a service in four parts (its fields without the
  // closing brace, its organization, its lists, its service_at_locations and the brace); a location.
  service_doc: { id: 'uuid', head: 'text', org: 'text', body: 'text', tail: 'text' },
  location_doc: { id: 'uuid', json: 'text' },
};

/** Mean Earth radius in metres: the sphere PostGIS uses for geography with use_spheroid = false. */
export const EARTH_RADIUS_M = 6371008.7714;

/**
 * A text's search vector, English and Spanish stems, accents ignored. No weights: lists are
 * read in name order, never ranked, and a name match is told by the name's own vector.
 * @param {string} s the schema @param {string} text SQL of the text
 */
const tsv = (s, text) =>
  `to_tsvector('english'::regconfig, ${s}.unaccent_i(${text})) || to_tsvector('spanish'::regconfig, ${s}.unaccent_i(${text}))`;

/**
 * The tables, without their keys: primary keys, the unique record id and the foreign keys
 * are added by `constraints` once the rows are in (as pg_restore does). Checking them row by
 * row while a million rows go in costs more than the whole rest of the load; added after, each
 * is one index build or one join, and a violation still fails the load (and rolls it back).
 * Value checks (status, latitude, longitude) stay on the columns: they cost nothing.
 * The answers' JSON (service_doc, location_doc: most of the bytes a load writes) is compressed
 * with lz4 where the server has it: pglz, the default, took more time than all of the rest of
 * the COPY (10 of 24 s at 100,000 records; lz4 less than half of that, the table 15% bigger).
 * @param {string} s the schema
 * @param {boolean} postgis
 * @param {boolean} lz4 the server compresses with lz4
 */
function ddl(s, postgis, lz4) {
  const docs = lz4 ? 'compression lz4' : '';
  return `
create schema ${s};
create table ${s}.meta (key text primary key, value text not null);
-- unaccent with its dictionary named, so it may be IMMUTABLE and build the generated columns.
create function ${s}.unaccent_i(text) returns text language sql immutable parallel safe strict as
  $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;
create table ${s}.organization (
  id uuid not null, name text not null, description text not null, website text,
  search text generated always as (lower(${s}.unaccent_i(name))) stored);
-- The services are copied into \`service_in\` (unlogged: a staging table, dropped once read),
-- whose search columns are generated from the search texts as the rows go in: trigram text of
-- names and categories; one text-search vector (English and Spanish stems) of the name, the
-- categories and organization, the description and place, all in one (half the to_tsvector
-- calls of a vector per text: most of the cost of copying a service row in). Then \`service\`
-- is filled from it in name order (\`rewrites\`): rows next to each other in the lists are
-- next to each other on disk, and a list read in name order reads the table in its order.
create unlogged table ${s}.service_in (
  id uuid not null, record_id text not null, organization_id uuid,
  name text not null, alternate_name text, description text, url text, email text,
  status text not null check (status in ('active', 'inactive', 'defunct', 'temporarily closed')),
  fees_description text, assured_date date, last_modified timestamptz,
  search_name text not null, search_tags text not null, search_body text not null,
  trgm text generated always as (lower(${s}.unaccent_i(search_name || ' ' || search_tags))) stored,
  tsv tsvector generated always as (${tsv(s, "search_name || ' ' || search_tags || ' ' || search_body")}) stored);
create table ${s}.service (like ${s}.service_in including constraints);
create table ${s}.location (
  id uuid not null, location_type text not null, organization_id uuid, name text,
  latitude float8 check (latitude between -90 and 90), longitude float8 check (longitude between -180 and 180),
  external_identifier text, external_identifier_type text);
create table ${s}.address (
  id uuid not null, location_id uuid not null, address_1 text,
  address_2 text, city text not null, region text, state_province text not null, postal_code text,
  country text not null, address_type text not null);
-- With its location's coordinates (and, with PostGIS, that point as geography): a distance
-- list reads this table alone, not a join of it with location for every place in the circle
-- (46 ms for the 5,715 places within 10 miles of a Manhattan ZIP at 1,000,000 records; 17 ms alone).
-- Copied into \`service_at_location_in\` (unlogged, dropped once read), then filled from it in
-- bands of a tenth of a degree of latitude, west to east in each (\`rewrites\`): the places in
-- a circle lie in a few runs of the table, not one disk page each.
create unlogged table ${s}.service_at_location_in (
  id uuid not null, service_id uuid not null, location_id uuid not null, description text,
  sort_name text not null,
  latitude float8 check (latitude between -90 and 90), longitude float8 check (longitude between -180 and 180)
  ${postgis ? `, geog geography(Point, 4326) generated always as
      (case when latitude is not null and longitude is not null
            then st_setsrid(st_makepoint(longitude, latitude), 4326)::geography end) stored` : ''});
-- Each place also holds where its service's and its location's documents are (their rows'
-- addresses, \`ctid\`), filled in \`rewrites\`: a page of places reads each document in one
-- disk page, not three of the primary key's B-tree and the row (api.js, \`docsAtJoin\`). The
-- documents are written once a load and never updated, so the addresses hold; where one does
-- not (a VACUUM FULL or CLUSTER of a document table), the document is found by its id.
create table ${s}.service_at_location (like ${s}.service_at_location_in including constraints,
  service_doc_at tid, location_doc_at tid);
create table ${s}.phone (
  id uuid not null, service_id uuid not null, position int not null,
  number text not null, extension int, type text, description text);
create table ${s}.schedule (
  id uuid not null, service_id uuid not null, position int not null,
  freq text, byday text, opens_at text, closes_at text, valid_from date, valid_to date,
  description text, attending_type text, notes text);
create table ${s}.language (
  id uuid not null, service_id uuid not null, position int not null, name text, code text);
create table ${s}.cost_option (
  id uuid not null, service_id uuid not null, option text, currency text,
  amount float8, amount_description text);
create table ${s}.taxonomy (id uuid not null, name text not null, description text not null, uri text, version text);
create table ${s}.taxonomy_term (
  id uuid not null, code text, name text not null, description text not null, parent_id uuid,
  taxonomy text, taxonomy_id uuid, language text);
create table ${s}.service_term (term_id uuid not null, name text not null, service_id uuid not null);
create table ${s}.postcode (code text not null, latitude float8 not null, longitude float8 not null);
create table ${s}.service_doc (
  id uuid not null, head text ${docs} not null, org text ${docs} not null, body text ${docs} not null, tail text ${docs} not null);
create table ${s}.location_doc (id uuid not null, json text ${docs} not null);
-- Great-circle distance in metres on the sphere PostGIS uses (haversine).
create function ${s}.gc_meters(lat1 float8, lon1 float8, lat2 float8, lon2 float8) returns float8
  language sql immutable parallel safe as $$
  select 2 * ${EARTH_RADIUS_M} * asin(least(1, sqrt(
    power(sin(radians(lat2 - lat1) / 2), 2) +
    cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2))))
$$;
`;
}

/**
 * Tables copied into an unlogged `_in` table first, then filled from it in their order
 * (`rewrites`), with the columns their `_in` table generates.
 * @type {Partial<Record<keyof typeof TABLES, (postgis: boolean) => string[]>>}
 */
const STAGED = {
  service: () => ['trgm', 'tsv'],
  service_at_location: (postgis) => (postgis ? ['geog'] : []),
};

/**
 * The staged tables filled from their copies, in the order their lists read them: services
 * by name (as the lists); places in bands of a tenth of a degree of latitude (about 11 km),
 * west to east in each (a circle of 10 miles covers three or four bands, each one run of the
 * table: 120 disk pages for the 5,715 places around a Manhattan ZIP at 1,000,000 records, not
 * 6,229). And the services' names, one row per name and alternate name, with their search
 * vector: a name match is looked up there, and read in name order (api.js, `searchParts`).
 * Each list runs on one connection, in turn; the indexes come after (`builds`).
 * On PostgreSQL each fill is a transaction of its own that empties the table first: with
 * wal_level = minimal its rows then go in without write-ahead log (1,000,000 services and their
 * search vectors, and as many places); PGlite's load is one transaction that made the tables.
 * @param {string} s the schema @param {boolean} postgis @param {boolean} own each connection's own transactions
 * @returns {string[][]}
 */
function rewrites(s, postgis, own) {
  /**
   * `docsAt`: with the addresses of each place's documents (their tables are filled by then:
   * the COPY connections committed), found by a join on their ids (256 MB for its hash tables:
   * 1,000,000 ids and addresses of each).
   * @type {(table: 'service' | 'service_at_location', order: string, docsAt?: boolean) => string[]}
   */
  const fill = (table, order, docsAt = false) => {
    const names = [...Object.keys(TABLES[table]), ...(STAGED[table]?.(postgis) ?? [])];
    const insert = docsAt
      ? `insert into ${s}.${table} (${names.join(', ')}, service_doc_at, location_doc_at)
         select ${names.map((c) => `p.${c}`).join(', ')}, d.ctid, ld.ctid from ${s}.${table}_in p
         left join ${s}.service_doc d on d.id = p.service_id left join ${s}.location_doc ld on ld.id = p.location_id
         order by ${order.split(', ').map((c) => c.replace(/\b(latitude|longitude|id)\b/, 'p.$1')).join(', ')}`
      : `insert into ${s}.${table} (${names.join(', ')}) select ${names.join(', ')} from ${s}.${table}_in order by ${order}`;
    const statements = docsAt ? ["set local work_mem = '256MB'", insert] : [insert];
    return [...(own ? ['begin', `truncate ${s}.${table}`, ...statements, 'commit'] : statements), `drop table ${s}.${table}_in`];
  };
  return [
    [
      ...fill('service', 'name, id'),
      `create table ${s}.service_name as select name, search_name, count(*)::int8 as n, ${tsv(s, 'search_name')} as tsv_name
         from ${s}.service group by name, search_name`,
    ],
    fill('service_at_location', 'floor(latitude * 10), longitude, id', true),
  ];
}

/**
 * Primary and unique keys, indexes and statistics of the tables the rows were copied into: each
 * statement on its own (on PostgreSQL two connections take them in turn, as pg_restore -j does).
 * @param {string} s the schema @param {boolean} postgis
 */
function builds(s, postgis) {
  const pk = ['organization', 'service', 'location', 'address', 'service_at_location', 'phone', 'schedule', 'language',
    'cost_option', 'taxonomy', 'taxonomy_term', 'service_doc', 'location_doc'].map((t) => `alter table ${s}.${t} add primary key (id)`);
  return [
    // The longest first, so that the two connections end about together; the first two on
    // tables the rewrites do not fill, so neither connection waits for the other's rewrite.
    `create index on ${s}.service_term (term_id, name, service_id)`,
    ...(postgis ? [`create index on ${s}.service_at_location using gist (geog)`] : []),
    `create index on ${s}.service using gin (trgm gin_trgm_ops)`,
    `create index on ${s}.service using gin (tsv)`,
    ...pk,
    `alter table ${s}.postcode add primary key (code)`,
    `alter table ${s}.service add unique (record_id)`,
    `create index on ${s}.service_name using gin (tsv_name)`,
    `alter table ${s}.service_name add primary key (name, search_name)`,
    `create index on ${s}.service (name, id)`,
    `create index on ${s}.service (organization_id)`,
    `create index on ${s}.service (last_modified)`,
    `create index on ${s}.organization using gin (search gin_trgm_ops)`,
    `create index on ${s}.organization (name, id)`,
    `create index on ${s}.service_at_location using gist (point(longitude, latitude))`,
    `create index on ${s}.address (location_id)`,
    `create index on ${s}.address (postal_code)`,
    `create index on ${s}.service_at_location (service_id)`,
    `create index on ${s}.service_at_location (location_id)`,
    `create index on ${s}.service_at_location (sort_name, id)`,
    `create index on ${s}.phone (service_id, position)`,
    `create index on ${s}.schedule (service_id, position)`,
    `create index on ${s}.language (service_id, position)`,
    `create index on ${s}.cost_option (service_id)`,
    `create index on ${s}.taxonomy_term (taxonomy_id)`,
    ...[...Object.keys(TABLES), 'service_name'].map((t) => `analyze ${s}.${t}`),
  ];
}

/**
 * The foreign keys (each one join of a table with its parent's key) and the taxonomy filter's
 * tables: one row per service and term of the linking taxonomies, in the order lists are read
 * (name, id), and the number of services of each term. In the load's last transaction.
 * @param {string} s the schema
 */
function finals(s) {
  /** @type {(table: string, column: string, parent: string) => string} */
  const fk = (table, column, parent) => `alter table ${s}.${table} add foreign key (${column}) references ${s}.${parent}(id)`;
  return [
    fk('service', 'organization_id', 'organization'),
    fk('address', 'location_id', 'location'),
    fk('service_at_location', 'service_id', 'service'),
    fk('service_at_location', 'location_id', 'location'),
    fk('phone', 'service_id', 'service'),
    fk('schedule', 'service_id', 'service'),
    fk('language', 'service_id', 'service'),
    fk('cost_option', 'service_id', 'service'),
    fk('taxonomy_term', 'taxonomy_id', 'taxonomy'),
    fk('service_term', 'term_id', 'taxonomy_term'),
    `create table ${s}.term_count as select term_id, count(*)::int8 as n from ${s}.service_term group by term_id`,
    `alter table ${s}.term_count add primary key (term_id)`,
    ...['meta', 'term_count'].map((t) => `analyze ${s}.${t}`),
  ];
}

/**
 * The tables each COPY connection fills, on PostgreSQL: the service rows (their search columns
 * are made as they go in) and the places on one, the services' documents and the rest on the
 * other; about half of the database's COPY time each, in the steps of a load of 1,000,000
 * records (BENCHMARKS.md). PGlite: one connection, all.
 */
const LANES = /** @type {const} */ ([
  ['organization', 'service', 'location', 'address', 'location_doc'],
  ['service_doc', 'service_at_location', 'phone', 'schedule', 'language', 'cost_option', 'service_term'],
]);

/** @type {Record<string, string>} */
const ESCAPES = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/**
 * One value in COPY's text format (\N is null).
 * @param {unknown} value
 */
function copyValue(value) {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  return /[\\\n\r\t]/.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c] ?? c) : text;
}

/** Column types whose values (numbers, and the UUIDs made here) hold nothing COPY escapes. */
const PLAIN_TYPES = new Set(['uuid', 'int4', 'float8']);
/** The documents' JSON texts (docs.js): JSON has no raw line break or tab, so only its backslashes are escaped. */
const JSON_TEXTS = new Set(['service_doc', 'location_doc']);

/**
 * One table's COPY data, written as UTF-8 into a buffer that is kept and written again batch
 * after batch: a load's gigabytes of COPY text never become one large string and then one large
 * buffer a table and batch, each new memory to fault in and collect; and a record's rows become
 * these bytes as soon as it is mapped, so its row objects die young (with rows kept as objects
 * until their batch was sent, garbage collection was a fifth of Node's time at 200,000 records).
 */
class CopyData {
  buffer = Buffer.allocUnsafe(1 << 16);
  length = 0;
  rows = 0;
  /** Lines not yet written: written in pieces of about 16 KB, not a call a line. */
  pending = '';
  /**
   * Rows of a table in COPY's text format (\\N is null).
   * @param {keyof typeof TABLES} table @param {Record<string, unknown>[]} rows
   */
  add(table, rows) {
    const columns = COLUMNS[table];
    const types = TYPES[table];
    const json = JSON_TEXTS.has(table);
    for (const row of rows) {
      let line = '';
      for (let i = 0; i < columns.length; i++) {
        const value = row[/** @type {string} */ (columns[i])];
        const cell = value === null || value === undefined ? '\\N'
          : PLAIN_TYPES.has(/** @type {string} */ (types[i])) ? String(value)
          : json && typeof value === 'string' ? (value.includes('\\') ? value.replaceAll('\\', '\\\\') : value)
          : copyValue(value);
        line += i === 0 ? cell : `\t${cell}`;
      }
      this.pending += `${line}\n`;
      if (this.pending.length >= 16384) this.flush();
    }
    this.rows += rows.length;
  }
  flush() {
    const text = this.pending;
    this.pending = '';
    // A UTF-16 unit is at most 3 bytes of UTF-8.
    if (this.length + text.length * 3 > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + text.length * 3));
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffer = bigger;
    }
    this.length += this.buffer.write(text, this.length);
  }
  /** The bytes written: to be sent before the next `add` (which writes over them). */
  take() {
    this.flush();
    const bytes = this.buffer.subarray(0, this.length);
    this.length = 0;
    this.rows = 0;
    return bytes;
  }
}

/** Each table's columns, and their types, in insert order. */
const COLUMNS = /** @type {Record<keyof typeof TABLES, string[]>} */ (Object.fromEntries(Object.entries(TABLES).map(([t, c]) => [t, Object.keys(c)])));
const TYPES = /** @type {Record<keyof typeof TABLES, string[]>} */ (Object.fromEntries(Object.entries(TABLES).map(([t, c]) => [t, Object.values(c)])));

/**
 * Copy a table's rows in: one COPY ... FROM STDIN (text format).
 * @param {import('./db.js').Writable} tx
 * @param {string} s the schema
 * @param {keyof typeof TABLES} table
 * @param {CopyData} data
 */
async function copyIn(tx, s, table, data) {
  if (data.rows === 0) return;
  await tx.copy(`${s}.${STAGED[table] ? `${table}_in` : table}`, COLUMNS[table], data.take());
}

/**
 * Copy rows of one table in.
 * @param {import('./db.js').Writable} tx @param {string} s the schema
 * @param {keyof typeof TABLES} table @param {Record<string, unknown>[]} rows
 */
async function insert(tx, s, table, rows) {
  const data = new CopyData();
  data.add(table, rows);
  await copyIn(tx, s, table, data);
}

/**
 * @typedef {{ title?: string, generated_at?: string, resources: Iterable<import('./hsds.js').FlatRecord> | AsyncIterable<import('./hsds.js').FlatRecord> }} LoadableDataset
 * @typedef {{ services: number, organizations: number, locations: number, ms: number, postgis: boolean }} LoadSummary
 * @typedef {{ services: number, organizations: number, locations: number, titles: string[] }} Filled what was copied in
 */

/**
 * Load (or replace) the data served. The new data is built in the schema `hsds_next` and swapped
 * in for `hsds` in one transaction at the end: readers see the old data until it commits, and
 * a load that fails leaves the previous data serving.
 *
 * PGlite: the whole load is that one transaction. PostgreSQL: `hsds_next`'s empty tables are
 * committed first (no reader looks there; one load at a time by an advisory lock held from
 * start to end), two connections copy the rows in and build the keys and indexes in parallel,
 * each committing, and the last transaction adds the foreign keys and swaps; a failure drops
 * `hsds_next`.
 * @param {import('./db.js').Database} db
 * @param {LoadableDataset[]} datasets validated datasets (the CLI validates them first)
 * @param {{ zips?: Record<string, [number, number]>, beforeCommit?: (tx: import('./db.js').Queryable) => Promise<void>,
 *   onStep?: (step: string, ms: number) => void, batch?: number }} [options]
 *   `zips`: ZIP code -> [latitude, longitude] centres for `postcode` + `proximity`;
 *   `beforeCommit`: runs inside the swapping transaction just before the swap (tests use it);
 *   `onStep`: told each step's wall time (the rows' mapping, the COPY time per table, each key,
 *   index and analyze statement, the commit): where a load spends its time;
 *   `batch`: records a COPY (2,000; the tests make it small, to write each buffer many times).
 * @returns {Promise<LoadSummary>}
 */
export async function loadDatasets(db, datasets, options = {}) {
  const started = Date.now();
  if (db.replica) throw new Error('this database is a read-only replica (in recovery): run load against its primary');
  const postgis = (await db.extensions()).has('postgis');
  /** @type {Map<string, number>} summed ms per step, told to `onStep` at the end */
  const steps = new Map();
  /** @type {(step: string, since: number) => void} */
  const took = (step, since) => {
    steps.set(step, (steps.get(step) ?? 0) + (performance.now() - since));
  };
  /** @type {(tx: import('./db.js').Queryable, sql: string) => Promise<void>} one statement, timed */
  const run = async (tx, sql) => {
    const t = performance.now();
    await tx.query(sql);
    took(sql.replaceAll(`${NEXT}.`, '').replace(/\s+/g, ' ').slice(0, 80), t);
  };
  /** @type {(lanes: import('./db.js').Queryable[], statements: (string | string[])[]) => Promise<void>} each lane takes the next statement (or list of statements, run in turn) */
  const runAll = async (lanes, statements) => {
    let next = 0;
    await Promise.all(lanes.map(async (tx) => {
      while (next < statements.length) {
        for (const sql of [statements[next++] ?? []].flat()) await run(tx, sql);
      }
    }));
  };
  /** @type {(tx: import('./db.js').Writable, filled: Filled) => Promise<Filled>} the last steps, and the swap */
  const finish = async (tx, filled) => {
    for (const statement of finals(NEXT)) await run(tx, statement);
    if (options.beforeCommit) await options.beforeCommit(tx);
    // The swap: readers see the old schema until this transaction commits. hsds.meta first, as
    // every answer takes it first (db.js, `read`): the answers being read finish, new ones wait.
    const [live] = await tx.query(`select to_regclass('${LIVE}.meta') is not null as present`);
    if (live?.present) await tx.query(`lock table ${LIVE}.meta in access exclusive mode`);
    await tx.query(`drop schema if exists ${LIVE} cascade`);
    await tx.query(`alter schema ${NEXT} rename to ${LIVE}`);
    return filled;
  };
  /** @type {Filled} */
  let counts;
  let swapped = 0;
  if (db.connect) {
    const main = await db.connect();
    /** @type {import('./db.js').Session[]} */
    const lanes = [];
    try {
      await main.query('select pg_advisory_lock(4242013)');
      await main.query('begin');
      await prepare(main, postgis, options.zips);
      await main.query('commit');
      for (const _ of LANES) lanes.push(await db.connect());
      for (const [i, lane] of lanes.entries()) {
        await lane.query('begin');
        // Emptied in the transaction that fills them: with wal_level = minimal (no replica) the
        // rows then go in without write-ahead log, and the tables are synced to disk at commit.
        await lane.query(`truncate ${(LANES[i] ?? []).map((t) => `${NEXT}.${STAGED[t] ? `${t}_in` : t}`).join(', ')}`);
      }
      const filled = await fill(lanes, datasets, started, took, options.batch ?? BATCH);
      for (const lane of lanes) await lane.query('commit');
      await runAll(lanes, [...rewrites(NEXT, postgis, true), ...builds(NEXT, postgis)]);
      await main.query('begin');
      await meta(main, filled);
      counts = await finish(main, filled);
      swapped = performance.now();
      await main.query('commit');
    } catch (error) {
      for (const c of [main, ...lanes]) await c.query('rollback').catch(() => undefined);
      await main.query(`drop schema if exists ${NEXT} cascade`).catch(() => undefined);
      throw error;
    } finally {
      await main.query('select pg_advisory_unlock(4242013)').catch(() => undefined);
      for (const c of [main, ...lanes]) c.release();
    }
  } else {
    counts = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock(4242013)');
      await prepare(tx, postgis, options.zips);
      const filled = await fill([tx], datasets, started, took, options.batch ?? BATCH);
      await runAll([tx], [...rewrites(NEXT, postgis, false), ...builds(NEXT, postgis)]);
      await meta(tx, filled);
      const done = await finish(tx, filled);
      swapped = performance.now();
      return done;
    });
  }
  took('commit', swapped);
  if (options.onStep) for (const [step, ms] of steps) options.onStep(step, ms);
  const { services, organizations, locations } = counts;
  return { services, organizations, locations, ms: Date.now() - started, postgis };
}

/**
 * The empty schema `hsds_next` (dropped first if a failed load left it), the taxonomies and the ZIP centres.
 * @param {import('./db.js').Writable} tx @param {boolean} postgis @param {Record<string, [number, number]>} [zipCentres]
 */
async function prepare(tx, postgis, zipCentres) {
  await tx.query(`drop schema if exists ${NEXT} cascade`);
  const [toast] = await tx.query(`select 'lz4' = any(enumvals) as lz4 from pg_settings where name = 'default_toast_compression'`);
  const lz4 = toast?.lz4 === true;
  for (const statement of ddl(NEXT, postgis, lz4).split(/;\s*\n(?=create|--)/)) {
    if (statement.trim()) await tx.query(statement);
  }
  // The answers' JSON is kept in the table's own rows, not in its TOAST table, below 8 KB a row
  // (nearly every service): a page of 25 services then reads 25 rows, not 25 rows, 25 TOAST
  // index lookups and their chunks. With lz4, compressed in the row (storage main; at 1,000,000
  // services the documents' COPY took 13.2 s instead of 17.3, a page's documents 15 % less);
  // without it (PGlite), uncompressed (compressing with pglz took twice as long as storing).
  const docColumns = [['service_doc', 'head'], ['service_doc', 'org'], ['service_doc', 'body'], ['service_doc', 'tail'], ['location_doc', 'json']];
  for (const [table, column] of docColumns) {
    await tx.query(`alter table ${NEXT}.${table} alter column ${column} set storage ${lz4 ? 'main' : 'external'}`);
  }
  if (!lz4) for (const table of ['service_doc', 'location_doc']) await tx.query(`alter table ${NEXT}.${table} set (toast_tuple_target = 8160)`);
  const tax = taxonomyRows();
  await insert(tx, NEXT, 'taxonomy', tax.taxonomy);
  await insert(tx, NEXT, 'taxonomy_term', tax.taxonomy_term);
  const zips = Object.entries(zipCentres ?? {});
  for (let i = 0; i < zips.length; i += 10000) {
    await insert(tx, NEXT, 'postcode', zips.slice(i, i + 10000).map(([code, [latitude, longitude]]) => ({ code, latitude, longitude })));
  }
}

/**
 * The records' rows, mapped here and copied in batch by batch: each table on its lane's
 * connection (`LANES`; all on the one connection when there is one).
 * @param {import('./db.js').Writable[]} lanes
 * @param {LoadableDataset[]} datasets
 * @param {number} started the load's start (the dataset's date when it has none)
 * @param {(step: string, since: number) => void} took
 * @param {number} batch records a COPY
 * @returns {Promise<Filled>}
 */
async function fill(lanes, datasets, started, took, batch) {
  const [first] = lanes;
  if (!first) throw new Error('no connection to load with');
  /** @type {[import('./db.js').Writable, readonly Exclude<import('./hsds.js').Table, 'attribute'>[]][]} the tables each connection copies (attributes are no table: hsds.js) */
  const work = lanes.length === 1 ? [[first, LANES.flat()]] : LANES.map((tables, i) => [lanes[i] ?? first, tables]);
  /** @type {Map<string, string>} */
  const organizationDocs = new Map();
  const seenRecords = new Set();
  let services = 0;
  let organizations = 0;
  let locations = 0;
  /** @type {string[]} */
  const titles = [];
  for (const dataset of datasets) {
    if (dataset.title) titles.push(dataset.title);
    const generatedAt = dataset.generated_at ?? new Date(started).toISOString();
    // The dataset's time as the answers print it (api.js, STAMP), worked out by the database.
    const [stamp] = await first.query(`select to_char($1::timestamptz at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as t`, [generatedAt]);
    const context = { generatedAt, lastModified: stamp?.t == null ? null : String(stamp.t) };
    const rows = emptyRows();
    /** the tables copied */
    const tables = work.flatMap(([, t]) => [...t]);
    // Three sets of COPY buffers, in turn: one is filled while the batches of the other two go
    // to the database, each connection taking its tables batch after batch. Two batches in
    // flight, not one: the mapping here waits only when both connections are two batches behind.
    /** @type {{ data: Map<string, CopyData>, sent: Promise<unknown> }[]} */
    const sets = Array.from({ length: 3 }, () => ({ data: new Map(tables.map((table) => [table, new CopyData()])), sent: Promise.resolve() }));
    let current = 0;
    let count = 0;
    /** @type {Promise<unknown>[]} each connection's last COPY */
    const tails = work.map(() => Promise.resolve());
    /** @param {Map<string, CopyData>} batch */
    const send = (batch) => Promise.all(work.map(([tx, lane], i) => (tails[i] = (tails[i] ?? Promise.resolve()).then(async () => {
      for (const table of lane) {
        const t = performance.now();
        const data = batch.get(table);
        if (data) await copyIn(tx, NEXT, table, data);
        took(`copy ${table}`, t);
      }
    }))));
    /** Every batch sent (or failed): a failure is thrown where the set is awaited. */
    const settled = () => Promise.all(sets.map((set) => set.sent.catch(() => undefined)));
    const flush = async () => {
      const set = /** @type {typeof sets[number]} */ (sets[current]);
      set.sent = send(set.data);
      // Awaited before this set is written again or at the end; never an unhandled rejection meanwhile.
      set.sent.catch(() => undefined);
      count = 0;
      current = (current + 1) % sets.length;
      // The next set is written over: its batch must be in the database first.
      await sets[current]?.sent;
    };
    for await (const record of dataset.resources) {
      if (seenRecords.has(record.id)) {
        await settled();
        throw new Error(`record id "${record.id}" appears in more than one dataset`);
      }
      seenRecords.add(record.id);
      const t = performance.now();
      addRecord(rows, record, organizationDocs, context);
      organizations += rows.organization.length;
      locations += rows.location.length;
      const filling = sets[current]?.data;
      for (const table of tables) {
        const list = rows[table];
        if (list.length > 0) {
          filling?.get(table)?.add(table, list);
          list.length = 0;
        }
      }
      // The attributes are in the record's documents now, and copied to no table: let them go.
      rows.attribute.length = 0;
      took('map records (Node)', t);
      services++;
      if (++count >= batch) await flush();
      // Let the connections take the database's answers and send the next COPY meanwhile.
      else if (count % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await flush();
    await settled();
    for (const set of sets) await set.sent;
  }
  return { services, organizations, locations, titles };
}

/**
 * The load's facts in `hsds_next.meta`.
 * @param {import('./db.js').Queryable} tx @param {{ services: number, titles: string[] }} filled
 */
async function meta(tx, filled) {
  const [sal] = await tx.query(`select count(*)::int as n from ${NEXT}.service_at_location`);
  const facts = {
    loaded_at: new Date().toISOString(),
    // Changes with every load: the server's answer cache keys on it.
    generation: randomUUID(),
    services: String(filled.services),
    service_at_locations: String(sal?.n ?? 0),
    titles: JSON.stringify(filled.titles),
  };
  for (const [key, value] of Object.entries(facts)) {
    await tx.query(`insert into ${NEXT}.meta (key, value) values ($1, $2)`, [key, value]);
  }
}
