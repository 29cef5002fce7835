import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { CATEGORIES, POPULATIONS, type Category, type HelpContact, type Population, type Resource } from '../../core/schema.js';
import { DEFAULT_SYNONYMS, buildSearchIndex, type SearchIndex, type SearchIndexOptions, type SearchFilters, type SearchResult, type SynonymGroup } from '../../core/search.js';
import { milesToKm, type LatLon } from '../../core/geo.js';
import { findZip } from '../../core/zip-lookup.js';
import type { DatasetLoadError } from '../../core/load.js';
import { RecoverySearchEvent, RecoverySelectEvent } from '../../events.js';
import { DatasetController } from '../shared/dataset-controller.js';
import { GeolocationController } from '../shared/geolocation-controller.js';
import { LocaleController } from '../shared/localize.js';
import { renderHelp } from '../shared/help.js';
import { renderCard, STALE_AFTER_DAYS } from '../shared/result-card.js';
import { formatCount } from '../shared/format.js';
import { define } from '../shared/define.js';
import { ZIP_TABLE_MA_URL, ZIP_TABLE_US_URL } from '../shared/assets.js';
import { emptyState, parseCategories, readUrl, writeUrl, type SearchState } from './url-state.js';
import { renderFilters, renderPlace, type FilterView } from './filters.js';
import { styles } from './resource-search.styles.js';

/** Results follow typing after this pause (ms). */
const TYPE_DEBOUNCE = 60;
/** The URL and the `recovery-search` event follow typing after this pause (ms). */
const REPORT_DEBOUNCE = 600;

/**
 * A searchable, filterable directory of recovery support: words with typos and synonyms,
 * categories with live counts, language, population, cost, in person / online, open now, and
 * near a ZIP or the person's location.
 *
 * @tag recovery-resource-search
 * @summary Search recovery support: words, filters and a place; results as cards.
 *
 * @slot help - Replaces the built-in help contacts shown at the top in every state.
 *
 * @fires recovery-search - A person searched: typed (after a pause), pressed Enter, or changed a
 *   filter or the place. `RecoverySearchEvent` with `query`, `filters` (categories, language,
 *   population, free, delivery, openNow, zip, miles, nearMe: never coordinates) and `resultCount`.
 * @fires recovery-select - A person chose a result: followed one of its links (call, text,
 *   directions or website). `RecoverySelectEvent` with the `resource`.
 *
 * @csspart base - The wrapper; carries the theme.
 * @csspart help - The help contacts block.
 * @csspart form - The search box and its controls.
 * @csspart input - The search text box.
 * @csspart filters-toggle - The "Filters" button shown on narrow screens.
 * @csspart filters - The filter panel.
 * @csspart categories - The category checkboxes.
 * @csspart place - The ZIP / location / distance controls.
 * @csspart zip-input - The ZIP code box.
 * @csspart status - The result count (a live region).
 * @csspart results - The list of results.
 * @csspart result - One result card.
 * @csspart verify-warning - A result's "may be out of date" warning.
 * @csspart more - The "Show more results" button.
 *
 * @cssprop --recovery-search-accent - Colour of the search button and active filters (default: the primary colour).
 * @cssprop --recovery-search-sidebar-width - Width of the filter column on wide screens (default 18rem).
 */
@localized()
export class RecoveryResourceSearch extends LitElement {
  static override styles = styles;
  /** Milliseconds of index building between two pauses for the page (a large dataset is indexed in slices). */
  static indexSliceMs = 12;

  /** URL of the dataset (JSON); default: the bundled dataset. */
  @property() src?: string;
  /** The dataset itself, instead of `src`. */
  @property({ attribute: false }) data?: unknown;
  /** Preset categories, comma-separated (e.g. "peer-support,recovery-coaching"). */
  @property() category = '';
  /** Hide the filter panel (presets still apply). */
  @property({ type: Boolean, attribute: 'no-filters' }) noFilters = false;
  /** Hide the ZIP / location controls. */
  @property({ type: Boolean, attribute: 'no-location' }) noLocation = false;
  /** How many results to show at a time. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;
  /** Keep the query, filters and ZIP in the page URL (shareable; back and forward work). */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;
  /** Help contacts to show instead of the dataset's. */
  @property({ attribute: false }) helpContacts?: HelpContact[];

