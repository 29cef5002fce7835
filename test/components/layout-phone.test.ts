// Never broken on a phone (issue #9): at 320 and 390 px, in every state of every element, with
// the longest data the schema allows and in English and Spanish, nothing is wider than the
// viewport.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/index.js';
import { datasetUrl, failOnLitWarnings, localeReady, setGeolocation, until, takeTurnsWithMyList } from '../helpers.js';
import { LONG_URL, LONG_WORD, longDataset, overflows } from './layout.helpers.js';
import { TEST_TILES } from './hostile.helpers.js';
import { MY_LIST_KEY } from '../../src/kit/card/my-list.js';

takeTurnsWithMyList();

const ZIPS = datasetUrl({ fixture: 'disposal-zips-ma' });
const SEARCH_ZIPS = datasetUrl({ fixture: 'search-zips' });
const NOON = new Date('2026-04-25T12:00:00-04:00');

type Dataset = HTMLElement & { data: unknown; updateComplete: Promise<boolean> };

function fits(el: HTMLElement, state: string): void {
  expect(overflows(el), `${el.localName}, ${state}, at ${innerWidth}px`).to.deep.equal([]);
}

async function mount(tag: string, attrs: Record<string, string>, data?: unknown): Promise<Dataset> {
  const el = document.createElement(tag) as Dataset;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (data !== undefined) el.data = data;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

async function setLang(lang: string): Promise<void> {
  document.documentElement.lang = lang;
  await until(() => true);
  await localeReady();
}

function submit(root: ShadowRoot, selector: string): void {
  root.querySelector<HTMLFormElement>(selector)!.requestSubmit();
}

describe('layout: nothing wider than a phone', () => {
  failOnLitWarnings();
  before(() => setGeolocation({ reset: true }));
  afterEach(async () => {
    document.body.replaceChildren();
    await setLang('en');
    await setViewport({ width: 800, height: 600 });
  });

  for (const width of [320, 390]) {
    for (const lang of ['en', 'es']) {
      it(`resource search at ${width}px in ${lang}: results, filters open, a ZIP problem, crisis, no match, error`, async () => {
        await setViewport({ width, height: 800 });
        await setLang(lang);
        const el = await mount('recovery-resource-search', { 'zip-table-url': SEARCH_ZIPS, 'zip-table-national-url': SEARCH_ZIPS }, await longDataset('dataset'));
        const root = el.shadowRoot!;
        await until(() => !!root.querySelector('.results'), 'results');
        fits(el, 'results');
        root.querySelector<HTMLButtonElement>('.filters-toggle')!.click();
        await el.updateComplete;
        fits(el, 'filters open');
        const zip = root.querySelector<HTMLInputElement>('#zip')!;
        zip.value = '12';
        zip.dispatchEvent(new Event('change'));
        await until(() => !!root.querySelector('.place-problem'), 'ZIP problem');
        fits(el, 'a ZIP problem');
        const q = root.querySelector<HTMLInputElement>('#q')!;
        q.value = 'suicide';
        q.dispatchEvent(new Event('input'));
        submit(root, 'form.search');
        await until(() => !!root.querySelector('.help.urgent'), 'crisis help');
        fits(el, 'crisis help');
        q.value = `${LONG_WORD}${LONG_WORD}`;
        q.dispatchEvent(new Event('input'));
        submit(root, 'form.search');
        await until(() => !!root.querySelector('.notice.empty'), 'no match');
        fits(el, 'no match');
        const failed = await mount('recovery-resource-search', { src: datasetUrl({ status: 500 }) });
        await until(() => !!failed.shadowRoot!.querySelector('.load-error'), 'load error');
        fits(failed, 'load error');
      });

      it(`PRSC map at ${width}px in ${lang}: every centre's details open, the map shown, error`, async () => {
        await setViewport({ width, height: 800 });
        await setLang(lang);
        const el = await mount('recovery-prsc-map', { 'tile-url': TEST_TILES, 'zip-table-url': ZIPS, intro: `${LONG_WORD} ${LONG_URL}` }, await longDataset('prsc-centres'));
        const root = el.shadowRoot!;
        await until(() => !!root.querySelector('ul.centres'), 'list');
        fits(el, 'list');
        for (const b of root.querySelectorAll<HTMLButtonElement>('button.choose')) {
          b.click();
          await el.updateComplete;
        }
        await until(() => root.querySelectorAll('.centre .card').length > 0, 'details');
        fits(el, 'details open');
        root.querySelector<HTMLButtonElement>('.map-toggle')!.click();
        const map = (el as unknown as { map: { state: string } }).map;
        await until(() => map.state === 'ready' || map.state === 'failed', 'map');
        await el.updateComplete;
        fits(el, 'map shown');
        const zip = root.querySelector<HTMLInputElement>('#zip')!;
        zip.value = '1';
        submit(root, 'form.near');
        await until(() => !!root.querySelector('.place-problem'), 'ZIP problem');
        fits(el, 'a ZIP problem');
        const failed = await mount('recovery-prsc-map', { src: datasetUrl({ fixture: 'prsc-centres', status: 500 }) });
        await until(() => !!failed.shadowRoot!.querySelector('.load-error'), 'load error');
        fits(failed, 'load error');
      });

      it(`disposal locator at ${width}px in ${lang}: places and map, events, guidance, error`, async () => {
        await setViewport({ width, height: 800 });
        await setLang(lang);
        const el = await mount(
          'recovery-disposal-locator',
          { 'tile-url': TEST_TILES, 'zip-table-url': ZIPS, 'zip-table-national-url': ZIPS },
          await longDataset('disposal-sites'),
        );
        (el as unknown as { now: Date }).now = NOON;
        const root = el.shadowRoot!;
        await until(() => !!root.querySelector('#zip') && !root.querySelector('.loading-space'), 'form');
        fits(el, 'form');
        root.querySelector<HTMLInputElement>('#zip')!.value = '02118';
        submit(root, 'form');
        await until(() => !!root.querySelector('.results-area .map-frame'), 'results');
        root.querySelector('.map-frame')!.scrollIntoView();
        const map = (el as unknown as { map: { state: string } }).map;
        await until(() => map.state === 'ready' || map.state === 'failed', 'map');
        await el.updateComplete;
        fits(el, 'places, map and events');
        for (const item of ['inhalers', 'patches', 'sharps']) {
          root.querySelector<HTMLInputElement>(`input[value="${item}"]`)!.click();
          await el.updateComplete;
          fits(el, `item ${item}`);
        }
        root.querySelector<HTMLInputElement>('#zip')!.value = '1';
        submit(root, 'form');
        await until(() => !!root.querySelector('.place-problem'), 'ZIP problem');
        fits(el, 'a ZIP problem');
        const failed = await mount('recovery-disposal-locator', { src: datasetUrl({ fixture: 'disposal-sites', status: 500 }) });
        await until(() => !!failed.shadowRoot!.querySelector('.load-error'), 'load error');
        fits(failed, 'load error');
      });

      it(`newsletter signup at ${width}px in ${lang}: long wording, field errors, a failed send`, async () => {
        await setViewport({ width, height: 800 });
        await setLang(lang);
        const el = await mount('recovery-newsletter-signup', {
          heading: `${LONG_WORD} newsletter`,
          'consent-text': `I agree to ${LONG_URL}`,
          interests: `${LONG_WORD}, Peer support`,
          action: '/test-api/signup?mode=500',
          'min-fill-ms': '0',
          'fallback-email': `${LONG_WORD}@example.org`,
        });
        const root = el.shadowRoot!;
        fits(el, 'form');
        submit(root, 'form');
        await until(() => !!root.querySelector('.field-error'), 'field errors');
        fits(el, 'field errors');
        const email = root.querySelector<HTMLInputElement>('#email')!;
        email.value = `${LONG_WORD}@example.org`;
        email.dispatchEvent(new Event('input'));
        const consent = root.querySelector<HTMLInputElement>('.consent input[type="checkbox"], input[type="checkbox"][name="consent"]');
        consent?.click();
        await el.updateComplete;
        submit(root, 'form');
        await until(() => !!root.querySelector('.alert .notice'), 'failed send');
        submit(root, 'form');
        await until(() => !!root.querySelector('.alert .notice a'), 'second failure with the e-mail link');
        fits(el, 'a failed send with help');
      });

      it(`my list at ${width}px in ${lang}: long entries, one no longer listed, a shared list, error`, async () => {
        await setViewport({ width, height: 800 });
        await setLang(lang);
        localStorage.setItem(MY_LIST_KEY, JSON.stringify([
          { id: 'ex-peer-south-end', name: '' }, { id: 'ex-coach-dorchester', name: '' }, { id: 'gone', name: `${LONG_WORD} ${LONG_URL}` },
        ]));
        try {
          const el = await mount('recovery-my-list', {}, await longDataset('dataset'));
          const root = el.shadowRoot!;
          await until(() => root.querySelectorAll('.entry').length === 3, 'entries');
          fits(el, 'entries');
          history.replaceState(null, '', `?ml-ids=ex-dental-clinic,ex-coach-dorchester`);
          const shared = await mount('recovery-my-list', {}, await longDataset('dataset'));
          await until(() => shared.shadowRoot!.querySelectorAll('.shared .entry').length === 2, 'shared entries');
          fits(shared, 'a shared list');
          const failed = await mount('recovery-my-list', { src: datasetUrl({ status: 500 }) });
          await until(() => !!failed.shadowRoot!.querySelector('.load-error'), 'load error');
          fits(failed, 'load error');
        } finally {
          localStorage.removeItem(MY_LIST_KEY);
          history.replaceState(null, '', location.pathname);
        }
      });
    }
  }
});
