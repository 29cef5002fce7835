// "Add to calendar" on every take-back event of the disposal locator: an .ics made in the
// browser, in the data's time zone, read back by ical.js.
import { fixture, html, expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import ICAL from 'ical.js';
import '../../src/components/disposal-locator/disposal-locator.js';
import type { RecoveryDisposalLocator } from '../../src/components/disposal-locator/disposal-locator.js';
import { datasetUrl, failOnLitWarnings, localeReady, until } from '../helpers.js';

const NOON = new Date('2026-04-25T12:00:00-04:00');

async function make(lang = 'en'): Promise<RecoveryDisposalLocator> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><recovery-disposal-locator
    src=${datasetUrl({ fixture: 'disposal-sites' })}
    zip-table-url=${datasetUrl({ fixture: 'disposal-zips-ma' })}
    zip-table-national-url=${datasetUrl({ fixture: 'disposal-zips-us' })}
    no-map
    .now=${NOON}
  ></recovery-disposal-locator></div>`);
  const el = wrapper.querySelector<RecoveryDisposalLocator>('recovery-disposal-locator')!;
  await localeReady();
  await until(() => !!el.shadowRoot!.querySelector('.events a.add-to-calendar'), 'events');
  await el.updateComplete;
  return el;
}

const links = (el: RecoveryDisposalLocator) => [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.events a.add-to-calendar')];

async function icsOf(a: HTMLAnchorElement): Promise<string> {
  // Read the file the link downloads, as the browser would.
  return (await fetch(a.href)).text();
}

describe('disposal locator: add an event to a calendar', () => {
  failOnLitWarnings();

  it('gives every upcoming event an .ics in the data time zone, with address and source', async () => {
    const el = await make();
    const events = [...el.shadowRoot!.querySelectorAll('.events > ol > li')];
    expect(links(el).length).to.equal(events.length);
    const future = links(el).find((a) => a.getAttribute('aria-label') === 'Add to calendar: Example Take Back Day (future)')!;
    expect(future.textContent!.trim()).to.equal('Add to calendar');
    expect(future.getAttribute('download')).to.equal('Example-Take-Back-Day-future.ics');
    const ics = await icsOf(future);
    expect(ics).to.contain('\r\nDTSTART;TZID=America/New_York:20261024T100000\r\n');
    expect(/(^|[^\r])\n/.test(ics)).to.equal(false);
    const comp = new ICAL.Component(ICAL.parse(ics));
    ICAL.TimezoneService.register(comp.getFirstSubcomponent('vtimezone')!);
    const ev = new ICAL.Event(comp.getFirstSubcomponent('vevent')!);
    expect(ev.startDate.zone.tzid).to.equal('America/New_York');
    expect(ev.startDate.toJSDate().getTime()).to.equal(Date.parse('2026-10-24T10:00:00-04:00'));
    expect(ev.endDate.toJSDate().getTime()).to.equal(Date.parse('2026-10-24T14:00:00-04:00'));
    expect(ev.location).to.equal('1 Example Plaza, Boston, MA 02108');
    expect(ev.description).to.contain('Source: Test fixture (fictional)');
    expect(ev.uid).to.match(/^ex-event-future-/);
    // Past events are never shown, so never offered.
    expect(links(el).some((a) => a.getAttribute('aria-label')!.includes('(past)'))).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('is reached by keyboard and worded in Spanish', async () => {
    const el = await make('es');
    const a = links(el)[0]!;
    expect(a.textContent!.trim()).to.equal('Añadir al calendario');
    expect(a.getAttribute('aria-label')).to.match(/^Añadir al calendario: /);
    const ics = await icsOf(a);
    expect(ics).to.contain('Fuente: Test fixture (fictional)');
    a.focus();
    expect(el.shadowRoot!.activeElement).to.equal(a);
    await sendKeys({ press: 'Tab' });
    await expect(el).to.be.accessible();
  });
});
