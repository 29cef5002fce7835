// The pieces every element shares: help contacts, the result card, the dataset controller.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, render } from 'lit';
import { renderHelp, DEFAULT_HELP_CONTACTS } from '../../src/kit/ui/help.js';
import { renderCard } from '../../src/kit/card/result-card.js';
import { RecoveryDatasetElement } from '../../src/kit/base/dataset-element.js';
import { renderCentre } from '../../src/components/prsc-map/prsc-card.js';
import { define } from '../../src/kit/base/define.js';
import type { Dataset, Resource } from '../../src/core/schema.js';
import { localized } from '@lit/localize';
import { LocaleController, getLocale } from '../../src/kit/i18n/localize.js';
import { datasetUrl, failOnLitWarnings, localeReady, requestCount, uniqueKey, until } from '../helpers.js';

/** The shared scaffold with the smallest view: its state, and how many records `derive` counted. */
class TestDatasetHost extends RecoveryDatasetElement<number> {
  derived = 0;
  protected override get listName() {
    return 'the test list';
  }
  protected override derive(dataset: Dataset) {
    this.derived++;
    return dataset.resources.length;
  }
  get controller() {
    return this.store;
  }
  override render() {
    const d = this.store;
    return html`<p id="state">${d.status}:${d.derived ?? d.error?.kind ?? ''}</p>${this.renderLoadState()}${this.renderSkipped()}`;
  }
}
define('test-dataset-host', TestDatasetHost);

@localized()
class TestLangHost extends LitElement {
  constructor() {
    super();
    new LocaleController(this);
  }
  override render() {
    return renderHelp(undefined);
  }
}
define('test-lang-host', TestLangHost);

const stateOf = (el: TestDatasetHost) => el.shadowRoot!.querySelector('#state')!.textContent;

function mount(template: ReturnType<typeof renderHelp>): HTMLElement {
  const div = document.createElement('div');
  render(template, div);
  document.body.append(div);
  return div;
}

