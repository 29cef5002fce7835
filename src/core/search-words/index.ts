/**
 * Search words by language (BCP 47 tag): search reads them all at once, so a person finds help
 * in their language whatever the page's language is. Written by tools/search-words.mjs.
 */
import type { SearchWords } from './types.js';
import en from './en.js';
import es from './es.js';

export type { SearchWords };

export const SEARCH_WORDS: Readonly<Record<string, SearchWords>> = { en, es };
