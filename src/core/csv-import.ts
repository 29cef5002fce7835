/**
 * Spreadsheet rows to dataset records.
 *
 * A city web editor keeps resources in a spreadsheet with one row per resource at a location
 * (the layout is documented in docs/csv-import.md). The CLI parses the CSV with papaparse and
 * hands the rows, as objects keyed by column, to `importRows`, which returns the records that
 * are valid and, for every row that is not, problems naming the row number, the column and
 * what is wrong. Also here: the parser of the `hours` column and the id helpers the data build
 * shares.
 *
 * DOM-free.
 */
import Papa from 'papaparse';
import { PHONE_PATTERN } from './patterns.js';
import {
  DAYS,
  SCHEMA_VERSION,
  validateResource,
  type Dataset,
  type Day,
  type HelpContact,
  type PhoneType,
  type Resource,
  type ResourceInput,
  type Schedule,
  type Source,
  type WeeklyHours,
} from './schema.js';

// ---------------------------------------------------------------------------
// Ids
// ---------------------------------------------------------------------------

/** Lower-case ASCII words joined by `-`: "Café Lowell #2" -> "cafe-lowell-2". */
export function slugify(text: string, maxLength = 60): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, '');
}

/**
 * Hands out ids that are unique within one run: the first `base` is returned as is, later
 * ones get `-2`, `-3`... Deterministic for the same sequence of calls.
 */
export function createIdAllocator(taken: Iterable<string> = []): (base: string) => string {
  const used = new Set(taken);
  return (base) => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}

// ---------------------------------------------------------------------------
// Hours
// ---------------------------------------------------------------------------

type HoursResult = { ok: true; schedule: Schedule } | { ok: false; message: string };

const DAY_NAMES: Record<string, Day> = {};
const DAY_WORDS: [Day, string[]][] = [
  ['MO', ['mo', 'mon', 'monday']],
  ['TU', ['tu', 'tue', 'tues', 'tuesday']],
  ['WE', ['we', 'wed', 'wednesday']],
  ['TH', ['th', 'thu', 'thur', 'thurs', 'thursday']],
  ['FR', ['fr', 'fri', 'friday']],
  ['SA', ['sa', 'sat', 'saturday']],
  ['SU', ['su', 'sun', 'sunday']],
];
for (const [day, words] of DAY_WORDS) for (const w of words) DAY_NAMES[w] = day;

const ALWAYS_OPEN = /^(?:24\/7|24 ?hours|open 24 hours|always open)$/i;
const BY_APPOINTMENT = /^by appointment(?: only)?$/i;
const EVERY_DAY = /^(?:daily|every ?day)$/i;
const HOURS_EXAMPLE = 'e.g. "Mo-Fr 09:00-17:00; Sa 10:00-14:00", "24/7" or "by appointment"';

/** "Mo-Fr" or "Sa" or "Fr-Mo" (wrapping past Sunday) to the days it covers. */
function expandDayRange(token: string): Day[] | undefined {
  const [from, to, extra] = token.split(/\s*[-–]\s*/).map((s) => DAY_NAMES[s.toLowerCase()]);
  if (!from || extra !== undefined || (token.includes('-') && !to)) return undefined;
  const start = DAYS.indexOf(from);
  const end = DAYS.indexOf(to ?? from);
  const length = ((end - start + 7) % 7) + 1;
  return Array.from({ length }, (_, i) => DAYS[(start + i) % 7] as Day);
}

function parseDays(text: string): Day[] | undefined {
  if (EVERY_DAY.test(text.trim())) return [...DAYS];
  const days = new Set<Day>();
  for (const token of text.split(',')) {
    const range = expandDayRange(token.trim());
    if (!range) return undefined;
    range.forEach((d) => days.add(d));
  }
  return DAYS.filter((d) => days.has(d));
}

/** "9:00" or "0900" or "24:00" to "HH:MM"; undefined if it is not a time of day. */
function parseClock(text: string, allowMidnightEnd: boolean): string | undefined {
  const m = /^(\d{1,2}):?(\d{2})$/.exec(text);
  if (!m) return undefined;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && (minutes > 0 || !allowMidnightEnd))) return undefined;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

function parseTimeRange(text: string): { opens_at: string; closes_at: string } | undefined {
  const [open, close, extra] = text.split(/\s*[-–]\s*/);
  if (open === undefined || close === undefined || extra !== undefined) return undefined;
  const opens_at = parseClock(open, false);
  const closes_at = parseClock(close, true);
  return opens_at && closes_at ? { opens_at, closes_at } : undefined;
}

