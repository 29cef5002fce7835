import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/disposal-locator/disposal-locator.js';
import type { RecoveryDisposalLocator } from '../../src/components/disposal-locator/disposal-locator.js';
import type { DisposalSearchFilters, RecoverySearchEvent } from '../../src/events.js';
import { datasetUrl, failOnLitWarnings, setGeolocation, uniqueKey, until } from '../helpers.js';


/** Haversine written here, independently of src/core/geo.ts. */
function testKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const toRad = (d: number) => (d * Math.PI) / 180;
  const s1 = Math.sin(toRad(b.latitude - a.latitude) / 2);
  const s2 = Math.sin(toRad(b.longitude - a.longitude) / 2);
  const h = s1 * s1 + Math.cos(toRad(a.latitude)) * Math.cos(toRad(b.latitude)) * s2 * s2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

interface FixtureRecord {
  id: string;
  kind: string;
  name: string;
  location?: { latitude: number; longitude: number };
  disposal?: { accepts: string[] };
}

const NOON = new Date('2026-04-25T12:00:00-04:00');
const ZIPS = datasetUrl({ fixture: 'disposal-zips-ma' });
const ZIPS_US = datasetUrl({ fixture: 'disposal-zips-us' });
const ZIP_02118 = { latitude: 42.33786, longitude: -71.069805 };

async function make(attrs: { src?: string; item?: string; limit?: number; maxDistance?: number } = {}) {
  const el = await fixture<RecoveryDisposalLocator>(html`<recovery-disposal-locator
    src=${attrs.src ?? datasetUrl({ fixture: 'disposal-sites' })}
    item=${attrs.item ?? 'pills'}
    limit=${attrs.limit ?? 10}
    max-distance=${attrs.maxDistance ?? 25}
    zip-table-url=${ZIPS}
    zip-table-national-url=${ZIPS_US}
    no-map
    .now=${NOON}
  ></recovery-disposal-locator>`);
  return el;
}

const root = (el: RecoveryDisposalLocator) => el.shadowRoot!;
const statusText = (el: RecoveryDisposalLocator) => root(el).querySelector('[role="status"]')?.textContent?.trim() ?? '';
const alertText = (el: RecoveryDisposalLocator) => root(el).querySelector('#zip-error')?.textContent?.trim() ?? '';
const resultNames = (el: RecoveryDisposalLocator) =>
  [...root(el).querySelectorAll('.results-area [part="result"] .name')].map((n) => n.textContent?.trim());
const eventNames = (el: RecoveryDisposalLocator) =>
  [...root(el).querySelectorAll('.events [part="result"] .name')].map((n) => n.textContent?.trim());

async function ready(el: RecoveryDisposalLocator) {
  await until(() => root(el).querySelector('form') !== null && !statusText(el).startsWith('Loading'), 'data loaded');
  await el.updateComplete;
}

async function searchZip(el: RecoveryDisposalLocator, zip: string) {
  const input = root(el).querySelector<HTMLInputElement>('#zip')!;
  input.value = zip;
  root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await until(() => !statusText(el).startsWith('Looking up'), 'ZIP lookup');
  await until(() => resultNames(el).length > 0 || !!root(el).querySelector('.results-area') || alertText(el) !== '', 'search outcome');
  await el.updateComplete;
}

function chooseItem(el: RecoveryDisposalLocator, item: string) {
  root(el).querySelector<HTMLInputElement>(`input[name="item"][value="${item}"]`)!.click();
  return el.updateComplete;
}

let records: FixtureRecord[];

