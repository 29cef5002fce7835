/**
 * Where an element's data comes from. Every source answers the same question, "the dataset,
 * validated", so an element's view never knows whether it came from a JSON file, a `data`
 * property, a spreadsheet or a directory's API. Adding a source is adding one file here and
 * naming it in {@link ./index.ts}.
 */
import type { LoadedDataset, OnPartial } from '../load.js';

export interface DataSource {
  /**
   * Two sources with equal keys give the same data: an element loads again only when its
   * source's key changes. Compared with `===` (a URL string, or the `data` object itself).
   */
  readonly key: unknown;
  /**
   * The whole dataset, validated (bad records skipped and listed). Rejects with a DatasetLoadError.
   * `onPartial` (optional) hears between slices of a long validation what is valid so far.
   */
  load(signal: AbortSignal, onPartial?: OnPartial): Promise<LoadedDataset>;
}

/** What an element's attributes say about its data. */
export interface SourceSettings {
  /** A URL: a JSON dataset, or a CSV spreadsheet when it ends in `.csv`. */
  src?: string | undefined;
  /** The dataset itself (wins over `src`). */
  data?: unknown;
}
