/**
 * The dataset's shape, defined once.
 *
 * From this one valibot definition come:
 *  - the TypeScript types (`Resource`, `Dataset`, ...) through `v.InferOutput`,
 *  - the runtime validation used by the browser loader and the CLI,
 *  - the published JSON Schema (`data/schema.json`), through @valibot/to-json-schema.
 *
 * Field names follow Open Referral HSDS 3.0 where they fit (`name`, `alternate_name`,
 * `description`, `url`, `email`, `address_1`, `city`, `state_province`, `postal_code`,
 * `number`, `extension`, `byday`, `opens_at`, `closes_at`, `languages`), flattened into one
 * record per resource at a location so a browser can search it without joins.
 *
 * DOM-free: never imports lit or leaflet.
 */
import * as v from 'valibot';
import { runInSlices, runWhole, type SliceOptions } from './slices.js';
import { DEFAULT_HELP_CONTACTS } from './help-defaults.js';

/** The major.minor version of this schema. A document with another major version is refused. */
export const SCHEMA_VERSION = '1.0';

// ---------------------------------------------------------------------------
// Controlled vocabularies
// ---------------------------------------------------------------------------

/** What a record is. */
export const KINDS = ['service', 'prsc', 'disposal', 'event'] as const;

/**
 * Categories of support. Based on SAMHSA's list of recovery support services (seed page
 * 002: transportation, employment and education, specialized living situations, peer
 * services and coaching, spiritual support, parenting education, self-help and support
 * groups, outreach, drop-in centres and warmlines, wellness education), plus the clinical
 * and harm-reduction services a person also looks for.
 */
export const CATEGORIES = [
  'peer-support',
  'recovery-coaching',
  'support-groups',
  'recovery-center',
  'family-support',
  'transportation',
  'employment-education',
  'housing',
  'spiritual-support',
  'outreach',
  'warmline-crisis',
  'wellness-education',
  'treatment',
  'outpatient-treatment',
  'residential-treatment',
  'withdrawal-management',
  'medication-treatment',
  'harm-reduction',
  'naloxone',
  'access-to-care',
  'youth-prevention',
  'disposal',
  // A service whose directory (an HSDS API) names no category we know: kept and shown as "Other".
  'other',
] as const;

/** Groups of people a service is for. A record without `populations` serves everyone. */
export const POPULATIONS = [
  'adults',
  'youth',
  'young-adults',
  'women',
  'men',
  'families',
  'veterans',
  'lgbtq',
  'pregnant-parenting',
  'people-experiencing-homelessness',
  'justice-involved',
] as const;

/** Things a person may want to dispose of. */
export const DISPOSAL_ITEMS = ['pills', 'liquids', 'patches', 'inhalers', 'sharps'] as const;

export const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export const VERIFICATION_STATUSES = ['verified', 'unverified', 'needs-verification'] as const;

/**
 * How well a record's coordinates place it: `exact` (a geocoded street address, checked),
 * `source-geocoded` (coordinates as the source geocoded them, not checked here), `zip-centroid`
 * (the centre of its ZIP code), `town-centre` (the centre of its town, from a gazetteer, when
 * no ZIP is known), `city-centroid` (kept for older datasets: the same as `town-centre`).
 * Everything but `exact` is shown as approximate.
 */
export const LOCATION_PRECISIONS = ['exact', 'source-geocoded', 'zip-centroid', 'town-centre', 'city-centroid'] as const;

/** Whether a place still operates where the record says: closed and moved records are never shown as open. */
export const OPERATING_STATUSES = ['active', 'temporarily-closed', 'closed', 'moved'] as const;

export const PHONE_TYPES = ['voice', 'text', 'tty', 'fax', 'hotline'] as const;

export const DELIVERY = ['in-person', 'online', 'both'] as const;

export const HELP_URGENCIES = ['emergency', 'crisis', 'support'] as const;

export type Kind = (typeof KINDS)[number];
export type Category = (typeof CATEGORIES)[number];
export type Population = (typeof POPULATIONS)[number];
export type DisposalItem = (typeof DISPOSAL_ITEMS)[number];
export type Day = (typeof DAYS)[number];
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];
export type OperatingStatus = (typeof OPERATING_STATUSES)[number];
export type PhoneType = (typeof PHONE_TYPES)[number];
export type Delivery = (typeof DELIVERY)[number];
export type HelpUrgency = (typeof HELP_URGENCIES)[number];

