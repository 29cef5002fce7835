import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Category, HelpContact, Resource } from '../../core/schema.js';
import type { LatLon } from '../../core/geo.js';
import type { DatasetLoadError } from '../../core/load.js';
import { findZip, type ZipTableUrls } from '../../core/zip-lookup.js';
import { RecoverySelectEvent } from '../../events.js';
import { baseStyles } from '../shared/styles.js';
import { cardStyles, STALE_AFTER_DAYS } from '../shared/result-card.js';
import { helpStyles, renderHelp } from '../shared/help.js';
import { DatasetController } from '../shared/dataset-controller.js';
import { GeolocationController } from '../shared/geolocation-controller.js';
import { LocaleController } from '../shared/localize.js';
import { define } from '../shared/define.js';
import { ZIP_TABLE_MA_URL, ZIP_TABLE_US_URL } from '../shared/assets.js';
import { categoryLabel } from '../shared/labels.js';
import { formatCount } from '../shared/format.js';
import { MapController, OSM_ATTRIBUTION, OSM_TILE_URL, mapBaseStyles, type MapPoint } from '../shared/map-base.js';
import { mapPoints, matchRegion, offeringsOf, parseCenter, prscRecords, regionsOf, shownCentres, type ShownCentre } from './prsc-list.js';
import { renderCentre } from './prsc-card.js';
import { prscMapStyles } from './prsc-map.styles.js';

/**
 * Every Massachusetts Peer Recovery Support Center of the dataset, in a list and on a map. The
 * list is the accessible way through (the map's markers cannot take focus); on a narrow screen
 * it comes first and the map is behind a "Show map" button. Leaflet loads only when the map is
 * about to be seen; when the map cannot start, the element says so and the list still works.
 *
 * @tag recovery-prsc-map
 * @summary Peer Recovery Support Centers on a map and in a list, with region, offering and nearest-first filters.
 *
 * @slot help - Replaces the help contacts block.
 *
 * @fires recovery-select - {RecoverySelectEvent} When a person chooses a centre, in the list or on the map.
 *
 * @csspart base - The wrapper of everything.
 * @csspart help - The help contacts block.
 * @csspart controls - The filters and the nearest-first form.
 * @csspart input - The ZIP code input.
 * @csspart list - The list of centres.
 * @csspart result - A chosen centre's full card.
 * @csspart choose - Each centre's "Details and map" button.
 * @csspart map - The map panel (map, its note and any notice).
 * @csspart map-toggle - The "Show map" button on narrow screens.
 * @csspart verify-warning - A card's "may be out of date" warning.
 *
 * @cssprop --recovery-map-height - Height of the map (default 32rem; 22rem on narrow screens).
 * @cssprop --recovery-map-marker-color - Colour of the markers and clusters (default: the primary colour).
 * @cssprop --recovery-map-marker-selected-color - Colour of the chosen marker (default: the focus colour).
 */
@localized()
export class RecoveryPrscMap extends LitElement {
  static override styles = [baseStyles, helpStyles, cardStyles, mapBaseStyles, prscMapStyles];

  /** URL of the dataset (default: the bundled Boston / Massachusetts data). */
  @property() src?: string;
  /** The dataset itself, instead of `src`. */
  @property({ attribute: false }) data?: unknown;
  /** Region shown first (e.g. "Boston"); the person can change it. */
  @property() region = '';
  /** Map tile URL template with {z}/{x}/{y} (default: OpenStreetMap). Empty for no tiles. */
  @property({ attribute: 'tile-url' }) tileUrl = OSM_TILE_URL;
  /** Credit for the tiles, as HTML (site configuration, default: OpenStreetMap's credit). */
  @property() attribution = OSM_ATTRIBUTION;
  /** Initial centre of the map as "lat,lng" (default: fit every centre shown). */
  @property() center = '';
  /** Initial zoom, used with `center` (default 8). */
  @property({ type: Number }) zoom?: number;
  /** Help contacts to show instead of the dataset's. */
  @property({ attribute: false }) helpContacts?: HelpContact[];

