/**
 * `withMap`: a map element (`<recovery-prsc-map>`, `<recovery-disposal-locator>`), over
 * `withPlace`, `withUrlSync` and `withApi`. It adds the map settings (`tile-url`,
 * `street-map-url`, `attribution`), the MapController's wiring and the street map switch, the
 * ZIP of the URL in the ZIP box, and, with `api`, the one question the element asks the
 * directory. An element says what its map shows, how it reads and writes its URL values, and
 * which question it asks.
 *
 * ```ts
 * export class RecoveryThing extends withMap(withApi(withUrlSync(withPlace(RecoveryDatasetElement))))<Data> { … }
 * ```
 */
import { nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Constructor, MixinBase, RecoveryDatasetElement } from '../base/dataset-element.js';
import type { PlaceMembers } from '../place/with-place.js';
import type { UrlSyncMembers } from '../url/with-url-sync.js';
import type { ApiMembers } from '../api/with-api.js';
import type { Place } from '../place/place-controller.js';
import { zipParam, type UrlValues } from '../url/url-state.js';
import { MapController } from './map-controller.js';
import { OSM_ATTRIBUTION, OSM_TILE_URL } from './map-attribution.js';
import { renderMapExtras } from './map-view.js';
import type { MapViewOptions } from './map-types.js';
import type { DataSource } from '../../core/sources/index.js';
import type { HsdsQuery } from '../../core/sources/hsds-query.js';
import { lazyHsdsSource, unaskedHsdsSource } from '../../core/sources/hsds-lazy.js';
import type { UrlAttribute, SiteTextAttribute } from '../base/attribute.js';

/** What `withMap` adds to an element (exported for the declarations of the classes it makes).
 * @public */
export declare abstract class MapMembers {
  /** Map tile URL template with {z}/{x}/{y} (default empty: the bundled outline basemap until "Show street map"). */
  tileUrl: UrlAttribute;
  /** Tile URL template loaded only when the person chooses "Show street map" (default: OpenStreetMap). */
  streetMapUrl: UrlAttribute;
  /** Credit for the tiles: text with http(s) links only (default: OpenStreetMap's credit). */
  attribution: SiteTextAttribute;
  /** The map (for tests and inspection). */
  readonly map: MapController;
  /** The person's street map choice (undefined: tiles only when the site set `tile-url`). */
  protected streetMap?: boolean | undefined;
  /** The ZIP the URL gave, shown in the ZIP box (it changes only from the URL, so typing is never overwritten). */
  protected urlZip: string;
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
  /** A place from the person's location empties the ZIP box (an element calls this first in its own). */
  protected placeChanged(place: Place | undefined, byPerson: boolean): void;
  /** Back or forward: the URL's values applied (`applyUrl`). */
  protected onUrlPop(values: UrlValues | undefined): void;
  /** A shared link carries the ZIP the person typed. */
  protected get shareZip(): string | undefined;
  /** The street map is on: the person's choice, or the site's `tile-url`. */
  protected get streetMapOn(): boolean;
  /** The ZIP of a URL's values: into the ZIP box, and looked up (or the URL's ZIP place cleared). */
  protected applyUrlZip(values: UrlValues): void;
  /** A person changed something: a new history entry. */
  protected writeUrl(): void;
  /** The "Show street map" button and the tile problems, under the map. */
  protected renderMapExtras(): TemplateResult | typeof nothing;
}

/** What `withMap` builds on. */
type MapBase = MixinBase<RecoveryDatasetElement<unknown> & PlaceMembers & UrlSyncMembers & ApiMembers>;

export const withMap = <T extends MapBase>(base: T) => {
  abstract class WithMap extends base {
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

    /** The person's street map choice (undefined: tiles only when the site set `tile-url`). */
    @state() protected streetMap?: boolean | undefined;
    /** The ZIP the URL gave, shown in the ZIP box (it changes only from the URL, so typing is never overwritten). */
    @state() protected urlZip = '';

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

    /** A place from the person's location empties the ZIP box (an element calls this first in its own). */
    protected override placeChanged(place: Place | undefined, _byPerson: boolean): void {
      if (place?.source !== 'location') return;
      const input = this.renderRoot.querySelector<HTMLInputElement>('#zip');
      if (input) input.value = '';
    }

    /** Back or forward: the URL's values applied (`applyUrl`). */
    protected override onUrlPop(values: UrlValues | undefined): void {
      this.applyUrl(values ?? {});
    }

    /** A shared link carries the ZIP the person typed. */
    protected override get shareZip(): string | undefined {
      return this.zipGiven;
    }

    /** The street map is on: the person's choice, or the site's `tile-url`. */
    protected get streetMapOn(): boolean {
      return this.streetMap ?? Boolean(this.tileUrl);
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
      // A new object each time: the DatasetController asks again only when its key changes.
      return query ? lazyHsdsSource(this.api, query, this.apiOptions) : unaskedHsdsSource(this.api);
    }
  }
  return WithMap as unknown as Constructor<MapMembers> & T;
};
