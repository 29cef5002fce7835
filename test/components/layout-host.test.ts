// Drop into any site (issue #9): the host page's CSS does not shrink or restyle the elements;
// one help block per page; unique landmark labels; heading levels that fit the page; the
// site's own text in the page's language.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/index.js';
import { datasetUrl, failOnLitWarnings, localeReady, setGeolocation, until, takeTurnsWithMyList } from '../helpers.js';
import { TEST_TILES } from './hostile.helpers.js';
import { HOST_CSS } from './layout.helpers.js';
import { MY_LIST_KEY } from '../../src/kit/card/my-list.js';

takeTurnsWithMyList();

const ZIPS = datasetUrl({ fixture: 'disposal-zips-ma' });
const SEARCH_ZIPS = datasetUrl({ fixture: 'search-zips' });
const NOON = new Date('2026-04-25T12:00:00-04:00');

type El = HTMLElement & { updateComplete: Promise<boolean> };

async function mount(tag: string, attrs: Record<string, string> = {}, parent: HTMLElement = document.body): Promise<El> {
  const el = document.createElement(tag) as El;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  parent.append(el);
  await el.updateComplete;
  return el;
}

/** Every element fully shown: results, details, filters open, a failed signup with its help. */
async function mountAll(): Promise<El[]> {
  const search = await mount('recovery-resource-search', { src: datasetUrl(), 'zip-table-url': SEARCH_ZIPS });
  const prsc = await mount('recovery-prsc-map', { src: datasetUrl({ fixture: 'prsc-centres' }), 'tile-url': TEST_TILES });
  const disposal = await mount('recovery-disposal-locator', {
    src: datasetUrl({ fixture: 'disposal-sites' }),
    'zip-table-url': ZIPS,
    'zip-table-national-url': ZIPS,
    'no-map': '',
  });
  (disposal as unknown as { now: Date }).now = NOON;
  localStorage.setItem(MY_LIST_KEY, JSON.stringify([{ id: 'ex-peer-south-end', name: '' }, { id: 'ex-coach-dorchester', name: '' }]));
  const myList = await mount('recovery-my-list', { src: datasetUrl() });
  const signup = await mount('recovery-newsletter-signup', { action: '/test-api/signup?mode=500', 'min-fill-ms': '0', 'consent-text': 'I agree', interests: 'Events, News' });
  const s = search.shadowRoot!;
  await until(() => !!s.querySelector('.results'), 'search results');
  s.querySelector<HTMLButtonElement>('.filters-toggle')?.click();
  const p = prsc.shadowRoot!;
  await until(() => !!p.querySelector('button.choose'), 'centres');
  p.querySelector<HTMLButtonElement>('button.choose')!.click();
  const d = disposal.shadowRoot!;
  await until(() => !!d.querySelector('#zip') && !d.querySelector('.loading-space'), 'disposal form');
  d.querySelector<HTMLInputElement>('#zip')!.value = '02118';
  d.querySelector<HTMLFormElement>('form')!.requestSubmit();
  await until(() => !!d.querySelector('.results-area'), 'disposal results');
  const n = signup.shadowRoot!;
  const email = n.querySelector<HTMLInputElement>('#email')!;
  email.value = 'a@example.org';
  email.dispatchEvent(new Event('input'));
  n.querySelector<HTMLInputElement>('.consent input')!.click();
  await signup.updateComplete;
  n.querySelector<HTMLFormElement>('form')!.requestSubmit();
  await until(() => !!n.querySelector('.alert .notice'), 'failed signup');
  await until(() => myList.shadowRoot!.querySelectorAll('.entry .phone').length >= 2, 'my list');
  for (const el of [search, prsc, disposal, myList, signup]) await el.updateComplete;
  return [search, prsc, disposal, myList, signup];
}

function visible(n: Element): boolean {
  const r = n.getBoundingClientRect();
  return r.width > 1 && r.height > 1 && n.checkVisibility({ visibilityProperty: true });
}

/**
 * The pointer targets smaller than 24 by 24 px (WCAG 2.2, 2.5.8). A checkbox or radio's target
 * is its label; links inside a sentence are exempt (the inline exception), and so is the map's
 * tile credit.
 */
