/** Dates, times, distances and opening hours in words, in the page's language. */
import { msg, str } from '@lit/localize';
import type { Day } from '../../core/schema.js';
import type { OpenStatus } from '../../core/hours.js';
import { kmToMiles } from '../../core/geo.js';
import { getLocale } from '../i18n/localize.js';

const DAY_INDEX: Record<Day, number> = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4, SA: 5, SU: 6 };

/** "17:30" -> "5:30 PM" (en) / "17:30" (es). */
export function formatClock(hhmm: string): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  const locale = getLocale();
  const options: Intl.DateTimeFormatOptions =
    m === 0 && locale === 'en'
      ? { hour: 'numeric', timeZone: 'UTC' }
      : { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(Date.UTC(2024, 0, 1, h % 24, m));
}

/** "MO" -> "Monday" / "lunes". 2024-01-01 was a Monday. */
export function formatDay(day: Day): string {
  return new Intl.DateTimeFormat(getLocale(), { weekday: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2024, 0, 1 + DAY_INDEX[day]),
  );
}

/** "2025-10-16" -> "October 16, 2025". */
export function formatDate(isoDate: string): string {
  const [y = 1970, mo = 1, d = 1] = isoDate.split('-').map(Number);
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // not Date.UTC, which reads years 0-99 as 1900-1999
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** "2026-05-01T18:00:00-04:00" -> "Friday, May 1, 2026, 6:00 PM" in the given zone. */
export function formatDateTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** Distance in miles (US data), "0.4 mi" / "0,4 mi". */
export function formatMiles(km: number): string {
  const miles = kmToMiles(km);
  return new Intl.NumberFormat(getLocale(), {
    style: 'unit',
    unit: 'mile',
    maximumFractionDigits: miles < 10 ? 1 : 0,
  }).format(miles);
}

/** One number format per language (making one costs far more than using it). */
const countFormats = new Map<string, Intl.NumberFormat>();

/** A whole number in the page's language. */
export function formatCount(n: number): string {
  const locale = getLocale();
  let format = countFormats.get(locale);
  if (!format) countFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(n);
}

/** Whether a place is open, in words: "Open now, closes 5 PM". Empty when hours are unknown. */
export function openStatusText(status: OpenStatus): string {
  switch (status.state) {
    case 'always-open':
      return msg('Open 24/7');
    case 'by-appointment':
      return msg('By appointment');
    case 'unknown':
      return '';
    case 'open': {
      if (!status.closesAt) return msg('Open now');
      const time = formatClock(status.closesAt.time);
      return status.closingSoon ? msg(str`Open now, closes soon (${time})`) : msg(str`Open now, closes ${time}`);
    }
    case 'closed': {
      const prefix = status.closedToday?.description
        ? msg(str`Closed today (${status.closedToday.description})`)
        : msg('Closed now');
      const next = status.opensAt;
      if (!next) return prefix;
      const time = formatClock(next.time);
      if (next.minutesFromNow < 24 * 60) {
        return msg(str`${prefix}, opens ${time}`);
      }
      return msg(str`${prefix}, opens ${formatDay(next.day)} ${time}`);
    }
  }
}

/** A wait in words, rounded as a person says it: "30 seconds", "2 minutes", "3 hours", "4 days" (es: "2 minutos"). */
export function formatWait(seconds: number): string {
  const s = Math.max(1, seconds);
  const [value, unit] =
    s < 60 ? [Math.ceil(s / 5) * 5, 'second'] : s < 90 * 60 ? [Math.max(1, Math.round(s / 60)), 'minute'] : s < 48 * 3600 ? [Math.round(s / 3600), 'hour'] : [Math.round(s / 86_400), 'day'];
  return new Intl.NumberFormat(getLocale(), { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 0 }).format(value);
}