/** One rule, "Mo-Fr 09:00-12:00, 13:00-17:00" or "Su closed", to weekly hours or an error. */
function parseRule(rule: string): WeeklyHours[] | string {
  const m = /^(.*?[a-z])\s+((?:\d|closed|off).*)$/i.exec(rule);
  const byday = m?.[1] === undefined ? undefined : parseDays(m[1]);
  if (!m?.[2] || !byday) return `"${rule}" is not days followed by hours (${HOURS_EXAMPLE})`;
  if (/^(?:closed|off)$/i.test(m[2].trim())) return [];
  const out: WeeklyHours[] = [];
  for (const part of m[2].split(',')) {
    const range = parseTimeRange(part.trim());
    if (!range) return `"${part.trim()}" in "${rule}" is not a time range such as 09:00-17:00 (24-hour clock)`;
    out.push({ byday, ...range });
  }
  return out;
}

/**
 * Parse an hours cell: rules separated by `;`, each days then hours ("Mo-Fr 09:00-17:00",
 * "Sa,Su 10:00-14:00", "Fr 20:00-02:00" runs past midnight), or "24/7", or "by appointment".
 */
function parseHours(input: string): HoursResult {
  const schedule: Schedule = {};
  const weekly: WeeklyHours[] = [];
  for (const part of input.split(';').map((s) => s.trim()).filter(Boolean)) {
    if (ALWAYS_OPEN.test(part)) schedule.always_open = true;
    else if (BY_APPOINTMENT.test(part)) schedule.by_appointment = true;
    else {
      const rule = parseRule(part);
      if (typeof rule === 'string') return { ok: false, message: rule };
      weekly.push(...rule);
    }
  }
  if (weekly.length > 0) schedule.weekly = weekly;
  if (Object.keys(schedule).length === 0) return { ok: false, message: `no opening hours found (${HOURS_EXAMPLE})` };
  return { ok: true, schedule };
}

// ---------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------

/** A CSV row as papaparse gives it with `header: true`. */
export type CsvRow = Record<string, string | null | undefined>;

/** Coordinates [latitude, longitude] of a ZIP code's centre, if known. */
export type ZipLookup = (zip: string) => readonly [number, number] | undefined;

export interface ImportProblem {
  /** The spreadsheet row: the header is row 1, the first record row 2. */
  row: number;
  column?: string;
  message: string;
}

export interface ImportOptions {
  /** Provenance source for rows whose `source` cell is empty. */
  source?: string;
  /** Fills `location` (precision `zip-centroid`) for rows with a ZIP and no coordinates. */
  lookupZip?: ZipLookup;
  /**
   * The spreadsheet row number of each row, when some rows were set aside before the import
   * (default: the header is row 1 and `rows[i]` is row i + 2).
   */
  rowNumbers?: readonly number[];
}

export interface ImportResult {
  resources: Resource[];
  problems: ImportProblem[];
}

