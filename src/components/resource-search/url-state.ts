/**
 * The search a person made, as plain values, and its form in the page URL (`sync-url`).
 * Parameters are prefixed `rs-` (or the element's `url-prefix`) so they do not collide with the
 * host page's own; the mechanics are shared with the maps (src/kit/url/url-state.ts). A place is
 * kept only as a ZIP, never as coordinates.
 */
import { idParam, readParams, writeParams, zipParam, type UrlValues } from '../../kit/url/url-state.js';
import { CATEGORIES, POPULATIONS, type Category, type Population } from '../../core/schema.js';
import type { SearchFilters } from '../../core/search.js';
import { milesToKm, type LatLon } from '../../core/geo.js';
import type { ResourceSearchFilters } from '../../events.js';

/**
 * The search's state: the filters its `recovery-search` event carries (one definition, in
 * events.ts), plus the words and a shared link's record. The place is only ever a ZIP.
 */
export interface SearchState extends Omit<ResourceSearchFilters, 'nearMe'> {
  query: string;
  /** The record a shared link points at ('' for none). */
  id: string;
}

export const DISTANCES = [1, 5, 10, 25, 0] as const;
export const DEFAULT_MILES = 10;

export function emptyState(categories: Category[] = []): SearchState {
  return { query: '', categories, language: '', population: '', free: false, delivery: '', openNow: false, zip: '', miles: DEFAULT_MILES, id: '' };
}

/** The categories in a comma-separated list, known ones only. */
export function parseCategories(text: string | null | undefined): Category[] {
  const known = new Set<string>(CATEGORIES);
  return (text ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter((c): c is Category => known.has(c));
}

/** The keys of the search in the URL, without the prefix, in the order they are written. */
export const SEARCH_KEYS = ['q', 'cat', 'lang', 'pop', 'free', 'mode', 'open', 'zip', 'mi', 'id'] as const;
export const SEARCH_PREFIX = 'rs';

/** The state in URL values (see readParams), or in a URL. */
export function fromValues(v: UrlValues, presetCategories: Category[] = []): SearchState {
  const population = v['pop'] ?? '';
  const mode = v['mode'];
  const miles = Number(v['mi'] ?? DEFAULT_MILES);
  const lang = v['lang'] ?? '';
  return {
    query: (v['q'] ?? '').slice(0, 200),
    categories: v['cat'] !== undefined ? parseCategories(v['cat']) : presetCategories,
    language: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang) ? lang : '',
    population: (POPULATIONS as readonly string[]).includes(population) ? (population as Population) : '',
    free: v['free'] === '1',
    delivery: mode === 'in-person' || mode === 'online' ? mode : '',
    openNow: v['open'] === '1',
    zip: zipParam(v['zip']),
    miles: (DISTANCES as readonly number[]).includes(miles) ? miles : DEFAULT_MILES,
    id: idParam(v['id']),
  };
}

/** The values of a state to write into the URL. */
export function toValues(s: SearchState, presetCategories: Category[] = []): UrlValues {
  const v: UrlValues = {};
  if (s.query.trim()) v['q'] = s.query.trim();
  // Categories other than the site's preset are written, even none at all.
  if (s.categories.join(',') !== presetCategories.join(',')) v['cat'] = s.categories.join(',');
  if (s.language) v['lang'] = s.language;
  if (s.population) v['pop'] = s.population;
  if (s.free) v['free'] = '1';
  if (s.delivery) v['mode'] = s.delivery;
  if (s.openNow) v['open'] = '1';
  if (s.zip) {
    v['zip'] = s.zip;
    if (s.miles !== DEFAULT_MILES) v['mi'] = String(s.miles);
  }
  if (s.id) v['id'] = s.id;
  return v;
}

/** The state in a URL, or undefined when the URL holds none of ours. */
export function readUrl(href: string, presetCategories: Category[] = [], prefix = SEARCH_PREFIX): SearchState | undefined {
  const v = readParams(href, prefix, SEARCH_KEYS);
  return v ? fromValues(v, presetCategories) : undefined;
}

/** The URL with the state written into it (other parameters kept). */
export function writeUrl(href: string, s: SearchState, presetCategories: Category[] = [], prefix = SEARCH_PREFIX): string {
  return writeParams(href, prefix, SEARCH_KEYS, toValues(s, presetCategories));
}

/** The filters a `recovery-search` event carries: a place only as a ZIP or "near me", never coordinates. */
export function eventFilters(s: SearchState, place: 'zip' | 'location' | undefined): ResourceSearchFilters {
  return {
    categories: [...s.categories],
    language: s.language,
    population: s.population,
    free: s.free,
    delivery: s.delivery,
    openNow: s.openNow,
    zip: place === 'zip' ? s.zip : '',
    miles: place ? s.miles : 0,
    nearMe: place === 'location',
  };
}

/** The filters of a search; near `point` when one is given (and the nearest-first index is there). */
export function searchFilters(s: SearchState, point: LatLon | undefined): SearchFilters {
  const f: SearchFilters = {};
  if (s.categories.length) f.categories = s.categories;
  if (s.language) f.language = s.language;
  if (s.population) f.population = s.population;
  if (s.free) f.free = true;
  if (s.delivery) f.delivery = s.delivery;
  if (s.openNow) f.openNow = true;
  if (point) f.near = s.miles ? { point, maxKm: milesToKm(s.miles) } : { point };
  return f;
}

/** How many filters are in use (a place counts as one). */
export function activeCount(s: SearchState, hasPlace: boolean): number {
  return s.categories.length + [s.language, s.population, s.free, s.delivery, s.openNow, hasPlace].filter(Boolean).length;
}
