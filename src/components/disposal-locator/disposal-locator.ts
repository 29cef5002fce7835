import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { DISPOSAL_ITEMS, type DisposalItem, type HelpContact, type Resource } from '../../core/schema.js';
import { milesToKm, type LatLon, type NearItem, type ZipTable } from '../../core/geo.js';
import { findZip } from '../../core/zip-lookup.js';
import { sharedJson } from '../../core/load.js';
import {
  DEFAULT_LIMIT,
  DEFAULT_MAX_MILES,
  DisposalIndex,
  MEDICINE_ITEMS,
  fallbackGuidance,
  isBostonZip,
  isRunning,
  nearestZip,
  snapshotDate,
  type EventMatch,
} from '../../core/disposal.js';
import { RecoverySearchEvent, RecoverySelectEvent } from '../../events.js';
import { baseStyles } from '../shared/styles.js';
import { cardStyles, renderCard, STALE_AFTER_DAYS } from '../shared/result-card.js';
import { helpStyles, renderHelp } from '../shared/help.js';
import { DatasetController } from '../shared/dataset-controller.js';
import { GeolocationController } from '../shared/geolocation-controller.js';
import { LocaleController, getLocale } from '../shared/localize.js';
import { define } from '../shared/define.js';
import { ZIP_TABLE_MA_URL, ZIP_TABLE_US_URL } from '../shared/assets.js';
import { itemLabel } from '../shared/labels.js';
import { MapController, mapBaseStyles, type MapPoint } from '../shared/map-base.js';
import { formatCount } from '../shared/format.js';
import { renderGuidance } from './disposal-guidance.js';
import { disposalStyles } from './disposal-locator.styles.js';

type ZipProblem = 'invalid' | 'unknown' | 'table';

/** Where the person said they are. */
interface Place {
  point: LatLon;
  /** The ZIP typed, when they typed one. */
  zip?: string;
  inBoston: boolean;
}

function isItem(v: unknown): v is DisposalItem {
  return typeof v === 'string' && (DISPOSAL_ITEMS as readonly string[]).includes(v);
}

/**
 * Where to safely get rid of medicines and needles, nearest first: a person says what they have
 * and where they are (a ZIP or their location), and sees the places that take it, upcoming
 * take-back events, or what to do when nothing near takes it.
 *
 * @tag recovery-disposal-locator
 * @summary Nearest places to safely dispose of medicines and needles.
 *
 * @slot help - Replaces the help contacts block.
 *
 * @fires recovery-search - {RecoverySearchEvent} After a person's search (ZIP, location or item change).
 * @fires recovery-select - {RecoverySelectEvent} When a person chooses a place.
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
 *
 * @cssprop --recovery-disposal-accent - Colour of the chosen item and the main button (default: the primary colour).
 * @cssprop --recovery-disposal-map-height - Height of the map (default 24rem).
 */
@localized()
export class RecoveryDisposalLocator extends LitElement {
  static override styles = [baseStyles, helpStyles, cardStyles, mapBaseStyles, disposalStyles];

  /** URL of the dataset (default: the bundled Boston / Massachusetts data). */
  @property() src?: string;

  /** The dataset itself, instead of `src`. */
  @property({ attribute: false }) data?: unknown;

  /** What the person wants to get rid of: pills, liquids, patches, inhalers or sharps. */
  @property({ reflect: true }) item: DisposalItem = 'pills';

  /** How many places to list. */
  @property({ type: Number }) limit = DEFAULT_LIMIT;

  /** Only places at most this many miles away. */
  @property({ type: Number, attribute: 'max-distance' }) maxDistance = DEFAULT_MAX_MILES;

  /** Map tile URL template (Leaflet style, {z}/{x}/{y}). */
  @property({ attribute: 'tile-url' }) tileUrl?: string;

  /** Attribution of the map tiles (text). */
  @property() attribution?: string;

  /** Hide the map and show the list only. */
  @property({ type: Boolean, attribute: 'no-map' }) noMap = false;

  /** URL of the Massachusetts ZIP centroid table. */
  @property({ attribute: 'zip-table-url' }) zipTableUrl = ZIP_TABLE_MA_URL;

