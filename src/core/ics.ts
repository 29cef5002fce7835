/**
 * A take-back event as an iCalendar file (RFC 5545), made in the browser: lines end in CRLF,
 * text is escaped, lines are folded at 75 octets (never inside a UTF-8 character), the event
 * has a UID and a DTSTAMP, and its times are given in the data's time zone (TZID) with a
 * VTIMEZONE that lists that zone's offset changes around the event (read from Intl, so any IANA
 * zone the browser knows works, daylight saving or not).
 *
 * No npm package was used: the generators on npm (ics, ical-generator) either write UTC times
 * only or leave the VTIMEZONE to a separate time zone database package; this needs ~150 lines.
 */
import { offsetAt, wallClock } from './hours.js';
import type { Resource } from './schema.js';
import { descriptionOf, restrictionsOf } from './worded.js';

export interface IcsOptions {
  /** IANA time zone the times are written in (the dataset's `time_zone`). */
  timeZone: string;
  /** DTSTAMP: when the file is made. */
  now: Date;
  /** The page the event was found on (put in the description). */
  pageUrl?: string | undefined;
  /** Words for the description, in the page's language. */
  labels?: Partial<IcsLabels>;
}

interface IcsLabels {
  source: string;
  foundOn: string;
}

const MINUTE = 60_000;

/** Control characters RFC 5545 does not allow in a value (3.3.11): U+0000–U+001F but tab, and U+007F. */
// eslint-disable-next-line no-control-regex -- control characters are what this is about
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f]/g;

/** A value without the control characters a calendar would reject (line breaks included). */
function withoutControls(text: string): string {
  return text.replace(CONTROLS, '');
}

/** Text escaped for a TEXT value (RFC 5545 3.3.11); line breaks become `\n`, other controls go. */
function escapeText(text: string): string {
  return withoutControls(text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n'));
}

/** One content line folded at 75 octets (3.1): continuation lines start with a space. */
export function foldLine(line: string): string {
  const enc = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74; // the leading space of a continuation counts
    if (octets + n > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A local date-time form (YYYYMMDDTHHMMSS) of an instant in a zone. */
function localStamp(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}00`;
}

/** A UTC date-time form (YYYYMMDDTHHMMSSZ). */
function utcStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** +HHMM / -HHMM of an offset in ms. */
function offsetText(ms: number): string {
  const m = Math.round(ms / MINUTE);
  const a = Math.abs(m);
  return `${m < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}${pad(a % 60)}`;
}

interface Transition {
  at: number;
  from: number;
  to: number;
}

/** The zone's offset changes between two instants (found day by day, then to the minute). */
function transitions(timeZone: string, fromMs: number, toMs: number): Transition[] {
  const out: Transition[] = [];
  const DAY = 86_400_000;
  let t = fromMs;
  let off = offsetAt(t, timeZone);
  while (t < toMs) {
    const next = Math.min(t + DAY, toMs);
    const nextOff = offsetAt(next, timeZone);
    if (nextOff !== off) {
      let lo = t;
      let hi = next;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE || lo + MINUTE;
        if (offsetAt(mid, timeZone) === off) lo = mid;
        else hi = mid;
      }
      out.push({ at: hi, from: off, to: nextOff });
      off = nextOff;
    }
    t = next;
  }
  return out;
}

/** VTIMEZONE lines for a zone, covering the year before `startMs` to the year after `endMs`. */
function vtimezone(timeZone: string, startMs: number, endMs: number): string[] {
  const y0 = new Date(startMs).getUTCFullYear() - 1;
  const y1 = new Date(endMs).getUTCFullYear() + 1;
  const from = Date.UTC(y0, 0, 1);
  const changes = transitions(timeZone, from, Date.UTC(y1, 0, 1));
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  if (changes.length === 0) {
    const off = offsetText(offsetAt(startMs, timeZone));
    lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${off}`, `TZOFFSETTO:${off}`, 'END:STANDARD');
  } else {
    // The offset in force before the first change, so the start of the window is covered too.
    const first = changes[0] as Transition;
    const all: Transition[] = [{ at: from, from: first.from, to: first.from }, ...changes];
    const standard = Math.min(...all.map((c) => c.to));
    for (const c of all) {
      const kind = c.to > standard ? 'DAYLIGHT' : 'STANDARD';
      // DTSTART is the onset in the local time that was in force before it (TZOFFSETFROM).
      const w = wallClock(c.at - c.to + c.from, 'UTC');
      const onset = `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}00`;
      lines.push(`BEGIN:${kind}`, `DTSTART:${onset}`, `TZOFFSETFROM:${offsetText(c.from)}`, `TZOFFSETTO:${offsetText(c.to)}`, `END:${kind}`);
    }
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

/** One line per part of the address, or undefined. */
function addressText(r: Resource): string | undefined {
  const a = r.address;
  if (!a) return undefined;
  return [a.address_1, a.address_2, `${a.city}, ${a.state_province} ${a.postal_code}`].filter(Boolean).join(', ');
}

/** A file name for the event: letters, digits and dashes, ending in .ics. */
export function icsFileName(r: Resource): string {
  const base = r.name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 60);
  return `${base || r.id}.ics`;
}

/**
 * The event as an .ics file's text. A record without `event.starts_at` gives undefined.
 * A record without `ends_at` has no DTEND (RFC 5545: the event then takes no time).
 */
export function eventIcs(r: Resource, opts: IcsOptions): string | undefined {
  if (!r.event) return undefined;
  const start = Date.parse(r.event.starts_at);
  const end = r.event.ends_at ? Date.parse(r.event.ends_at) : undefined;
  if (!Number.isFinite(start)) return undefined;
  const tz = opts.timeZone;
  const labels: IcsLabels = { source: 'Source', foundOn: 'Found on', ...opts.labels };
  const p = r.provenance;
  const source = [p.source, p.source_date, p.source_url].filter(Boolean).join(', ');
  const description = [
    descriptionOf(r),
    restrictionsOf(r),
    `${labels.source}: ${source}`,
    opts.pageUrl ? `${labels.foundOn}: ${opts.pageUrl}` : undefined,
  ]
    .filter(Boolean)
    .join('\n');
  const where = addressText(r);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//recovery-finder//take-back events//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...vtimezone(tz, start, end ?? start),
    'BEGIN:VEVENT',
    `UID:${withoutControls(r.id)}-${utcStamp(start)}@recovery-finder`,
    `DTSTAMP:${utcStamp(Math.floor(opts.now.getTime() / 1000) * 1000)}`,
    `DTSTART;TZID=${tz}:${localStamp(start, tz)}`,
    ...(end !== undefined && Number.isFinite(end) ? [`DTEND;TZID=${tz}:${localStamp(end, tz)}`] : []),
    `SUMMARY:${escapeText(r.name)}`,
    ...(where ? [`LOCATION:${escapeText(where)}`] : []),
    ...(r.location ? [`GEO:${r.location.latitude.toFixed(6)};${r.location.longitude.toFixed(6)}`] : []),
    `DESCRIPTION:${escapeText(description)}`,
    ...(r.url ? [`URL:${withoutControls(r.url)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
