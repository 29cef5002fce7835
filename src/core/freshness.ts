/**
 * How old a record is, for the cards ("Listed in 2018", "Date unknown", a 24/7 claim, an event
 * that has ended), `validate` (stale records, past events) and the
 * editors' `report`: the date a person last verified it, else its source's date.
 *
 * DOM-free: never imports lit or leaflet.
 */
import type { Resource } from './schema.js';

/** Default age limit in days (two years): older records say their age and `validate` warns. */
export const DEFAULT_STALE_AFTER_DAYS = 730;

const DAY_MS = 86_400_000;

/** The date the record's age counts from: `last_verified`, else `source_date`, else undefined. */
export function recordDate(r: Pick<Resource, 'provenance'>): string | undefined {
  return r.provenance.last_verified ?? r.provenance.source_date;
}

/** Whole days from an ISO date (noon UTC) to `now`; undefined for a missing or unreadable date. */
export function ageInDays(isoDate: string | undefined, now: Date): number | undefined {
  if (!isoDate) return undefined;
  const t = Date.parse(`${isoDate}T12:00:00Z`);
  return Number.isFinite(t) ? Math.floor((now.getTime() - t) / DAY_MS) : undefined;
}

/** True when the record's date is older than `limitDays` at `now` (an undated record is not). */
export function isStale(r: Pick<Resource, 'provenance'>, now: Date, limitDays = DEFAULT_STALE_AFTER_DAYS): boolean {
  const age = ageInDays(recordDate(r), now);
  return age !== undefined && age > limitDays;
}

/** True when the record has no date at all: neither `last_verified` nor `source_date`. */
export function isUndated(r: Pick<Resource, 'provenance'>): boolean {
  return recordDate(r) === undefined;
}

/**
 * How long a "24/7" claim is believed, in days (two years): an older record may say it was
 * open round the clock, but it is never shown as "Open 24/7" (a place that closed in 2016 is
 * the worst thing to send someone to at 3 AM).
 */
export const ALWAYS_OPEN_TRUSTED_DAYS = 730;

/** A record's `always_open` claim: current, listed in a year (older), or of unknown date. */
export type AlwaysOpenClaim = { kind: 'current' } | { kind: 'old'; year: string } | { kind: 'undated' };

/** How far to trust a record's `always_open`: by its date (see {@link ALWAYS_OPEN_TRUSTED_DAYS}). */
export function alwaysOpenClaim(r: Pick<Resource, 'provenance'>, now: Date): AlwaysOpenClaim {
  const date = recordDate(r);
  const age = ageInDays(date, now);
  if (date === undefined || age === undefined) return { kind: 'undated' };
  return age < ALWAYS_OPEN_TRUSTED_DAYS ? { kind: 'current' } : { kind: 'old', year: date.slice(0, 4) };
}

/** How long an event with no end time is taken to last, before it is said to have ended. */
const EVENT_WITHOUT_END_MS = 86_400_000;

/**
 * Has the event ended at `now`? With `ends_at`: once it has passed. Without: a day after it
 * started (till then it may still be on, so it is neither upcoming nor said to have ended).
 * An unreadable date has not ended (nothing true can be said of it).
 */
export function hasEnded(r: Pick<Resource, 'event'>, now: Date): boolean {
  if (!r.event) return false;
  const start = Date.parse(r.event.starts_at);
  if (!Number.isFinite(start)) return false;
  const end = r.event.ends_at ? Date.parse(r.event.ends_at) : Number.NaN;
  const t = now.getTime();
  if (Number.isFinite(end) && end >= start) return end <= t;
  return start + EVENT_WITHOUT_END_MS <= t;
}