describe('recovery-disposal-locator', () => {
  failOnLitWarnings();

  before(async () => {
    records = ((await (await fetch(datasetUrl({ fixture: 'disposal-sites' }))).json()) as { resources: FixtureRecord[] }).resources;
  });

  it('shows the help contacts and a loading status while the data loads', async () => {
    const el = await make({ src: datasetUrl({ fixture: 'disposal-sites', delay: 800, key: uniqueKey() }) });
    expect(statusText(el)).to.match(/Loading/);
    expect(root(el).querySelector('[part="help"]')?.textContent).to.match(/Emergency|911/);
    await expect(el).to.be.accessible();
    await ready(el);
  });

  it('lists the places that take the item, nearest first, checked against independent distances', async () => {
    const el = await make();
    await ready(el);
    const searched = oneEvent(el, 'recovery-search') as Promise<RecoverySearchEvent<DisposalSearchFilters>>;
    await searchZip(el, '02118');
    const ev = await searched;
    const expected = records
      .filter((r) => r.kind !== 'event' && r.disposal?.accepts.includes('pills') && r.location)
      .map((r) => ({ name: r.name, km: testKm(ZIP_02118, r.location!) }))
      .filter((r) => r.km <= 25 * 1.609344)
      .sort((a, b) => a.km - b.km)
      .slice(0, 10);
    expect(expected.length).to.be.greaterThan(3);
    expect(resultNames(el)).to.deep.equal(expected.map((e) => e.name));
    expect(ev.resultCount).to.equal(expected.length);
    expect(ev.filters.item).to.equal('pills');
    expect(ev.query).to.equal('02118');
    // distance, open 24/7, restrictions in words, directions, phone link
    const first = root(el).querySelector('.results-area [part="result"]')!;
    expect(first.querySelector('.distance')?.textContent).to.match(/mi away/);
    const kiosk = [...root(el).querySelectorAll('.results-area [part="result"]')].find((c) =>
      c.textContent?.includes('Example Police Kiosk Jamaica Plain'),
    )!;
    // The fixture's records carry no date: a 24/7 claim of unknown date is never shown as open (issue #22).
    expect(kiosk.querySelector('.open-status')?.textContent).to.equal('Listed as 24/7, date unknown: call first');
    expect(kiosk.textContent).to.include('Medicines only. No needles or sharps.');
    expect(kiosk.querySelector('a[href^="tel:6175550111"]')).to.exist;
    expect(kiosk.querySelector('a[href^="https://www.google.com/maps/dir/"]')).to.exist;
    expect(statusText(el)).to.match(/places within 25 miles take pills/);
    // records that do not say what they take, and services, are never listed
    expect(resultNames(el)).to.not.include('Example Disposal Site That Does Not Say');
    expect(resultNames(el)).to.not.include('Example Peer Recovery Center');
    await expect(el).to.be.accessible();
  });

  it('keeps to the limit', async () => {
    const el = await make({ limit: 3 });
    await ready(el);
    await searchZip(el, '02118');
    expect(resultNames(el)).to.have.length(3);
  });

  it('filters by item, and changing the item searches again', async () => {
    const el = await make();
    await ready(el);
    await searchZip(el, '02118');
    const searched = oneEvent(el, 'recovery-search') as Promise<RecoverySearchEvent<DisposalSearchFilters>>;
    await chooseItem(el, 'liquids');
    expect((await searched).filters.item).to.equal('liquids');
    expect(el.item).to.equal('liquids');
    expect(el.getAttribute('item')).to.equal('liquids');
    expect(resultNames(el)).to.have.members(['Example Pharmacy Downtown', 'Example Hospital Somerville']);
    await chooseItem(el, 'inhalers');
    expect(resultNames(el)).to.deep.equal(['Example Hospital Somerville']);
    await chooseItem(el, 'sharps');
    expect(resultNames(el)).to.deep.equal(['Example Syringe Service South End']);
    expect(root(el).textContent).to.include('Sharps in a closed, hard container.');
    await expect(el).to.be.accessible();
  });

  it('presets the item from the attribute', async () => {
    const el = await make({ item: 'sharps' });
    await ready(el);
    expect(root(el).querySelector<HTMLInputElement>('input[value="sharps"]')!.checked).to.equal(true);
    expect(root(el).querySelector<HTMLInputElement>('input[value="pills"]')!.checked).to.equal(false);
  });

  it('gives the FDA at-home steps when nothing near takes a medicine form', async () => {
    const el = await make({ item: 'patches' });
    await ready(el);
    await searchZip(el, '02118');
    expect(resultNames(el)).to.deep.equal([]);
    const guidance = root(el).querySelector('[part="guidance"]')!;
    expect(guidance.textContent).to.match(/coffee grounds/);
    expect(guidance.textContent).to.match(/flush list/);
    expect(guidance.textContent).to.match(/Source: US Food and Drug Administration/);
    expect(guidance.querySelector('a')?.getAttribute('href')).to.equal(
      'https://www.fda.gov/drugs/safe-disposal-medicines/disposal-unused-medicines-what-you-should-know',
    );
    // places near take pills: say so, without listing them as taking patches
    expect(root(el).textContent).to.include('Some places near you take pills and tablets');
    expect(statusText(el)).to.match(/No place within 25 miles/);
    await expect(el).to.be.accessible();
  });

  it('gives the Boston needle guidance (BOS:311) when nothing near takes sharps in Boston', async () => {
    const el = await make({ item: 'sharps', maxDistance: 1 });
    await ready(el);
    await searchZip(el, '02135');
    expect(resultNames(el)).to.deep.equal([]);
    const guidance = root(el).querySelector('[part="guidance"]')!;
    expect(guidance.textContent).to.include('Mobile Sharps Team');
    expect(guidance.textContent).to.include('household trash or recycling');
    expect(guidance.querySelector('a[href="tel:311"]')).to.exist;
    expect(guidance.querySelector('a[href="tel:6176354500"]')).to.exist;
    expect(guidance.textContent).to.match(/Source: City of Boston/);
    await expect(el).to.be.accessible();
  });

  it('gives general needle guidance outside Boston', async () => {
    const el = await make({ item: 'sharps', maxDistance: 1 });
    await ready(el);
    await searchZip(el, '02138');
    const guidance = root(el).querySelector('[part="guidance"]')!;
    expect(guidance.textContent).to.not.include('Mobile Sharps Team');
    expect(guidance.textContent).to.include('syringe service programs');
  });

  it('says when a ZIP is not a ZIP, or is not known', async () => {
    const el = await make();
    await ready(el);
    await searchZip(el, '2118');
    expect(alertText(el)).to.match(/five-digit ZIP/);
    expect(root(el).querySelector('#zip')!.getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).querySelector('#zip')!.getAttribute('aria-describedby')).to.equal('zip-error');
    await expect(el).to.be.accessible();
    await searchZip(el, '01999');
    expect(alertText(el)).to.match(/do not know the ZIP code 01999/);
    await searchZip(el, '99999');
    expect(alertText(el)).to.match(/do not know the ZIP code 99999/);
    await expect(el).to.be.accessible();
    // a good one clears the message
    await searchZip(el, '02118');
    expect(alertText(el)).to.equal('');
    expect(resultNames(el).length).to.be.greaterThan(0);
  });

  it('finds a ZIP outside Massachusetts in the national table', async () => {
    const el = await make({ maxDistance: 5 });
    await ready(el);
    await searchZip(el, '10001');
    expect(alertText(el)).to.equal('');
    expect(root(el).querySelector('.results-area h2')?.textContent).to.include('10001');
  });

  it('says when the ZIP table cannot be loaded', async () => {
    const el = await make();
    el.zipTableUrl = datasetUrl({ fixture: 'disposal-zips-ma', status: 404, key: uniqueKey() });
    await ready(el);
    await searchZip(el, '02118');
    expect(alertText(el)).to.match(/ZIP codes could not be loaded/);
  });

  it('shows upcoming take-back events and never a past one', async () => {
    const el = await make();
    await ready(el);
    expect(eventNames(el)).to.deep.equal([
      'Example Take Back Day (running)',
      'Example Take Back Day Springfield',
      'Example Take Back Day (future)',
    ]);
    expect(root(el).querySelector('.events')?.textContent).to.include('Happening now');
    await expect(el).to.be.accessible();
    await searchZip(el, '02118');
    // near the person only; the past one and the one that started without an end never
    expect(eventNames(el)).to.deep.equal(['Example Take Back Day (running)', 'Example Take Back Day (future)']);
    expect(root(el).textContent).to.not.include('Example Take Back Day (past)');
    expect(root(el).textContent).to.not.include('Example Event Started Without End');
    // a later clock hides what has ended
    el.now = new Date('2026-04-25T15:00:00-04:00');
    await el.updateComplete;
    expect(eventNames(el)).to.deep.equal(['Example Take Back Day (future)']);
    el.now = new Date('2027-01-01T00:00:00Z');
    await el.updateComplete;
    expect(root(el).querySelector('.events')).to.equal(null);
  });

  it('uses the location when a person asks: nearest to that point first', async () => {
    const here = { latitude: 42.3496, longitude: -71.1497 }; // Brighton
    await setGeolocation(here);
    try {
      const el = await make();
      await ready(el);
      const searched = oneEvent(el, 'recovery-search') as Promise<RecoverySearchEvent<DisposalSearchFilters>>;
      root(el).querySelector<HTMLButtonElement>('button.secondary')!.click();
      const ev = await searched;
      expect(ev.filters.location).to.equal('geolocation');
      const expected = records
        .filter((r) => r.kind !== 'event' && r.disposal?.accepts.includes('pills') && r.location)
        .map((r) => ({ name: r.name, km: testKm(here, r.location!) }))
        .filter((r) => r.km <= 25 * 1.609344)
        .sort((a, b) => a.km - b.km)
        .slice(0, 10);
      expect(resultNames(el)).to.deep.equal(expected.map((e) => e.name));
      expect(resultNames(el)[0]).to.equal('Example Police Kiosk Brighton');
      expect(root(el).querySelector('.results-area h2')?.textContent).to.include('near your location');
      await expect(el).to.be.accessible();
      // located in Boston (nearest ZIP 02135): the Boston needle guidance
      el.maxDistance = 0.5;
      await chooseItem(el, 'sharps');
      expect(root(el).querySelector('[part="guidance"]')?.textContent).to.include('Mobile Sharps Team');
    } finally {
      await setGeolocation({ reset: true });
    }
  });

  it('says so when location is denied', async () => {
    await setGeolocation({ denied: true });
    try {
      const el = await make();
      await ready(el);
      root(el).querySelector<HTMLButtonElement>('button.secondary')!.click();
      await until(() => alertText(el) !== '', 'denied message');
      expect(alertText(el)).to.match(/permission was denied/);
      expect(resultNames(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    } finally {
      await setGeolocation({ reset: true });
    }
  });

  it('says so when location is unavailable', async () => {
    await setGeolocation({ unavailable: true });
    try {
      const el = await make();
      await ready(el);
      root(el).querySelector<HTMLButtonElement>('button.secondary')!.click();
      await until(() => alertText(el) !== '', 'unavailable message');
      expect(alertText(el)).to.match(/not available right now/);
      await expect(el).to.be.accessible();
    } finally {
      await setGeolocation({ reset: true });
    }
  });

  it('says so when finding the location takes too long', async () => {
    // Permission granted, no position override: headless Chromium has no location provider of
    // its own, so only the timeout can end the request. The element's timeout is set to 50 ms.
    await setGeolocation({ noPosition: true });
    try {
    const el = await make();
    el.geolocationTimeout = 50;
    await ready(el);
    root(el).querySelector<HTMLButtonElement>('button.secondary')!.click();
    await until(() => alertText(el) !== '', 'timeout message');
    expect(alertText(el)).to.match(/took too long/);
    await expect(el).to.be.accessible();
    } finally {
      await setGeolocation({ reset: true });
    }
  });

  it('can be used with the keyboard alone', async () => {
    const el = await make();
    await ready(el);
    const first = root(el).querySelector<HTMLInputElement>('input[name="item"]:checked')!;
    first.focus();
    // arrows move through the radio group: pills -> liquids
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.item).to.equal('liquids');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id).to.equal('zip');
    await sendKeys({ type: '02118' });
    const searched = oneEvent(el, 'recovery-search');
    await sendKeys({ press: 'Enter' });
    await searched;
    await el.updateComplete;
    expect(resultNames(el)).to.have.members(['Example Pharmacy Downtown', 'Example Hospital Somerville']);
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.textContent?.trim()).to.equal('Find places');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.textContent?.trim()).to.equal('Use my location');
    await sendKeys({ press: 'Tab' });
    // next stop: a link in the first result card
    expect(root(el).activeElement?.closest('[part="result"]')).to.exist;
  });

  it('shows the help contacts, words and a Retry button when the data fails', async () => {
    const key = uniqueKey();
    const el = await make({ src: datasetUrl({ fixture: 'disposal-sites', 'fail-first': 2, key }) });
    el.helpContacts = [
      { id: 'site-line', name: 'Example site line', urgency: 'support', phones: [{ number: '617-555-0150', type: 'voice' }] },
    ];
    await until(() => root(el).querySelector('.load-error[role="alert"] button') !== null, 'error state');
    expect(root(el).textContent).to.include('could not send the list of places');
    expect(root(el).querySelector('[part="help"]')?.textContent).to.include('Example site line');
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>('.load-error button')!.click();
    await ready(el);
    expect(root(el).querySelector('.load-error[role="alert"] button')).to.equal(null);
    await searchZip(el, '02118');
    expect(resultNames(el).length).to.be.greaterThan(0);
  });

  it('says when the data cannot be read', async () => {
    const el = await make({ src: datasetUrl({ fixture: 'not-json', key: uniqueKey() }) });
    await until(() => root(el).querySelector('.load-error[role="alert"]') !== null, 'error state');
    expect(root(el).textContent).to.include('could not read the list of places');
    expect(root(el).querySelector('[part="help"]')).to.exist;
  });

  it('says how many entries were skipped', async () => {
    const el = await make({ src: datasetUrl({ fixture: 'invalid-records' }) });
    await ready(el);
    expect(root(el).querySelector('.skipped')?.textContent).to.match(/4 entries could not be shown/);
  });

  it('says when the list is an old snapshot', async () => {
    const el = await make({ src: datasetUrl({ fixture: 'disposal-snapshot' }) });
    await ready(el);
    expect(root(el).querySelector('.snapshot')?.textContent).to.include(
      'This list is a snapshot from October 2018: call before you go.',
    );
    await expect(el).to.be.accessible();
    const fresh = await make();
    await ready(fresh);
    expect(root(fresh).querySelector('.snapshot')).to.equal(null);
  });

  it('sets record text as text, never as markup', async () => {
    const el = await make({ src: datasetUrl({ fixture: 'dataset' }) });
    await ready(el);
    await searchZip(el, '02118');
    expect(root(el).querySelector('img')).to.equal(null);
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });
});
