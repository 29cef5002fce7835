import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { Category, Dataset } from '../../core/schema.js';
import { SLICE_MS, timeBudget } from '../../core/slices.js';
import { DEFAULT_SYNONYMS, SearchIndex, buildSearchIndex, searchIndexLater, isCrisisQuery, loadNearest, loadRanking, nearestLoaded, rankingLoaded, type SearchFilters, type SearchResult, type SynonymGroup } from '../../core/search.js';
import { RecoverySearchEvent, RecoverySelectEvent } from '../../events.js';
import { RecoveryDatasetElement } from '../shared/dataset-element.js';
import { PlaceController, type Place } from '../shared/place-controller.js';
import { Memo } from '../shared/memo.js';
import { renderHelp } from '../shared/help.js';
import { define } from '../shared/define.js';
import { ZIP_TABLE_MA_URL, ZIP_TABLE_US_URL } from '../shared/assets.js';
import { DISTANCES, SEARCH_KEYS, activeCount, eventFilters, searchFilters, SEARCH_PREFIX, emptyState, fromValues, parseCategories, toValues, type SearchState } from './url-state.js';
import { UrlSync, cleanPrefix, shareUrl } from '../shared/url-state.js';
import { isFarFromDirectory } from '../../core/reach.js';
import { CardActions } from '../shared/card-actions.js';
import { LazyModule, LoadGate, lazyInFlight, lazySettled } from '../shared/lazy.js';
import { countText, renderResults, warnAboutSettings } from './results-view.js';
import { filterOptions, filterView, milesLabel, renderSearchForm, renderControls, type FilterOptions, type FilterView } from './filters.js';
import { resourceSearchStyles } from './resource-search.styles.js';
import type { ApiSearchController } from './api-search.js';
import { ApiLink } from './api-link.js';
import type { DataSource } from '../../core/sources/index.js';
import type { TaxonomyMap } from '../../core/sources/hsds-api.js';
import type { UrlAttribute } from '../shared/attribute.js';

/**
 * A search that took longer than this (ms) is not run inside the key press that asks for it:
 * it waits for a turn of the event loop, so key presses that arrive meanwhile go first and
 * only the newest words are searched. A faster one answers within the same frame.
 */
const SLOW_SEARCH_MS = 8;
/** Results shown at a time when `page-size` is not usable. */
const DEFAULT_PAGE_SIZE = 20;
/** The URL and the `recovery-search` event follow typing after this pause (ms). */
const REPORT_DEBOUNCE = 600;

/** The dataset's search index and its filter options. */
interface Derived {
  index: SearchIndex;
  options: FilterOptions;
}

/** Records up to which the words are indexed after the first results are painted, not before. */
const INDEX_AFTER_PAINT_MAX = 1000;

/**
 * A searchable, filterable directory of recovery support: words with typos and synonyms,
 * categories with live counts, language, population, cost, in person / online, open now, and
 * near a ZIP or the person's location.
 *
 * @tag recovery-resource-search
 * @summary Search recovery support: words, filters and a place; results as cards.
 * @title Find recovery support
 * @embed-height 900
 * @fallback <p>Find recovery support: call the Massachusetts Substance Use Helpline, <a href="tel:+18003275050">800-327-5050</a>.</p>
 *
 * @slot help - Replaces the built-in help contacts shown at the top in every state.
 *
 * @fires {RecoverySearchEvent<ResourceSearchFilters>} recovery-search - A person searched: typed (after a pause),
 *   pressed Enter, or changed a filter or the place. With `query`, `filters` (categories, language,
 *   population, free, delivery, openNow, zip, miles, nearMe: never coordinates) and `resultCount`.
 * @fires {RecoverySelectEvent} recovery-select - A person chose a result: followed one of its links
 *   (call, text, directions or website). With the `resource`.
 * @fires {RecoveryShareEvent} recovery-share - A person shared a result (with `sync-url`): with the `url`
 *   (the record's id and the ZIP only), how it went (`method`) and the `resource`.
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
 * @csspart shared - The record a shared link points at, shown above the results.
 *
 * @csspart api-note - With `api`: says that filter counts are for the results shown.
 *
 * @cssprop --recovery-search-accent - Colour of the search button and active filters (default: the primary colour).
 * @cssprop --recovery-search-sidebar-width - Width of the filter column on wide screens (default 18em).
 */
