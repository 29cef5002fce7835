/**
 * Geography: great-circle distances, a nearest-first index over records, and ZIP lookups.
 *
 * DOM-free: never imports lit or leaflet.
 */
import KDBush from 'kdbush';
import { around as kdAround } from 'geokdbush';

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

/** Options of {@link NearestIndex.around}. */
export interface AroundOptions<T> {
  /** At most this many results (default: all). 0 or less gives none. */
  limit?: number;
  /** Only items at most this far, in km (inclusive; default: no limit). Negative gives none. */
  maxKm?: number;
  /** Only items for which this returns true. */
  filter?: (item: T) => boolean;
}

/** One result of {@link NearestIndex.around}: the item and its haversine distance in km. */
export interface NearItem<T> {
  item: T;
  km: number;
}

/**
 * A static nearest-first index (kdbush + geokdbush) over items with coordinates.
 *
 * Built once. Items whose accessor gives no coordinates, or coordinates that are not a valid
 * latitude/longitude, are never indexed: they are kept in {@link withoutLocation}.
 */
export class NearestIndex<T> {
  /** The items that have no (valid) coordinates, in their original order. */
  readonly withoutLocation: readonly T[];
  private readonly items: T[] = [];
  private readonly points: LatLon[] = [];
  private readonly index: KDBush | undefined;

  constructor(items: Iterable<T>, locate: (item: T) => LatLon | undefined) {
    const without: T[] = [];
    for (const item of items) {
      const p = locate(item);
      if (isValidLatLon(p)) {
        this.items.push(item);
        this.points.push({ latitude: p.latitude, longitude: p.longitude });
      } else {
        without.push(item);
      }
    }
    this.withoutLocation = without;
    this.index = this.points.length > 0 ? buildKdIndex(this.points) : undefined;
  }

  /** How many items are indexed (those with coordinates). */
  get size(): number {
    return this.items.length;
  }

  /**
   * Indexed items nearest first from `point`, each with its haversine distance in km.
   * Ties keep a stable but unspecified order.
   *
   * @throws RangeError when `point` is not a valid latitude/longitude, or `limit`/`maxKm` is NaN.
   */
  around(point: LatLon, opts: AroundOptions<T> = {}): Array<NearItem<T>> {
    if (!isValidLatLon(point)) throw new RangeError('around(): the point is not a valid latitude/longitude');
    const limit = opts.limit ?? Infinity;
    const maxKm = opts.maxKm ?? Infinity;
    if (Number.isNaN(limit) || Number.isNaN(maxKm)) throw new RangeError('around(): limit and maxKm must be numbers');
    if (!this.index || limit < 1 || maxKm < 0) return [];

    const filter = opts.filter;
    const predicate = filter ? (id: number) => filter(this.items[id] as T) : undefined;
    // geokdbush measures with a 6371 km radius, a hair shorter than ours, so its cut at maxKm
    // keeps a superset; the exact cut and the order use haversineKm below.
    const ids = kdAround(this.index, point.longitude, point.latitude, Math.floor(limit), maxKm, predicate);
    const out: Array<NearItem<T>> = [];
    for (const id of ids) {
      const km = haversineKm(point, this.points[id] as LatLon);
      if (km <= maxKm) out.push({ item: this.items[id] as T, km });
    }
    // Already nearest first; a stable re-sort makes the order agree exactly with `km`.
    return out.sort((a, b) => a.km - b.km);
  }
}

function buildKdIndex(points: readonly LatLon[]): KDBush {
  const index = new KDBush(points.length);
  for (const p of points) index.add(p.longitude, p.latitude);
  return index.finish();
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

const ZIP_INPUT = /^(\d{5})(?:-\d{4})?$/;

/**
 * The five-digit ZIP in what a person typed: "02118" and " 02118-1234 " give "02118";
 * anything else ("2118", "2118a", "123", "02118-12") gives undefined. A dropped leading zero
 * is not guessed back.
 */
export function normalizeZip(input: string): string | undefined {
  return ZIP_INPUT.exec(input.trim())?.[1];
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