function smallTargets(el: HTMLElement): string[] {
  const small: string[] = [];
  for (const n of el.shadowRoot!.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea')) {
    if (!visible(n) || n.closest('.hp, .leaflet-control-attribution')) continue;
    const inSentence = n.localName === 'a' && n.parentElement?.closest('p, li') && getComputedStyle(n).display === 'inline';
    if (inSentence) continue;
    const target = n instanceof HTMLInputElement && (n.type === 'checkbox' || n.type === 'radio') ? (n.closest('label') ?? n) : n;
    const r = target.getBoundingClientRect();
    if (r.width < 24 || r.height < 24) small.push(`${el.localName} <${n.localName} ${n.className}> ${Math.round(r.width)}x${Math.round(r.height)} "${n.textContent?.trim().slice(0, 30)}"`);
  }
  return small;
}

/**
 * What touches the edge of the element's own box: every visible box in the shadow root (the
 * map's insides left out) must stand at least `min` px inside the edge of `.base`.
 */
function touchingEdge(el: HTMLElement, min = 8): string[] {
  const base = el.shadowRoot!.querySelector<HTMLElement>('.base')!;
  const b = base.getBoundingClientRect();
  const bad: string[] = [];
  for (const n of base.querySelectorAll<HTMLElement>('*')) {
    if (!visible(n) || n.closest('.visually-hidden') || n.parentElement?.closest('.map-frame')) continue;
    const r = n.getBoundingClientRect();
    const gaps = [r.left - b.left, r.top - b.top, b.right - r.right, b.bottom - r.bottom].map(Math.round);
    if (Math.min(...gaps) < min) bad.push(`${el.localName} <${n.localName} ${n.className}> ${gaps.join('/')}`);
  }
  return bad;
}

/** Text smaller than `min` px. */
function smallText(el: HTMLElement, selector: string, min: number): string[] {
  const small: string[] = [];
  for (const n of el.shadowRoot!.querySelectorAll<HTMLElement>(selector)) {
    if (!visible(n) || !n.textContent?.trim()) continue;
    const size = parseFloat(getComputedStyle(n).fontSize);
    if (size < min) small.push(`${el.localName} <${n.localName} ${n.className}> ${size}px`);
  }
  return small;
}

describe('layout: robust to host CSS', () => {
  failOnLitWarnings();
  let style: HTMLStyleElement;
  before(async () => {
    await setGeolocation({ reset: true });
    await setViewport({ width: 390, height: 800 });
  });
  beforeEach(() => {
    style = document.createElement('style');
    style.textContent = HOST_CSS;
    document.head.append(style);
  });
  afterEach(() => {
    style.remove();
    document.body.replaceChildren();
    localStorage.removeItem(MY_LIST_KEY);
  });
  after(() => setViewport({ width: 800, height: 600 }));

  it('keeps 16 px text and 24 px targets under html { font-size: 62.5% }, button { all: unset } and a dark page', async () => {
    expect(getComputedStyle(document.documentElement).fontSize).to.equal('10px');
    const all = await mountAll();
    for (const el of all) {
      const base = el.shadowRoot!.querySelector<HTMLElement>('.base')!;
      const cs = getComputedStyle(base);
      expect(cs.fontSize, el.localName).to.equal('16px');
      // Inherited properties from the host page stop at .base.
      expect([cs.letterSpacing, cs.wordSpacing, cs.textAlign, cs.textTransform, cs.textIndent, cs.fontStyle, cs.whiteSpace], el.localName).to.deep.equal([
        'normal', '0px', 'start', 'none', '0px', 'normal', 'normal',
      ]);
      expect(cs.color, el.localName).to.equal('rgb(27, 27, 31)');
      expect(cs.backgroundColor, el.localName).to.equal('rgb(255, 255, 255)');
      expect(smallText(el, 'label, input, select, button, .description, .help-name, .status, legend, .intro, h2, h3, .name', 16), 'body text').to.deep.equal([]);
      expect(smallText(el, 'p, li, span, a, strong', 14), 'small print').to.deep.equal([]);
      expect(smallTargets(el), 'targets').to.deep.equal([]);
      await expect(el).to.be.accessible();
    }
  });

  it('keeps the text of each element off the edge of its own box on a dark page', async () => {
    const all = await mountAll();
    for (const el of all) {
      const base = getComputedStyle(el.shadowRoot!.querySelector('.base')!);
      expect(base.backgroundColor, `${el.localName}: its own surface on the dark page`).to.equal('rgb(255, 255, 255)');
      expect(touchingEdge(el), el.localName).to.deep.equal([]);
    }
  });

  it('sizes follow --recovery-font-size, and --recovery-radius reaches chips, item choices and buttons', async () => {
    style.textContent += `
      recovery-resource-search, recovery-disposal-locator { --recovery-font-size: 20px; --recovery-radius: 0px; }`;
    const search = await mount('recovery-resource-search', { src: datasetUrl() });
    const disposal = await mount('recovery-disposal-locator', { src: datasetUrl({ fixture: 'disposal-sites' }) });
    await until(() => !!search.shadowRoot!.querySelector('.chip'), 'chips');
    await until(() => !!disposal.shadowRoot!.querySelector('label.item'), 'items');
    expect(getComputedStyle(search.shadowRoot!.querySelector('.base')!).fontSize).to.equal('20px');
    const button = search.shadowRoot!.querySelector('button[type="submit"]')!;
    expect(parseFloat(getComputedStyle(button).minHeight)).to.equal(55);
    for (const n of [search.shadowRoot!.querySelector('.chip')!, disposal.shadowRoot!.querySelector('label.item')!, button]) {
      expect(getComputedStyle(n).borderTopLeftRadius, n.className).to.equal('0px');
    }
  });
});

