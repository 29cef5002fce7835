// The pieces every element shares: help contacts, the result card, the dataset controller.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, render } from 'lit';
import { property } from 'lit/decorators.js';
import { renderHelp, DEFAULT_HELP_CONTACTS } from '../../src/components/shared/help.js';
import { renderCard } from '../../src/components/shared/result-card.js';
import { DatasetController } from '../../src/components/shared/dataset-controller.js';
import { define } from '../../src/components/shared/define.js';
import type { Resource } from '../../src/core/schema.js';
import { localized } from '@lit/localize';
import { LocaleController, getLocale } from '../../src/components/shared/localize.js';
import { datasetUrl, failOnLitWarnings, localeReady, requestCount, uniqueKey, until } from '../helpers.js';

class TestDatasetHost extends LitElement {
  @property() src?: string;
  @property({ attribute: false }) data?: unknown;
  readonly store = new DatasetController(this, () => ({ src: this.src, data: this.data }));
  override render() {
    const d = this.store;
    return html`<p id="state">${d.status}:${d.dataset?.resources.length ?? d.error?.kind ?? ''}</p>`;
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
      const div = mount(renderCard(base, { now: new Date(), timeZone: 'America/New_York' }));
      expect(div.querySelector('.confidence')!.textContent!.trim()).to.equal('Details may have changed: call to confirm');
      expect(div.querySelector('.confidence')!.textContent).not.to.contain('Two sources disagree.');
      expect(div.querySelector('details.provenance .note')!.textContent).to.contain('Two sources disagree.');
      div.remove();
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

    it('loads the bundled dataset when given neither src nor data', async () => {
      const el = await fixture<TestDatasetHost>(html`<test-dataset-host></test-dataset-host>`);
      await until(() => stateOf(el)!.startsWith('ready:'), 'ready', 10_000);
      expect(Number(stateOf(el)!.split(':')[1])).to.be.greaterThan(100);
    });

    it('stops waiting when removed, and loads again when put back', async () => {
      const key = uniqueKey();
      const el = await fixture<TestDatasetHost>(html`<test-dataset-host src=${datasetUrl({ delay: 300, key })}></test-dataset-host>`);
      const parent = el.parentElement!;
      el.remove();
      await new Promise((r) => setTimeout(r, 400));
      expect(stateOf(el)).to.equal('loading:');
      parent.append(el);
      await until(() => stateOf(el) === 'ready:11', 'ready after reconnect');
      expect(await requestCount(key)).to.equal(2);
    });
  });
});
