// Share one place (#15): a person shares a record; the link, opened as a new page (an iframe
// navigated to it), shows the same element with that record shown and focused. The link
// carries the record's id and the ZIP only.
import { expect } from '@open-wc/testing';
import type { RecoveryResourceSearch } from '../../src/components/resource-search/resource-search.js';
import type { RecoveryPrscMap } from '../../src/components/prsc-map/prsc-map.js';
import type { RecoveryDisposalLocator } from '../../src/components/disposal-locator/disposal-locator.js';
import type { RecoveryShareEvent } from '../../src/events.js';
import { datasetUrl, failOnLitWarnings, setGeolocation, uniqueKey, until } from '../helpers.js';

type Host = RecoveryResourceSearch | RecoveryPrscMap | RecoveryDisposalLocator;

const frames: HTMLIFrameElement[] = [];

/** Open a URL as a page of its own, in an iframe of the test page. */
async function openPage(url: string, frame?: HTMLIFrameElement): Promise<HTMLIFrameElement> {
  const f = frame ?? document.createElement('iframe');
  f.style.width = '1000px';
  f.style.height = '700px';
  const loaded = new Promise((r) => f.addEventListener('load', r, { once: true }));
  f.src = url;
  if (!frame) {
    document.body.append(f);
    frames.push(f);
  }
  await loaded;
  return f;
}

function pageUrl(el: string, attrs: Record<string, string>, state: Record<string, string> = {}): string {
  const q = new URLSearchParams({ el, attrs: new URLSearchParams(attrs).toString(), ...state });
  return `/test/pages/element.html?${q}`;
}

async function elementIn<T extends Host>(frame: HTMLIFrameElement, tag: string): Promise<T> {
  await until(() => !!frame.contentDocument?.querySelector(tag)?.shadowRoot, `${tag} in the page`);
  return frame.contentDocument!.querySelector(tag) as unknown as T;
}

/** Press Share on the card with this heading id; the link from the event, and the words said. */
async function share(el: Host, id: string): Promise<{ url: string; method: string }> {
  const root = el.shadowRoot!;
  let button: HTMLButtonElement | null = null;
  await until(() => {
    const heading = root.getElementById(`name-${id}`);
    const item = heading?.closest('li');
    button = item?.querySelector<HTMLButtonElement>('button.share') ?? null;
    return !!button;
  }, `share button of ${id}`);
  const event = new Promise<RecoveryShareEvent>((r) => el.addEventListener('recovery-share', (e) => r(e as RecoveryShareEvent), { once: true }));
  (button as unknown as HTMLButtonElement).click();
  const e = await event;
  const said = () => root.querySelector('.card-actions-status')?.textContent?.trim() ?? '';
  if (e.method === 'copy') await until(() => said() === 'Link copied.', 'said: copied');
  else if (e.method === 'shown') {
    await until(() => said() === 'Copy the link shown below the card.', 'said: copy by hand');
    expect(root.querySelector<HTMLInputElement>('.shown-link input')?.value).to.equal(e.url);
  }
  return { url: e.url, method: e.method };
}

/** The link names this element's id and ZIP and nothing else of any element's state. */
function checkLink(url: string, prefix: string, id: string, zip: string): void {
  const p = new URL(url).searchParams;
  expect(p.get(`${prefix}-id`)).to.equal(id);
  expect(p.get(`${prefix}-zip`)).to.equal(zip);
  const ours = [...p.keys()].filter((k) => /^[a-z0-9]+-[a-z]+$/.test(k));
  expect(ours.sort()).to.deep.equal([`${prefix}-id`, `${prefix}-zip`]);
  expect(url).not.to.match(/lat|lon|4[12]\.\d{3}|-7[0-3]\.\d{3}/);
}

