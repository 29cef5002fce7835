/**
 * The library's own wording, written once: what the data names by code (a record's `worded`:
 * the data keeps `{"description": "dea-2018-collector"}`), and the labels the library puts
 * before a source's own words ("Accepted, as the page says:"). Each entry is said through a
 * {@link Say}: lit-localize's `msg` in the elements (the page's language; `lit-localize
 * extract` reads these calls, as their argument has `msg`'s type), {@link english} where no
 * page words it (the HSDS server, the calendar file, the search index).
 *
 * DOM-free.
 */
import type { Resource } from './schema.js';

/**
 * Says a wording: lit-localize's `msg` (the page's language) or {@link english}. The brand is
 * `msg`'s own: by it `lit-localize extract` knows a call through a `Say` as a message and reads
 * its string, so each wording is written once (core stays free of lit: nothing is imported).
 */
export type Say = ((template: string) => string) & { _LIT_LOCALIZE_MSG_?: never };

/** Says the English as written. */
export const english = ((template: string): string => template) as Say;

/** A wording of the library, said through `say`. */
type Wording = (say: Say) => string;

/** The wording of each code, by field. */
export const WORDED = {
  description: {
    'dea-2018-collector': (say) => say('Listed by the DEA in October 2018 as a registered public collection site for unwanted medicines.'),
    'bsas-outpatient': (say) => say('State-licensed outpatient substance use treatment (BSAS).'),
    'bsas-outpatient-satellite': (say) => say('State-licensed outpatient substance use treatment (BSAS). Satellite site.'),
    'bsas-opioid-treatment': (say) => say('State-licensed opioid treatment program (BSAS).'),
    'bsas-opioid-treatment-medication-unit': (say) => say('State-licensed opioid treatment program (BSAS). Medication unit.'),
    'bsas-residential': (say) => say('State-licensed residential rehabilitation for substance use (BSAS).'),
    'bsas-clinical-stabilization': (say) => say('State-licensed 24-hour clinical stabilization service for substance use (BSAS).'),
    'bsas-dual-diagnosis': (say) => say('State-licensed 24-hour dual-diagnosis unit: substance use and mental health treatment together (BSAS).'),
    'bsas-acute-treatment': (say) => say('State-licensed 24-hour acute treatment services for substance use (BSAS).'),
    'ma-prsc': (say) =>
      say('A Massachusetts Peer Recovery Support Center: a free, peer-run space with support groups, one-to-one support, education, recreation and wellness activities.'),
    'drug-take-back-box': (say) => say('Drug take-back box.'),
    'sharps-drop-off': (say) => say('Sharps (needle) drop-off.'),
    'drug-take-back-and-sharps': (say) => say('Drug take-back box and sharps (needle) drop-off.'),
    'syringe-service-program': (say) => say('Syringe service program (needle exchange).'),
  },
  restrictions: {
    'medicines-only': (say) => say('Medicines only: not needles or other sharps, and not illicit drugs. Call ahead about liquids, patches and inhalers.'),
  },
  note: {
    'dea-2018-snapshot': (say) => say('October 2018 snapshot of the DEA list: this site may no longer collect medicines. Call before going.'),
    'dea-2018-far-from-zip': (say) =>
      say('October 2018 snapshot of the DEA list: this site may no longer collect medicines. Call before going. The map position (as geocoded by the source) is more than 2 km from the centre of its ZIP code: check it before going.'),
    'dea-2018-drawn-at-zip': (say) =>
      say("October 2018 snapshot of the DEA list: this site may no longer collect medicines. Call before going. The source's map position was far from its ZIP code and near another: it is drawn at the centre of its own ZIP code."),
    'dea-2018-unchecked': (say) =>
      say('October 2018 snapshot of the DEA list: this site may no longer collect medicines. Call before going. Its ZIP code has no Census centre, so its map position (as geocoded by the source) was not checked.'),
  },
} as const satisfies Record<WordedField, Record<string, Wording>>;

/** The fields the library may word. */
export type WordedField = 'description' | 'restrictions' | 'note';

/**
 * The texts the library labels (a record's `eligibility`, `location_detail`,
 * `disposal.accepts_text`, `disposal.not_accepted_text`): each is the source's own words, shown
 * after the library's label, in this order after the description.
 */
export const LABELLED = {
  accepts_text: (say) => say('Accepted, as the page says:'),
  location_detail: (say) => say('Where:'),
  eligibility: (say) => say('Who can use it:'),
  not_accepted_text: (say) => say('Not accepted:'),
} as const satisfies Record<string, Wording>;

/** A text the library labels (see {@link LABELLED}). */
export type LabelledField = keyof typeof LABELLED;

