/**
 * The map of the map elements (`<recovery-prsc-map>`, `<recovery-disposal-locator>`): its
 * controller, the map frame they render, and their records as map points.
 *
 * Leaflet, its CSS and supercluster are loaded with a dynamic `import()` only when the map's
 * container is about to be seen (IntersectionObserver), so a page without a visible map pays
 * nothing for them. Nothing in this file imports Leaflet statically (types only).
 *
 * ## API
 *
 * ```ts
 * import { MapController, mapStyles, type MapPoint } from '../shared/map-controller.js';
 *
 * static styles = [baseStyles, mapStyles, myStyles];
 *
 * private map = new MapController(this, {
 *   // A sized element in the shadow root (give it a height). The controller adds its own
 *   // child `div.recovery-map-canvas` and hands THAT to Leaflet, so the container is never
 *   // left with Leaflet's state after a disconnect.
 *   container: () => this.renderRoot.querySelector<HTMLElement>('.map'),
 *   // Read after every host update; cheap identity checks decide what changed.
 *   options: () => ({
 *     points: this.points,            // MapPoint[]; pass the SAME array until it really changes
 *     selectedId: this.selectedId,    // highlighted, panned to, popup opened
 *     tileUrl: this.tileUrl,          // default '' = no tiles: the bundled basemap only (no request to any server)
 *     attribution: this.attribution,  // default OSM_ATTRIBUTION; text and http(s) links only (safeAttribution)
 *     center: [42.3, -71.8], zoom: 8, // optional initial view; otherwise fit to the points
 *     labels: { approximate: msg('Location approximate'), cluster: (n) => msg(str`${n} places`), ... },
 *   }),
 *   onSelect: (id) => { ... },        // a person clicked a marker (not fired for select())
 *   onClusterExpand: (ids) => { ... },// optional: a person clicked a cluster (it zooms in)
 *   load: defaultLeafletLoader,       // optional: inject a loader (tests simulate failures)
 * });
 *
 * this.map.state      // 'idle' | 'loading' | 'ready' | 'failed' (host.requestUpdate() on change)
 * this.map.error      // what was thrown when 'failed' (e.g. Trusted Types blocking Leaflet)
 * this.map.select(id) // highlight + pan (+ popup); the same as changing options().selectedId
 * this.map.fit()      // fit the view to the current points
 * this.map.retry()    // try again after 'failed'
 * this.map.map        // the L.Map when ready (inspection, tests)
 * this.map.drawn()    // { points: Map<id, CircleMarker>, clusters: {count, ids, marker}[] } now drawn
 * this.map.tileErrors // tiles that failed to load (the basemap stays; renderMapExtras says so in words)
 * this.map.tileLoads  // tiles that loaded
 * this.map.load       // the loader in use (replaceable before the map starts)
 * ```
 *
 * The basemap (Massachusetts counties and the US states, from Census boundaries bundled in the
 * map chunk: `basemap/`) is drawn at once under any tiles, so the map needs no tile server.
 * Tiles load only when `tileUrl` is set: the elements set it when the person asks for a street
 * map (`renderMapExtras`) or the site sets `tile-url`.
 *
 * Behaviour: canvas `circleMarker`s (preferCanvas) and, unless `cluster: false`, supercluster
 * clusters (a DOM divIcon with the count, clicking zooms to where they split). Approximate
 * points are drawn with a dashed outline. Popups and tooltips are DOM built with textContent,
 * never a string of HTML. A ResizeObserver calls `invalidateSize()` whenever the container's
 * size changes (e.g. revealed after `display: none`). Disconnect calls `map.remove()` and
 * removes the canvas div; reconnecting builds a fresh map.
 *
 * CSS custom properties read from the container (through `mapStyles`):
 * `--recovery-map-marker-color`, `--recovery-map-marker-selected-color`.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { isValidLatLon } from '../../core/geo.js';
import { Lazy } from '../../core/lazy.js';
import type { LocationPrecision, Resource } from '../../core/schema.js';
import { approximateLabel } from './labels.js';
import { formatCount } from './format.js';
import { safeHttpUrl } from '../../core/links.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as Leaflet from 'leaflet';
import type Supercluster from 'supercluster';
import type { Basemap } from './basemap/basemap.js';

/** One point on the map. */
export interface MapPoint {
  id: string;
  latitude: number;
  longitude: number;
  /** Shown in the tooltip and the popup heading (as text). */
  label: string;
  /** True when the coordinates are only approximate (e.g. a ZIP code centroid). */
  approximate?: boolean;
  /** How the point was placed, when approximate: the popup and the map note say it in words. */
  precision?: LocationPrecision | undefined;
  /** An optional second line for the popup (as text), e.g. the town. */
  detail?: string;
}