/** The documented columns (docs/csv-import.md), in the order the documentation gives them. */
const CSV_COLUMNS = [
  'id', 'kind', 'name', 'alternate_name', 'description', 'categories', 'organization', 'organization_url',
  'address_1', 'address_2', 'city', 'state', 'postal_code', 'latitude', 'longitude', 'region', 'location_detail',
  'phones', 'url', 'email', 'hours', 'hours_note', 'languages', 'populations', 'eligibility', 'free', 'cost_note',
  'delivery', 'accepts', 'accepts_text', 'not_accepted_text', 'disposal_restrictions', 'event_start', 'event_end',
  'source', 'source_url', 'source_date', 'last_verified', 'status', 'note',
  'verified_by', 'operating_status', 'mailing_address',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

const COLUMN_ALIASES: Record<string, CsvColumn> = {
  zip: 'postal_code',
  zip_code: 'postal_code',
  phone: 'phones',
  state_province: 'state',
  lat: 'latitude',
  lng: 'longitude',
  lon: 'longitude',
  category: 'categories',
};

/** "Address 1" -> "address_1"; known aliases ("ZIP", "Phone") -> their column. */
function normalizeHeader(header: string): string {
  const key = header.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return COLUMN_ALIASES[key] ?? key;
}

const KNOWN_COLUMNS = new Set<string>(CSV_COLUMNS);

/**
 * Columns that take a translation, as `COLUMN@TAG` (`description@es`, `hours_note@pt-BR`), and
 * the text of `translations` each fills (see `ResourceTranslationSchema`).
 */
const TRANSLATED_COLUMNS = {
  name: 'name',
  alternate_name: 'alternate_name',
  description: 'description',
  hours_note: 'hours_text',
  disposal_restrictions: 'restrictions',
  cost_note: 'cost_text',
  region: 'region',
  note: 'note',
  location_detail: 'location_detail',
  eligibility: 'eligibility',
  accepts_text: 'accepts_text',
  not_accepted_text: 'not_accepted_text',
} as const satisfies Partial<Record<CsvColumn, string>>;

/** "Description@pt-BR" -> `description@pt-BR` (the column normalised, the language tag kept); other headers as {@link normalizeHeader}. */
function cellKey(header: string): string {
  const at = /^(.+)@\s*([A-Za-z0-9-]+)\s*$/.exec(header);
  return at ? `${normalizeHeader(at[1] ?? '')}@${at[2] ?? ''}` : normalizeHeader(header);
}

function isKnownColumn(key: string): boolean {
  const [column = '', tag] = key.split('@');
  return tag === undefined ? KNOWN_COLUMNS.has(column) : Object.hasOwn(TRANSLATED_COLUMNS, column);
}

/** Where a schema path (`phones[0].number`) lives in the spreadsheet. */
const PATH_COLUMNS: Record<string, CsvColumn> = {
  'address.state_province': 'state',
  'organization.name': 'organization',
  'organization.url': 'organization_url',
  'cost.free': 'free',
  'cost.description': 'cost_note',
  'disposal.accepts': 'accepts',
  'disposal.restrictions': 'disposal_restrictions',
  'disposal.accepts_text': 'accepts_text',
  'disposal.not_accepted_text': 'not_accepted_text',
  'event.starts_at': 'event_start',
  'event.ends_at': 'event_end',
  schedule: 'hours',
};

function columnOfPath(path: string): string {
  const [top = '', second] = path.split(/[.[\]]+/);
  const pair = `${top}.${second ?? ''}`;
  const mapped = PATH_COLUMNS[pair] ?? PATH_COLUMNS[top];
  if (mapped) return mapped;
  if ((top === 'address' || top === 'location' || top === 'provenance') && second) return second;
  return top;
}

export function describeImportProblem(p: ImportProblem): string {
  return `row ${p.row}${p.column ? `, column ${p.column}` : ''}: ${p.message}`;
}

/** Reads one row's cells and collects what is wrong with them. */
class RowReader {
  readonly problems: ImportProblem[] = [];

  constructor(
    private readonly cells: Map<string, string>,
    readonly row: number,
  ) {}

  text(column: CsvColumn): string | undefined {
    const value = this.cells.get(column)?.trim();
    return value ? value : undefined;
  }

  /** The `COLUMN@TAG` cells, as `translations` (`{"es": {"description": "…"}}`). */
  translations(): Record<string, Record<string, string>> | undefined {
    const out: Record<string, Record<string, string>> = {};
    for (const [key, raw] of this.cells) {
      const [column = '', tag] = key.split('@');
      const field = (TRANSLATED_COLUMNS as Record<string, string>)[column];
      const value = raw.trim();
      if (tag === undefined || field === undefined || !value) continue;
      (out[tag] ??= {})[field] = value;
    }
    return Object.keys(out).length ? out : undefined;
  }

  /** A list cell: values separated by `;` (or `,` for vocabularies). */
  list(column: CsvColumn, separator: RegExp = /[;,]/): string[] | undefined {
    const items = this.text(column)?.split(separator).map((s) => s.trim()).filter(Boolean);
    return items && items.length > 0 ? items : undefined;
  }

  /** A vocabulary list, written loosely ("Peer support") and stored as its code ("peer-support"). */
  codes(column: CsvColumn): string[] | undefined {
    return this.list(column)?.map((s) => s.toLowerCase().replace(/[\s_]+/g, '-'));
  }

  number(column: CsvColumn): number | undefined {
    const raw = this.text(column);
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value)) this.problem(column, `"${raw}" is not a number`);
    return Number.isFinite(value) ? value : undefined;
  }

  boolean(column: CsvColumn): boolean | undefined {
    const raw = this.text(column)?.toLowerCase();
    if (raw === undefined) return undefined;
    if (['yes', 'y', 'true', '1'].includes(raw)) return true;
    if (['no', 'n', 'false', '0'].includes(raw)) return false;
    this.problem(column, `"${raw}" should be yes or no`);
    return undefined;
  }

  problem(column: string, message: string): void {
    this.problems.push({ row: this.row, column, message });
  }
}

