import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/prsc-map/prsc-map.js';
import type { RecoveryPrscMap } from '../../src/components/prsc-map/prsc-map.js';
import type { RecoverySelectEvent } from '../../src/events.js';
import { DEFAULT_DATASET_URL } from '../../src/kit/base/dataset-controller.js';
import { datasetUrl, failOnLitWarnings, setGeolocation, until } from '../helpers.js';


const TILES = '/test-api/tiles/{z}/{x}/{y}.png';
const SRC = datasetUrl({ fixture: 'prsc-centres' });
const FIXTURE_PRSCS = 10;

function root(el: RecoveryPrscMap): ShadowRoot {
  return el.shadowRoot!;
}

async function mapReady(el: RecoveryPrscMap): Promise<void> {
  await until(() => el.map.state === 'ready' || el.map.state === 'failed', 'map ready');
  expect(el.map.state, String(el.map.error)).to.equal('ready');
  await el.updateComplete;
}

async function listReady(el: RecoveryPrscMap): Promise<void> {
  await until(() => !!root(el).querySelector('ul.centres') || !!root(el).querySelector('.notice.error, .notice.empty'), 'list');
}

function drawnTotal(el: RecoveryPrscMap): number {
  const d = el.map.drawn();
  return d.points.size + d.clusters.reduce((s, c) => s + c.count, 0);
}

function items(el: RecoveryPrscMap): HTMLLIElement[] {
  return [...root(el).querySelectorAll<HTMLLIElement>('li.centre')];
}

function button(el: RecoveryPrscMap, id: string): HTMLButtonElement {
  return root(el).querySelector<HTMLButtonElement>(`button.choose[data-id="${id}"]`)!;
}

