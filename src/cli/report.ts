/**
 * `recovery-finder report FILE.json`: what an editor needs for a verification pass.
 *
 *  - records by verification status and age;
 *  - the oldest sources;
 *  - records missing a phone, hours or an exact (street) address;
 *  - events whose date has passed;
 *  - a call list, written as CSV: one row per record to call, undated first, then oldest first,
 *    with what to settle on the call (the record's notes, hours, what it accepts, its ZIP).
 *
 * Node-only; imports core, never components.
 */
import { toCsv } from '../core/csv-import.js';
import { ageInDays, hasEnded, isStale, isUndated, recordDate } from '../core/freshness.js';
import { isNotOperating } from '../core/hours.js';
import { VERIFICATION_STATUSES, type Resource } from '../core/schema.js';

/** Age bands of the summary table, in days (upper bounds). */
const AGE_BANDS: ReadonlyArray<[string, number]> = [
  ['under 1 year', 365],
  ['1-2 years', 730],
  ['2-5 years', 1826],
  ['over 5 years', Number.POSITIVE_INFINITY],
];

function band(age: number | undefined): string {
  if (age === undefined) return 'undated';
  return AGE_BANDS.find(([, max]) => age <= max)?.[0] ?? 'over 5 years';
}

/** What a record lacks that a caller should ask for. */
function missingOf(r: Resource): string[] {
  const out: string[] = [];
  if (!r.phones?.some((p) => p.type !== 'fax')) out.push('phone');
  const s = r.schedule;
  if (!s || (!s.weekly?.length && !s.always_open && !s.by_appointment)) out.push('hours');
  if (!r.address?.address_1) out.push('street address');
  else if (!r.address.postal_code) out.push('ZIP code');
  return out;
}

/** The hours as the record gives them, for the caller to confirm: "24/7", the weekly ranges, the description. */
function hoursText(r: Resource): string {
  const s = r.schedule;
  if (!s) return '';
  return [
    s.always_open ? '24/7' : '',
    ...(s.weekly ?? []).map((w) => `${w.byday.join(',')} ${w.opens_at}-${w.closes_at}`),
    s.by_appointment ? 'by appointment' : '',
    s.description ?? '',
  ].filter(Boolean).join('; ');
}

export interface ReportOptions {
  now: Date;
  staleAfterDays: number;
  /** How many of the oldest sources to list. */
  oldest?: number;
}

export interface Report {
  text: string;
  csv: string;
  callCount: number;
}

/** Why a record is on the call list, in words. */
function reasons(r: Resource, opts: ReportOptions): string[] {
  const out: string[] = [];
  if (isNotOperating(r)) out.push(`marked ${r.operating_status ?? ''}: confirm, then remove`);
  if (r.provenance.status === 'needs-verification') out.push('flagged: needs verification');
  else if (r.provenance.status === 'unverified') out.push('never verified');
  if (isUndated(r)) out.push('undated: no source date, never verified');
  if (isStale(r, opts.now, opts.staleAfterDays)) out.push(`older than ${opts.staleAfterDays} days`);
  if (hasEnded(r, opts.now)) out.push('event ended: remove it or give its next date');
  const missing = missingOf(r);
  if (missing.length) out.push(`missing ${missing.join(', ')}`);
  return out;
}

const CALL_COLUMNS = [
  'id', 'name', 'kind', 'phones', 'address', 'city', 'zip', 'status', 'source_date', 'last_verified', 'age_days',
  'why', 'notes_to_settle', 'hours', 'accepts', 'source', 'source_url',
  // For the caller to fill, then copy into the import sheet (docs/maintaining-data.md).
  'new_last_verified', 'new_verified_by', 'new_status', 'call_notes',
] as const;