/** The wording of `code` in `field`, said through `say`; undefined for a code this version does not know. */
export function wordedText(field: WordedField, code: string | undefined, say: Say): string | undefined {
  if (code === undefined) return undefined;
  const table: Readonly<Record<string, Wording>> = WORDED[field];
  return Object.hasOwn(table, code) ? table[code]?.(say) : undefined;
}

/** The English of a record's worded `field`, when it has a code this version knows. */
export function wordedEnglish(r: Pick<Resource, 'worded'>, field: WordedField): string | undefined {
  return wordedText(field, r.worded?.[field], english);
}

/** The texts of a record the library labels (a record, or what an HSDS reader found of them). */
export interface Labelled {
  eligibility?: string | undefined;
  location_detail?: string | undefined;
  disposal?: { accepts_text?: string | undefined; not_accepted_text?: string | undefined } | undefined;
}

/** A record's own text that the library labels (the source's words), when it has one. */
function labelledText(r: Labelled, field: LabelledField): string | undefined {
  switch (field) {
    case 'accepts_text':
    case 'not_accepted_text':
      return r.disposal?.[field];
    case 'location_detail':
    case 'eligibility':
      return r[field];
  }
}

/** "Where: lobby of the police station." (the label said through `say`, the text as given). */
function labelled(field: LabelledField, text: string, say: Say): string {
  return `${LABELLED[field](say)} ${/[.!?)]$/.test(text) ? text : `${text}.`}`;
}

/** The order the labelled texts follow the description in (restrictions: `not_accepted_text`). */
const AFTER_DESCRIPTION = ['accepts_text', 'location_detail', 'eligibility'] as const satisfies readonly LabelledField[];

/**
 * The record with the English of its worded and labelled texts written out in its plain fields
 * (its codes and labelled fields kept), for a reader with no page to word them (the HSDS
 * server's description column, which so reads as the record did before the words were split).
 */
export function withWordedEnglish(r: Resource): Resource {
  const description = descriptionOf(r);
  const restrictions = r.disposal && restrictionsOf(r);
  const note = noteOf(r);
  return {
    ...r,
    ...(description === undefined ? {} : { description }),
    ...(r.disposal && restrictions !== undefined ? { disposal: { ...r.disposal, restrictions } } : {}),
    ...(note === undefined ? {} : { provenance: { ...r.provenance, note } }),
  };
}

const joined = (parts: Array<string | undefined>): string | undefined => parts.filter(Boolean).join(' ') || undefined;

/** The labelled texts that follow a description, in English ("Where: lobby."). */
const labelledAfterDescription = (r: Labelled): string | undefined =>
  joined(AFTER_DESCRIPTION.map((f) => {
    const text = labelledText(r, f);
    return text === undefined ? undefined : labelled(f, text, english);
  }));

/** What a site does not take, in English with its label ("Not accepted: needles."). */
function refusedOf(r: Labelled): string | undefined {
  const refused = labelledText(r, 'not_accepted_text');
  return refused === undefined ? undefined : labelled('not_accepted_text', refused, english);
}

/** A record's description in English: its own (or the library's wording of its code), then its labelled texts. */
export function descriptionOf(r: Resource): string | undefined {
  return joined([r.description ?? wordedEnglish(r, 'description'), labelledAfterDescription(r)]);
}

/** A disposal site's restrictions in English: what it does not take (labelled), then its own or worded restrictions. */
export function restrictionsOf(r: Resource): string | undefined {
  return joined([refusedOf(r), r.disposal?.restrictions ?? wordedEnglish(r, 'restrictions')]);
}

/**
 * A record's own description and restrictions from those {@link withWordedEnglish} wrote out
 * (an HSDS reader gets the written-out English beside the labelled texts): the labelled English
 * taken off, so a card does not say it twice. Text that does not carry it is kept as it is.
 */
export function ownTexts(r: Labelled, written: { description?: string | undefined; restrictions?: string | undefined }): { description?: string; restrictions?: string } {
  const tail = labelledAfterDescription(r);
  const head = refusedOf(r);
  let { description, restrictions } = written;
  if (tail && description?.endsWith(tail)) description = description.slice(0, -tail.length).trim();
  if (head && restrictions?.startsWith(head)) restrictions = restrictions.slice(head.length).trim();
  return { ...(description ? { description } : {}), ...(restrictions ? { restrictions } : {}) };
}

/** A record's note for residents in English: its own, or the library's wording of its code. */
export function noteOf(r: Resource): string | undefined {
  return r.provenance.note ?? wordedEnglish(r, 'note');
}