export type MapState = 'idle' | 'loading' | 'ready' | 'failed';

/** Words the map shows; the element passes them localized. */
export interface MapLabels {
  cluster: (count: number) => string;
  zoomIn: string;
  zoomOut: string;
}

export interface MapViewOptions {
  points: readonly MapPoint[];
  selectedId?: string | undefined;
  /** `{z}/{x}/{y}` tile URL template; '' or unset for no tile layer (the bundled basemap only). */
  tileUrl?: string | undefined;
  /** Attribution for the tile layer: text with http(s) links only; any other markup is dropped (safeAttribution). */
  attribution?: string | undefined;
  center?: [number, number] | undefined;
  zoom?: number | undefined;
  labels?: Partial<MapLabels> | undefined;
  /** Cluster crowded points with supercluster (default true). */
  cluster?: boolean | undefined;
  /** Highest zoom the view may fit to when fitting the points (default 13). */
  fitMaxZoom?: number | undefined;
}

export interface LeafletModules {
  L: typeof Leaflet;
  css: string;
  Supercluster: typeof Supercluster;
  /** The bundled basemap (drawn under the markers); without it the background is plain. */
  basemap?: Basemap | undefined;
}
export type LeafletLoader = () => Promise<LeafletModules>;

export interface MapControllerConfig {
  container: () => HTMLElement | null | undefined;
  options: () => MapViewOptions;
  onSelect?: (id: string) => void;
  onClusterExpand?: (ids: string[]) => void;
  onStateChange?: (state: MapState) => void;
  load?: LeafletLoader;
}

export const OSM_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const OSM_ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™', middot: '·', ndash: '–', mdash: '—',
};

/** Text with the common HTML entities read (`&copy;` -> ©), tags dropped. */
function attributionText(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, (whole, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    });
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The `attribution` attribute as the HTML Leaflet will set: text and http(s) links only.
 * Links (`<a href="https://...">words</a>`) are kept with their words as text; every other
 * tag is dropped, entities are read, and the rest is escaped, so nothing a page author (or a
 * script that sets the attribute) writes can run or add any other element.
 */
export function safeAttribution(input: string): string {
  let out = '';
  let last = 0;
  const links = /<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi;
  for (let m = links.exec(input); m; m = links.exec(input)) {
    out += escapeHtml(attributionText(input.slice(last, m.index)));
    last = m.index + m[0].length;
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(m[1] ?? '');
    const url = safeHttpUrl(attributionText(href?.[1] ?? href?.[2] ?? href?.[3] ?? '').trim());
    const words = escapeHtml(attributionText(m[2] ?? ''));
    out += url ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer" target="_blank">${words}</a>` : words;
  }
  return out + escapeHtml(attributionText(input.slice(last)));
}

/** Labels in the page's language; an element overrides what it words differently. */
const defaultLabels = (): MapLabels => ({
  cluster: (n) => msg(str`${formatCount(n)} places here: select to zoom in`),
  zoomIn: msg('Zoom in'),
  zoomOut: msg('Zoom out'),
});

const leafletCode = new Lazy<LeafletModules>(() =>
  Promise.all([
    import('leaflet/dist/leaflet-src.esm.js'),
    import('leaflet/dist/leaflet.css?inline'),
    import('supercluster'),
    import('./basemap/basemap.js'),
  ]).then(([L, cssModule, sc, bm]) => ({ L, css: cssModule.default, Supercluster: sc.default, basemap: bm.basemap() })),
);

/** Loads Leaflet (ESM build), its CSS and supercluster once per page, in a lazy chunk (a failed load is tried again). */
export const defaultLeafletLoader: LeafletLoader = () => leafletCode.load();

const sheets = new Map<string, CSSStyleSheet>();
function adoptCss(root: Node, cssText: string): void {
  if (!(root instanceof ShadowRoot || root instanceof Document)) return;
  let sheet = sheets.get(cssText);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(cssText);
    sheets.set(cssText, sheet);
  }
  // First, so the element's own styles win at equal specificity.
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
}

