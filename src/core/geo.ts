/**
 * Geography: great-circle distances and ZIP lookups (the nearest-first index is in nearest.ts,
 * apart, so that a page loads kdbush only when a place is asked for).
 *
 * DOM-free: never imports lit or leaflet.
 */
import { normalizeZip } from './zip.js';

export { normalizeZip } from './zip.js';

/** A point on the Earth, in decimal degrees (WGS 84). `GeoLocation` from the schema fits it. */
export interface LatLon {
  latitude: number;
  longitude: number;
}

/** Mean Earth radius in kilometres (IUGG). */
const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_MILE = 1.609344;
const RAD = Math.PI / 180;

/** Great-circle distance in kilometres between two points (haversine, mean Earth radius 6371.0088 km). */
export function haversineKm(a: LatLon, b: LatLon): number {
  const dLat = (b.latitude - a.latitude) * RAD;
  const dLon = (b.longitude - a.longitude) * RAD;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * RAD) * Math.cos(b.latitude * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Kilometres to statute miles. */
export function kmToMiles(km: number): number {
  return km / KM_PER_MILE;
}

/** Statute miles to kilometres. */
export function milesToKm(miles: number): number {
  return miles * KM_PER_MILE;
}

/** True for a finite latitude in [-90, 90] and a finite longitude in [-180, 180]. */
export function isValidLatLon(p: LatLon | undefined | null): p is LatLon {
  return (
    !!p &&
    Number.isFinite(p.latitude) &&
    Number.isFinite(p.longitude) &&
    Math.abs(p.latitude) <= 90 &&
    Math.abs(p.longitude) <= 180
  );
}

// ---------------------------------------------------------------------------
// ZIP codes
// ---------------------------------------------------------------------------

/**
 * A table of ZIP code centroids. `zips` maps a five-digit ZIP to `[latitude, longitude]`
 * (latitude first, as in {@link LatLon}; not GeoJSON's order).
 */
export interface ZipTable {
  /** Where the centroids come from, e.g. "US Census ZCTA Gazetteer 2024". */
  source: string;
  /** The date of the source's data, as precise as known ("2021", "2024-06-01"). */
  date: string;
  zips: Record<string, [number, number]>;
}

/** The centroid of a ZIP (typed as a person would, see {@link normalizeZip}), or undefined if unknown. */
export function lookupZip(table: ZipTable, zip: string): LatLon | undefined {
  const key = normalizeZip(zip);
  if (key === undefined || !Object.hasOwn(table.zips, key)) return undefined;
  const entry = table.zips[key];
  if (!entry) return undefined;
  const point = { latitude: entry[0], longitude: entry[1] };
  return isValidLatLon(point) ? point : undefined;
}
