/**
 * `npm run bench:markers`: how long adding and painting markers takes in headless Chromium for
 * the 39 shipped PRSCs and for 5,000 points of the national disposal snapshot, with the shared
 * map base (canvas circleMarkers, with and without supercluster) and with plain DOM markers.
 * Measurements, printed to the log (lines starting `BENCH`); nothing here passes or fails on
 * time. Run by the test runner (for its Leaflet CSS and esbuild set-up), outside `npm test`.
 * That every point is drawn is tested in test/kit/map-markers.test.ts.
 */
import { fixture, html } from '@open-wc/testing';
import { defaultLeafletLoader } from '../src/kit/map/map-leaflet.js';
import type { MapPoint } from '../src/kit/map/map-types.js';
import { setGeolocation, until } from '../test/helpers.js';
import { type MarkerHost, drawnCount, shippedPoints } from '../test/kit/map-markers.helpers.js';

const painted = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

async function timeMapBase(points: MapPoint[], cluster: boolean): Promise<{ ms: number; drawn: number }> {
  const host = await fixture<MarkerHost>(html`<marker-test-host .cluster=${cluster}></marker-test-host>`);
  host.scrollIntoView();
  await until(() => host.ctl.state === 'ready', 'the map');
  await painted();
  const t0 = performance.now();
  host.points = points;
  await host.updateComplete;
  await painted();
  return { ms: performance.now() - t0, drawn: drawnCount(host) };
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
  this.timeout(300_000);
  before(() => setGeolocation({ reset: true })); // focus emulation: keeps painting in a background tab

  it('39 PRSCs and 5,000 national points: canvas, clusters, DOM markers', async () => {
    const { prsc, national } = await shippedPoints();
    const rows: string[] = [];
    for (const [name, points] of [
      ['PRSC (39)', prsc],
      ['national (5000)', national],
    ] as const) {
      const canvas = await timeMapBase(points, false);
      const clustered = await timeMapBase(points, true);
      const dom = await timeDomMarkers(points);
      rows.push(
        `${name}: canvas circleMarkers ${canvas.ms.toFixed(0)} ms (${canvas.drawn} drawn); supercluster+canvas ${clustered.ms.toFixed(0)} ms ` +
          `(${clustered.drawn} in view); DOM markers ${dom.ms.toFixed(0)} ms (${dom.drawn} DOM markers in view)`,
      );
    }
    console.log(`BENCH ${rows.join('\nBENCH ')}`);
  });
});
