import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Dataset, DisposalItem, Resource } from '../../core/schema.js';
import { milesToKm } from '../../core/geo.js';
import type { NearItem } from '../../core/nearest.js';
import { DEFAULT_LIMIT, DEFAULT_MAX_MILES, DisposalIndex, type EventMatch } from '../../core/disposal.js';
import { RecoverySelectEvent } from '../../events.js';
import { renderCard } from '../../kit/card/result-card.js';
import { idParam, type UrlValues } from '../../kit/url/url-state.js';
import { renderSharedRecord } from '../../kit/card/shared-record.js';
import { RecoveryDatasetElement } from '../../kit/base/dataset-element.js';
import { withPlace } from '../../kit/place/with-place.js';
import { withUrlSync, type UrlSettings } from '../../kit/url/with-url-sync.js';
import { withApi } from '../../kit/api/with-api.js';
import { withMap } from '../../kit/map/with-map.js';
import type { Place } from '../../kit/place/place-controller.js';
import { renderPlaceProblem } from '../../kit/place/place-fields.js';
import { Memo } from '../../kit/base/memo.js';
import { define } from '../../kit/base/define.js';
import { mapElementStyles } from '../../kit/map/map-styles.js';
import { resourcePoints } from '../../kit/map/map-view.js';
import type { MapPoint, MapViewOptions } from '../../kit/map/map-types.js';
import type { HsdsQuery } from '../../core/sources/hsds-query.js';
import { NEAREST_ZIP_MAX_KM } from '../../core/zip-lookup.js';
import { siteZipToUse } from '../../core/zip.js';
import { formatCount } from '../../kit/ui/format.js';
import { isItem, mapBeside, placesCountText, searchEvent, renderEvents, renderItems, renderPlaces, renderPlacesMap, renderSnapshot, renderWhere, type CardOf } from './places-view.js';
import { disposalLocatorStyles } from './disposal-locator.styles.js';

/** The locator's keys in the URL (prefix `dl-`): the item, the ZIP and the chosen place. */
const DISPOSAL_URL: UrlSettings = { prefix: 'dl', keys: ['item', 'zip', 'id'] };

/** With `api`: the most places asked for near a ZIP (5 pages of 100, nearest first). */
const API_PAGES = 5;

/**
 * Where to safely get rid of medicines and needles, nearest first: a person says what they have
 * and where they are (a ZIP or their location), and sees the places that take it, upcoming
 * take-back events, or what to do when nothing near takes it. Of two places about equally near
 * (less than 1 km apart in distance), the one whose record is dated more recently is listed first
 * (an undated record is the oldest). With
 * `api`, the places near the person's ZIP come from an Open Referral HSDS 3.0 API (a location is
 * sent as its nearest ZIP, never as coordinates).
 *
 * @tag recovery-disposal-locator
 * @summary Nearest places to safely dispose of medicines and needles.
 * @title Where to get rid of unused medicines
 * @embed-height 700
 * @fallback <p>Get rid of medicines and needles safely. Found a needle outside in Boston? Call BOS:311, <a href="tel:311">3-1-1</a>.</p>
 *
 * @slot help - Replaces the help contacts block.
 *
 * @fires {RecoverySearchEvent<DisposalSearchFilters>} recovery-search - After a person's search (ZIP, location or item change).
 * @fires {RecoverySelectEvent} recovery-select - When a person chooses a place.
 * @fires {RecoveryShareEvent} recovery-share - When a person shares a place or event (with `sync-url`): the `url` carries its id and the ZIP only.
 *
 * @csspart base - The wrapper of everything.
 * @csspart help - The help contacts block.
 * @csspart form - The item and location form.
 * @csspart item - Each item choice.
 * @csspart input - The ZIP code input.
 * @csspart list - The list of places.
 * @csspart result - Each place's card.
 * @csspart map - The map.
 * @csspart events - The upcoming events section.
 * @csspart guidance - Each block of fallback guidance.
 * @csspart verify-warning - A card's line saying it may be out of date, old, closed or moved.
 * @csspart confidence - A card's one line saying how sure we are.
 * @csspart provenance - A card's "Where this comes from" disclosure (source, date, notes).
 * @csspart shared - The place a shared link points at, when it is not in the list below.
 * @csspart print - The "Print this list" button.
 *
 * @cssprop --recovery-disposal-accent - Colour of the chosen item and the main button (default: the primary colour).
 * @cssprop --recovery-disposal-map-height - Height of the map (default 24em).
 */
