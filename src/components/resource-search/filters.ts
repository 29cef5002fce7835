/**
 * The search box and the filter panel of <recovery-resource-search>: categories with live counts, language,
 * population, cost, in person / online, open now, and the place controls (ZIP, "use my
 * location", distance). Pure rendering: the element passes its state and handlers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { CATEGORIES, POPULATIONS, type Category, type Population, type Resource } from '../../core/schema.js';
import { categoryLabel, languageName, populationLabel } from '../../kit/i18n/labels.js';
import { formatCount } from '../../kit/ui/format.js';
import type { PlaceController } from '../../kit/place/place-controller.js';
import type { SearchResult } from '../../core/search.js';
import { renderLocateButton, renderPlaceProblem, renderZipInput } from '../../kit/place/place-fields.js';
import { DISTANCES, activeCount, type SearchState } from './url-state.js';

/** What the filter panel offers: worked out once per dataset, never per keystroke. */
export interface FilterOptions {
  /** Categories present in the dataset. */
  categories: ReadonlySet<Category>;
  /** Languages the services speak, sorted. */
  languages: string[];
  /** Populations present, in vocabulary order. */
  populations: Population[];
}

export function filterOptions(resources: readonly Resource[]): FilterOptions {
  const categories = new Set<Category>();
  const languages = new Set<string>();
  const populations = new Set<Population>();
  for (const r of resources) {
    for (const c of r.categories) categories.add(c);
    for (const l of r.languages ?? []) languages.add(l);
    for (const p of r.populations ?? []) populations.add(p);
  }
  return { categories, languages: [...languages].sort(), populations: POPULATIONS.filter((p) => populations.has(p)) };
}

export interface FilterView {
  state: SearchState;
  /** Categories present in the dataset, in vocabulary order. */
  categories: Category[];
  counts: Map<Category, number>;
  languages: string[];
  populations: Population[];
  noLocation: boolean;
  /** The person's place (ZIP or location), its problems in words. */
  place: PlaceController;
  /** Words about the place when all is well: "Showing places near 02118.", "Looking up…". */
  placeStatus: string;
  onChange: (patch: Partial<SearchState>) => void;
}

const checked = (e: Event) => (e.target as HTMLInputElement).checked;
const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;

export function milesLabel(miles: number): string {
  if (miles === 0) return msg('Any distance');
  if (miles === 1) return msg('Within 1 mile');
  return msg(str`Within ${miles} miles`);
}

function renderPlace(v: FilterView): TemplateResult | typeof nothing {
  if (v.noLocation) return nothing;
  const s = v.state;
  const place = v.place;
  return html`
    <fieldset class="place" part="place">
      <legend>${msg('Near a place')}</legend>
      ${renderZipInput(place, { part: 'zip-input', value: s.zip, onCommit: (zip) => void place.useZip(zip) })}
      ${renderLocateButton(place, () => void place.useLocation())}
      <label for="distance">${msg('Distance')}</label>
      <select id="distance" .value=${String(s.miles)} @change=${(e: Event) => v.onChange({ miles: Number(value(e)) })}>
        ${DISTANCES.map((m) => html`<option value=${m} ?selected=${m === s.miles}>${milesLabel(m)}</option>`)}
      </select>
      ${renderPlaceProblem(place)}
      <p class="place-message" role="status">${place.problem ? '' : v.placeStatus}</p>
      ${place.place ? html`<button type="button" class="secondary" @click=${() => place.clear()}>${msg('Clear place')}</button>` : nothing}
    </fieldset>
  `;
}

