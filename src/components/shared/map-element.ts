/**
 * What the two map elements (`<recovery-prsc-map>`, `<recovery-disposal-locator>`) share,
 * written once: their map settings (`tile-url`, `street-map-url`, `attribution`), their place
 * (`zip` and the ZIP tables, through PlaceController), their page-URL state (`sync-url`,
 * `url-prefix`, through UrlSync), the card actions, the MapController's wiring, and reading an
 * HSDS 3.0 API (`api`, `api-taxonomy`) instead of a file. An element says which URL keys it
 * keeps, what its map shows, and which question it asks the API.
 */
import { nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RecoveryDatasetElement } from './dataset-element.js';
import { PlaceController, type Place } from './place-controller.js';
import { UrlSync, cleanPrefix, zipParam, type UrlValues } from './url-state.js';
import { CardActions } from './card-actions.js';
import { MapController, OSM_ATTRIBUTION, OSM_TILE_URL, renderMapExtras, type MapViewOptions } from './map-controller.js';
import { ZIP_TABLE_MA_URL, ZIP_TABLE_US_URL } from './assets.js';
import type { DataSource } from '../../core/sources/index.js';
import type { TaxonomyMap } from '../../core/sources/hsds-api.js';
import type { HsdsQuery } from '../../core/sources/hsds-query.js';
import { lazyHsdsSource, unaskedHsdsSource } from '../../core/sources/hsds-lazy.js';
import type { UrlAttribute, SiteTextAttribute } from './attribute.js';

/** What a map element keeps in the page URL. */
export interface MapUrlSettings {
  /** Its default prefix (`pm`, `dl`). */
  prefix: string;
  /** The keys, in the order they are written (`zip` among them). */
  keys: readonly string[];
}

export abstract class RecoveryMapElement<D> extends RecoveryDatasetElement<D> {
  /** With `api`: milliseconds one request may take before it counts as failed. */
  static apiTimeoutMs = 9_000;

  /**
   * Map tile URL template with {z}/{x}/{y}. When set, tiles load at once; when empty (the
   * default) the map draws its bundled outline basemap and asks no tile server until the person
   * chooses "Show street map" (OpenStreetMap).
   */
  @property({ attribute: 'tile-url' }) tileUrl: UrlAttribute = '';
  /** Tile URL template loaded only when the person chooses "Show street map" (default: OpenStreetMap). */
  @property({ attribute: 'street-map-url' }) streetMapUrl: UrlAttribute = OSM_TILE_URL;
  /** Credit for the tiles: text with http(s) links only (default: OpenStreetMap's credit). */
  @property() attribution: SiteTextAttribute = OSM_ATTRIBUTION;
  /** A default place: a ZIP code whose results are shown nearest first until the person gives their own. */
  @property() zip = '';
  /** URL of the Massachusetts ZIP centroid table (default: the bundled one). */
  @property({ attribute: 'zip-table-url' }) zipTableUrl: UrlAttribute = ZIP_TABLE_MA_URL;
  /** URL of the whole-US ZIP centroid table, fetched only for a ZIP outside Massachusetts (default: the bundled one). */
  @property({ attribute: 'zip-table-national-url' }) zipTableNationalUrl: UrlAttribute = ZIP_TABLE_US_URL;
  /** How long to wait for the person's location, in milliseconds. */
  @property({ type: Number, attribute: 'geolocation-timeout' }) geolocationTimeout = 10_000;
  /** Keep the element's choices, the ZIP and the chosen record in the page URL (back and forward work; a shared link opens its record). */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;
  /** Prefix of this element's URL parameters: set it when two of the same element on one page both have `sync-url`. */
  @property({ attribute: 'url-prefix' }) urlPrefix = '';
  /**
   * Base URL of an Open Referral HSDS 3.0 API to read instead of a file (README, "The map elements on an HSDS API").
   * Only a ZIP code is ever sent, never coordinates.
   */
  @property() api: UrlAttribute = '';
  /** With `api`: the directory's taxonomy term ids mapped to categories (`{"term-id": "recovery-center"}`), or the URL of a JSON file holding that map. */
  @property({ attribute: 'api-taxonomy' }) apiTaxonomy?: TaxonomyMap | UrlAttribute;

  /** The person's street map choice (undefined: tiles only when the site set `tile-url`). */
  @state() protected streetMap?: boolean | undefined;
  /** The ZIP the URL gave, shown in the ZIP box (it changes only from the URL, so typing is never overwritten). */
  @state() protected urlZip = '';