// ---------------------------------------------------------------------------
// Field pieces
// ---------------------------------------------------------------------------

export * from './patterns.js';
import {
  HTTP_URL_PATTERN,
  PHONE_PATTERN,
  ID_PATTERN,
  ZIP_PATTERN,
  TIME_PATTERN,
  DATE_PATTERN,
  LANGUAGE_PATTERN,
  EMAIL_PATTERN,
  FEEDBACK_EMAIL_PATTERN,
} from './patterns.js';
const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max));
const httpUrl = v.pipe(v.string(), v.regex(HTTP_URL_PATTERN, 'must be an http(s) link'));

// What the renderer relies on, checked here so a record that would throw when shown is
// named and skipped instead (the patterns alone let 2026-02-30, hour 25 or "America/Bostn" by).

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A real calendar date: YYYY-MM-DD with the day in its month (2024-02-29 yes, 2026-02-30 no). */
export function isCalendarDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const TIMESTAMP_PARTS = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** A real moment: a calendar date, hours 00-23, minutes and seconds 00-59, an offset within ±14:00. */
export function isTimestamp(value: string): boolean {
  const m = TIMESTAMP_PARTS.exec(value);
  if (!m || !isCalendarDate(m[1] ?? '')) return false;
  const [hour, minute, second = 0] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (m[5] !== undefined && (Number(m[5]) > 14 || Number(m[6]) > 59)) return false;
  return !Number.isNaN(Date.parse(value));
}

const zones = new Map<string, boolean>();

/** A time zone the platform knows (Intl.DateTimeFormat accepts it), e.g. America/New_York. */
export function isTimeZone(zone: string): boolean {
  let known = zones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    if (zones.size > 1_000) zones.clear();
    zones.set(zone, known);
  }
  return known;
}

/** A well-formed BCP 47 language tag (Intl can name it). */
function isLanguageTag(code: string): boolean {
  try {
    return Intl.getCanonicalLocales(code).length === 1;
  } catch {
    return false;
  }
}

const isoDate = v.pipe(
  v.string(),
  v.regex(DATE_PATTERN, 'must be a date, YYYY-MM-DD'),
  v.check(isCalendarDate, 'must be a real calendar date'),
);
const isoTimestamp = v.pipe(
  v.string(),
  v.regex(TIMESTAMP_PATTERN, 'must be a date and time with an offset, e.g. 2026-05-01T18:00:00-04:00'),
  v.check(isTimestamp, 'must be a real date and time (month 01-12, a day in that month, hours 00-23, offset within ±14:00)'),
);
const clock = v.pipe(v.string(), v.regex(TIME_PATTERN, 'must be a time, HH:MM (24-hour)'));
/** An opening time: 24:00 is only a closing time (the following midnight). */
const opening = v.pipe(clock, v.check((t) => t !== '24:00', 'must be a time from 00:00 to 23:59 (24:00 is only a closing time)'));
const timeZone = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+$|^UTC$/, 'must be an IANA time zone, e.g. America/New_York'),
  v.check(isTimeZone, 'is not a time zone this browser knows (IANA name, e.g. America/New_York)'),
);

export const PhoneSchema = v.object({
  /** The number as people read it: (617) 635-4500, 3-1-1, 988. */
  number: v.pipe(v.string(), v.trim(), v.regex(PHONE_PATTERN, 'must be a phone number')),
  extension: v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, 'must be digits'))),
  type: v.optional(v.picklist(PHONE_TYPES), 'voice'),
  /** For text lines, the message to send (e.g. HOPE). */
  text_body: v.optional(text(40)),
  description: v.optional(text(200)),
});

export const AddressSchema = v.object({
  /** The street address. Left out when the source names only the town (never guessed). */
  address_1: v.optional(text(200)),
  address_2: v.optional(text(200)),
  city: text(100),
  state_province: v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'must be a two-letter state code')),
  /** Left out when no source gives it (never guessed). */
  postal_code: v.optional(v.pipe(v.string(), v.regex(ZIP_PATTERN, 'must be a ZIP code'))),
  country: v.optional(v.literal('US'), 'US'),
});

