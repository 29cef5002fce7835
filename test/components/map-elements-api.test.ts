// <recovery-prsc-map api="…"> and <recovery-disposal-locator api="…"> against a real HSDS 3.0
// API: the reference server (packages/server) on PGlite, started by the test runner on loopback
// (test/server/hsds-plugin.mjs) with test/fixtures/dataset.json. Failures come from routes of
// the test server that fail. Every request URL the server saw is read for coordinates.
import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import '../../src/components/prsc-map/prsc-map.js';
import '../../src/components/disposal-locator/disposal-locator.js';
import { RecoveryPrscMap } from '../../src/components/prsc-map/prsc-map.js';
import { RecoveryDisposalLocator } from '../../src/components/disposal-locator/disposal-locator.js';
import type { DisposalSearchFilters, RecoverySearchEvent } from '../../src/events.js';
import { clearHsdsCache } from '../../src/core/sources/hsds-api.js';
import { datasetUrl, failOnLitWarnings, setGeolocation, until } from '../helpers.js';
import { COORDINATES, apiUrl, seen as seenBy, seenSince as seenSinceBy } from './hsds.helpers.js';

/** This file's own port of the test server (its requests are not mixed with another file's). */
const INSTANCE = 'map-elements';
const seen = () => seenBy(INSTANCE);
const seenSince = (before: number) => seenSinceBy(before, INSTANCE);

const ZIPS = datasetUrl({ fixture: 'search-zips' });
const NOON = new Date('2026-04-25T12:00:00-04:00');
const MILE_M = 1_609.344;

type MapElement = RecoveryPrscMap | RecoveryDisposalLocator;
const root = (el: MapElement) => el.shadowRoot as ShadowRoot;
const $ = <T extends Element = HTMLElement>(el: MapElement, sel: string) => root(el).querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: MapElement, sel: string) => [...root(el).querySelectorAll<T>(sel)];
const status = (el: MapElement) => $(el, '[role="status"].status')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const centreNames = (el: RecoveryPrscMap) => $$(el, '.centres .name').map((n) => n.textContent?.trim());
const placeNames = (el: RecoveryDisposalLocator) => $$(el, '.results-area [part="result"] .name').map((n) => n.textContent?.trim());
function buttonNamed(el: MapElement, text: RegExp): HTMLButtonElement {
  const b = $$<HTMLButtonElement>(el, 'button').find((x) => text.test(x.textContent ?? ''));
  if (!b) throw new Error(`no button ${text}`);
  return b;
}

/** The load error said in words, with the help contacts and "Try again". */
async function saysInWords(el: MapElement, words: RegExp): Promise<void> {
  await until(() => $(el, '.load-error') !== null, 'the error');
  expect($(el, '.load-error')?.textContent).to.match(words);
  expect($(el, '.load-error')?.getAttribute('role')).to.equal('alert');
  expect($(el, 'slot[name="help"]')?.textContent).to.match(/988/);
  expect(buttonNamed(el, /try again/i)).to.be.instanceOf(HTMLButtonElement);
  await expect(el).to.be.accessible();
}

async function giveZip(el: MapElement, zip: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '#zip') as HTMLInputElement;
  input.value = zip;
  input.form?.requestSubmit();
}

async function prscMap(api: string): Promise<RecoveryPrscMap> {
  return fixture<RecoveryPrscMap>(html`<recovery-prsc-map style="width: 1000px" api=${api}
    zip-table-url=${ZIPS} zip-table-national-url=${ZIPS}></recovery-prsc-map>`);
}

async function locator(api: string): Promise<RecoveryDisposalLocator> {
  return fixture<RecoveryDisposalLocator>(html`<recovery-disposal-locator api=${api} max-distance="25" no-map
    zip-table-url=${ZIPS} zip-table-national-url=${ZIPS} .now=${NOON}></recovery-disposal-locator>`);
}

