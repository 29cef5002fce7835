/**
 * What <recovery-resource-search> shows when nothing matches: plainly that nothing does, ways
 * to widen the search (clear the words, any distance, clear the filters) and, near a place,
 * what exists instead (empty-near.ts). Loaded the first time a search comes back empty: a page
 * whose searches all find something never downloads it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { milesToKm, type LatLon } from '../../core/geo.js';
import type { HelpContact } from '../../core/schema.js';
import type { SearchFilters, SearchIndex } from '../../core/search.js';
import { renderEmptyNear } from './empty-near.js';
import type { SearchState } from './url-state.js';

export interface EmptyView {
  index: SearchIndex | undefined;
  search: SearchState;
  /** The person's point, when they gave a place. */
  point: LatLon | undefined;
  /** "near 02118" / "near your location". */
  nearText: string;
  /** The filters of the current search (without the distance). */
  filters: SearchFilters;
  /** True when a filter or a place narrows the search. */
  filtered: boolean;
  contacts: readonly HelpContact[] | undefined;
  onChange: (patch: Partial<SearchState>) => void;
  onClearQuery: () => void;
  onClearFilters: () => void;
  /** The link to one record (its shared view), and what pressing it does in this page. */
  recordHref: (id: string) => string;
  onOpen: (id: string) => void;
  /** The person's place, and how far the nearest place of the directory is from it (km). */
  place?: { zip?: string | undefined; source: 'zip' | 'location' } | undefined;
  nearestKm?: number | undefined;
  /** The distances offered and their words (passed in: this lazy view imports nothing of the element's chunk). */
  distances: readonly number[];
  milesLabel: (miles: number) => string;
}

/** Empty near a place: what exists instead (helpline, nearest of other kinds, a wider distance). */
function renderNear(v: EmptyView, point: LatLon): TemplateResult | typeof nothing {
  const { index, search: s } = v;
  if (!index) return nothing;
  const now = new Date();
  // Of other kinds: a kind that was searched for has nothing in reach (a wider distance is offered for it).
  const searched = new Set<string>(s.categories);
  const nearest = index
    .search('', { near: { point } }, now)
    .hits.filter((h) => h.km !== undefined && !h.resource.categories.some((c) => searched.has(c)))
    .slice(0, 3);
  let wider: { miles: number; count: number } | undefined;
  if (s.miles) {
    for (const m of v.distances) {
      if (m !== 0 && m <= s.miles) continue;
      const f = { ...v.filters, near: m ? { point, maxKm: milesToKm(m) } : { point } };
      const count = index.search(s.query, f, now).hits.length;
      if (count > 0) {
        wider = { miles: m, count };
        break;
      }
    }
  }
  return renderEmptyNear({
    query: s.query,
    miles: s.miles,
    nearText: v.nearText,
    contacts: v.contacts,
    nearest,
    wider,
    onWiden: (miles) => v.onChange({ miles }),
    recordHref: v.recordHref,
    onOpen: v.onOpen,
    place: v.place,
    nearestKm: v.nearestKm,
    milesLabel: v.milesLabel,
  });
}

export function renderEmptyView(v: EmptyView): TemplateResult {
  const s = v.search;
  const clearWords = s.query
    ? html`<button type="button" class="secondary" @click=${v.onClearQuery}>${msg('Clear the search words')}</button>`
    : nothing;
  const clearFilters = v.filtered
    ? html`<button type="button" class="secondary" @click=${v.onClearFilters}>${msg('Clear all filters')}</button>`
    : nothing;
  if (v.point) {
    return html`${renderNear(v, v.point)}
      <p class="widen">${clearWords} ${clearFilters}</p>`;
  }
  return html`<div class="notice empty">
    <p><strong>${msg('Nothing matches this search.')}</strong>
      ${msg('Try other words or fewer filters. The help lines above can also find support with you.')}</p>
    <p class="widen">${clearWords} ${clearFilters}</p>
  </div>`;
}
