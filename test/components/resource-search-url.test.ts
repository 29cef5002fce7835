import { fixture, html, expect } from '@open-wc/testing';
import { render } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/resource-search/resource-search.js';
import type { RecoveryResourceSearch } from '../../src/components/resource-search/resource-search.js';
import { readUrl, writeUrl, emptyState } from '../../src/components/resource-search/url-state.js';
import { renderCard } from '../../src/kit/card/result-card.js';
import type { Resource } from '../../src/core/schema.js';
import { datasetUrl, failOnLitWarnings, until, uniqueKey } from '../helpers.js';

const ZIPS = datasetUrl({ fixture: 'search-zips' });
const status = (el: RecoveryResourceSearch) => el.shadowRoot?.querySelector('.status')?.textContent?.trim() ?? '';

async function make(): Promise<RecoveryResourceSearch> {
  return fixture<RecoveryResourceSearch>(html`<recovery-resource-search sync-url
    src=${datasetUrl({ key: uniqueKey('url') })} zip-table-url=${ZIPS} zip-table-national-url=${ZIPS}></recovery-resource-search>`);
}

describe('<recovery-resource-search> sync-url and safety', () => {
  failOnLitWarnings();
  let start: string;
  beforeEach(() => {
    start = location.href;
  });
  afterEach(() => history.replaceState(null, '', start));

  it('reads and writes its own parameters only, a ZIP and never coordinates', () => {
    const s = { ...emptyState(), query: 'peer', categories: ['housing' as const], free: true, zip: '02118', miles: 5 };
    const url = writeUrl('https://example.org/page?id=7', s);
    expect(url).to.equal('https://example.org/page?id=7&rs-q=peer&rs-cat=housing&rs-free=1&rs-zip=02118&rs-mi=5');
    expect(readUrl(url)).to.deep.equal(s);
    expect(readUrl('https://example.org/page?id=7')).to.equal(undefined);
    // Garbage is dropped, not trusted.
    const bad = readUrl('https://example.org/?rs-cat=nope,housing&rs-zip=abc&rs-mi=3&rs-pop=x');
    expect(bad?.categories).to.deep.equal(['housing']);
    expect(bad?.zip).to.equal('');
    expect(bad?.miles).to.equal(10);
    expect(bad?.population).to.equal('');
  });

  it('starts from the URL, pushes a search a person made, and the back button restores', async () => {
    history.replaceState(null, '', `${location.pathname}?rs-q=dental&keep=1`);
    const el = await make();
    await until(() => status(el) === '1 result', 'from URL');
    const input = el.shadowRoot?.querySelector<HTMLInputElement>('input[type="search"]') as HTMLInputElement;
    expect(input.value).to.equal('dental');
    const before = history.length;
    input.focus();
    input.select();
    await sendKeys({ type: 'kiosk' });
    await sendKeys({ press: 'Enter' });
    await until(() => status(el) === '2 results', 'kiosk');
    await until(() => new URL(location.href).searchParams.get('rs-q') === 'kiosk', 'URL updated');
    // A new entry (Chromium keeps at most 50 per tab: then the oldest goes); going back below
    // proves it was pushed, not replaced.
    expect(history.length).to.equal(Math.min(before + 1, 50));
    expect(new URL(location.href).searchParams.get('keep')).to.equal('1');
    const popped = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
    history.back();
    await popped;
    await until(() => status(el) === '1 result', 'restored');
    expect(input.value).to.equal('dental');
  });

  it('a ZIP goes into the URL and comes back from it; "my location" never does', async () => {
    history.replaceState(null, '', `${location.pathname}?rs-zip=01609`);
    const el = await make();
    await until(() => status(el).includes('near 01609'), 'near ZIP from URL');
    expect(el.shadowRoot?.querySelector('.card .name')?.textContent).to.equal('Example Sober Living Worcester');
    expect(location.href).not.to.match(/lat|lon|-71\.|42\./);
  });

  it('renderCard never makes a link other than http(s), tel or sms, even from unvalidated data', () => {
    const r = {
      id: 'x',
      kind: 'service',
      name: 'Example',
      categories: ['treatment'],
      url: 'javascript:alert(1)',
      organization: { name: 'Example Org', url: 'javascript:alert(2)' },
      phones: [{ number: '617-555-0100', type: 'voice' }],
      address: { address_1: '1 Example St', city: 'Boston', state_province: 'MA', postal_code: '02118', country: 'US' },
      provenance: { source: 'test', status: 'verified' },
    } as unknown as Resource;
    const host = document.createElement('div');
    render(renderCard(r, { now: new Date(), timeZone: 'America/New_York' }), host);
    const hrefs = [...host.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.length).to.be.greaterThan(0);
    expect(hrefs.filter((h) => !/^(https?:|tel:|sms:)/.test(h))).to.deep.equal([]);
  });
});