export const LocationSchema = v.object({
  latitude: v.pipe(v.number(), v.minValue(-90, 'must be a latitude, -90 to 90'), v.maxValue(90, 'must be a latitude, -90 to 90')),
  longitude: v.pipe(v.number(), v.minValue(-180, 'must be a longitude, -180 to 180'), v.maxValue(180, 'must be a longitude, -180 to 180')),
  /** How well the point places the record: see {@link LOCATION_PRECISIONS}. */
  precision: v.picklist(LOCATION_PRECISIONS),
});

export const WeeklyHoursSchema = v.object({
  byday: v.pipe(v.array(v.picklist(DAYS)), v.minLength(1)),
  opens_at: opening,
  /** Earlier than or equal to `opens_at` means the range runs past midnight into the next day. */
  closes_at: clock,
});

export const ScheduleSchema = v.object({
  /** IANA time zone of the hours; defaults to the dataset's `time_zone`. */
  time_zone: v.optional(timeZone),
  /** Open 24 hours a day, 7 days a week. */
  always_open: v.optional(v.boolean()),
  by_appointment: v.optional(v.boolean()),
  weekly: v.optional(v.array(WeeklyHoursSchema)),
  /** Dates the place is closed all day (holidays). */
  closed: v.optional(v.array(v.object({ date: isoDate, description: v.optional(text(200)) }))),
  /** Dates with hours other than the weekly ones. */
  special: v.optional(v.array(v.object({ date: isoDate, opens_at: opening, closes_at: clock }))),
  /** Hours as the source words them, when they cannot be structured. */
  description: v.optional(text(500)),
});

export const ProvenanceSchema = v.object({
  /** The name of the source, e.g. "Massachusetts BSAS licensed sites (2025-10-16)". */
  source: text(300),
  source_url: v.optional(httpUrl),
  /** The date of the source's data (e.g. when a list was published or scraped). */
  source_date: v.optional(isoDate),
  /** When a person last confirmed the record against its source. */
  last_verified: v.optional(isoDate),
  /** Who confirmed it, as a role (e.g. "311 operator", "BPHC data editor"), never a person's name. */
  verified_by: v.optional(text(100)),
  status: v.picklist(VERIFICATION_STATUSES),
  /** Why a record needs verification, in words: shown to residents with the record. */
  note: v.optional(text(1000)),
  /**
   * Notes for the people who keep the data (conflicts between sources, what to settle, second
   * pages): never shown to residents; `recovery-finder report` lists them.
   */
  editor_note: v.optional(text(2000)),
});

/**
 * Where corrections go: a form's web address, an e-mail address, or both. At the top of a
 * dataset for every record; on a record when it has its own.
 */
export const FeedbackSchema = v.pipe(
  v.object({
    /** A page or form where a person reports a change (http or https). */
    url: v.optional(httpUrl),
    /** An address that takes reports of changes. */
    email: v.optional(v.pipe(v.string(), v.regex(FEEDBACK_EMAIL_PATTERN, 'must be one plain e-mail address'))),
  }),
  v.check((f) => f.url !== undefined || f.email !== undefined, 'needs a url, an email, or both'),
);

// ---------------------------------------------------------------------------
// Translations: the texts a resident reads, in other languages
// ---------------------------------------------------------------------------

/** A BCP 47 tag as a key of `translations` (`es`, `pt-BR`, `zh-Hant`). */
const languageKey = v.pipe(
  v.string(),
  v.regex(LANGUAGE_PATTERN, 'must be a language code such as es or pt-BR'),
  v.check(isLanguageTag, 'must be a language code such as es or pt-BR'),
);

/** A phone's label in another language, by the phone's place in `phones` (`{}` for none). */
const PhoneTranslationSchema = v.object({ description: v.optional(text(200)) });

/**
 * A record's texts in one other language. Each is optional: what is missing is shown in the
 * record's own language (English), marked as such. `hours_text` stands for `schedule.description`,
 * `restrictions` for `disposal.restrictions`, `cost_text` for `cost.description`, `note` for
 * `provenance.note`, `accepts_text` and `not_accepted_text` for those of `disposal`; `phones`
 * follows the record's `phones`, one entry per phone.
 */
export const ResourceTranslationSchema = v.object({
  name: v.optional(text(200)),
  alternate_name: v.optional(text(200)),
  description: v.optional(text(2000)),
  hours_text: v.optional(text(500)),
  restrictions: v.optional(text(500)),
  cost_text: v.optional(text(300)),
  region: v.optional(text(100)),
  note: v.optional(text(1000)),
  eligibility: v.optional(text(500)),
  location_detail: v.optional(text(300)),
  accepts_text: v.optional(text(1000)),
  not_accepted_text: v.optional(text(500)),
  phones: v.optional(v.array(PhoneTranslationSchema)),
});

