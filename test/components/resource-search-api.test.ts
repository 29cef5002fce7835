// <recovery-resource-search api="…"> against a real HSDS 3.0 API: the reference server
// (packages/server) on PGlite, started by the test runner on loopback (test/server/hsds-plugin.mjs)
// with test/fixtures/dataset.json. Failures come from routes of the test server that fail.
import { fixture, html, expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/resource-search/resource-search.js';
import { RecoveryResourceSearch } from '../../src/components/resource-search/resource-search.js';
import { clearHsdsCache } from '../../src/core/sources/hsds-api.js';
import { datasetUrl, failOnLitWarnings, localeReady, setGeolocation, until } from '../helpers.js';
import { DEFAULT_MILES } from '../../src/components/resource-search/url-state.js';
import { COORDINATES, apiUrl, leanApiUrl, seen, seenSince } from './hsds.helpers.js';

const ZIPS = datasetUrl({ fixture: 'search-zips' });

async function make(api: string, pageSize = 20): Promise<RecoveryResourceSearch> {
  return fixture<RecoveryResourceSearch>(html`<recovery-resource-search style="width: 1000px"
    api=${api} page-size=${pageSize} zip-table-url=${ZIPS} zip-table-national-url=${ZIPS}></recovery-resource-search>`);
}

const root = (el: RecoveryResourceSearch) => el.shadowRoot as ShadowRoot;
const $ = <T extends Element = HTMLElement>(el: RecoveryResourceSearch, sel: string) => root(el).querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: RecoveryResourceSearch, sel: string) => [...root(el).querySelectorAll<T>(sel)];
const status = (el: RecoveryResourceSearch) => $(el, '[role="status"].status')?.textContent?.trim() ?? '';
const names = (el: RecoveryResourceSearch) => $$(el, '.results .card .name').map((n) => n.textContent?.trim());
const moreButton = (el: RecoveryResourceSearch) => $<HTMLButtonElement>(el, 'button[part="more"]');
function buttonNamed(el: RecoveryResourceSearch, text: RegExp): HTMLButtonElement {
  const b = $$<HTMLButtonElement>(el, 'button').find((x) => text.test(x.textContent ?? ''));
  if (!b) throw new Error(`no button ${text}`);
  return b;
}