export function buildReport(resources: readonly Resource[], opts: ReportOptions): Report {
  const lines: string[] = [];
  const now = opts.now;
  lines.push(`${resources.length} records; age counts from last_verified, else source_date; limit ${opts.staleAfterDays} days`);

  // Status by age.
  const bands = [...AGE_BANDS.map(([name]) => name), 'undated'];
  lines.push('', `Records by status and age:`);
  lines.push(['status'.padEnd(20), ...bands.map((b) => b.padStart(13)), 'total'.padStart(7)].join(''));
  for (const status of VERIFICATION_STATUSES) {
    const mine = resources.filter((r) => r.provenance.status === status);
    const counts = bands.map((b) => mine.filter((r) => band(ageInDays(recordDate(r), now)) === b).length);
    lines.push([status.padEnd(20), ...counts.map((c) => String(c).padStart(13)), String(mine.length).padStart(7)].join(''));
  }
  const stale = resources.filter((r) => isStale(r, now, opts.staleAfterDays)).length;
  const closed = resources.filter(isNotOperating).length;
  lines.push(`older than the limit: ${stale}; marked closed, moved or temporarily closed: ${closed}`);

  // Oldest sources.
  const sources = new Map<string, { source: string; url: string; date: string; count: number }>();
  for (const r of resources) {
    const p = r.provenance;
    const date = p.source_date ?? 'undated';
    const key = `${date}|${p.source}|${p.source_url ?? ''}`;
    const seen = sources.get(key);
    if (seen) seen.count++;
    else sources.set(key, { source: p.source, url: p.source_url ?? '', date, count: 1 });
  }
  const oldest = [...sources.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).slice(0, opts.oldest ?? 10);
  lines.push('', 'Oldest sources:');
  for (const s of oldest) lines.push(`  ${s.date}  ${s.count} record${s.count === 1 ? '' : 's'}  ${s.source}${s.url ? `  ${s.url}` : ''}`);

  // Missing facts.
  lines.push('', 'Records missing:');
  for (const what of ['phone', 'hours', 'street address', 'ZIP code']) {
    lines.push(`  ${what}: ${resources.filter((r) => missingOf(r).includes(what)).length}`);
  }

  // Events whose date has passed.
  const ended = resources.filter((r) => hasEnded(r, now));
  lines.push('', `Past events: ${ended.length}${ended.length ? ` (${ended.map((r) => r.id).join(', ')})` : ''}`);

  // The call list: every record that needs a call, undated first (nothing says how old it is), then oldest first.
  const toCall = resources
    .map((r) => ({ r, why: reasons(r, opts), age: ageInDays(recordDate(r), now) }))
    .filter((x) => x.why.length > 0)
    .sort((a, b) => (b.age ?? Number.MAX_SAFE_INTEGER) - (a.age ?? Number.MAX_SAFE_INTEGER) || (a.r.id < b.r.id ? -1 : 1));
  const rows = toCall.map(({ r, why, age }) => {
    const row: Record<(typeof CALL_COLUMNS)[number], string> = {
      id: r.id,
      name: r.name,
      kind: r.kind,
      phones: (r.phones ?? []).map((p) => `${p.number}${p.extension ? ` x${p.extension}` : ''}`).join('; '),
      address: [r.address?.address_1, r.address?.address_2].filter(Boolean).join(', '),
      city: r.address?.city ?? r.region ?? '',
      zip: r.address?.postal_code ?? '',
      status: r.provenance.status,
      source_date: r.provenance.source_date ?? '',
      last_verified: r.provenance.last_verified ?? '',
      age_days: age === undefined ? '' : String(age),
      why: why.join('; '),
      // What residents are told, then what the editors noted (conflicts, second pages).
      notes_to_settle: [r.provenance.note, r.provenance.editor_note].filter(Boolean).join(' | '),
      hours: hoursText(r),
      accepts: r.disposal?.accepts.join(', ') ?? '',
      source: r.provenance.source,
      source_url: r.provenance.source_url ?? '',
      new_last_verified: '',
      new_verified_by: '',
      new_status: '',
      call_notes: '',
    };
    return CALL_COLUMNS.map((c) => row[c]);
  });
  lines.push('', `Call list: ${rows.length} records (undated first, then oldest first)`);
  // toCsv quotes what needs quoting and neutralises would-be formulas (a leading apostrophe).
  const csv = toCsv([[...CALL_COLUMNS], ...rows]);
  return { text: `${lines.join('\n')}\n`, csv, callCount: rows.length };
}