/** A help contact's texts in one other language (as {@link ResourceTranslationSchema}). */
export const HelpContactTranslationSchema = v.object({
  name: v.optional(text(200)),
  description: v.optional(text(500)),
  source: v.optional(text(300)),
  phones: v.optional(v.array(PhoneTranslationSchema)),
});

/**
 * `translations`: per language (a BCP 47 tag), the texts a resident reads, e.g.
 * `{"es": {"description": "…", "hours_text": "…"}}`. A bad translation is left out with a
 * warning; it never costs the record.
 */
const translationsOf = <S extends v.GenericSchema>(schema: S) => v.optional(v.record(languageKey, schema));

export const ResourceSchema = v.object({
  id: v.pipe(v.string(), v.regex(ID_PATTERN, 'must be lower-case letters, digits and - . _ :')),
  kind: v.picklist(KINDS),
  name: text(200),
  alternate_name: v.optional(text(200)),
  description: v.optional(text(2000)),
  categories: v.pipe(v.array(v.picklist(CATEGORIES)), v.minLength(1, 'needs at least one category')),
  organization: v.optional(v.object({ name: text(200), url: v.optional(httpUrl) })),
  address: v.optional(AddressSchema),
  /** A postal address that is not a place to walk in (e.g. "P.O. Box 314"). */
  mailing_address: v.optional(text(200)),
  location: v.optional(LocationSchema),
  /** `closed` or `moved`: the place is no longer here and is never shown as open. Absent means active. */
  operating_status: v.optional(v.picklist(OPERATING_STATUSES)),
  /** Region of the state (for PRSCs: Western, Central, Northeast, Metro West, Boston, Southeast). */
  region: v.optional(text(100)),
  /**
   * Where the place is at its address, in the source's words ("lobby of the police station"):
   * shown after the library's label "Where:".
   */
  location_detail: v.optional(text(300)),
  /** Who may use it, in the source's words: shown after the library's label "Who can use it:". */
  eligibility: v.optional(text(500)),
  phones: v.optional(v.array(PhoneSchema)),
  url: v.optional(httpUrl),
  email: v.optional(v.pipe(v.string(), v.regex(EMAIL_PATTERN, 'must be an e-mail address'))),
  schedule: v.optional(ScheduleSchema),
  /** BCP 47 codes of the languages spoken. */
  languages: v.optional(
    v.array(
      v.pipe(
        v.string(),
        v.regex(LANGUAGE_PATTERN, 'must be a language code such as en or es'),
        v.check(isLanguageTag, 'must be a language code such as en or es'),
      ),
    ),
  ),
  populations: v.optional(v.array(v.picklist(POPULATIONS))),
  cost: v.optional(v.object({ free: v.boolean(), description: v.optional(text(300)) })),
  delivery: v.optional(v.picklist(DELIVERY)),
  disposal: v.optional(
    v.object({
      accepts: v.pipe(v.array(v.picklist(DISPOSAL_ITEMS)), v.minLength(1)),
      /** What the place does not take or asks of people, in words. */
      restrictions: v.optional(text(500)),
      /** What the source says the place takes, in its words: shown after "Accepted, as the page says:". */
      accepts_text: v.optional(text(1000)),
      /** What the source says the place does not take, in its words: shown after "Not accepted:". */
      not_accepted_text: v.optional(text(500)),
    }),
  ),
  event: v.optional(
    v.pipe(
      v.object({ starts_at: isoTimestamp, ends_at: v.optional(isoTimestamp) }),
      v.forward(
        v.check((e) => e.ends_at === undefined || Date.parse(e.ends_at) >= Date.parse(e.starts_at), 'must not be before starts_at'),
        ['ends_at'],
      ),
    ),
  ),
  /**
   * Texts the library words itself, by code (`{"description": "dea-2018-collector"}`): the data
   * keeps the fact and each page words it in its own language (core/worded.ts). Used where the
   * record's own text is left out; a code this version does not know shows nothing. `note`
   * stands for `provenance.note`.
   */
  worded: v.optional(
    v.object({
      description: v.optional(v.pipe(v.string(), v.regex(ID_PATTERN, 'must be a code of the library\'s own wording'))),
      restrictions: v.optional(v.pipe(v.string(), v.regex(ID_PATTERN, 'must be a code of the library\'s own wording'))),
      note: v.optional(v.pipe(v.string(), v.regex(ID_PATTERN, 'must be a code of the library\'s own wording'))),
    }),
  ),
  /** The texts a resident reads, in other languages: see {@link ResourceTranslationSchema}. */
  translations: translationsOf(ResourceTranslationSchema),
  provenance: ProvenanceSchema,
  /** Where corrections to this record go, when not where the dataset's `feedback` says. */
  feedback: v.optional(FeedbackSchema),
});