type PointProps = { id: string };
type ClusterFeature = Supercluster.ClusterFeature<Supercluster.AnyProps> | Supercluster.PointFeature<PointProps>;

export interface DrawnCluster {
  count: number;
  clusterId: number;
  marker: Leaflet.Marker;
}

export class MapController implements ReactiveController {
  state: MapState = 'idle';
  error: unknown;
  map: Leaflet.Map | undefined;
  tileErrors = 0;
  tileLoads = 0;
  /** How Leaflet is loaded; replace before the map starts to simulate a failure in tests. */
  load: LeafletLoader;

  private host: ReactiveControllerHost & HTMLElement;
  private config: MapControllerConfig;
  private mods: LeafletModules | undefined;
  private observed: HTMLElement | undefined;
  /** The theme's marker colours, read at most once a frame (see `colors()`). */
  private colorCache?: { marker: string; selected: string } | undefined;
  private canvasEl: HTMLElement | undefined;
  private io: IntersectionObserver | undefined;
  private ro: ResizeObserver | undefined;
  private generation = 0;
  private connected = false;
  private visible = false;
  private lastSize = '';
  private points: readonly MapPoint[] = [];
  private byId = new Map<string, MapPoint>();
  private index: Supercluster<PointProps> | undefined;
  private layer: Leaflet.LayerGroup | undefined;
  private tiles: Leaflet.TileLayer | undefined;
  private tileUrl: string | undefined;
  private renderer: Leaflet.Canvas | undefined;
  private pointMarkers = new Map<string, Leaflet.CircleMarker>();
  private clusterMarkers: DrawnCluster[] = [];
  private selectedId: string | undefined;
  private popup: Leaflet.Popup | undefined;
  private allDrawn = false;

  constructor(host: ReactiveControllerHost & HTMLElement, config: MapControllerConfig) {
    this.host = host;
    this.config = config;
    this.load = config.load ?? defaultLeafletLoader;
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.watch();
  }

  hostUpdated(): void {
    this.watch();
    if (this.state !== 'ready') return;
    // Many new points: the rest of the update (the list) is painted first, and the map
    // follows in a task of its own.
    const points = this.opts().points;
    if (points !== this.points && points.length > MapController.deferAbove) {
      clearTimeout(this.deferred);
      this.deferred = setTimeout(() => {
        this.deferred = undefined;
        if (this.state === 'ready') this.sync();
      }, 0);
      return;
    }
    this.sync();
  }

  /** New points beyond this many are drawn in a task after the host's update. */
  static deferAbove = 2000;
  private deferred?: ReturnType<typeof setTimeout> | undefined;

  hostDisconnected(): void {
    clearTimeout(this.deferred);
    this.deferred = undefined;
    this.connected = false;
    this.generation++;
    this.io?.disconnect();
    this.ro?.disconnect();
    this.io = this.ro = undefined;
    this.observed = undefined;
    this.visible = false;
    this.destroy();
    if (this.state !== 'idle') this.setState('idle');
  }

  /** Highlight a point, bring it into view and open its popup. */
  select(id: string | undefined): void {
    this.selectedId = id;
    if (this.state !== 'ready' || !this.map) return;
    const p = id === undefined ? undefined : this.byId.get(id);
    if (!p) {
      this.map.closePopup();
      this.restyle();
      return;
    }
    const map = this.map;
    const latlng: [number, number] = [p.latitude, p.longitude];
    let z = Math.round(map.getZoom());
    const cluster = this.index && this.opts().cluster !== false;
    if (cluster) {
      const maxZ = map.getMaxZoom();
      while (z < maxZ && !this.unclusteredAt(p, z)) z++;
    }
    const animate = !reducedMotion();
    if (z !== Math.round(map.getZoom())) map.setView(latlng, z, { animate });
    else if (!map.getBounds().contains(latlng)) map.panTo(latlng, { animate });
    if (this.allDrawn || !cluster) this.restyle();
    else this.draw();
    this.openPopup(p);
  }

