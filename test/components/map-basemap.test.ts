// The maps need no third party: a bundled basemap is drawn at once, and no tile server is asked
// until the person chooses "Show street map" (or the site sets tile-url). Tile failures are said
// in words while the basemap stays.
import { fixture, html, expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/components/prsc-map/prsc-map.js';
import '../../src/components/disposal-locator/disposal-locator.js';
import type { RecoveryPrscMap } from '../../src/components/prsc-map/prsc-map.js';
import type { RecoveryDisposalLocator } from '../../src/components/disposal-locator/disposal-locator.js';
import { datasetUrl, failOnLitWarnings, localeReady, setGeolocation, uniqueKey, until } from '../helpers.js';
import { HOST_CSS } from './layout.helpers.js';

const SRC = datasetUrl({ fixture: 'prsc-centres' });

/** Every resource entry of this page that looks like a map tile (the test server's, or any server's). */
const tileRequests = (): string[] =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((n) => /\/tiles\/|tile\.openstreetmap|\/\d+\/\d+\/\d+\.png/.test(n));

async function prsc(streetMapUrl: string, lang = 'en'): Promise<RecoveryPrscMap> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang} style="width: 1000px">
    <recovery-prsc-map src=${SRC} street-map-url=${streetMapUrl}></recovery-prsc-map>
  </div>`);
  const el = wrapper.querySelector('recovery-prsc-map')!;
  await localeReady();
  await until(() => !!el.shadowRoot!.querySelector('ul.centres'), 'list');
  await until(() => el.map.state === 'ready' || el.map.state === 'failed', 'map ready');
  expect(el.map.state, String(el.map.error)).to.equal('ready');
  await el.updateComplete;
  return el;
}

const basemapPaths = (el: HTMLElement) => el.shadowRoot!.querySelectorAll('.leaflet-recovery-basemap-pane path').length;

describe('maps without a third party', () => {
  failOnLitWarnings();
  before(() => setGeolocation({ reset: true }));
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('draws the bundled basemap at once and asks no tile server until the person chooses the street map', async () => {
    const key = uniqueKey('street');
    const before = tileRequests().length;
    const el = await prsc(`/test-api/tiles/{z}/{x}/{y}.png?key=${key}`);
    const r = el.shadowRoot!;
    // Massachusetts' 14 counties and the other states, as outlines.
    await until(() => basemapPaths(el) > 14, 'basemap drawn');
    expect(tileRequests().length, tileRequests().join(', ')).to.equal(before);
    expect(el.map.tileErrors + el.map.tileLoads).to.equal(0);
    // The frame is labelled with its count; Leaflet's container takes no focus.
    expect(r.querySelector('.map-frame')!.getAttribute('aria-label')).to.equal('Map of the 10 centres');
    expect(r.querySelector('.leaflet-container')!.hasAttribute('tabindex')).to.equal(false);
    await expect(el).to.be.accessible();

    const toggle = r.querySelector<HTMLButtonElement>('button.street-map')!;
    expect(toggle.textContent!.trim()).to.equal('Show street map');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    await until(() => tileRequests().some((n) => n.includes(key)), 'tiles asked for');
    // The test tile server fails every tile: the map says so and keeps its basemap.
    await until(() => !!r.querySelector('.tiles-failed'), 'tile failure said');
    expect(r.querySelector('.tiles-failed')!.textContent).to.contain('The street map could not be loaded');
    expect(basemapPaths(el)).to.be.greaterThan(14);
    await expect(el).to.be.accessible();

    // Turning the street map off again removes the notice.
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(r.querySelector('.tiles-failed')).to.equal(null);
  });

  it('loads tiles at once when the site sets tile-url', async () => {
    const key = uniqueKey('site');
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1000px">
      <recovery-prsc-map src=${SRC} tile-url=${`/test-api/tiles/{z}/{x}/{y}.png?key=${key}`}></recovery-prsc-map>
    </div>`);
    const el = wrapper.querySelector('recovery-prsc-map')!;
    await until(() => el.map.state === 'ready', 'map ready');
    await until(() => tileRequests().some((n) => n.includes(key)), 'tiles asked for');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button.street-map')!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('puts the list before the map in the tab order', async () => {
    const el = await prsc(`/test-api/tiles/{z}/{x}/{y}.png?key=${uniqueKey()}`);
    const r = el.shadowRoot!;
    const list = r.querySelector('ul.centres')!;
    const map = r.querySelector('.map-col')!;
    expect(list.compareDocumentPosition(map) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    // From the last filter control, Tab reaches a centre before anything on the map.
    const focusables = [...r.querySelectorAll<HTMLElement>('button, a[href], input, select')].filter((n) => n.offsetParent !== null);
    const firstChoose = focusables.findIndex((n) => n.matches('button.choose'));
    const firstMap = focusables.findIndex((n) => !!n.closest('.map-col'));
    expect(firstChoose).to.be.greaterThan(-1);
    expect(firstChoose).to.be.lessThan(firstMap);
  });

  it('says it in Spanish', async () => {
    const el = await prsc(`/test-api/tiles/{z}/{x}/{y}.png?key=${uniqueKey()}`, 'es');
    const r = el.shadowRoot!;
    expect(r.querySelector('button.street-map')!.textContent!.trim()).to.equal('Mostrar mapa de calles');
    expect(r.querySelector('.map-frame')!.getAttribute('aria-label')).to.equal('Mapa de los 10 centros');
    await expect(el).to.be.accessible();
  });

  it('"Show on map" brings the map into view on a phone', async () => {
    await setViewport({ width: 390, height: 700 });
    window.scrollTo(0, 0);
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <recovery-disposal-locator
        src=${datasetUrl({ fixture: 'disposal-sites' })}
        zip-table-url=${datasetUrl({ fixture: 'disposal-zips-ma' })}
        zip-table-national-url=${datasetUrl({ fixture: 'disposal-zips-us' })}
        .now=${new Date('2026-04-25T12:00:00-04:00')}
      ></recovery-disposal-locator>
    </div>`);
    const el = wrapper.querySelector<RecoveryDisposalLocator>('recovery-disposal-locator')!;
    const r = el.shadowRoot!;
    await until(() => !!r.querySelector('#zip') && !r.querySelector('[role="status"]')?.textContent?.includes('Loading'), 'data');
    r.querySelector<HTMLInputElement>('#zip')!.value = '02118';
    r.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => r.querySelectorAll('button.show-on-map').length > 0, 'results');
    const button = r.querySelector<HTMLButtonElement>('button.show-on-map')!;
    button.scrollIntoView({ block: 'center' });
    const frame = r.querySelector<HTMLElement>('.map-frame')!;
    const inView = () => {
      const b = frame.getBoundingClientRect();
      return b.top >= -1 && b.bottom <= window.innerHeight + 1;
    };
    await until(() => el.map.state !== 'idle' || !inView(), 'settled');
    expect(inView(), 'map starts out of view').to.equal(false);
    button.click();
    await until(inView, 'map scrolled into view');
    expect(tileRequests().filter((n) => n.includes('openstreetmap'))).to.deep.equal([]);
  });

  describe('on an old theme\'s page (the host CSS)', () => {
    let style: HTMLStyleElement;
    beforeEach(() => {
      style = document.createElement('style');
      style.textContent = HOST_CSS;
      document.head.append(style);
    });
    afterEach(() => style.remove());

    /** The basemap's SVG covers the visible map, and a piece of land is painted inside it. */
    function painted(el: HTMLElement & { map: { state: string } }): void {
      const r = el.shadowRoot!;
      const map = r.querySelector('.leaflet-container')!.getBoundingClientRect();
      expect(map.width * map.height, 'the map has a size').to.be.greaterThan(0);
      const svg = r.querySelector('.leaflet-recovery-basemap-pane svg')!.getBoundingClientRect();
      expect([svg.left <= map.left + 1, svg.top <= map.top + 1, svg.right >= map.right - 1, svg.bottom >= map.bottom - 1],
        `basemap ${Math.round(svg.width)}x${Math.round(svg.height)} over a map of ${Math.round(map.width)}x${Math.round(map.height)}`).to.deep.equal([true, true, true, true]);
      const land = [...r.querySelectorAll('.leaflet-recovery-basemap-pane path')].map((p) => p.getBoundingClientRect()).filter((b) =>
        b.width > 1 && b.height > 1 && b.right > map.left && b.left < map.right && b.bottom > map.top && b.top < map.bottom);
      expect(land.length, 'land drawn inside the visible map').to.be.greaterThan(0);
    }

    for (const width of [390, 1280]) {
      it(`PRSC map at ${width}px: the basemap is painted the size of the map`, async () => {
        await setViewport({ width, height: 800 });
        const el = await fixture<RecoveryPrscMap>(html`<recovery-prsc-map src=${SRC}></recovery-prsc-map>`);
        const r = el.shadowRoot!;
        await until(() => !!r.querySelector('ul.centres'), 'list');
        const toggle = r.querySelector<HTMLButtonElement>('.map-toggle');
        if (toggle?.checkVisibility()) toggle.click();
        await until(() => el.map.state === 'ready' || el.map.state === 'failed', 'map ready');
        expect(el.map.state, String(el.map.error)).to.equal('ready');
        await until(() => basemapPaths(el) > 14, 'basemap drawn');
        painted(el);
      });

      it(`disposal locator at ${width}px: the basemap is painted the size of the map`, async () => {
        await setViewport({ width, height: 800 });
        const el = await fixture<RecoveryDisposalLocator>(html`<recovery-disposal-locator
          src=${datasetUrl({ fixture: 'disposal-sites' })}
          zip-table-url=${datasetUrl({ fixture: 'disposal-zips-ma' })}
          zip-table-national-url=${datasetUrl({ fixture: 'disposal-zips-us' })}
        ></recovery-disposal-locator>`);
        const r = el.shadowRoot!;
        await until(() => !!r.querySelector('#zip') && !r.querySelector('.loading-space'), 'the form');
        r.querySelector<HTMLInputElement>('#zip')!.value = '02118';
        r.querySelector<HTMLFormElement>('form')!.requestSubmit();
        await until(() => !!r.querySelector('.map-frame'), 'map frame');
        r.querySelector('.map-frame')!.scrollIntoView();
        await until(() => el.map.state === 'ready' || el.map.state === 'failed', 'map ready');
        expect(el.map.state, String(el.map.error)).to.equal('ready');
        await until(() => basemapPaths(el) > 14, 'basemap drawn');
        painted(el);
      });
    }
  });
});