export const SourceSchema = v.object({
  id: v.pipe(v.string(), v.regex(ID_PATTERN)),
  name: text(300),
  url: v.optional(httpUrl),
  /** When the source was retrieved or published. */
  date: v.optional(isoDate),
  license: v.optional(text(300)),
  note: v.optional(text(2000)),
});

export const HelpContactSchema = v.object({
  id: v.pipe(v.string(), v.regex(ID_PATTERN)),
  name: text(200),
  description: v.optional(text(500)),
  urgency: v.picklist(HELP_URGENCIES),
  phones: v.pipe(v.array(PhoneSchema), v.minLength(1)),
  url: v.optional(httpUrl),
  source: v.optional(text(300)),
  /** The contact's texts in other languages: see {@link HelpContactTranslationSchema}. */
  translations: translationsOf(HelpContactTranslationSchema),
});

const envelope = {
  $schema: v.optional(v.string()),
  schema_version: v.string(),
  generated_at: isoTimestamp,
  title: text(300),
  /** Default IANA time zone for every record's hours. */
  time_zone: timeZone,
  sources: v.array(SourceSchema),
  /** Contacts every element always shows, even when the data fails to load. */
  help: v.object({ contacts: v.array(HelpContactSchema) }),
  /** Where corrections to the records go (each card then offers "Report a change"). */
  feedback: v.optional(FeedbackSchema),
};

/** The published shape of a whole dataset document. */
export const DatasetSchema = v.object({ ...envelope, resources: v.array(ResourceSchema) });

/**
 * The envelope alone: records are validated one by one so a bad one does not sink the rest,
 * and so are help contacts (a bad contact, or no `help` block, falls back to the built-in ones).
 */
const EnvelopeSchema = v.object({
  ...envelope,
  help: v.optional(v.unknown()),
  // A bad feedback block costs only the "Report a change" links, never the dataset.
  feedback: v.optional(v.unknown()),
  resources: v.array(v.unknown()),
});

export type Phone = v.InferOutput<typeof PhoneSchema>;
export type Address = v.InferOutput<typeof AddressSchema>;
export type GeoLocation = v.InferOutput<typeof LocationSchema>;
export type WeeklyHours = v.InferOutput<typeof WeeklyHoursSchema>;
export type Schedule = v.InferOutput<typeof ScheduleSchema>;
export type Provenance = v.InferOutput<typeof ProvenanceSchema>;
export type Feedback = v.InferOutput<typeof FeedbackSchema>;
export type Resource = v.InferOutput<typeof ResourceSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type HelpContact = v.InferOutput<typeof HelpContactSchema>;
export type Dataset = v.InferOutput<typeof DatasetSchema>;
/** What a dataset author writes (defaults such as phone `type` may be left out). */
export type DatasetInput = v.InferInput<typeof DatasetSchema>;
export type ResourceInput = v.InferInput<typeof ResourceSchema>;

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

/** One thing wrong with one record (or with the document, when `index` is undefined). */
export interface ValidationProblem {
  /** `help` for a problem in the help block (a skipped contact); records otherwise. */
  scope?: 'help';
  /** Position of the record in `resources`, when the problem is in a record. */
  index?: number;
  /** The record's id, when it has a readable one. */
  id?: string;
  /** Path of the field inside the record or document, e.g. `phones[0].number`. */
  path: string;
  message: string;
  /** Set when the value was repaired and kept (a lone surrogate), not skipped. */
  repaired?: true;
  /** Set when only this part was left out (a bad translation) and the record or contact kept. */
  kept?: true;
}

