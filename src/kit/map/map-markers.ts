/**
 * The markers of a ready map (map-controller.ts): canvas `circleMarker`s for single points and,
 * unless the map's `cluster` is false, supercluster clusters (a DOM divIcon with the count;
 * clicking zooms to where they split), on one layer. Approximate points have a dashed outline;
 * the chosen one is larger, in the chosen colour, with its popup (DOM built with textContent,
 * never a string of HTML). Made when the map is created, removed with it.
 */
import type * as Leaflet from 'leaflet';
import type Supercluster from 'supercluster';
import { approximateLabel } from '../i18n/labels.js';
import { reducedMotion, safeCanvas } from './map-leaflet.js';
import type { DrawnCluster, MapLabels, MapPoint } from './map-types.js';

type PointProps = { id: string };
type ClusterFeature = Supercluster.ClusterFeature<Supercluster.AnyProps> | Supercluster.PointFeature<PointProps>;
type Colors = { marker: string; selected: string };

/** What the markers ask of their map controller. */
export interface MapMarkersHost {
  /** The element whose theme gives the marker colours (`--_marker`, `--_marker-selected`). */
  themed: () => HTMLElement | undefined;
  /** The chosen point's id. */
  selectedId: () => string | undefined;
  labels: () => MapLabels;
  /** A person clicked a point. */
  onChoose: (id: string) => void;
  /** A person clicked a cluster (it zooms in): the ids inside it. */
  onClusterExpand?: ((ids: string[]) => void) | undefined;
}

export class MapMarkers {
  /** The points shown (the same array until the element's points really change). */
  points: readonly MapPoint[] = [];
  /** The points by id. */
  byId = new Map<string, MapPoint>();
  /** The clusters' index (undefined when not clustering). */
  index: Supercluster<PointProps> | undefined;
  /** Every point is drawn (no clusters, so moving the view needs no new draw). */
  allDrawn = false;
  private readonly layer: Leaflet.LayerGroup;
  private readonly renderer: Leaflet.Canvas;
  private pointMarkers = new Map<string, Leaflet.CircleMarker>();
  private clusterMarkers: DrawnCluster[] = [];
  private popup: Leaflet.Popup | undefined;
  /** The theme's marker colours, read at most once a frame (see `colors()`). */
  private colorCache?: Colors | undefined;

  constructor(
    private readonly L: typeof Leaflet,
    private readonly SC: typeof Supercluster,
    private readonly map: Leaflet.Map,
    private readonly host: MapMarkersHost,
  ) {
    this.renderer = new (safeCanvas(L))({ padding: 0.5 });
    this.layer = L.layerGroup().addTo(map);
  }

  /** New points: indexed for clustering (unless `cluster` is false), drawn by the next `draw()`. */
  setPoints(points: readonly MapPoint[], cluster: boolean): void {
    this.points = points;
    this.byId = new Map(points.map((p) => [p.id, p]));
    this.index = undefined;
    if (cluster) {
      this.index = new this.SC<PointProps>({ radius: 48, maxZoom: 16 });
      this.index.load(
        points.map((p) => ({
          type: 'Feature',
          properties: { id: p.id },
          geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] },
        })),
      );
    }
    this.allDrawn = false;
  }

  /** What is drawn now: single points by id, and clusters with their counts. */
  drawn(): { points: Map<string, Leaflet.CircleMarker>; clusters: DrawnCluster[] } {
    return { points: new Map(this.pointMarkers), clusters: [...this.clusterMarkers] };
  }

  /** The ids of the points inside a drawn cluster. */
  clusterIds(clusterId: number): string[] {
    return this.index?.getLeaves(clusterId, Infinity).map((f) => f.properties.id) ?? [];
  }

  /** The point stands on its own (not in a cluster) at zoom `z`. */
  unclusteredAt(p: MapPoint, z: number): boolean {
    if (!this.index) return true;
    const e = 1e-6;
    return this.index
      .getClusters([p.longitude - e, p.latitude - e, p.longitude + e, p.latitude + e], z)
      .some((f) => !(f.properties as Supercluster.AnyProps).cluster && (f.properties as PointProps).id === p.id);
  }

  /** The view moved or was resized: clusters are drawn again for it. */
  redraw(): void {
    if (!this.allDrawn) this.draw();
  }

  draw(): void {
    const { map, layer, L } = this;
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
    const labels = this.host.labels();
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
        m.on('click', () => this.host.onChoose(p.id));
        layer.addLayer(m);
        this.pointMarkers.set(p.id, m);
      }
    }
    this.selectedToFront();
  }

  restyle(): void {
    const colors = this.colors();
    for (const [id, m] of this.pointMarkers) {
      const p = this.byId.get(id);
      if (p) m.setStyle(this.styleFor(p, colors));
    }
    this.selectedToFront();
  }

  openPopup(p: MapPoint): void {
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
    this.popup ??= this.L.popup({ offset: [0, -6], autoPanPadding: [16, 16] });
    this.popup.setLatLng([p.latitude, p.longitude]).setContent(node).openOn(this.map);
  }

  /** Take the markers off the map (before the map itself is removed). */
  remove(): void {
    // Paths first: removing them after the canvas renderer schedules a redraw on a dead canvas.
    this.layer.clearLayers();
    this.layer.remove();
  }

  private selectedToFront(): void {
    const id = this.host.selectedId();
    const sel = id && this.pointMarkers.get(id);
    if (sel) sel.bringToFront();
  }

  private styleFor(p: MapPoint, c: Colors): Leaflet.CircleMarkerOptions {
    const on = p.id === this.host.selectedId();
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
  private colors(): Colors {
    if (this.colorCache) return this.colorCache;
    const themed = this.host.themed();
    const cs = themed ? getComputedStyle(themed) : undefined;
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

  private expand(clusterId: number, latlng: [number, number]): void {
    if (!this.index) return;
    const z = Math.min(this.index.getClusterExpansionZoom(clusterId), this.map.getMaxZoom());
    this.host.onClusterExpand?.(this.clusterIds(clusterId));
    this.map.setView(latlng, z, { animate: !reducedMotion() });
  }
}