  /** Where the person is. */
  protected readonly place = new PlaceController(this, () => this, (place, byPerson) => {
    if (place?.source === 'location') {
      const input = this.renderRoot.querySelector<HTMLInputElement>('#zip');
      if (input) input.value = '';
    }
    this.placeChanged(place, byPerson);
  });
  /** The element's parameters in the page URL. */
  protected readonly url = this.urlSync();
  /** "Share" and "Add to my list" on each card. */
  protected readonly cardActions = new CardActions(this, {
    prefix: () => this.paramPrefix,
    zip: () => this.zipGiven,
    canShare: () => this.syncUrl,
  });
  /** The map (for tests and inspection). */
  readonly map = new MapController(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.map-frame'),
    options: () => ({
      ...this.mapView(),
      tileUrl: this.streetMapOn ? this.tileUrl || this.streetMapUrl || OSM_TILE_URL : '',
      attribution: this.attribution,
    }),
    onSelect: (id) => this.mapSelected(id),
  });

  /** The element's URL prefix and keys. */
  protected abstract get urlSettings(): MapUrlSettings;
  /** What the map shows: its points, the chosen one, any view or labels of the element's own. */
  protected abstract mapView(): Omit<MapViewOptions, 'tileUrl' | 'attribution'>;
  /** A person chose a marker. */
  protected abstract mapSelected(id: string): void;
  /** Take the values in the URL: at start, and on back and forward. */
  protected abstract applyUrl(values: UrlValues): void;
  /** The values a person's choices put in the URL (the ZIP is added here). */
  protected abstract urlValues(): UrlValues;
  /** With `api`: the question to ask for the current place and choices (undefined: nothing to ask yet). */
  protected abstract apiQuery(): HsdsQuery | undefined;
  /** The place changed (`byPerson` false when it came from the URL or the site's `zip`). */
  protected placeChanged(_place: Place | undefined, _byPerson: boolean): void {}

  private urlSync(): UrlSync {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the keys are the subclass's, read when used
    const el = this;
    return new UrlSync(this, {
      enabled: () => this.syncUrl,
      prefix: () => this.paramPrefix,
      get keys() {
        return el.urlSettings.keys;
      },
      onPop: (values) => this.applyUrl(values ?? {}),
    });
  }

  /** The street map is on: the person's choice, or the site's `tile-url`. */
  protected get streetMapOn(): boolean {
    return this.streetMap ?? Boolean(this.tileUrl);
  }

  /** The URL prefix in use. */
  protected get paramPrefix(): string {
    const { prefix } = this.urlSettings;
    return cleanPrefix(this.urlPrefix, prefix, this.localName);
  }

  /** The ZIP the person typed (never a location). */
  protected get zipGiven(): string | undefined {
    const p = this.place.place;
    return p?.source === 'zip' ? p.zip : undefined;
  }

  /** The ZIP of a URL's values: into the ZIP box, and looked up (or the URL's ZIP place cleared). */
  protected applyUrlZip(values: UrlValues): void {
    const zip = zipParam(values['zip']);
    this.urlZip = zip;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#zip');
    if (input) input.value = zip;
    if (zip) void this.place.useZip(zip, false);
    else if (this.place.place?.source === 'zip') this.place.clear(false);
  }

  /** A person changed something: a new history entry. */
  protected writeUrl(): void {
    const values = this.urlValues();
    const zip = this.zipGiven;
    if (zip) values['zip'] = zip;
    void this.updateComplete.then(() => this.url.write(values));
  }

  /** The "Show street map" button and the tile problems, under the map. */
  protected renderMapExtras(): TemplateResult | typeof nothing {
    return renderMapExtras(this.map, this.streetMapOn, () => (this.streetMap = !this.streetMapOn));
  }

  /** With `api`, the directory's answer to the element's question; else the file. */
  protected override dataSource(): DataSource {
    if (!this.api) return super.dataSource();
    const query = this.apiQuery();
    const timeoutMs = (this.constructor as typeof RecoveryMapElement).apiTimeoutMs;
    const taxonomy = typeof this.apiTaxonomy === 'string' || typeof this.apiTaxonomy === 'object' ? this.apiTaxonomy : undefined;
    // A new object each time: the DatasetController asks again only when its key changes.
    return query ? lazyHsdsSource(this.api, query, { taxonomy, timeoutMs }) : unaskedHsdsSource(this.api);
  }
}
