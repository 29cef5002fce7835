/**
 * How a person gets from their ZIP to a place, beyond the distance: places on an island are
 * reached by ferry (or plane), never by a drive; and a ZIP far from every place in the
 * directory (a ZIP in another state) is said to be so, not shown "3,283 mi away" as if near.
 *
 * DOM-free: never imports lit or leaflet.
 */
import { milesToKm } from './geo.js';

/**
 * The ZIP codes of the Massachusetts islands with no road to the mainland, by island. Facts
 * from the USPS city names of each ZIP and the US Census Bureau's ZIP Code Tabulation Areas
 * (the ZCTA gazetteer behind data/zip-centroids-ma.json): Martha's Vineyard is Chilmark and
 * Aquinnah (02535), Edgartown (02539), Menemsha (02552, post office boxes, no ZCTA), Oak Bluffs
 * (02557), Vineyard Haven (02568) and West Tisbury (02575); Nantucket is Nantucket (02554,
 * 02584) and Siasconset (02564); Cuttyhunk (02713) is the Elizabeth Islands' town of Gosnold.
 * Woods Hole (02543) is left out: its ZCTA takes in islands of Gosnold, but its post office
 * and its addresses are on the mainland, where the Vineyard ferry leaves from.
 */
export const ISLAND_ZIPS: Readonly<Record<string, string>> = {
  '02535': "Martha's Vineyard",
  '02539': "Martha's Vineyard",
  '02552': "Martha's Vineyard",
  '02557': "Martha's Vineyard",
  '02568': "Martha's Vineyard",
  '02575': "Martha's Vineyard",
  '02554': 'Nantucket',
  '02564': 'Nantucket',
  '02584': 'Nantucket',
  '02713': 'Cuttyhunk',
};

/** The island a ZIP is on (see {@link ISLAND_ZIPS}), or undefined for the mainland or no ZIP. */
export function islandOf(zip: string | undefined): string | undefined {
  const five = zip?.trim().slice(0, 5);
  return five ? ISLAND_ZIPS[five] : undefined;
}

/**
 * True when going from one ZIP to the other needs a ferry: one is on an island and the other
 * is not on the same island (the mainland, or another island). False when either ZIP is unknown.
 */
export function needsFerry(fromZip: string | undefined, toZip: string | undefined): boolean {
  if (!fromZip?.trim() || !toZip?.trim()) return false;
  const from = islandOf(fromZip);
  const to = islandOf(toZip);
  return (from !== undefined || to !== undefined) && from !== to;
}

/**
 * A place farther than this from the person is not "near" in any sense: the ZIP is outside the
 * area the directory covers (another state), and the list says so before it gives distances.
 */
export const FAR_FROM_DIRECTORY_MILES = 100;

/** True when the nearest place, `km` away, is too far to call the search "near" (see {@link FAR_FROM_DIRECTORY_MILES}). */
export function isFarFromDirectory(km: number | undefined): boolean {
  return km !== undefined && km > milesToKm(FAR_FROM_DIRECTORY_MILES);
}
