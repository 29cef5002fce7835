/**
 * Validators for every answer of the HSDS API, built from Open Referral's own HSDS 3.0 schemas
 * vendored in ./hsds-schema (see its README: where they come from, their licence, and which
 * compiled schema is assembled here from the table schemas it is compiled from).
 *
 * Each table schema is registered under the URL the OpenAPI document refers to
 * (https://raw.githubusercontent.com/openreferral/specification/3.0/schema/NAME.json), so the
 * relative `$ref`s between them ("attribute.json", …) resolve exactly as in the specification.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const DIR = fileURLToPath(new URL('./hsds-schema/', import.meta.url));
const BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';
const read = (name) => JSON.parse(readFileSync(`${DIR}${name}`, 'utf8'));

export const openapi = read('openapi.json');

function build() {
  // strict: false because the HSDS schemas carry Frictionless Data keywords (name, constraints,
  // example, core, datapackage_metadata …) that JSON Schema ignores.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
    ajv.addSchema({ ...read(file), $id: `${BASE}${file}` });
  }
  for (const file of readdirSync(`${DIR}compiled`)) {
    ajv.addSchema({ ...read(`compiled/${file}`), $id: `${BASE}compiled/${file}` });
  }
  // The compiled schemas too large to vendor (see the README), assembled from the table schemas
  // as the compiler does: the table schema with its `$ref`s, plus the nested entity the compiled
  // file adds (an organization's `services`; a service_at_location's `service`).
  ajv.addSchema({
    $id: `${BASE}compiled/organization.json`,
    allOf: [{ $ref: `${BASE}organization.json` }],
    properties: { services: { type: 'array', items: { $ref: `${BASE}service.json` } } },
  });
  ajv.addSchema({
    $id: `${BASE}compiled/service_at_location.json`,
    allOf: [{ $ref: `${BASE}service_at_location.json` }],
    properties: { service: { $ref: `${BASE}service.json` } },
  });
  // compiled/service.json: the same compiled schema, with shared definitions instead of copies.
  ajv.addSchema({ $id: `${BASE}compiled/service.json`, $ref: `${BASE}compiled/service_with_definitions.json` });
  ajv.addSchema({ $id: `${BASE}openapi-page.json`, ...openapi.components.schemas.Page });
  return ajv;
}

const ajv = build();

/** The 200 answer schema the OpenAPI document gives a path, with `#/components` resolved. */
function responseSchema(path) {
  const schema = openapi.paths[path].get.responses['200'].content['application/json'].schema;
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/Page"', `"${BASE}openapi-page.json"`));
}

/**
 * The schema each route's answers are checked against: the OpenAPI document's own, except
 * `/service_at_locations/{id}`, which the document points at compiled/service.json although it
 * describes "a fully nested service_at_location" (a slip in the specification: no
 * service_at_location could pass it); it is checked against compiled/service_at_location.json.
 */
const SCHEMAS = {
  '/': responseSchema('/'),
  '/services': responseSchema('/services'),
  '/services/{id}': responseSchema('/services/{id}'),
  '/service_at_locations': responseSchema('/service_at_locations'),
  '/service_at_locations/{id}': { $ref: `${BASE}compiled/service_at_location.json` },
  '/organizations': responseSchema('/organizations'),
  '/organizations/{id}': responseSchema('/organizations/{id}'),
  '/taxonomies': responseSchema('/taxonomies'),
  '/taxonomies/{id}': responseSchema('/taxonomies/{id}'),
  '/taxonomy_terms': responseSchema('/taxonomy_terms'),
  '/taxonomy_terms/{id}': responseSchema('/taxonomy_terms/{id}'),
};

/** One page item's schema (for ndjson lines): the `contents` items of the list answer. */
const ITEM_SCHEMAS = Object.fromEntries(
  Object.entries(SCHEMAS)
    .filter(([path]) => !path.endsWith('}') && path !== '/')
    .map(([path, s]) => [path, s.properties.contents.items]),
);

const compiled = new Map();
function validator(key, schema) {
  if (!compiled.has(key)) compiled.set(key, ajv.compile(schema));
  return compiled.get(key);
}

/**
 * Check one answer against its route's schema; returns the violations as readable lines
 * (none when it conforms). `item`: check one list item (an ndjson line) instead of a page.
 * @param {string} route e.g. '/services/{id}'
 * @param {unknown} body
 * @returns {string[]}
 */
export function violations(route, body, { item = false } = {}) {
  const schema = item ? ITEM_SCHEMAS[route] : SCHEMAS[route];
  if (!schema) throw new Error(`no schema for ${route}`);
  const check = validator(`${item}:${route}`, schema);
  if (check(body)) return [];
  return (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}

export const ROUTES = Object.keys(SCHEMAS);