  /**
   * Age limit in days: a record verified (or, never verified, listed by its source) longer ago
   * than this says its age ("Listed in 2018") instead of its status. Default 730 (two years).
   */
  @property({ type: Number, attribute: 'stale-after-days' }) staleAfterDays = STALE_AFTER_DAYS;
  /** ZIP centroid tables (default: the bundled ones). */
  @property({ attribute: false }) zipTables: ZipTableUrls = { local: ZIP_TABLE_MA_URL, national: ZIP_TABLE_US_URL };

  @state() private chosenRegion = '';
  @state() private offerings = new Set<Category>();
  @state() private selectedId?: string;
  @state() private origin?: { point: LatLon; label: string };
  @state() private zipProblem = '';
  @state() private mapShown = false;
  @state() private announcement = '';

  private store = new DatasetController(this, () => ({ src: this.src, data: this.data }));
  private geo = new GeolocationController(this);
  private shown: ShownCentre[] = [];
  private points: MapPoint[] = [];
  private pointsKey = '';
  private focusId?: string;

  /** The map (for tests and inspection). */
  readonly map = new MapController(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.map-frame'),
    options: () => ({
      points: this.points,
      selectedId: this.selectedId,
      tileUrl: this.tileUrl,
      attribution: this.attribution,
      center: parseCenter(this.center),
      zoom: this.zoom,
      labels: { cluster: (n: number) => msg(str`${formatCount(n)} centres here: select to zoom in`) },
    }),
    onSelect: (id) => this.choose(id, 'map'),
  });

  constructor() {
    super();
    new LocaleController(this);
  }

  private get centres(): Resource[] {
    return prscRecords(this.store.dataset?.resources ?? []);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('region')) this.chosenRegion = this.region;
    const centres = this.centres;
    const region = this.chosenRegion ? (matchRegion(regionsOf(centres), this.chosenRegion) ?? this.chosenRegion) : '';
    this.shown = shownCentres(centres, { region, offerings: this.offerings, origin: this.origin?.point });
    const key = `${this.store.status}|${this.shown.map((s) => s.r.id).join(',')}`;
    if (key !== this.pointsKey) {
      this.pointsKey = key;
      this.points = mapPoints(this.shown);
    }
    if (this.selectedId && !this.shown.some((s) => s.r.id === this.selectedId)) this.selectedId = undefined;
  }

  protected override updated(): void {
    if (this.focusId) {
      const id = this.focusId;
      this.focusId = undefined;
      const button = this.renderRoot.querySelector<HTMLButtonElement>(`button.choose[data-id="${CSS.escape(id)}"]`);
      button?.closest('li')?.scrollIntoView({ block: 'nearest' });
      button?.focus({ preventScroll: true });
    }
  }

  /** A person chose a centre (list button or map marker). */
  private choose(id: string, from: 'list' | 'map'): void {
    const entry = this.shown.find((s) => s.r.id === id);
    if (!entry) return;
    this.announcement = '';
    if (from === 'list' && this.selectedId === id) {
      this.selectedId = undefined;
      return;
    }
    this.selectedId = id;
    if (from === 'map') {
      this.focusId = id;
      this.announcement = msg(str`Chosen on the map: ${entry.r.name}. Its details are open in the list.`);
    }
    this.dispatchEvent(new RecoverySelectEvent(entry.r));
  }

  private onListKeydown(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || !this.selectedId) return;
    this.focusId = this.selectedId;
    this.selectedId = undefined;
  }

  private async onZipSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[name="zip"]');
    const text = input?.value ?? '';
    this.geo.clear();
    this.zipProblem = '';
    try {
      const found = await findZip(text, this.zipTables);
      if (!found.ok) {
        this.zipProblem =
          found.reason === 'invalid'
            ? msg('Type a 5-digit ZIP code, for example 02118.')
            : msg(str`ZIP code ${text.trim()} was not found. Check it, or use your location.`);
        this.origin = undefined;
        input?.focus();
        return;
      }
      this.origin = { point: found.point, label: found.zip };
    } catch {
      this.zipProblem = msg('ZIP codes could not be looked up just now. Try again, or use your location.');
    }
  }

  private async onLocate(): Promise<void> {
    this.zipProblem = '';
    const point = await this.geo.request();
    if (point) this.origin = { point, label: msg('your location') };
  }

  private clearOrigin(): void {
    this.origin = undefined;
    this.geo.clear();
    this.zipProblem = '';
  }

  private toggleOffering(c: Category, on: boolean): void {
    const next = new Set(this.offerings);
    if (on) next.add(c);
    else next.delete(c);
    this.offerings = next;
  }

  private errorText(e: DatasetLoadError | undefined): string {
    switch (e?.kind) {
      case 'timeout':
        return msg('The list of centres took too long to load.');
      case 'http':
        return msg(str`The server could not send the list of centres (error ${e.status ?? ''}).`);
      case 'not-json':
      case 'invalid':
        return msg('The list of centres is damaged and cannot be shown.');
      default:
        return msg('The list of centres could not be loaded. Check your connection.');
    }
  }

  private statusText(): string {
    if (this.store.status === 'loading') return msg('Loading Peer Recovery Support Centers…');
    if (this.store.status === 'error') return msg('The centres could not be loaded.');
    const n = this.shown.length;
    const count = n === 0 ? msg('No centres match.') : n === 1 ? msg('1 centre.') : msg(str`${formatCount(n)} centres.`);
    const order = this.origin ? msg(str`Nearest first from ${this.origin.label}.`) : '';
    return [count, order, this.announcement].filter(Boolean).join(' ');
  }

  protected override render(): TemplateResult {
    const help = this.helpContacts ?? this.store.help;
    return html`<div class="base" part="base">
      <slot name="help">${renderHelp(help)}</slot>
      <h2>${msg('Peer Recovery Support Centers')}</h2>
      <p class="intro">${msg(
        'Free, peer-run places where people in recovery, and their families, find support groups, one-to-one peer support, wellness activities and a welcoming place to be.',
      )}</p>
      ${this.store.status === 'ready' ? this.renderControls() : nothing}
      <p class="status" role="status" aria-live="polite">${this.statusText()}</p>
      ${this.store.status === 'error' ? this.renderError() : nothing}
      ${this.store.status === 'ready' && this.store.problems.length
        ? html`<p class="notice skipped">${msg(str`${formatCount(this.store.problems.length)} entries could not be shown.`)}</p>`
        : nothing}
      ${this.store.status === 'error' ? nothing : this.renderLayout()}
    </div>`;
  }

  private renderError(): TemplateResult {
    return html`<div class="notice error" role="alert">
      <p>${this.errorText(this.store.error)}</p>
      <button type="button" @click=${() => this.store.retry()}>${msg('Try again')}</button>
    </div>`;
  }

  private renderControls(): TemplateResult {
    const centres = this.centres;
    const regions = regionsOf(centres);
    const offerings = offeringsOf(centres);
    const selectedRegion = this.chosenRegion ? (matchRegion(regions, this.chosenRegion) ?? '') : '';
    const geoMessage = this.geo.message;
    return html`<div class="controls" part="controls">
      <div class="field">
        <label for="region">${msg('Region')}</label>
        <select id="region" @change=${(e: Event) => (this.chosenRegion = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!selectedRegion}>${msg('All regions')}</option>
          ${regions.map((r) => html`<option value=${r} ?selected=${r === selectedRegion}>${r}</option>`)}
        </select>
      </div>
      ${offerings.length
        ? html`<fieldset class="offerings">
            <legend>${msg('Offers')}</legend>
            ${offerings.map(
              (c) => html`<label class="check"><input type="checkbox" .checked=${this.offerings.has(c)}
                  @change=${(e: Event) => this.toggleOffering(c, (e.target as HTMLInputElement).checked)} />${categoryLabel(c)}</label>`,
            )}
          </fieldset>`
        : nothing}
      <form class="near" @submit=${this.onZipSubmit} novalidate>
        <div class="field">
          <label for="zip">${msg('Nearest to ZIP code')}</label>
          <input id="zip" name="zip" part="input" inputmode="numeric" autocomplete="postal-code" maxlength="10"
            aria-invalid=${this.zipProblem ? 'true' : 'false'} aria-describedby="zip-problem" />
        </div>
        <button type="submit">${msg('Find nearest')}</button>
        <button type="button" class="secondary" @click=${this.onLocate} ?disabled=${this.geo.state === 'locating'}>
          ${msg('Use my location')}
        </button>
        ${this.origin ? html`<button type="button" class="secondary" @click=${this.clearOrigin}>${msg('Clear')}</button>` : nothing}
      </form>
      <p id="zip-problem" class="problem">${this.zipProblem || geoMessage}</p>
    </div>`;
  }

  private renderLayout(): TemplateResult {
    const loading = this.store.status === 'loading';
    const ready = this.map.state === 'ready';
    const allApprox = this.points.length > 0 && this.points.every((p) => p.approximate);
    const someApprox = this.points.some((p) => p.approximate);
    return html`<div class="layout ${this.mapShown ? 'map-open' : ''}">
      <button type="button" class="secondary map-toggle" part="map-toggle" aria-expanded=${this.mapShown ? 'true' : 'false'}
        aria-controls="map-panel" @click=${() => (this.mapShown = !this.mapShown)}>
        ${this.mapShown ? msg('Hide map') : msg('Show map')}
      </button>
      <div class="map-col" id="map-panel" part="map">
        <div class="map-frame" role="region" aria-label=${msg('Map of the centres')}>
          ${this.map.state === 'loading' ? html`<p class="map-loading">${msg('Loading the map…')}</p>` : nothing}
        </div>
        ${this.map.state === 'failed'
          ? html`<p class="notice warning map-failed">${msg('The map could not be shown; the list has every centre.')}</p>`
          : nothing}
        ${ready || this.map.state === 'loading'
          ? html`<p class="map-note muted">${allApprox
              ? msg('Every centre is placed at the centre of its ZIP code, not at its door: use the address for directions.')
              : someApprox
                ? msg('Dashed markers are placed at the centre of their ZIP code, not at the door.')
                : nothing}
              ${msg('Markers cannot be reached by keyboard: the list has every centre.')}</p>`
          : nothing}
      </div>
      <div class="list-col">
        ${loading
          ? html`<div class="list-placeholder" aria-hidden="true"></div>`
          : this.shown.length === 0
            ? html`<p class="notice empty">${msg('No centre matches these choices. Choose "All regions" or fewer offerings.')}</p>`
            : html`<ul class="plain centres" part="list" aria-label=${msg('Peer Recovery Support Centers')} @keydown=${this.onListKeydown}>
                ${this.shown.map(
                  (s) => html`<li class="centre ${s.r.id === this.selectedId ? 'selected' : ''}" data-id=${s.r.id}>
                    ${renderCentre({
                      r: s.r,
                      km: s.km,
                      selected: s.r.id === this.selectedId,
                      now: new Date(),
                      timeZone: this.store.dataset?.time_zone ?? 'America/New_York',
                      staleAfterDays: this.staleAfterDays,
                      onToggle: (id) => this.choose(id, 'list'),
                    })}
                  </li>`,
                )}
              </ul>`}
      </div>
    </div>`;
  }
}

define('recovery-prsc-map', RecoveryPrscMap);

declare global {
  interface HTMLElementTagNameMap {
    'recovery-prsc-map': RecoveryPrscMap;
  }
}
