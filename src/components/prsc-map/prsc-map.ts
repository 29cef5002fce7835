import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { CATEGORIES, type Category, type Dataset, type Resource } from '../../core/schema.js';
import { matchRegion, offeringsOf, parseCenter, prscRecords, regionsOf, shownCentres, type ShownCentre } from '../../core/prsc.js';
import { RecoverySelectEvent } from '../../events.js';
import { RecoveryDatasetElement } from '../../kit/base/dataset-element.js';
import { withPlace } from '../../kit/place/with-place.js';
import { withUrlSync, type UrlSettings } from '../../kit/url/with-url-sync.js';
import { withApi } from '../../kit/api/with-api.js';
import { withMap } from '../../kit/map/with-map.js';
import type { Place } from '../../kit/place/place-controller.js';
import { centresCount, nearestFrom, renderControls, renderIntro, renderLayout } from './centres-view.js';
import { Memo } from '../../kit/base/memo.js';
import { define } from '../../kit/base/define.js';
import { formatCount } from '../../kit/ui/format.js';
import { mapElementStyles } from '../../kit/map/map-styles.js';
import { resourcePoints } from '../../kit/map/map-view.js';
import type { MapPoint, MapViewOptions } from '../../kit/map/map-types.js';
import { idParam, type UrlValues } from '../../kit/url/url-state.js';
import type { HsdsQuery } from '../../core/sources/hsds-query.js';
import { siteZipToUse } from '../../core/zip.js';
import { SiteTextController } from '../../kit/ui/site-text.js';
import { prscMapStyles } from './prsc-map.styles.js';
import type { SiteTextAttribute } from '../../kit/base/attribute.js';

/** The map's keys in the URL (prefix `pm-`): region, offerings, ZIP and the chosen centre. */
const PRSC_URL: UrlSettings = { prefix: 'pm', keys: ['region', 'offer', 'zip', 'id'] };

/** With `api`: the most centres asked for (10 pages of 100; the reference server counts to 1,000). */
const API_PAGES = 10;

/** What the view reads from a dataset. */
interface Centres {
  centres: Resource[];
  regions: string[];
  offerings: Category[];
}

/**
 * Every Massachusetts Peer Recovery Support Center of the dataset, in a list and on a map. The
 * list is the accessible way through (the map's markers cannot take focus); on a narrow screen
 * it comes first and the map is behind a "Show map" button. Leaflet loads only when the map is
 * about to be seen; when the map cannot start, the element says so and the list still works.
 * With `api`, the centres come from an Open Referral HSDS 3.0 API (asked once; a ZIP or a
 * location is used in the browser and never sent).
 *
 * @tag recovery-prsc-map
 * @summary Peer Recovery Support Centers on a map and in a list, with region, offering and nearest-first filters.
 * @title Peer Recovery Support Centers
 * @embed-height 900
 * @fallback <p>Peer Recovery Support Centers: free, peer-run places for people in recovery and their families. Help now: <a href="tel:988">call or text 988</a>.</p>
 *
 * @slot help - Replaces the help contacts block.
 * @slot intro - The site's own introduction (replaces the built-in one and `intro`).
 * @slot intro-es - The introduction on a Spanish page (likewise `intro-en` on an English one); `intro` when absent.
 *
 * @fires {RecoverySelectEvent} recovery-select - When a person chooses a centre, in the list or on the map.
 * @fires {RecoveryShareEvent} recovery-share - When a person shares a centre (with `sync-url`): the `url` carries its id and the ZIP only.
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
 * @csspart more - The "Show more centres" button under a long list.
 * @csspart shared - Words shown when a shared link's centre is no longer listed.
 * @csspart print - The "Print this list" button.
 *
 * @cssprop --recovery-map-height - Height of the map (default 32em; 22em on narrow screens).
 * @cssprop --recovery-map-marker-color - Colour of the markers and clusters (default: the primary colour).
 * @cssprop --recovery-map-marker-selected-color - Colour of the chosen marker (default: the focus colour).
 */
