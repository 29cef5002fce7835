/**
 * "Open now": a schedule's hours read in the schedule's own IANA time zone.
 *
 * Wall-clock times come from `Intl.DateTimeFormat` with the zone (no date library), so
 * daylight-saving changes are the browser's zone data, and every duration is true elapsed time.
 *
 * How a schedule is read:
 *  - Weekly ranges belong to the local date they open on. A range whose `closes_at` is earlier
 *    than or equal to its `opens_at` runs past midnight into the next day (FR 20:00-02:00 is
 *    open Saturday 01:30); `closes_at` "24:00" is the following midnight.
 *  - A `special` date replaces the weekly ranges that open on that date. A range that opened
 *    the evening before still runs into it (the special hours are that date's own hours).
 *  - A `closed` date is closed for the whole local date, from midnight to midnight: a range
 *    that opened the evening before is cut at midnight when the next date is closed. Data says
 *    "closed all day"; sending someone to a closed door at 1 AM is the worse mistake. A range
 *    that opens on a closed date is dropped whole, its hours past midnight too (the night's
 *    session is cancelled). A date that is both `closed` and `special` is closed.
 *  - `always_open` is every date open midnight to midnight, but `closed` and `special` dates
 *    still apply (a 24/7 centre closed on one holiday says so). The state is 'always-open' only
 *    while no closing is known within the next 14 days; otherwise it is 'open' with `closesAt`.
 *  - Daylight-saving changes: an opening or closing time is the first moment the local clock
 *    shows that time or later. A time skipped by a spring-forward change (02:30 on 2026-03-08
 *    in New York) is the moment of the change (03:00 EDT); a time that happens twice on a
 *    fall-back night (01:30 on 2026-11-01) is its first occurrence (01:30 EDT).
 *
 * DOM-free: never imports lit or leaflet.
 */
import type { Day, OperatingStatus, Schedule } from './schema.js';

/** Whether a place is open: see {@link openStatus}. */
export type OpenState = 'open' | 'closed' | 'always-open' | 'by-appointment' | 'unknown';

/** A moment in the schedule's time zone. */
export interface LocalTime {
  /** Day of the week, in the schedule's zone. */
  day: Day;
  /** Wall-clock time, HH:MM (24-hour), in the schedule's zone. A closing at midnight is "00:00" of the next date. */
  time: string;
  /** Local date, YYYY-MM-DD, in the schedule's zone. */
  date: string;
  /** True elapsed minutes from `now` (rounded up, so always at least 1 for a future moment). */
  minutesFromNow: number;
}

/** The result of {@link openStatus}. */
export interface OpenStatus {
  state: OpenState;
  /** When open: the end of the current opening, if within the next 14 days. */
  closesAt?: LocalTime;
  /** When open: true if it closes within 60 minutes. */
  closingSoon?: boolean;
  /** When closed: the next opening within the next 14 days, if any. */
  opensAt?: LocalTime;
  /** Set when today's local date is one of the schedule's `closed` dates. */
  closedToday?: { description?: string };
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 1440;
const HORIZON_DAYS = 14;
const HORIZON_MS = HORIZON_DAYS * DAY_MS;
const CLOSING_SOON_MS = 60 * MINUTE_MS;
/** Day names indexed like `Date.prototype.getUTCDay()`. */
const WEEKDAYS: readonly Day[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

// ---------------------------------------------------------------------------
// Wall-clock time in a zone
// ---------------------------------------------------------------------------

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone (creating them is the slow part). Throws RangeError for an unknown zone. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(epochMs: number, timeZone: string): WallClock {
  const wc: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type in wc) wc[part.type as keyof WallClock] = Number(part.value);
  }
  return wc;
}

/** Days since 1970-01-01 of a calendar date (the calendar arithmetic is done in UTC). */
function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

const dateKeys = new Map<number, string>();

/** YYYY-MM-DD of a day number (memoised: the same few dates are read for every record). */
function dateKey(dayNum: number): string {
  let key = dateKeys.get(dayNum);
  if (key === undefined) {
    key = new Date(dayNum * DAY_MS).toISOString().slice(0, 10);
    if (dateKeys.size > 5_000) dateKeys.clear();
    dateKeys.set(dayNum, key);
  }
  return key;
}

