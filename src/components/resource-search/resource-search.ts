import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { Category, Dataset } from '../../core/schema.js';
import { SLICE_MS } from '../../core/slices.js';
import type { SearchResult, SynonymGroup } from '../../core/search.js';
import { RecoverySearchEvent, RecoverySelectEvent } from '../../events.js';
import { RecoveryDatasetElement } from '../../kit/base/dataset-element.js';
import { withPlace } from '../../kit/place/with-place.js';
import { withUrlSync, type UrlSettings } from '../../kit/url/with-url-sync.js';
import { withApi } from '../../kit/api/with-api.js';
import type { Place } from '../../kit/place/place-controller.js';
import { renderHelp } from '../../kit/ui/help.js';
import { define } from '../../kit/base/define.js';
import { DISTANCES, SEARCH_KEYS, activeCount, eventFilters, SEARCH_PREFIX, emptyState, fromValues, parseCategories, toValues, type SearchState } from './url-state.js';
import { shareUrl, type UrlValues } from '../../kit/url/url-state.js';
import { isFarFromDirectory } from '../../core/reach.js';
import { siteZipToUse } from '../../core/zip.js';
import { lazyInFlight, lazySettled } from '../../kit/base/lazy.js';
import { clickedHit, countText, placeholder, renderResults, warnAboutSettings } from './results-view.js';
import { filterView, milesLabel, renderSearchForm, renderControls } from './filters.js';
import { deriveSearch, previewSearch, type Derived } from './search-derive.js';
import { TypingPace } from './typing-pace.js';
import { SearchResults, filtersFor, nearestKm } from './search-result.js';
import { ShownRecord } from './shown-record.js';
import { resourceSearchStyles } from './resource-search.styles.js';
import type { ApiSearchController } from './api-search.js';
import { ApiLink } from './api-link.js';
import type { DataSource } from '../../core/sources/index.js';

/** Results shown at a time when `page-size` is not usable. */
const DEFAULT_PAGE_SIZE = 20;

/** The search's keys in the URL (prefix `rs-`). */
const SEARCH_URL: UrlSettings = { prefix: SEARCH_PREFIX, keys: SEARCH_KEYS };

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
export class RecoveryResourceSearch extends withApi(withUrlSync(withPlace(RecoveryDatasetElement)))<Derived> {
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
  /** More synonym groups, added to the built-in ones (e.g. [["dental", "teeth"]]). */
  @property({ attribute: false }) synonyms: SynonymGroup[] = [];
  /** With `api`: milliseconds of quiet after typing before the words are sent. */
  static apiPauseMs = 350;

  @state() private search: SearchState = emptyState();
  /** What is in the search box (the query follows it after a short pause). */
  @state() private draft = '';
  @state() private shown = 0;
  @state() private filtersOpen = false;

  /** With `api`: asks the directory (api-search.ts, loaded before the first update that needs it). */
  private readonly apiLink = new ApiLink(this, () => ({
    api: this.api,
    ...this.apiOptions,
    perPage: Math.min(100, this.pageStep),
    pauseMs: (this.constructor as typeof RecoveryResourceSearch).apiPauseMs,
  }));
  /** When typing searches and reports (typing-pace.ts). */
  private readonly pace = new TypingPace(this);
  /** The record shown above the list: a shared link's, or one opened here (shown-record.ts). */
  private readonly record = new ShownRecord(this, (id) => this.change({ id }));
  /** The result on screen, worked out before each render (search-result.ts). */
  private readonly results = new SearchResults(this, this.pace, this.apiLink, this.record.view);
  private focusFrom = -1;

  /** The result of the current search over the current index. */
  private get result(): SearchResult | undefined {
    return this.results.current;
  }

  protected override get urlSettings(): UrlSettings {
    return SEARCH_URL;
  }

  protected override onUrlPop(values: UrlValues | undefined): void {
    this.applyState(values ? fromValues(values, this.preset) : emptyState(this.preset));
  }

  protected override get shareZip(): string | undefined {
    return this.search.zip || undefined;
  }

  constructor() {
    super();
    // Clicks (and Enter on a link) inside the shadow root reach the host with their path.
    this.addEventListener('click', (e) => this.onResultClick(e));
  }

  protected override get listName(): string {
    return msg('the list of services');
  }

  protected override derive(dataset: Dataset, signal: AbortSignal): Promise<Derived> {
    return deriveSearch(dataset, this.synonyms, (this.constructor as typeof RecoveryResourceSearch).indexSliceMs, signal);
  }

