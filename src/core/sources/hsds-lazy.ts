/**
 * An element's sources for an HSDS API, named before the mapping code (hsds-api.ts) and the
 * URL building (hsds-query.ts) have loaded: both come with the first question, so a page whose
 * elements have no `api` loads neither.
 */
import type { HsdsDataSource, TaxonomyMap } from './hsds-api.js';
import type { HsdsQuery } from './hsds-query.js';
import { LOAD_BUDGET_MS, datasetFrom } from '../load.js';

/** How an element asks an HSDS API (its `api-taxonomy` and its time limit). */
export interface HsdsAskOptions {
  /** Taxonomy term id → our categories, or the URL of a JSON file holding that object. */
  taxonomy?: TaxonomyMap | string | undefined;
  /** Milliseconds one request may take; the whole question, twice that and a second (at most 20 s). */
  timeoutMs: number;
}

/**
 * The source for one question, named now and answered by the mapping code (hsds-api.ts), which
 * loads only when the question is first asked: a page whose elements have no `api` never loads
 * it. `key` names the question (default: the question itself).
 */
export function lazyHsdsSource(api: string, query: HsdsQuery, options: HsdsAskOptions, key?: string): HsdsDataSource {
  const fetchOptions = { taxonomy: options.taxonomy, timeoutMs: options.timeoutMs, deadlineMs: Math.min(LOAD_BUDGET_MS, options.timeoutMs * 2 + 1_000) };
  const source: HsdsDataSource = {
    key: key ?? JSON.stringify([api, query]),
    info: undefined,
    async load(signal, onPartial) {
      const real = (await import('./hsds-api.js')).hsdsApiSource(api, query, fetchOptions);
      const loaded = await real.load(signal, onPartial);
      source.info = real.info;
      return loaded;
    },
  };
  return source;
}

/** No question yet (a locator before a person gives a place): an empty list, and no request. */
export function unaskedHsdsSource(api: string): HsdsDataSource {
  const source: HsdsDataSource = {
    key: JSON.stringify([api, 'unasked']),
    info: undefined,
    async load() {
      const { datasetFromHsds } = await import('./hsds-api.js');
      return datasetFrom(datasetFromHsds([]), source.key);
    },
  };
  return source;
}