const PHONE_ENTRY = /^(?:(voice|text|tty|fax|hotline)\s*:\s*)?(.+?)(?:\s*(?:x|ext\.?)\s*(\d{1,6}))?$/i;

/** "617-555-0100 x12; text: 800327 HOPE" to phone records (the schema checks the numbers). */
function readPhones(r: RowReader): ResourceInput['phones'] {
  return r.list('phones', /;/)?.map((entry) => {
    const m = PHONE_ENTRY.exec(entry);
    const type = (m?.[1]?.toLowerCase() ?? 'voice') as PhoneType;
    let number = m?.[2] ?? entry;
    let text_body: string | undefined;
    const body = type === 'text' ? /^([\d ().+-]*\d)\s+([A-Za-z][\w ]*)$/.exec(number) : null;
    if (body?.[1] && body[2]) [number, text_body] = [body[1], body[2]];
    return { number, type, ...(m?.[3] ? { extension: m[3] } : {}), ...(text_body ? { text_body } : {}) };
  });
}

function readAddress(r: RowReader): ResourceInput['address'] {
  const address_1 = r.text('address_1');
  if (!address_1) return undefined;
  const required = { city: r.text('city'), state: r.text('state'), postal_code: r.text('postal_code') };
  for (const [column, value] of Object.entries(required)) {
    if (!value) r.problem(column, 'is needed when address_1 is given');
  }
  return {
    address_1,
    address_2: r.text('address_2'),
    city: required.city ?? '',
    state_province: required.state?.toUpperCase() ?? '',
    postal_code: required.postal_code ?? '',
  };
}

function readLocation(r: RowReader, lookupZip: ZipLookup | undefined): ResourceInput['location'] {
  const latitude = r.number('latitude');
  const longitude = r.number('longitude');
  if (latitude !== undefined && longitude !== undefined) return { latitude, longitude, precision: 'exact' };
  if ((latitude === undefined) !== (longitude === undefined)) {
    r.problem(latitude === undefined ? 'latitude' : 'longitude', 'latitude and longitude go together');
    return undefined;
  }
  const zip = r.text('postal_code');
  const centre = zip && lookupZip ? lookupZip(zip.slice(0, 5)) : undefined;
  return centre ? { latitude: centre[0], longitude: centre[1], precision: 'zip-centroid' } : undefined;
}

function readSchedule(r: RowReader): ResourceInput['schedule'] {
  const hours = r.text('hours');
  const description = r.text('hours_note');
  if (!hours) return description ? { description } : undefined;
  const parsed = parseHours(hours);
  if (!parsed.ok) {
    r.problem('hours', parsed.message);
    return description ? { description } : undefined;
  }
  return { ...parsed.schedule, ...(description ? { description } : {}) };
}

function readDisposal(r: RowReader): ResourceInput['disposal'] {
  const accepts = r.codes('accepts');
  const restrictions = r.text('disposal_restrictions');
  const acceptsText = r.text('accepts_text');
  const notAcceptedText = r.text('not_accepted_text');
  if (!accepts) {
    const given = (['disposal_restrictions', 'accepts_text', 'not_accepted_text'] as const).find((c) => r.text(c));
    if (given) r.problem('accepts', `is needed when ${given} is given`);
    return undefined;
  }
  return { accepts: accepts as NonNullable<ResourceInput['disposal']>['accepts'], restrictions, accepts_text: acceptsText, not_accepted_text: notAcceptedText };
}

function readOrganization(r: RowReader): ResourceInput['organization'] {
  const name = r.text('organization');
  const url = r.text('organization_url');
  if (!name && url) r.problem('organization', 'is needed when organization_url is given');
  return name ? { name, url } : undefined;
}

function readProvenance(r: RowReader, defaultSource: string | undefined): ResourceInput['provenance'] {
  const source = r.text('source') ?? defaultSource;
  if (!source) r.problem('source', 'needs a source: fill the column, or give the import a default source');
  return {
    source: source ?? '',
    source_url: r.text('source_url'),
    source_date: r.text('source_date'),
    last_verified: r.text('last_verified'),
    verified_by: r.text('verified_by'),
    status: (r.text('status')?.toLowerCase().replace(/\s+/g, '-') ?? 'unverified') as 'unverified',
    note: r.text('note'),
  };
}

