/**
 * The library's own wording of facts that the data names by code (a record's `worded`): the
 * data keeps `{"description": "dea-2018-collector"}`, and each page says it in its language
 * (the elements through msg(), in src/components/shared/worded.ts; the same English here for
 * what has no page: the HSDS server, the calendar file, the search index).
 *
 * DOM-free.
 */
import type { Resource } from './schema.js';

/** The English of each code, by field. */
export const WORDED_ENGLISH = {
  description: {
    'dea-2018-collector': 'Listed by the DEA in October 2018 as a registered public collection site for unwanted medicines.',
    'bsas-outpatient': 'State-licensed outpatient substance use treatment (BSAS).',
    'bsas-opioid-treatment': 'State-licensed opioid treatment program (BSAS).',
    'bsas-residential': 'State-licensed residential rehabilitation for substance use (BSAS).',
    'bsas-clinical-stabilization': 'State-licensed 24-hour clinical stabilization service for substance use (BSAS).',
    'bsas-dual-diagnosis': 'State-licensed 24-hour dual-diagnosis unit: substance use and mental health treatment together (BSAS).',
    'bsas-acute-treatment': 'State-licensed 24-hour acute treatment services for substance use (BSAS).',
    'ma-prsc':
      'A Massachusetts Peer Recovery Support Center: a free, peer-run space with support groups, one-to-one support, education, recreation and wellness activities.',
  },
  restrictions: {
    'medicines-only': 'Medicines only: not needles or other sharps, and not illicit drugs. Call ahead about liquids, patches and inhalers.',
  },
} as const satisfies Record<WordedField, Record<string, string>>;

/** The fields the library may word. */
export type WordedField = 'description' | 'restrictions';

/** The English of a record's worded `field`, when it has a code this version knows. */
function wordedEnglish(r: Pick<Resource, 'worded'>, field: WordedField): string | undefined {
  const code = r.worded?.[field];
  return code === undefined ? undefined : (WORDED_ENGLISH[field] as Record<string, string>)[code];
}

/**
 * The record with the English of its worded texts written out (its `worded` codes kept), for a
 * reader with no page to word them (the HSDS server's description column).
 */
export function withWordedEnglish(r: Resource): Resource {
  const description = r.description ?? wordedEnglish(r, 'description');
  const restrictions = r.disposal && (r.disposal.restrictions ?? wordedEnglish(r, 'restrictions'));
  return {
    ...r,
    ...(description === undefined ? {} : { description }),
    ...(r.disposal && restrictions !== undefined ? { disposal: { ...r.disposal, restrictions } } : {}),
  };
}

/** A record's description in English: its own, or the library's wording of its code. */
export function descriptionOf(r: Resource): string | undefined {
  return r.description ?? wordedEnglish(r, 'description');
}

/** A disposal site's restrictions in English: its own, or the library's wording of its code. */
export function restrictionsOf(r: Resource): string | undefined {
  return r.disposal?.restrictions ?? wordedEnglish(r, 'restrictions');
}
