import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/resource-search/resource-search.js';
import type { RecoveryResourceSearch } from '../../src/components/resource-search/resource-search.js';
import type { RecoverySearchEvent, RecoverySelectEvent } from '../../src/events.js';
import { datasetUrl, failOnLitWarnings, setGeolocation, until, uniqueKey } from '../helpers.js';

const ZIPS = datasetUrl({ fixture: 'search-zips' });

interface Opts {
  src?: string;
  category?: string;
  pageSize?: number;
  noFilters?: boolean;
  noLocation?: boolean;
  syncUrl?: boolean;
  width?: number;
}

async function make(o: Opts = {}): Promise<RecoveryResourceSearch> {
  // The element itself is the fixture (a plain wrapper would make fixture() wait for an
  // animation frame, which a background tab does not get when two test files run at once).
  return fixture<RecoveryResourceSearch>(html`<recovery-resource-search style="width: ${o.width ?? 1000}px"
    src=${o.src ?? datasetUrl({ key: uniqueKey('rs') })}
    category=${o.category ?? ''}
    page-size=${o.pageSize ?? 20}
    ?no-filters=${o.noFilters ?? false}
    ?no-location=${o.noLocation ?? false}
    ?sync-url=${o.syncUrl ?? false}
    zip-table-url=${ZIPS}
    zip-table-national-url=${ZIPS}
  ></recovery-resource-search>`);
}

const root = (el: RecoveryResourceSearch) => el.shadowRoot as ShadowRoot;
const $ = <T extends Element = HTMLElement>(el: RecoveryResourceSearch, sel: string) => root(el).querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: RecoveryResourceSearch, sel: string) => [...root(el).querySelectorAll<T>(sel)];
const status = (el: RecoveryResourceSearch) => $(el, '[role="status"].status')?.textContent?.trim() ?? '';
const names = (el: RecoveryResourceSearch) => $$(el, '.results .card .name').map((n) => n.textContent?.trim());
const ready = (el: RecoveryResourceSearch) => until(() => /result/i.test(status(el)), 'results');
function buttonNamed(el: RecoveryResourceSearch, text: RegExp): HTMLButtonElement {
  const b = $$<HTMLButtonElement>(el, 'button').find((x) => text.test(x.textContent ?? ''));
  if (!b) throw new Error(`no button ${text}`);
  return b;
}
async function type(el: RecoveryResourceSearch, text: string) {
  const input = $<HTMLInputElement>(el, 'input[type="search"]') as HTMLInputElement;
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  await sendKeys({ type: text });
}
function categoryBox(el: RecoveryResourceSearch, label: RegExp): HTMLInputElement {
  const l = $$(el, '.categories label').find((x) => label.test(x.textContent ?? ''));
  return l?.querySelector('input') as HTMLInputElement;
}

