/**
 * Records from the two files compiled by hand from public pages on 2026-11-27
 * (data-sources README, "Added 2026-11-27"): disposal sites (drug take-back boxes, sharps
 * drop-offs, syringe service programs) and recovery supports.
 *
 * Every cell comes from the row's page; nothing is inferred beyond the written tables below.
 * Every row is `needs-verification` (the README says so). Rows with a ZIP are placed at the
 * ZIP's centre; rows with only a town at the town's centre (a gazetteer); others are not placed.
 */
import { haversineKm } from '../src/core/geo.js';
import type { DisposalItem, ResourceInput, Source } from '../src/core/schema.js';
import type { WORDED } from '../src/core/worded.js';
import { PLACE_FIXES, type TownCentre } from './town-centres.js';

export type Row = Record<string, string>;
type Location = NonNullable<ResourceInput['location']>;
type Phone = NonNullable<ResourceInput['phones']>[number];

/** The day the two files were compiled: the date of undated pages' stored copies. */
export const COMPILED_ON = '2026-11-27';

export const DISPOSAL_PAGES_SOURCE = {
  id: 'ma-disposal-public-pages-2026-11-27',
  name: 'Massachusetts drug take-back, sharps and syringe service sites, compiled from public pages (2026-11-27)',
  date: COMPILED_ON,
  license: 'Facts (names, addresses, phones, hours) from public city, police and news pages; each record gives its page.',
  note: 'Compiled by hand from stored copies of public pages, dated 2014 to 2021 or undated: every record needs verification before it is shown as current.',
} satisfies Source;

export const RECOVERY_PAGES_SOURCE = {
  id: 'ma-recovery-support-public-pages-2026-11-27',
  name: 'Massachusetts recovery supports (rides, Access to Recovery, family support, recovery high school), compiled from public pages (2026-11-27)',
  date: COMPILED_ON,
  license: 'Facts from public state, city and provider pages; each record gives its page.',
  note: 'Compiled by hand from stored copies of public pages: every record needs verification before it is shown as current.',
} satisfies Source;

/** Helpers the record builders need from the main build. */
export interface PlaceTools {
  zipCentre: (zip: string) => Location;
  towns: ReadonlyMap<string, TownCentre>;
}

// ---------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------

export function cell(row: Row, column: string): string {
  const value = row[column];
  if (value === undefined) throw new Error(`missing column "${column}" in ${JSON.stringify(row)}`);
  return value.replace(/\s+/g, ' ').trim();
}

/** Row ids become record ids under one prefix: "bos-ahope" -> "ma-bos-ahope", "ma-atr" stays. */
const recordId = (rowId: string): string => (rowId.startsWith('ma-') ? rowId : `ma-${rowId}`);
/** Text that must fit a schema limit: a longer one stops the build (never cut silently). */
function fits(text: string, max: number, what: string): string {
  if (text.length > max) throw new Error(`${what} is ${text.length} characters; the schema allows ${max}`);
  return text;
}
const sentence = (text: string): string => (/[.!?)]$/.test(text) ? text : `${text}.`);
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "2019-04-22 (last updated)" -> 2019-04-22; an undated page -> undefined. */
export function isoDateOf(text: string): string | undefined {
  return /^(\d{4}-\d{2}-\d{2})\b/.exec(text)?.[1];
}

/**
 * Phone lines that must never ship, each with the reason. The build fails if one is no longer
 * in its row (so the list cannot silently go stale), and any phone described by a person's
 * rank or role that is not listed here stops the build.
 */
export const PERSONAL_LINES: ReadonlyArray<{ row: string; number: string; reason: string }> = [
  { row: 'sau-psb', number: '781-941-1160', reason: "a police lieutenant's own line, named in a 2015 press release" },
];
const PERSONAL_HINT = /\b(?:lieutenant|lt\.|sergeant|sgt\.|officer|detective|captain|chief|director|coordinator)\b/i;

const PHONE_RE = /(?:1-)?\(?\d{3}\)?[\s.-]?\d{3}-\d{4}|\b3-1-1\b/;

/**
 * "617-534-3967 (drop in); 617-592-7828 (outreach)", "617-625-6600 ext. 4300 (Health)",
 * "3-1-1 or 617-635-4500", "Customer Service 1-800-841-2900; TTY 1-800-497-4648" -> phones.
 */