describe('layout: the map follows the tokens', () => {
  failOnLitWarnings();
  before(() => setGeolocation({ reset: true }));
  afterEach(() => document.body.replaceChildren());

  it('gives the zoom buttons and popups the radius and colours of the tokens', async () => {
    const el = await mount('recovery-prsc-map', { src: datasetUrl({ fixture: 'prsc-centres' }), 'tile-url': TEST_TILES });
    el.style.cssText = '--recovery-radius: 3px; --recovery-color-surface: rgb(1, 2, 3); --recovery-color-text: rgb(250, 251, 252); width: 1000px';
    const map = (el as unknown as { map: { state: string; select: (id: string) => void } }).map;
    await until(() => map.state === 'ready' || map.state === 'failed', 'map');
    expect(map.state).to.equal('ready');
    const root = el.shadowRoot!;
    // The map can be ready before the list: wait for the centres, not for a moment.
    await until(() => !!root.querySelector('button.choose'), 'the list of centres');
    const id = root.querySelector<HTMLButtonElement>('button.choose')!.dataset['id']!;
    map.select(id);
    await until(() => !!root.querySelector('.leaflet-popup-content-wrapper'), 'popup');
    const bar = getComputedStyle(root.querySelector('.leaflet-bar')!);
    const popup = getComputedStyle(root.querySelector('.leaflet-popup-content-wrapper')!);
    const zoom = getComputedStyle(root.querySelector('.leaflet-bar a')!);
    expect([bar.borderTopLeftRadius, popup.borderTopLeftRadius]).to.deep.equal(['3px', '3px']);
    expect([popup.backgroundColor, popup.color]).to.deep.equal(['rgb(1, 2, 3)', 'rgb(250, 251, 252)']);
    expect([zoom.backgroundColor, zoom.color]).to.deep.equal(['rgb(1, 2, 3)', 'rgb(250, 251, 252)']);
    const close = root.querySelector('.leaflet-popup-close-button')!.getBoundingClientRect();
    expect(Math.min(close.width, close.height)).to.be.at.least(24);
  });
});

