/**
 * Search words by language (BCP 47 tag): search reads them all at once, so a person finds help
 * in their language whatever the page's language is. Written by tools/search-words.mjs.
 */
import type { SearchWords } from './types.js';
import en from './en.js';
import ar from './ar.js';
import es from './es.js';
import fr from './fr.js';
import ht from './ht.js';
import kea from './kea.js';
import ptBR from './pt-BR.js';
import ru from './ru.js';
import so from './so.js';
import vi from './vi.js';
import zhHans from './zh-Hans.js';
import zhHant from './zh-Hant.js';

export type { SearchWords };

export const SEARCH_WORDS: Readonly<Record<string, SearchWords>> = { en, ar, es, fr, ht, kea, 'pt-BR': ptBR, ru, so, vi, 'zh-Hans': zhHans, 'zh-Hant': zhHant };
