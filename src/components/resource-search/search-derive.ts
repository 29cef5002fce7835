/**
 * What <recovery-resource-search> derives from a dataset: its search index (words indexed in
 * slices for a large dataset, after the first paint for a small one) and its filter options.
 */
import type { Dataset } from '../../core/schema.js';
import { timeBudget } from '../../core/slices.js';
import { DEFAULT_SYNONYMS, SearchIndex, buildSearchIndex, searchIndexLater, type SynonymGroup } from '../../core/search.js';
import { filterOptions, type FilterOptions } from './filters.js';

/** The dataset's search index and its filter options. */
export interface Derived {
  index: SearchIndex;
  options: FilterOptions;
}

/** Records up to which the words are indexed after the first results are painted, not before. */
const INDEX_AFTER_PAINT_MAX = 1000;

/** The index and options of a whole dataset (`sliceMs`: work between two pauses for the page). */
export async function deriveSearch(dataset: Dataset, synonyms: readonly SynonymGroup[], sliceMs: number, signal: AbortSignal): Promise<Derived> {
  const options = { timeZone: dataset.time_zone, synonyms: [...DEFAULT_SYNONYMS, ...synonyms] };
  const slicing = { signal, budget: timeBudget(sliceMs) };
  // A small dataset shows its results at once and indexes its words after they are painted
  // (a search by words before then finishes in one short task); a large one first indexes
  // them in slices, with its first records on screen meanwhile.
  const index =
    dataset.resources.length <= INDEX_AFTER_PAINT_MAX
      ? searchIndexLater(dataset.resources, options, new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))), slicing)
      : await buildSearchIndex(dataset.resources, options, slicing);
  return { index, options: filterOptions(dataset.resources) };
}

/** The first records of a large dataset, searchable while the rest loads (the count says "so far"). */
export function previewSearch(dataset: Dataset, synonyms: readonly SynonymGroup[]): Derived {
  const index = new SearchIndex(dataset.resources, { timeZone: dataset.time_zone, synonyms: [...DEFAULT_SYNONYMS, ...synonyms] });
  return { index, options: filterOptions(dataset.resources) };
}
