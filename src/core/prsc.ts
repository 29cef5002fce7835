/**
 * The Peer Recovery Support Centers of a dataset: which centres, in which order. Pure and
 * DOM-free; `<recovery-prsc-map>` shows what these return.
 */
import type { Category, Resource } from './schema.js';
import { haversineKm, isValidLatLon, type LatLon } from './geo.js';

export interface PrscFilter {
  /** '' = every region. Matched case-insensitively. */
  region: string;
  /** A centre must offer every one of these. */
  offerings: ReadonlySet<Category>;
  origin?: LatLon | undefined;
}

export interface ShownCentre {
  r: Resource;
  km?: number | undefined;
}

/** The PRSC records of a dataset. */
export function prscRecords(resources: readonly Resource[]): Resource[] {
  return resources.filter((r) => r.kind === 'prsc');
}

/** The regions present, sorted. */
export function regionsOf(centres: readonly Resource[]): string[] {
  return [...new Set(centres.map((r) => r.region).filter((x): x is string => !!x))].sort((a, b) => a.localeCompare(b));
}

/**
 * The offerings worth filtering by: categories some but not all centres have (a category every
 * centre has would filter nothing).
 */
export function offeringsOf(centres: readonly Resource[]): Category[] {
  const counts = new Map<Category, number>();
  for (const r of centres) for (const c of new Set(r.categories)) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].filter(([, n]) => n < centres.length).map(([c]) => c);
}

/** The region as the dataset spells it, for a configured name in any case; undefined when absent. */
export function matchRegion(regions: readonly string[], wanted: string): string | undefined {
  const w = wanted.trim().toLowerCase();
  return regions.find((r) => r.toLowerCase() === w);
}

/** Filter, then sort: nearest first when there is an origin, else by name. */
export function shownCentres(centres: readonly Resource[], f: PrscFilter): ShownCentre[] {
  const region = f.region.trim().toLowerCase();
  const list: ShownCentre[] = centres
    .filter((r) => !region || r.region?.toLowerCase() === region)
    .filter((r) => [...f.offerings].every((c) => r.categories.includes(c)))
    .map((r) => ({
      r,
      km: f.origin && r.location && isValidLatLon(r.location) ? haversineKm(f.origin, r.location) : undefined,
    }));
  if (f.origin) {
    list.sort((a, b) => (a.km ?? Infinity) - (b.km ?? Infinity) || a.r.name.localeCompare(b.r.name));
  } else {
    list.sort((a, b) => a.r.name.localeCompare(b.r.name));
  }
  return list;
}

/** "42.36,-71.06" -> [42.36, -71.06]; undefined when it is not a valid "lat,lng". */
export function parseCenter(text: string | undefined | null): [number, number] | undefined {
  if (!text) return undefined;
  const parts = text.split(',').map((s) => Number(s.trim()));
  if (parts.length !== 2) return undefined;
  const [lat, lng] = parts as [number, number];
  return isValidLatLon({ latitude: lat, longitude: lng }) ? [lat, lng] : undefined;
}
