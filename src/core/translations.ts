/**
 * The texts a resident reads, in the page's language: a record's (or help contact's) own
 * `translations` when it has the page's language, else the record's own text, in English.
 * Every text comes with the language it is in, so the page can mark it (`lang="en"` on English
 * text in a French page, so a screen reader switches voice).
 *
 * DOM-free.
 */
import type { HelpContact, Resource } from './schema.js';

/** The language a dataset's own texts are written in. */
export const DATA_LANGUAGE = 'en';

/** A text and the BCP 47 tag of the language it is in. */
export interface LanguageText {
  text: string;
  lang: string;
}

/**
 * The entry of `translations` for the language `lang`: the same tag (any case), else each
 * shorter form of it (`pt-BR` → `pt`, `zh-Hant-TW` → `zh-Hant` → `zh`). Another region's or
 * script's entry never stands in (`zh-Hans` text is not shown on a `zh-Hant` page). Undefined
 * for English, which is the data's own.
 */
export function translationFor<T>(translations: Readonly<Record<string, T>> | undefined, lang: string): { lang: string; texts: T } | undefined {
  if (!translations || !lang) return undefined;
  const byTag = new Map(Object.keys(translations).map((tag) => [tag.toLowerCase(), tag]));
  const parts = lang.toLowerCase().split('-');
  if (parts[0] === DATA_LANGUAGE) return undefined;
  for (let n = parts.length; n > 0; n--) {
    const tag = byTag.get(parts.slice(0, n).join('-'));
    if (tag !== undefined) return { lang: tag, texts: translations[tag] as T };
  }
  return undefined;
}

/** The texts of a record that may be translated (see `ResourceTranslationSchema`). */
export type ResourceTextField =
  | 'name'
  | 'alternate_name'
  | 'description'
  | 'hours_text'
  | 'restrictions'
  | 'cost_text'
  | 'region'
  | 'note'
  | 'eligibility'
  | 'location_detail'
  | 'accepts_text'
  | 'not_accepted_text';

/** A record's own (English) text of `field`. */
function ownText(r: Resource, field: ResourceTextField): string | undefined {
  switch (field) {
    case 'name':
      return r.name;
    case 'alternate_name':
      return r.alternate_name;
    case 'description':
      return r.description;
    case 'hours_text':
      return r.schedule?.description;
    case 'restrictions':
      return r.disposal?.restrictions;
    case 'cost_text':
      return r.cost?.description;
    case 'region':
      return r.region;
    case 'note':
      return r.provenance.note;
    case 'eligibility':
    case 'location_detail':
      return r[field];
    case 'accepts_text':
    case 'not_accepted_text':
      return r.disposal?.[field];
  }
}

/**
 * A record's text in the language `lang`: its translation when it has one, else its own
 * (English). Undefined when it has neither (a text the library words from a code: see worded.ts).
 */
export function recordText(r: Resource, field: ResourceTextField, lang: string): LanguageText | undefined {
  const found = translationFor(r.translations, lang);
  const text = found?.texts[field];
  if (text !== undefined && found) return { text, lang: found.lang };
  const own = ownText(r, field);
  return own === undefined ? undefined : { text: own, lang: DATA_LANGUAGE };
}

/** The label (`description`) of phone number `index` of a record or help contact, in `lang`. */
export function phoneLabel(owner: Pick<Resource, 'phones' | 'translations'> | HelpContact, index: number, lang: string): LanguageText | undefined {
  const own = owner.phones?.[index]?.description;
  if (own === undefined) return undefined; // a label no one reads in English is not shown translated either
  const found = translationFor<{ phones?: Array<{ description?: string | undefined }> | undefined }>(owner.translations, lang);
  const text = found?.texts.phones?.[index]?.description;
  return text !== undefined && found ? { text, lang: found.lang } : { text: own, lang: DATA_LANGUAGE };
}

/** A help contact's text (`name`, `description` or `source`) in `lang`, or its own (English). */
export function contactText(c: HelpContact, field: 'name' | 'description' | 'source', lang: string): LanguageText | undefined {
  const found = translationFor(c.translations, lang);
  const text = found?.texts[field];
  if (text !== undefined && found) return { text, lang: found.lang };
  const own = c[field];
  return own === undefined ? undefined : { text: own, lang: DATA_LANGUAGE };
}
