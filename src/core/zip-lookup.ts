/**
 * ZIP code -> coordinates from the bundled Census ZCTA centroid tables: no geocoding service,
 * nothing leaves the page. The small Massachusetts table is tried first; the whole-US table
 * (about 0.9 MB) is fetched only for a ZIP outside Massachusetts, and only once per page.
 */
import { haversineKm, lookupZip, type LatLon, type ZipTable } from './geo.js';
import { normalizeZip } from './zip.js';
import { sharedJson, type FetchOptions } from './load.js';

export interface ZipTableUrls {
  /** The Massachusetts table. */
  local: string;
  /** The whole-US table, fetched only when needed. */
  national?: string;
}

export type ZipLookupResult =
  | { ok: true; zip: string; point: LatLon }
  | { ok: false; reason: 'invalid' | 'unknown' };

/** Is this ZIP in Massachusetts (010-027, 055)? */
export function isMassachusettsZip(zip: string): boolean {
  const prefix = Number(zip.slice(0, 3));
  return (prefix >= 10 && prefix <= 27) || prefix === 55;
}

/** Find a ZIP's centre. Throws a DatasetLoadError when a table cannot be loaded. */
export async function findZip(input: string, urls: ZipTableUrls, options: FetchOptions = {}): Promise<ZipLookupResult> {
  const zip = normalizeZip(input);
  if (!zip) return { ok: false, reason: 'invalid' };
  const tables = isMassachusettsZip(zip) || !urls.national ? [urls.local] : [urls.national];
  for (const url of tables) {
    const table = (await sharedJson(url, options)) as ZipTable;
    const point = lookupZip(table, zip);
    if (point) return { ok: true, zip, point };
  }
  return { ok: false, reason: 'unknown' };
}

/**
 * ZIP codes of the City of Boston (USPS delivery ZIPs of its neighbourhoods; every ZIP in the
 * Boston rows of data-sources/boston-bsas-licensed-sites-2025-10-16.csv is among them).
 * 02467 (Chestnut Hill) is left out: most of it is Brookline and Newton.
 */
export const BOSTON_ZIPS: ReadonlySet<string> = new Set([
  '02108', '02109', '02110', '02111', '02113', '02114', '02115', '02116', '02118', '02119', '02120',
  '02121', '02122', '02124', '02125', '02126', '02127', '02128', '02129', '02130', '02131', '02132',
  '02134', '02135', '02136', '02163', '02199', '02203', '02210', '02215',
]);

/** Is this five-digit ZIP in the City of Boston? */
export function isBostonZip(zip: string | undefined): boolean {
  return zip !== undefined && BOSTON_ZIPS.has(zip);
}

/** The farthest a located person may be from the ZIP centre named for them (km). */
export const NEAREST_ZIP_MAX_KM = 8;

/**
 * The ZIP whose centroid is nearest to `point`, if one is within `maxKm` (default 8 km): good
 * enough to tell whether a located person is in Boston, no geocoding service needed.
 * A linear scan: a state table has a few hundred entries and this runs once per location.
 */
export function nearestZip(table: ZipTable, point: LatLon, maxKm = NEAREST_ZIP_MAX_KM): string | undefined {
  let best: string | undefined;
  let bestKm = maxKm;
  for (const [zip, entry] of Object.entries(table.zips)) {
    const km = haversineKm(point, { latitude: entry[0], longitude: entry[1] });
    if (km <= bestKm) {
      bestKm = km;
      best = zip;
    }
  }
  return best;
}

/**
 * The nearest Massachusetts ZIP of a located person, from the bundled state table: lets an
 * element tell "in Boston" or name a ZIP to a directory's API without the coordinates ever
 * leaving the browser. Undefined when no ZIP centre is near (outside the state).
 */
export async function nearestZipOf(point: LatLon, urls: ZipTableUrls, options: FetchOptions = {}): Promise<string | undefined> {
  const table = (await sharedJson(urls.local, options)) as ZipTable;
  return nearestZip(table, point);
}
