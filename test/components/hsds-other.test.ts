// The three elements with `api` against a second, independent HSDS 3.0 directory
// (test/server/hsds-other.mjs): short pages, one-to-one list items, its own taxonomy (names,
// AIRS and SAMHSA codes), two services at one location, one unknown time zone, and the ordinary
// ways of writing web addresses, e-mails and phone numbers. A resident sees every service.
import { fixture, html, expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/resource-search/resource-search.js';
import '../../src/components/prsc-map/prsc-map.js';
import '../../src/components/disposal-locator/disposal-locator.js';
import type { RecoveryResourceSearch } from '../../src/components/resource-search/resource-search.js';
import type { RecoveryPrscMap } from '../../src/components/prsc-map/prsc-map.js';
import type { RecoveryDisposalLocator } from '../../src/components/disposal-locator/disposal-locator.js';
import { clearHsdsCache } from '../../src/core/sources/hsds-api.js';
import { datasetUrl, failOnLitWarnings, localeReady, until } from '../helpers.js';

const ZIPS = datasetUrl({ fixture: 'search-zips' });
const NOON = new Date('2026-04-25T12:00:00-04:00');

/** Every service of the directory (test/server/hsds-other.mjs). */
const SERVICES = [
  'Harbor Peer Recovery Center',
  'Harbor Family Support Group',
  'Dorchester Recovery Community Center',
  'Roxbury Recovery Drop-In',
  'South End Outpatient Program',
  'Back Bay Medication Take-Back',
  'Fenway Pharmacy Drug Drop-Off',
  'Jamaica Plain Take-Back Kiosk',
  'Charlestown Detox Unit',
  'East Boston Recovery Coaching',
  'Harbor Legal Aid Clinic',
  'Neighbors Helping Neighbors',
  'Chinatown Support Circle',
  'Mattapan Recovery Center',
];
/** Its "Recovery Community Centers" term (read by name as our recovery centres). */
const CENTRES = ['Harbor Peer Recovery Center', 'Dorchester Recovery Community Center', 'Roxbury Recovery Drop-In', 'Mattapan Recovery Center'];
/** Its "Medication Take-Back Sites" term (read by name as safe disposal). */
const TAKE_BACK = ['Back Bay Medication Take-Back', 'Fenway Pharmacy Drug Drop-Off', 'Jamaica Plain Take-Back Kiosk'];

/** The directory, with a key of its own for this test's requests. */
const directory = (key: string) => `/test-api/hsds-other/${key}/`;
async function requests(key: string): Promise<URL[]> {
  const { urls } = (await (await fetch(`/test-api/hsds-other-requests?key=${key}`)).json()) as { urls: string[] };
  return urls.map((u) => new URL(u, 'http://api.test'));
}

type Any = RecoveryResourceSearch | RecoveryPrscMap | RecoveryDisposalLocator;
const $$ = (el: Any, sel: string) => [...(el.shadowRoot as ShadowRoot).querySelectorAll<HTMLElement>(sel)];
const texts = (el: Any, sel: string) => $$(el, sel).map((n) => n.textContent?.trim() ?? '');
const status = (el: Any) => texts(el, '[role="status"].status')[0]?.replace(/\s+/g, ' ') ?? '';
const sorted = (xs: readonly string[]) => [...xs].sort();

describe('the elements with api, against another HSDS 3.0 directory', () => {
  failOnLitWarnings();
  beforeEach(() => clearHsdsCache());

  it('<recovery-resource-search>: every service, page after short page, uncategorised ones under "Other"', async () => {
    const key = `search-${Math.random().toString(36).slice(2)}`;
    const el = await fixture<RecoveryResourceSearch>(html`<recovery-resource-search style="width: 1000px"
      api=${directory(key)} page-size="12" zip-table-url=${ZIPS} zip-table-national-url=${ZIPS}></recovery-resource-search>`);
    await until(() => /^\d+ results?/.test(status(el)), 'the first results');
    // "Show more" until every service is shown: each press asks for the next short page.
    for (let presses = 0; presses < 10 && texts(el, '.results .card .name').length < SERVICES.length; presses++) {
      const shown = texts(el, '.results .card .name').length;
      const more = $$(el, 'button[part="more"]')[0];
      expect(more, `"Show more" with ${shown} shown`).to.be.instanceOf(HTMLButtonElement);
      more?.click();
      await until(() => texts(el, '.results .card .name').length > shown, 'the next page');
    }
    expect(sorted(texts(el, '.results .card .name'))).to.deep.equal(sorted(SERVICES));
    // A service whose terms name nothing of ours, and one with no terms, are under "Other".
    const other = $$(el, '.results .card').filter((c) => /Legal Aid|Neighbors Helping/.test(c.textContent ?? ''));
    expect(other.map((c) => [...c.querySelectorAll('.chip')].map((x) => x.textContent?.trim()))).to.deep.equal([['Other'], ['Other']]);
    // Details came for the one-to-one items: the vanity number, dialable.
    const roxbury = $$(el, '.results .card').find((c) => /Roxbury Recovery Drop-In/.test(c.textContent ?? ''));
    expect(roxbury?.querySelector('a[href^="tel:"]')?.getAttribute('href')).to.match(/18004384357/);
    // Its pages are asked by what it says (total_pages), and details for its one-to-one items.
    const asked = await requests(key);
    expect(asked.filter((u) => u.pathname === '/services').map((u) => u.searchParams.get('page'))).to.deep.equal(['1', '2', '3']);
    expect(asked.filter((u) => u.pathname.startsWith('/services/')).length).to.equal(SERVICES.length);
    await expect(el).to.be.accessible();
  });

  it('<recovery-resource-search>: a service under "Other" is found by the "Other" filter and by its words', async () => {
    const key = `other-${Math.random().toString(36).slice(2)}`;
    const el = await fixture<RecoveryResourceSearch>(html`<recovery-resource-search style="width: 1000px"
      api=${directory(key)} page-size="20" zip-table-url=${ZIPS} zip-table-national-url=${ZIPS}></recovery-resource-search>`);
    await until(() => /^\d+ results?/.test(status(el)), 'the first results');
    for (let presses = 0; presses < 10 && texts(el, '.results .card .name').length < SERVICES.length; presses++) {
      const shown = texts(el, '.results .card .name').length;
      $$(el, 'button[part="more"]')[0]?.click();
      await until(() => texts(el, '.results .card .name').length > shown, 'the next page');
    }
    const box = $$(el, '.categories label').find((l) => /^Other\b/.test(l.textContent?.trim() ?? ''))?.querySelector('input');
    expect(box, 'an "Other" filter').to.be.instanceOf(HTMLInputElement);
    box?.click();
    await until(() => status(el) === '2 results', 'the "Other" filter');
    expect(sorted(texts(el, '.results .card .name'))).to.deep.equal(['Harbor Legal Aid Clinic', 'Neighbors Helping Neighbors']);
    box?.click();
    await until(() => status(el) !== '2 results' && !/Searching/.test(status(el)), 'the filter off');
    const input = (el.shadowRoot as ShadowRoot).querySelector<HTMLInputElement>('input[type="search"]') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: 'legal aid' });
    await sendKeys({ press: 'Enter' });
    await until(() => status(el) === '1 result', 'the search');
    expect(texts(el, '.results .card .name')).to.deep.equal(['Harbor Legal Aid Clinic']);
    await expect(el).to.be.accessible();
  });

  it('<recovery-resource-search lang="es">: "Other" in Spanish', async () => {
    const key = `es-${Math.random().toString(36).slice(2)}`;
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><recovery-resource-search style="width: 1000px"
      api=${directory(key)} zip-table-url=${ZIPS} zip-table-national-url=${ZIPS}></recovery-resource-search></div>`);
    await localeReady();
    const el = wrapper.querySelector('recovery-resource-search') as RecoveryResourceSearch;
    await until(() => texts(el, '.results .card .name').length > 0, 'the first results');
    const input = (el.shadowRoot as ShadowRoot).querySelector<HTMLInputElement>('input[type="search"]') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: 'neighbors' });
    await sendKeys({ press: 'Enter' });
    await until(() => texts(el, '.results .card .name').join() === 'Neighbors Helping Neighbors', 'the search');
    expect(texts(el, '.results .card .chip')).to.deep.equal(['Otros']);
    await expect(el).to.be.accessible();
  });

  it('<recovery-prsc-map>: every centre of its "Recovery Community Centers" term, one term id a request', async () => {
    const key = `prsc-${Math.random().toString(36).slice(2)}`;
    const el = await fixture<RecoveryPrscMap>(html`<recovery-prsc-map style="width: 1000px" api=${directory(key)}
      zip-table-url=${ZIPS} zip-table-national-url=${ZIPS}></recovery-prsc-map>`);
    await until(() => texts(el, '.centres .name').length === CENTRES.length, 'every centre');
    expect(sorted(texts(el, '.centres .name'))).to.deep.equal(sorted(CENTRES));
    const asked = (await requests(key)).filter((u) => u.pathname === '/services');
    expect(asked.map((u) => u.searchParams.get('taxonomy_term_id'))).to.deep.equal(['tt-centres']);
    await expect(el).to.be.accessible();
  });

  it('<recovery-disposal-locator>: every take-back place near the ZIP, the one with an unknown time zone too', async () => {
    const key = `disposal-${Math.random().toString(36).slice(2)}`;
    const el = await fixture<RecoveryDisposalLocator>(html`<recovery-disposal-locator api=${directory(key)} max-distance="25" no-map
      zip-table-url=${ZIPS} zip-table-national-url=${ZIPS} .now=${NOON}></recovery-disposal-locator>`);
    await until(() => (el.shadowRoot as ShadowRoot).querySelector('#zip') !== null, 'the form');
    const input = (el.shadowRoot as ShadowRoot).querySelector<HTMLInputElement>('#zip') as HTMLInputElement;
    input.value = '02118';
    input.form?.requestSubmit();
    await until(() => texts(el, '.results-area [part="result"] .name').length === TAKE_BACK.length, 'every place');
    expect(sorted(texts(el, '.results-area [part="result"] .name'))).to.deep.equal(sorted(TAKE_BACK));
    await expect(el).to.be.accessible();
  });
});