  /** The first records of a large dataset, searchable while the rest loads (the count says "so far"). */
  protected override derivePreview(dataset: Dataset): Derived {
    return previewSearch(dataset, this.synonyms);
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
      this.record.focusOnShow = !!fromUrl?.id;
    }
    // The site's default place, unless the URL or the person has given one.
    const siteZip = siteZipToUse(this.zip, { changed: !this.hasUpdated || changed.has('zip'), placeHeld: !!this.place.place, zipGiven: !!this.search.zip });
    if (siteZip) {
      this.search = { ...this.search, zip: siteZip };
      void this.place.useZip(siteZip, false);
    }
    this.results.update(this.search, this.store, this.place, this.viaApi);
  }

  /** Loading covers the dataset and its index; error covers both too. */
  private get phase(): 'loading' | 'ready' | 'error' {
    return this.results.phase(this.store, this.viaApi);
  }

  /** The place changed: from a person (an event, a history entry) or from the URL (neither). */
  protected override placeChanged(place: Place | undefined, byPerson: boolean): void {
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
    this.pace.report(how, () => this.updateComplete, (mode) => this.report(mode));
  }

  private report(mode: 'push' | 'replace') {
    this.url.write(toValues(this.search, this.preset), mode);
    const filters = eventFilters(this.search, this.place.place?.source);
    this.dispatchEvent(new RecoverySearchEvent(this.search.query, filters, this.result?.hits.length ?? 0));
  }

  private onInput(e: Event) {
    this.draft = (e.target as HTMLInputElement).value;
    this.pace.typed(() => this.change({ query: this.draft }, 'typing'));
  }

  private onSubmit(e: Event) {
    e.preventDefault();
    this.pace.submitted();
    this.change({ query: this.draft });
    this.viaApi?.flush(this.search, this.place.place);
  }

  private onResultClick(e: Event) {
    const hit = clickedHit(e, this.result);
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
    this.record.focus(this.renderRoot, this.phase !== 'loading');
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
    const text = countText(this.count(this.result.hits.length), isFarFromDirectory(nearestKm(this.store, this.place)) ? '' : this.results.near);
    return (api ? undefined : this.soFarText(text)) ?? text;
  }

  /** How many match: with `api`, every match the directory has (api-search.ts). */
  private count(shown: number): number {
    return this.viaApi?.count(shown, this.search) ?? shown;
  }

  private renderResults() {
    const ds = this.store.dataset;
    if (this.phase === 'loading') return placeholder;
    if (this.store.status === 'error' || !ds || !this.result) return this.renderLoadState();
    return renderResults({
      dataset: ds,
      result: this.result,
      shown: this.shown,
      total: this.count(this.result.hits.length),
      more: Boolean(this.viaApi?.hasMore && this.store.status === 'ready'),
      headingLevel: this.subLevel,
      staleAfterDays: this.staleAfterDays,
      actions: (r) => this.cardActions.actions(r),
      shared: this.record.render(this.search.id, ds, this.level, this.renderRoot),
      urgentHelp: () => renderHelp(this.helpContacts ?? ds.help.contacts, { urgent: true }),
      skipped: this.renderSkipped(),
      empty: () => this.renderEmpty(),
      onMore: () => this.showMore(),
      place: this.results.near ? this.place.place : undefined,
      nearestKm: nearestKm(this.store, this.place),
    });
  }

  private renderEmpty() {
    const view = this.results.emptyView.get();
    if (!view) return html`<p class="notice empty">${msg('Nothing matches this search.')}</p>`;
    return view.renderEmptyView({
      index: this.store.derived?.index,
      search: this.search,
      point: this.place.place?.point,
      nearText: this.place.nearText,
      filters: filtersFor(this.search, this.place.place),
      filtered: activeCount(this.search, Boolean(this.place.place)) > 0, // the place counts too
      contacts: this.helpContacts ?? this.store.help,
      onChange: (patch) => this.change(patch),
      onClearQuery: () => this.clearQuery(),
      onClearFilters: () => this.clearFilters(),
      recordHref: (id) => shareUrl(location.href, this.paramPrefix, id, this.search.zip),
      onOpen: (id) => this.record.open(id),
      place: this.place.place,
      nearestKm: nearestKm(this.store, this.place),
      distances: DISTANCES,
      milesLabel,
    });
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
            ? renderControls(filterView(this.search, this.store.derived?.options, this.result, this.noLocation, this.place, (patch) => this.change(patch), isFarFromDirectory(nearestKm(this.store, this.place))), {
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