  /** Fit the view to the current points (or the configured centre). */
  fit(): void {
    const map = this.map;
    const L = this.mods?.L;
    if (!map || !L) return;
    const o = this.opts();
    if (this.points.length === 0) {
      if (!map.getZoom()) map.setView(o.center ?? [39.8, -98.6], o.zoom ?? 4);
      return;
    }
    const bounds = L.latLngBounds(this.points.map((p) => [p.latitude, p.longitude] as [number, number]));
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: o.fitMaxZoom ?? 13, animate: false });
  }

  /** Try again after a failure. */
  retry(): void {
    if (this.state !== 'failed') return;
    this.setState('idle');
    this.error = undefined;
    if (this.visible) void this.start();
  }

  /** What is drawn now: single points by id, and clusters with their counts. */
  drawn(): { points: Map<string, Leaflet.CircleMarker>; clusters: DrawnCluster[] } {
    return { points: new Map(this.pointMarkers), clusters: [...this.clusterMarkers] };
  }

  /** The ids of the points inside a drawn cluster. */
  clusterIds(clusterId: number): string[] {
    return this.index?.getLeaves(clusterId, Infinity).map((f) => f.properties.id) ?? [];
  }

  private opts(): MapViewOptions {
    return this.config.options();
  }

  private labels(): MapLabels {
    return { ...defaultLabels(), ...this.opts().labels };
  }

  private setState(s: MapState): void {
    this.state = s;
    this.config.onStateChange?.(s);
    this.host.requestUpdate();
  }

  private watch(): void {
    if (!this.connected) return;
    const c = this.config.container();
    if (!c || c === this.observed) return;
    this.io?.disconnect();
    this.ro?.disconnect();
    this.destroy();
    if (this.state === 'ready' || this.state === 'loading') {
      // Called from hostUpdated (a new container was rendered): render again after this update.
      this.state = 'idle';
      this.config.onStateChange?.('idle');
      queueMicrotask(() => this.host.requestUpdate());
    }
    this.observed = c;
    this.io = new IntersectionObserver(
      (entries) => {
        this.visible = entries.some((e) => e.isIntersecting);
        if (this.visible && this.state === 'idle') void this.start();
      },
      { rootMargin: '200px' },
    );
    this.io.observe(c);
    this.ro = new ResizeObserver(() => {
      const size = `${c.clientWidth}x${c.clientHeight}`;
      if (size === this.lastSize) return;
      this.lastSize = size;
      if (this.map && c.clientWidth > 0 && c.clientHeight > 0) {
        this.map.invalidateSize({ animate: false });
        if (!this.allDrawn) this.draw();
      }
    });
    this.ro.observe(c);
  }

  private async start(): Promise<void> {
    const gen = ++this.generation;
    this.setState('loading');
    try {
      const mods = await this.load();
      if (gen !== this.generation || !this.connected) return;
      this.mods = mods;
      this.create(mods);
      this.setState('ready');
      // A place chosen while the map was still loading (on a phone "Show on map" is what brings
      // the map into view): select() could not open it then, so open it now.
      if (this.selectedId !== undefined) this.select(this.selectedId);
    } catch (err) {
      if (gen !== this.generation) return;
      this.destroy();
      this.error = err;
      this.setState('failed');
    }
  }

  private create(mods: LeafletModules): void {
    const { L } = mods;
    const container = this.observed;
    if (!container) throw new Error('map container missing');
    adoptCss(container.getRootNode(), mods.css);
    const el = document.createElement('div');
    el.className = 'recovery-map-canvas';
    container.append(el);
    this.canvasEl = el;
    const still = reducedMotion();
    const map = L.map(el, {
      preferCanvas: true,
      // No fading popups: text read mid-fade is faint (and motion is not needed here).
      fadeAnimation: false,
      zoomControl: false,
      // The container takes no focus: the list is the keyboard path (markers are on a canvas).
      keyboard: false,
      maxZoom: 18,
      minZoom: 2,
      zoomAnimation: !still,
      markerZoomAnimation: !still,
    });
    this.map = map;
    const labels = this.labels();
    L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(map);
    this.renderer = new (safeCanvas(L))({ padding: 0.5 });
    map.attributionControl.setPrefix(false);
    if (mods.basemap) drawBasemap(L, map, mods.basemap);
    this.layer = L.layerGroup().addTo(map);
    map.on('moveend', () => {
      if (!this.allDrawn) this.draw();
    });
    const o = this.opts();
    // A provisional view (Leaflet needs one before drawing); sync() fits to the points.
    map.setView(o.center ?? [39.8, -98.6], o.zoom ?? (o.center ? 8 : 4), { animate: false });
    this.points = [];
    this.sync();
  }

  /** Apply what changed in options() since the last look. */
  private sync(): void {
    const map = this.map;
    const mods = this.mods;
    if (!map || !mods) return;
    const o = this.opts();
    const tileUrl = o.tileUrl ?? '';
    if (tileUrl !== this.tileUrl) {
      this.tiles?.remove();
      this.tiles = undefined;
      this.tileUrl = tileUrl;
      this.tileErrors = this.tileLoads = 0;
      if (tileUrl) {
        this.tiles = mods.L.tileLayer(tileUrl, { attribution: safeAttribution(o.attribution ?? OSM_ATTRIBUTION), maxZoom: 19 });
        const tiles = this.tiles;
        this.tiles.on('tileerror', () => {
          if (tiles !== this.tiles) return;
          // The first failure is news (the element says it in words); the rest only counts.
          if (this.tileErrors++ === 0) this.host.requestUpdate();
        });
        this.tiles.on('tileload', () => {
          if (tiles === this.tiles && this.tileLoads++ === 0) this.host.requestUpdate();
        });
        this.tiles.addTo(map);
      }
    }
    let moved = false;
    if (o.points !== this.points) {
      this.points = o.points;
      this.byId = new Map(o.points.map((p) => [p.id, p]));
      this.index = undefined;
      if (o.cluster !== false) {
        this.index = new mods.Supercluster<PointProps>({ radius: 48, maxZoom: 16 });
        this.index.load(
          o.points.map((p) => ({
            type: 'Feature',
            properties: { id: p.id },
            geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] },
          })),
        );
      }
      this.allDrawn = false;
      if (!o.center && this.points.length) {
        this.fit();
        moved = true;
      }
      this.draw();
    }
    if (o.selectedId !== this.selectedId || moved) this.select(o.selectedId);
  }

  private unclusteredAt(p: MapPoint, z: number): boolean {
    if (!this.index) return true;
    const e = 1e-6;
    return this.index
      .getClusters([p.longitude - e, p.latitude - e, p.longitude + e, p.latitude + e], z)
      .some((f) => !(f.properties as Supercluster.AnyProps).cluster && (f.properties as PointProps).id === p.id);
  }

  private draw(): void {
    const map = this.map;
    const layer = this.layer;
    const L = this.mods?.L;
    if (!map || !layer || !L) return;
    layer.clearLayers();
    this.pointMarkers.clear();
    this.clusterMarkers = [];
    const colors = this.colors();
    let features: ClusterFeature[];
    if (this.index) {
      const b = map.getBounds();
      const west = Math.max(-180, b.getWest());
      const east = Math.min(180, b.getEast());
      features = this.index.getClusters([west, Math.max(-85, b.getSouth()), east, Math.min(85, b.getNorth())], Math.round(map.getZoom()));
      this.allDrawn = false;
    } else {
      features = this.points.map((p) => ({
        type: 'Feature',
        properties: { id: p.id },
        geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] },
      }));
      this.allDrawn = true;
    }
    const labels = this.labels();
    for (const f of features) {
      const [lng, lat] = f.geometry.coordinates as [number, number];
      const props = f.properties as Supercluster.AnyProps;
      if (props.cluster) {
        const count = props.point_count as number;
        const clusterId = props.cluster_id as number;
        const size = count < 10 ? 34 : count < 100 ? 40 : 48;
        const node = document.createElement('span');
        node.className = 'recovery-map-cluster-count';
        node.textContent = String(count);
        const marker = L.marker([lat, lng], {
          icon: L.divIcon({ html: node, className: 'recovery-map-cluster', iconSize: [size, size] }),
          keyboard: false,
          title: labels.cluster(count),
        });
        marker.on('click', () => this.expand(clusterId, [lat, lng]));
        layer.addLayer(marker);
        this.clusterMarkers.push({ count, clusterId, marker });
      } else {
        const p = this.byId.get((props as PointProps).id);
        if (!p) continue;
        const m = L.circleMarker([p.latitude, p.longitude], {
          renderer: this.renderer,
          bubblingMouseEvents: false,
          ...this.styleFor(p, colors),
        });
        const tip = document.createElement('span');
        tip.textContent = p.label;
        m.bindTooltip(tip, { direction: 'top', offset: [0, -8] });
        m.on('click', () => this.choose(p.id));
        layer.addLayer(m);
        this.pointMarkers.set(p.id, m);
      }
    }
    const sel = this.selectedId && this.pointMarkers.get(this.selectedId);
    if (sel) sel.bringToFront();
  }

  private restyle(): void {
    const colors = this.colors();
    for (const [id, m] of this.pointMarkers) {
      const p = this.byId.get(id);
      if (p) m.setStyle(this.styleFor(p, colors));
    }
    const sel = this.selectedId && this.pointMarkers.get(this.selectedId);
    if (sel) sel.bringToFront();
  }

  private styleFor(p: MapPoint, c: { marker: string; selected: string }): Leaflet.CircleMarkerOptions {
    const on = p.id === this.selectedId;
    return {
      radius: on ? 11 : 7,
      color: on ? c.selected : '#ffffff',
      weight: on ? 4 : 2,
      fillColor: on ? c.selected : c.marker,
      fillOpacity: p.approximate ? 0.75 : 0.95,
      dashArray: p.approximate && !on ? '3 2' : undefined,
    };
  }

  /**
   * The marker colours from the theme. Reading them forces the page's styles to be worked
   * out, so they are read once and kept until the next frame: the draws and restyles of one
   * task (fit, move end, selection) share one reading, and a theme change shows on the next.
   */
  private colors(): { marker: string; selected: string } {
    if (this.colorCache) return this.colorCache;
    const cs = this.observed ? getComputedStyle(this.observed) : undefined;
    const colors = {
      marker: cs?.getPropertyValue('--_marker').trim() || '#0b5cab',
      selected: cs?.getPropertyValue('--_marker-selected').trim() || '#c1440e',
    };
    this.colorCache = colors;
    requestAnimationFrame(() => {
      if (this.colorCache === colors) this.colorCache = undefined;
    });
    return colors;
  }

  private choose(id: string): void {
    this.select(id);
    this.config.onSelect?.(id);
  }

  private expand(clusterId: number, latlng: [number, number]): void {
    if (!this.index || !this.map) return;
    const z = Math.min(this.index.getClusterExpansionZoom(clusterId), this.map.getMaxZoom());
    this.config.onClusterExpand?.(this.clusterIds(clusterId));
    this.map.setView(latlng, z, { animate: !reducedMotion() });
  }

  private openPopup(p: MapPoint): void {
    const L = this.mods?.L;
    if (!L || !this.map) return;
    const node = document.createElement('div');
    node.className = 'recovery-map-popup';
    const name = document.createElement('strong');
    name.textContent = p.label;
    node.append(name);
    if (p.detail) {
      const d = document.createElement('span');
      d.textContent = p.detail;
      node.append(d);
    }
    if (p.approximate) {
      const a = document.createElement('span');
      a.className = 'recovery-map-approx';
      a.textContent = approximateLabel(p.precision);
      node.append(a);
    }
    this.popup ??= L.popup({ offset: [0, -6], autoPanPadding: [16, 16] });
    this.popup.setLatLng([p.latitude, p.longitude]).setContent(node).openOn(this.map);
  }

  private destroy(): void {
    // Paths first: removing them after the canvas renderer schedules a redraw on a dead canvas.
    this.layer?.clearLayers();
    this.layer?.remove();
    if (this.map) {
      this.map.remove();
      // A zoom animation in flight finishes on a timer that would touch the removed panes.
      (this.map as unknown as { _animatingZoom?: boolean })._animatingZoom = false;
    }
    this.canvasEl?.remove();
    this.map = undefined;
    this.canvasEl = undefined;
    this.layer = undefined;
    this.tiles = undefined;
    this.tileUrl = undefined;
    this.renderer = undefined;
    this.popup = undefined;
    this.pointMarkers.clear();
    this.clusterMarkers = [];
    this.points = [];
    this.index = undefined;
    this.lastSize = '';
    this.allDrawn = false;
  }
}

