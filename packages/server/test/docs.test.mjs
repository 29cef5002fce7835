/**
 * The answers' JSON made at load time (src/docs.js) is, byte for byte, what the database
 * builds from the same rows (the reference builders of test/reference-json.mjs): for every service and
 * service_at_location of the test data, of the 267 real records, of records at places with
 * odd numbers and of generated records with hostile texts; and every float8 as PostgreSQL
 * prints it. On PGlite and (when DATABASE_URL is set) PostgreSQL.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { loadDatasets } from '@recovery-finder/server';
import { builtItemSql, writeAttributes } from './reference-json.mjs';
import { pgNumber } from '../src/docs.js';
import { BACKENDS, open } from './backends.mjs';
import { KNOWN, seeded, dataset, root, zips } from './fixture.mjs';

const real = JSON.parse(readFileSync(`${root}data/resources.json`, 'utf8')).resources;
const provenance = { source: 'recovery-finder server test fixture', status: 'unverified', last_verified: '2026-02-28' };

/** Places whose numbers PostgreSQL prints in exponent form, town centres, a street without a ZIP. */
const ODD = [
  { latitude: 0.00005, longitude: -0.000012345 },
  { latitude: -0, longitude: 1e-300 },
  { latitude: 89.99999999999999, longitude: -179.99999999999997 },
].map((location, i) => ({
  id: `odd-${i}`,
  kind: 'service',
  name: `Odd place ${i}`,
  categories: ['support-groups'],
  // A lone surrogate (PostgreSQL stores U+FFFD) and an astral character.
  description: `Half a pair: ${String.fromCharCode(0xd800 + i)} and a whole one: \u{1F600}.`,
  location: { ...location, precision: 'exact' },
  ...(i === 0 ? { address: { city: 'Medford', state_province: 'MA' } } : {}),
  ...(i === 1 ? { address: { address_1: '12 Main St', address_2: '', city: 'Malden', state_province: 'MA' } } : {}),
  phones: [{ number: '1-800-555-0100', extension: 2147483647, text_body: 'TEXT "HELP"' }],
  cost: { free: true, description: 'No fee\tat all\\' },
  provenance,
}));

/** Generated records: any text (quotes, backslashes, control characters, lone surrogates, emoji) in every text field. */
const anyText = fc.string({ unit: 'binary', maxLength: 12 }).map((s) => s.replaceAll(String.fromCharCode(0), ''));
const generated = fc.sample(
  fc.record({
    name: anyText.map((s) => `G ${s}`),
    alternate_name: fc.option(anyText, { nil: undefined }),
    description: fc.option(anyText, { nil: undefined }),
    street: fc.option(anyText, { nil: undefined }),
    zip: fc.option(fc.constantFrom('02135', '01234'), { nil: undefined }),
    city: anyText,
    latitude: fc.double({ min: -90, max: 90, noNaN: true }),
    longitude: fc.double({ min: -180, max: 180, noNaN: true }),
    organization: fc.option(anyText, { nil: undefined }),
    phone: anyText,
    schedule: fc.option(anyText, { nil: undefined }),
    languages: fc.subarray(['en', 'es', 'pt', 'zh-Hant', 'ht']),
    translations: fc.option(anyText, { nil: undefined }),
  }),
  { seed: 21, numRuns: 150 },
).map((g, i) => ({
  id: `gen-${i}`,
  kind: 'service',
  name: g.name,
  ...(g.alternate_name !== undefined ? { alternate_name: g.alternate_name } : {}),
  ...(g.description !== undefined ? { description: g.description } : {}),
  categories: ['peer-support', 'naloxone'],
  populations: ['adults'],
  address: { ...(g.street !== undefined ? { address_1: g.street } : {}), city: g.city, state_province: 'MA', ...(g.zip ? { postal_code: g.zip } : {}) },
  location: { latitude: g.latitude, longitude: g.longitude, precision: 'exact' },
  ...(g.organization !== undefined ? { organization: { name: `Org ${g.organization}`, url: `https://example.org/${i}` } } : {}),
  phones: [{ number: `617-555-${1000 + i}`, description: g.phone }],
  languages: g.languages,
  ...(g.schedule !== undefined ? {
    schedule: {
      time_zone: 'America/New_York', description: g.schedule, by_appointment: true,
      weekly: [{ byday: ['MO', 'WE'], opens_at: '09:00', closes_at: '17:00' }],
      closed: [{ date: '2026-12-25', description: g.schedule }],
    },
  } : {}),
  ...(g.translations !== undefined ? { translations: { es: { name: g.translations } } } : {}),
  provenance,
}));

for (const backend of BACKENDS) {
  describe(`stored answer JSON on ${backend.name}`, () => {
    let db;
    before(async () => {
      db = await open(backend);
      const datasets = [
        dataset([...KNOWN, ...seeded(), ...ODD, ...generated]),
        { ...dataset(real, 'Real records'), generated_at: '2026-06-30T23:59:59.999-04:00' },
      ];
      await loadDatasets(db, datasets, { zips });
      assert.ok((await writeAttributes(db, datasets)) > 1000);
    });
    after(() => db.close());

    for (const kind of /** @type {const} */ (['service', 'service_at_location'])) {
      test(`every ${kind}: the stored JSON is the JSON the database builds`, async () => {
        const rows = await db.query(builtItemSql(kind));
        assert.ok(rows.length > KNOWN.length + real.length, `${rows.length} ${kind} rows`);
        /** Where two texts part, with a little of each from there. */
        const part = (a, b) => {
          let i = 0;
          while (i < a.length && a[i] === b[i]) i++;
          return { at: i, built: a.slice(Math.max(0, i - 40), i + 40), stored: b.slice(Math.max(0, i - 40), i + 40) };
        };
        const differ = rows.filter((r) => r.built !== r.stored);
        assert.deepEqual(differ.slice(0, 3).map((r) => ({ id: r.id, ...part(r.built, r.stored) })), []);
      });
    }

    test('a float8 of the stored range (latitudes, longitudes, amounts) is written as PostgreSQL prints it', async () => {
      const values = [
        ...fc.sample(fc.double({ min: -180, max: 180, noNaN: true }), { seed: 5, numRuns: 2000 }),
        ...fc.sample(fc.double({ min: -(2 ** 53), max: 2 ** 53, noNaN: true }), { seed: 6, numRuns: 2000 }),
        ...[0, -0, 1e15, 999999999999999, 1e-4, 9.9999e-5, 1e-5, 123456.789, 1.5e300, -2.5e-300, 5e-324, Number.MAX_VALUE, Infinity, -Infinity, NaN],
      ];
      const [row] = await db.query(
        `select array_agg(json_build_object('n', x::float8)::text order by o) as j from unnest($1::text[]) with ordinality as u(x, o)`,
        [values.map((n) => (Object.is(n, -0) ? '-0' : String(n)))],
      );
      const printed = /** @type {string[]} */ (row.j).map((j) => j.replace(/^\{"n" : (.*)\}$/, '$1'));
      const differ = values.map((n, i) => [n, printed[i], pgNumber(n)]).filter(([, pg, ours]) => pg !== ours);
      assert.deepEqual(differ.slice(0, 5), []);
    });
  });
}
