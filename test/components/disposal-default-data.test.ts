// The disposal locator on the SHIPPED default data (data/resources.json, no src): what a
// resident finds for needles near 02118 (Boston's South End) and pills near 01060 (Northampton).
import { fixture, html, expect } from '@open-wc/testing';
import '../../src/components/disposal-locator/disposal-locator.js';
import type { RecoveryDisposalLocator } from '../../src/components/disposal-locator/disposal-locator.js';
import { failOnLitWarnings } from '../helpers.js';

/** Poll on a timer (animation frames do not fire in a background page). */
async function until(check: () => boolean, message = 'condition', ms = 10_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const NOW = new Date('2026-11-27T12:00:00-05:00');

async function make(item: string) {
  return fixture<RecoveryDisposalLocator>(html`<recovery-disposal-locator
    item=${item}
    zip-table-url="/data/zip-centroids-ma.json"
    zip-table-national-url="/data/zip-centroids-us.json"
    no-map
    .now=${NOW}
  ></recovery-disposal-locator>`);
}

const root = (el: RecoveryDisposalLocator) => el.shadowRoot!;
const statusText = (el: RecoveryDisposalLocator) => root(el).querySelector('[role="status"]')?.textContent?.trim() ?? '';
const cards = (el: RecoveryDisposalLocator) => [...root(el).querySelectorAll<HTMLElement>('.results-area [part="result"]')];
const names = (el: RecoveryDisposalLocator) => cards(el).map((c) => c.querySelector('.name')?.textContent?.trim() ?? '');

async function search(el: RecoveryDisposalLocator, zip: string) {
  await until(() => root(el).querySelector('form') !== null && !statusText(el).startsWith('Loading'), 'data loaded');
  root(el).querySelector<HTMLInputElement>('#zip')!.value = zip;
  root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await until(() => cards(el).length > 0 || root(el).querySelector('[part="guidance"]') !== null, 'results');
  await el.updateComplete;
}

describe('recovery-disposal-locator on the default data', () => {
  failOnLitWarnings();

  it('needles near 02118: the AHOPE needle exchange first, then nearby kiosks, and the 311 line', async () => {
    const el = await make('sharps');
    await search(el, '02118');
    const list = names(el);
    expect(list[0]).to.match(/^AHOPE/);
    expect(list).to.include('Cambridge Police Department');
    expect(list.filter((n) => /Brookline .*sharps kiosk/.test(n)).length).to.equal(3);
    // Every place listed takes needles; none of the medicine-only kiosks is offered.
    expect(list.some((n) => /District D-14|District E-13/.test(n))).to.equal(false);
    const ahope = cards(el)[0]!;
    // Its page is undated (and its record flagged): the card says the date is unknown (issue #22).
    expect(ahope.querySelector('.confidence')!.textContent!.trim()).to.equal('Date unknown: call to confirm');
    expect(ahope.querySelector('a[href="tel:6175343967"]')).to.exist;
    expect(ahope.querySelector('details.provenance')!.textContent).to.contain('3976');
    const bos311 = [...root(el).querySelectorAll('.results-area p')].find((p) => p.textContent?.includes('BOS:311'));
    expect(bos311?.textContent).to.contain('3-1-1 or 617-635-4500');
    await expect(el).to.be.accessible();
  });

  it('pills near 01060: the 2018 listing and the Northampton police, about as near, by their own dates; each says its age', async () => {
    const el = await make('pills');
    await search(el, '01060');
    const list = names(el);
    // The 2018 DEA Walgreens is 0.86 km from the ZIP's centre and the police (a town-centre
    // point) 0.99 km: about equally near, so the one whose own record is dated later comes first.
    // The police record is dated 2017 (its page), whatever the date of the 2026 list that cites it.
    expect(list[0], list.join(' | ')).to.equal('Walgreen Eastern Co., Inc.');
    expect(list[1]).to.equal('Northampton Police Department (medicine disposal drop box)');
    expect(cards(el)[0]!.querySelector('.confidence')!.textContent!.trim()).to.equal('Listed in 2018');
    expect(cards(el)[1]!.querySelector('.confidence')!.textContent!.trim()).to.equal('Listed in 2017');
    const card = cards(el)[1]!;
    expect(card.textContent).to.contain('(approximate)');
    expect(card.querySelector('details.provenance')!.textContent).to.contain('town centre (approximate)');
    expect(list).to.include('Hadley Police Department (permanent drug drop-off box)');
    await expect(el).to.be.accessible();
  });
});
