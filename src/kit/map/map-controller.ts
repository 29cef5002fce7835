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
 * import { MapController } from './map-controller.js';
 * import { mapStyles } from './map-styles.js';
 * import type { MapPoint } from './map-types.js';
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
 * clusters (a DOM divIcon with the count, clicking zooms to where they split): map-markers.ts.
 * Approximate points are drawn with a dashed outline. Popups and tooltips are DOM built with
 * textContent, never a string of HTML. A ResizeObserver calls `invalidateSize()` whenever the container's
 * size changes (e.g. revealed after `display: none`). Disconnect calls `map.remove()` and
 * removes the canvas div; reconnecting builds a fresh map.
 *
 * Beside it: map-types.ts (the types), map-leaflet.ts (loading Leaflet), map-attribution.ts (the
 * tile credit), map-styles.ts (`mapStyles`), map-view.ts (points from records, the frame, the
 * street map switch, the note on approximate markers).
 *
 * CSS custom properties read from the container (through `mapStyles`):
 * `--recovery-map-marker-color`, `--recovery-map-marker-selected-color`.
 */
import { msg, str } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as Leaflet from 'leaflet';
import { formatCount } from '../ui/format.js';
import { OSM_ATTRIBUTION, safeAttribution } from './map-attribution.js';
import { adoptCss, defaultLeafletLoader, drawBasemap, reducedMotion } from './map-leaflet.js';
import { MapMarkers } from './map-markers.js';
import type { DrawnCluster, LeafletLoader, LeafletModules, MapControllerConfig, MapLabels, MapState, MapViewOptions } from './map-types.js';

/** Labels in the page's language; an element overrides what it words differently. */
const defaultLabels = (): MapLabels => ({
  cluster: (n) => msg(str`${formatCount(n)} places here: select to zoom in`),
  zoomIn: msg('Zoom in'),
  zoomOut: msg('Zoom out'),
});

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
  private canvasEl: HTMLElement | undefined;
  private io: IntersectionObserver | undefined;
  private ro: ResizeObserver | undefined;
  private generation = 0;
  private connected = false;
  private visible = false;
  private lastSize = '';
  /** The points, clusters and popup, while there is a map. */
  private markers: MapMarkers | undefined;
  private tiles: Leaflet.TileLayer | undefined;
  private tileUrl: string | undefined;
  private selectedId: string | undefined;

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
    if (points !== this.markers?.points && points.length > MapController.deferAbove) {
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
    const markers = this.markers;
    if (this.state !== 'ready' || !this.map || !markers) return;
    const p = id === undefined ? undefined : markers.byId.get(id);
    if (!p) {
      this.map.closePopup();
      markers.restyle();
      return;
    }
    const map = this.map;
    const latlng: [number, number] = [p.latitude, p.longitude];
    let z = Math.round(map.getZoom());
    const cluster = markers.index && this.opts().cluster !== false;
    if (cluster) {
      const maxZ = map.getMaxZoom();
      while (z < maxZ && !markers.unclusteredAt(p, z)) z++;
    }
    const animate = !reducedMotion();
    if (z !== Math.round(map.getZoom())) map.setView(latlng, z, { animate });
    else if (!map.getBounds().contains(latlng)) map.panTo(latlng, { animate });
    if (markers.allDrawn || !cluster) markers.restyle();
    else markers.draw();
    markers.openPopup(p);
  }

  /** Fit the view to the current points (or the configured centre). */
  fit(): void {
    const map = this.map;
    const L = this.mods?.L;
    if (!map || !L) return;
    const o = this.opts();
    const points = this.markers?.points ?? [];
    if (points.length === 0) {
      if (!map.getZoom()) map.setView(o.center ?? [39.8, -98.6], o.zoom ?? 4);
      return;
    }
    const bounds = L.latLngBounds(points.map((p) => [p.latitude, p.longitude] as [number, number]));
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
    return this.markers?.drawn() ?? { points: new Map(), clusters: [] };
  }

  /** The ids of the points inside a drawn cluster. */
  clusterIds(clusterId: number): string[] {
    return this.markers?.clusterIds(clusterId) ?? [];
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
        this.markers?.redraw();
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
    map.attributionControl.setPrefix(false);
    if (mods.basemap) drawBasemap(L, map, mods.basemap);
    this.markers = new MapMarkers(L, mods.Supercluster, map, {
      themed: () => this.observed,
      selectedId: () => this.selectedId,
      labels: () => this.labels(),
      onChoose: (id) => this.choose(id),
      onClusterExpand: this.config.onClusterExpand,
    });
    map.on('moveend', () => this.markers?.redraw());
    const o = this.opts();
    // A provisional view (Leaflet needs one before drawing); sync() fits to the points.
    map.setView(o.center ?? [39.8, -98.6], o.zoom ?? (o.center ? 8 : 4), { animate: false });
    this.sync();
  }

  /** Apply what changed in options() since the last look. */
  private sync(): void {
    const map = this.map;
    const mods = this.mods;
    const markers = this.markers;
    if (!map || !mods || !markers) return;
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
    if (o.points !== markers.points) {
      markers.setPoints(o.points, o.cluster !== false);
      if (!o.center && o.points.length) {
        this.fit();
        moved = true;
      }
      markers.draw();
    }
    if (o.selectedId !== this.selectedId || moved) this.select(o.selectedId);
  }

  /** A person clicked a point. */
  private choose(id: string): void {
    this.select(id);
    this.config.onSelect?.(id);
  }

  private destroy(): void {
    // The markers first: removing them after the canvas renderer schedules a redraw on a dead canvas.
    this.markers?.remove();
    if (this.map) {
      this.map.remove();
      // A zoom animation in flight finishes on a timer that would touch the removed panes.
      (this.map as unknown as { _animatingZoom?: boolean })._animatingZoom = false;
    }
    this.canvasEl?.remove();
    this.map = undefined;
    this.canvasEl = undefined;
    this.markers = undefined;
    this.tiles = undefined;
    this.tileUrl = undefined;
    this.lastSize = '';
  }
}