const safeCanvases = new WeakMap<object, new (o: Leaflet.RendererOptions) => Leaflet.Canvas>();
/**
 * Leaflet 1.9.4's canvas renderer can leave an orphan animation frame behind (a synchronous
 * redraw forgets the pending one); after `map.remove()` it throws on the dead canvas. This
 * subclass skips a redraw once the canvas is gone.
 */
function safeCanvas(L: typeof Leaflet): new (o: Leaflet.RendererOptions) => Leaflet.Canvas {
  let C = safeCanvases.get(L);
  if (!C) {
    const proto = L.Canvas.prototype as unknown as { _redraw: () => void };
    C = L.Canvas.extend({
      _redraw(this: { _ctx?: unknown; _redrawRequest?: unknown }) {
        if (this._ctx) proto._redraw.call(this);
        else this._redrawRequest = null;
      },
    }) as unknown as new (o: Leaflet.RendererOptions) => Leaflet.Canvas;
    safeCanvases.set(L, C);
  }
  return C;
}

/** The basemap in its own pane under the tiles (so tiles cover it, and a failed tile shows it). */
function drawBasemap(L: typeof Leaflet, map: Leaflet.Map, b: Basemap): void {
  const pane = map.createPane('recovery-basemap');
  pane.style.zIndex = '150';
  pane.style.pointerEvents = 'none';
  const renderer = L.svg({ pane: 'recovery-basemap', padding: 0.5 });
  const style = { color: '#8c8c99', weight: 1, fillColor: '#fbfaf6', fillOpacity: 1, interactive: false };
  // Leaflet hands a GeoJSON layer's options to each polygon it makes, renderer included.
  const options = { pane: 'recovery-basemap', renderer, style, interactive: false } as Leaflet.GeoJSONOptions;
  L.geoJSON(b.states, { ...options, attribution: 'U.S. Census Bureau' }).addTo(map);
  L.geoJSON(b.counties, options).addTo(map);
}

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Styles for a map container: put the class `map-frame` on the element passed as `container`
 * (it needs a height), after `baseStyles` in `static styles`.
 */