  /** URL of the whole-US ZIP centroid table. */
  @property({ attribute: 'zip-table-national-url' }) zipTableNationalUrl = ZIP_TABLE_US_URL;

  /** How long to wait for the person's location, in milliseconds. */
  @property({ type: Number, attribute: 'geolocation-timeout' }) geolocationTimeout = 10_000;

  /** Help contacts to show instead of the dataset's (or the built-in ones). */
  @property({ attribute: false }) helpContacts?: HelpContact[];

  /**
   * Age limit in days: a record verified (or, never verified, listed by its source) longer ago
   * than this says its age ("Listed in 2018") instead of its status. Default 730 (two years).
   */
  @property({ type: Number, attribute: 'stale-after-days' }) staleAfterDays = STALE_AFTER_DAYS;

  /** The time used for "open now" and for which events are still to come (default: the current time). */
  @property({ attribute: false }) now?: Date;

  @state() private place?: Place;
  @state() private zipProblem?: ZipProblem;
  @state() private lookingUp = false;
  @state() private selectedId?: string;

  @query('#zip') private zipInput?: HTMLInputElement;

  private readonly store = new DatasetController(
    this,
    () => ({ src: this.src, data: this.data }),
    (loaded) => {
      this.index = new DisposalIndex(loaded.dataset.resources);
      this.indexGeneration++;
    },
  );
  private geo: GeolocationController;
  private geoTimeout: number;
  private index?: DisposalIndex;
  private indexGeneration = 0;
  private results: Array<NearItem<Resource>> = [];
  private resultsKey = '';
  private events: EventMatch[] = [];
  private points: MapPoint[] = [];