describe('Share one place: a shared link opens the same record, shown and focused', () => {
  failOnLitWarnings();
  before(() => setGeolocation({ reset: true }));
  afterEach(() => {
    for (const f of frames.splice(0)) f.remove();
  });

  it('resource search: rs-id and rs-zip; the new page shows the record above the results, focused', async () => {
    const attrs = {
      'sync-url': '',
      src: datasetUrl({ key: uniqueKey('share-rs') }),
      'zip-table-url': datasetUrl({ fixture: 'search-zips' }),
      'zip-table-national-url': datasetUrl({ fixture: 'search-zips' }),
    };
    const frame = await openPage(pageUrl('recovery-resource-search', attrs, { 'rs-zip': '02118', 'rs-q': 'dental' }));
    const el = await elementIn<RecoveryResourceSearch>(frame, 'recovery-resource-search');
    const { url } = await share(el, 'ex-dental-clinic');
    checkLink(url, 'rs', 'ex-dental-clinic', '02118');
    expect(new URL(url).searchParams.has('rs-q')).to.equal(false);

    await openPage(url, frame);
    const opened = await elementIn<RecoveryResourceSearch>(frame, 'recovery-resource-search');
    const root = opened.shadowRoot!;
    await until(() => root.activeElement?.classList.contains('shared-record') === true, 'shared record focused');
    const shown = root.querySelector('.shared-record')!;
    expect(shown.querySelector('#name-ex-dental-clinic')?.textContent).to.equal('Example Dental Clinic');
    await until(() => (root.querySelector('.status')?.textContent ?? '').includes('near 02118'), 'near the ZIP');
  });

  it('PRSC map: pm-id and pm-zip; the new page opens that centre and puts the keyboard on it', async () => {
    const attrs = {
      'sync-url': '',
      src: datasetUrl({ fixture: 'prsc-centres', key: uniqueKey('share-pm') }),
      'tile-url': '',
      'zip-table-url': datasetUrl({ fixture: 'disposal-zips-ma' }),
      'zip-table-national-url': datasetUrl({ fixture: 'disposal-zips-us' }),
    };
    const frame = await openPage(pageUrl('recovery-prsc-map', attrs, { 'pm-zip': '02118', 'pm-region': 'Central' }));
    const el = await elementIn<RecoveryPrscMap>(frame, 'recovery-prsc-map');
    await until(() => (el.shadowRoot!.querySelector('.status')?.textContent ?? '').includes('Nearest first from 02118'), 'nearest first');
    const { url } = await share(el, 'ex-prsc-2');
    checkLink(url, 'pm', 'ex-prsc-2', '02118');

    await openPage(url, frame);
    const opened = await elementIn<RecoveryPrscMap>(frame, 'recovery-prsc-map');
    const root = opened.shadowRoot!;
    await until(() => root.activeElement?.matches('button.choose[data-id="ex-prsc-2"]') === true, 'centre focused');
    expect(root.querySelector('li.centre.selected')?.getAttribute('data-id')).to.equal('ex-prsc-2');
    expect(root.activeElement?.getAttribute('aria-expanded')).to.equal('true');
  });

  it('disposal locator: dl-id and dl-zip; the new page lists the place near the ZIP, chosen and focused', async () => {
    const attrs = {
      'sync-url': '',
      'no-map': '',
      src: datasetUrl({ fixture: 'disposal-sites', key: uniqueKey('share-dl') }),
      'zip-table-url': datasetUrl({ fixture: 'disposal-zips-ma' }),
      'zip-table-national-url': datasetUrl({ fixture: 'disposal-zips-us' }),
    };
    const frame = await openPage(pageUrl('recovery-disposal-locator', attrs, { 'dl-zip': '02118' }));
    const el = await elementIn<RecoveryDisposalLocator>(frame, 'recovery-disposal-locator');
    await until(() => !!el.shadowRoot!.querySelector('.results-area li[data-id]'), 'places listed');
    const second = el.shadowRoot!.querySelectorAll('.results-area li[data-id]')[1]!.getAttribute('data-id')!;
    const { url } = await share(el, second);
    checkLink(url, 'dl', second, '02118');

    await openPage(url, frame);
    const opened = await elementIn<RecoveryDisposalLocator>(frame, 'recovery-disposal-locator');
    const root = opened.shadowRoot!;
    await until(() => root.activeElement?.id === `name-${second}`, 'place focused');
    expect(root.querySelector('.results-area li.selected')?.getAttribute('data-id')).to.equal(second);
    expect(root.querySelector('.shared-record')).to.equal(null);
  });

  it('disposal locator: on a phone, a shared place opens in the middle of the screen, not at its bottom edge', async () => {
    const attrs = {
      'sync-url': '',
      'no-map': '',
      src: datasetUrl({ fixture: 'disposal-sites', key: uniqueKey('share-dl-phone') }),
      'zip-table-url': datasetUrl({ fixture: 'disposal-zips-ma' }),
      'zip-table-national-url': datasetUrl({ fixture: 'disposal-zips-us' }),
    };
    const frame = await openPage(pageUrl('recovery-disposal-locator', attrs, { 'dl-zip': '02118' }));
    frame.style.width = '390px';
    frame.style.height = '844px';
    const el = await elementIn<RecoveryDisposalLocator>(frame, 'recovery-disposal-locator');
    await until(() => el.shadowRoot!.querySelectorAll('.results-area li[data-id]').length >= 6, 'places listed');
    const items = el.shadowRoot!.querySelectorAll('.results-area li[data-id]');
    const middle = items[Math.floor(items.length / 2)]!.getAttribute('data-id')!;
    const { url } = await share(el, middle);

    await openPage(url, frame);
    const opened = await elementIn<RecoveryDisposalLocator>(frame, 'recovery-disposal-locator');
    const root = opened.shadowRoot!;
    await until(() => root.activeElement?.id === `name-${middle}`, 'place focused');
    const name = root.getElementById(`name-${middle}`)!.getBoundingClientRect();
    const height = frame.contentWindow!.innerHeight;
    expect(name.top, 'the name is on screen').to.be.at.least(0);
    expect(name.bottom, 'in the upper part of the screen, its details below it in view').to.be.below(height * 0.6);
  });

  it('disposal locator: a link without a ZIP shows its place on its own; an id the data lacks is said to be gone', async () => {
    const attrs = {
      'sync-url': '',
      'no-map': '',
      src: datasetUrl({ fixture: 'disposal-sites', key: uniqueKey('share-dl2') }),
      'zip-table-url': datasetUrl({ fixture: 'disposal-zips-ma' }),
      'zip-table-national-url': datasetUrl({ fixture: 'disposal-zips-us' }),
    };
    const frame = await openPage(pageUrl('recovery-disposal-locator', attrs, { 'dl-id': 'ex-pharmacy-worcester' }));
    const el = await elementIn<RecoveryDisposalLocator>(frame, 'recovery-disposal-locator');
    const root = el.shadowRoot!;
    await until(() => root.activeElement?.classList.contains('shared-record') === true, 'shared place focused');
    expect(root.querySelector('.shared-record #name-ex-pharmacy-worcester')).to.exist;

    await openPage(pageUrl('recovery-disposal-locator', attrs, { 'dl-id': 'ex-closed-long-ago' }), frame);
    const gone = await elementIn<RecoveryDisposalLocator>(frame, 'recovery-disposal-locator');
    await until(() => (gone.shadowRoot!.querySelector('.shared-record')?.textContent ?? '').includes('no longer listed'), 'no longer listed');
  });
});
