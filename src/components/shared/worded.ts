/**
 * The library's own wording of what the data names by code (a record's `worded`, and the
 * regions of Massachusetts), in the page's language. The English is the same as
 * core/worded.ts's (a test holds them together).
 */
import { msg } from '@lit/localize';
import type { Resource } from '../../core/schema.js';
import { recordText, translationFor, type LanguageText } from '../../core/translations.js';
import { WORDED_ENGLISH, type WordedField } from '../../core/worded.js';
import { dataLanguage } from './data-language.js';
import { getLocale } from './localize.js';

/**
 * Interface words with their language: the interface's, unless the words are still the English
 * (a language whose translators have not come to them yet), which are then marked English.
 */
function said(text: string, english: string | undefined): LanguageText {
  return { text, lang: text === english ? 'en' : getLocale() };
}

/** The words of a code in the page's language; undefined for a code this version does not know. */
export function wordedText(field: WordedField, code: string): string | undefined {
  if (field === 'description') {
    switch (code) {
      case 'dea-2018-collector':
        return msg('Listed by the DEA in October 2018 as a registered public collection site for unwanted medicines.');
      case 'bsas-outpatient':
        return msg('State-licensed outpatient substance use treatment (BSAS).');
      case 'bsas-opioid-treatment':
        return msg('State-licensed opioid treatment program (BSAS).');
      case 'bsas-residential':
        return msg('State-licensed residential rehabilitation for substance use (BSAS).');
      case 'bsas-clinical-stabilization':
        return msg('State-licensed 24-hour clinical stabilization service for substance use (BSAS).');
      case 'bsas-dual-diagnosis':
        return msg('State-licensed 24-hour dual-diagnosis unit: substance use and mental health treatment together (BSAS).');
      case 'bsas-acute-treatment':
        return msg('State-licensed 24-hour acute treatment services for substance use (BSAS).');
      case 'ma-prsc':
        return msg('A Massachusetts Peer Recovery Support Center: a free, peer-run space with support groups, one-to-one support, education, recreation and wellness activities.');
    }
  } else if (code === 'medicines-only') {
    return msg('Medicines only: not needles or other sharps, and not illicit drugs. Call ahead about liquids, patches and inhalers.');
  }
  return undefined;
}

/**
 * A record's text as the page shows it, with its language: the record's own translation into
 * the page's language; else the library's wording of its code (in the interface's language);
 * else the record's own text (English).
 */
export function shownText(r: Resource, field: Parameters<typeof recordText>[1]): LanguageText | undefined {
  const lang = dataLanguage();
  const code = field === 'description' || field === 'restrictions' ? r.worded?.[field] : undefined;
  const worded = code === undefined ? undefined : wordedText(field as WordedField, code);
  if (worded !== undefined && translationFor(r.translations, lang)?.texts[field] === undefined) {
    return said(worded, (WORDED_ENGLISH[field as WordedField] as Record<string, string>)[code ?? '']);
  }
  return recordText(r, field, lang);
}

/** A Massachusetts region's name in the page's language (the data's own spelling for any other). */
export function regionLabel(region: string): LanguageText {
  const ui = (text: string): LanguageText => said(text, region);
  switch (region) {
    case 'Western': return ui(msg('Western'));
    case 'Central': return ui(msg('Central'));
    case 'Northeast': return ui(msg('Northeast'));
    case 'Metro West': return ui(msg('Metro West'));
    case 'Southeast': return ui(msg('Southeast'));
    case 'Boston': return ui(msg('Boston'));
    case 'Statewide (Massachusetts)': return ui(msg('Statewide (Massachusetts)'));
    default: return { text: region, lang: 'en' };
  }
}

/** A record's region as the page shows it: its own translation, else the region's name in the page's language. */
export function shownRegion(r: Resource): LanguageText | undefined {
  if (r.region === undefined) return undefined;
  const own = recordText(r, 'region', dataLanguage());
  return own && own.lang !== 'en' ? own : regionLabel(r.region);
}