@localized()
export class RecoveryResourceSearch extends RecoveryDatasetElement<Derived> {
  static override styles = resourceSearchStyles;
  /** Milliseconds of index building between two pauses for the page (a large dataset is indexed in slices). */
  static indexSliceMs: number = SLICE_MS;

  /** Preset categories, comma-separated (e.g. "peer-support,recovery-coaching"). */
  @property() category = '';
  /** Hide the filter panel (presets still apply). */
  @property({ type: Boolean, attribute: 'no-filters' }) noFilters = false;
  /** Hide the ZIP / location controls. */
  @property({ type: Boolean, attribute: 'no-location' }) noLocation = false;
  /** How many results to show at a time. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = DEFAULT_PAGE_SIZE;
  /** Keep the query, filters and ZIP in the page URL (shareable; back and forward work), and show a record a shared link points at. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;
  /** Prefix of this element's URL parameters (default "rs"): set it when two searches on one page both have `sync-url`. */
  @property({ attribute: 'url-prefix' }) urlPrefix = '';
  /** More synonym groups, added to the built-in ones (e.g. [["dental", "teeth"]]). */
  @property({ attribute: false }) synonyms: SynonymGroup[] = [];
  /** A default place: a ZIP code whose results are shown nearest first until the person gives their own. */
  @property() zip = '';
  /** URL of the Massachusetts ZIP centroid table (default: the bundled one). */
  @property({ attribute: 'zip-table-url' }) zipTableUrl: UrlAttribute = ZIP_TABLE_MA_URL;
  /** URL of the whole-US ZIP centroid table, fetched only for a ZIP outside Massachusetts (default: the bundled one). */
  @property({ attribute: 'zip-table-national-url' }) zipTableNationalUrl: UrlAttribute = ZIP_TABLE_US_URL;
  /** How long to wait for the person's location, in milliseconds. */
  @property({ type: Number, attribute: 'geolocation-timeout' }) geolocationTimeout = 10_000;
  /** Base URL of an Open Referral HSDS 3.0 API to search instead of a file (asked per search; sends a ZIP code, never coordinates). */
  @property() api: UrlAttribute = '';
  /** With `api`: the directory's taxonomy term ids mapped to categories (`{"term-id": "peer-support"}`), or the URL of a JSON file holding that map. */
  @property({ attribute: 'api-taxonomy' }) apiTaxonomy?: TaxonomyMap | UrlAttribute;
  /** With `api`: milliseconds one request may take before it counts as failed. */
  static apiTimeoutMs = 9_000;
  /** With `api`: milliseconds of quiet after typing before the words are sent. */
  static apiPauseMs = 350;

  @state() private search: SearchState = emptyState();
  /** What is in the search box (the query follows it after a short pause). */
  @state() private draft = '';
  @state() private shown = 0;
  @state() private filtersOpen = false;