export type ValidationResult =
  | {
      ok: true;
      dataset: Dataset;
      /** Skipped records, and repaired strings (`repaired`) of kept ones. */
      problems: ValidationProblem[];
      /** Skipped help contacts, or a missing help block (the built-in contacts are used). */
      helpProblems: ValidationProblem[];
    }
  | { ok: false; error: string; problems: ValidationProblem[] };

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function messageOf(issue: v.BaseIssue<unknown>): string {
  // valibot's default messages read "Invalid type: Expected string but received 3"; keep them,
  // but prefer our own wording where a pipe gave one.
  return issue.message;
}

/** Describe a record for a message: `record "prsc-valor" (#3)`. */
export function describeProblem(p: ValidationProblem): string {
  const kind = p.scope === 'help' ? 'help contact' : 'record';
  const where =
    p.index === undefined
      ? p.scope === 'help' ? 'help block' : 'document'
      : p.id ? `${kind} "${p.id}" (#${p.index})` : `${kind} #${p.index}`;
  return `${where}${p.path ? ` ${p.path}` : ''}: ${p.message}`;
}

function readableId(input: unknown): string | undefined {
  const rawId = (input as { id?: unknown } | null)?.id;
  return typeof rawId === 'string' && rawId.length <= 128 ? rawId : undefined;
}

/**
 * The help block, contact by contact: a bad contact is skipped with a problem naming it; a
 * missing or unreadable block, or one where no contact is left, gives the built-in contacts.
 */
function validateHelp(input: unknown): { contacts: HelpContact[]; problems: ValidationProblem[] } {
  const contacts = (input as { contacts?: unknown } | null | undefined)?.contacts;
  if (!Array.isArray(contacts)) {
    const message = input === undefined ? 'not given; the built-in help contacts are shown' : 'has no list of contacts; the built-in help contacts are shown';
    return { contacts: [...DEFAULT_HELP_CONTACTS], problems: [{ scope: 'help', path: input === undefined ? '' : 'contacts', message }] };
  }
  const good: HelpContact[] = [];
  const problems: ValidationProblem[] = [];
  for (const [index, raw] of contacts.entries()) {
    const id = readableId(raw);
    const translated = keepGoodTranslations(wellFormed(raw, []), HelpContactTranslationSchema);
    const result = v.safeParse(HelpContactSchema, translated.input);
    if (result.success) {
      good.push(result.output);
      for (const w of translated.warnings) problems.push({ scope: 'help', index, ...(id === undefined ? {} : { id }), ...w, kept: true });
      continue;
    }
    for (const issue of result.issues) {
      problems.push({ scope: 'help', index, ...(id === undefined ? {} : { id }), path: pathOf(issue), message: messageOf(issue) });
    }
  }
  if (contacts.length > 0 && good.length === 0) {
    return { contacts: [...DEFAULT_HELP_CONTACTS], problems: [...problems, { scope: 'help', path: 'contacts', message: 'no usable contact; the built-in help contacts are shown' }] };
  }
  return { contacts: good, problems };
}

/** Half of a UTF-16 surrogate pair without its other half. */
const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The message of a repaired string. */
export const LONE_SURROGATE_MESSAGE = 'broken text (a lone UTF-16 surrogate) replaced by \uFFFD';

/** `text` with each lone UTF-16 surrogate replaced by U+FFFD (the same string when there is none). */
export function wellFormedText(text: string): string {
  return SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\uFFFD') : text;
}

/**
 * `value` with every string in it made well-formed: each lone UTF-16 surrogate (broken text,
 * which makes `encodeURIComponent` throw) becomes U+FFFD. The value is never changed in
 * place: what holds a repaired string is copied. The path of each repaired string (as
 * `phones[0].number`) is added to `repaired`.
 */
export function wellFormed(value: unknown, repaired: string[], path: Array<string | number> = []): unknown {
  if (typeof value === 'string') {
    const fixed = wellFormedText(value);
    if (fixed !== value) repaired.push(path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), ''));
    return fixed;
  }
  if (typeof value !== 'object' || value === null) return value;
  let copy: Record<string, unknown> | unknown[] | undefined;
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value);
  for (const [key, item] of entries) {
    path.push(key);
    const fixed = wellFormed(item, repaired, path);
    path.pop();
    if (fixed !== item) {
      copy ??= Array.isArray(value) ? value.slice() : { ...(value as Record<string, unknown>) };
      (copy as Record<string | number, unknown>)[key] = fixed;
    }
  }
  return copy ?? value;
}

/**
 * `input` with each bad translation left out (its language tag or one of its texts is wrong),
 * and a warning for each: a bad translation costs only itself, never the record.
 */
