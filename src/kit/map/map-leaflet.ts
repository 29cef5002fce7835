/**
 * Leaflet and its surroundings for the map (map-controller.ts): loading it lazily with its CSS,
 * supercluster and the basemap; adopting its CSS into a shadow root; a canvas renderer that
 * survives `map.remove()`; the basemap's pane; the reduced-motion preference. Nothing here
 * imports Leaflet statically (types only).
 */
import type * as Leaflet from 'leaflet';
import { Lazy } from '../../core/lazy.js';
import type { Basemap } from './basemap/basemap.js';
import type { LeafletLoader, LeafletModules } from './map-types.js';

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

/** One constructed sheet per CSS text, shared by every shadow root. */
const sheets = new Map<string, CSSStyleSheet>();
export function adoptCss(root: Node, cssText: string): void {
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

const safeCanvases = new WeakMap<object, new (o: Leaflet.RendererOptions) => Leaflet.Canvas>();
/**
 * Leaflet 1.9.4's canvas renderer can leave an orphan animation frame behind (a synchronous
 * redraw forgets the pending one); after `map.remove()` it throws on the dead canvas. This
 * subclass skips a redraw once the canvas is gone.
 */
export function safeCanvas(L: typeof Leaflet): new (o: Leaflet.RendererOptions) => Leaflet.Canvas {
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
export function drawBasemap(L: typeof Leaflet, map: Leaflet.Map, b: Basemap): void {
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

/** The person asked for less motion. */
export function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
