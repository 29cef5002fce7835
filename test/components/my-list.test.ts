// <recovery-my-list>, the pocket card (#15): added from any element's card, kept in this
// browser only (one localStorage key), survives a reload, cleared by one action, printed as a
// clean page, shared as a link with ids only; an id the data no longer has is said to be gone.
import { fixture, html, expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/components/my-list/my-list.js';
import '../../src/components/resource-search/resource-search.js';
import '../../src/components/prsc-map/prsc-map.js';
import type { RecoveryMyList } from '../../src/components/my-list/my-list.js';
import type { RecoveryResourceSearch } from '../../src/components/resource-search/resource-search.js';
import type { RecoveryPrscMap } from '../../src/components/prsc-map/prsc-map.js';
import type { RecoveryShareEvent } from '../../src/events.js';
import { MY_LIST_KEY } from '../../src/kit/card/my-list.js';
import { printer } from '../../src/kit/card/print-frame.js';
import { datasetUrl, failOnLitWarnings, localeReady, setGeolocation, uniqueKey, until, takeTurnsWithMyList } from '../helpers.js';

takeTurnsWithMyList();

const stored = () => localStorage.getItem(MY_LIST_KEY);
/** The stored entries' ids and names (each add also stores a one-time mark, \`stamp\`). */
const storedEntries = () => (JSON.parse(stored() ?? '[]') as Array<{ id: string; name: string }>).map(({ id, name }) => ({ id, name }));
const text = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
const said = (el: Element) => el.shadowRoot?.querySelector('[role="status"].visually-hidden')?.textContent?.trim() ?? '';

async function myList(src = datasetUrl({ key: uniqueKey('ml') })): Promise<RecoveryMyList> {
  const el = await fixture<RecoveryMyList>(html`<recovery-my-list src=${src}></recovery-my-list>`);
  await until(() => !text(el).includes('Loading the places'), 'list loaded');
  return el;
}

/** A page of its own (an iframe), reloaded for real. */
async function frameWith(url: string): Promise<HTMLIFrameElement> {
  const f = document.createElement('iframe');
  f.style.width = '900px';
  f.style.height = '600px';
  const loaded = new Promise((r) => f.addEventListener('load', r, { once: true }));
  f.src = url;
  document.body.append(f);
  await loaded;
  return f;
}

describe('<recovery-my-list>', () => {
  failOnLitWarnings();
  let start: string;
  before(() => setGeolocation({ reset: true }));
  beforeEach(() => {
    start = location.href;
    localStorage.removeItem(MY_LIST_KEY);
  });
  afterEach(async () => {
    history.replaceState(null, '', start);
    localStorage.removeItem(MY_LIST_KEY);
    for (const f of document.querySelectorAll('iframe')) f.remove();
    await emulateMedia({ media: 'screen' });
  });

  it('keeps nothing until a person adds; "Add to my list" on a search card (by keyboard) keeps id and name under one key', async () => {
    const search = await fixture<RecoveryResourceSearch>(html`<recovery-resource-search src=${datasetUrl({ key: uniqueKey('ml-rs') })}></recovery-resource-search>`);
    const root = search.shadowRoot!;
    await until(() => !!root.querySelector('#name-ex-dental-clinic'), 'results');
    expect(stored()).to.equal(null);
    expect(Object.keys(localStorage).filter((k) => k.startsWith('recovery'))).to.deep.equal([]);
    const add = root.querySelector('#name-ex-dental-clinic')!.closest('li')!.querySelector<HTMLButtonElement>('button.my-list-toggle')!;
    expect(add.textContent?.trim()).to.equal('Add to my list');
    expect(add.getBoundingClientRect().height).to.be.at.least(24);
    add.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => add.getAttribute('aria-pressed') === 'true', 'pressed');
    expect(storedEntries()).to.deep.equal([{ id: 'ex-dental-clinic', name: 'Example Dental Clinic' }]);
    expect(JSON.parse(stored()!)[0].stamp, 'the mark of this add').to.be.a('string').and.not.be.empty;
    await until(() => said(search).startsWith('Added to your list: Example Dental Clinic.'), 'said');
    await expect(search).to.be.accessible();
    // Pressed again: taken off.
    await sendKeys({ press: 'Enter' });
    await until(() => add.getAttribute('aria-pressed') === 'false', 'removed');
    expect(stored()).to.equal(null);
  });

  it('survives a reload of the page, and one action clears it (the element says so)', async () => {
    const page = (el: string) =>
      `/test/pages/element.html?${new URLSearchParams({ el, attrs: new URLSearchParams({ src: datasetUrl({ fixture: 'prsc-centres', key: uniqueKey('ml-r') }), 'tile-url': '' }).toString() })}`;
    const f = await frameWith(page('recovery-prsc-map'));
    const map = () => f.contentDocument!.querySelector('recovery-prsc-map') as unknown as RecoveryPrscMap;
    await until(() => !!map()?.shadowRoot?.querySelector('li.centre[data-id="ex-prsc-3"] button.my-list-toggle'), 'centres');
    map().shadowRoot!.querySelector<HTMLButtonElement>('li.centre[data-id="ex-prsc-3"] button.my-list-toggle')!.click();
    await until(() => stored() !== null, 'kept');

    const loaded = new Promise((r) => f.addEventListener('load', r, { once: true }));
    f.src = page('recovery-my-list');
    await loaded;
    const list = () => f.contentDocument!.querySelector('recovery-my-list') as unknown as RecoveryMyList;
    await until(() => !!list()?.shadowRoot?.querySelector('.entry .name'), 'entry shown');
    const name = list().shadowRoot!.querySelector('.entry .name')!.textContent;
    const reloaded = new Promise((r) => f.addEventListener('load', r, { once: true }));
    f.contentWindow!.location.reload();
    await reloaded;
    await until(() => list()?.shadowRoot?.querySelector('.entry .name')?.textContent === name, 'same entry after reload');
    expect(list().shadowRoot!.querySelector('.phone a')).to.exist;

    list().shadowRoot!.querySelector<HTMLButtonElement>('button.clear')!.click();
    await until(() => said(list()) === 'Your list is cleared. Nothing of it is kept in this browser now.', 'said cleared');
    expect(stored()).to.equal(null);
    expect(list().shadowRoot!.querySelector('.entry')).to.equal(null);
    expect(text(list())).to.include('Your list is empty.');
  });

  it('shows an id the data no longer has as "no longer listed", not dropped; removes it on request', async () => {
    localStorage.setItem(MY_LIST_KEY, JSON.stringify([{ id: 'ex-dental-clinic', name: 'Example Dental Clinic' }, { id: 'ex-closed', name: 'Old Drop-in Centre' }]));
    const el = await myList();
    const entries = [...el.shadowRoot!.querySelectorAll('.entry')];
    expect(entries.length).to.equal(2);
    expect(entries[1]!.textContent).to.include('Old Drop-in Centre');
    expect(entries[1]!.textContent).to.include('No longer listed');
    await expect(el).to.be.accessible();
    entries[1]!.querySelector<HTMLButtonElement>('button.remove')!.click();
    await until(() => el.shadowRoot!.querySelectorAll('.entry').length === 1, 'removed');
    expect(JSON.parse(stored() ?? '[]')).to.deep.equal([{ id: 'ex-dental-clinic', name: 'Example Dental Clinic' }]);
  });

  it('shares the list as a link with ids only; the link shows the list, which the person may keep', async () => {
    localStorage.setItem(MY_LIST_KEY, JSON.stringify([{ id: 'ex-dental-clinic', name: 'Example Dental Clinic' }, { id: 'ex-coach-dorchester', name: 'x' }]));
    const el = await myList();
    const event = new Promise<RecoveryShareEvent>((r) => el.addEventListener('recovery-share', (e) => r(e as RecoveryShareEvent), { once: true }));
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.share')!.click();
    const { url } = await event;
    expect([...new URL(url).searchParams.entries()].filter(([k]) => k.startsWith('ml-'))).to.deep.equal([['ml-ids', 'ex-dental-clinic,ex-coach-dorchester']]);
    expect(url).not.to.include('Dental');

    localStorage.removeItem(MY_LIST_KEY);
    history.replaceState(null, '', new URL(url).search);
    const opened = await myList();
    const shared = opened.shadowRoot!.querySelector('.shared')!;
    await until(() => shared.querySelectorAll('.entry').length === 2, 'shared entries');
    expect(stored()).to.equal(null);
    await expect(opened).to.be.accessible();
    shared.querySelector<HTMLButtonElement>('.actions button')!.click();
    await until(() => opened.shadowRoot!.querySelectorAll('.mine .entry').length === 2, 'kept');
    expect(JSON.parse(stored() ?? '[]').map((e: { id: string }) => e.id)).to.deep.equal(['ex-dental-clinic', 'ex-coach-dorchester']);
  });

  it('prints as a pocket card: buttons hidden, phone numbers large', async () => {
    localStorage.setItem(MY_LIST_KEY, JSON.stringify([{ id: 'ex-peer-south-end', name: 'x' }]));
    const el = await myList();
    const phone = el.shadowRoot!.querySelector<HTMLElement>('.phone a')!;
    const actions = el.shadowRoot!.querySelector<HTMLElement>('.actions')!;
    expect(getComputedStyle(actions).display).not.to.equal('none');
    await emulateMedia({ media: 'print' });
    await until(() => getComputedStyle(actions).display === 'none', 'print');
    expect(parseFloat(getComputedStyle(phone).fontSize)).to.be.at.least(20);
    expect(getComputedStyle(el.shadowRoot!.querySelector('.entry')!).display).not.to.equal('none');
  });

  it('"Print my list" prints the list alone, from a document of its own, and 10 places fit one Letter page', async () => {
    const ids = ['ex-peer-south-end', 'ex-coach-dorchester', 'ex-dental-clinic', 'ex-mental-health', 'ex-naloxone-training',
      'ex-housing-worcester', 'ex-kiosk-brighton', 'ex-sharps-pharmacy', 'ex-takeback-past', 'ex-takeback-future'];
    localStorage.setItem(MY_LIST_KEY, JSON.stringify(ids.map((id) => ({ id, name: '' }))));
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <p class="host-page">The host page's own search and map</p>
      <recovery-my-list src=${datasetUrl({ key: uniqueKey('ml-print') })}></recovery-my-list>
      <recovery-my-list src=${datasetUrl({ key: uniqueKey('ml-print') })}></recovery-my-list>
    </div>`);
    // The second on the page: on screen it links to the first one's help lines.
    const el = wrapper.querySelectorAll<RecoveryMyList>('recovery-my-list')[1]!;
    const root = el.shadowRoot!;
    await until(() => root.querySelectorAll('.mine .entry').length === 10, 'ten places');
    const printed: Window[] = [];
    const { print } = printer;
    const pagePrint = window.print;
    printer.print = (w) => void printed.push(w);
    window.print = () => void printed.push(window);
    try {
      root.querySelector<HTMLButtonElement>('button.print')!.click();
      await until(() => printed.length > 0, 'printed');
      expect(printed.length).to.equal(1);
      const win = printed[0]!;
      expect(win === window, 'printed the host page').to.equal(false);
      const doc = win.document;
      // Only the list: one element in the body, the ten places and the help, none of the host page.
      expect(doc.body.children.length).to.equal(1);
      expect(doc.querySelectorAll('.entry').length).to.equal(10);
      expect(doc.querySelectorAll('.entry .phone a').length).to.be.greaterThan(0);
      expect(root.querySelector('.help-jump'), 'on screen, a link to the help lines').to.exist;
      expect(!!doc.querySelector('.help-jump'), 'on paper, a link to another element').to.equal(false);
      expect(doc.querySelectorAll('.help a[href^="tel:"]').length, 'the help lines, with numbers to call').to.be.greaterThan(0);
      expect(doc.body.textContent).not.to.contain('host page');
      expect(doc.title).to.equal('My list of supports');
      // Printed at Letter size (8.5 by 11 in, less the card's 12 mm margins), it is one page.
      await emulateMedia({ media: 'print' });
      const frame = root.querySelector<HTMLIFrameElement>('iframe.print-frame')!;
      frame.style.width = 'calc(8.5in - 24mm)';
      frame.style.height = 'calc(11in - 24mm)';
      const actions = doc.querySelector('.actions')!;
      await until(() => win.getComputedStyle(actions).display === 'none', 'print styles in the print document');
      const page = frame.getBoundingClientRect();
      expect(Math.round(doc.documentElement.clientWidth)).to.equal(Math.round(page.width));
      const high = doc.body.firstElementChild!.getBoundingClientRect().bottom;
      expect(high, `a list ${Math.round(high)} px high on a page of ${Math.round(page.height)} px`).to.be.at.most(page.height);
      expect(parseFloat(win.getComputedStyle(doc.querySelector('.phone a')!).fontSize)).to.be.at.least(20);
    } finally {
      printer.print = print;
      window.print = pagePrint;
    }
  });

  it('works by keyboard alone: Tab to "Clear my list", Enter, and the keyboard goes to the heading', async () => {
    localStorage.setItem(MY_LIST_KEY, JSON.stringify([{ id: 'ex-peer-south-end', name: 'x' }]));
    const el = await myList();
    const root = el.shadowRoot!;
    root.querySelector<HTMLButtonElement>('button.print')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement?.classList.contains('share')).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement?.classList.contains('clear')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => root.activeElement?.id === 'mine-heading', 'focus on the heading');
    expect(stored()).to.equal(null);
  });

  it('a list cleared by mistake can be put back, by keyboard, until the page is left', async () => {
    const kept = [{ id: 'ex-peer-south-end', name: 'x' }, { id: 'ex-dental-clinic', name: 'Example Dental Clinic' }];
    localStorage.setItem(MY_LIST_KEY, JSON.stringify(kept));
    const el = await myList();
    const root = el.shadowRoot!;
    root.querySelector<HTMLButtonElement>('button.clear')!.click();
    await until(() => root.activeElement?.id === 'mine-heading', 'focus on the heading');
    expect(stored()).to.equal(null);
    const undo = root.querySelector<HTMLButtonElement>('button.undo-clear');
    expect(undo, 'a button to put the list back').to.exist;
    await expect(el).to.be.accessible();
    undo!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => root.querySelectorAll('.mine .entry').length === 2, 'put back');
    expect(storedEntries()).to.deep.equal(kept);
    await until(() => said(el) === 'The places are back on your list.', 'said put back');
    expect(root.querySelector('button.undo-clear')).to.equal(null);
    expect(root.activeElement?.id, 'the keyboard goes to the heading').to.equal('mine-heading');
  });

  for (const which of ['keep', 'close']) {
    it(`the keyboard goes to "My list" when a shared list is ${which === 'keep' ? 'kept' : 'closed'} (its buttons go away)`, async () => {
      history.replaceState(null, '', `${location.pathname}?ml-ids=ex-dental-clinic`);
      const el = await myList();
      const root = el.shadowRoot!;
      await until(() => !!root.querySelector('.shared .entry .name'), 'shared list');
      const buttons = root.querySelectorAll<HTMLButtonElement>('.shared .actions button');
      buttons[which === 'keep' ? 0 : 1]!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !root.querySelector('.shared'), 'shared list gone');
      await el.updateComplete;
      expect(root.activeElement?.id, 'focus').to.equal('mine-heading');
      await expect(el).to.be.accessible();
    });
  }

  it('url-prefix names the shared-list parameter', async () => {
    history.replaceState(null, '', `${location.pathname}?ml-ids=ex-dental-clinic&list2-ids=ex-peer-south-end`);
    const el = await fixture<RecoveryMyList>(html`<recovery-my-list url-prefix="list2" src=${datasetUrl({ key: uniqueKey('ml-p') })}></recovery-my-list>`);
    await until(() => !!el.shadowRoot!.querySelector('.shared .entry .name'), 'shared list');
    expect(el.shadowRoot!.querySelector('.shared .entry .name')?.textContent).to.equal('Example Peer Recovery Center South End');
    expect(el.shadowRoot!.querySelectorAll('.shared .entry').length).to.equal(1);
  });

  it('is in Spanish under lang="es", empty state included, and accessible', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><recovery-my-list src=${datasetUrl({ key: uniqueKey('ml-es') })}></recovery-my-list></div>`);
    const el = wrapper.querySelector<RecoveryMyList>('recovery-my-list')!;
    await localeReady();
    await until(() => text(el).includes('Su lista está vacía'), 'Spanish');
    expect(el.shadowRoot!.querySelector('h2')?.textContent).to.equal('Mi lista');
    await expect(el).to.be.accessible();
  });
});
