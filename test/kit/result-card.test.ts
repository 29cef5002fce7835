// The card's one line about how sure we are, its "Where this comes from" disclosure, and
// records marked closed or moved (never shown as open).
import { expect, fixture, html } from '@open-wc/testing';
import { STALE_AFTER_DAYS } from '../../src/kit/card/result-card.js';
import { renderCentre } from '../../src/components/prsc-map/prsc-card.js';
import { getLocale } from '../../src/kit/i18n/localize.js';
import { CardHost } from './card-host.js';
import type { Resource } from '../../src/core/schema.js';
import { failOnLitWarnings, localeReady, until } from '../helpers.js';


const ALWAYS: Resource['schedule'] = { always_open: true };

function record(id: string, provenance: Partial<Resource['provenance']>, extra: Partial<Resource> = {}): Resource {
  return {
    id,
    kind: 'disposal',
    name: `Place ${id}`,
    categories: ['disposal'],
    address: { address_1: '1 Main St', city: 'Boston', state_province: 'MA', postal_code: '02118', country: 'US' },
    location: { latitude: 42.34, longitude: -71.07, precision: 'zip-centroid' },
    phones: [{ number: '617-555-0100', type: 'voice' }],
    schedule: ALWAYS,
    disposal: { accepts: ['pills'] },
    provenance: { source: 'A public page', status: 'unverified', source_date: '2026-06-01', ...provenance },
    ...extra,
  };
}

const RECORDS: Resource[] = [
  record('verified', { status: 'verified', last_verified: '2026-10-01', verified_by: 'BPHC data editor' }),
  record('unverified', {}),
  record('flagged', {
    status: 'needs-verification',
    source_url: 'https://example.org/page',
    note: 'Two pages disagree: https://example.org/a says 95, https://example.org/b says 90.',
  }),
  record('old', { source_date: '2018-10-01' }, { location: { latitude: 42.34, longitude: -71.07, precision: 'source-geocoded' } }),
  record('closed', { status: 'verified', last_verified: '2026-10-01' }, { operating_status: 'closed' }),
  record('moved', {}, { operating_status: 'moved' }),
];

async function make(records = RECORDS, attrs: { stale?: number } = {}) {
  const el = await fixture<CardHost>(html`<card-host .records=${records} .staleAfterDays=${attrs.stale}></card-host>`);
  await el.updateComplete;
  return el;
}

const card = (el: CardHost, id: string) => el.shadowRoot!.querySelector(`[aria-labelledby="name-${id}"]`)!;
const line = (el: CardHost, id: string) => card(el, id).querySelector('.confidence')!.textContent!.trim();

describe('result card: how sure we are', () => {
  failOnLitWarnings();

  it('says one short line per verification state, in these exact words', async () => {
    const el = await make();
    expect(line(el, 'verified')).to.equal('Verified on October 1, 2026');
    expect(line(el, 'unverified')).to.equal('Call to confirm before you go');
    expect(line(el, 'flagged')).to.equal('Details may have changed: call to confirm');
    expect(line(el, 'old')).to.equal('Listed in 2018');
    expect(line(el, 'closed')).to.equal('Closed: this place is no longer open');
    expect(line(el, 'moved')).to.equal('Moved: this place is no longer at this address');
    for (const id of ['verified', 'unverified']) expect(card(el, id).querySelector('[part~="verify-warning"]'), id).to.equal(null);
    for (const id of ['flagged', 'old', 'closed', 'moved']) expect(card(el, id).querySelector('[part~="verify-warning"]'), id).to.exist;
    await expect(el).to.be.accessible();
  });

  it('puts the full provenance behind "Where this comes from", with URLs as links, never on the card face', async () => {
    const el = await make();
    const flagged = card(el, 'flagged');
    const details = flagged.querySelector('details.provenance') as HTMLDetailsElement;
    expect(details.open).to.equal(false);
    expect(details.querySelector('summary')!.textContent!.trim()).to.equal('Where this comes from');
    const links = [...details.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['https://example.org/page', 'https://example.org/a', 'https://example.org/b']);
    expect(details.querySelector('.note')!.textContent).not.to.contain('https://');
    expect(details.textContent).to.contain('A public page');
    expect(details.textContent).to.contain('June 1, 2026');
    const verified = card(el, 'verified').querySelector('details')!;
    expect(verified.textContent).to.contain('BPHC data editor');
    expect(card(el, 'old').querySelector('details')!.textContent).to.contain('as geocoded by the source (approximate)');
    details.querySelector('summary')!.click();
    expect(details.open).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('never shows a closed or moved place as open, whatever its hours say', async () => {
    const el = await make();
    for (const id of ['closed', 'moved']) {
      expect(card(el, id).querySelector('.open-status'), id).to.equal(null);
      expect(card(el, id).textContent, id).not.to.contain('Open');
    }
    expect(card(el, 'unverified').querySelector('.open-status')!.textContent).to.equal('Open 24/7');
  });

  it('takes the age limit from the site: a record within it is not called old', async () => {
    const el = await make(RECORDS, { stale: 365 * 10 });
    expect(line(el, 'old')).to.equal('Call to confirm before you go');
    const strict = await make(RECORDS, { stale: 90 });
    expect(line(strict, 'verified')).to.equal('Verified on October 1, 2026');
    expect(line(strict, 'unverified')).to.equal('Listed in 2026');
    expect(STALE_AFTER_DAYS).to.equal(730);
  });

  it('says the same lines in Spanish', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><card-host .records=${RECORDS}></card-host></div>`);
    const el = wrapper.querySelector<CardHost>('card-host')!;
    await localeReady();
    await el.updateComplete;
    expect(line(el, 'verified')).to.equal('Verificado el 1 de octubre de 2026');
    expect(line(el, 'unverified')).to.equal('Llame para confirmar antes de ir');
    expect(line(el, 'flagged')).to.equal('Los datos pueden haber cambiado: llame para confirmar');
    expect(line(el, 'old')).to.equal('Publicado en 2018');
    expect(card(el, 'flagged').querySelector('summary')!.textContent!.trim()).to.equal('De dónde viene esta información');
    el.setAttribute('lang', 'en');
    await until(() => getLocale() === 'en', 'English again');
    await el.updateComplete;
    expect(line(el, 'unverified')).to.equal('Call to confirm before you go');
  });

  it('the PRSC summary says the same line, and never "open" for a closed centre', async () => {
    const div = document.createElement('div');
    document.body.append(div);
    const { render } = await import('lit');
    const closed = { ...record('c', {}, { operating_status: 'closed' }), kind: 'prsc' as const };
    render(renderCentre({ r: closed, selected: false, now: new Date('2026-11-27T12:00:00Z'), timeZone: 'America/New_York', onToggle: () => {} }), div);
    expect(div.querySelector('.confidence')!.textContent!.trim()).to.equal('Closed: this place is no longer open');
    expect(div.querySelector('.open-status')).to.equal(null);
    div.remove();
  });
});