@localized()
export class RecoveryDisposalLocator extends withMap(withApi(withUrlSync(withPlace(RecoveryDatasetElement))))<DisposalIndex> {
  static override styles = [...mapElementStyles, disposalLocatorStyles];

  /** What the person wants to get rid of: pills, liquids, patches, inhalers or sharps. */
  @property({ reflect: true }) item: DisposalItem = 'pills';

  /** How many places to list. */
  @property({ type: Number }) limit = DEFAULT_LIMIT;

  /** Only places at most this many miles away. */
  @property({ type: Number, attribute: 'max-distance' }) maxDistance = DEFAULT_MAX_MILES;

  /** Hide the map and show the list only. */
  @property({ type: Boolean, attribute: 'no-map' }) noMap = false;

  /** The time used for "open now" and for which events are still to come (default: the current time). */
  @property({ attribute: false }) now?: Date;

  @state() private selectedId?: string | undefined;
  /** The place a shared link points at, shown on its own until it is in the list ('' for none). */
  @state() private sharedId = '';
  /** Put the keyboard on the link's place once it is shown. */
  private focusShared = false;
  /** The item the site set, for a URL that names none. */
  private siteItem: DisposalItem = 'pills';

  /** A search to announce once its results are shown. */
  private announce = false;

  private results: Array<NearItem<Resource>> = [];
  private readonly resultsMemo = new Memo<Array<NearItem<Resource>>>();
  private events: EventMatch[] = [];
  private points: MapPoint[] = [];
  private readonly pointsMemo = new Memo<MapPoint[]>();

  protected override get urlSettings(): UrlSettings {
    return DISPOSAL_URL;
  }

  protected override mapView(): Omit<MapViewOptions, 'tileUrl' | 'attribution'> {
    return { points: this.points, selectedId: this.selectedId };
  }

  protected override mapSelected(id: string): void {
    this.choose(id, 'map');
  }

  protected override placeChanged(place: Place | undefined, byPerson: boolean): void {
    super.placeChanged(place, byPerson);
    if (byPerson) {
      this.sharedId = '';
      this.writeUrl();
    }
    if (place && byPerson) this.announce = true;
  }

  /**
   * With `api`: the places near the person's ZIP (`/service_at_locations` with `postcode` and
   * `proximity`), nearest first; nothing is asked before a place is given. For a location, the
   * nearest ZIP is sent (never the coordinates), and the distance reaches as far again as that
   * ZIP's centre can be from the person, so no place within reach of them is left out.
   */
  protected override apiQuery(): HsdsQuery | undefined {
    const place = this.place.place;
    if (!place?.zip) return undefined;
    const km = this.maxKm + (place.source === 'location' ? NEAREST_ZIP_MAX_KM : 0);
    return { search: '', categories: ['disposal'], zip: place.zip, proximity: Math.round(km * 1000), pages: API_PAGES, perPage: 100 };
  }

  protected override get listName(): string {
    return msg('the list of places');
  }

  protected override derive(dataset: Dataset): DisposalIndex {
    return new DisposalIndex(dataset.resources);
  }

  /** Take the state in the URL: at start, and on back and forward. No event, no new entry. */
  protected override applyUrl(v: UrlValues): void {
    const item = v['item'];
    this.item = isItem(item) ? item : this.siteItem;
    this.applyUrlZip(v);
    const id = idParam(v['id']);
    this.selectedId = id || undefined;
    this.sharedId = id;
  }

  protected override urlValues(): UrlValues {
    const v: UrlValues = {};
    if (this.itemShown !== this.siteItem) v['item'] = this.itemShown;
    const id = this.selectedId ?? this.sharedId;
    if (id) v['id'] = id;
    return v;
  }

  private get clock(): Date {
    return this.now ?? new Date();
  }

  /** The item, or pills when the attribute names none we know. */
  private get itemShown(): DisposalItem {
    return isItem(this.item) ? this.item : 'pills';
  }

  private get limitShown(): number {
    return Number.isFinite(this.limit) && this.limit > 0 ? Math.floor(this.limit) : DEFAULT_LIMIT;
  }

