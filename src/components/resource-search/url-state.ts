/**
 * The search a person made, as plain values, and its form in the page URL (`sync-url`).
 * Parameters are prefixed `rs-` so they do not collide with the host page's own. A place is
 * kept only as a ZIP, never as coordinates.
 */
import { CATEGORIES, POPULATIONS, type Category, type Population } from '../../core/schema.js';
import type { DeliveryFilter } from '../../core/search.js';

export interface SearchState {
  query: string;
  categories: Category[];
  language: string;
  population: Population | '';
  free: boolean;
  delivery: DeliveryFilter | '';
  openNow: boolean;
  /** The ZIP a person typed ('' for none). */
  zip: string;
  /** Distance in miles; 0 is any distance. */
  miles: number;
}

export const DISTANCES = [1, 5, 10, 25, 0] as const;
export const DEFAULT_MILES = 10;

export function emptyState(categories: Category[] = []): SearchState {
  return { query: '', categories, language: '', population: '', free: false, delivery: '', openNow: false, zip: '', miles: DEFAULT_MILES };
}

/** The categories in a comma-separated list, known ones only. */
export function parseCategories(text: string | null | undefined): Category[] {
  const known = new Set<string>(CATEGORIES);
  return (text ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter((c): c is Category => known.has(c));
}

const KEYS = ['rs-q', 'rs-cat', 'rs-lang', 'rs-pop', 'rs-free', 'rs-mode', 'rs-open', 'rs-zip', 'rs-mi'];

/** The state in a URL, or undefined when the URL holds none of ours. */
export function readUrl(href: string, presetCategories: Category[] = []): SearchState | undefined {
  const p = new URL(href).searchParams;
  if (!KEYS.some((k) => p.has(k))) return undefined;
  const population = p.get('rs-pop') ?? '';
  const mode = p.get('rs-mode');
  const miles = Number(p.get('rs-mi') ?? DEFAULT_MILES);
  return {
    query: (p.get('rs-q') ?? '').slice(0, 200),
    categories: p.has('rs-cat') ? parseCategories(p.get('rs-cat')) : presetCategories,
    language: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(p.get('rs-lang') ?? '') ? (p.get('rs-lang') as string) : '',
    population: (POPULATIONS as readonly string[]).includes(population) ? (population as Population) : '',
    free: p.get('rs-free') === '1',
    delivery: mode === 'in-person' || mode === 'online' ? mode : '',
    openNow: p.get('rs-open') === '1',
    zip: /^\d{5}$/.test(p.get('rs-zip') ?? '') ? (p.get('rs-zip') as string) : '',
    miles: (DISTANCES as readonly number[]).includes(miles) ? miles : DEFAULT_MILES,
  };
}

/** The URL with the state written into it (other parameters kept). */
export function writeUrl(href: string, s: SearchState, presetCategories: Category[] = []): string {
  const url = new URL(href);
  const p = url.searchParams;
  for (const k of KEYS) p.delete(k);
  if (s.query.trim()) p.set('rs-q', s.query.trim());
  // Categories other than the site's preset are written, even none at all.
  if (s.categories.join(',') !== presetCategories.join(',')) p.set('rs-cat', s.categories.join(','));
  if (s.language) p.set('rs-lang', s.language);
  if (s.population) p.set('rs-pop', s.population);
  if (s.free) p.set('rs-free', '1');
  if (s.delivery) p.set('rs-mode', s.delivery);
  if (s.openNow) p.set('rs-open', '1');
  if (s.zip) {
    p.set('rs-zip', s.zip);
    if (s.miles !== DEFAULT_MILES) p.set('rs-mi', String(s.miles));
  }
  return url.href;
}