export const mapStyles = css`
  .map-frame {
    /* A map is laid out left to right in every language (Leaflet's panes, controls and
       attribution assume it); a popup's words follow the element's direction. */
    direction: ltr;
    unicode-bidi: isolate;
    --_marker: var(--recovery-map-marker-color, var(--_primary, #0b5cab));
    --_marker-selected: var(--recovery-map-marker-selected-color, var(--_focus, #c1440e));
    position: relative;
    overflow: hidden;
    /* Water, around the basemap's land. */
    background: #dce8f0;
    border: 1px solid var(--_border, #767684);
    border-radius: var(--_radius, 8px);
  }
  .recovery-map-canvas {
    position: absolute;
    inset: 0;
  }
  .recovery-map-canvas.leaflet-container {
    background: #dce8f0;
    font: inherit;
    font-size: 0.875em;
  }
  /* Leaflet's controls and popups follow the tokens (colours, radius, font). */
  .leaflet-container .leaflet-control-attribution {
    background: color-mix(in srgb, var(--_surface, #ffffff) 92%, transparent);
    color: var(--_text, #1b1b1f);
    border-top-left-radius: var(--_radius, 8px);
  }
  .leaflet-container .leaflet-control-attribution a {
    color: var(--_primary, #0b4f94);
  }
  .leaflet-container .leaflet-popup-content-wrapper,
  .leaflet-container .leaflet-popup-tip {
    background: var(--_surface, #ffffff);
    color: var(--_text, #1b1b1f);
  }
  .leaflet-container .leaflet-popup-content-wrapper {
    border-radius: var(--_radius, 8px);
  }
  :host([dir='rtl']) .leaflet-container .leaflet-popup-content {
    direction: rtl;
  }
  .leaflet-container .leaflet-popup-content {
    font-size: var(--recovery-font-size, 16px);
    line-height: var(--recovery-line-height, 1.5);
  }
  .leaflet-container a.leaflet-popup-close-button {
    color: var(--_text, #1b1b1f);
    width: 24px;
    height: 24px;
    font-size: 20px;
    line-height: 24px;
  }
  .leaflet-container .leaflet-bar {
    border-radius: var(--_radius, 8px);
  }
  .leaflet-container .leaflet-bar a {
    background: var(--_surface, #ffffff);
    color: var(--_text, #1b1b1f);
    border-bottom-color: var(--_border, #767684);
  }
  .leaflet-container .leaflet-bar a:first-child {
    border-top-left-radius: var(--_radius, 8px);
    border-top-right-radius: var(--_radius, 8px);
  }
  .leaflet-container .leaflet-bar a:last-child {
    border-bottom-left-radius: var(--_radius, 8px);
    border-bottom-right-radius: var(--_radius, 8px);
  }
  .recovery-map-cluster {
    display: grid;
    place-items: center;
    border-radius: 50%;
    background: var(--_marker);
    color: #ffffff;
    border: 3px solid #ffffff;
    box-shadow: 0 0 0 1px rgba(0, 0, 0, 0.4);
    font-weight: 700;
    cursor: pointer;
  }
  .recovery-map-popup {
    display: grid;
    gap: 0.25em;
    color: var(--_text, #1b1b1f);
  }
  .recovery-map-approx {
    font-style: italic;
  }
  .map-extras {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin-top: 0.5em;
  }
  .map-extras .notice {
    margin: 0;
  }
  @media (forced-colors: active) {
    .recovery-map-cluster {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-color: CanvasText;
    }
  }
`;