describe('<recovery-resource-search>', () => {
  failOnLitWarnings();

  it('loading: says so, reserves space, shows the help contacts, and is accessible', async () => {
    const el = await make({ src: datasetUrl({ delay: 1500, key: uniqueKey('slow') }) });
    expect(status(el)).to.match(/loading/i);
    expect(($(el, '.placeholder') as HTMLElement).getBoundingClientRect().height).to.be.greaterThan(300);
    expect($(el, '.help')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('results: every record, the count announced, accessible', async () => {
    const el = await make();
    await ready(el);
    expect(status(el)).to.equal('11 results');
    expect(names(el)).to.have.length(11);
    expect($(el, '.help')?.textContent).to.include('Test helpline');
    await expect(el).to.be.accessible();
  });

  it('takes records from the data property, helpContacts and a site\'s synonyms', async () => {
    const data = await (await fetch(datasetUrl())).json();
    const el = await fixture<RecoveryResourceSearch>(html`<recovery-resource-search no-location
      .data=${data} .synonyms=${[['dental', 'teeth']]}
      .helpContacts=${[{ id: 'site-line', name: 'Example site line', urgency: 'support', phones: [{ number: '617-555-0150' }] }]}
    ></recovery-resource-search>`);
    await ready(el);
    expect(status(el)).to.equal('11 results');
    expect($(el, '.help')?.textContent).to.include('Example site line');
    expect($(el, '.help')?.textContent).not.to.include('Test helpline');
    await type(el, 'teeth');
    await until(() => status(el) === '1 result', 'teeth');
    expect(names(el)).to.deep.equal(['Example Dental Clinic']);
  });

  it('typing narrows the list: "dental" gives the dental clinic, not the mental health center', async () => {
    const el = await make();
    await ready(el);
    await type(el, 'dental');
    await until(() => status(el) === '1 result', '1 result');
    expect(names(el)).to.deep.equal(['Example Dental Clinic']);
  });

  it('typos and synonyms find things', async () => {
    const el = await make();
    await ready(el);
    await type(el, 'narcan');
    await until(() => names(el).includes('Example Naloxone Training'), 'narcan');
    await type(el, 'sober house');
    await until(() => names(el).includes('Example Sober Living Worcester'), 'sober house');
    await type(el, 'worcestr');
    await until(() => names(el).join() === 'Example Sober Living Worcester', 'typo');
  });

  it('empty: says so, offers ways to widen the search and the help contacts; accessible', async () => {
    const el = await make();
    await ready(el);
    await type(el, 'qqqqzzzz');
    await until(() => status(el) === 'No results', 'no results');
    expect($(el, '.empty')?.textContent).to.match(/help lines/);
    expect($(el, '.help')).to.exist;
    await expect(el).to.be.accessible();
    buttonNamed(el, /clear the search words/i).click();
    await until(() => status(el) === '11 results', 'widened');
    expect($<HTMLInputElement>(el, 'input[type="search"]')?.value).to.equal('');
  });

  it('error: words for the failure, a retry that works, the help contacts; accessible', async () => {
    const key = uniqueKey('fail');
    const el = await make({ src: datasetUrl({ 'fail-first': 2, key }) });
    await until(() => !!$(el, '[role="alert"]'), 'error');
    expect($(el, '[role="alert"]')?.textContent).to.match(/could not send the list of services \(error 503\)/);
    expect($(el, '.help')).to.exist;
    await expect(el).to.be.accessible();
    buttonNamed(el, /try again/i).click();
    await until(() => status(el) === '11 results', 'retried');
  });

  it('a damaged document is named as such', async () => {
    const el = await make({ src: datasetUrl({ fixture: 'not-json', key: uniqueKey() }) });
    await until(() => !!$(el, '[role="alert"]'), 'error');
    expect($(el, '[role="alert"]')?.textContent).to.match(/damaged/);
  });

  it('some records invalid: the rest are shown, the skipped ones counted, no javascript: link, markup as text', async () => {
    const el = await make({ src: datasetUrl({ fixture: 'invalid-records', key: uniqueKey() }) });
    await ready(el);
    expect($(el, '.skipped')?.textContent).to.match(/4 entries could not be shown/);
    expect(names(el)).not.to.include('Bad link');
    expect(names(el)).to.include('<img src=x onerror="window.__xss=1"><b>Example Markup</b>');
    const hrefs = $$<HTMLAnchorElement>(el, 'a[href]').map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.length).to.be.greaterThan(5);
    expect(hrefs.filter((h) => !/^(https?:|tel:|sms:)/.test(h))).to.deep.equal([]);
    expect($(el, '.results img')).to.equal(null);
    expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('crisis words bring the emergency contacts above the results', async () => {
    const el = await make();
    await ready(el);
    expect($(el, '.help.urgent')).to.equal(null);
    await type(el, 'overdose');
    await until(() => !!$(el, '.main .help.urgent'), 'urgent help');
    const urgent = $(el, '.main .help.urgent') as HTMLElement;
    expect(urgent.textContent).to.include('911');
    const first = $(el, '.results, .empty') as HTMLElement;
    expect(urgent.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('categories: several at once, counts that follow the query', async () => {
    const el = await make();
    await ready(el);
    expect(categoryBox(el, /Housing/).parentElement?.textContent).to.match(/\(1\)/);
    categoryBox(el, /Housing/).click();
    await until(() => status(el) === '1 result', 'housing');
    categoryBox(el, /Safe disposal/).click();
    await until(() => status(el) === '5 results', 'housing + disposal');
    await type(el, 'kiosk');
    await until(() => status(el) === '2 results', 'kiosk');
    expect(categoryBox(el, /Housing/).parentElement?.textContent).to.match(/\(0\)/);
    expect(categoryBox(el, /Safe disposal/).parentElement?.textContent).to.match(/\(2\)/);
    expect(buttonNamed(el, /^\s*Filters \(2\)/)).to.exist;
  });

  it('free, language and online filters', async () => {
    const el = await make();
    await ready(el);
    const free = $$<HTMLInputElement>(el, '.checks input')[0] as HTMLInputElement;
    free.click();
    await until(() => status(el) === '2 results', 'free');
    const lang = $<HTMLSelectElement>(el, '#language') as HTMLSelectElement;
    lang.value = 'ht';
    lang.dispatchEvent(new Event('change'));
    await until(() => status(el) === 'No results', 'free + Haitian Creole');
    buttonNamed(el, /clear all filters/i).click();
    await until(() => status(el) === '11 results', 'cleared');
    const mode = $<HTMLSelectElement>(el, '#delivery') as HTMLSelectElement;
    mode.value = 'online';
    mode.dispatchEvent(new Event('change'));
    await until(() => status(el) === '2 results', 'online');
  });

  it('a preset category, no-filters and no-location', async () => {
    const el = await make({ category: 'peer-support', noFilters: true, noLocation: true });
    await ready(el);
    expect(status(el)).to.equal('2 results');
    expect($(el, '.filters')).to.equal(null);
    expect($(el, '#zip')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('near a ZIP: nearest first with the distance; an unknown ZIP says so', async () => {
    const el = await make();
    await ready(el);
    const zip = $<HTMLInputElement>(el, '#zip') as HTMLInputElement;
    zip.focus();
    await sendKeys({ type: '01609' });
    await sendKeys({ press: 'Enter' });
    await until(() => status(el).includes('near 01609'), 'near 01609');
    expect(names(el)[0]).to.equal('Example Sober Living Worcester');
    expect($(el, '.card .distance')?.textContent).to.match(/mi away/);
    // Boston records are ~60 km away: not within the default 10 miles.
    expect(names(el)).not.to.include('Example Dental Clinic');
    zip.value = '99999';
    zip.dispatchEvent(new Event('change'));
    await until(() => /do not know the ZIP code 99999/.test($(el, '.place')?.textContent ?? ''), 'unknown zip');
    await expect(el).to.be.accessible();
  });

  it('"use my location" only when asked; denied says what to do', async () => {
    await setGeolocation({ latitude: 42.3396, longitude: -71.0743 });
    const el = await make();
    await ready(el);
    expect(status(el)).to.equal('11 results');
    buttonNamed(el, /use my location/i).click();
    await until(() => status(el).includes('near your location'), 'located');
    expect(names(el)[0]).to.equal('Example Peer Recovery Center South End');
    await setGeolocation({ denied: true });
    buttonNamed(el, /use my location/i).click();
    await until(() => /denied/.test($(el, '.place [role="alert"]')?.textContent ?? ''), 'denied message');
    await setGeolocation({ reset: true });
  });

  it('fires recovery-search only on a person\'s action, and recovery-select on a result\'s link', async () => {
    let searches = 0;
    const el = await make();
    el.addEventListener('recovery-search', () => searches++);
    await ready(el);
    expect(searches).to.equal(0);
    const input = $<HTMLInputElement>(el, 'input[type="search"]') as HTMLInputElement;
    input.focus();
    // A pause while typing is a search of its own (a slow machine may pause after "p"): wait for
    // the search of the whole word, whichever event it is.
    const events: RecoverySearchEvent[] = [];
    el.addEventListener('recovery-search', (e) => events.push(e as RecoverySearchEvent));
    await sendKeys({ type: 'peer' });
    await sendKeys({ press: 'Enter' });
    await until(() => events.some((e) => e.query === 'peer'), 'the search for "peer"');
    const ev = events.find((e) => e.query === 'peer') as RecoverySearchEvent;
    expect(ev.query).to.equal('peer');
    expect(ev.resultCount).to.equal(2);
    expect(ev.filters).not.to.have.property('point');
    const link = $<HTMLAnchorElement>(el, '.results a[href^="tel:"]') as HTMLAnchorElement;
    link.addEventListener('click', (e) => e.preventDefault());
    setTimeout(() => link.click());
    const sel = (await oneEvent(el, 'recovery-select')) as RecoverySelectEvent;
    expect(sel.resource.id).to.equal('ex-peer-south-end');
  });

  it('pages: shows page-size results, "Show more" adds a page and moves focus to it', async () => {
    const el = await make({ pageSize: 4 });
    await ready(el);
    expect(names(el)).to.have.length(4);
    buttonNamed(el, /show more/i).click();
    await until(() => names(el).length === 8, 'page 2');
    expect(root(el).activeElement?.getAttribute('data-index')).to.equal('4');
  });

  it('a page-size set after the results are shown applies at once', async () => {
    const el = await make({ pageSize: 4 });
    await ready(el);
    expect(names(el)).to.have.length(4);
    el.setAttribute('page-size', '2');
    await el.updateComplete;
    expect(names(el)).to.have.length(2);
    el.pageSize = 6;
    await el.updateComplete;
    expect(names(el)).to.have.length(6);
  });

  it('the whole flow by keyboard: search, a filter, a result link', async () => {
    const el = await make({ noLocation: true });
    await ready(el);
    $<HTMLInputElement>(el, 'input[type="search"]')?.focus();
    await sendKeys({ type: 'peer' });
    await sendKeys({ press: 'Enter' });
    await until(() => status(el) === '2 results', 'peer');
    await sendKeys({ press: 'Tab' }); // Search button
    await sendKeys({ press: 'Tab' }); // first category (the toggle is hidden when wide)
    await sendKeys({ press: 'Tab' }); // second category
    expect(root(el).activeElement?.closest('label')?.textContent).to.match(/Recovery coaching/);
    await sendKeys({ press: 'Space' });
    await until(() => status(el) === '1 result', 'recovery coaching by keyboard');
    // Tab on to the first link of the first result.
    for (let i = 0; i < 40 && !root(el).activeElement?.closest('.results'); i++) await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.closest('.results')).to.exist;
  });

  it('on a phone the filters fold behind a "Filters" button (aria-expanded, Escape closes)', async () => {
    const el = await make({ width: 390 });
    await ready(el);
    const toggle = $<HTMLButtonElement>(el, '.filters-toggle') as HTMLButtonElement;
    const panel = $(el, '#filters') as HTMLElement;
    expect(getComputedStyle(toggle).display).not.to.equal('none');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(getComputedStyle(panel).display).to.equal('none');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => toggle.getAttribute('aria-expanded') === 'true', 'open');
    expect(getComputedStyle(panel).display).not.to.equal('none');
    await expect(el).to.be.accessible();
    (panel.querySelector('input') as HTMLInputElement).focus();
    await sendKeys({ press: 'Escape' });
    await until(() => toggle.getAttribute('aria-expanded') === 'false', 'closed');
    expect(root(el).activeElement).to.equal(toggle);
  });

  it('print: a button, and a print stylesheet that hides the controls', async () => {
    const el = await make();
    await ready(el);
    expect(buttonNamed(el, /print these results/i)).to.exist;
    const sheets = (root(el).adoptedStyleSheets.length ? root(el).adoptedStyleSheets : []) as CSSStyleSheet[];
    const print = sheets
      .flatMap((s) => [...s.cssRules])
      .filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText === 'print')
      .map((r) => r.cssText)
      .join('\n');
    expect(print).to.match(/\.controls/);
    expect(print).to.match(/display: none/);
  });
});