  /**
   * Age limit in days: a record verified (or, never verified, listed by its source) longer ago
   * than this says its age ("Listed in 2018") instead of its status. Default 730 (two years).
   */
  @property({ type: Number, attribute: 'stale-after-days' }) staleAfterDays = STALE_AFTER_DAYS;
  /** More synonym groups, added to the built-in ones (e.g. [["dental", "teeth"]]). */
  @property({ attribute: false }) synonyms: SynonymGroup[] = [];
  /** URL of the Massachusetts ZIP centroid table (default: the bundled one). */
  @property({ attribute: 'zip-table-url' }) zipTableUrl = ZIP_TABLE_MA_URL;
  /** URL of the whole-US ZIP centroid table, fetched only for a ZIP outside Massachusetts (default: the bundled one). */
  @property({ attribute: 'zip-table-national-url' }) zipTableNationalUrl = ZIP_TABLE_US_URL;

  @state() private s: SearchState = emptyState();
  /** What is in the search box (the query follows it after a short pause). */
  @state() private draft = '';
  @state() private point?: LatLon;
  @state() private placeSource?: 'zip' | 'location';
  @state() private zipProblem = '';
  @state() private shown = 0;
  @state() private filtersOpen = false;

  private readonly store = new DatasetController(this, () => ({ src: this.src, data: this.data }));
  private readonly geo = new GeolocationController(this);
  private index?: SearchIndex;
  private indexKey?: [unknown, unknown];
  /** The index build under way; a newer dataset aborts it. */
  private building?: AbortController;
  @state() private buildFailed = false;
  private result?: SearchResult;
  private resultKey?: [SearchState, LatLon | undefined];
  private typeTimer?: ReturnType<typeof setTimeout>;
  private reportTimer?: ReturnType<typeof setTimeout>;
  private zipRequest = 0;
  private focusFrom = -1;

  constructor() {
    super();
    new LocaleController(this);
    // Clicks (and Enter on a link) inside the shadow root reach the host with their path.
    this.addEventListener('click', (e) => this.onResultClick(e));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
    // Back on the page after leaving mid-build: build again.
    if (this.hasUpdated && !this.index) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    clearTimeout(this.typeTimer);
    clearTimeout(this.reportTimer);
    if (this.building) {
      this.building.abort();
      this.building = undefined;
      this.indexKey = undefined;
    }
  }