describe('layout: one help block per page, unique landmarks', () => {
  failOnLitWarnings();
  before(() => setGeolocation({ reset: true }));
  afterEach(() => document.body.replaceChildren());

  const helpBlocks = (els: El[]) => els.map((e) => e.shadowRoot!.querySelectorAll('.help').length);
  const jumps = (els: El[]) => els.map((e) => e.shadowRoot!.querySelectorAll('.help-jump').length);

  it('shows the full help in the first element and a one-line link to it in the others', async () => {
    const first = await mount('recovery-resource-search', { src: datasetUrl() });
    const second = await mount('recovery-prsc-map', { src: datasetUrl({ fixture: 'prsc-centres' }), 'tile-url': TEST_TILES });
    const third = await mount('recovery-disposal-locator', { src: datasetUrl({ fixture: 'disposal-sites' }) });
    const els = [first, second, third];
    for (const el of els) await el.updateComplete;
    expect(helpBlocks(els)).to.deep.equal([1, 0, 0]);
    expect(jumps(els)).to.deep.equal([0, 1, 1]);
    // The link takes the keyboard to the full block.
    third.shadowRoot!.querySelector<HTMLButtonElement>('.help-jump button')!.click();
    expect(first.shadowRoot!.activeElement?.classList.contains('help')).to.equal(true);
    for (const el of els) await expect(el).to.be.accessible();
    // The first leaves: the next one takes over.
    first.remove();
    await until(() => second.shadowRoot!.querySelectorAll('.help').length === 1, 'the next element shows the help');
    await third.updateComplete;
    expect(helpBlocks([second, third])).to.deep.equal([1, 0]);
  });

  it('lets the site decide with help="full|compact|none"', async () => {
    const a = await mount('recovery-resource-search', { src: datasetUrl(), help: 'none' });
    const b = await mount('recovery-prsc-map', { src: datasetUrl({ fixture: 'prsc-centres' }), 'tile-url': TEST_TILES, help: 'full' });
    const c = await mount('recovery-disposal-locator', { src: datasetUrl({ fixture: 'disposal-sites' }), help: 'compact' });
    for (const el of [a, b, c]) await el.updateComplete;
    expect(helpBlocks([a, b, c])).to.deep.equal([0, 1, 0]);
    expect(jumps([a, b, c])).to.deep.equal([0, 0, 1]);
    b.setAttribute('help', 'none');
    await until(() => c.shadowRoot!.querySelectorAll('.help').length === 1, 'compact falls back to the crisis lines');
    expect(c.shadowRoot!.querySelector('.help-desc')).to.equal(null);
  });

  it('gives every landmark a label of its own when an element is on the page twice', async () => {
    const els = [
      await mount('recovery-resource-search', { src: datasetUrl() }),
      await mount('recovery-resource-search', { src: datasetUrl() }),
      await mount('recovery-prsc-map', { src: datasetUrl({ fixture: 'prsc-centres' }), 'tile-url': TEST_TILES }),
      await mount('recovery-prsc-map', { src: datasetUrl({ fixture: 'prsc-centres' }), 'tile-url': TEST_TILES }),
    ];
    for (const el of els) await until(() => !el.shadowRoot!.textContent?.includes('Loading'), 'loaded');
    for (const el of els) await el.updateComplete;
    const seen = new Map<string, number>();
    for (const el of els) {
      for (const n of el.shadowRoot!.querySelectorAll('[role="search"], [role="region"], section[aria-label], section[aria-labelledby], form[aria-label], nav, aside')) {
        const role = n.getAttribute('role') ?? n.localName;
        const id = n.getAttribute('aria-labelledby');
        const name = n.getAttribute('aria-label') ?? (id ? el.shadowRoot!.getElementById(id)?.textContent?.trim() : '') ?? '';
        const key = `${role}: ${name}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    }
    expect([...seen].filter(([, n]) => n > 1).map(([k]) => k)).to.deep.equal([]);
    expect([...seen.keys()]).to.include.members(['search: Search for support (1)', 'search: Search for support (2)']);
  });
});

describe('layout: heading levels and the site\'s text', () => {
  failOnLitWarnings();
  before(() => setGeolocation({ reset: true }));
  afterEach(async () => {
    document.body.replaceChildren();
    document.documentElement.lang = 'en';
    await localeReady();
  });

  const levels = (el: HTMLElement, selector: string) =>
    [...el.shadowRoot!.querySelectorAll(selector)].map((h) => h.localName);

  it('heading-level sets the element\'s headings and its results one lower', async () => {
    const prsc = await mount('recovery-prsc-map', { src: datasetUrl({ fixture: 'prsc-centres' }), 'tile-url': TEST_TILES, 'heading-level': '3' });
    await until(() => !!prsc.shadowRoot!.querySelector('.centre .name'), 'centres');
    expect(levels(prsc, '.title')).to.deep.equal(['h3']);
    expect(new Set(levels(prsc, '.centre .name'))).to.deep.equal(new Set(['h4']));
    prsc.shadowRoot!.querySelector<HTMLButtonElement>('button.choose')!.click();
    await prsc.updateComplete;
    expect(levels(prsc, '.card .name')).to.deep.equal(['h4']);

    const search = await mount('recovery-resource-search', { src: datasetUrl(), 'heading-level': '5' });
    await until(() => !!search.shadowRoot!.querySelector('.card .name'), 'results');
    expect(new Set(levels(search, '.card .name'))).to.deep.equal(new Set(['h6']));
    search.setAttribute('heading-level', '9');
    await search.updateComplete;
    expect(new Set(levels(search, '.card .name')), 'an impossible level falls back to the default').to.deep.equal(new Set(['h3']));

    const disposal = await mount('recovery-disposal-locator', {
      src: datasetUrl({ fixture: 'disposal-sites' }), 'zip-table-url': ZIPS, 'zip-table-national-url': ZIPS, 'no-map': '', 'heading-level': '4',
    });
    (disposal as unknown as { now: Date }).now = NOON;
    const d = disposal.shadowRoot!;
    await until(() => !!d.querySelector('#zip') && !d.querySelector('.loading-space'), 'form');
    d.querySelector<HTMLInputElement>('#zip')!.value = '02118';
    d.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await until(() => !!d.querySelector('.results-area .card'), 'places');
    expect(levels(disposal, '#results-heading')).to.deep.equal(['h4']);
    expect(new Set(levels(disposal, '.card .name'))).to.deep.equal(new Set(['h5']));
    const signup = await mount('recovery-newsletter-signup', { heading: 'Stay in touch', 'heading-level': '3' });
    expect(levels(signup, '.title')).to.deep.equal(['h3']);
    for (const el of [prsc, search, disposal, signup]) await expect(el).to.be.accessible();
  });

  it('shows the site\'s text in the page\'s language: attributes and slots', async () => {
    const prsc = await mount('recovery-prsc-map', {
      src: datasetUrl({ fixture: 'prsc-centres' }), 'tile-url': TEST_TILES, intro: 'Our centres.', 'intro-es': 'Nuestros centros.',
    });
    const signup = await mount('recovery-newsletter-signup', {
      heading: 'Stay in touch', 'heading-es': 'Manténgase en contacto',
      'consent-text': 'I agree to be e-mailed.', 'consent-text-es': 'Acepto recibir correos.',
      interests: 'Events, News', 'interests-es': 'Eventos, Noticias',
    });
    const intro = () => prsc.shadowRoot!.querySelector('.intro')!.textContent!.trim();
    const text = () => signup.shadowRoot!.textContent!;
    expect(intro()).to.equal('Our centres.');
    expect(text()).to.contain('Stay in touch').and.contain('I agree to be e-mailed.').and.contain('Events');
    document.documentElement.lang = 'es';
    await localeReady();
    await until(() => intro() === 'Nuestros centros.', 'Spanish intro');
    await until(() => text().includes('Manténgase en contacto'), 'Spanish heading');
    expect(text()).to.contain('Acepto recibir correos.').and.contain('Eventos').and.not.contain('Stay in touch');
    expect(text()).not.to.contain('Events');
    document.documentElement.lang = 'en';
    await localeReady();
    await until(() => text().includes('Stay in touch') && intro() === 'Our centres.', 'back to English');

    // Rich text through slots: intro-es on a Spanish page, intro otherwise.
    const slotted = document.createElement('recovery-prsc-map') as El;
    slotted.setAttribute('src', datasetUrl({ fixture: 'prsc-centres' }));
    slotted.setAttribute('tile-url', TEST_TILES);
    slotted.innerHTML = '<p slot="intro">Our <a href="/centres">centres</a>.</p><p slot="intro-es" lang="es">Nuestros <a href="/es/centros">centros</a>.</p>';
    document.body.append(slotted);
    await slotted.updateComplete;
    const shown = () => {
      const outer = slotted.shadowRoot!.querySelector<HTMLSlotElement>('.intro slot')!;
      return outer.assignedElements({ flatten: true }).map((e) => e.textContent).join('|');
    };
    expect(shown()).to.equal('Our centres.');
    document.documentElement.lang = 'es';
    await localeReady();
    await until(() => shown() === 'Nuestros centros.', 'Spanish slot');
    await expect(slotted).to.be.accessible();
  });
});