  private readonly place = new PlaceController(this, () => this, (place, byPerson) => this.onPlace(place, byPerson));
  private readonly results = new Memo<SearchResult | undefined>();
  /** With `api`: asks the directory (api-search.ts, loaded before the first update that needs it). */
  private readonly apiLink = new ApiLink(this, () => ({
    api: this.api,
    taxonomy: typeof this.apiTaxonomy === 'string' || typeof this.apiTaxonomy === 'object' ? this.apiTaxonomy : undefined,
    perPage: Math.min(100, this.pageStep),
    timeoutMs: (this.constructor as typeof RecoveryResourceSearch).apiTimeoutMs,
    pauseMs: (this.constructor as typeof RecoveryResourceSearch).apiPauseMs,
  }));
  /** The view of an empty search and of a shared link's record: loaded the first time one is shown. */
  private readonly emptyView = new LazyModule(this, () => import('./empty-view.js'), 'the empty-search view');
  private readonly sharedView = new LazyModule(this, () => import('../shared/shared-record.js'), 'the shared record');
  /** The result of the current search over the current index (worked out before each render). */
  private result?: SearchResult | undefined;
  private typeTimer?: ReturnType<typeof setTimeout>;
  /** How long the last search took (decides whether typing answers at once). */
  private lastSearchMs = 0;
  private reportTimer?: ReturnType<typeof setTimeout>;
  private focusFrom = -1;
  /** Put the keyboard on the shared record once it is shown (it came from the URL). */
  private focusShared = false;
  private readonly url = new UrlSync(this, {
    enabled: () => this.syncUrl,
    prefix: () => this.paramPrefix,
    keys: SEARCH_KEYS,
    onPop: (values) => this.applyState(values ? fromValues(values, this.preset) : emptyState(this.preset)),
  });
  private readonly cardActions = new CardActions(this, {
    prefix: () => this.paramPrefix,
    zip: () => this.search.zip || undefined,
    canShare: () => this.syncUrl,
  });

  /** The URL prefix in use. */
  private get paramPrefix(): string {
    return cleanPrefix(this.urlPrefix, SEARCH_PREFIX, 'recovery-resource-search');
  }

  constructor() {
    super();
    // Clicks (and Enter on a link) inside the shadow root reach the host with their path.
    this.addEventListener('click', (e) => this.onResultClick(e));
  }

  protected override get listName(): string {
    return msg('the list of services');
  }