function keepGoodTranslations(input: unknown, schema: v.GenericSchema): { input: unknown; warnings: Array<{ path: string; message: string }> } {
  const all = (input as { translations?: unknown } | null)?.translations;
  if (all === undefined || typeof input !== 'object' || input === null) return { input, warnings: [] };
  const warnings: Array<{ path: string; message: string }> = [];
  const kept: Record<string, unknown> = {};
  if (typeof all !== 'object' || all === null || Array.isArray(all)) {
    warnings.push({ path: 'translations', message: 'must be an object of languages (e.g. {"es": {…}}); the translations are left out' });
  } else {
    for (const [tag, texts] of Object.entries(all)) {
      const key = v.safeParse(languageKey, tag);
      // A bad tag is said once (its two checks say the same).
      const result = key.success ? v.safeParse(schema, texts) : { success: false as const, issues: key.issues.slice(0, 1) };
      if (result.success) kept[tag] = texts;
      else for (const issue of result.issues) warnings.push({ path: `translations.${tag}${key.success && pathOf(issue) ? `.${pathOf(issue)}` : ''}`, message: `${messageOf(issue)} (this translation is left out)` });
    }
  }
  const { translations: _all, ...rest } = input as Record<string, unknown>;
  void _all;
  return { input: Object.keys(kept).length ? { ...rest, translations: kept } : rest, warnings };
}

/**
 * Validate one record. Every string is made well-formed first (a repaired string is named in
 * `repaired`, and the record kept). A record whose only fault is its `feedback` block is kept
 * without it, the fault given in `warnings`.
 */
export function validateResource(
  raw: unknown,
  index?: number,
): { ok: true; resource: Resource; repaired: ValidationProblem[]; warnings?: ValidationProblem[] } | { ok: false; problems: ValidationProblem[] } {
  // Every string of the record well-formed first: a repaired string is named, and the record kept.
  const paths: string[] = [];
  const input = wellFormed(raw, paths);
  const id = readableId(input);
  const where = (path: string, message: string): ValidationProblem => ({
    ...(index === undefined ? {} : { index }),
    ...(id === undefined ? {} : { id }),
    path,
    message,
  });
  const repaired = paths.map((path): ValidationProblem => ({ ...where(path, LONE_SURROGATE_MESSAGE), repaired: true }));
  const translated = keepGoodTranslations(input, ResourceTranslationSchema);
  const translationWarnings = translated.warnings.map((w): ValidationProblem => ({ ...where(w.path, w.message), kept: true }));
  const result = v.safeParse(ResourceSchema, translated.input);
  if (result.success) return { ok: true, resource: result.output, repaired, ...(translationWarnings.length ? { warnings: translationWarnings } : {}) };
  // A bad feedback block costs only the record's own "Report a change" address: the record is
  // kept without it, with a warning (its card then offers the dataset's address, if any).
  const { feedback, ...rest } = (typeof translated.input === 'object' && translated.input !== null ? translated.input : {}) as Record<string, unknown>;
  if (feedback !== undefined && result.issues.every((issue) => pathOf(issue).split('.')[0] === 'feedback')) {
    const without = v.safeParse(ResourceSchema, rest);
    if (without.success) {
      return {
        ok: true,
        resource: without.output,
        repaired,
        warnings: [
          ...translationWarnings,
          ...result.issues.map((issue) => where(pathOf(issue), `${messageOf(issue)} (this record's "Report a change" link is left out)`)),
        ],
      };
    }
  }
  return {
    ok: false,
    problems: result.issues.map((issue) => ({
      ...(index === undefined ? {} : { index }),
      ...(id === undefined ? {} : { id }),
      path: pathOf(issue),
      message: messageOf(issue),
    })),
  };
}

/**
 * How far a sliced validation has come, read between two slices: the records valid so far
 * (in a dataset with the document's other fields and its help contacts), out of `total`
 * records in the document. Unset until the document's envelope has been checked.
 */
export interface ValidationProgress {
  /** The document with the records validated so far (the array grows as validation goes on). */
  dataset?: Dataset;
  /** Records in the document, valid or not. */
  total: number;
  /** Records looked at so far, valid or not. */
  checked: number;
}

/**
 * Make equal strings in `value` one string (in place): records repeat their cities, regions,
 * categories, languages, sources and often whole descriptions, and each parsed copy would
 * otherwise take its own memory. Returns the value.
 */
