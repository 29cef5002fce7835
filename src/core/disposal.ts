/**
 * Safe disposal of medicines and needles: which records take which item, the nearest places
 * first (one spatial index per dataset), upcoming take-back events (never a past one), and
 * which fallback guidance to give when nothing near takes the item.
 *
 * DOM-free: never imports lit or leaflet.
 */
import { haversineKm, milesToKm, type LatLon } from './geo.js';
import { NearestIndex, type NearItem } from './nearest.js';
import { recordDate } from './freshness.js';
import type { DisposalItem, Resource } from './schema.js';
import { descriptionOf } from './worded.js';

/** Default search radius, in miles. */
export const DEFAULT_MAX_MILES = 25;
/** Default number of places listed. */
export const DEFAULT_LIMIT = 10;

/**
 * Places whose distances differ by less than this many km are "about equally near": the same
 * trip for a person, and less than the uncertainty of an approximate (town or ZIP centre)
 * location. Among them, the one whose record is dated more recently comes first.
 */
const ABOUT_EQUALLY_NEAR_KM = 1;

/** The medicine forms (everything but sharps). */
export const MEDICINE_ITEMS: readonly DisposalItem[] = ['pills', 'liquids', 'patches', 'inhalers'];

/** A place (not an event) that says what it takes. */
export function isDisposalPlace(r: Resource): boolean {
  return r.kind !== 'event' && r.disposal !== undefined;
}

/** A take-back event: an event record about disposal. */
export function isTakeBackEvent(r: Resource): boolean {
  return r.kind === 'event' && r.event !== undefined && (r.disposal !== undefined || r.categories.includes('disposal'));
}

/** Does the record say it takes this item? A record that does not say is never assumed to. */
export function acceptsItem(r: Resource, item: DisposalItem): boolean {
  return r.disposal?.accepts.includes(item) ?? false;
}

/**
 * Is the event still to come, or running now? With `ends_at`: until it ends. Without: only
 * until it starts (an event with no known end is never shown once it has begun: it may be over).
 * An unreadable date is never upcoming.
 */
export function isUpcoming(r: Resource, now: Date): boolean {
  if (!r.event) return false;
  const start = Date.parse(r.event.starts_at);
  if (!Number.isFinite(start)) return false;
  const end = r.event.ends_at ? Date.parse(r.event.ends_at) : Number.NaN;
  const t = now.getTime();
  if (Number.isFinite(end) && end >= start) return end > t;
  return start > t;
}

/** Is the event running at `now`? */
export function isRunning(r: Resource, now: Date): boolean {
  if (!r.event?.ends_at) return false;
  const start = Date.parse(r.event.starts_at);
  const end = Date.parse(r.event.ends_at);
  const t = now.getTime();
  return start <= t && t < end;
}

export interface NearestOptions {
  /** At most this many (default {@link DEFAULT_LIMIT}). */
  limit?: number;
  /** Only places at most this far, in km (default {@link DEFAULT_MAX_MILES} miles). */
  maxKm?: number;
}

export interface EventOptions {
  /** Only events that say they take this item. */
  item?: DisposalItem;
  /** With `maxKm`: only events within that distance of this point (events without coordinates are left out). */
  point?: LatLon;
  maxKm?: number;
  /** At most this many. */
  limit?: number;
}

/** An event and, when a point was given, its distance in km. */
export interface EventMatch {
  item: Resource;
  km?: number;
}

/**
 * The disposal places and events of one dataset, with a nearest-first index built once.
 * Build one per dataset (the element keeps it until its data changes).
 */
/** A page of the data about found needles: a record's own web page, with the source it came from. */
export interface NeedlePage {
  name: string;
  url: string;
  source: string;
}

/**
 * The first record that speaks of needles or syringes (name or description), has a web page
 * and names where it came from with a link: what the guidance links to instead of a search.
 */
function findNeedlePage(resources: readonly Resource[]): NeedlePage | undefined {
  for (const r of resources) {
    if (!r.url || !r.provenance.source_url) continue;
    if (!/needle|syringe|sharps/i.test(`${r.name} ${descriptionOf(r) ?? ''}`)) continue;
    return { name: r.organization?.name && r.organization.name !== r.name ? `${r.name}, ${r.organization.name}` : r.name, url: r.url, source: r.provenance.source };
  }
  return undefined;
}

export class DisposalIndex {
  /** Places (not events) that say what they take. */
  readonly places: readonly Resource[];
  /** Take-back events, past ones included (filter with {@link upcomingEvents}). */
  readonly events: readonly Resource[];
  /** A sourced page about needles found in the data, if any (see {@link findNeedlePage}). */
  readonly needlePage: NeedlePage | undefined;
  private readonly index: NearestIndex<Resource>;

  constructor(resources: readonly Resource[]) {
    this.needlePage = findNeedlePage(resources);
    this.places = resources.filter(isDisposalPlace);
    this.events = resources.filter(isTakeBackEvent);
    this.index = new NearestIndex(this.places, (r) => r.location);
  }

  /** How many places have coordinates (can be found by distance). */
  get size(): number {
    return this.index.size;
  }

