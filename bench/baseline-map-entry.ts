/**
 * The map benchmark's baseline, never shipped: a plain Leaflet map as a simple directory would
 * build it. It fetches the dataset, draws one canvas `circleMarker` per record (`preferCanvas`,
 * no clustering, no lazy loading: Leaflet is in this script), and lists the first 20 records
 * with the shared card renderer. No validation, no tiles.
 *
 * `<bench-leaflet-map src="...">`; the benchmark reads the same things as on our elements:
 * `[part~="list"] li` rows and Leaflet's panes in the shadow root.
 */
import { LitElement, html, css, unsafeCSS } from 'lit';
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import { baseStyles } from '../src/kit/ui/styles.js';
import { cardStyles, renderCard } from '../src/kit/card/result-card.js';
import type { Resource } from '../src/core/schema.js';

class BenchLeafletMap extends LitElement {
  static override styles = [
    unsafeCSS(leafletCss),
    baseStyles,
    cardStyles,
    css`.layout { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; } .map { height: 32rem; } ul { list-style: none; padding: 0; }`,
  ];
  static override properties = { src: {}, records: { state: true } };
  src = '';
  records?: { resources: Resource[]; time_zone: string };
  private map?: L.Map;

  override connectedCallback(): void {
    super.connectedCallback();
    void fetch(this.src)
      .then((r) => r.json())
      .then((d: { resources: Resource[]; time_zone: string }) => (this.records = d));
  }

  override render() {
    const d = this.records;
    return html`<div class="layout">
      <div class="map" part="map"></div>
      <ul part="list">
        ${(d?.resources ?? []).slice(0, 20).map((r) => html`<li>${renderCard(r, { now: new Date(), timeZone: d?.time_zone ?? 'America/New_York', headingLevel: 3 })}</li>`)}
      </ul>
    </div>`;
  }

  protected override updated(): void {
    const d = this.records;
    const el = this.renderRoot.querySelector<HTMLElement>('.map');
    if (!d || !el || this.map) return;
    const map = (this.map = L.map(el, { preferCanvas: true, maxZoom: 18 }));
    const points = d.resources.filter((r) => r.location).map((r) => [r.location!.latitude, r.location!.longitude] as [number, number]);
    map.fitBounds(L.latLngBounds(points));
    const layer = L.layerGroup();
    for (const p of points) L.circleMarker(p, { radius: 5 }).addTo(layer);
    layer.addTo(map);
  }
}

if (!customElements.get('bench-leaflet-map')) customElements.define('bench-leaflet-map', BenchLeafletMap);
