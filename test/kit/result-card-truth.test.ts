// What a resident sees must be true (issue #22): a record with no date says so, a 24/7 claim is
// shown as open only while the record is under two years old, a past event says it ended, and a
// place across the water says it is reached by ferry. Records: test/fixtures/truth-cards.json.
import { expect, fixture, html } from '@open-wc/testing';
import { renderCentre } from '../../src/components/prsc-map/prsc-card.js';
import { CardHost } from './card-host.js';
import type { Dataset, Resource } from '../../src/core/schema.js';
import { failOnLitWarnings, localeReady } from '../helpers.js';

/** The moment every card is drawn at: 2026-11-27, 3 PM in Boston. */
const NOW = new Date('2026-11-27T15:00:00-05:00');


let records: Resource[] = [];
const byId = (id: string) => records.find((r) => r.id === id)!;

async function make(ids: string[], opts: { lang?: string; fromZip?: string; now?: Date } = {}): Promise<CardHost> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${opts.lang ?? 'en'}>
    <card-host .km=${12} .records=${ids.map(byId)} .fromZip=${opts.fromZip} .now=${opts.now ?? NOW}></card-host></div>`);
  const el = wrapper.querySelector<CardHost>('card-host')!;
  await localeReady();
  await el.updateComplete;
  return el;
}

const card = (el: CardHost, id: string) => el.shadowRoot!.querySelector(`[aria-labelledby="name-${id}"]`)!;
const text = (el: Element, selector: string) => el.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

describe('result card: what a resident sees must be true', () => {
  failOnLitWarnings();

  before(async () => {
    records = ((await (await fetch('/test/fixtures/truth-cards.json')).json()) as Dataset).resources;
  });

  it('says "Date unknown: call to confirm" for a record with no date, where the other freshness lines are', async () => {
    const el = await make(['undated-centre', 'old-24-7']);
    const undated = card(el, 'undated-centre');
    expect(text(undated, '.confidence')).to.equal('Date unknown: call to confirm');
    // A warning, like "Listed in 2014" on the dated old record.
    expect(undated.querySelector('.confidence[part~="verify-warning"]')).to.exist;
    expect(text(card(el, 'old-24-7'), '.confidence')).to.equal('Listed in 2014');
    await expect(el).to.be.accessible();
    const es = await make(['undated-centre'], { lang: 'es' });
    expect(text(card(es, 'undated-centre'), '.confidence')).to.equal('Fecha desconocida: llame para confirmar');
  });

  it('shows "Open 24/7" only for a record under two years old; older or undated, it asks for a call', async () => {
    const el = await make(['fresh-24-7', 'old-24-7', 'undated-24-7']);
    const fresh = card(el, 'fresh-24-7').querySelector('.open-status')!;
    expect(fresh.textContent).to.equal('Open 24/7');
    expect(fresh.classList.contains('always-open')).to.equal(true);
    for (const [id, words] of [
      ['old-24-7', 'Listed as 24/7 in 2014: call first'],
      ['undated-24-7', 'Listed as 24/7, date unknown: call first'],
    ] as const) {
      const status = card(el, id).querySelector('.open-status')!;
      expect(status.textContent, id).to.equal(words);
      // Never the green state, and never "Open" at all.
      expect(status.classList.contains('always-open'), id).to.equal(false);
      expect(card(el, id).textContent, id).not.to.contain('Open 24/7');
    }
    // The same record two years and a day after its date is no longer shown open.
    const later = await make(['fresh-24-7'], { now: new Date('2028-06-02T15:00:00-04:00') });
    expect(text(card(later, 'fresh-24-7'), '.open-status')).to.equal('Listed as 24/7 in 2026: call first');
    await expect(el).to.be.accessible();
    const es = await make(['old-24-7', 'undated-24-7'], { lang: 'es' });
    expect(text(card(es, 'old-24-7'), '.open-status')).to.equal('Figuraba abierto 24/7 en 2014: llame antes');
    expect(text(card(es, 'undated-24-7'), '.open-status')).to.equal('Figura abierto 24/7, fecha desconocida: llame antes');
  });

  it('the PRSC summary says the same about an old 24/7 claim', async () => {
    await make([], { lang: 'en' }); // the page's language back to English
    const r = byId('old-24-7');
    const host = await fixture<HTMLDivElement>(html`<div>${renderCentre({ r, selected: false, now: NOW, timeZone: 'America/New_York', onToggle: () => undefined })}</div>`);
    expect(text(host, '.open-status')).to.equal('Listed as 24/7 in 2014: call first');
  });

  it('the PRSC summary says "Island: ferry only" for a centre across the water', async () => {
    await make([], { lang: 'en' });
    const view = (fromZip: string) => html`<div>${renderCentre({ r: byId('island-centre'), km: 15, fromZip, selected: false, now: NOW, timeZone: 'America/New_York', onToggle: () => undefined })}</div>`;
    expect(text(await fixture<HTMLDivElement>(view('02540')), '.distance .ferry')).to.equal('Island: ferry only');
    expect((await fixture<HTMLDivElement>(view('02568'))).querySelector('.ferry')).to.equal(null);
  });

  it('labels a take-back event whose date has passed "Ended", and an upcoming one not', async () => {
    const el = await make(['past-event']);
    const past = card(el, 'past-event');
    expect(text(past, '.event-date .ended')).to.equal('Ended');
    expect(past.textContent).not.to.contain('Add to calendar');
    await expect(el).to.be.accessible();
    const before = await make(['past-event'], { now: new Date('2026-10-20T12:00:00-04:00') });
    expect(card(before, 'past-event').querySelector('.ended')).to.equal(null);
    const es = await make(['past-event'], { lang: 'es' });
    expect(text(card(es, 'past-event'), '.event-date .ended')).to.equal('Finalizado');
  });

  it('says "Island: ferry only" beside the distance across the water, either way, and not on the same island', async () => {
    const mainland = await make(['island-centre', 'mainland-centre'], { fromZip: '02540' });
    expect(text(card(mainland, 'island-centre'), '.distance .ferry')).to.equal('Island: ferry only');
    expect(card(mainland, 'mainland-centre').querySelector('.ferry')).to.equal(null);
    await expect(mainland).to.be.accessible();
    const island = await make(['island-centre', 'mainland-centre'], { fromZip: '02557' });
    expect(card(island, 'island-centre').querySelector('.ferry')).to.equal(null);
    expect(text(card(island, 'mainland-centre'), '.distance .ferry')).to.equal('Island: ferry only');
    const es = await make(['island-centre'], { lang: 'es', fromZip: '02540' });
    expect(text(card(es, 'island-centre'), '.distance .ferry')).to.equal('Isla: solo en ferri');
  });
});