describe('the map elements with api (HSDS 3.0, a real server)', () => {
  failOnLitWarnings();
  let api = '';
  const prscTimeout = RecoveryPrscMap.apiTimeoutMs;
  const disposalTimeout = RecoveryDisposalLocator.apiTimeoutMs;

  before(async function () {
    // The server starts with the test runner; on a busy machine PGlite may still be loading.
    this.timeout(180_000);
    api = await apiUrl(INSTANCE);
  });
  beforeEach(() => clearHsdsCache());
  afterEach(async () => {
    RecoveryPrscMap.apiTimeoutMs = prscTimeout;
    RecoveryDisposalLocator.apiTimeoutMs = disposalTimeout;
    await setGeolocation({ reset: true });
  });

  describe('<recovery-prsc-map api>', () => {
    it('lists the directory\'s recovery centres, asked for by their taxonomy term', async () => {
      const before = (await seen()).length;
      const el = await prscMap(api);
      await until(() => status(el).startsWith('1 centre.'), 'the centres');
      expect(centreNames(el)).to.deep.equal(['Example Peer Recovery Center South End']);
      const asked = (await seenSince(before)).filter((u) => u.pathname === '/services');
      expect(asked).to.have.length(1);
      expect(asked[0]?.searchParams.get('taxonomy_term_id')).to.match(/^[0-9a-f-]{36}$/);
      expect(asked[0]?.searchParams.get('per_page')).to.equal('100');
      await expect(el).to.be.accessible();
    });

    it('orders by a ZIP in the browser: the ZIP is not sent, nor any coordinate', async () => {
      const el = await prscMap(api);
      await until(() => status(el).startsWith('1 centre.'), 'the centres');
      const before = (await seen()).length;
      await giveZip(el, '02118');
      await until(() => /Nearest first from 02118/.test(status(el)), 'nearest first');
      for (const url of await seenSince(before)) {
        expect(url.searchParams.has('postcode')).to.equal(false);
        expect(url.href).not.to.match(COORDINATES);
      }
      await expect(el).to.be.accessible();
    });

    it('a directory answering 500 ends in words, with the help contacts and "Try again"', async () => {
      const el = await prscMap('/test-api/hsds-fail/');
      await saysInWords(el, /error 500/);
    });

    it('a directory that does not answer times out in words, with the help contacts', async () => {
      RecoveryPrscMap.apiTimeoutMs = 300;
      const el = await prscMap('/test-api/hsds-hang/');
      await saysInWords(el, /took too long/);
    });
  });

  describe('<recovery-disposal-locator api>', () => {
    it('asks nothing before a place; then /service_at_locations near the ZIP, nearest first', async () => {
      const before = (await seen()).length;
      const el = await locator(api);
      await until(() => $(el, 'form') !== null && !status(el).startsWith('Loading'), 'ready');
      expect(await seenSince(before)).to.deep.equal([]);
      const searched = oneEvent(el, 'recovery-search') as Promise<RecoverySearchEvent<DisposalSearchFilters>>;
      await giveZip(el, '02118');
      const event = await searched;
      expect(placeNames(el)).to.deep.equal(['Example Pharmacy Sharps Kiosk', 'Example Police Kiosk Brighton']);
      // The event comes with the directory's answer, so its count is the list's.
      expect(event.resultCount).to.equal(2);
      expect(status(el)).to.match(/^2 places within 25 miles take pills/);
      const near = (await seenSince(before)).filter((u) => u.pathname === '/service_at_locations');
      expect(near).to.have.length(1);
      expect(near[0]?.searchParams.get('postcode')).to.equal('02118');
      expect(near[0]?.searchParams.get('proximity')).to.equal(String(Math.round(25 * MILE_M)));
      expect(near[0]?.searchParams.get('taxonomy_term_id')).to.match(/^[0-9a-f-]{36}$/);
      await expect(el).to.be.accessible();
    });

    it('"use my location" sends the nearest ZIP, never coordinates (every request URL read)', async () => {
      await setGeolocation({ latitude: 42.3396, longitude: -71.0743 });
      const before = (await seen()).length;
      const el = await locator(api);
      await until(() => $(el, 'form') !== null && !status(el).startsWith('Loading'), 'ready');
      buttonNamed(el, /use my location/i).click();
      await until(() => placeNames(el).length === 2, 'located');
      const near = (await seenSince(before)).filter((u) => u.pathname === '/service_at_locations');
      expect(near).to.have.length(1);
      expect(near[0]?.searchParams.get('postcode')).to.equal('02118');
      // As far again as the ZIP's centre may be from the person (8 km).
      expect(near[0]?.searchParams.get('proximity')).to.equal(String(Math.round(25 * MILE_M + 8_000)));
      // Every URL the server saw in this whole file.
      for (const url of await seen()) expect(url).not.to.match(COORDINATES);
      await expect(el).to.be.accessible();
    });

    it('a shared link (sync-url) opens its place once the directory answered', async () => {
      const start = location.href;
      history.replaceState(null, '', `${location.pathname}?dl-zip=02118&dl-id=ex-kiosk-brighton`);
      try {
        const el = await fixture<RecoveryDisposalLocator>(html`<recovery-disposal-locator api=${api} max-distance="25" no-map sync-url
          zip-table-url=${ZIPS} zip-table-national-url=${ZIPS} .now=${NOON}></recovery-disposal-locator>`);
        await until(() => placeNames(el).length === 2, 'the places near the link\'s ZIP');
        await until(() => $(el, 'li.selected') !== null, 'the link\'s place chosen');
        expect($(el, 'li.selected')?.getAttribute('data-id')).to.equal('ex-kiosk-brighton');
        expect($(el, '.shared-record')).to.equal(null);
        expect(new URL(location.href).searchParams.get('dl-id')).to.equal('ex-kiosk-brighton');
      } finally {
        history.replaceState(null, '', start);
      }
    });

    it('a location no ZIP centre is near asks nothing and says to type a ZIP', async () => {
      await setGeolocation({ latitude: 40.7128, longitude: -74.006 });
      const before = (await seen()).length;
      const el = await locator(api);
      await until(() => $(el, 'form') !== null && !status(el).startsWith('Loading'), 'ready');
      buttonNamed(el, /use my location/i).click();
      await until(() => $(el, '.no-zip') !== null, 'the words');
      expect($(el, '.no-zip')?.textContent).to.match(/Type your ZIP code/);
      expect(await seenSince(before)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('a directory answering 500 ends in words, with the help contacts and "Try again"', async () => {
      const el = await locator('/test-api/hsds-fail/');
      await until(() => $(el, 'form') !== null && !status(el).startsWith('Loading'), 'ready');
      await giveZip(el, '02118');
      await saysInWords(el, /error 500/);
    });

    it('a directory that does not answer times out in words, with the help contacts', async () => {
      RecoveryDisposalLocator.apiTimeoutMs = 300;
      const el = await locator('/test-api/hsds-hang/');
      await until(() => $(el, 'form') !== null && !status(el).startsWith('Loading'), 'ready');
      await giveZip(el, '02118');
      await saysInWords(el, /took too long/);
    });
  });
});
