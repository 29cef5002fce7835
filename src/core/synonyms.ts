/**
 * Words people use for the same thing, in English and Spanish. Each group is a set of phrases
 * that mean the same service: a record that mentions one phrase of a group is found by any
 * other phrase of it ("narcan" finds a record that says "naloxone").
 *
 * Kept small and factual: brand and generic names of one medicine, the abbreviations of one
 * service, the everyday and official names of one kind of place. Things that are related but
 * not the same (methadone and buprenorphine, a shelter and a sober house) stay apart.
 * A site adds its own groups through the element's `synonyms` property.
 *
 * DOM-free.
 */
import type { SearchWords } from './search-words/types.js';
import en from './search-words/en.js';
import es from './search-words/es.js';
import { CRISIS_WORDS } from './search-words/crisis.js';

/** A group of phrases that mean the same thing. */
export type SynonymGroup = readonly string[];

export const DEFAULT_SYNONYMS: readonly SynonymGroup[] = [
  // Naloxone reverses an opioid overdose; Narcan is its best-known brand.
  ['naloxone', 'narcan', 'naloxona', 'kloxxado', 'zimhi'],
  // Buprenorphine and its brands.
  ['buprenorphine', 'bupe', 'suboxone', 'sublocade', 'subutex', 'zubsolv', 'buprenorfina'],
  ['methadone', 'metadona'],
  ['naltrexone', 'vivitrol', 'naltrexona'],
  // Medication for addiction treatment: MAT, MOUD (medications for opioid use disorder).
  [
    'medication treatment',
    'medication for addiction treatment',
    'medication assisted treatment',
    'medications for opioid use disorder',
    'mat',
    'moud',
    'tratamiento con medicamentos',
  ],
  // Detox is the everyday word for withdrawal management (in Massachusetts also ATS).
  ['withdrawal management', 'detox', 'detoxification', 'acute treatment services', 'desintoxicacion', 'desintoxicación'],
  // Sober housing.
  [
    'recovery residence',
    'recovery residences',
    'sober house',
    'sober home',
    'sober living',
    'recovery home',
    'vivienda de recuperacion',
    'vivienda de recuperación',
    'casa de recuperacion',
    'casa de recuperación',
  ],
  ['housing', 'vivienda'],
  // Mutual-aid groups: AA, NA and other 12-step and non-12-step groups.
  [
    'support group',
    'support groups',
    'mutual aid',
    'mutual help',
    'aa',
    'na',
    'alcoholics anonymous',
    'narcotics anonymous',
    '12 step',
    '12-step',
    'twelve step',
    'smart recovery',
    'grupo de apoyo',
    'grupos de apoyo',
    'ayuda mutua',
  ],
  [
    'peer support',
    'peer recovery',
    'peer recovery support center',
    'recovery community center',
    'prsc',
    'apoyo entre pares',
    'apoyo de pares',
  ],
  ['recovery coach', 'recovery coaching', 'coach de recuperacion', 'coach de recuperación'],
  ['harm reduction', 'reduccion de danos', 'reducción de daños'],
  ['syringe services', 'needle exchange', 'syringe exchange', 'intercambio de jeringas'],
  ['sharps', 'needles', 'syringes', 'agujas', 'jeringas'],
  ['disposal', 'take back', 'drug take back', 'drop box', 'desecho de medicamentos'],
  ['transportation', 'rides', 'transporte'],
  ['employment', 'jobs', 'job training', 'empleo', 'trabajo'],
  ['education', 'educacion', 'educación'],
  ['family', 'families', 'familia', 'familias'],
  ['treatment', 'tratamiento'],
  ['outpatient', 'ambulatorio'],
  ['residential', 'residencial'],
  ['spiritual', 'espiritual'],
  ['warmline', 'warm line', 'linea de apoyo', 'línea de apoyo'],
  ['opioid', 'opioids', 'opiate', 'opiates', 'opioide', 'opioides'],
  ['recovery', 'recuperacion', 'recuperación'],
  ['free', 'no cost', 'gratis', 'gratuito'],
  ['youth', 'teens', 'jovenes', 'jóvenes'],
  ['veterans', 'veteranos'],
  ['women', 'mujeres'],
  ['men', 'hombres'],
];

/**
 * English and Spanish search words (crisis, category and stop words): always there. The other
 * languages' come with the ranking (`loadRanking()` in search.ts loads search-words/index.ts).
 */
export const BUILT_IN_WORDS: Readonly<Record<string, SearchWords>> = { en, es };

/**
 * The crisis words of every language, always there: a person who types "surdose" on an English
 * page is shown the crisis lines at once.
 */
export const CRISIS_TERMS: readonly string[] = [...(en.crisis ?? []), ...(es.crisis ?? []), ...Object.values(CRISIS_WORDS).flat()];

/** The crisis words of the language `tag`: its built-in file's (en, es), else crisis.ts's. */
export function crisisWordsOf(tag: string): readonly string[] {
  return BUILT_IN_WORDS[tag]?.crisis ?? CRISIS_WORDS[tag] ?? [];
}
