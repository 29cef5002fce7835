// Issue #23: the library's own wording moves out of the data. A record names the fact by code
// (`worded`), and the card words it in the page's language (marked with it); the regions of
// Massachusetts are worded the same way. The wording is written once, in core/worded.ts: the
// elements say it through msg, the server, the calendar file and search in English.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import { cardStyles, renderCard } from '../../src/kit/card/result-card.js';
import { renderCentre } from '../../src/components/prsc-map/prsc-card.js';
import { baseStyles } from '../../src/kit/ui/styles.js';
import { define } from '../../src/kit/base/define.js';
import { LocaleController } from '../../src/kit/i18n/localize.js';
import { DataLanguageController } from '../../src/kit/i18n/data-language.js';
import { msg } from '@lit/localize';
import { LABELLED, WORDED, english, wordedEnglish, wordedText, type WordedField } from '../../src/core/worded.js';
import { targetLocales } from '../../src/locales/locale-codes.js';
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
const PAGE = record({
  id: 'page',
  worded: { description: 'drug-take-back-and-sharps' },
  location_detail: 'lobby of the police station',
  eligibility: 'residents only',
  disposal: { accepts: ['pills', 'sharps'], accepts_text: 'pills, patches, inhalers', not_accepted_text: 'needles' },
});
const DEA_NOTE = record({ id: 'dea-note', worded: { description: 'dea-2018-collector', note: 'dea-2018-far-from-zip' }, disposal: { accepts: ['pills'] } });
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

  it('says every code and label in each of the eleven languages, through the one table', async () => {
    for (const lang of targetLocales) {
      await make(lang, []);
      for (const [field, codes] of Object.entries(WORDED)) {
        for (const code of Object.keys(codes)) {
          const said = wordedText(field as WordedField, code, msg);
          expect(said, `${lang} ${code}`).to.be.a('string').and.not.equal(wordedText(field as WordedField, code, english));
        }
      }
      for (const [field, label] of Object.entries(LABELLED)) expect(label(msg), `${lang} ${field}`).to.not.equal(label(english));
    }
  });

  it('words a DEA site in Spanish on a Spanish page, and in English (marked) where it has no words', async () => {
    const es = await make('es', [DEA]);
    expect(shown(es, '.description')).to.deep.equal({ text: 'Incluido por la DEA en octubre de 2018 como sitio público registrado de recolección de medicamentos no deseados.', lang: 'es' });
    expect(shown(es, '.restrictions')?.lang).to.equal('es');
    expect(shown(es, '.restrictions')?.text).to.match(/^Solo medicamentos/);
    const de = await make('de', [DEA]);
    expect(shown(de, '.description')).to.deep.equal({ text: wordedEnglish(DEA, 'description'), lang: 'en' });
  });

  it('marks the wording English in a language whose translators have not come to it yet, else that language', async () => {
    for (const lang of ['fr', 'ar', 'vi']) {
      const root = await make(lang, [DEA]);
      const shownText = shown(root, '.description')!;
      const english = wordedEnglish(DEA, 'description');
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

  it('labels a page\'s own words in the page\'s language, and keeps them English, marked and isolated', async () => {
    for (const lang of ['es', 'ar']) {
      const root = await make(lang, [PAGE]);
      for (const [selector, text] of [
        ['.location-detail', 'lobby of the police station'],
        ['.eligibility', 'residents only'],
        ['.accepts-text', 'pills, patches, inhalers'],
        ['.not-accepted', 'needles'],
      ] as const) {
        const label = root.querySelector(`${selector} .label`)!;
        const own = root.querySelector(`${selector} .text`)!;
        expect(label.getAttribute('lang'), `${lang} ${selector}`).to.equal(lang);
        expect(label.textContent, `${lang} ${selector}`).to.not.match(/^(Where|Who can use it|Accepted|Not accepted)/);
        expect({ text: own.textContent, lang: own.getAttribute('lang'), dir: own.getAttribute('dir') }, `${lang} ${selector}`).to.deep.equal({ text, lang: 'en', dir: 'ltr' });
      }
      expect(root.querySelector('.description')?.textContent).to.not.match(/Drug take-back box/);
    }
  });

  it('words a DEA site\'s note in the page\'s language', async () => {
    const root = await make('es', [DEA_NOTE]);
    const note = root.querySelector('.provenance .note')!;
    expect(note.getAttribute('lang')).to.equal('es');
    expect(note.textContent).to.match(/DEA/).and.not.equal(wordedEnglish(DEA_NOTE, 'note'));
  });
});