  protected override async derive(dataset: Dataset, signal: AbortSignal): Promise<Derived> {
    const sliceMs = (this.constructor as typeof RecoveryResourceSearch).indexSliceMs;
    const options = { timeZone: dataset.time_zone, synonyms: [...DEFAULT_SYNONYMS, ...this.synonyms] };
    const slicing = { signal, budget: timeBudget(sliceMs) };
    // A small dataset shows its results at once and indexes its words after they are painted
    // (a search by words before then finishes in one short task); a large one first indexes
    // them in slices, with its first records on screen meanwhile.
    const index =
      dataset.resources.length <= INDEX_AFTER_PAINT_MAX
        ? searchIndexLater(dataset.resources, options, new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))), slicing)
        : await buildSearchIndex(dataset.resources, options, slicing);
    return { index, options: filterOptions(dataset.resources) };
  }

  /** The first records of a large dataset, searchable while the rest loads (the count says "so far"). */
  protected override derivePreview(dataset: Dataset): Derived {
    const index = new SearchIndex(dataset.resources, { timeZone: dataset.time_zone, synonyms: [...DEFAULT_SYNONYMS, ...this.synonyms] });
    return { index, options: filterOptions(dataset.resources) };
  }

  protected override deriveKey(): unknown {
    return this.synonyms;
  }

  protected override dataSource(): DataSource {
    return this.api ? this.apiLink.source() : super.dataSource();
  }

  /** The API search, when `api` is set and its code has come. */
  private get viaApi(): ApiSearchController | undefined {
    return this.apiLink.active;
  }

  /** With `api`, the first update waits for the API search's code. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const wait = this.apiLink.beforeUpdate();
    return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** Also waits for the parts of the view still loading (lazy.ts), and their render. */
  protected override getUpdateComplete(): Promise<boolean> {
    return super.getUpdateComplete().then((done) => (lazyInFlight(this) ? lazySettled(this).then(() => done) : done));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.typeTimer);
    clearTimeout(this.reportTimer);
  }

  private get preset(): Category[] {
    return parseCategories(this.category);
  }

  /** `page-size`, or 20 when it is not a whole number above 0. */
  private get pageStep(): number {
    return Number.isInteger(this.pageSize) && this.pageSize > 0 ? this.pageSize : DEFAULT_PAGE_SIZE;
  }

  protected override willUpdate(changed: PropertyValues): void {
    warnAboutSettings(changed, this.pageSize, this.pageStep, this.category, this.preset);
    // A new page size (a configurator's live preview, a site's script) applies at once.
    if (this.hasUpdated && changed.has('pageSize')) this.shown = this.pageStep;
    if (!this.hasUpdated || changed.has('category')) {
      const values = this.hasUpdated ? undefined : this.url.read();
      const fromUrl = values ? fromValues(values, this.preset) : undefined;
      this.applyState(fromUrl ?? { ...this.search, categories: this.preset });
      this.focusShared = !!fromUrl?.id;
    }
    // The site's default place, unless the URL or the person has given one.
    if ((!this.hasUpdated || changed.has('zip')) && this.zip && !this.search.zip && !this.place.place) {
      this.search = { ...this.search, zip: this.zip };
      void this.place.useZip(this.zip, false);
    }
    const index = this.store.derived?.index;
    const point = this.place.place?.point;
    const api = this.viaApi;
    api?.follow(this.search, this.place.place);
    // A query is ranked with fuse.js, and a place searched with a nearest-first index: each is
    // loaded the first time it is needed. Until it has loaded (or failed to: the word-score
    // order then stands, or the place search says it could not run) the last result stays on
    // screen, so the order never jumps after it is shown.
    if (this.search.query.trim() && this.gate.waiting('ranking', loadRanking, rankingLoaded)) return;
    if (point && this.gate.waiting('nearest', loadNearest, nearestLoaded)) return;
    // A shared link's record is shown with its view (loaded for it).
    if (this.search.id && this.gate.waiting('shared', () => this.sharedView.load(), () => this.sharedView.loaded)) return;
    // If the index could not be loaded (the network dropped), the list stays unsorted by place.
    if (point && !nearestLoaded()) console.warn('recovery-finder: the nearest-first index could not be loaded; results are not sorted by distance.');
    this.result = this.results.get([index, this.search, point, rankingLoaded(), nearestLoaded()], () => {
      if (!index) return undefined;
      const started = performance.now();
      // With `api` the directory matched the words; the rest of the filters apply here.
      const result = index.search(api ? '' : this.search.query, this.filters(), new Date());
      this.lastSearchMs = performance.now() - started;
      return api ? api.adapt(result, this.store.dataset, isCrisisQuery(this.search.query), Boolean(point)) : result;
    });
    // "No results" comes with its view (ways to widen the search): the last list stays until it has loaded.
    if (this.result?.hits.length === 0 && this.gate.waiting('empty', () => this.emptyView.load(), () => this.emptyView.loaded)) {
      this.result = this.shownResult;
      return;
    }
    this.shownResult = this.result;
    if (api) this.result = this.apiLink.keep(this.result, this.store.status === 'loading');
    // The status describes the list on screen, so it follows the place only with the list.
    this.resultNear = this.place.place ? this.place.nearText : '';
  }

  private readonly gate = new LoadGate(this);
  /** The result on screen (kept while the view of the next one loads). */
  private shownResult?: SearchResult | undefined;
  /** "near …" for the place the result on screen was found for ('' when none). */
  private resultNear = '';

  /** Loading covers the dataset and its index; error covers both too. */
  private get phase(): 'loading' | 'ready' | 'error' {
    if (this.store.status === 'error') return 'error';
    return (this.store.status === 'ready' || this.store.preview || this.viaApi) && this.result ? 'ready' : 'loading';
  }

  private filters(): SearchFilters {
    return searchFilters(this.search, nearestLoaded() ? this.place.place?.point : undefined);
  }

  /** The place changed: from a person (an event, a history entry) or from the URL (neither). */
  private onPlace(place: Place | undefined, byPerson: boolean) {
    const zip = place?.source === 'zip' ? (place.zip ?? '') : '';
    if (byPerson) this.change({ zip });
    else this.search = { ...this.search, zip };
  }

  /** Take a whole state (from the URL or a preset): no event, no history entry. */
  private applyState(next: SearchState) {
    this.search = next;
    this.draft = next.query;
    this.shown = this.pageStep;
    if (next.zip) void this.place.useZip(next.zip, false);
    else if (this.place.place?.source === 'zip') this.place.clear(false);
  }

  /** A person changed something: new results now; URL and event now or after a pause. */
  private change(patch: Partial<SearchState>, how: 'typing' | 'now' = 'now') {
    // A person's own change moves on from a shared link's record.
    this.search = { ...this.search, id: '', ...patch };
    this.shown = this.pageStep;
    clearTimeout(this.reportTimer);
    if (how === 'typing') {
      this.reportTimer = setTimeout(() => this.report('replace'), REPORT_DEBOUNCE);
    } else {
      void this.updateComplete.then(() => this.report('push'));
    }
  }

  private report(mode: 'push' | 'replace') {
    this.url.write(toValues(this.search, this.preset), mode);
    const filters = eventFilters(this.search, this.place.place?.source);
    this.dispatchEvent(new RecoverySearchEvent(this.search.query, filters, this.result?.hits.length ?? 0));
  }

  private onInput(e: Event) {
    this.draft = (e.target as HTMLInputElement).value;
    clearTimeout(this.typeTimer);
    if (this.lastSearchMs < SLOW_SEARCH_MS) this.change({ query: this.draft }, 'typing');
    else this.typeTimer = setTimeout(() => this.change({ query: this.draft }, 'typing'), 0);
  }

  private onSubmit(e: Event) {
    e.preventDefault();
    clearTimeout(this.typeTimer);
    this.change({ query: this.draft });
    this.viaApi?.flush(this.search, this.place.place);
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
    this.shown += this.pageStep;
    // With `api`: the next page comes from the directory.
    if ((this.result?.hits.length ?? 0) < this.shown) this.viaApi?.more();
  }

  protected override updated(): void {
    // Focus the shared record once it is drawn (its view may still be loading).
    const shared = this.focusShared && this.phase !== 'loading' ? this.renderRoot.querySelector<HTMLElement>('.shared-record') : null;
    if (shared) {
      this.focusShared = false;
      shared.focus();
    }
    if (this.focusFrom >= 0) {
      const item = this.renderRoot.querySelector<HTMLElement>(`li[data-index="${this.focusFrom}"]`);
      item?.focus();
      // With `api` the next page may still be on its way: focus it when it comes.
      if (item || !this.viaApi || this.store.status !== 'loading') this.focusFrom = -1;
    }
  }

  private statusText(): string {
    if (this.phase === 'loading') return msg('Loading services…');
    if (this.phase === 'error' || !this.result) return msg('Services could not be loaded.');
    const api = this.viaApi;
    if (api && this.store.status === 'loading') return msg('Searching…');
    // Far from every place of the directory, the list is not "near" the place (the notice says so).
    const text = countText(this.count(this.result.hits.length), isFarFromDirectory(this.nearestKm()) ? '' : this.resultNear);
    return (api ? undefined : this.soFarText(text)) ?? text;
  }

  /** How many match: with `api`, every match the directory has (api-search.ts). */
  private count(shown: number): number {
    return this.viaApi?.count(shown, this.search) ?? shown;
  }

  /** Filters in use, the place (ZIP or location) counted too. */
  private activeFilters(): number {
    return activeCount(this.search, Boolean(this.place.place));
  }

  /** Filters in use inside the folded panel: the place stands outside it and is not counted. */
  private panelFilters(): number {
    return activeCount(this.search, false);
  }

  private filterView(): FilterView {
    return filterView(this.search, this.store.derived?.options, this.result, this.noLocation, this.place, (patch) => this.change(patch), isFarFromDirectory(this.nearestKm()));
  }

  private renderResults() {
    const ds = this.store.dataset;
    if (this.phase === 'loading') {
      return html`<div class="placeholder" aria-hidden="true"><div></div><div></div><div></div></div>`;
    }
    if (this.store.status === 'error' || !ds || !this.result) return this.renderLoadState();
    const id = this.search.id;
    const shared = id ? this.sharedView.get() : undefined;
    return renderResults({
      dataset: ds,
      result: this.result,
      shown: this.shown,
      total: this.count(this.result.hits.length),
      more: Boolean(this.viaApi?.hasMore && this.store.status === 'ready'),
      headingLevel: this.subLevel,
      staleAfterDays: this.staleAfterDays,
      actions: (r) => this.cardActions.actions(r),
      shared: shared && ((card) => shared.renderSharedRecord({
        id, level: this.level, record: ds.resources.find((r) => r.id === id), card, onClose: () => this.closeShared(),
        heading: id === this.chosenId ? msg('The place you chose') : undefined,
      })),
      urgentHelp: () => renderHelp(this.helpContacts ?? ds.help.contacts, { urgent: true }),
      skipped: this.renderSkipped(),
      empty: () => this.renderEmpty(),
      onMore: () => this.showMore(),
      place: this.resultNear ? this.place.place : undefined,
      nearestKm: this.nearestKm(),
    });
  }

  private renderEmpty() {
    const view = this.emptyView.get();
    if (!view) return html`<p class="notice empty">${msg('Nothing matches this search.')}</p>`;
    return view.renderEmptyView({
      index: this.store.derived?.index,
      search: this.search,
      point: this.place.place?.point,
      nearText: this.place.nearText,
      filters: this.filters(),
      filtered: this.activeFilters() > 0,
      contacts: this.helpContacts ?? this.store.help,
      onChange: (patch) => this.change(patch),
      onClearQuery: () => this.clearQuery(),
      onClearFilters: () => this.clearFilters(),
      recordHref: (id) => shareUrl(location.href, this.paramPrefix, id, this.search.zip),
      onOpen: (id) => this.openRecord(id),
      place: this.place.place,
      nearestKm: this.nearestKm(),
      distances: DISTANCES,
      milesLabel,
    });
  }

  /** How far the nearest place of the directory is from the person's place, in km (undefined with none). */
  private nearestKm(): number | undefined {
    const point = this.place.place?.point;
    return point ? this.store.derived?.index.nearestKm(point) : undefined;
  }

  /** Show one record as a shared link does (its card above the list), and move the keyboard to it. */
  private openRecord(id: string) {
    this.change({ id });
    this.chosenId = id;
    this.focusShared = true;
  }

  /** The record opened from "Nearest support of other kinds" (it was chosen here, not shared). */
  private chosenId = '';

  /** Close the shared record: the keyboard goes to the search box. */
  private closeShared() {
    this.chosenId = '';
    this.change({ id: '' });
    this.renderRoot.querySelector<HTMLInputElement>('#q')?.focus();
  }

  private clearQuery() {
    this.draft = '';
    this.change({ query: '' });
  }

  private clearFilters() {
    this.place.clear(false);
    this.change({ ...emptyState(), query: this.search.query });
  }

  /** The panel's "Clear all filters": the place, outside the panel, stays. */
  private clearPanelFilters() {
    const { query, zip, miles } = this.search;
    this.change({ ...emptyState(), query, zip, miles });
  }

  override render() {
    const hasControls = !this.noFilters || !this.noLocation;
    return html`
      <div class="base" part="base">
        ${this.locale.renderPicker()}
        ${this.renderHelpSlot({ compact: true })}
        ${renderSearchForm(this.landmarkLabel(msg('Search for support')), this.draft, (e) => this.onInput(e), (e) => this.onSubmit(e))}
        <div class="layout ${hasControls ? 'with-filters' : ''}">
          ${hasControls
            ? renderControls(this.filterView(), {
                active: this.panelFilters(),
                open: this.filtersOpen,
                showFilters: this.phase === 'ready' && !this.noFilters,
                noFilters: this.noFilters,
                onToggle: () => (this.filtersOpen = !this.filtersOpen),
                onKey: (e) => this.onFiltersKey(e),
                onClear: () => this.clearPanelFilters(),
              })
            : nothing}
          <div class="main">
            <p class="status" role="status" part="status">${this.statusText()}</p>
            ${this.cardActions.renderStatus()}
            ${this.viaApi && this.phase === 'ready' ? this.viaApi.renderNote() : nothing}
            ${this.phase === 'loading' ? this.renderLoadState() : this.renderUnfinished()}
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