function shareStrings<T>(value: T, pool: Map<string, string>): T {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = shareStrings(value[i] as unknown, pool);
  } else if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    for (const k in o) o[k] = shareStrings(o[k], pool);
  } else if (typeof value === 'string') {
    const same = pool.get(value);
    if (same !== undefined) return same as T;
    pool.set(value, value);
  }
  return value;
}

/** The validation, written once: one step per record, so it can also run in slices. */
function* validation(input: unknown, progress?: ValidationProgress): Generator<void, ValidationResult> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: 'The dataset is not a JSON object.', problems: [] };
  }
  const version = (input as { schema_version?: unknown }).schema_version;
  const major = SCHEMA_VERSION.split('.')[0];
  if (typeof version !== 'string' || version.split('.')[0] !== major) {
    return {
      ok: false,
      error: `The dataset's schema_version is ${JSON.stringify(version ?? null)}; this library reads version ${major}.x.`,
      problems: [],
    };
  }
  // The document's own strings (its help, feedback and names) well-formed; the records', one by one below.
  const { resources: rawRecords, ...envelope } = input as Record<string, unknown>;
  const repairedPaths: string[] = [];
  const env = v.safeParse(EnvelopeSchema, { ...(wellFormed(envelope, repairedPaths) as Record<string, unknown>), resources: rawRecords });
  if (!env.success) {
    const problems = env.issues.map((issue) => ({ path: pathOf(issue), message: messageOf(issue) }));
    return {
      ok: false,
      error: `The dataset document is malformed: ${problems.map((p) => `${p.path || 'document'}: ${p.message}`).join('; ')}`,
      problems,
    };
  }
  const problems: ValidationProblem[] = repairedPaths.map((path) => ({ path, message: LONE_SURROGATE_MESSAGE, repaired: true }));
  const resources: Resource[] = [];
  const seen = new Set<string>();
  const strings = new Map<string, string>();
  // The help contacts first, so a partial dataset (progress) already has them.
  const help = validateHelp(env.output.help);
  const { help: _raw, feedback: rawFeedback, resources: rawResources, ...rest } = env.output;
  void _raw;
  if (progress) {
    progress.total = rawResources.length;
    progress.dataset = { ...rest, help: { contacts: help.contacts }, resources };
  }
  for (const [index, raw] of rawResources.entries()) {
    yield; // a point where the sliced version may give the page a turn
    if (progress) progress.checked = index;
    const r = validateResource(raw, index);
    if (!r.ok) {
      problems.push(...r.problems);
      continue;
    }
    if (r.warnings) problems.push(...r.warnings);
    if (seen.has(r.resource.id)) {
      problems.push({ index, id: r.resource.id, path: 'id', message: 'duplicate id: an earlier record has it' });
    } else {
      problems.push(...r.repaired);
      seen.add(r.resource.id);
      resources.push(shareStrings(r.resource, strings));
    }
  }
  if (progress) progress.checked = rawResources.length;
  let feedback: Feedback | undefined;
  if (rawFeedback !== undefined) {
    const f = v.safeParse(FeedbackSchema, rawFeedback);
    if (f.success) feedback = f.output;
    else for (const issue of f.issues) problems.push({ path: `feedback${pathOf(issue) ? `.${pathOf(issue)}` : ''}`, message: `${messageOf(issue)} (the "Report a change" links are left out)` });
  }
  return {
    ok: true,
    dataset: { ...rest, ...(feedback ? { feedback } : {}), help: { contacts: help.contacts }, resources },
    problems,
    helpProblems: help.problems,
  };
}

/**
 * Validate a dataset document. A document that is not an object, has another major schema
 * version or a broken envelope is refused whole (`ok: false`, one clear `error`). Otherwise
 * every valid record is kept and each bad one is listed in `problems`, by index, id and path.
 * Duplicate ids are problems too: the second and later records with an id are dropped.
 */
export function validateDataset(input: unknown): ValidationResult {
  return runWhole(validation(input));
}

/**
 * The same validation as {@link validateDataset}, in slices that give the page a turn (by
 * default every 12 ms of work), so a large dataset never freezes it in one long task. Stops
 * with the signal's reason when aborted.
 */
export function validateDatasetSliced(input: unknown, options: SliceOptions & { progress?: ValidationProgress } = {}): Promise<ValidationResult> {
  return runInSlices(validation(input, options.progress), options);
}