@localized()
export class RecoveryPrscMap extends withMap(withApi(withUrlSync(withPlace(RecoveryDatasetElement))))<Centres> {
  static override styles = [...mapElementStyles, prscMapStyles];
  /** Centres listed at a time; "Show more centres" lists as many again (a long list is never rendered whole). */
  static listPageSize = 100;

  /** The site's introduction under the heading, as text (default: a built-in one). `intro-es`, `intro-en`: the same in that language. */
  @property() intro: SiteTextAttribute = '';
  /** Region shown first (e.g. "Boston"); the person can change it. */
  @property() region = '';
  /** Initial centre of the map as "lat,lng" (default: fit every centre shown). */
  @property() center = '';
  /** Initial zoom, used with `center` (default 8). */
  @property({ type: Number }) zoom?: number;
  @state() private chosenRegion = '';
  @state() private offerings = new Set<Category>();
  @state() private selectedId?: string | undefined;
  @state() private mapShown = false;
  @state() private announcement = '';

  /** The centre a link pointed at, until the data has been looked at ('' for none). */
  private linkId = '';
  /** The link's centre is not in the data: say so. */
  @state() private linkMissing = false;
  private shown: ShownCentre[] = [];
  private readonly shownMemo = new Memo<ShownCentre[]>();
  private points: MapPoint[] = [];
  private readonly pointsMemo = new Memo<MapPoint[]>();
  private focusId?: string | undefined;
  /** A centre opened or closed from its button: keep that button in view after the render. */
  private revealId?: string | undefined;
  /** How many of the shown centres the list renders. */
  @state() private listed = 0;
  private warnedRegion = '';

  protected override get urlSettings(): UrlSettings {
    return PRSC_URL;
  }

  protected override mapView(): Omit<MapViewOptions, 'tileUrl' | 'attribution'> {
    return {
      points: this.points,
      selectedId: this.selectedId,
      center: parseCenter(this.center),
      zoom: this.zoom,
      labels: { cluster: (n: number) => msg(str`${formatCount(n)} centres here: select to zoom in`) },
    };
  }

  protected override mapSelected(id: string): void {
    this.choose(id, 'map');
  }

  protected override placeChanged(place: Place | undefined, byPerson: boolean): void {
    super.placeChanged(place, byPerson);
    if (byPerson) this.writeUrl();
  }

  /** With `api`: every recovery centre of the directory (its `recovery-center` services); the rest is worked out here. */
  protected override apiQuery(): HsdsQuery {
    return { search: '', categories: ['recovery-center'], zip: '', proximity: 0, pages: API_PAGES, perPage: 100 };
  }

  constructor() {
    super();
    // intro-es, intro-en: the site's introduction in the page's language.
    new SiteTextController(this, { intro: 'intro' });
  }

  protected override get listName(): string {
    return msg('the list of centres');
  }

  /** Take the state in the URL: at start, and on back and forward. No event, no new entry. */
  protected override applyUrl(v: UrlValues): void {
    this.chosenRegion = v['region'] ?? this.region;
    const known = new Set<string>(CATEGORIES);
    this.offerings = new Set((v['offer'] ?? '').split(',').filter((c): c is Category => known.has(c)));
    this.applyUrlZip(v);
    this.selectedId = idParam(v['id']) || undefined;
  }

  protected override urlValues(): UrlValues {
    const v: UrlValues = {};
    if (this.chosenRegion) v['region'] = this.regionShown || this.chosenRegion;
    if (this.offerings.size) v['offer'] = [...this.offerings].join(',');
    if (this.selectedId) v['id'] = this.selectedId;
    return v;
  }

  protected override derive(dataset: Dataset): Centres {
    // A directory's recovery centres may not say they are PRSCs: with `api`, all it sent are centres.
    const centres = this.api ? dataset.resources.filter((r) => r.kind !== 'event') : prscRecords(dataset.resources);
    return { centres, regions: regionsOf(centres), offerings: offeringsOf(centres) };
  }

  /** The first centres of a large dataset, listed while the rest loads (the count says "so far"). */
  protected override derivePreview(dataset: Dataset): Centres {
    return this.derive(dataset);
  }

