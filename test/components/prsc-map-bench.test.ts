/**
 * Measurements, not assertions on time: how long adding and painting markers takes in headless
 * Chromium for the 39 shipped PRSCs and for 5,000 points of the national disposal snapshot,
 * with the shared map base (canvas circleMarkers, with and without supercluster) and with plain
 * DOM markers. Figures go to the browser log; the assertions only check that what was measured
 * was really drawn.
 */
import { fixture, html, expect } from '@open-wc/testing';
import { LitElement, css } from 'lit';
import { property } from 'lit/decorators.js';
import { MapController, defaultLeafletLoader, mapStyles, type MapPoint } from '../../src/components/shared/map-controller.js';
import { DEFAULT_DATASET_URL } from '../../src/components/shared/dataset-controller.js';
import { setGeolocation } from '../helpers.js';

async function until(check: () => boolean, ms = 20000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
const painted = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

class BenchHost extends LitElement {
  static styles = [mapStyles, css`.map-frame { width: 800px; height: 500px; }`];
  @property({ attribute: false }) points: MapPoint[] = [];
  @property({ attribute: false }) cluster = true;
  ctl = new MapController(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.map-frame'),
    options: () => ({ points: this.points, tileUrl: '', cluster: this.cluster }),
  });
  render() {
    return html`<div class="map-frame"></div>`;
  }
}
customElements.define('prsc-bench-host', BenchHost);

interface Rec {
  id: string;
  name: string;
  kind: string;
  location?: { latitude: number; longitude: number; precision: string };
}
const toPoints = (rs: Rec[]): MapPoint[] =>
  rs
    .filter((r) => r.location)
    .map((r) => ({ id: r.id, latitude: r.location!.latitude, longitude: r.location!.longitude, label: r.name }));

async function timeMapBase(points: MapPoint[], cluster: boolean): Promise<{ ms: number; drawn: number }> {
  const host = await fixture<BenchHost>(html`<prsc-bench-host .cluster=${cluster}></prsc-bench-host>`);
  host.scrollIntoView();
  await until(() => host.ctl.state === 'ready');
  await painted();
  const t0 = performance.now();
  host.points = points;
  await host.updateComplete;
  await painted();
  const ms = performance.now() - t0;
  const d = host.ctl.drawn();
  return { ms, drawn: d.points.size + d.clusters.reduce((s, c) => s + c.count, 0) };
}

async function timeDomMarkers(points: MapPoint[]): Promise<{ ms: number; drawn: number }> {
  const { L, css: leafletCss } = await defaultLeafletLoader();
  const host = await fixture<HTMLDivElement>(html`<div style="width: 800px; height: 500px"></div>`);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(leafletCss);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  host.scrollIntoView();
  const map = L.map(host, { maxZoom: 18 });
  map.fitBounds(L.latLngBounds(points.map((p) => [p.latitude, p.longitude] as [number, number])));
  await painted();
  const t0 = performance.now();
  const group = L.layerGroup();
  for (const p of points) {
    group.addLayer(L.marker([p.latitude, p.longitude], { icon: L.divIcon({ className: 'bench-dot', iconSize: [10, 10] }) }));
  }
  group.addTo(map);
  await painted();
  const ms = performance.now() - t0;
  const drawn = host.querySelectorAll('.bench-dot').length;
  map.remove();
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  return { ms, drawn };
}

describe('map marker timings (measured, not asserted)', function () {
  this.timeout(120_000);
  before(() => setGeolocation({ reset: true })); // focus emulation: keeps painting in a background tab

  it('39 PRSCs and 5,000 national points: canvas, clusters, DOM markers', async () => {
    const prsc = toPoints(
      ((await (await fetch(DEFAULT_DATASET_URL)).json()) as { resources: Rec[] }).resources.filter((r) => r.kind === 'prsc'),
    );
    const national = toPoints(
      ((await (await fetch('/data/us-disposal-2018.json')).json()) as { resources: Rec[] }).resources,
    ).slice(0, 5000);
    const rows: string[] = [];
    for (const [name, pts] of [
      ['PRSC (39)', prsc],
      ['national (5000)', national],
    ] as const) {
      const canvas = await timeMapBase(pts, false);
      const clustered = await timeMapBase(pts, true);
      const dom = await timeDomMarkers(pts);
      expect(canvas.drawn).to.equal(pts.length);
      expect(clustered.drawn).to.be.at.most(pts.length); // only the clusters/points in view
      rows.push(
        `${name}: canvas circleMarkers ${canvas.ms.toFixed(0)} ms; supercluster+canvas ${clustered.ms.toFixed(0)} ms ` +
          `(${clustered.drawn} in view); DOM markers ${dom.ms.toFixed(0)} ms (${dom.drawn} DOM markers in view)`,
      );
    }
    console.log(`BENCH ${rows.join('\nBENCH ')}`);
  });
});