describe('shared pieces', () => {
  failOnLitWarnings();

  describe('help contacts', () => {
    it('falls back to the built-in contacts (911, 988, the helpline, 311) with call links', () => {
      const div = mount(renderHelp(undefined));
      const hrefs = [...div.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(hrefs).to.include.members(['tel:911', 'tel:988', 'sms:988', 'tel:8003275050', 'sms:800327?&body=HOPE', 'tel:311', 'tel:6176354500']);
      expect(DEFAULT_HELP_CONTACTS.map((c) => c.id)).to.deep.equal([
        'emergency-911',
        'lifeline-988',
        'ma-substance-use-helpline',
        'boston-311',
      ]);
      div.remove();
    });

    it('lists emergency lines first and says so in crisis mode', () => {
      const div = mount(
        renderHelp(
          [
            { id: 'support', name: 'A support line', urgency: 'support', phones: [{ number: '617-555-0100', type: 'voice' }] },
            { id: 'em', name: 'An emergency line', urgency: 'emergency', phones: [{ number: '911', type: 'voice' }] },
          ],
          { urgent: true },
        ),
      );
      const names = [...div.querySelectorAll('.help-name')].map((n) => n.textContent);
      expect(names).to.deep.equal(['An emergency line', 'A support line']);
      expect(div.querySelector('.help')!.classList.contains('urgent')).to.equal(true);
      expect(div.textContent).to.contain('get help now');
      div.remove();
    });
  });

  describe('result card', () => {
    const base: Resource = {
      id: 'x',
      kind: 'service',
      name: '<img src=x onerror="window.__cardXss=1">Name',
      categories: ['peer-support'],
      url: 'javascript:window.__cardXss=1',
      phones: [{ number: '(617) 555-0100', type: 'voice' }],
      provenance: { source: 'Test', status: 'needs-verification', note: 'Two sources disagree.' },
    };

    it('never turns a javascript: URL into a link, and shows markup as text', () => {
      const div = mount(renderCard(base, { now: new Date(), timeZone: 'America/New_York' }));
      const hrefs = [...div.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
      expect(hrefs.every((h) => /^(https?:|tel:|sms:)/.test(h))).to.equal(true);
      expect(hrefs.some((h) => h.startsWith('javascript'))).to.equal(false);
      expect(div.querySelector('h3')!.textContent).to.contain('<img');
      expect(div.querySelector('img')).to.equal(null);
      expect((window as { __cardXss?: number }).__cardXss).to.equal(undefined);
      div.remove();
    });

    it('says in one line that a flagged record may have changed; the reason is behind the disclosure', () => {
      // Dated this year (an undated record says "Date unknown" first: it may be of any age).
      const dated = { ...base, provenance: { ...base.provenance, source_date: new Date().toISOString().slice(0, 10) } };
      const div = mount(renderCard(dated, { now: new Date(), timeZone: 'America/New_York' }));
      expect(div.querySelector('.confidence')!.textContent!.trim()).to.equal('Details may have changed: call to confirm');
      expect(div.querySelector('.confidence')!.textContent).not.to.contain('Two sources disagree.');
      expect(div.querySelector('details.provenance .note')!.textContent).to.contain('Two sources disagree.');
      div.remove();
    });

    // A record with values the validator refuses, as a future gap in validation would let by:
    // the card shows the record without the part that fails, and never throws.
    const broken = {
      ...base,
      name: 'Broken But Shown',
      kind: 'event',
      event: { starts_at: '2026-13-45T99:99:00+99:00' },
      schedule: { weekly: [{ byday: ['MO'], opens_at: 'xx:yy', closes_at: '17:00' }], time_zone: 'Mars/Olympus' },
      languages: ['en-12'],
      provenance: { source: 'Test', status: 'verified', last_verified: 'not-a-date' },
    } as unknown as Resource;

    it('shows a record whose event date and zone cannot be read, without those parts', () => {
      let div: HTMLElement | undefined;
      expect(() => {
        div = mount(renderCard(broken, { now: new Date('2026-11-23T12:00:00Z'), timeZone: 'Mars/Olympus' }));
      }).to.not.throw();
      expect(div!.querySelector('h3')!.textContent).to.equal('Broken But Shown');
      expect(div!.querySelector('a[href="tel:6175550100"]')).to.exist;
      expect(div!.querySelector('.event-date')).to.equal(null);
      div!.remove();
    });

    it('shows a PRSC whose hours cannot be put in words, in the list and in its details', () => {
      for (const selected of [false, true]) {
        let div: HTMLElement | undefined;
        expect(() => {
          div = mount(
            renderCentre({ r: broken, selected, now: new Date('2026-11-23T12:00:00Z'), timeZone: 'Mars/Olympus', onToggle: () => {} }),
          );
        }).to.not.throw();
        expect(div!.querySelector('h3')!.textContent).to.equal('Broken But Shown');
        expect(div!.querySelector('button.choose')).to.exist;
        div!.remove();
      }
    });
  });

  describe('language', () => {
    it('shows Spanish under lang="es" and follows a change back to English', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><test-lang-host></test-lang-host></div>`);
      const el = wrapper.querySelector<TestLangHost>('test-lang-host')!;
      await localeReady();
      await el.updateComplete;
      expect(getLocale()).to.equal('es');
      expect(el.shadowRoot!.textContent).to.contain('¿Necesita ayuda ahora?');
      expect(el.shadowRoot!.textContent).to.contain('Llamar al 911');
      el.setAttribute('lang', 'en-US');
      await until(() => getLocale() === 'en', 'English');
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.contain('Need help now?');
    });
  });

  describe('dataset controller', () => {
    it('goes from loading to ready', async () => {
      const el = await fixture<TestDatasetHost>(html`<test-dataset-host src=${datasetUrl({ delay: 100, key: uniqueKey() })}></test-dataset-host>`);
      expect(stateOf(el)).to.equal('loading:');
      await until(() => stateOf(el) === 'ready:11', 'ready');
    });

    it('takes a data property instead of a URL', async () => {
      const data = await (await fetch('/test/fixtures/dataset.json')).json();
      const el = await fixture<TestDatasetHost>(html`<test-dataset-host .data=${data}></test-dataset-host>`);
      await until(() => stateOf(el) === 'ready:11', 'ready');
    });

    it('reports a failed fetch by kind', async () => {
      const el = await fixture<TestDatasetHost>(html`<test-dataset-host src=${datasetUrl({ status: 404, key: uniqueKey() })}></test-dataset-host>`);
      await until(() => stateOf(el) === 'error:http', 'error');
    });

    it('derives once per dataset, and is loading until the derived data is ready', async () => {
      const data = await (await fetch('/test/fixtures/dataset.json')).json();
      const el = await fixture<TestDatasetHost>(html`<test-dataset-host .data=${data}></test-dataset-host>`);
      expect(stateOf(el)).to.equal('loading:');
      await until(() => stateOf(el) === 'ready:11', 'ready');
      el.requestUpdate();
      await el.updateComplete;
      expect(el.derived).to.equal(1);
      el.data = structuredClone(data);
      await until(() => el.derived === 2 && stateOf(el) === 'ready:11', 'derived again for a new dataset');
    });

    it('says it is taking longer than usual while the data does not come, with the help contacts', async () => {
      const slow = TestDatasetHost.slowLoadMs;
      TestDatasetHost.slowLoadMs = 50;
      try {
        const el = await fixture<TestDatasetHost>(html`<test-dataset-host src=${datasetUrl({ delay: 60_000, key: uniqueKey() })}></test-dataset-host>`);
        await until(() => !!el.shadowRoot!.querySelector('.load-slow'), 'the slow notice');
        expect(stateOf(el)).to.equal('loading:');
        expect(el.shadowRoot!.querySelector('.load-slow')!.textContent).to.contain('taking longer than usual');
        el.remove();
      } finally {
        TestDatasetHost.slowLoadMs = slow;
      }
    });

    it('reads a CSV spreadsheet when src ends in .csv, and counts the rows it could not use', async () => {
      const el = await fixture<TestDatasetHost>(html`<test-dataset-host src="/test/fixtures/import-bad.csv"></test-dataset-host>`);
      await until(() => stateOf(el) === 'ready:2', 'ready with the two good rows');
      expect(el.shadowRoot!.querySelector('.skipped')!.textContent).to.contain('1 entry could not be shown');
    });

    it('loads the bundled dataset when given neither src nor data', async () => {
      const el = await fixture<TestDatasetHost>(html`<test-dataset-host></test-dataset-host>`);
      await until(() => stateOf(el)!.startsWith('ready:'), 'ready');
      expect(Number(stateOf(el)!.split(':')[1])).to.be.greaterThan(100);
    });

    it('stops waiting when removed, and loads again when put back', async () => {
      const key = uniqueKey();
      const el = await fixture<TestDatasetHost>(html`<test-dataset-host src=${datasetUrl({ delay: 1000, key })}></test-dataset-host>`);
      const parent = el.parentElement!;
      // Remove it once the server has the first request (on a busy machine the request may not
      // have left the page yet, and an abort before sending leaves the server nothing to count).
      for (let i = 0; i < 250 && (await requestCount(key)) < 1; i++) await new Promise((r) => setTimeout(r, 20));
      expect(stateOf(el)).to.equal('loading:');
      el.remove();
      await new Promise((r) => setTimeout(r, 400));
      expect(stateOf(el)).to.equal('loading:');
      parent.append(el);
      await until(() => stateOf(el) === 'ready:11', 'ready after reconnect');
      expect(await requestCount(key)).to.equal(2);
    });
  });
});
