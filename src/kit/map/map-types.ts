/**
 * The types of the map (map-controller.ts): its points, state, words and options, and how
 * Leaflet comes (types only: nothing here loads Leaflet).
 */
import type { LocationPrecision } from '../../core/schema.js';
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

export interface DrawnCluster {
  count: number;
  clusterId: number;
  marker: Leaflet.Marker;
}
