/**
 * The fuse.js re-ranking step of the search (src/core/search.ts, step 4), kept in its own
 * module so that a page loads fuse.js only when a person types a query: listing and filtering
 * never need it. `loadRanking()` in search.ts imports this file.
 *
 * DOM-free: never imports lit or leaflet.
 */
import Fuse from 'fuse.js';

/** The short fields of one record, as fuse.js reads them. */
export interface RankDoc {
  name: string;
  alt: string;
  org: string;
  categories: string;
  synonyms: string;
}

/** fuse.js scores (0 best, 1 worst) of the candidates that match `query`, by position in `docs`. */
export function fuseScores(docs: readonly RankDoc[], query: string): Map<number, number> {
  const fuse = new Fuse(docs, {
    keys: [
      { name: 'name', weight: 3 },
      { name: 'alt', weight: 1.5 },
      { name: 'org', weight: 1.5 },
      { name: 'categories', weight: 1 },
      { name: 'synonyms', weight: 0.7 },
    ],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.6,
    shouldSort: false,
  });
  const out = new Map<number, number>();
  for (const r of fuse.search(query)) out.set(r.refIndex, r.score ?? 1);
  return out;
}
