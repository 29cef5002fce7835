// The maps' `attribution` attribute is text with http(s) links, never HTML that runs (issue #11).
// Every markup payload of test/fixtures/payloads.json goes through safeAttribution and through
// the attribution control of a real Leaflet map in both map elements.
import { expect } from '@open-wc/testing';
import '../../src/components/prsc-map/prsc-map.js';
import '../../src/components/disposal-locator/disposal-locator.js';
import type { RecoveryPrscMap } from '../../src/components/prsc-map/prsc-map.js';
import type { RecoveryDisposalLocator } from '../../src/components/disposal-locator/disposal-locator.js';
import { OSM_ATTRIBUTION, safeAttribution } from '../../src/kit/map/map-attribution.js';
import { datasetUrl, until } from '../helpers.js';
import { TEST_TILES } from './hostile.helpers.js';

interface Corpus {
  flag: string;
  classes: Record<string, string[]>;
}

let corpus: Corpus;
const pwned = () => (window as unknown as Record<string, unknown>)[corpus.flag];
const allPayloads = () => Object.values(corpus.classes).flat();

/** Problems with the elements under `root`: anything but text, http(s) links and Leaflet's own prefix. */
function foreignElements(root: Element): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.localName;
    if (el.closest('a[href="https://leafletjs.com"]') && el.localName !== 'a') continue; // Leaflet's flag svg
    if (tag === 'span' && el.getAttribute('aria-hidden') === 'true' && el.textContent === '|') continue;
    if (tag === 'a') {
      const href = el.getAttribute('href') ?? '';
      if (!/^https?:\/\//.test(href)) found.push(`a href=${href}`);
      const attrs = el.getAttributeNames().filter((n) => !['href', 'rel', 'target', 'title'].includes(n));
      if (attrs.length) found.push(`a with ${attrs.join(',')}`);
      continue;
    }
    found.push(tag);
  }
  return found;
}

/** Let an <img onerror>, <svg onload> or the like have its chance to run. */
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('map attribution is text with http(s) links only', () => {
  before(async () => {
    corpus = (await (await fetch('/test/fixtures/payloads.json')).json()) as Corpus;
  });
  afterEach(() => {
    delete (window as unknown as Record<string, unknown>)[corpus.flag];
  });

  it('safeAttribution keeps the OpenStreetMap credit as a link, and the © sign', () => {
    const div = document.createElement('div');
    div.innerHTML = safeAttribution(OSM_ATTRIBUTION);
    expect(div.textContent).to.equal('© OpenStreetMap contributors');
    expect(div.querySelector('a')?.getAttribute('href')).to.equal('https://www.openstreetmap.org/copyright');
    expect(foreignElements(div)).to.deep.equal([]);
  });

  it('safeAttribution turns every payload into text and http(s) links only', async () => {
    const div = document.createElement('div');
    document.body.append(div);
    for (const payload of allPayloads()) {
      for (const input of [payload, `Tiles by <a href="${payload}">${payload}</a>`, `<a href='https://ok.example/'>${payload}</a>`]) {
        div.innerHTML = safeAttribution(input);
        expect(foreignElements(div), input).to.deep.equal([]);
      }
    }
    await settle();
    div.remove();
    expect(pwned()).to.equal(undefined);
  });

  async function checkAttributions(el: HTMLElement & { tileUrl?: string; attribution?: string; updateComplete: Promise<unknown> }, control: () => Element | null) {
    let n = 0;
    for (const payload of allPayloads()) {
      el.attribution = payload;
      el.tileUrl = `${TEST_TILES}?attribution=${n++}`; // a new tile layer, so Leaflet reads the new attribution
      await el.updateComplete;
      await until(() => (control()?.textContent ?? '').length > 0, 'attribution shown');
      await settle();
      const box = control()!;
      expect(foreignElements(box), payload).to.deep.equal([]);
      expect(pwned(), payload).to.equal(undefined);
    }
    return n;
  }

  it('<recovery-prsc-map> shows each payload as text', async function () {
    this.timeout(60_000);
    const el = document.createElement('recovery-prsc-map') as RecoveryPrscMap;
    el.setAttribute('src', datasetUrl({ fixture: 'prsc-centres' }));
    el.setAttribute('tile-url', TEST_TILES);
    el.setAttribute('attribution', '<img src=x onerror="window.__rfPwned=1">Tiles');
    el.style.width = '900px';
    document.body.append(el);
    await until(() => el.map.state === 'ready' || el.map.state === 'failed', 'map ready', 8000);
    expect(el.map.state).to.equal('ready');
    const control = () => el.shadowRoot!.querySelector('.leaflet-control-attribution');
    await until(() => !!control(), 'attribution control');
    await settle();
    expect(foreignElements(control()!)).to.deep.equal([]);
    expect(pwned()).to.equal(undefined);
    const tried = await checkAttributions(el, control);
    expect(tried).to.equal(allPayloads().length);
    el.remove();
  });

  it('<recovery-disposal-locator> shows each payload as text', async function () {
    this.timeout(60_000);
    const el = document.createElement('recovery-disposal-locator') as RecoveryDisposalLocator;
    el.setAttribute('src', datasetUrl({ fixture: 'disposal-sites' }));
    el.setAttribute('tile-url', TEST_TILES);
    el.setAttribute('attribution', '<img src=x onerror="window.__rfPwned=1">Tiles');
    el.setAttribute('zip-table-url', datasetUrl({ fixture: 'disposal-zips-ma' }));
    el.setAttribute('zip-table-national-url', datasetUrl({ fixture: 'disposal-zips-us' }));
    el.now = new Date('2026-04-25T12:00:00-04:00');
    el.style.width = '900px';
    document.body.append(el);
    const root = el.shadowRoot!;
    await until(() => !!root.querySelector('#zip') && !root.querySelector('[role="status"]')?.textContent?.includes('Loading'), 'data');
    root.querySelector<HTMLInputElement>('#zip')!.value = '02118';
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => root.querySelectorAll('.results-area li[data-id]').length > 0, 'results');
    root.querySelector('.map-frame')!.scrollIntoView();
    await until(() => el.map.state === 'ready' || el.map.state === 'failed', 'map ready', 8000);
    expect(el.map.state).to.equal('ready');
    const control = () => root.querySelector('.leaflet-control-attribution');
    await until(() => !!control(), 'attribution control');
    await settle();
    expect(foreignElements(control()!)).to.deep.equal([]);
    expect(pwned()).to.equal(undefined);
    const tried = await checkAttributions(el, control);
    expect(tried).to.equal(allPayloads().length);
    el.remove();
  });
});
