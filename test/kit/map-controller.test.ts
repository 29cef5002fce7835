import { fixture, html, expect } from '@open-wc/testing';
import { LitElement, css, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { MapController } from '../../src/kit/map/map-controller.js';
import { approximateNote } from '../../src/kit/map/map-view.js';
import { defaultLeafletLoader } from '../../src/kit/map/map-leaflet.js';
import { mapStyles } from '../../src/kit/map/map-styles.js';
import type { LeafletLoader, MapPoint } from '../../src/kit/map/map-types.js';
import { setGeolocation, until } from '../helpers.js';


const TILES = '/test-api/tiles/{z}/{x}/{y}.png';

class MapHost extends LitElement {
  static styles = [
    mapStyles,
    css`
      :host {
        display: block;
        width: 400px;
      }
      .map-frame {
        height: 300px;
      }
    `,
  ];
  @property({ attribute: false }) points: MapPoint[] = [];
  @property({ attribute: false }) selectedId: string | undefined;
  @property({ attribute: false }) load: LeafletLoader | undefined;
  @property({ attribute: false }) cluster = true;
  @property({ attribute: false }) tileUrl = TILES;
  selections: string[] = [];
  ctl = new MapController(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.map-frame'),
    options: () => ({ points: this.points, selectedId: this.selectedId, tileUrl: this.tileUrl, cluster: this.cluster }),
    onSelect: (id) => this.selections.push(id),
    load: () => (this.load ?? defaultLeafletLoader)(),
  });
  render() {
    return html`<div class="map-frame"></div>`;
  }
}
customElements.define('map-host', MapHost);

function grid(n: number): MapPoint[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    latitude: 42 + (i % 10) * 0.05,
    longitude: -71.5 + Math.floor(i / 10) * 0.05,
    label: `Example point ${i}`,
    approximate: i % 2 === 0,
  }));
}

function drawnTotal(ctl: MapController): number {
  const d = ctl.drawn();
  return d.points.size + d.clusters.reduce((s, c) => s + c.count, 0);
}

async function ready(el: MapHost): Promise<void> {
  await until(() => el.ctl.state === 'ready' || el.ctl.state === 'failed', 'map ready');
  expect(el.ctl.state, String(el.ctl.error)).to.equal('ready');
}

