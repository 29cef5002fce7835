// A bare host of the shared MapController, and the shipped records as map points: for the
// marker test (test/kit/map-markers.test.ts) and the marker timings (bench/map-markers.bench.ts).
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { MapController } from '../../src/kit/map/map-controller.js';
import { mapStyles } from '../../src/kit/map/map-styles.js';
import type { MapPoint } from '../../src/kit/map/map-types.js';
import { DEFAULT_DATASET_URL } from '../../src/kit/base/dataset-controller.js';

export class MarkerHost extends LitElement {
  static override styles = [mapStyles, css`.map-frame { width: 800px; height: 500px; }`];
  @property({ attribute: false }) points: MapPoint[] = [];
  @property({ attribute: false }) cluster = true;
  ctl = new MapController(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.map-frame'),
    options: () => ({ points: this.points, tileUrl: '', cluster: this.cluster }),
  });
  override render() {
    return html`<div class="map-frame"></div>`;
  }
}
if (!customElements.get('marker-test-host')) customElements.define('marker-test-host', MarkerHost);

interface Rec {
  id: string;
  name: string;
  kind: string;
  location?: { latitude: number; longitude: number; precision: string };
}
const toPoints = (rs: Rec[]): MapPoint[] =>
  rs.flatMap((r) => (r.location ? [{ id: r.id, latitude: r.location.latitude, longitude: r.location.longitude, label: r.name }] : []));

/** The 39 shipped PRSCs, and 5,000 points of the national disposal snapshot. */
export async function shippedPoints(): Promise<{ prsc: MapPoint[]; national: MapPoint[] }> {
  const bundled = (await (await fetch(DEFAULT_DATASET_URL)).json()) as { resources: Rec[] };
  const national = (await (await fetch('/data/us-disposal-2018.json')).json()) as { resources: Rec[] };
  return { prsc: toPoints(bundled.resources.filter((r) => r.kind === 'prsc')), national: toPoints(national.resources).slice(0, 5000) };
}

/** Everything drawn: single points, and the points inside clusters. */
export function drawnCount(host: MarkerHost): number {
  const d = host.ctl.drawn();
  return d.points.size + d.clusters.reduce((s, c) => s + c.count, 0);
}