function readCost(r: RowReader): ResourceInput['cost'] {
  const free = r.boolean('free');
  const description = r.text('cost_note');
  if (free === undefined) {
    if (description) r.problem('free', 'is needed (yes or no) when cost_note is given');
    return undefined;
  }
  return { free, description };
}

function readEvent(r: RowReader): ResourceInput['event'] {
  const starts_at = r.text('event_start');
  const ends_at = r.text('event_end');
  if (!starts_at && ends_at) r.problem('event_start', 'is needed when event_end is given');
  return starts_at ? { starts_at, ends_at } : undefined;
}

/** Drop keys whose value is undefined, so records carry only what the row gives. */
function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    out[key] = item !== null && typeof item === 'object' && !Array.isArray(item) ? compact(item) : item;
  }
  return out as T;
}

type Vocab<K extends keyof ResourceInput> = NonNullable<ResourceInput[K]>;

function readRecord(r: RowReader, options: ImportOptions): Omit<ResourceInput, 'id'> {
  const name = r.text('name');
  if (!name) r.problem('name', 'is needed');
  const categories = r.codes('categories');
  if (!categories) r.problem('categories', 'needs at least one category, e.g. peer-support');
  return compact({
    kind: (r.text('kind')?.toLowerCase() ?? 'service') as Vocab<'kind'>,
    name: name ?? '',
    alternate_name: r.text('alternate_name'),
    description: r.text('description'),
    categories: (categories ?? []) as Vocab<'categories'>,
    organization: readOrganization(r),
    address: readAddress(r),
    location: readLocation(r, options.lookupZip),
    region: r.text('region'),
    location_detail: r.text('location_detail'),
    phones: readPhones(r),
    url: r.text('url'),
    email: r.text('email'),
    schedule: readSchedule(r),
    languages: r.list('languages')?.map((s) => s.toLowerCase()),
    populations: r.codes('populations') as Vocab<'populations'> | undefined,
    eligibility: r.text('eligibility'),
    cost: readCost(r),
    delivery: r.text('delivery')?.toLowerCase() as Vocab<'delivery'> | undefined,
    disposal: readDisposal(r),
    event: readEvent(r),
    mailing_address: r.text('mailing_address'),
    operating_status: r.text('operating_status')?.toLowerCase().replace(/\s+/g, '-') as Vocab<'operating_status'> | undefined,
    provenance: readProvenance(r, options.source),
    translations: r.translations(),
  });
}

function cellsOf(row: CsvRow): Map<string, string> {
  const cells = new Map<string, string>();
  for (const [header, value] of Object.entries(row)) {
    if (typeof value === 'string') cells.set(cellKey(header), value);
  }
  return cells;
}

function headerProblems(rows: CsvRow[]): ImportProblem[] {
  const headers = new Set(rows.flatMap((row) => Object.keys(row)));
  return [...headers]
    .filter((h) => !isKnownColumn(cellKey(h)))
    .map((h) => ({ row: 1, column: h, message: 'is not a known column (see docs/csv-import.md); it was ignored' }));
}

/**
 * Turn spreadsheet rows into records. Each row that is wrong is left out and reported; the
 * others are returned, validated. Ids left empty are made from the name and ZIP.
 */
export function importRows(rows: CsvRow[], options: ImportOptions = {}): ImportResult {
  const problems = headerProblems(rows);
  const readers = rows.map((row, i) => new RowReader(cellsOf(row), options.rowNumbers?.[i] ?? i + 2));
  const givenIds = new Map<string, number>();
  for (const r of readers) {
    const id = r.text('id');
    if (id === undefined) continue;
    const first = givenIds.get(id);
    if (first === undefined) givenIds.set(id, r.row);
    else r.problem('id', `duplicate id "${id}": row ${first} has it`);
  }
  const allocate = createIdAllocator(givenIds.keys());
  const resources: Resource[] = [];
  for (const r of readers) {
    const record = readRecord(r, options);
    const id = r.text('id') ?? allocate(slugify([record.name, r.text('postal_code')].filter(Boolean).join(' ')) || 'record');
    const checked = validateResource({ id, ...record });
    if (!checked.ok) {
      const seen = new Set(r.problems.map((p) => p.column));
      for (const p of checked.problems) {
        const column = columnOfPath(p.path);
        if (!seen.has(column)) r.problem(column, p.message);
      }
    }
    if (r.problems.length > 0) problems.push(...r.problems);
    else if (checked.ok) {
      resources.push(checked.resource);
      // A bad translation is left out and said; the row is kept.
      for (const w of checked.warnings ?? []) problems.push({ row: r.row, column: translationColumn(w.path), message: w.message });
    }
  }
  return { resources, problems };
}