export function parsePhones(rowId: string, text: string): Phone[] {
  if (!text) return [];
  const out: Phone[] = [];
  for (const part of text.split(/;|\bor\b/).map((p) => p.trim()).filter(Boolean)) {
    const m = PHONE_RE.exec(part);
    if (!m) throw new Error(`${rowId}: no phone number in "${part}"`);
    const number = m[0];
    if (PERSONAL_LINES.some((p) => p.row === rowId && p.number === number)) continue;
    const rest = part.replace(number, ' ');
    const ext = /\bext\.?\s*(\d{1,6})/i.exec(rest)?.[1];
    const description = rest
      .replace(/\bext\.?\s*\d{1,6}/i, ' ')
      .replace(/[()]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (PERSONAL_HINT.test(description)) throw new Error(`${rowId}: "${part}" looks like a person's line: add it to PERSONAL_LINES or keep it`);
    const tty = /^TTY\b/i.test(description);
    out.push({
      number,
      ...(ext ? { extension: ext } : {}),
      type: tty ? 'tty' : 'voice',
      ...(description && !tty ? { description: capital(description) } : {}),
    });
  }
  return out;
}

/** Check that every personal line is still in its row (so leaving it out is deliberate). */
export function checkPersonalLines(rows: Row[]): void {
  for (const p of PERSONAL_LINES) {
    const row = rows.find((r) => cell(r, 'id') === p.row);
    if (!row || !cell(row, 'phone').includes(p.number)) throw new Error(`PERSONAL_LINES: ${p.row} no longer has ${p.number}`);
  }
}

// ---------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------

/** A source whose rows all lie in one region: a town centre far from the others is a gazetteer mix-up. */
const SAME_REGION_KM = 40;

interface Placed {
  location?: Location;
  note?: string;
}

/**
 * Where a row goes on the map: its ZIP's centre, else its town's centre, else nowhere.
 * A town centre more than 40 km from the median of the other rows citing the same page is
 * left out (the gazetteer's point for Sunderland, MA lies near Worcester, for instance).
 */
function placeRow(row: Row, tools: PlaceTools, peers: Row[]): Placed {
  const zip = cell(row, 'zip');
  if (zip) return { location: tools.zipCentre(zip) };
  const city = cell(row, 'city');
  if (!city) return {};
  const fix = PLACE_FIXES[city.toLowerCase()];
  if (fix) {
    const centre = fix.zip ? tools.zipCentre(fix.zip) : tools.towns.get(fix.town ?? '');
    if (!centre) throw new Error(`PLACE_FIXES: no centre for ${city}`);
    return { location: { latitude: centre.latitude, longitude: centre.longitude, precision: fix.zip ? 'zip-centroid' : 'town-centre' }, note: fix.why };
  }
  const town = tools.towns.get(city.toLowerCase());
  if (!town) return { note: `${city} is not in the town gazetteer, so this place is not on the map.` };
  const others = peers
    .filter((p) => p !== row && cell(p, 'city') && !cell(p, 'zip'))
    .map((p) => tools.towns.get(cell(p, 'city').toLowerCase()))
    .filter((t): t is TownCentre => t !== undefined);
  if (others.length >= 3) {
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const centre = { latitude: median(others.map((t) => t.latitude)), longitude: median(others.map((t) => t.longitude)) };
    const km = haversineKm(town, centre);
    if (km > SAME_REGION_KM) {
      return {
        note: `The gazetteer's centre of ${city} is ${Math.round(km)} km from the other places on the same page, so this place is not on the map.`,
      };
    }
  }
  return { location: { latitude: town.latitude, longitude: town.longitude, precision: 'town-centre' } };
}

/** "119 Windsor Street, ground floor" -> street and the rest; "484 Broadway, 2nd floor" likewise. */
function street(text: string): { address_1?: string; address_2?: string } {
  if (!text) return {};
  const [first, ...rest] = text.split(',').map((s) => s.trim());
  return { ...(first ? { address_1: first } : {}), ...(rest.length ? { address_2: capital(rest.join(', ')) } : {}) };
}

function address(row: Row): ResourceInput['address'] {
  const city = cell(row, 'city');
  if (!city) return undefined;
  const zip = cell(row, 'zip');
  return { ...street(cell(row, 'street_address')), city, state_province: cell(row, 'state'), ...(zip ? { postal_code: zip } : {}) };
}

/**
 * The provenance of a compiled row: its page, its date, and what a resident needs to know, in
 * words. An undated page has no `source_date`: a date is never made up (the day the file was
 * compiled is not the page's date). The compiler's research notes (conflicts, second pages,
 * what to check) are for the people who keep the data: they go to `editor_note`, which `report`
 * lists and no card shows.
 */
function provenance(row: Row, source: Source, dateColumn: string, extra: string[]): ResourceInput['provenance'] {
  const stated = cell(row, dateColumn);
  const date = isoDateOf(stated);
  const second = cell(row, 'source2_url');
  const forEditors = [
    `Page date as compiled: ${stated}.`,
    second ? `Also: ${second} (${cell(row, 'source2_date_or_fact')}).` : '',
    cell(row, 'notes') ? sentence(cell(row, 'notes')) : '',
  ].filter(Boolean);
  const plain = PLAIN_NOTES[cell(row, 'id')];
  // The page's date is `source_date` (the card says it, or that it is unknown): the note does not say it again.
  const forResidents = [...(plain ? [plain] : []), ...extra];
  return {
    source: source.name,
    source_url: cell(row, 'source_url'),
    ...(date ? { source_date: date } : {}),
    status: 'needs-verification',
    ...(forResidents.length ? { note: fits(forResidents.join(' '), 1000, `${cell(row, 'id')}: the provenance note`) } : {}),
    editor_note: fits(forEditors.join(' '), 2000, `${cell(row, 'id')}: the editor note`),
  };
}

/**
 * What a resident needs from the compiler's notes, in plain words, written down per row: a
 * second phone number, a disputed street number, a service the page says has stopped. The rest
 * of the notes (second pages, what to check) are for editors only.
 */
export const PLAIN_NOTES: Readonly<Record<string, string>> = {
  'bos-ahope': 'The same guide also gives 617-534-3976 (for the schedule): if one number does not answer, try the other.',
  'lev-police': 'Sources disagree on the street number: 95 Montague Road (2021) or 90 Montague Road (2023).',
  'med-police': "The page says: 'We are no longer accepting sharps at the police department.'",
  'bos-devine-meetings': 'The meeting times come from a list of events during COVID-19: they are likely out of date.',
  'new-health': 'From an old page: the department may have moved.',
  'wwd-health': "A temporary arrangement, 'until further notice', while a kiosk was repaired: it may have changed.",
  'som-psb': "From a 2014 quotation of the city's website: it may have changed.",
};

/**
 * Rows the compiler marked as not to be listed until settled ("verify before listing"): they
 * are held out of the shipped data, and the build says which.
 */
const HOLD = /verify before listing/i;
export const isHeld = (row: Row): boolean => HOLD.test(cell(row, 'notes'));

// ---------------------------------------------------------------------------
// Disposal sites
// ---------------------------------------------------------------------------

/**
 * What a row's kind means (its description: the library's wording of `code`, core/worded.ts). Medicines forms other than pills are taken only when the row's
 * accepted list names them and its not-accepted list does not (see {@link medicineForms}).
 */
const DISPOSAL_KINDS: Record<string, { code: keyof (typeof WORDED)['description']; medicines: boolean; sharps: boolean; categories: ResourceInput['categories'] }> = {
  drug_takeback: { code: 'drug-take-back-box', medicines: true, sharps: false, categories: ['disposal'] },
  sharps: { code: 'sharps-drop-off', medicines: false, sharps: true, categories: ['disposal'] },
  'drug_takeback;sharps': { code: 'drug-take-back-and-sharps', medicines: true, sharps: true, categories: ['disposal'] },
  syringe_service_program: {
    code: 'syringe-service-program',
    medicines: false,
    sharps: true,
    categories: ['disposal', 'harm-reduction'],
  },
};

/** Words in the accepted / not-accepted text for each medicine form. */
const FORM_WORDS: ReadonlyArray<[DisposalItem, RegExp]> = [
  ['liquids', /liquid|cough medicine/i],
  ['patches', /patch/i],
  ['inhalers', /inhaler/i],
];

export function medicineForms(accepts: string, refused: string): DisposalItem[] {
  const out: DisposalItem[] = ['pills'];
  for (const [item, words] of FORM_WORDS) {
    if (words.test(accepts) && !words.test(refused) && !/pills only|pill medications only/i.test(accepts)) out.push(item);
  }
  return out;
}

/** Hours statements that mean "always open" for the whole row, word for word. */
const ALWAYS_OPEN =
  /^(?:available 24\/7|at any time \(24\/7\)|anytime, any day|24 hours a day,? (?:7|seven) days a week|24-hours a day, seven days a week|24\/7, seven days a week|24 hours, 7 days a week|accessible to residents 24\/7|24 hours a day and 7 days a week)$/i;

function disposalRecord(row: Row, tools: PlaceTools, peers: Row[]): ResourceInput {
  const id = cell(row, 'id');
  const kind = DISPOSAL_KINDS[cell(row, 'kind')];
  if (!kind) throw new Error(`${id}: unknown kind "${cell(row, 'kind')}"`);
  const accepts = cell(row, 'accepts_as_stated');
  const refused = cell(row, 'not_accepted_as_stated');
  const items: DisposalItem[] = [...(kind.medicines ? medicineForms(accepts, refused) : []), ...(kind.sharps ? (['sharps'] as const) : [])];
  const hours = cell(row, 'hours_as_stated');
  const where = cell(row, 'location_detail');
  const who = cell(row, 'who_may_use');
  const placed = placeRow(row, tools, peers);
  const phones = parsePhones(id, cell(row, 'phone'));
  return {
    id: recordId(id),
    kind: 'disposal',
    name: cell(row, 'name'),
    // The library words the kind, and labels the page's own words (core/worded.ts): no English is made here.
    worded: { description: kind.code },
    ...(where ? { location_detail: fits(where, 300, `${id}: the location detail`) } : {}),
    ...(who ? { eligibility: fits(who, 500, `${id}: who may use it`) } : {}),
    categories: kind.categories,
    ...(address(row) ? { address: address(row) } : {}),
    ...(placed.location ? { location: placed.location } : {}),
    ...(phones.length ? { phones } : {}),
    ...(hours ? { schedule: { ...(ALWAYS_OPEN.test(hours) ? { always_open: true } : {}), description: capital(hours) } } : {}),
    disposal: {
      accepts: items,
      ...(accepts ? { accepts_text: fits(accepts, 1000, `${id}: what it accepts`) } : {}),
      ...(refused ? { not_accepted_text: fits(refused, 500, `${id}: what it does not accept`) } : {}),
    },
    delivery: 'in-person',
    provenance: provenance(row, DISPOSAL_PAGES_SOURCE, 'source_date', placed.note ? [placed.note] : []),
  };
}

export function buildDisposalPages(rows: Row[], tools: PlaceTools): ResourceInput[] {
  checkPersonalLines(rows);
  return rows.filter((row) => !isHeld(row)).map((row) => {
    const peers = rows.filter((p) => cell(p, 'source_url') === cell(row, 'source_url'));
    return disposalRecord(row, tools, peers);
  });
}

// ---------------------------------------------------------------------------
// Recovery supports
// ---------------------------------------------------------------------------

/** What each recovery-support row kind becomes. */
const SUPPORT_KINDS: Record<string, { categories: ResourceInput['categories']; populations?: ResourceInput['populations'] }> = {
  support_group_schedule: { categories: ['support-groups', 'peer-support'] },
  city_office: { categories: ['access-to-care'] },
  recovery_high_school: { categories: ['employment-education'], populations: ['youth', 'young-adults'] },
  family_support_group: { categories: ['family-support', 'support-groups'], populations: ['families'] },
  transportation: { categories: ['transportation'] },
  recovery_support_program: { categories: ['recovery-coaching', 'employment-education', 'housing'] },
};

/** Rows that add a fact to a record built from another file rather than becoming a record. */
export const DETAIL_KINDS = new Set(['peer_recovery_center_detail']);

function supportRecord(row: Row, tools: PlaceTools): ResourceInput {
  const id = cell(row, 'id');
  const kind = SUPPORT_KINDS[cell(row, 'kind')];
  if (!kind) throw new Error(`${id}: unknown kind "${cell(row, 'kind')}"`);
  const schedule = cell(row, 'hours_or_schedule_as_stated');
  const service = cell(row, 'service_as_stated');
  const eligibility = cell(row, 'eligibility_as_stated');
  const placed = placeRow(row, tools, []);
  const phones = parsePhones(id, cell(row, 'phone'));
  const where = address(row);
  return {
    id: recordId(id),
    kind: 'service',
    name: cell(row, 'name'),
    description: capital(sentence(service)),
    ...(eligibility ? { eligibility: fits(eligibility, 500, `${id}: who can use it`) } : {}),
    categories: kind.categories,
    ...(kind.populations ? { populations: kind.populations } : {}),
    ...(where ? { address: where } : {}),
    ...(placed.location ? { location: placed.location } : {}),
    ...(!where ? { region: 'Statewide (Massachusetts)' } : {}),
    ...(phones.length ? { phones } : {}),
    ...(schedule ? { schedule: { description: fits(capital(schedule), 500, `${id}: the schedule`) } } : {}),
    provenance: provenance(row, RECOVERY_PAGES_SOURCE, 'source_date', placed.note ? [placed.note] : []),
  };
}

export function buildRecoverySupports(rows: Row[], tools: PlaceTools): { records: ResourceInput[]; details: Row[] } {
  const details = rows.filter((r) => DETAIL_KINDS.has(cell(r, 'kind')));
  const records = rows.filter((r) => !DETAIL_KINDS.has(cell(r, 'kind'))).map((r) => supportRecord(r, tools));
  return { records, details };
}
