/**
 * The questions asked of an HSDS 3.0 API, as URLs: small and free of the mapping, so an element
 * can name a question (its source key) before the mapping code (hsds-api.ts) has loaded.
 * The only place a question carries is a ZIP code: there is no parameter for coordinates.
 */
import type { Category } from '../schema.js';
import { isZip } from '../zip.js';

/** What is asked of the API. */
export interface HsdsQuery {
  /** The words typed (sent as `search`; empty sends none). */
  search: string;
  /** Our categories, sent as the directory's taxonomy terms (`taxonomy_term_id`). */
  categories: readonly Category[];
  /** A five-digit ZIP code, sent as `postcode`. */
  zip: string;
  /** Metres from the ZIP's centre (`proximity`); 0 sends the largest the API allows. */
  proximity: number;
  /** How many pages to have fetched (1 or more). */
  pages: number;
  /** Results per page (`per_page`, 1 to 100). */
  perPage: number;
}

/** The largest `proximity` the reference server takes (500 km). */
export const HSDS_PROXIMITY_MAX = 500_000;

/** The base URL with a trailing slash, so `services` resolves under it. */
export function baseOf(api: string): string {
  const href = new URL(api, globalThis.location?.href ?? 'http://localhost/').href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * The request for one page of a question (the path and its parameters, never coordinates).
 * `termId`: one taxonomy term (HSDS 3.0 types `taxonomy_term_id` as one id; several terms are
 * several requests). `full=true` asks for nested services (phones, places, terms), which a list
 * may otherwise leave out.
 */
export function hsdsPageUrl(api: string, query: HsdsQuery, page: number, termId?: string): string {
  const base = baseOf(api);
  const near = isZip(query.zip);
  const url = new URL(near ? 'service_at_locations' : 'services', base);
  const q = url.searchParams;
  const words = query.search.trim().slice(0, 200);
  if (words) q.set('search', words);
  if (termId) q.set('taxonomy_term_id', termId);
  if (near) {
    q.set('postcode', query.zip);
    q.set('proximity', String(Math.round(query.proximity > 0 ? Math.min(query.proximity, HSDS_PROXIMITY_MAX) : HSDS_PROXIMITY_MAX)));
  }
  q.set('full', 'true');
  q.set('page', String(page));
  q.set('per_page', String(Math.min(100, Math.max(1, Math.round(query.perPage)))));
  return url.href;
}

/** The part of a question that names its pages: the same for page 1 and page 5. */
export function questionKey(api: string, query: HsdsQuery): string {
  const url = new URL(hsdsPageUrl(api, query, 1));
  url.searchParams.delete('page');
  // The categories, as ours: their term ids are looked up when the question is asked.
  if (query.categories.length) url.hash = [...query.categories].sort().join(',');
  return url.href;
}