  /** The region as the data spells it ('' for every region). */
  private get regionShown(): string {
    const regions = this.store.derived?.regions;
    if (!this.chosenRegion || !regions) return '';
    return matchRegion(regions, this.chosenRegion) ?? '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('region')) this.chosenRegion = this.region;
    let urlZip = false;
    if (!this.hasUpdated) {
      const values = this.url.read();
      if (values) {
        // A shared link names a centre and no region: show every region, so it is in the list.
        this.applyUrl(values['id'] && !values['region'] ? { ...values, region: '' } : values);
        this.linkId = this.selectedId ?? '';
        urlZip = !!values['zip'];
      }
    }
    // The site's default place, unless the URL gave one.
    const siteZip = siteZipToUse(this.zip, { changed: changed.has('zip'), placeHeld: !!this.place.place, zipGiven: urlZip });
    if (siteZip) void this.place.useZip(siteZip, false);
    const data = this.store.derived;
    // What depends on every centre (a missing region or link) waits for the whole dataset, past a preview.
    const whole = this.store.preview ? undefined : data;
    if (whole && this.chosenRegion && !this.regionShown && this.warnedRegion !== this.chosenRegion) {
      // A configured region that the data does not have: say so to the site, show every region.
      this.warnedRegion = this.chosenRegion;
      console.warn(`recovery-prsc-map: region="${this.chosenRegion}" is not a region of the data (${whole.regions.join(', ')}); showing every region.`);
    }
    const origin = this.place.place?.point;
    const before = this.shown;
    this.shown = this.shownMemo.get([data, this.regionShown, this.offerings, origin], () =>
      data ? shownCentres(data.centres, { region: this.regionShown, offerings: this.offerings, origin }) : [],
    );
    if (this.shown !== before || this.listed === 0) this.listed = this.pageStep;
    this.points = this.pointsMemo.get([this.shown], () => resourcePoints(this.shown.map((s) => s.r)));
    if (whole && this.linkId && !this.place.busy) {
      // The centre a link pointed at: open and focused once the list is there, or said to be gone.
      this.linkMissing = !whole.centres.some((c) => c.id === this.linkId);
      if (!this.linkMissing) this.focusId = this.linkId;
      this.linkId = '';
    }
    if (whole && this.selectedId && !this.shown.some((s) => s.r.id === this.selectedId)) this.selectedId = undefined;
  }

  protected override updated(): void {
    if (this.focusId) {
      const id = this.focusId;
      this.focusId = undefined;
      const button = this.reveal(id);
      button?.focus({ preventScroll: true });
    }
    if (this.revealId) {
      const id = this.revealId;
      this.revealId = undefined;
      this.reveal(id);
    }
  }

  /**
   * Scroll a centre into view, as much of it as fits, and always its details button: the details
   * open above the button, and would otherwise push the button (and the focus) out of sight.
   */
  private reveal(id: string): HTMLButtonElement | null {
    const button = this.renderRoot.querySelector<HTMLButtonElement>(`button.choose[data-id="${CSS.escape(id)}"]`);
    button?.closest('li')?.scrollIntoView({ block: 'nearest' });
    button?.scrollIntoView({ block: 'nearest' });
    return button;
  }

  private get pageStep(): number {
    const n = (this.constructor as typeof RecoveryPrscMap).listPageSize;
    return Number.isInteger(n) && n > 0 ? n : 100;
  }

  /** List the next page and move the focus to its first centre. */
  private showMore(): void {
    const first = this.shown[this.listed];
    this.listed += this.pageStep;
    if (first) this.focusId = first.r.id;
  }

  /** A person chose a centre (list button or map marker). */
  private choose(id: string, from: 'list' | 'map'): void {
    const at = this.shown.findIndex((s) => s.r.id === id);
    const entry = this.shown[at];
    if (!entry) return;
    // A centre chosen on the map is always in the list: list the pages up to it.
    if (at >= this.listed) this.listed = (Math.floor(at / this.pageStep) + 1) * this.pageStep;
    this.announcement = '';
    this.linkMissing = false;
    if (from === 'list') this.revealId = id;
    if (from === 'list' && this.selectedId === id) {
      this.selectedId = undefined;
      this.writeUrl();
      return;
    }
    this.selectedId = id;
    this.writeUrl();
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
    this.writeUrl();
  }