describe('<recovery-resource-search api> (HSDS 3.0, a real server)', () => {
  failOnLitWarnings();
  let api = '';
  const pause = RecoveryResourceSearch.apiPauseMs;
  const timeout = RecoveryResourceSearch.apiTimeoutMs;

  before(async function () {
    // The server starts with the test runner; on a busy machine PGlite may still be loading.
    this.timeout(180_000);
    api = await apiUrl();
  });
  beforeEach(() => clearHsdsCache());
  afterEach(() => {
    RecoveryResourceSearch.apiPauseMs = pause;
    RecoveryResourceSearch.apiTimeoutMs = timeout;
  });

  it('searches by words: one request when the typing pauses, none for each key', async () => {
    // A pause no test reaches: the words go only with Enter, so every key press is counted.
    RecoveryResourceSearch.apiPauseMs = 600_000;
    const before = (await seen()).length;
    const el = await make(api);
    await until(() => status(el) === '11 results', 'the first page');
    const input = $<HTMLInputElement>(el, 'input[type="search"]') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: 'naloxone' });
    await sendKeys({ press: 'Enter' });
    await until(() => status(el) === '1 result', 'search results');
    expect(names(el)).to.deep.equal(['Example Naloxone Training']);
    const services = (await seenSince(before)).filter((u) => u.pathname === '/services');
    expect(services.map((u) => u.searchParams.get('search'))).to.deep.equal([null, 'naloxone']);
    expect(services[1]?.searchParams.get('page')).to.equal('1');
    expect(services[1]?.searchParams.get('per_page')).to.equal('20');
    await expect(el).to.be.accessible();
  });

  it('sends categories as the directory\'s taxonomy terms', async () => {
    const before = (await seen()).length;
    const el = await make(api);
    await until(() => status(el) === '11 results', 'the first page');
    const box = $$(el, '.categories label').find((l) => /naloxone/i.test(l.textContent ?? ''))?.querySelector('input');
    (box as HTMLInputElement).click();
    await until(() => /^1 result/.test(status(el)), 'category results');
    expect(names(el)).to.deep.equal(['Example Naloxone Training']);
    const asked = (await seenSince(before)).filter((u) => u.searchParams.has('taxonomy_term_id'));
    expect(asked).to.have.length(1);
    expect(asked[0]?.searchParams.get('taxonomy_term_id')).to.match(/^[0-9a-f-]{36}$/);
  });

  it('"Show more" follows total_items and asks for the next page', async () => {
    const before = (await seen()).length;
    const el = await make(api, 4);
    await until(() => status(el) === '11 results', 'the first page');
    expect(names(el)).to.have.length(4);
    expect(moreButton(el)?.textContent).to.match(/4 of 11 shown/);
    expect($(el, '.api-note')?.textContent).to.match(/11 matches.*4 shown/);
    await expect(el).to.be.accessible();
    moreButton(el)?.click();
    await until(() => names(el).length === 8, 'page 2');
    await until(() => root(el).activeElement === $(el, 'li[data-index="4"]'), 'focus on the first new result');
    moreButton(el)?.click();
    await until(() => names(el).length === 11, 'page 3');
    expect(moreButton(el)).to.equal(null);
    expect(new Set(names(el)).size).to.equal(11);
    const pages = (await seenSince(before)).filter((u) => u.pathname === '/services').map((u) => u.searchParams.get('page'));
    expect(pages).to.deep.equal(['1', '2', '3']);
  });

  it('names the organization: nested in the service, or asked once by organization_id', async () => {
    const orgOf = (el: RecoveryResourceSearch, name: string) =>
      $$(el, '.results .card').find((c) => c.querySelector('.name')?.textContent?.trim() === name)?.querySelector('.org')?.textContent?.trim();
    const organizationRequests = (urls: URL[]) => urls.filter((u) => u.pathname.startsWith('/organizations/'));
    // The reference server nests the organization: nothing more to ask.
    let before = (await seen()).length;
    const nested = await make(api);
    await until(() => status(nested) === '11 results', 'the first page');
    expect(orgOf(nested, 'Example Recovery Coaching Dorchester')).to.equal('Example Recovery Network');
    expect(organizationRequests(await seenSince(before))).to.have.length(0);
    // A directory that gives organization_id only: the element asks /organizations/{id}, once.
    before = (await seen()).length;
    const lean = await make(await leanApiUrl());
    await until(() => status(lean) === '11 results', 'the first page (lean directory)');
    await until(() => orgOf(lean, 'Example Recovery Coaching Dorchester') === 'Example Recovery Network', 'the organization name');
    const asked = organizationRequests(await seenSince(before));
    expect(asked).to.have.length(1);
    expect(asked[0]?.pathname).to.match(/^\/organizations\/[0-9a-f-]{36}$/);
    await expect(lean).to.be.accessible();
  });

  it('near a ZIP asks /service_at_locations with postcode and proximity, nearest first', async () => {
    const before = (await seen()).length;
    const el = await make(api);
    await until(() => status(el) === '11 results', 'the first page');
    const zip = $<HTMLInputElement>(el, 'input[part="zip-input"]') as HTMLInputElement;
    zip.value = '02118';
    zip.dispatchEvent(new Event('change'));
    await until(() => /near 02118/.test(status(el)), 'near a ZIP');
    expect(names(el)[0]).to.equal('Example Peer Recovery Center South End');
    const near = (await seenSince(before)).filter((u) => u.pathname === '/service_at_locations');
    expect(near).to.have.length(1);
    expect(near[0]?.searchParams.get('postcode')).to.equal('02118');
    expect(Number(near[0]?.searchParams.get('proximity'))).to.be.closeTo(DEFAULT_MILES * 1609.344, 1);
    await expect(el).to.be.accessible();
  });

  it('"use my location" sends the nearest ZIP, never coordinates (every request URL read)', async () => {
    await setGeolocation({ latitude: 42.3396, longitude: -71.0743 });
    const before = (await seen()).length;
    const el = await make(api);
    await until(() => status(el) === '11 results', 'the first page');
    buttonNamed(el, /use my location/i).click();
    await until(() => /near your location/.test(status(el)) && names(el).length > 0, 'located');
    expect(names(el)[0]).to.equal('Example Peer Recovery Center South End');
    const mine = await seenSince(before);
    const located = mine.filter((u) => u.searchParams.get('postcode') === '02118');
    expect(located).to.have.length(1);
    // The ZIP's centre may be up to 8 km from the person: the directory is asked that much wider.
    expect(Number(located[0]!.searchParams.get('proximity'))).to.be.closeTo(DEFAULT_MILES * 1609.344 + 8000, 1);
    await setGeolocation({ reset: true });
    // Every URL the server saw in this whole file.
    for (const url of await seen()) {
      expect(url).not.to.match(COORDINATES);
    }
  });

  it('a directory answering 500 ends in words, with the help contacts and "Try again"', async () => {
    const el = await make('/test-api/hsds-fail/');
    await until(() => $(el, '.load-error') !== null, 'the error');
    expect($(el, '.load-error')?.textContent).to.match(/error 500/);
    expect($(el, '.load-error')?.getAttribute('role')).to.equal('alert');
    expect($(el, 'slot[name="help"]')?.textContent).to.match(/988/);
    await expect(el).to.be.accessible();
  });

  it('a ZIP code the directory does not know (a 400 naming postcode): said so, with the help contacts, no "Try again"', async () => {
    // The element knows every US ZIP code; this directory knows Massachusetts's.
    const el = await fixture<RecoveryResourceSearch>(html`<recovery-resource-search style="width: 1000px"
      api=${api} zip-table-url=${ZIPS} zip-table-national-url="/data/zip-centroids-us.json"></recovery-resource-search>`);
    await until(() => status(el) === '11 results', 'the first page');
    const before = (await seen()).length;
    const zip = $<HTMLInputElement>(el, 'input[part="zip-input"]') as HTMLInputElement;
    zip.value = '03101';
    zip.dispatchEvent(new Event('change'));
    await until(() => $(el, '.load-error') !== null, 'the answer');
    expect((await seenSince(before)).some((u) => u.searchParams.get('postcode') === '03101'), 'the directory was asked').to.equal(true);
    expect($(el, '.load-error')?.textContent).to.match(/does not know this ZIP code/);
    expect($$(el, '.load-error button'), 'no "Try again": it would get the same answer').to.have.length(0);
    expect($(el, 'slot[name="help"]')?.textContent).to.match(/988/);
    await expect(el).to.be.accessible();
    // A ZIP code it knows is asked at once.
    zip.value = '02118';
    zip.dispatchEvent(new Event('change'));
    await until(() => /near 02118/.test(status(el)), 'near a ZIP it knows');
    expect($(el, '.load-error')).to.equal(null);
  });

  it('a directory that does not answer times out in words', async () => {
    RecoveryResourceSearch.apiTimeoutMs = 300;
    const el = await make('/test-api/hsds-hang/');
    await until(() => $(el, '.load-error') !== null, 'the timeout');
    expect($(el, '.load-error')?.textContent).to.match(/took too long/);
    expect($(el, 'slot[name="help"]')?.textContent).to.match(/988/);
    await expect(el).to.be.accessible();
  });

  it('speaks Spanish under lang="es": the count note and "Show more"', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><recovery-resource-search style="width: 1000px"
      api=${api} page-size="4" zip-table-url=${ZIPS} zip-table-national-url=${ZIPS}></recovery-resource-search></div>`);
    const el = wrapper.querySelector('recovery-resource-search') as RecoveryResourceSearch;
    await localeReady();
    await until(() => /^11 resultados$/.test(status(el)), 'Spanish results');
    expect($(el, '.api-note')?.textContent).to.match(/El directorio tiene 11 resultados; .* los 4 que se muestran/);
    expect(moreButton(el)?.textContent).to.match(/Mostrar más resultados \(4 de 11 mostrados\)/);
    await expect(el).to.be.accessible();
  });
});