/** A record as a point on the map (undefined without valid coordinates). */
export function resourcePoint(r: Resource): MapPoint | undefined {
  const at = r.location;
  if (!at || !isValidLatLon(at)) return undefined;
  return {
    id: r.id,
    latitude: at.latitude,
    longitude: at.longitude,
    label: r.name,
    approximate: at.precision !== 'exact',
    precision: at.precision,
    detail: r.address ? [r.address.address_1, r.address.city].filter(Boolean).join(', ') : undefined,
  };
}

/** The records that have coordinates, as map points. */
export function resourcePoints(records: readonly Resource[]): MapPoint[] {
  return records.flatMap((r) => resourcePoint(r) ?? []);
}

/** The sized frame the controller draws into, labelled, with "Loading the map…" while it loads. */
export function renderMapFrame(map: MapController, label: string): TemplateResult {
  return html`<div class="map map-frame" role="region" aria-label=${label}>
    ${map.state === 'loading' ? html`<p class="map-loading">${msg('Loading the map…')}</p>` : nothing}
  </div>`;
}

/**
 * Under a ready map: the "Show street map" switch (tiles load only after it, unless the site set
 * `tile-url`), and, when tiles fail, that news in words (the basemap and the list stay).
 */
export function renderMapExtras(map: MapController, streetMap: boolean, toggle: () => void): TemplateResult | typeof nothing {
  if (map.state !== 'ready') return nothing;
  return html`<div class="map-extras">
    <button type="button" class="secondary street-map" aria-pressed=${streetMap ? 'true' : 'false'} @click=${toggle}>
      ${msg('Show street map')}
    </button>
    ${streetMap && map.tileErrors > 0
      ? html`<p class="notice warning tiles-failed">${map.tileLoads > 0
          ? msg('Part of the street map could not be loaded. The outline map and the list still work.')
          : msg('The street map could not be loaded. The outline map and the list still work.')}</p>`
      : nothing}
  </div>`;
}

