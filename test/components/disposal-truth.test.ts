// The disposal locator tells the truth about dates (issue #22): of two kiosks about equally near,
// the one whose own record is dated more recently comes first (an undated record is the oldest,
// whatever the date of the list it came in), and a shared link to a past event says "Ended" and
// offers no "Add to calendar". Records: test/fixtures/truth-disposal.json.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/disposal-locator/disposal-locator.js';
import type { RecoveryDisposalLocator } from '../../src/components/disposal-locator/disposal-locator.js';
import { datasetUrl, failOnLitWarnings, until } from '../helpers.js';

const ZIPS = datasetUrl({ fixture: 'disposal-zips-ma' });
const NOW = new Date('2026-11-27T12:00:00-05:00');

const names = (el: RecoveryDisposalLocator, where: string) =>
  [...el.shadowRoot!.querySelectorAll(`${where} [part="result"] .name`)].map((n) => n.textContent?.trim());

describe('recovery-disposal-locator: what a resident sees must be true', () => {
  failOnLitWarnings();

  it('lists the kiosk dated 2015 before an about equally near one of unknown date (the list\'s own 2026 date does not count)', async () => {
    const el = await fixture<RecoveryDisposalLocator>(html`<recovery-disposal-locator src=${datasetUrl({ fixture: 'truth-disposal' })}
      item="pills" zip="02118" zip-table-url=${ZIPS} zip-table-national-url=${ZIPS} no-map .now=${NOW}></recovery-disposal-locator>`);
    await until(() => names(el, '.results-area').length === 2, 'the two kiosks');
    expect(names(el, '.results-area')).to.deep.equal(['Example: kiosk listed in 2015', 'Example: kiosk of unknown date (nearer)']);
    const undated = [...el.shadowRoot!.querySelectorAll('.results-area [part="result"]')][1]!;
    expect(undated.querySelector('.confidence')!.textContent!.trim()).to.equal('Date unknown: call to confirm');
    // The past event is not among the upcoming ones.
    expect(el.shadowRoot!.querySelector('.events')).to.equal(null);
  });

  it('a shared link to a past event says "Ended" and offers no "Add to calendar"', async () => {
    const start = location.href;
    history.replaceState(null, '', `${location.pathname}?dl-id=past-event`);
    try {
      const el = await fixture<RecoveryDisposalLocator>(html`<recovery-disposal-locator src=${datasetUrl({ fixture: 'truth-disposal' })}
        item="pills" sync-url zip-table-url=${ZIPS} zip-table-national-url=${ZIPS} no-map .now=${NOW}></recovery-disposal-locator>`);
      await until(() => !!el.shadowRoot!.querySelector('.shared-record .card'), 'the shared event');
      const card = el.shadowRoot!.querySelector('.shared-record .card')!;
      expect(card.querySelector('.event-date .ended')!.textContent).to.equal('Ended');
      expect(el.shadowRoot!.querySelector('.add-to-calendar')).to.equal(null);
      await expect(el).to.be.accessible();
    } finally {
      history.replaceState(null, '', start);
    }
  });
});
