// Issue #23: the library's own wording moves out of the data. A record names the fact by code
// (`worded`), and the card words it in the page's language (marked with it); the regions of
// Massachusetts are worded the same way. The English of every code is the same in the elements
// as in core/worded.ts (which the server, the calendar file and search use).
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import { cardStyles, renderCard } from '../../src/components/shared/result-card.js';
import { renderCentre } from '../../src/components/prsc-map/prsc-card.js';
import { baseStyles } from '../../src/components/shared/styles.js';
import { define } from '../../src/components/shared/define.js';
import { LocaleController } from '../../src/components/shared/localize.js';
import { DataLanguageController } from '../../src/components/shared/data-language.js';
import { wordedText } from '../../src/components/shared/worded.js';
import { WORDED_ENGLISH, type WordedField } from '../../src/core/worded.js';
import { validateResource, type Resource, type ResourceInput } from '../../src/core/schema.js';
import { failOnLitWarnings, localeReady } from '../helpers.js';

const NOW = new Date('2026-11-27T15:00:00-05:00');

@localized()
class WordedHost extends LitElement {
  static override styles = [baseStyles, cardStyles];
  @property({ attribute: false }) records: Resource[] = [];
  constructor() {
    super();
    new LocaleController(this);
    new DataLanguageController(this);
  }
  override render() {
    return html`<ul class="plain">
      ${this.records.map((r) =>
        r.kind === 'prsc'
          ? html`<li>${renderCentre({ r, selected: false, now: NOW, timeZone: 'America/New_York', onToggle: () => undefined })}</li>`
          : html`<li>${renderCard(r, { now: NOW, timeZone: 'America/New_York' })}</li>`,
      )}
    </ul>`;
  }
}
define('worded-host', WordedHost);

function record(input: Partial<ResourceInput>): Resource {
  const r = validateResource({ id: 'x', kind: 'disposal', name: 'A pharmacy', categories: ['disposal'], provenance: { source: 'Test', status: 'unverified' }, ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.resource;
}

const DEA = record({ id: 'dea', worded: { description: 'dea-2018-collector', restrictions: 'medicines-only' }, disposal: { accepts: ['pills'] } });
const DEA_AR = record({
  id: 'dea-ar',
  worded: { description: 'dea-2018-collector', restrictions: 'medicines-only' },
  disposal: { accepts: ['pills'] },
  translations: { ar: { description: 'وصف بالعربية' } },
});
const UNKNOWN = record({ id: 'unknown', worded: { description: 'from-a-newer-version' }, disposal: { accepts: ['pills'] } });
const PRSC = record({ id: 'se', kind: 'prsc', name: 'A centre', categories: ['recovery-center'], region: 'Southeast' });

async function make(lang: string, records: Resource[]): Promise<ShadowRoot> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><worded-host .records=${records}></worded-host></div>`);
  const el = wrapper.querySelector<WordedHost>('worded-host')!;
  await localeReady();
  await el.updateComplete;
  return el.shadowRoot!;
}

const shown = (root: ParentNode, selector: string) => {
  const node = root.querySelector(selector);
  return node ? { text: node.textContent?.trim(), lang: node.getAttribute('lang') } : undefined;
};

describe('the library words what the data names by code (#23)', () => {
  failOnLitWarnings();

  it('has the same English in the elements as in core', async () => {
    await make('en', []);
    for (const [field, codes] of Object.entries(WORDED_ENGLISH)) {
      for (const [code, english] of Object.entries(codes)) expect(wordedText(field as WordedField, code), code).to.equal(english);
    }
  });

  it('has Spanish for every code', async () => {
    await make('es', []);
    for (const [field, codes] of Object.entries(WORDED_ENGLISH)) {
      for (const [code, english] of Object.entries(codes)) {
        const spanish = wordedText(field as WordedField, code);
        expect(spanish, code).to.be.a('string').and.not.equal(english);
      }
    }
  });

  it('words a DEA site in Spanish on a Spanish page, and in English (marked) where it has no words', async () => {
    const es = await make('es', [DEA]);
    expect(shown(es, '.description')).to.deep.equal({ text: 'Incluido por la DEA en octubre de 2018 como sitio público registrado de recolección de medicamentos no deseados.', lang: 'es' });
    expect(shown(es, '.restrictions')?.lang).to.equal('es');
    expect(shown(es, '.restrictions')?.text).to.match(/^Solo medicamentos/);
    const de = await make('de', [DEA]);
    expect(shown(de, '.description')).to.deep.equal({ text: WORDED_ENGLISH.description['dea-2018-collector'], lang: 'en' });
  });

  it('marks the wording English in a language whose translators have not come to it yet, else that language', async () => {
    for (const lang of ['fr', 'ar', 'vi']) {
      const root = await make(lang, [DEA]);
      const shownText = shown(root, '.description')!;
      const english = WORDED_ENGLISH.description['dea-2018-collector'];
      expect(shownText.lang, `${lang}: "${shownText.text}"`).to.equal(shownText.text === english ? 'en' : lang);
    }
  });

  it('prefers the record\'s own translation, and shows nothing for a code it does not know', async () => {
    const ar = await make('ar', [DEA_AR, UNKNOWN]);
    expect(shown(ar.querySelector('[aria-labelledby="name-dea-ar"]')!, '.description')).to.deep.equal({ text: 'وصف بالعربية', lang: 'ar' });
    expect(ar.querySelector('[aria-labelledby="name-unknown"] .description')).to.equal(null);
  });

  it('words a region of Massachusetts in the page\'s language', async () => {
    expect(shown(await make('es', [PRSC]), '.region')).to.deep.equal({ text: 'Sureste', lang: 'es' });
    expect(shown(await make('de', [PRSC]), '.region')).to.deep.equal({ text: 'Southeast', lang: 'en' });
  });
});
