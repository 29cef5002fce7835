import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/components/disposal-locator/disposal-locator.js';
import type { RecoveryDisposalLocator } from '../../src/components/disposal-locator/disposal-locator.js';
import type { RecoverySelectEvent } from '../../src/events.js';
import { datasetUrl, failOnLitWarnings, setGeolocation, until } from '../helpers.js';


const NOON = new Date('2026-04-25T12:00:00-04:00');

const root = (el: RecoveryDisposalLocator) => el.shadowRoot!;
const resultIds = (el: RecoveryDisposalLocator) =>
  [...root(el).querySelectorAll<HTMLElement>('.results-area li[data-id]')].map((li) => li.dataset.id!);

async function located(item = 'pills', showMap = true, width = ''): Promise<RecoveryDisposalLocator> {
  // tile-url="" draws no tiles: the test never reaches the internet. The element starts far
  // below the screen, so its map cannot have come into view before the test scrolls to it.
  window.scrollTo(0, 0);
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${width ? `width: ${width}` : ''}>
    <div style="height: 4000px"></div>
    <recovery-disposal-locator
      src=${datasetUrl({ fixture: 'disposal-sites' })}
      item=${item}
      tile-url=""
      zip-table-url=${datasetUrl({ fixture: 'disposal-zips-ma' })}
      zip-table-national-url=${datasetUrl({ fixture: 'disposal-zips-us' })}
      .now=${NOON}
    ></recovery-disposal-locator>
  </div>`);
  const el = wrapper.querySelector<RecoveryDisposalLocator>('recovery-disposal-locator')!;
  await until(() => !root(el).querySelector('[role="status"]')?.textContent?.includes('Loading'), 'data');
  root(el).querySelector<HTMLInputElement>('#zip')!.value = '02118';
  root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await until(() => resultIds(el).length > 0, 'results');
  // The map loads Leaflet only when it comes into view.
  expect(el.map.state).to.equal('idle');
  if (!showMap) return el;
  root(el).querySelector('.map-frame')!.scrollIntoView();
  await until(() => el.map.state === 'ready', 'map ready');
  await el.updateComplete;
  return el;
}

describe('recovery-disposal-locator map', () => {
  failOnLitWarnings();
  // The geolocation command also makes the runner emulate focus for this page, so its map is
  // drawn even while another test file's page is in front (concurrency 2).
  before(() => setGeolocation({ reset: true }));

  it('puts the same places on the map as in the list, list first', async () => {
    const el = await located();
    const drawn = el.map.drawn();
    const onMap = new Set([...drawn.points.keys()]);
    for (const c of drawn.clusters) for (const id of el.map.clusterIds(c.clusterId)) onMap.add(id);
    expect([...onMap].sort()).to.deep.equal([...resultIds(el)].sort());
    // the list comes before the map in reading order (first on a phone)
    const list = root(el).querySelector('[part="list"]')!;
    const map = root(el).querySelector('[part="map"]')!;
    expect(list.compareDocumentPosition(map) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    await expect(el).to.be.accessible();
  });

  it('fires recovery-select when a person shows a place on the map', async () => {
    const el = await located();
    const second = resultIds(el)[1]!;
    const button = root(el).querySelector<HTMLButtonElement>(`li[data-id="${second}"] .show-on-map`)!;
    const selected = oneEvent(el, 'recovery-select') as Promise<RecoverySelectEvent>;
    button.click();
    expect((await selected).resource.id).to.equal(second);
    await el.updateComplete;
    expect(root(el).querySelector(`li[data-id="${second}"]`)!.classList.contains('selected')).to.equal(true);
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('a place shown on the map before the map has loaded is open there once it loads', async () => {
    // On a phone the map is under the list and loads when it comes into view: "Show on map"
    // brings it there, and the place must be the one open on it, not just the whole view.
    const el = await located('pills', false);
    const second = resultIds(el)[1]!;
    root(el).querySelector<HTMLButtonElement>(`li[data-id="${second}"] .show-on-map`)!.click();
    root(el).querySelector('.map-frame')!.scrollIntoView();
    await until(() => el.map.state === 'ready', 'map ready');
    await el.updateComplete;
    const name = root(el).querySelector(`li[data-id="${second}"] .name`)!.textContent!.trim();
    expect(root(el).querySelector('.leaflet-popup-content')?.textContent).to.include(name);
    await expect(el).to.be.accessible();
  });

  it('a marker click selects the place and moves the keyboard to its card', async () => {
    const el = await located();
    const drawn = el.map.drawn();
    const [id, marker] = [...drawn.points.entries()][0]!;
    const selected = oneEvent(el, 'recovery-select') as Promise<RecoverySelectEvent>;
    marker.fire('click');
    expect((await selected).resource.id).to.equal(id);
    await el.updateComplete;
    await until(() => root(el).activeElement?.closest('li')?.getAttribute('data-id') === id, 'focus on the card');
  });

  it("splits list and map by its own width, not the screen's: a 620 px column on a wide screen stacks them", async () => {
    await setViewport({ width: 1280, height: 800 });
    try {
      const column = await located('pills', true, '620px');
      const list = root(column).querySelector('.results-area .results')!.getBoundingClientRect();
      const map = root(column).querySelector('.map-frame')!.getBoundingClientRect();
      expect(map.top, 'the map is under the list').to.be.at.least(list.bottom - 1);
      expect(map.width, 'and as wide as the column').to.be.above(560);
      const wide = await located('pills', true, '1200px');
      const wideList = root(wide).querySelector('.results-area .results')!.getBoundingClientRect();
      const wideMap = root(wide).querySelector('.map-frame')!.getBoundingClientRect();
      expect(wideMap.left, 'in a wide place the map stands beside the list').to.be.at.least(wideList.right - 1);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('shows no map when nothing near takes the item', async () => {
    const el = await fixture<RecoveryDisposalLocator>(html`<recovery-disposal-locator
      src=${datasetUrl({ fixture: 'disposal-sites' })}
      item="patches"
      tile-url=""
      zip-table-url=${datasetUrl({ fixture: 'disposal-zips-ma' })}
      .now=${NOON}
    ></recovery-disposal-locator>`);
    await until(() => !root(el).querySelector('[role="status"]')?.textContent?.includes('Loading'), 'data');
    root(el).querySelector<HTMLInputElement>('#zip')!.value = '02118';
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => root(el).querySelector('[part="guidance"]') !== null, 'fallback');
    expect(root(el).querySelector('.map-frame')).to.equal(null);
  });
});
