/**
 * The library's own wording of what the data names by code (a record's `worded`, and the
 * regions of Massachusetts), in the page's language: core/worded.ts's table, said through
 * lit-localize's `msg`.
 */
import { msg } from '@lit/localize';
import type { Resource } from '../../core/schema.js';
import { recordText, translationFor, type LanguageText } from '../../core/translations.js';
import { LABELLED, english, wordedText, type LabelledField, type WordedField } from '../../core/worded.js';
import { dataLanguage } from './data-language.js';
import { getLocale } from './localize.js';

/**
 * Interface words with their language: the interface's, unless the words are still the English
 * (a language whose translators have not come to them yet), which are then marked English.
 */
function said(text: string, source: string | undefined): LanguageText {
  return { text, lang: text === source ? 'en' : getLocale() };
}

/**
 * A record's text as the page shows it, with its language: the record's own translation into
 * the page's language; else the library's wording of its code (in the interface's language);
 * else the record's own text (English).
 */
export function shownText(r: Resource, field: Parameters<typeof recordText>[1]): LanguageText | undefined {
  const lang = dataLanguage();
  const code = field === 'description' || field === 'restrictions' || field === 'note' ? r.worded?.[field] : undefined;
  const worded = code === undefined ? undefined : wordedText(field as WordedField, code, msg);
  if (worded !== undefined && translationFor(r.translations, lang)?.texts[field] === undefined) {
    return said(worded, wordedText(field as WordedField, code, english));
  }
  return recordText(r, field, lang);
}

/**
 * A text the library labels, as the page shows it: the label in the interface's language, then
 * the source's words (their translation into the page's language, else English), each marked
 * with its language; undefined when the record has no such text.
 */
export function shownLabelled(r: Resource, field: LabelledField): { label: LanguageText; text: LanguageText } | undefined {
  const text = recordText(r, field, dataLanguage());
  if (!text) return undefined;
  return { label: said(LABELLED[field](msg), LABELLED[field](english)), text };
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