function weekday(dayNum: number): Day {
  // 1970-01-01 (day 0) was a Thursday: index 4 in WEEKDAYS.
  return WEEKDAYS[(((dayNum + 4) % 7) + 7) % 7] as Day;
}

/** A wall clock read as if it were UTC: the key to compare wall times. */
function wallAsUtc(wc: WallClock): number {
  return Date.UTC(wc.year, wc.month - 1, wc.day, wc.hour, wc.minute);
}

/** The zone's offset from UTC at an instant, in ms (local minus UTC), to the minute. */
function offsetAt(epochMs: number, timeZone: string): number {
  return wallAsUtc(wallClock(epochMs, timeZone)) - Math.floor(epochMs / MINUTE_MS) * MINUTE_MS;
}

/**
 * Local date, day of the week and minutes since local midnight of an instant in a zone.
 *
 * @throws RangeError for an unknown time zone.
 */
export function localParts(now: Date, timeZone: string): { date: string; day: Day; minutes: number } {
  const wc = wallClock(now.getTime(), timeZone);
  const dayNum = dayNumber(wc.year, wc.month, wc.day);
  return { date: dateKey(dayNum), day: weekday(dayNum), minutes: wc.hour * 60 + wc.minute };
}

/**
 * For a skipped wall time: the first instant in (lo, hi] whose wall clock reads `wall` or later,
 * found by bisection to the minute. At `lo` the clock reads earlier than `wall`, at `hi` later.
 */