/** `translations.es.hours_text` -> `hours_note@es`: the column a translation warning points to. */
function translationColumn(path: string): string {
  const [top, tag, field] = path.split('.');
  if (top !== 'translations' || tag === undefined) return columnOfPath(path);
  const column = Object.entries(TRANSLATED_COLUMNS).find(([, f]) => f === field)?.[0];
  return column ? `${column}@${tag}` : `*@${tag}`;
}

export interface ImportedDatasetOptions {
  title: string;
  timeZone: string;
  /** The dataset's `help.contacts`. */
  help: HelpContact[];
  /** ISO timestamp with an offset. */
  generatedAt: string;
}

/** The `sources` of a dataset: one entry per distinct provenance source of its records. */
function sourcesOf(resources: readonly Resource[]): Source[] {
  const allocate = createIdAllocator();
  const byName = new Map<string, Source>();
  for (const { provenance } of resources) {
    if (byName.has(provenance.source)) continue;
    byName.set(provenance.source, {
      id: allocate(slugify(provenance.source) || 'source'),
      name: provenance.source,
      ...(provenance.source_url ? { url: provenance.source_url } : {}),
      ...(provenance.source_date ? { date: provenance.source_date } : {}),
    });
  }
  return [...byName.values()];
}

/** Wrap imported records in a dataset envelope. */
export function datasetFromImport(resources: Resource[], options: ImportedDatasetOptions): Dataset {
  return {
    schema_version: SCHEMA_VERSION,
    generated_at: options.generatedAt,
    title: options.title,
    time_zone: options.timeZone,
    sources: sourcesOf(resources),
    help: { contacts: options.help },
    resources,
  };
}

/** Parse CSV text; rows papaparse could not read are reported and set aside. */
export function parseCsv(text: string): { rows: CsvRow[]; rowNumbers: number[]; problems: ImportProblem[] } {
  const parsed = Papa.parse<CsvRow>(text, { header: true, skipEmptyLines: 'greedy' });
  const badRows = new Set<number>();
  const problems: ImportProblem[] = parsed.errors.map((e) => {
    if (e.row !== undefined) badRows.add(e.row);
    return { row: (e.row ?? -1) + 2, message: `cannot be read as CSV: ${e.message}` };
  });
  const rows: CsvRow[] = [];
  const rowNumbers: number[] = [];
  parsed.data.forEach((row, i) => {
    if (badRows.has(i)) return;
    rows.push(row);
    rowNumbers.push(i + 2);
  });
  return { rows, rowNumbers, problems };
}

// ---------------------------------------------------------------------------
// Spreadsheet formulas (CSV injection)
// ---------------------------------------------------------------------------

/**
 * A cell a spreadsheet would run as a formula when the file is opened: it starts with `=`,
 * `+`, `-` or `@` (or a tab or carriage return before one, OWASP's list). Plain numbers
 * (-71.07) and phone numbers (+1 617 555 0100) are values, not formulas.
 */
export function isFormula(cell: string): boolean {
  return startsLikeFormula(cell) && !PHONE_PATTERN.test(cell.trim());
}

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** Starts with a formula character (after any spaces), or with a tab or carriage return; not a plain number. */
function startsLikeFormula(cell: string): boolean {
  return (/^[\t\r ]*[=+\-@]/.test(cell) || /^[\t\r]/.test(cell)) && !PLAIN_NUMBER.test(cell.trim());
}

/** Every cell of the rows that a spreadsheet would run as a formula, by row and column. */
export function formulaProblems(rows: readonly CsvRow[], rowNumbers?: readonly number[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  rows.forEach((row, i) => {
    for (const [column, cell] of Object.entries(row)) {
      if (typeof cell === 'string' && isFormula(cell)) {
        problems.push({
          row: rowNumbers?.[i] ?? i + 2,
          column,
          message: `starts with "${cell.trim().charAt(0)}": a spreadsheet would run it as a formula; it is kept as text, check it`,
        });
      }
    }
  });
  return problems;
}

/**
 * One CSV cell as we write it: a would-be formula gets a leading `'` so a spreadsheet shows
 * it as text, and a cell with a comma, quote or line break is quoted (RFC 4180).
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  // Stricter than the import's warning: a phone such as +1 617 555 0100 is quoted too.
  if (typeof value === 'string' && startsLikeFormula(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as CSV text (CRLF line ends, as spreadsheets expect), formulas neutralised. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