/**
 * What a person should know about the markers' places, or nothing when every one is exact:
 * each record's own precision (a ZIP code centre, a town centre, the source's geocoding), never
 * "ZIP code centre" for a point placed another way.
 */
export function approximateNote(points: readonly MapPoint[]): string | typeof nothing {
  const approximate = points.filter((p) => p.approximate);
  if (approximate.length === 0) return nothing;
  const kinds = new Set(approximate.map((p) => (p.precision === 'city-centroid' ? 'town-centre' : p.precision ?? 'zip-centroid')));
  const every = approximate.length === points.length;
  if (kinds.size === 2 && !kinds.has('source-geocoded')) {
    return every
      ? msg('Every marker is placed at the centre of its ZIP code or town, not at the door: use the address for directions.')
      : msg('Dashed markers are placed at the centre of their ZIP code or town, not at the door.');
  }
  if (kinds.size > 1) {
    return every
      ? msg('Every marker is approximate (a ZIP code or town centre, or where the source geocoded it), not at the door: use the address for directions.')
      : msg('Dashed markers are approximate (a ZIP code or town centre, or where the source geocoded it), not at the door.');
  }
  const [kind] = kinds;
  if (kind === 'town-centre') {
    return every
      ? msg('Every marker is placed at the centre of its town, not at the door: use the address for directions.')
      : msg('Dashed markers are placed at the centre of their town, not at the door.');
  }
  if (kind === 'source-geocoded') {
    return every
      ? msg('Every marker is where the source geocoded it, which may not be the door: use the address for directions.')
      : msg('Dashed markers are where the source geocoded them, which may not be the door.');
  }
  return every
    ? msg('Every marker is placed at the centre of its ZIP code, not at the door: use the address for directions.')
    : msg('Dashed markers are placed at the centre of their ZIP code, not at the door.');
}