  private get preset(): Category[] {
    return parseCategories(this.category);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.hasUpdated || changed.has('category')) {
      const fromUrl = this.syncUrl && !this.hasUpdated ? readUrl(location.href, this.preset) : undefined;
      this.applyState(fromUrl ?? { ...this.s, categories: this.preset });
    }
  }

  /**
   * The index (once per dataset and synonyms, built in slices: see `indexSliceMs`) and the
   * result (once per search). Called from render(): the dataset controller can turn ready
   * during this very update (a `data` property is read in hostUpdate, after willUpdate).
   */
  private ensureResult(): void {
    const ds = this.store.dataset;
    if (this.store.status !== 'ready' || !ds) {
      this.building?.abort();
      this.building = undefined;
      this.index = undefined;
      this.indexKey = undefined;
      this.result = undefined;
      return;
    }
    if (this.indexKey?.[0] !== ds || this.indexKey?.[1] !== this.synonyms) {
      this.indexKey = [ds, this.synonyms];
      this.index = undefined;
      this.result = undefined;
      this.buildIndex(ds.resources, { timeZone: ds.time_zone, synonyms: [...DEFAULT_SYNONYMS, ...this.synonyms] });
    }
    if (!this.index) return;
    if (!this.result || this.resultKey?.[0] !== this.s || this.resultKey?.[1] !== this.point) {
      this.result = this.index.search(this.s.query, this.filters(), new Date());
      this.resultKey = [this.s, this.point];
    }
  }

  /** Build the index without blocking the page; a newer build makes this one stop and vanish. */
  private buildIndex(resources: readonly Resource[], options: SearchIndexOptions) {
    this.building?.abort();
    const building = (this.building = new AbortController());
    this.buildFailed = false;
    const sliceMs = (this.constructor as typeof RecoveryResourceSearch).indexSliceMs;
    buildSearchIndex(resources, options, { signal: building.signal, sliceMs }).then(
      (index) => {
        if (this.building !== building) return;
        this.building = undefined;
        this.index = index;
        this.result = undefined;
        this.requestUpdate();
      },
      (e: unknown) => {
        if (this.building !== building) return;
        this.building = undefined;
        this.indexKey = undefined;
        console.warn('recovery-finder: search index', e);
        this.buildFailed = true;
      },
    );
  }

  /** Loading covers the dataset and its index; error covers both too. */
  private get phase(): 'loading' | 'ready' | 'error' {
    if (this.store.status === 'error' || this.buildFailed) return 'error';
    return this.store.status === 'ready' && this.result ? 'ready' : 'loading';
  }

  private filters(): SearchFilters {
    const s = this.s;
    const f: SearchFilters = {};
    if (s.categories.length) f.categories = s.categories;
    if (s.language) f.language = s.language;
    if (s.population) f.population = s.population;
    if (s.free) f.free = true;
    if (s.delivery) f.delivery = s.delivery;
    if (s.openNow) f.openNow = true;
    if (this.point) f.near = s.miles ? { point: this.point, maxKm: milesToKm(s.miles) } : { point: this.point };
    return f;
  }

  /** Take a whole state (from the URL or a preset): no event, no history entry. */
  private applyState(next: SearchState) {
    this.s = next;
    this.draft = next.query;
    this.shown = this.pageSize;
    if (next.zip) void this.lookupZip(next.zip, false);
    else if (this.placeSource === 'zip') this.clearPlace(false);
  }

  private readonly onPopState = () => {
    if (!this.syncUrl) return;
    this.applyState(readUrl(location.href, this.preset) ?? emptyState(this.preset));
  };

  /** A person changed something: new results now; URL and event now or after a pause. */
  private change(patch: Partial<SearchState>, how: 'typing' | 'now' = 'now') {
    this.s = { ...this.s, ...patch };
    this.shown = this.pageSize;
    clearTimeout(this.reportTimer);
    if (how === 'typing') {
      this.reportTimer = setTimeout(() => this.report('replace'), REPORT_DEBOUNCE);
    } else {
      void this.updateComplete.then(() => this.report('push'));
    }
  }

  private report(mode: 'push' | 'replace') {
    if (this.syncUrl) {
      const url = writeUrl(location.href, this.s, this.preset);
      if (url !== location.href) {
        if (mode === 'push') history.pushState(history.state, '', url);
        else history.replaceState(history.state, '', url);
      }
    }
    const s = this.s;
    const filters = {
      categories: [...s.categories],
      language: s.language,
      population: s.population,
      free: s.free,
      delivery: s.delivery,
      openNow: s.openNow,
      zip: this.placeSource === 'zip' ? s.zip : '',
      miles: this.point ? s.miles : 0,
      nearMe: this.placeSource === 'location',
    };
    this.dispatchEvent(new RecoverySearchEvent(s.query, filters, this.result?.hits.length ?? 0));
  }

  private onInput(e: Event) {
    this.draft = (e.target as HTMLInputElement).value;
    clearTimeout(this.typeTimer);
    this.typeTimer = setTimeout(() => this.change({ query: this.draft }, 'typing'), TYPE_DEBOUNCE);
  }

  private onSubmit(e: Event) {
    e.preventDefault();
    clearTimeout(this.typeTimer);
    this.change({ query: this.draft });
  }

  private async lookupZip(text: string, byPerson: boolean) {
    const request = ++this.zipRequest;
    const zip = text.trim();
    if (!zip) {
      this.clearPlace(byPerson);
      return;
    }
    this.zipProblem = '';
    try {
      const found = await findZip(zip, { local: this.zipTableUrl, national: this.zipTableNationalUrl });
      if (request !== this.zipRequest) return;
      if (found.ok) {
        this.geo.clear();
        this.point = found.point;
        this.placeSource = 'zip';
        if (byPerson) this.change({ zip: found.zip });
        else this.s = { ...this.s, zip: found.zip };
        return;
      }
      this.zipProblem =
        found.reason === 'invalid'
          ? msg('Type a ZIP code of 5 digits, for example 02118.')
          : msg(str`We do not know the ZIP code ${zip}. Check it, or use your location.`);
    } catch (err) {
      if (request !== this.zipRequest) return;
      console.warn('recovery-finder: ZIP table', err);
      this.zipProblem = msg('ZIP codes cannot be looked up right now. Try again later.');
    }
    this.point = undefined;
    this.placeSource = undefined;
  }

  private async locate() {
    this.zipRequest++;
    this.zipProblem = '';
    const point = await this.geo.request();
    if (!point) return;
    this.point = point;
    this.placeSource = 'location';
    this.change({ zip: '' });
  }

  private clearPlace(byPerson = true) {
    this.zipRequest++;
    this.geo.clear();
    this.point = undefined;
    this.placeSource = undefined;
    this.zipProblem = '';
    if (byPerson) this.change({ zip: '' });
    else this.s = { ...this.s, zip: '' };
  }

  private onResultClick(e: Event) {
    const path = e.composedPath();
    const link = path.find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    const item = link?.closest<HTMLElement>('.results > li[data-index]');
    const hit = item ? this.result?.hits[Number(item.dataset['index'])] : undefined;
    if (hit) this.dispatchEvent(new RecoverySelectEvent(hit.resource));
  }

  private showMore() {
    this.focusFrom = this.shown;
    this.shown += this.pageSize;
  }

  protected override updated(): void {
    if (this.focusFrom >= 0) {
      this.renderRoot.querySelector<HTMLElement>(`li[data-index="${this.focusFrom}"]`)?.focus();
      this.focusFrom = -1;
    }
  }

  private errorText(e: DatasetLoadError | undefined): string {
    switch (e?.kind) {
      case 'timeout':
        return msg('The list of services took too long to load.');
      case 'http':
        return msg(str`The server could not send the list of services (error ${e.status ?? ''}).`);
      case 'not-json':
      case 'invalid':
        return msg('The list of services is damaged and cannot be shown.');
      default:
        return msg('The list of services could not be loaded. Check your connection.');
    }
  }

  private statusText(): string {
    if (this.phase === 'loading') return msg('Loading services…');
    if (this.phase === 'error' || !this.result) return msg('Services could not be loaded.');
    const n = this.result.hits.length;
    const count = n === 0 ? msg('No results') : n === 1 ? msg('1 result') : msg(str`${formatCount(n)} results`);
    if (!this.point) return count;
    const where = this.placeSource === 'zip' ? msg(str`near ${this.s.zip}`) : msg('near your location');
    return `${count} ${where}`;
  }

  private activeFilters(): number {
    const s = this.s;
    return s.categories.length + [s.language, s.population, s.free, s.delivery, s.openNow, this.point].filter(Boolean).length;
  }

  private filterView(): FilterView {
    const ds = this.store.dataset;
    const present = new Set(ds?.resources.flatMap((r) => r.categories));
    for (const c of this.s.categories) present.add(c);
    const langs = [...new Set(ds?.resources.flatMap((r) => r.languages ?? []))].sort();
    const pops = new Set(ds?.resources.flatMap((r) => r.populations ?? []));
    const placeMessage = this.zipProblem || this.geo.message ||
      (this.placeSource === 'zip' ? msg(str`Showing places near ${this.s.zip}.`) :
        this.placeSource === 'location' ? msg('Showing places near your location.') : '');
    return {
      state: this.s,
      categories: CATEGORIES.filter((c) => present.has(c)),
      counts: this.result?.categoryCounts ?? new Map(),
      languages: langs,
      populations: POPULATIONS.filter((p: Population) => pops.has(p)),
      noLocation: this.noLocation,
      hasPlace: !!this.point,
      locating: this.geo.state === 'locating',
      placeMessage,
      placeProblem: !!this.zipProblem || this.geo.failed,
      onChange: (patch) => this.change(patch),
      onZip: (zip) => void this.lookupZip(zip, true),
      onLocate: () => void this.locate(),
      onClearPlace: () => this.clearPlace(),
    };
  }

  private renderResults() {
    const ds = this.store.dataset;
    if (this.phase === 'loading') {
      return html`<div class="placeholder" aria-hidden="true"><div></div><div></div><div></div></div>`;
    }
    if (this.store.status === 'error' || !ds || !this.result) {
      return html`<div class="notice error" role="alert">
        <p>${this.errorText(this.store.error)}</p>
        <p>${msg('The help lines above can still find support with you.')}</p>
        <button type="button" @click=${this.retry}>${msg('Try again')}</button>
      </div>`;
    }
    const hits = this.result.hits;
    const now = new Date();
    const skipped = new Set(this.store.problems.map((p) => p.index)).size;
    return html`
      ${this.result.crisis ? renderHelp(this.helpContacts ?? ds.help.contacts, { urgent: true }) : nothing}
      ${skipped ? html`<p class="muted skipped">${skipped === 1 ? msg('1 entry could not be shown.') : msg(str`${formatCount(skipped)} entries could not be shown.`)}</p>` : nothing}
      ${hits.length === 0 ? this.renderEmpty() : html`
        <ul class="plain results" part="results" aria-label=${msg('Results')}>
          ${hits.slice(0, this.shown).map((h, i) => html`<li data-index=${i} tabindex="-1">
            ${renderCard(h.resource, { now, timeZone: ds.time_zone, km: h.km, headingLevel: 3, staleAfterDays: this.staleAfterDays })}</li>`)}
        </ul>
        <div class="after-results">
          ${hits.length > this.shown
            ? html`<button type="button" class="secondary" part="more" @click=${this.showMore}>
                ${msg(str`Show more results (${formatCount(this.shown)} of ${formatCount(hits.length)} shown)`)}</button>`
            : nothing}
          <button type="button" class="secondary print" @click=${() => window.print()}>${msg('Print these results')}</button>
        </div>`}
    `;
  }

  private retry() {
    this.buildFailed = false;
    this.store.retry();
  }

  private renderEmpty() {
    const s = this.s;
    const filtered = this.activeFilters() > 0;
    return html`<div class="notice empty">
      <p><strong>${msg('Nothing matches this search.')}</strong>
        ${msg('Try other words or fewer filters. The help lines above can also find support with you.')}</p>
      <p class="widen">
        ${s.query ? html`<button type="button" class="secondary" @click=${this.clearQuery}>${msg('Clear the search words')}</button>` : nothing}
        ${this.point && s.miles ? html`<button type="button" class="secondary" @click=${() => this.change({ miles: 0 })}>${msg('Search any distance')}</button>` : nothing}
        ${filtered ? html`<button type="button" class="secondary" @click=${() => this.clearFilters()}>${msg('Clear all filters')}</button>` : nothing}
      </p>
    </div>`;
  }

  private clearQuery() {
    this.draft = '';
    this.change({ query: '' });
  }

  private clearFilters() {
    this.clearPlace(false);
    this.change({ ...emptyState(), query: this.s.query });
  }

  override render() {
    this.ensureResult();
    const help = this.helpContacts ?? this.store.help;
    const ready = this.phase === 'ready';
    const n = this.activeFilters();
    const showFilters = ready && !this.noFilters;
    const hasControls = !this.noFilters || !this.noLocation;
    const view = this.filterView();
    return html`
      <div class="base" part="base">
        <slot name="help">${renderHelp(help, { compact: true })}</slot>
        <form class="search" part="form" role="search" @submit=${this.onSubmit}>
          <label for="q">${msg('Search for support')}</label>
          <div class="search-row">
            <input id="q" type="search" part="input" name="q" autocomplete="off" maxlength="200"
              placeholder=${msg('For example: peer support, detox, Narcan')}
              .value=${this.draft} @input=${this.onInput} />
            <button type="submit">${msg('Search')}</button>
          </div>
        </form>
        <div class="layout ${hasControls ? 'with-filters' : ''}">
          ${hasControls
            ? html`<div class="controls">
                <button type="button" class="secondary filters-toggle" part="filters-toggle" aria-controls="filters"
                  aria-expanded=${this.filtersOpen ? 'true' : 'false'} @click=${() => (this.filtersOpen = !this.filtersOpen)}>
                  ${n ? msg(str`Filters (${n})`) : msg('Filters')}</button>
                <div id="filters" class="filters ${this.filtersOpen ? 'open' : ''}" part="filters"
                  @keydown=${this.onFiltersKey}>
                  ${renderPlace(view)}
                  ${showFilters ? renderFilters(view) : nothing}
                  ${n ? html`<button type="button" class="secondary" @click=${this.clearFilters}>${msg('Clear all filters')}</button>` : nothing}
                </div>
              </div>`
            : nothing}
          <div class="main">
            <p class="status" role="status" part="status">${this.statusText()}</p>
            ${this.renderResults()}
          </div>
        </div>
      </div>
    `;
  }

  private onFiltersKey(e: KeyboardEvent) {
    if (e.key !== 'Escape' || !this.filtersOpen) return;
    this.filtersOpen = false;
    this.renderRoot.querySelector<HTMLElement>('.filters-toggle')?.focus();
  }
}

define('recovery-resource-search', RecoveryResourceSearch);

declare global {
  interface HTMLElementTagNameMap {
    'recovery-resource-search': RecoveryResourceSearch;
  }
}