async function make(attrs: { src?: string; region?: string; width?: string } = {}): Promise<RecoveryPrscMap> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: ${attrs.width ?? '1000px'}">
    <recovery-prsc-map src=${attrs.src ?? SRC} tile-url=${TILES} region=${attrs.region ?? ''}></recovery-prsc-map>
  </div>`);
  return wrapper.querySelector('recovery-prsc-map')!;
}

describe('<recovery-prsc-map>', () => {
  failOnLitWarnings();
  // The geolocation command also turns on focus emulation for this page, so IntersectionObserver
  // and Leaflet keep running while another test file's page is in front (concurrency 2).
  before(() => setGeolocation({ reset: true }));

  it('is accessible while loading, then lists and draws every centre (and only centres)', async () => {
    const el = await make({ src: datasetUrl({ fixture: 'prsc-centres', delay: 400 }) });
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain('Loading');
    expect(root(el).querySelector('.help')).to.exist;
    await expect(el).to.be.accessible();
    await listReady(el);
    await mapReady(el);
    expect(items(el).length).to.equal(FIXTURE_PRSCS);
    expect(drawnTotal(el)).to.equal(FIXTURE_PRSCS);
    expect(root(el).textContent).not.to.contain('Example Outpatient Clinic');
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain(`${FIXTURE_PRSCS} centres`);
    await expect(el).to.be.accessible();
  });

  it('draws every shipped PRSC of the bundled dataset', async () => {
    const data = (await (await fetch(DEFAULT_DATASET_URL)).json()) as { resources: { kind: string }[] };
    const expected = data.resources.filter((r) => r.kind === 'prsc').length;
    expect(expected).to.be.greaterThan(0);
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1000px">
      <recovery-prsc-map tile-url=${TILES}></recovery-prsc-map>
    </div>`);
    const el = wrapper.querySelector('recovery-prsc-map')!;
    await listReady(el);
    await mapReady(el);
    expect(items(el).length).to.equal(expected);
    expect(drawnTotal(el)).to.equal(expected);
    // The shipped PRSCs are placed at their ZIP centroid, and Ware (no ZIP in any source) at
    // its town's centre: the map says both, never "ZIP code" alone.
    expect(root(el).querySelector('.map-note')!.textContent).to.contain('centre of its ZIP code or town');
    expect(root(el).querySelectorAll('.approx').length).to.equal(expected);
    await expect(el).to.be.accessible();
  });

  it('choosing in the list opens the details, highlights it on the map and fires recovery-select', async () => {
    const el = await make();
    await listReady(el);
    await mapReady(el);
    const id = 'ex-prsc-0';
    const before = el.map.drawn().points.get(id)?.options.radius ?? 0;
    const fired = oneEvent(el, 'recovery-select') as Promise<RecoverySelectEvent>;
    button(el, id).click();
    const ev = await fired;
    expect(ev.resource.id).to.equal(id);
    await el.updateComplete;
    expect(button(el, id).getAttribute('aria-expanded')).to.equal('true');
    const li = root(el).querySelector(`li[data-id="${id}"]`)!;
    expect(li.querySelector('article.card')).to.exist;
    expect(li.textContent).to.contain('Last verified');
    expect(li.textContent).to.contain('Directions');
    await until(() => (el.map.drawn().points.get(id)?.options.radius ?? 0) > before, 'highlighted marker');
    expect(root(el).querySelector('.recovery-map-popup')!.textContent).to.contain('Example Boston Peer Recovery Center');
    await expect(el).to.be.accessible();
  });

  it('choosing on the map opens the centre in the list, focuses it and announces it', async () => {
    const el = await make();
    await listReady(el);
    await mapReady(el);
    const id = 'ex-prsc-4'; // Pittsfield, far from the others: never clustered at the fitted view
    const marker = el.map.drawn().points.get(id);
    expect(marker, 'marker drawn').to.exist;
    const fired = oneEvent(el, 'recovery-select') as Promise<RecoverySelectEvent>;
    marker!.fire('click');
    expect((await fired).resource.id).to.equal(id);
    await el.updateComplete;
    expect(root(el).querySelector(`li[data-id="${id}"]`)!.classList.contains('selected')).to.be.true;
    expect(root(el).activeElement).to.equal(button(el, id));
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain('Chosen on the map');
  });

  it('a cluster click zooms in until the centres split, and every centre stays counted', async () => {
    const el = await make();
    await listReady(el);
    await mapReady(el);
    el.map.map!.setView([42.3, -71.5], 6, { animate: false });
    await until(() => el.map.drawn().clusters.length > 0, 'a cluster at zoom 6');
    expect(drawnTotal(el)).to.equal(FIXTURE_PRSCS);
    const zoom = el.map.map!.getZoom();
    el.map.drawn().clusters[0]!.marker.fire('click');
    await until(() => el.map.map!.getZoom() > zoom, 'zoomed in');
  });

  it('works by keyboard alone: ZIP, nearest first, open and close a centre', async () => {
    const el = await make();
    await listReady(el);
    root(el).querySelector<HTMLInputElement>('#zip')!.focus();
    await sendKeys({ type: '01103' }); // Springfield
    await sendKeys({ press: 'Enter' });
    await until(() => root(el).querySelector('[role="status"]')!.textContent!.includes('Nearest first'), 'nearest first');
    await el.updateComplete;
    expect(items(el)[0]!.dataset.id).to.equal('ex-prsc-3');
    expect(items(el)[0]!.querySelector('.distance')).to.exist;
    button(el, 'ex-prsc-3').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button(el, 'ex-prsc-3').getAttribute('aria-expanded')).to.equal('true');
    expect(root(el).activeElement, 'focus stays on the button').to.equal(button(el, 'ex-prsc-3'));
    expect(items(el)[0]!.textContent).to.contain('call before you go');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(button(el, 'ex-prsc-3').getAttribute('aria-expanded')).to.equal('false');
    expect(root(el).activeElement).to.equal(button(el, 'ex-prsc-3'));
    await expect(el).to.be.accessible();
  });

  it("gives each centre's call link in the list a target of at least 24 px", async () => {
    // The call link is alone on its line in a closed centre: not a link inside a sentence.
    const el = await make({ width: '390px' });
    await listReady(el);
    const links = [...root(el).querySelectorAll<HTMLAnchorElement>('.summary a.call')];
    expect(links.length).to.be.greaterThan(0);
    for (const a of links) {
      const r = a.getBoundingClientRect();
      expect(Math.min(r.width, r.height), a.textContent!).to.be.at.least(24);
    }
  });

  for (const width of ['1000px', '390px']) {
    it(`keeps the details button in view when a centre opens or closes below it (${width} wide)`, async () => {
      // The details open above the button: the button (which keeps the focus) must not be
      // pushed out of the list's scroll box or off the screen.
      const el = await make({ width });
      await listReady(el);
      const b = root(el).querySelectorAll<HTMLButtonElement>('button.choose')[3]!;
      b.scrollIntoView({ block: 'end' });
      b.focus();
      const inView = (): boolean => {
        const r = b.getBoundingClientRect();
        const box = root(el).querySelector('.list-col')!.getBoundingClientRect();
        return r.top >= Math.max(0, box.top) - 1 && r.bottom <= Math.min(window.innerHeight, box.bottom) + 1;
      };
      expect(inView(), 'in view before').to.equal(true);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(b.getAttribute('aria-expanded')).to.equal('true');
      expect(root(el).activeElement).to.equal(b);
      expect(inView(), 'in view once open').to.equal(true);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(b.getAttribute('aria-expanded')).to.equal('false');
      expect(inView(), 'in view once closed').to.equal(true);
    });
  }

  it('Clear (the place) puts the keyboard back in the ZIP field, not on the page', async () => {
    const el = await make();
    await listReady(el);
    root(el).querySelector<HTMLInputElement>('#zip')!.focus();
    await sendKeys({ type: '01103' });
    await sendKeys({ press: 'Enter' });
    await until(() => root(el).querySelector('[role="status"]')!.textContent!.includes('Nearest first'), 'nearest first');
    await el.updateComplete;
    const clear = [...root(el).querySelectorAll<HTMLButtonElement>('form.near button')].find((b) => b.textContent!.trim() === 'Clear')!;
    clear.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !root(el).querySelector('[role="status"]')!.textContent!.includes('Nearest first'), 'order cleared');
    await el.updateComplete;
    expect(root(el).activeElement?.id, 'focus after Clear').to.equal('zip');
    await expect(el).to.be.accessible();
  });

  it('says when a ZIP is not valid', async () => {
    const el = await make();
    await listReady(el);
    root(el).querySelector<HTMLInputElement>('#zip')!.value = '123';
    root(el).querySelector<HTMLFormElement>('form.near')!.requestSubmit();
    await until(() => !!root(el).querySelector('#zip-error')?.textContent?.trim(), 'zip problem');
    expect(root(el).querySelector('#zip')!.getAttribute('aria-invalid')).to.equal('true');
    expect(items(el).length).to.equal(FIXTURE_PRSCS);
  });

  it('sorts nearest first from the person\'s location when asked', async () => {
    await setGeolocation({ latitude: 41.64, longitude: -70.93 }); // New Bedford
    try {
      const el = await make();
      await listReady(el);
      const locate = [...root(el).querySelectorAll('button')].find((b) => b.textContent!.includes('Use my location'))!;
      locate.click();
      await until(() => root(el).querySelector('[role="status"]')!.textContent!.includes('Nearest first'), 'located');
      await el.updateComplete;
      expect(items(el)[0]!.dataset.id).to.equal('ex-prsc-9');
    } finally {
      await setGeolocation({ reset: true });
    }
  });

  it('the region attribute presets the filter; region and offering filters narrow list and map', async () => {
    const el = await make({ region: 'western' });
    await listReady(el);
    await mapReady(el);
    expect(items(el).map((li) => li.dataset.id).sort()).to.deep.equal(['ex-prsc-3', 'ex-prsc-4']);
    expect(drawnTotal(el)).to.equal(2);
    expect(root(el).querySelector<HTMLSelectElement>('#region')!.value).to.equal('Western');
    const select = root(el).querySelector<HTMLSelectElement>('#region')!;
    select.value = '';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(items(el).length).to.equal(FIXTURE_PRSCS);
    const family = [...root(el).querySelectorAll<HTMLLabelElement>('.offerings label')].find((l) =>
      l.textContent!.includes('Family support'),
    )!;
    family.querySelector('input')!.click();
    await el.updateComplete;
    // ids 0, 3, 6, 9 offer family support in the fixture
    expect(items(el).length).to.equal(4);
    await until(() => drawnTotal(el) === 4, 'four drawn');
    await expect(el).to.be.accessible();
  });

  it('shows an error with Retry and the help contacts when the data fails', async () => {
    const el = await make({ src: datasetUrl({ fixture: 'prsc-centres', status: 500 }) });
    await listReady(el);
    const alert = root(el).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('could not send');
    expect(alert.querySelector('button')).to.exist;
    expect(root(el).querySelector('.help')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('Try again keeps the keyboard: on the new Try again if it fails again, on the heading once loaded', async () => {
    const el = await make({ src: datasetUrl({ fixture: 'prsc-centres', status: 500 }) });
    await listReady(el);
    const first = root(el).querySelector<HTMLButtonElement>('.load-error button')!;
    first.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => {
      const b = root(el).querySelector('.load-error button');
      return !!b && b !== first;
    }, 'failed again');
    await el.updateComplete;
    expect(root(el).activeElement, 'focus after a failed retry').to.equal(root(el).querySelector('.load-error button'));
    await expect(el).to.be.accessible();
    // The data comes back: the keyboard goes to the element's heading, not to the page.
    el.setAttribute('src', SRC);
    (root(el).activeElement as HTMLButtonElement).click();
    await until(() => !!root(el).querySelector('ul.centres'), 'loaded');
    await el.updateComplete;
    expect(root(el).activeElement?.id, 'focus once loaded').to.equal('title');
    await expect(el).to.be.accessible();
  });

  it('tile errors are harmless: the map keeps working on a plain background', async () => {
    const el = await make();
    await listReady(el);
    await mapReady(el);
    await until(() => el.map.tileErrors > 0, 'tile errors');
    expect(el.map.state).to.equal('ready');
    expect(drawnTotal(el)).to.equal(FIXTURE_PRSCS);
    expect(root(el).querySelector('.map-failed')).to.equal(null);
  });

  it('when the map cannot start, it says so and the list still works', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <div style="height: 5000px"></div>
      <div style="width: 1000px"><recovery-prsc-map src=${SRC} tile-url=${TILES}></recovery-prsc-map></div>
    </div>`);
    const el = wrapper.querySelector('recovery-prsc-map')!;
    await listReady(el);
    expect(el.map.state).to.equal('idle');
    // What Leaflet 1.9.4 does under Trusted Types: its import throws.
    el.map.load = () => Promise.reject(new TypeError("This document requires 'TrustedHTML' assignment."));
    el.scrollIntoView();
    await until(() => el.map.state === 'failed', 'map failed');
    await el.updateComplete;
    expect(root(el).querySelector('.map-failed')!.textContent).to.contain('The map could not be shown');
    expect(root(el).querySelector('.leaflet-container')).to.equal(null);
    button(el, 'ex-prsc-1').click();
    await el.updateComplete;
    expect(button(el, 'ex-prsc-1').getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('a record name with markup never becomes HTML (list or popup)', async () => {
    const el = await make();
    await listReady(el);
    await mapReady(el);
    button(el, 'ex-prsc-6').click();
    await el.updateComplete;
    await until(() => !!root(el).querySelector('.recovery-map-popup'), 'popup');
    const popup = root(el).querySelector('.recovery-map-popup')!;
    expect(popup.textContent).to.contain('<img src=x');
    expect(popup.querySelector('img')).to.equal(null);
    expect(root(el).querySelector('li img')).to.equal(null);
    await new Promise((r) => setTimeout(r, 50));
    expect((window as unknown as { __prscXss?: number }).__prscXss).to.equal(undefined);
  });

  it('on a narrow screen the list comes first; Show map loads the map and sizes it', async () => {
    const el = await make({ width: '380px' });
    await listReady(el);
    const toggle = root(el).querySelector<HTMLButtonElement>('.map-toggle')!;
    expect(getComputedStyle(toggle).display).not.to.equal('none');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal('map-panel');
    expect(getComputedStyle(root(el).querySelector('#map-panel')!).display).to.equal('none');
    await new Promise((r) => setTimeout(r, 200));
    expect(el.map.state, 'no Leaflet while the map is hidden').to.equal('idle');
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    root(el).querySelector('#map-panel')!.scrollIntoView();
    await mapReady(el);
    const frame = root(el).querySelector<HTMLElement>('.map-frame')!;
    expect(el.map.map!.getSize().x).to.equal(frame.clientWidth);
    expect(drawnTotal(el)).to.equal(FIXTURE_PRSCS);
  });

  it('resizes the map when shown again after being hidden', async () => {
    const el = await make();
    await listReady(el);
    await mapReady(el);
    const wrapper = el.parentElement!;
    wrapper.style.display = 'none';
    await new Promise((r) => setTimeout(r, 50));
    wrapper.style.width = '1200px';
    wrapper.style.display = 'block';
    const frame = root(el).querySelector<HTMLElement>('.map-frame')!;
    await until(() => el.map.map!.getSize().x === frame.clientWidth, 'map width follows the frame');
    expect(frame.clientWidth).to.be.greaterThan(0);
  });

  it('is removed on disconnect and rebuilt on reconnect without leaks', async () => {
    const el = await make();
    await listReady(el);
    await mapReady(el);
    const parent = el.parentElement!;
    el.remove();
    expect(el.map.map).to.equal(undefined);
    expect(root(el).querySelectorAll('.leaflet-container').length).to.equal(0);
    parent.append(el);
    await mapReady(el);
    expect(root(el).querySelectorAll('.leaflet-container').length).to.equal(1);
    expect(drawnTotal(el)).to.equal(FIXTURE_PRSCS);
    el.map.drawn().points.get('ex-prsc-4')!.fire('click');
    await el.updateComplete;
    expect(root(el).querySelector('li[data-id="ex-prsc-4"]')!.classList.contains('selected')).to.be.true;
  });
  it('lists a long list a page at a time: Show more lists the next page and focuses it; a centre chosen on the map is always listed', async () => {
    const step = (customElements.get('recovery-prsc-map') as typeof RecoveryPrscMap).listPageSize;
    (customElements.get('recovery-prsc-map') as typeof RecoveryPrscMap).listPageSize = 4;
    try {
      const el = await make();
      await listReady(el);
      await mapReady(el);
      expect(items(el).length).to.equal(4);
      const more = () => root(el).querySelector<HTMLButtonElement>('[part~="more"]');
      expect(more()!.textContent).to.contain('4 of 10 shown');
      await expect(el).to.be.accessible();
      const fifth = () => items(el)[4]!;
      more()!.click();
      await el.updateComplete;
      expect(items(el).length).to.equal(8);
      expect(root(el).activeElement).to.equal(fifth().querySelector('button.choose'));
      expect(more()!.textContent).to.contain('8 of 10 shown');
      // A centre beyond the listed pages, chosen on the map.
      const listed = new Set(items(el).map((li) => li.dataset['id']));
      const [id] = [...el.map.drawn().points.keys()].filter((p) => !listed.has(p));
      expect(id, 'a drawn centre not yet listed').to.exist;
      el.map.drawn().points.get(id!)!.fire('click');
      await el.updateComplete;
      expect(items(el).length).to.equal(FIXTURE_PRSCS);
      expect(more()).to.equal(null);
      expect(root(el).activeElement).to.equal(button(el, id!));
    } finally {
      (customElements.get('recovery-prsc-map') as typeof RecoveryPrscMap).listPageSize = step;
    }
  });
});