describe('MapController', () => {
  // Turns on focus emulation for this page (see test/server/geolocation-plugin.mjs).
  before(() => setGeolocation({ reset: true }));
  it('draws every point as a marker or inside a cluster', async () => {
    const el = await fixture<MapHost>(html`<map-host .points=${grid(40)}></map-host>`);
    await ready(el);
    expect(drawnTotal(el.ctl)).to.equal(40);
    expect(el.shadowRoot!.querySelectorAll('.leaflet-container').length).to.equal(1);
  });

  it('does not load or create the map until the container is near the screen', async () => {
    let calls = 0;
    const load: LeafletLoader = () => {
      calls++;
      return defaultLeafletLoader();
    };
    const tiles = `${TILES}?lazy=${Date.now()}`;
    const tileRequests = () =>
      performance.getEntriesByType('resource').filter((e) => e.name.includes(`lazy=`) && e.name.includes('/tiles/')).length;
    const wrapper = await fixture<HTMLDivElement>(html`
      <div>
        <div style="height: 4000px"></div>
        <map-host .points=${grid(5)} .load=${load} .tileUrl=${tiles}></map-host>
      </div>
    `);
    const el = wrapper.querySelector<MapHost>('map-host')!;
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).to.equal(0);
    expect(el.ctl.state).to.equal('idle');
    expect(tileRequests()).to.equal(0);
    el.scrollIntoView();
    await ready(el);
    expect(calls).to.equal(1);
    await until(() => tileRequests() > 0, 'tiles requested once on screen');
    await until(() => el.ctl.tileErrors > 0, 'tile errors seen');
    expect(el.ctl.state).to.equal('ready');
  });

  it('colours markers from the theme, and follows a theme change on the next draw', async () => {
    const el = await fixture<MapHost>(html`<map-host style="--recovery-map-marker-color: rgb(1, 2, 3)" .points=${grid(3)} .cluster=${false}></map-host>`);
    await ready(el);
    await until(() => el.ctl.drawn().points.size === 3, 'points drawn');
    expect(el.ctl.drawn().points.get('p1')!.options.fillColor).to.equal('rgb(1, 2, 3)');
    el.style.setProperty('--recovery-map-marker-color', 'rgb(4, 5, 6)');
    // A new set of points draws again (a later frame).
    await new Promise((r) => requestAnimationFrame(r));
    el.points = grid(4);
    await until(() => el.ctl.drawn().points.get('p1')?.options.fillColor === 'rgb(4, 5, 6)', 'the new colour');
  });

  it('a marker click selects, highlights and opens a text-only popup', async () => {
    const pts: MapPoint[] = [
      { id: 'a', latitude: 42.0, longitude: -71.0, label: '<img src=x onerror="window.__xss=1">Example' },
      { id: 'b', latitude: 42.8, longitude: -72.5, label: 'Example B' },
    ];
    const el = await fixture<MapHost>(html`<map-host .points=${pts}></map-host>`);
    await ready(el);
    const marker = el.ctl.drawn().points.get('a');
    expect(marker, 'marker a drawn').to.exist;
    const radiusBefore = marker!.options.radius!;
    marker!.fire('click');
    expect(el.selections).to.deep.equal(['a']);
    const popup = el.shadowRoot!.querySelector('.recovery-map-popup');
    expect(popup).to.exist;
    expect(popup!.textContent).to.contain('<img src=x');
    expect(popup!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
    expect(el.ctl.drawn().points.get('a')!.options.radius).to.be.greaterThan(radiusBefore);
  });

  it("a popup says how its own point was placed: a source's geocoding is not called a ZIP code centre", async () => {
    const pts: MapPoint[] = [
      { id: 'geo', latitude: 42.0, longitude: -71.0, label: 'Pharmacy', approximate: true, precision: 'source-geocoded' },
      { id: 'town', latitude: 42.8, longitude: -72.5, label: 'Police', approximate: true, precision: 'town-centre' },
      { id: 'zip', latitude: 41.3, longitude: -73.2, label: 'Centre', approximate: true, precision: 'zip-centroid' },
    ];
    const el = await fixture<MapHost>(html`<map-host .points=${pts} .cluster=${false}></map-host>`);
    await ready(el);
    await until(() => el.ctl.drawn().points.size === 3, 'three markers drawn');
    const said = (id: string): string => {
      el.ctl.drawn().points.get(id)!.fire('click');
      return el.shadowRoot!.querySelector('.recovery-map-popup .recovery-map-approx')!.textContent!;
    };
    expect(said('geo')).to.equal('Location approximate (as geocoded by the source)');
    expect(said('town')).to.equal('Location approximate (town centre)');
    expect(said('zip')).to.equal('Location approximate (ZIP code centre)');
  });

  it("the map note names the markers' own precision, and a mix as a mix", () => {
    const at = (precision: MapPoint['precision'], approximate = true): MapPoint => ({ id: String(precision), latitude: 42, longitude: -71, label: 'x', approximate, precision });
    expect(approximateNote([at('zip-centroid'), at('zip-centroid')])).to.contain('centre of its ZIP code');
    expect(approximateNote([at('source-geocoded')])).to.contain('where the source geocoded it');
    expect(approximateNote([at('town-centre'), at('exact', false)])).to.contain('centre of their town');
    const mix = approximateNote([at('zip-centroid'), at('source-geocoded'), at('town-centre')]) as string;
    expect(mix).to.contain('a ZIP code or town centre, or where the source geocoded it');
    expect(mix).not.to.contain('centre of its ZIP code');
    expect(approximateNote([at('zip-centroid'), at('town-centre')])).to.contain('centre of its ZIP code or town');
    expect(approximateNote([at('exact', false)])).to.equal(nothing);
  });

  it('reports a failed load and recovers on retry', async () => {
    let fail = true;
    const load: LeafletLoader = () => (fail ? Promise.reject(new TypeError('blocked')) : defaultLeafletLoader());
    const el = await fixture<MapHost>(html`<map-host .points=${grid(3)} .load=${load}></map-host>`);
    await until(() => el.ctl.state === 'failed', 'failed');
    expect(String(el.ctl.error)).to.contain('blocked');
    expect(el.shadowRoot!.querySelector('.leaflet-container')).to.equal(null);
    fail = false;
    el.ctl.retry();
    await ready(el);
  });

  it('removes the map on disconnect and builds a fresh one on reconnect', async () => {
    const el = await fixture<MapHost>(html`<map-host .points=${grid(12)}></map-host>`);
    await ready(el);
    const parent = el.parentElement!;
    el.remove();
    expect(el.ctl.map).to.equal(undefined);
    expect(el.shadowRoot!.querySelectorAll('.leaflet-container').length).to.equal(0);
    parent.append(el);
    await ready(el);
    expect(el.shadowRoot!.querySelectorAll('.leaflet-container').length).to.equal(1);
    expect(drawnTotal(el.ctl)).to.equal(12);
  });

  it('resizes the map when revealed after being hidden', async () => {
    const el = await fixture<MapHost>(html`<map-host .points=${grid(6)}></map-host>`);
    await ready(el);
    expect(el.ctl.map!.getSize().x).to.equal(398);
    el.style.display = 'none';
    await new Promise((r) => setTimeout(r, 50));
    el.style.width = '600px';
    el.style.display = 'block';
    await until(() => el.ctl.map!.getSize().x === 598, 'map resized to 598');
  });

  it('a cluster click zooms in until its points split', async () => {
    const pts = grid(30).map((p, i) => ({ ...p, latitude: 42 + i * 0.0005, longitude: -71 }));
    const el = await fixture<MapHost>(html`<map-host .points=${pts}></map-host>`);
    await ready(el);
    el.ctl.map!.setView([42, -71], 5, { animate: false });
    await until(() => el.ctl.drawn().clusters.length > 0, 'a cluster');
    const before = el.ctl.map!.getZoom();
    el.ctl.drawn().clusters[0]!.marker.fire('click');
    await until(() => el.ctl.map!.getZoom() > before, 'zoomed in');
    expect(drawnTotal(el.ctl)).to.equal(30);
  });
});
