// Print everywhere (#15): the PRSC map and the disposal locator print as a clean list, with a
// "Print this list" button; and the states a shared link opens are accessible, in Spanish too.
import { fixture, html, expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/components/prsc-map/prsc-map.js';
import '../../src/components/disposal-locator/disposal-locator.js';
import '../../src/components/resource-search/resource-search.js';
import type { RecoveryPrscMap } from '../../src/components/prsc-map/prsc-map.js';
import type { RecoveryDisposalLocator } from '../../src/components/disposal-locator/disposal-locator.js';
import type { RecoveryResourceSearch } from '../../src/components/resource-search/resource-search.js';
import { datasetUrl, failOnLitWarnings, localeReady, setGeolocation, uniqueKey, until, takeTurnsWithMyList } from '../helpers.js';

takeTurnsWithMyList();

const ZIPS = datasetUrl({ fixture: 'disposal-zips-ma' });
const ZIPS_US = datasetUrl({ fixture: 'disposal-zips-us' });
const shown = (el: Element | null) => !!el && el.checkVisibility();

describe('Print as a clean list, and the shared-link states', () => {
  failOnLitWarnings();
  let start: string;
  before(() => setGeolocation({ reset: true }));
  beforeEach(() => {
    start = location.href;
  });
  afterEach(async () => {
    history.replaceState(null, '', start);
    await emulateMedia({ media: 'screen' });
  });

  it('PRSC map: "Print this list"; printed, the controls, map and buttons give way to every centre', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1000px"><recovery-prsc-map tile-url=""
      src=${datasetUrl({ fixture: 'prsc-centres', key: uniqueKey('print-pm') })}></recovery-prsc-map></div>`);
    const el = wrapper.querySelector<RecoveryPrscMap>('recovery-prsc-map')!;
    const root = el.shadowRoot!;
    await until(() => root.querySelectorAll('li.centre').length === 10, 'centres');
    const print = root.querySelector<HTMLButtonElement>('button.print')!;
    expect(print.textContent?.trim()).to.equal('Print this list');
    expect(shown(root.querySelector('.map-col'))).to.equal(true);
    await emulateMedia({ media: 'print' });
    await until(() => !shown(root.querySelector('.controls')), 'print styles');
    for (const sel of ['.map-col', 'button.print', 'button.choose', '.card-actions']) expect(shown(root.querySelector(sel)), sel).to.equal(false);
    expect([...root.querySelectorAll('li.centre')].every(shown)).to.equal(true);
  });

  it('disposal locator: "Print this list"; printed, the form, map and buttons give way to the places', async () => {
    history.replaceState(null, '', `${location.pathname}?dl-zip=02118`);
    const el = await fixture<RecoveryDisposalLocator>(html`<recovery-disposal-locator sync-url tile-url=""
      src=${datasetUrl({ fixture: 'disposal-sites', key: uniqueKey('print-dl') })} zip-table-url=${ZIPS} zip-table-national-url=${ZIPS_US}></recovery-disposal-locator>`);
    const root = el.shadowRoot!;
    await until(() => !!root.querySelector('.results-area li[data-id]'), 'places');
    await expect(el).to.be.accessible();
    expect(root.querySelector('button.print')?.textContent?.trim()).to.equal('Print this list');
    await emulateMedia({ media: 'print' });
    await until(() => !shown(root.querySelector('form')), 'print styles');
    for (const sel of ['.map-col', 'button.print', '.card-actions', 'button.show-on-map']) expect(shown(root.querySelector(sel)), sel).to.equal(false);
    expect(shown(root.querySelector('.results-area li[data-id]'))).to.equal(true);
  });

  it('search: the shared record, and one no longer listed, are accessible; "Close" returns to the list and the URL', async () => {
    history.replaceState(null, '', `${location.pathname}?rs-id=ex-peer-south-end`);
    const el = await fixture<RecoveryResourceSearch>(html`<recovery-resource-search sync-url src=${datasetUrl({ key: uniqueKey('shared-rs') })}></recovery-resource-search>`);
    const root = el.shadowRoot!;
    await until(() => root.activeElement?.classList.contains('shared-record') === true, 'shared focused');
    await expect(el).to.be.accessible();
    root.querySelector<HTMLButtonElement>('.close-shared')!.click();
    await until(() => !root.querySelector('.shared-record'), 'closed');
    await until(() => new URL(location.href).searchParams.get('rs-id') === null, 'id out of the URL');
    expect(root.activeElement?.id).to.equal('q');
  });

  it('in Spanish: the card actions and the "Shared with you" heading', async () => {
    history.replaceState(null, '', `${location.pathname}?rs-id=ex-gone`);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><recovery-resource-search sync-url
      src=${datasetUrl({ key: uniqueKey('shared-es') })}></recovery-resource-search></div>`);
    const el = wrapper.querySelector<RecoveryResourceSearch>('recovery-resource-search')!;
    await localeReady();
    const root = el.shadowRoot!;
    await until(() => root.querySelector('.shared-heading')?.textContent === 'Compartido con usted', 'Spanish heading');
    expect(root.querySelector('.shared-record')?.textContent).to.include('ya no figura');
    expect(root.querySelector('button.my-list-toggle')?.textContent?.trim()).to.equal('Añadir a mi lista');
    expect(root.querySelector('button.share')?.textContent?.trim()).to.equal('Compartir');
    await expect(el).to.be.accessible();
  });
});