  private get maxKm(): number {
    return milesToKm(Number.isFinite(this.maxDistance) && this.maxDistance > 0 ? this.maxDistance : DEFAULT_MAX_MILES);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const siteZip = siteZipToUse(this.zip, { changed: changed.has('zip'), placeHeld: !!this.place.place });
    if (siteZip) void this.place.useZip(siteZip, false);
    for (const [name, ok] of [['item', isItem(this.item)], ['limit', this.limitShown === this.limit], ['maxDistance', this.maxKm === milesToKm(this.maxDistance)]] as const) {
      if (changed.has(name) && !ok) {
        const attribute = name === 'maxDistance' ? 'max-distance' : name;
        console.warn(`recovery-disposal-locator: ${attribute}="${String(this[name])}" cannot be used; using the default.`);
      }
    }
    if (!this.hasUpdated) {
      this.siteItem = this.itemShown;
      const values = this.url.read();
      if (values) {
        this.applyUrl(values);
        this.focusShared = !!this.sharedId;
      }
    }
    const index = this.store.derived;
    const item = this.itemShown;
    const point = this.place.place?.point;
    this.results = this.resultsMemo.get([index, point, item, this.limitShown, this.maxKm], () =>
      index && point ? index.nearest(point, item, { limit: this.limitShown, maxKm: this.maxKm }) : [],
    );
    this.points = this.pointsMemo.get([this.results], () => resourcePoints(this.results.map((x) => x.item)));
    const settled = !!index && !this.place.busy;
    if (this.sharedId && settled && this.results.some((x) => x.item.id === this.sharedId)) {
      // The link's place is in the list: chosen there, not shown twice.
      this.selectedId = this.sharedId;
      this.sharedId = '';
    }
    if (settled && this.selectedId && !this.results.some((x) => x.item.id === this.selectedId)) this.selectedId = undefined;
    this.events = index
      ? index.upcomingEvents(this.clock, {
          item,
          ...(point ? { point, maxKm: this.maxKm } : {}),
          limit: this.limitShown,
        })
      : [];
  }

  protected override updated(): void {
    if (this.announce && this.place.place && !this.place.busy && this.store.status !== 'loading') {
      // The search is announced with its results (with `api`, once the directory answered).
      this.announce = false;
      this.announceSearch();
    }
    if (!this.focusShared || !this.store.derived || this.place.busy) return;
    this.focusShared = false;
    // Into the middle of the screen, as the search shows a shared record: "nearest" left it
    // at the bottom edge of a phone's screen, its details below the fold.
    const card = this.selectedId ? this.focusCard(this.selectedId, { block: 'center' }) : null;
    if (!card) this.renderRoot.querySelector<HTMLElement>('.shared-record')?.focus();
  }

  /** Put the keyboard on a place's card in the list (its name) and scroll it into view. */
  private focusCard(id: string, scroll: ScrollIntoViewOptions): HTMLElement | null {
    const card = this.renderRoot.querySelector<HTMLElement>(`li[data-id="${CSS.escape(id)}"] .name`);
    card?.setAttribute('tabindex', '-1');
    card?.focus({ preventScroll: true });
    card?.scrollIntoView(scroll);
    return card;
  }

  // ---------------------------------------------------------------------------
  // A person's actions
  // ---------------------------------------------------------------------------

  private onItemChange(e: Event) {
    const value = (e.target as HTMLInputElement).value;
    if (!isItem(value)) return;
    this.item = value;
    this.sharedId = '';
    this.writeUrl();
    if (this.place.place) this.announce = true;
  }

  private onSubmit(e: Event) {
    e.preventDefault();
    void this.place.useZip(this.renderRoot.querySelector<HTMLInputElement>('#zip')?.value ?? '');
  }

  private announceSearch() {
    const place = this.place.place;
    if (place) this.dispatchEvent(searchEvent(place, this.itemShown, this.maxKm, this.results.length));
  }

  /** A person chose a place: in the list ("Show on map") or on the map (a marker). */
  private choose(id: string, from: 'list' | 'map') {
    const found = this.results.find((x) => x.item.id === id);
    if (!found) return;
    this.selectedId = id;
    this.sharedId = '';
    this.map.select(id);
    this.writeUrl();
    const behavior = matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
    if (from === 'map') {
      // Bring the place's card into view and put the keyboard there, so the list follows the map.
      void this.updateComplete.then(() => this.focusCard(id, { block: 'nearest', behavior }));
    } else if (!mapBeside(this.renderRoot)) {
      // On a phone the map is below the list: bring it into view (the keyboard stays on the button).
      this.renderRoot.querySelector('.map-frame')?.scrollIntoView({ block: 'nearest', behavior });
    }
    this.dispatchEvent(new RecoverySelectEvent(found.item));
  }

  // ---------------------------------------------------------------------------
  // Rendering
  // ---------------------------------------------------------------------------

