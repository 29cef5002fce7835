/**
 * The words of one language that search reads: crisis words, words for each category, and
 * words that never narrow a search. One file per language (`fr.ts` …), the same shape as the
 * translators' `search-words-<tag>.json` (`tools/search-words.mjs` turns one into the other,
 * and the crisis words into crisis.ts).
 *
 * DOM-free.
 */
import type { Category } from '../schema.js';

export interface SearchWords {
  /**
   * Words and phrases that mean a person may be in danger now (overdose, suicide, emergency).
   * One of four letters or more also matches as the start of a word ("overdos" finds
   * "overdosed"); a shorter one only whole ("od"). In a script written without spaces
   * (Chinese), anywhere in the query. Only the built-in languages' files (en.ts, es.ts) carry
   * them: every other language's are in crisis.ts, their one home, always loaded
   * (`crisisWordsOf()` in synonyms.ts reads either).
   */
  crisis?: readonly string[];
  /** Words people use for each category: any of them finds the category's records. */
  categories: Partial<Record<Category, readonly string[]>>;
  /** Words that never narrow a search (articles, prepositions: "the", "de", "near"). */
  stop: readonly string[];
}
