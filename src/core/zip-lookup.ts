/**
 * ZIP code -> coordinates from the bundled Census ZCTA centroid tables: no geocoding service,
 * nothing leaves the page. The small Massachusetts table is tried first; the whole-US table
 * (about 0.9 MB) is fetched only for a ZIP outside Massachusetts, and only once per page.
 */
import { lookupZip, normalizeZip, type LatLon, type ZipTable } from './geo.js';
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