  private statusText(): string {
    if (this.store.status === 'loading') return msg('Loading disposal places…');
    if (this.store.status === 'error') return '';
    if (this.place.progress) return this.place.progress;
    if (!this.place.place || (this.api && !this.place.place.zip)) return '';
    return placesCountText(this.itemShown, this.maxKm, this.results.length);
  }

  private renderResults(): TemplateResult | typeof nothing {
    const place = this.place.place;
    const index = this.store.derived;
    if (this.api && place && !place.zip) {
      // A directory is asked by ZIP only, and no ZIP centre is near enough to this location.
      return html`<p class="notice no-zip" role="alert">${msg('We could not match your location to a ZIP code. Type your ZIP code instead.')}</p>`;
    }
    if (!place || !index || this.store.status !== 'ready') return nothing;
    const hasMap = !this.noMap && this.results.length > 0;
    return renderPlaces({
      place,
      index,
      results: this.results,
      item: this.itemShown,
      maxKm: this.maxKm,
      where: this.place.nearText,
      level: this.level,
      subLevel: this.subLevel,
      selectedId: this.selectedId,
      hasMap,
      mapUsable: hasMap && this.map.state !== 'failed',
      card: this.cardOf(this.clock),
      onShowOnMap: (id) => this.choose(id, 'list'),
      renderMap: () => this.renderMap(),
    });
  }

  /** A card of the lists: the place's or event's own actions, then "Share" and "Add to my list". */
  private cardOf(now: Date): CardOf {
    const timeZone = this.store.dataset?.time_zone ?? 'America/New_York';
    const { subLevel: headingLevel, staleAfterDays } = this;
    const feedback = this.store.dataset?.feedback;
    const fromZip = this.place.place?.zip;
    return (r, km, extra) =>
      renderCard(r, { now, timeZone, km, headingLevel, noCategories: true, staleAfterDays, feedback, fromZip, actions: html`${extra}${this.cardActions.actions(r)}` });
  }

  /** The map of the listed places (Leaflet loads when it is about to be seen). */
  private renderMap(): TemplateResult {
    const n = this.points.length;
    const label = this.landmarkLabel(n === 1 ? msg('Map of the 1 place listed') : msg(str`Map of the ${formatCount(n)} places listed`));
    return renderPlacesMap(this.map, this.points, label, this.renderMapExtras());
  }

  /** The place a shared link points at, while it is not in the list. */
  private renderShared(): TemplateResult | typeof nothing {
    const ds = this.store.dataset;
    if (!this.sharedId || !ds || this.store.status !== 'ready' || this.place.busy) return nothing;
    const timeZone = ds.time_zone;
    return renderSharedRecord({
      id: this.sharedId,
      level: this.level,
      record: ds.resources.find((r) => r.id === this.sharedId),
      card: (r) => renderCard(r, { now: this.clock, timeZone, headingLevel: this.subLevel, noCategories: true, staleAfterDays: this.staleAfterDays, actions: this.cardActions.actions(r) }),
      onClose: () => {
        this.sharedId = '';
        this.selectedId = undefined;
        this.writeUrl();
        this.renderRoot.querySelector<HTMLInputElement>('#zip')?.focus();
      },
    });
  }

  override render() {
    return html`<div class="base" part="base">
      ${this.locale.renderPicker()}
      ${this.renderHelpSlot()}
      ${this.renderLoadState()}
      ${renderSnapshot(this.store.status === 'ready' ? this.store.derived?.places : undefined, this.clock)}
      <form part="form" @submit=${this.onSubmit} @change=${(e: Event) => e.stopPropagation()}>
        ${renderItems(this.itemShown, (e) => this.onItemChange(e))} ${renderWhere(this.place, this.urlZip)}
      </form>
      ${renderPlaceProblem(this.place)}
      <p class="status" role="status">${this.statusText()}</p>
      ${this.cardActions.renderStatus()}
      ${this.renderSkipped()}
      ${this.store.status === 'loading' ? html`<div class="loading-space" aria-hidden="true"></div>` : nothing}
      ${this.renderShared()} ${this.renderResults()}
      ${this.store.status === 'ready'
        ? renderEvents(this.events, { now: this.clock, timeZone: this.store.dataset?.time_zone ?? 'America/New_York', level: this.level, card: this.cardOf(this.clock) })
        : nothing}
    </div>`;
  }
}

define('recovery-disposal-locator', RecoveryDisposalLocator);

declare global {
  interface HTMLElementTagNameMap {
    'recovery-disposal-locator': RecoveryDisposalLocator;
  }
}
