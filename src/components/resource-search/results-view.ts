/**
 * The list of <recovery-resource-search>: the record a shared link points at, the urgent help
 * when the words say someone is in danger, the result cards (a page at a time), "Show more" and
 * "Print these results". Pure rendering: the element passes what it knows; the view of an empty
 * search is its own module (empty-view.ts), loaded when first needed.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Category, Dataset, Resource } from '../../core/schema.js';
import { statewideName, type SearchHit, type SearchResult } from '../../core/search.js';
import { isFarFromDirectory } from '../../core/reach.js';
import { renderCard, renderFarAway } from '../../kit/card/result-card.js';
import { formatCount } from '../../kit/ui/format.js';
import { renderHeading, type HeadingLevel } from '../../kit/ui/heading.js';

type Part = TemplateResult | typeof nothing;

export interface ResultsView {
  dataset: Dataset;
  result: SearchResult;
  /** How many cards are shown. */
  shown: number;
  /** How many match in all (with `api`, more than were fetched). */
  total: number;
  /** With `api`: the directory has more than it sent. */
  more: boolean;
  headingLevel: HeadingLevel;
  staleAfterDays: number;
  actions: (r: Resource) => TemplateResult | typeof nothing;
  /** The record a shared link points at, when there is one (the card is drawn here). */
  shared: ((card: (r: Resource) => TemplateResult) => Part) | undefined;
  /** The urgent help (for crisis words), the count of skipped records, the empty-search view. */
  urgentHelp: () => Part;
  skipped: Part;
  empty: () => Part;
  onMore: () => void;
  /** The place the list is ordered from, when one is given: its ZIP (if known) and how it was given. */
  place?: { zip?: string | undefined; source: 'zip' | 'location' } | undefined;
  /** How far the nearest place of the whole directory is from that place, in km. */
  nearestKm?: number | undefined;
}

/** What the list shows while the data loads. */
export const placeholder = html`<div class="placeholder" aria-hidden="true"><div></div><div></div><div></div></div>`;

/** The hit whose card holds the link a click followed (a click inside the shadow root, seen from the host). */
export function clickedHit(e: Event, result: SearchResult | undefined): SearchHit | undefined {
  const link = e.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
  const item = link?.closest<HTMLElement>('.results > li[data-index]');
  return item ? result?.hits[Number(item.dataset['index'])] : undefined;
}

/** "No results", "1 result", "12 results", followed by "near 02118" when a place orders them. */
export function countText(n: number, near: string): string {
  const count = n === 0 ? msg('No results') : n === 1 ? msg('1 result') : msg(str`${formatCount(n)} results`);
  return near ? `${count} ${near}` : count;
}

/** The heading over the services that serve the whole state: by the state's name when the data gives it. */
function wholeStateHeading(resources: readonly Resource[]): string {
  const state = statewideName(resources);
  return state ? msg(str`Serves all of ${state}`) : msg('Serves everyone, wherever they are');
}


export function renderResults(v: ResultsView): TemplateResult {
  const { dataset: ds, result } = v;
  const hits = result.hits;
  const now = new Date();
  const base = { now, timeZone: ds.time_zone, staleAfterDays: v.staleAfterDays, fromZip: v.place?.zip };
  const card = ([h, i]: [SearchHit, number]) =>
    html`<li data-index=${i} tabindex="-1">${renderCard(h.resource, { ...base, km: h.km, headingLevel: v.headingLevel, feedback: ds.feedback, actions: v.actions(h.resource) })}</li>`;
  const shown = hits.slice(0, v.shown).map((h, i): [SearchHit, number] => [h, i]);
  // Near a place, the services with no place (statewide, online: the search keeps only those)
  // come after the nearby ones, under their own heading. Each keeps its index in the result.
  const near = v.place ? shown.filter(([h]) => h.km !== undefined) : shown;
  const wide = v.place ? shown.filter(([h]) => h.km === undefined) : [];

  return html`
    ${v.shared ? v.shared((r) => renderCard(r, { ...base, headingLevel: v.headingLevel, actions: v.actions(r) })) : nothing}
    ${result.crisis ? v.urgentHelp() : nothing}
    ${v.skipped}
    ${hits.length === 0 ? v.empty() : html`
      ${v.place && isFarFromDirectory(v.nearestKm) ? renderFarAway(v.place, v.nearestKm ?? 0, v.dataset.help.contacts) : nothing}
      ${near.length ? html`<ul class="plain results" part="results" aria-label=${msg('Results')}>
        ${near.map(card)}
      </ul>` : nothing}
      ${wide.length
        ? html`${renderHeading(v.headingLevel, wholeStateHeading(ds.resources), { id: 'whole-state-heading', class: 'group-heading' })}
          <ul class="plain results whole-state" part="results" aria-labelledby="whole-state-heading">
            ${wide.map(card)}
          </ul>`
        : nothing}
      <div class="after-results">
        ${hits.length > v.shown || v.more
          ? html`<button type="button" class="secondary" part="more" @click=${v.onMore}>
              ${msg(str`Show more results (${formatCount(Math.min(v.shown, hits.length))} of ${formatCount(v.total)} shown)`)}</button>`
          : nothing}
        <button type="button" class="secondary print" @click=${() => window.print()}>${msg('Print these results')}</button>
      </div>`}
  `;
}

/** Tell the site about settings that cannot be used (they are ignored, never a broken view). */
export function warnAboutSettings(changed: PropertyValues, pageSize: number, pageStep: number, category: string, preset: readonly Category[]): void {
  if (changed.has('pageSize') && pageStep !== pageSize) {
    console.warn(`recovery-resource-search: page-size="${String(pageSize)}" is not a whole number above 0; showing ${pageStep} at a time.`);
  }
  if (changed.has('category') && category) {
    const known = new Set<string>(preset);
    const unknown = category.split(',').map((c) => c.trim()).filter((c) => c && !known.has(c));
    if (unknown.length) {
      console.warn(`recovery-resource-search: category="${category}": ${unknown.join(', ')} is not a category (see docs/api.md); ignored.`);
    }
  }
}