  /** The map of the listed places (for tests and inspection). */
  readonly map = new MapController(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.map-frame'),
    options: () => ({
      points: this.points,
      selectedId: this.selectedId,
      tileUrl: this.tileUrl,
      attribution: this.attribution,
    }),
    onSelect: (id) => this.choose(id, 'map'),
  });

  constructor() {
    super();
    new LocaleController(this);
    this.geoTimeout = this.geolocationTimeout;
    this.geo = new GeolocationController(this, this.geoTimeout);
  }

  private get clock(): Date {
    return this.now ?? new Date();
  }

  private get item_(): DisposalItem {
    return isItem(this.item) ? this.item : 'pills';
  }

  private get limit_(): number {
    return Number.isFinite(this.limit) && this.limit > 0 ? Math.floor(this.limit) : DEFAULT_LIMIT;
  }

  private get maxKm(): number {
    return milesToKm(Number.isFinite(this.maxDistance) && this.maxDistance > 0 ? this.maxDistance : DEFAULT_MAX_MILES);
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const index = this.store.status === 'ready' ? this.index : undefined;
    const item = this.item_;
    const p = this.place?.point;
    // Query (and hand the map new points) only when what the list depends on has changed.
    const key = index && p ? `${this.indexGeneration}|${p.latitude},${p.longitude}|${item}|${this.limit_}|${this.maxKm}` : '';
    if (key !== this.resultsKey) {
      this.resultsKey = key;
      this.results = index && p ? index.nearest(p, item, { limit: this.limit_, maxKm: this.maxKm }) : [];
      this.points = this.results.flatMap(({ item: r }) =>
        r.location
          ? [{ id: r.id, latitude: r.location.latitude, longitude: r.location.longitude, label: r.name,
               approximate: r.location.precision !== 'exact', detail: r.address ? [r.address.address_1, r.address.city].filter(Boolean).join(', ') : undefined }]
          : [],
      );
      if (this.selectedId && !this.results.some((x) => x.item.id === this.selectedId)) this.selectedId = undefined;
    }
    this.events = index
      ? index.upcomingEvents(this.clock, {
          item,
          ...(this.place ? { point: this.place.point, maxKm: this.maxKm } : {}),
          limit: this.limit_,
        })
      : [];
  }

  // ---------------------------------------------------------------------------
  // A person's actions
  // ---------------------------------------------------------------------------

  private onItemChange(e: Event) {
    const value = (e.target as HTMLInputElement).value;
    if (!isItem(value)) return;
    this.item = value;
    if (this.place) void this.announceSearch();
  }

  private async onSubmit(e: Event) {
    e.preventDefault();
    const text = this.zipInput?.value ?? '';
    this.lookingUp = true;
    this.zipProblem = undefined;
    try {
      const found = await findZip(text, { local: this.zipTableUrl, national: this.zipTableNationalUrl });
      if (!found.ok) {
        this.zipProblem = found.reason;
        this.place = undefined;
        return;
      }
      this.geo.clear();
      this.place = { point: found.point, zip: found.zip, inBoston: isBostonZip(found.zip) };
      await this.announceSearch();
    } catch {
      this.zipProblem = 'table';
      this.place = undefined;
    } finally {
      this.lookingUp = false;
    }
  }

  private async onLocate() {
    this.zipProblem = undefined;
    if (this.geoTimeout !== this.geolocationTimeout) {
      this.removeController(this.geo);
      this.geoTimeout = this.geolocationTimeout;
      this.geo = new GeolocationController(this, this.geoTimeout);
    }
    const point = await this.geo.request();
    if (!point) {
      this.place = undefined;
      return;
    }
    if (this.zipInput) this.zipInput.value = '';
    this.place = { point, inBoston: await this.inBoston(point) };
    await this.announceSearch();
  }

  /** Is a located person in Boston? The nearest ZIP centroid of the state table tells. */
  private async inBoston(point: LatLon): Promise<boolean> {
    try {
      const table = (await sharedJson(this.zipTableUrl)) as ZipTable;
      return isBostonZip(nearestZip(table, point));
    } catch {
      return false;
    }
  }

  private async announceSearch() {
    await this.updateComplete;
    const place = this.place;
    if (!place) return;
    this.dispatchEvent(
      new RecoverySearchEvent(
        place.zip ?? '',
        { item: this.item_, maxDistance: this.maxKm / 1.609344, location: place.zip ? 'zip' : 'geolocation' },
        this.results.length,
      ),
    );
  }

  /** A person chose a place: in the list ("Show on map") or on the map (a marker). */
  private choose(id: string, from: 'list' | 'map') {
    const found = this.results.find((x) => x.item.id === id);
    if (!found) return;
    this.selectedId = id;
    this.map.select(id);
    if (from === 'map') {
      // Bring the place's card into view and put the keyboard there, so the list follows the map.
      void this.updateComplete.then(() => {
        const card = this.renderRoot.querySelector<HTMLElement>(`li[data-id="${CSS.escape(id)}"] .name`);
        card?.setAttribute('tabindex', '-1');
        card?.focus({ preventScroll: true });
        card?.scrollIntoView({ block: 'nearest', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
      });
    }
    this.dispatchEvent(new RecoverySelectEvent(found.item));
  }

  // ---------------------------------------------------------------------------
  // Rendering
  // ---------------------------------------------------------------------------

  private zipMessage(): string {
    switch (this.zipProblem) {
      case 'invalid':
        return msg('Type a five-digit ZIP code, for example 02118.');
      case 'unknown':
        return msg('We could not find that ZIP code. Check it, or use your location.');
      case 'table':
        return msg('The list of ZIP codes could not be loaded. Try again, or use your location.');
      default:
        return '';
    }
  }

  private statusText(): string {
    if (this.store.status === 'loading') return msg('Loading disposal places…');
    if (this.store.status === 'error') return '';
    if (this.lookingUp) return msg('Looking up the ZIP code…');
    if (this.geo.state === 'locating') return this.geo.message;
    if (!this.place) return '';
    const label = itemLabel(this.item_).toLowerCase();
    const miles = formatCount(Math.round(this.maxKm / 1.609344));
    const n = this.results.length;
    if (n === 0) return msg(str`No place within ${miles} miles says it takes ${label}.`);
    if (n === 1) return msg(str`1 place within ${miles} miles takes ${label}, nearest first.`);
    return msg(str`${formatCount(n)} places within ${miles} miles take ${label}, nearest first.`);
  }

  private renderItems(): TemplateResult {
    return html`<fieldset>
      <legend>${msg('What do you want to get rid of?')}</legend>
      <div class="items">
        ${DISPOSAL_ITEMS.map(
          (i) => html`<label class="item" part="item">
            <input type="radio" name="item" .value=${i} .checked=${this.item_ === i} @change=${this.onItemChange} />
            ${itemLabel(i)}
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private renderWhere(): TemplateResult {
    const zipMsg = this.zipMessage();
    return html`<fieldset>
      <legend>${msg('Where are you?')}</legend>
      <div class="where">
        <div class="zip-field">
          <label for="zip">${msg('ZIP code')}</label>
          <input
            id="zip"
            part="input"
            name="zip"
            inputmode="numeric"
            autocomplete="postal-code"
            maxlength="10"
            aria-invalid=${this.zipProblem ? 'true' : 'false'}
            aria-describedby=${zipMsg ? 'zip-error' : nothing}
          />
        </div>
        <button type="submit" class="primary" ?disabled=${this.lookingUp}>${msg('Find places')}</button>
        <span class="or muted">${msg('or')}</span>
        <button type="button" class="secondary" ?disabled=${this.geo.state === 'locating'} @click=${this.onLocate}>
          ${msg('Use my location')}
        </button>
      </div>
    </fieldset>`;
  }

  private renderSnapshot(): TemplateResult | typeof nothing {
    const places = this.store.status === 'ready' ? this.index?.places : undefined;
    const date = places ? snapshotDate(places, this.clock) : undefined;
    if (!date) return nothing;
    const [y = 1970, m = 1] = date.split('-').map(Number);
    const month = new Intl.DateTimeFormat(getLocale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      Date.UTC(y, m - 1, 15),
    );
    return html`<p class="notice warning snapshot">
      <strong>${msg(str`This list is a snapshot from ${month}: call before you go.`)}</strong>
    </p>`;
  }

  private renderResults(): TemplateResult | typeof nothing {
    const place = this.place;
    if (!place || this.store.status !== 'ready') return nothing;
    const item = this.item_;
    const label = itemLabel(item).toLowerCase();
    const where = place.zip ? msg(str`near ${place.zip}`) : msg('near your location');
    const timeZone = this.store.dataset?.time_zone ?? 'America/New_York';
    const now = this.clock;
    const hasMap = !this.noMap && this.results.length > 0;
    const mapUsable = hasMap && this.map.state !== 'failed';
    const pillsNear =
      item !== 'pills' && MEDICINE_ITEMS.includes(item) && this.results.length === 0
        ? (this.index?.nearest(place.point, 'pills', { limit: 1, maxKm: this.maxKm }).length ?? 0) > 0
        : false;
    return html`<section class="area results-area" aria-labelledby="results-heading">
      <h2 id="results-heading">${msg(str`Places that take ${label} ${where}`)}</h2>
      ${this.results.length
        ? html`<div class="layout ${hasMap ? 'with-map' : ''}">
            <ol class="plain results" part="list">
              ${this.results.map(
                ({ item: r, km }) => html`<li data-id=${r.id} class=${r.id === this.selectedId ? 'selected' : ''}>
                  ${renderCard(r, {
                    now,
                    timeZone,
                    km,
                    headingLevel: 3,
                    noCategories: true,
                    staleAfterDays: this.staleAfterDays,
                    actions:
                      mapUsable && r.location
                        ? html`<button type="button" class="secondary show-on-map" aria-pressed=${r.id === this.selectedId ? 'true' : 'false'}
                            aria-label=${msg(str`Show on map: ${r.name}`)} @click=${() => this.choose(r.id, 'list')}>${msg('Show on map')}</button>`
                        : nothing,
                  })}
                </li>`,
              )}
            </ol>
            ${hasMap ? this.renderMap() : nothing}
          </div>`
        : html`<p class="notice">
              ${msg(str`No place within ${formatCount(Math.round(this.maxKm / 1.609344))} miles in this list says it takes ${label}.`)}
              ${pillsNear ? msg('Some places near you take pills and tablets: call one to ask whether it takes this too.') : nothing}
            </p>
            ${renderGuidance(fallbackGuidance(item, { inBoston: place.inBoston }))}`}
      ${this.results.length && item === 'sharps' && place.inBoston
        ? html`<p class="muted">${msg('Found a needle outside? Report it to BOS:311 (3-1-1 or 617-635-4500).')}</p>`
        : nothing}
    </section>`;
  }

  /** The map of the listed places, through the shared map base (Leaflet loads when it is seen). */
  private renderMap(): TemplateResult {
    const state = this.map.state;
    const approx = this.points.some((p) => p.approximate);
    return html`<div class="map-col" part="map">
      <div class="map map-frame" role="region" aria-label=${msg('Map of the places listed')}>
        ${state === 'loading' ? html`<p class="map-loading">${msg('Loading the map…')}</p>` : nothing}
      </div>
      ${state === 'failed'
        ? html`<p class="notice warning map-failed">${msg('The map could not be shown; the list has every place.')}
            <button type="button" class="secondary" @click=${() => this.map.retry()}>${msg('Try the map again')}</button></p>`
        : html`<p class="map-note muted">
            ${approx ? msg('Dashed markers are placed at the centre of their ZIP code, not at the door.') : nothing}
            ${msg('Markers cannot be reached by keyboard: the list has every place.')}
          </p>`}
    </div>`;
  }

  private renderEvents(): TemplateResult | typeof nothing {
    if (this.store.status !== 'ready' || this.events.length === 0) return nothing;
    const timeZone = this.store.dataset?.time_zone ?? 'America/New_York';
    const now = this.clock;
    return html`<section class="area events" part="events" aria-labelledby="events-heading">
      <h2 id="events-heading">${msg('Upcoming take-back events')}</h2>
      <ol class="plain results">
        ${this.events.map(
          ({ item: r, km }) => html`<li>
            ${isRunning(r, now) ? html`<p class="chip running">${msg('Happening now')}</p>` : nothing}
            ${renderCard(r, { now, timeZone, km, headingLevel: 3, noCategories: true, staleAfterDays: this.staleAfterDays })}
          </li>`,
        )}
      </ol>
    </section>`;
  }

  private renderError(): TemplateResult | typeof nothing {
    const err = this.store.error;
    if (this.store.status !== 'error' || !err) return nothing;
    const words =
      err.kind === 'timeout'
        ? msg('The list of places took too long to load.')
        : err.kind === 'invalid' || err.kind === 'not-json'
          ? msg('The list of places could not be read.')
          : msg('The list of places could not be loaded.');
    return html`<div class="notice error load-error" role="alert">
      <p><strong>${words}</strong> ${msg('Check your connection and try again, or use the contacts above.')}</p>
      <button type="button" @click=${() => this.store.retry()}>${msg('Retry')}</button>
    </div>`;
  }

  override render() {
    const status = this.store.status;
    const skipped = this.store.problems.length && status === 'ready' ? new Set(this.store.problems.map((p) => p.index)).size : 0;
    const alert = this.zipMessage() || (this.geo.failed ? this.geo.message : '');
    return html`<div class="base" part="base">
      <slot name="help">${renderHelp(this.helpContacts ?? this.store.help)}</slot>
      ${this.renderError()}
      ${this.renderSnapshot()}
      <form part="form" @submit=${this.onSubmit} @change=${(e: Event) => e.stopPropagation()}>
        ${this.renderItems()} ${this.renderWhere()}
      </form>
      <div class="alert notice error" role="alert" id="zip-error">${alert}</div>
      <p class="status" role="status">${this.statusText()}</p>
      ${skipped ? html`<p class="muted skipped">${msg(str`${formatCount(skipped)} entries could not be shown.`)}</p>` : nothing}
      ${status === 'loading' ? html`<div class="loading-space" aria-hidden="true"></div>` : nothing}
      ${this.renderResults()} ${this.renderEvents()}
    </div>`;
  }
}

define('recovery-disposal-locator', RecoveryDisposalLocator);

declare global {
  interface HTMLElementTagNameMap {
    'recovery-disposal-locator': RecoveryDisposalLocator;
  }
}