  /** Which items at least one place takes. */
  acceptedItems(): Set<DisposalItem> {
    const out = new Set<DisposalItem>();
    for (const r of this.places) for (const i of r.disposal?.accepts ?? []) out.add(i);
    return out;
  }

  /**
   * The date a record was listed: its own date (when a person last verified it, else its
   * source's date for it), else '' (undated: older than every dated record). A source's date
   * never stands in for the record's: a list compiled this year may cite a page from 2014.
   */
  listedOn(r: Resource): string {
    return recordDate(r) ?? '';
  }

  /**
   * Places that take `item`, nearest first from `point`, each with its distance in km. Among
   * places about equally near ({@link ABOUT_EQUALLY_NEAR_KM}), one listed more recently
   * ({@link listedOn}) comes before one listed earlier or of unknown date: a 2018 snapshot is
   * better than nothing, but not better than a newer record for the same trip.
   */
  nearest(point: LatLon, item: DisposalItem, opts: NearestOptions = {}): Array<NearItem<Resource>> {
    const limit = opts.limit ?? DEFAULT_LIMIT;
    const maxKm = opts.maxKm ?? milesToKm(DEFAULT_MAX_MILES);
    const filter = (r: Resource) => acceptsItem(r, item);
    const first = this.index.around(point, { limit, maxKm, filter });
    if (first.length === 0 || limit <= 0) return first;
    // A place just past the last one could move up: take every place within reach of it.
    const reach = Math.min(maxKm, first[first.length - 1]!.km + ABOUT_EQUALLY_NEAR_KM);
    const near = first.length < limit ? first : this.index.around(point, { maxKm: reach, filter });
    return this.newerFirstWhenAboutEquallyNear(near).slice(0, limit);
  }

  /**
   * A stable pass over a nearest-first list: a place moves ahead of the places just before it
   * while they are about equally near and listed earlier. It never moves past a place more
   * than {@link ABOUT_EQUALLY_NEAR_KM} nearer, so the list stays nearest first in every way a
   * person could notice.
   */
  private newerFirstWhenAboutEquallyNear(list: Array<NearItem<Resource>>): Array<NearItem<Resource>> {
    const out = [...list];
    for (let i = 1; i < out.length; i++) {
      const moving = out[i]!;
      const date = this.listedOn(moving.item);
      let j = i;
      while (j > 0 && moving.km - out[j - 1]!.km < ABOUT_EQUALLY_NEAR_KM && date > this.listedOn(out[j - 1]!.item)) {
        out[j] = out[j - 1]!;
        j--;
      }
      out[j] = moving;
    }
    return out;
  }

  /** Places that take `item` but have no coordinates (so cannot be placed by distance). */
  withoutLocation(item: DisposalItem): Resource[] {
    return this.index.withoutLocation.filter((r) => acceptsItem(r, item));
  }

  /** Events still to come or running at `now`, soonest first. Never a past one. */
  upcomingEvents(now: Date, opts: EventOptions = {}): EventMatch[] {
    const out: EventMatch[] = [];
    for (const r of this.events) {
      if (!isUpcoming(r, now)) continue;
      if (opts.item && !acceptsItem(r, opts.item)) continue;
      if (opts.point) {
        const km = r.location ? haversineKm(opts.point, r.location) : undefined;
        if (opts.maxKm !== undefined && (km === undefined || km > opts.maxKm)) continue;
        out.push({ item: r, km });
      } else {
        out.push({ item: r });
      }
    }
    out.sort((a, b) => Date.parse(a.item.event?.starts_at ?? '') - Date.parse(b.item.event?.starts_at ?? ''));
    return opts.limit === undefined ? out : out.slice(0, Math.max(0, opts.limit));
  }
}

// ---------------------------------------------------------------------------
// Fallback guidance
// ---------------------------------------------------------------------------


/**
 * Which guidance to give when nothing near takes the item:
 *  - `boston-sharps`: needles in Boston (report found needles to BOS:311; never in household trash or recycling);
 *  - `sharps`: needles elsewhere (pharmacies, syringe service programs, the local health department);
 *  - `fda-medicines`: the FDA's at-home disposal steps, for every medicine form.
 */
export type Guidance = 'boston-sharps' | 'sharps' | 'fda-medicines';

export function fallbackGuidance(item: DisposalItem, where: { inBoston: boolean }): Guidance[] {
  if (item === 'sharps') return where.inBoston ? ['boston-sharps'] : ['sharps'];
  return ['fda-medicines'];
}

// ---------------------------------------------------------------------------
// How old the data is
// ---------------------------------------------------------------------------

/**
 * When every record is dated by its source (`provenance.source_date`) and the newest of those
 * dates is older than `staleDays` (default 365) at `now`, that date: the list is a snapshot and
 * should say so. A dataset's other sources (such as a ZIP table) do not make its places newer.
 */
export function snapshotDate(records: readonly Resource[], now: Date, staleDays = 365): string | undefined {
  let newest = '';
  for (const r of records) {
    const d = r.provenance.source_date;
    if (!d) return undefined;
    if (d > newest) newest = d;
  }
  if (!newest) return undefined;
  const age = (now.getTime() - Date.parse(`${newest}T12:00:00Z`)) / 86_400_000;
  return age > staleDays ? newest : undefined;
}