function firstInstantAtOrAfter(wall: number, lo: number, hi: number, timeZone: string): number {
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (wallAsUtc(wallClock(mid, timeZone)) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Per zone: wall time (as if UTC) to instant. Every record asks about the same few times. */
const instantCache = new Map<string, Map<number, number>>();

/**
 * The instant of a local wall time: `minutes` after the start of local date `dayNum` (may be
 * 1440 or more, meaning a later date): the first instant the local clock reads that time or later.
 */
function zonedInstant(timeZone: string, dayNum: number, minutes: number): number {
  const wall = dayNum * DAY_MS + minutes * MINUTE_MS;
  let cache = instantCache.get(timeZone);
  if (!cache) {
    cache = new Map();
    instantCache.set(timeZone, cache);
  }
  const cached = cache.get(wall);
  if (cached !== undefined) return cached;
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const exact = [wall - before, wall - after].filter((t) => wallAsUtc(wallClock(t, timeZone)) === wall);
  const instant = exact.length > 0 ? Math.min(...exact) : firstInstantAtOrAfter(wall, wall - after, wall - before, timeZone);
  if (cache.size > 20_000) cache.clear();
  cache.set(wall, instant);
  return instant;
}

// ---------------------------------------------------------------------------
// Reading a schedule into opening intervals
// ---------------------------------------------------------------------------

/** An opening, as instants: [start, end). */
interface Interval {
  start: number;
  end: number;
}

/** A range of minutes after a local date's midnight; `close` may pass 1440 (into the next date). */
interface MinuteRange {
  open: number;
  close: number;
}

function clockMinutes(hhmm: string): number {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

function minuteRange(opensAt: string, closesAt: string): MinuteRange {
  const open = clockMinutes(opensAt);
  let close = clockMinutes(closesAt);
  // Only a gap in validation gets here; the caller turns the throw into 'unknown'.
  if (!(open >= 0 && open < MINUTES_PER_DAY && close >= 0 && close <= MINUTES_PER_DAY)) throw new RangeError('hours out of range');
  if (close <= open) close += MINUTES_PER_DAY;
  return { open, close };
}

/** The schedule's rules, indexed for reading date by date. */
interface ScheduleRules {
  timeZone: string;
  alwaysOpen: boolean;
  weekly: Array<{ days: ReadonlySet<Day>; range: MinuteRange }>;
  special: Map<string, MinuteRange[]>;
  closed: Map<string, { description?: string }>;
}

function rulesOf(schedule: Schedule, timeZone: string): ScheduleRules {
  const special = new Map<string, MinuteRange[]>();
  for (const s of schedule.special ?? []) {
    const list = special.get(s.date) ?? [];
    list.push(minuteRange(s.opens_at, s.closes_at));
    special.set(s.date, list);
  }
  const closed = new Map<string, { description?: string }>();
  for (const c of schedule.closed ?? []) {
    closed.set(c.date, c.description === undefined ? {} : { description: c.description });
  }
  return {
    timeZone,
    alwaysOpen: schedule.always_open === true,
    weekly: (schedule.weekly ?? []).map((w) => ({ days: new Set(w.byday), range: minuteRange(w.opens_at, w.closes_at) })),
    special,
    closed,
  };
}

/** The ranges that open on a local date. */
function rangesOpeningOn(rules: ScheduleRules, dayNum: number): MinuteRange[] {
  const date = dateKey(dayNum);
  if (rules.closed.has(date)) return [];
  const special = rules.special.get(date);
  if (special) return special;
  if (rules.alwaysOpen) return [{ open: 0, close: MINUTES_PER_DAY }];
  const day = weekday(dayNum);
  return rules.weekly.filter((w) => w.days.has(day)).map((w) => w.range);
}

/** A range on a date as instants, cut at the midnight that starts the first closed date it runs into. */
function toInterval(rules: ScheduleRules, dayNum: number, range: MinuteRange): Interval {
  const start = zonedInstant(rules.timeZone, dayNum, range.open);
  let end = zonedInstant(rules.timeZone, dayNum, range.close);
  for (let d = dayNum + 1; d * MINUTES_PER_DAY < dayNum * MINUTES_PER_DAY + range.close; d++) {
    if (rules.closed.has(dateKey(d))) {
      end = Math.min(end, zonedInstant(rules.timeZone, d, 0));
      break;
    }
  }
  return { start, end };
}

/** Openings of ranges opening on local dates `fromDay`..`toDay`, sorted, with touching ones merged. */
function openings(rules: ScheduleRules, fromDay: number, toDay: number): Interval[] {
  const all: Interval[] = [];
  for (let d = fromDay; d <= toDay; d++) {
    for (const range of rangesOpeningOn(rules, d)) {
      const interval = toInterval(rules, d, range);
      if (interval.end > interval.start) all.push(interval);
    }
  }
  all.sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const next of all) {
    const last = merged[merged.length - 1];
    if (last && next.start <= last.end) last.end = Math.max(last.end, next.end);
    else merged.push({ ...next });
  }
  return merged;
}

function hasStructuredHours(schedule: Schedule): boolean {
  return schedule.always_open === true || (schedule.weekly?.length ?? 0) > 0 || (schedule.special?.length ?? 0) > 0;
}

function localTime(epochMs: number, nowMs: number, timeZone: string): LocalTime {
  const parts = localParts(new Date(epochMs), timeZone);
  const hh = String(Math.floor(parts.minutes / 60)).padStart(2, '0');
  const mm = String(parts.minutes % 60).padStart(2, '0');
  return {
    day: parts.day,
    time: `${hh}:${mm}`,
    date: parts.date,
    minutesFromNow: Math.ceil((epochMs - nowMs) / MINUTE_MS),
  };
}

/** The last "today" asked for per zone: a list asks about one instant for every record. */
const todays = new Map<string, { nowMs: number; date: string; dayNum: number }>();

function todayIn(nowMs: number, timeZone: string): { date: string; dayNum: number } {
  const last = todays.get(timeZone);
  if (last && last.nowMs === nowMs) return last;
  const wc = wallClock(nowMs, timeZone);
  const dayNum = dayNumber(wc.year, wc.month, wc.day);
  const today = { nowMs, date: dateKey(dayNum), dayNum };
  todays.set(timeZone, today);
  return today;
}

function statusIn(schedule: Schedule, nowMs: number, timeZone: string): OpenStatus {
  const today = todayIn(nowMs, timeZone);
  const rules = rulesOf(schedule, timeZone);
  const closedToday = rules.closed.get(today.date);

  if (!hasStructuredHours(schedule)) {
    if (closedToday) return { state: 'closed', closedToday };
    return { state: schedule.by_appointment === true ? 'by-appointment' : 'unknown' };
  }

  const todayNum = today.dayNum;
  // From yesterday (a range running past midnight) to a day past the horizon (to see whether
  // an opening that has begun goes on beyond it).
  const intervals = openings(rules, todayNum - 1, todayNum + HORIZON_DAYS + 1);

  const current = intervals.find((i) => i.start <= nowMs && nowMs < i.end);
  if (current) {
    if (current.end - nowMs > HORIZON_MS) return { state: rules.alwaysOpen ? 'always-open' : 'open' };
    return {
      state: 'open',
      closesAt: localTime(current.end, nowMs, timeZone),
      closingSoon: current.end - nowMs <= CLOSING_SOON_MS,
    };
  }
  const next = intervals.find((i) => i.start > nowMs && i.start - nowMs <= HORIZON_MS);
  return {
    state: 'closed',
    ...(next ? { opensAt: localTime(next.start, nowMs, timeZone) } : {}),
    ...(closedToday ? { closedToday } : {}),
  };
}

/** Whether an opening contains `nowMs`: only ranges opening yesterday or today can. */
function openNowIn(schedule: Schedule, nowMs: number, timeZone: string): boolean {
  if (!hasStructuredHours(schedule)) return false;
  const { dayNum } = todayIn(nowMs, timeZone);
  const intervals = openings(rulesOf(schedule, timeZone), dayNum - 1, dayNum);
  return intervals.some((i) => i.start <= nowMs && nowMs < i.end);
}

/**
 * Runs `read`, or gives `fallback` when it throws: an unknown zone, or a schedule the validator
 * should have refused (a future gap there must not stop a list from rendering). Hours are then
 * 'unknown', which the card words as nothing at all rather than a wrong "open".
 */
function unlessBadZone<R>(read: () => R, fallback: R): R {
  try {
    return read();
  } catch {
    return fallback;
  }
}

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/**
 * Whether a place is open at `now`, read in the schedule's `time_zone` (or `defaultTimeZone`,
 * the dataset's). See the module comment for how hours are read.
 *
 * - 'always-open': `always_open`, with no closing known within 14 days.
 * - 'open': open now; `closesAt` (if within 14 days) and `closingSoon` (within 60 minutes).
 * - 'closed': `opensAt` is the next opening within 14 days; `closedToday` when today is a
 *   `closed` date (also for a schedule with no structured hours).
 * - 'by-appointment': no weekly, special or always-open hours, and `by_appointment`.
 * - 'unknown': no schedule, no structured hours, an unknown time zone, or hours that cannot be
 *   read (never throws).
 */
export function openStatus(schedule: Schedule | undefined, now: Date, defaultTimeZone: string): OpenStatus {
  const nowMs = now.getTime();
  if (!schedule || typeof schedule !== 'object' || Number.isNaN(nowMs)) return { state: 'unknown' };
  return unlessBadZone<OpenStatus>(() => statusIn(schedule, nowMs, schedule.time_zone ?? defaultTimeZone), { state: 'unknown' });
}

/**
 * True exactly when {@link openStatus} would say 'open' or 'always-open' (for an "open now"
 * filter), computed more cheaply: it looks only at ranges opening yesterday and today.
 */
export function isOpenAt(schedule: Schedule | undefined, now: Date, defaultTimeZone: string): boolean {
  const nowMs = now.getTime();
  if (!schedule || typeof schedule !== 'object' || Number.isNaN(nowMs)) return false;
  return unlessBadZone(() => openNowIn(schedule, nowMs, schedule.time_zone ?? defaultTimeZone), false);
}

/** The parts of a record that say whether it can be open. */
export interface OperatingRecord {
  schedule?: Schedule | undefined;
  operating_status?: OperatingStatus | undefined;
}

/**
 * True when the dataset marks the place closed, temporarily closed or moved: it is never
 * shown as open, whatever its hours say. Such records stay listed (shown as closed), so a
 * person looking for a place they knew learns it is gone instead of not finding it.
 */
export function isNotOperating(r: OperatingRecord): boolean {
  return r.operating_status !== undefined && r.operating_status !== 'active';
}

/** {@link openStatus} of a record: 'closed', with no next opening, when it no longer operates there. */
export function recordOpenStatus(r: OperatingRecord, now: Date, defaultTimeZone: string): OpenStatus {
  return isNotOperating(r) ? { state: 'closed' } : openStatus(r.schedule, now, defaultTimeZone);
}

/** {@link isOpenAt} of a record: never open when it no longer operates there. */
export function isRecordOpenAt(r: OperatingRecord, now: Date, defaultTimeZone: string): boolean {
  return !isNotOperating(r) && isOpenAt(r.schedule, now, defaultTimeZone);
}