function renderFilters(v: FilterView): TemplateResult {
  const s = v.state;
  const toggle = (c: Category, on: boolean) =>
    v.onChange({ categories: on ? [...s.categories, c] : s.categories.filter((x) => x !== c) });
  return html`
    <fieldset class="categories" part="categories">
      <legend>${msg('Kind of support')}</legend>
      <ul class="plain">
        ${v.categories.map((c) => {
          const n = v.counts.get(c) ?? 0;
          return html`<li>
            <label class="check">
              <input type="checkbox" .checked=${s.categories.includes(c)} @change=${(e: Event) => toggle(c, checked(e))} />
              <span>${categoryLabel(c)} <span class="count muted">(${formatCount(n)})</span></span>
            </label>
          </li>`;
        })}
      </ul>
    </fieldset>
    <div class="selects">
      ${v.languages.length > 1
        ? html`<label for="language">${msg('Language spoken')}</label>
            <select id="language" @change=${(e: Event) => v.onChange({ language: value(e) })}>
              <option value="" ?selected=${!s.language}>${msg('Any language')}</option>
              ${v.languages.map((l) => html`<option value=${l} ?selected=${l === s.language}>${languageName(l)}</option>`)}
            </select>`
        : nothing}
      ${v.populations.length
        ? html`<label for="population">${msg('Services for')}</label>
            <select id="population" @change=${(e: Event) => v.onChange({ population: value(e) as Population | '' })}>
              <option value="" ?selected=${!s.population}>${msg('Anyone')}</option>
              ${v.populations.map((p) => html`<option value=${p} ?selected=${p === s.population}>${populationLabel(p)}</option>`)}
            </select>`
        : nothing}
      <label for="delivery">${msg('In person or online')}</label>
      <select id="delivery" @change=${(e: Event) => v.onChange({ delivery: value(e) as SearchState['delivery'] })}>
        <option value="" ?selected=${!s.delivery}>${msg('Either')}</option>
        <option value="in-person" ?selected=${s.delivery === 'in-person'}>${msg('In person')}</option>
        <option value="online" ?selected=${s.delivery === 'online'}>${msg('Online or by phone')}</option>
      </select>
    </div>
    <div class="checks">
      <label class="check"><input type="checkbox" .checked=${s.free} @change=${(e: Event) => v.onChange({ free: checked(e) })} />
        <span>${msg('Free')}</span></label>
      <label class="check"><input type="checkbox" .checked=${s.openNow} @change=${(e: Event) => v.onChange({ openNow: checked(e) })} />
        <span>${msg('Open now')}</span></label>
    </div>
  `;
}

export interface ControlsState {
  /** The folded panel is open (on a narrow screen). */
  open: boolean;
  /** The filters can be drawn (the data is ready and `no-filters` is not set). */
  showFilters: boolean;
  noFilters: boolean;
  onToggle: () => void;
  onKey: (e: KeyboardEvent) => void;
  onClear: () => void;
}

/** The place, then the "Filters" button (narrow screens) and the panel it folds. */
export function renderControls(v: FilterView, c: ControlsState): TemplateResult {
  // Filters in use inside the folded panel: the place stands outside it and is not counted.
  const n = activeCount(v.state, false);
  return html`<div class="controls">
    ${/* The place first, outside the folded filters: on a phone it is never hidden. */ renderPlace(v)}
    <button type="button" class="secondary filters-toggle" part="filters-toggle" aria-controls="filters"
      ?hidden=${c.noFilters} aria-expanded=${c.open ? 'true' : 'false'} @click=${c.onToggle}>
      ${n ? msg(str`Filters (${n})`) : msg('Filters')}</button>
    <div id="filters" class="filters ${c.open ? 'open' : ''}" part="filters" @keydown=${c.onKey}>
      ${c.showFilters ? renderFilters(v) : nothing}
      ${n ? html`<button type="button" class="secondary" @click=${c.onClear}>${msg('Clear all filters')}</button>` : nothing}
    </div>
  </div>`;
}

/** What the panel shows, from the element's state. */
export function filterView(
  search: SearchState,
  options: FilterOptions | undefined,
  result: SearchResult | undefined,
  noLocation: boolean,
  place: PlaceController,
  onChange: (patch: Partial<SearchState>) => void,
  far = false,
): FilterView {
  const chosen = new Set(search.categories);
  const p = place.place;
  // Far from every place of the directory (`far`), nothing is "near" the place: say that instead.
  const placeStatus = place.progress ||
    (p?.source === 'zip'
      ? far ? msg(str`Nothing near ZIP ${search.zip} in this directory.`) : msg(str`Showing places near ${search.zip}.`)
      : p?.source === 'location'
        ? far ? msg('Nothing near your location in this directory.') : msg('Showing places near your location.')
        : '');
  return {
    state: search,
    categories: CATEGORIES.filter((c) => chosen.has(c) || options?.categories.has(c)),
    counts: result?.categoryCounts ?? new Map(),
    languages: options?.languages ?? [],
    populations: options?.populations ?? [],
    noLocation,
    place,
    placeStatus,
    onChange,
  };
}

/** The search box: `label` names the landmark (numbered when the page has several searches). */
export function renderSearchForm(label: string, draft: string, onInput: (e: Event) => void, onSubmit: (e: Event) => void): TemplateResult {
  return html`<form class="search" part="form" role="search" aria-label=${label} @submit=${onSubmit}>
    <label for="q">${msg('Search for support')}</label>
    <p class="hint" id="q-hint">${msg('For example: peer support, detox, Narcan')}</p>
    <div class="search-row">
      <input id="q" type="search" part="input" name="q" autocomplete="off" maxlength="200" aria-describedby="q-hint"
        .value=${draft} @input=${onInput} />
      <button type="submit">${msg('Search')}</button>
    </div>
  </form>`;
}
