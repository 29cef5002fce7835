/**
 * A nearest-first index over records with coordinates (kdbush + geokdbush). Apart from geo.ts
 * so that a page that lists and filters loads these only when a place is asked for.
 *
 * DOM-free: never imports lit or leaflet.
 */
import KDBush from 'kdbush';
import { around as kdAround } from 'geokdbush';
import { haversineKm, isValidLatLon, type LatLon } from './geo.js';

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