  private async onZipSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#zip');
    const place = await this.place.useZip(input?.value ?? '');
    if (!place) input?.focus();
  }

  /** Show or hide the map (narrow screens); a map shown is brought into view, where it loads. */
  private toggleMap(): void {
    this.mapShown = !this.mapShown;
    if (this.mapShown) void this.updateComplete.then(() => this.renderRoot.querySelector('.map-frame')?.scrollIntoView({ block: 'nearest' }));
  }

  /** Forget the place; the button goes with it, so the keyboard goes back to the ZIP field. */
  private clearPlace(): void {
    this.place.clear();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#zip')?.focus());
  }

  private toggleOffering(c: Category, on: boolean): void {
    const next = new Set(this.offerings);
    if (on) next.add(c);
    else next.delete(c);
    this.offerings = next;
    this.writeUrl();
  }

  private statusText(): string {
    if (this.store.status === 'loading' && !this.store.preview) return msg('Loading Peer Recovery Support Centers…');
    if (this.store.status === 'error') return msg('The centres could not be loaded.');
    const count = centresCount(this.shown.length);
    return this.soFarText(count.replace(/\.$/, '')) ?? [count, nearestFrom(this.place.place), this.announcement].filter(Boolean).join(' ');
  }

  protected override render(): TemplateResult {
    return html`<div class="base" part="base">
      ${this.locale.renderPicker()}
      ${this.renderHelpSlot()}
      ${renderIntro(this.level, this.intro)}
      ${this.store.status === 'error' ? nothing : this.renderControls()}
      <p class="status" role="status" aria-live="polite">${this.statusText()}</p>
      ${this.cardActions.renderStatus()}
      ${this.renderLoadState()} ${this.renderSkipped()}
      ${this.store.status === 'error' ? nothing : this.renderLayout()}
    </div>`;
  }

  private renderControls(): TemplateResult {
    const { regions = [], offerings = [] } = this.store.derived ?? {};
    return renderControls({
      regions,
      offerings,
      region: this.regionShown,
      ready: this.store.status === 'ready',
      chosen: this.offerings,
      place: this.place,
      urlZip: this.urlZip,
      onRegion: (region) => {
        this.chosenRegion = region;
        this.writeUrl();
      },
      onOffering: (c, on) => this.toggleOffering(c, on),
      onZipSubmit: (e) => void this.onZipSubmit(e),
      onClearPlace: () => this.clearPlace(),
    });
  }

  private renderLayout(): TemplateResult {
    const n = this.points.length;
    return renderLayout({
      mapShown: this.mapShown,
      onToggleMap: () => this.toggleMap(),
      level: this.level,
      linkMissing: this.linkMissing,
      onCloseMissing: () => (this.linkMissing = false),
      loading: this.store.status === 'loading' && !this.store.preview,
      centres: {
        shown: this.shown,
        listed: this.listed,
        selectedId: this.selectedId,
        subLevel: this.subLevel,
        timeZone: this.store.dataset?.time_zone ?? 'America/New_York',
        staleAfterDays: this.staleAfterDays,
        feedback: this.store.dataset?.feedback,
        fromZip: this.place.place?.zip,
        actions: (r) => this.cardActions.actions(r),
        onToggle: (id) => this.choose(id, 'list'),
        onKeydown: (e) => this.onListKeydown(e),
        onMore: () => this.showMore(),
      },
      map: this.map,
      mapLabel: this.landmarkLabel(n === 1 ? msg('Map of 1 centre') : msg(str`Map of the ${formatCount(n)} centres`)),
      points: this.points,
      mapExtras: this.renderMapExtras(),
    });
  }
}

define('recovery-prsc-map', RecoveryPrscMap);

declare global {
  interface HTMLElementTagNameMap {
    'recovery-prsc-map': RecoveryPrscMap;
  }
}
