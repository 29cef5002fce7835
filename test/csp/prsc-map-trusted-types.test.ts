// Runs only in the 'trusted-types' group of web-test-runner.config.mjs: the page enforces
// `require-trusted-types-for 'script'; trusted-types lit-html 'allow-duplicates'`.
import { fixture, html, expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/prsc-map/prsc-map.js';
import type { RecoveryPrscMap } from '../../src/components/prsc-map/prsc-map.js';
import { defaultLeafletLoader } from '../../src/kit/map/map-leaflet.js';
import { datasetUrl, failOnLitWarnings, until } from '../helpers.js';

const TILES = '/test-api/tiles/{z}/{x}/{y}.png';
const SRC = datasetUrl({ fixture: 'prsc-centres' });

/** The ids of the fixture's centres, read from the file itself (not from the element). */
async function fixtureCentreIds(): Promise<string[]> {
  const res = await fetch('/test/fixtures/prsc-centres.json');
  const data = (await res.json()) as { resources: { id: string; kind: string }[] };
  return data.resources.filter((r) => r.kind === 'prsc').map((r) => r.id);
}

/** The part of the Trusted Types API used here (not in TypeScript's DOM library yet). */
interface TrustedTypesFactory {
  defaultPolicy: unknown;
  createPolicy(name: string, rules: { createHTML?: (s: string) => string }): unknown;
}
const trustedTypes = (window as unknown as { trustedTypes?: TrustedTypesFactory }).trustedTypes;

function root(el: RecoveryPrscMap): ShadowRoot {
  return el.shadowRoot!;
}

function button(el: RecoveryPrscMap, id: string): HTMLButtonElement {
  return root(el).querySelector<HTMLButtonElement>(`button.choose[data-id="${id}"]`)!;
}

describe('<recovery-prsc-map> on a page that enforces Trusted Types', () => {
  failOnLitWarnings();

  it('the page really enforces Trusted Types: a string reaching innerHTML throws, other policies are refused', () => {
    expect(trustedTypes, 'window.trustedTypes').to.exist;
    expect(trustedTypes!.defaultPolicy, 'no default policy lets strings through').to.equal(null);
    const div = document.createElement('div');
    expect(() => {
      div.innerHTML = '<b>x</b>';
    }).to.throw(TypeError, /TrustedHTML/);
    expect(div.childNodes.length).to.equal(0);
    expect(() => trustedTypes!.createPolicy('not-allowed', { createHTML: (s: string) => s })).to.throw();
  });

  it('axe runs under this policy and still finds a violation (so a pass below means something)', async () => {
    const bad = await fixture<HTMLDivElement>(html`<div><input type="text" /></div>`);
    await expect(bad).not.to.be.accessible();
  });

  it('lists every centre, says the map could not be shown, keeps working by keyboard and is accessible', async () => {
    const expected = await fixtureCentreIds();
    expect(expected.length, 'fixture centres').to.be.greaterThan(1);
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1000px">
      <recovery-prsc-map src=${SRC} tile-url=${TILES}></recovery-prsc-map>
    </div>`);
    const el = wrapper.querySelector('recovery-prsc-map')!;
    expect(el.map.load, 'the real Leaflet loader, not an injected one').to.equal(defaultLeafletLoader);

    await until(() => !!root(el).querySelector('ul.centres'), 'the list');
    await until(() => el.map.state === 'failed' || el.map.state === 'ready', 'the map to settle');
    await el.updateComplete;

    // The map failed because Leaflet's own import hit the Trusted Types barrier.
    expect(el.map.state, String(el.map.error)).to.equal('failed');
    expect(el.map.error).to.be.instanceOf(TypeError);
    expect(String((el.map.error as TypeError).message)).to.match(/TrustedHTML/);
    expect(root(el).querySelector('.leaflet-container')).to.equal(null);
    expect(root(el).querySelector('.map-loading')).to.equal(null);

    const note = root(el).querySelector<HTMLElement>('.map-failed')!;
    expect(note, 'the map-failed message').to.exist;
    expect(note.textContent).to.contain('The map could not be shown; the list has every centre.');
    expect(note.checkVisibility(), 'the message is visible').to.equal(true);
    expect(note.getBoundingClientRect().height).to.be.greaterThan(0);

    const listed = [...root(el).querySelectorAll<HTMLLIElement>('li.centre')].map((li) => li.dataset.id);
    expect([...listed].sort()).to.deep.equal([...expected].sort());
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain(`${expected.length} centres.`);

    // Keyboard: open a centre with Enter, close it with Escape; focus stays on its button.
    const id = expected[1]!;
    button(el, id).focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button(el, id).getAttribute('aria-expanded')).to.equal('true');
    expect(root(el).activeElement, 'focus stays on the button').to.equal(button(el, id));
    expect(root(el).querySelector(`li.centre[data-id="${id}"]`)!.classList.contains('selected')).to.equal(true);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(button(el, id).getAttribute('aria-expanded')).to.equal('false');
    expect(root(el).activeElement).to.equal(button(el, id));
    await expect(el).to.be.accessible();
  });
});
