// Issue #23: a record's own texts in the page's language. A record with Spanish and Arabic
// translations shows them on a Spanish and an Arabic page (marked lang="es" / lang="ar"), and
// its English text, marked lang="en", on a page in a language it has no translation for
// (French). Records: test/fixtures/translated.json.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/resource-search/resource-search.js';
import '../../src/components/prsc-map/prsc-map.js';
import '../../src/components/disposal-locator/disposal-locator.js';
import '../../src/components/my-list/my-list.js';
import { MY_LIST_KEY, addToList } from '../../src/kit/card/my-list.js';
import type { RecoveryMyList } from '../../src/components/my-list/my-list.js';
import type { RecoveryResourceSearch } from '../../src/components/resource-search/resource-search.js';
import type { RecoveryPrscMap } from '../../src/components/prsc-map/prsc-map.js';
import type { RecoveryDisposalLocator } from '../../src/components/disposal-locator/disposal-locator.js';
import { datasetUrl, failOnLitWarnings, localeReady, uniqueKey, until, takeTurnsWithMyList } from '../helpers.js';

takeTurnsWithMyList();

const SRC = () => datasetUrl({ fixture: 'translated', key: uniqueKey('tr') });
const ZIPS = datasetUrl({ fixture: 'disposal-zips-ma' });

/** The text and language of the first element matching `selector` under `root`. */
function shown(root: ParentNode, selector: string): { text: string; lang: string | null } | undefined {
  const node = root.querySelector(selector);
  return node ? { text: node.textContent?.replace(/\s+/g, ' ').trim() ?? '', lang: node.getAttribute('lang') } : undefined;
}

/** Searches the disposal locator from ZIP 02118 and gives the translated drop box's card once it shows `part`. */
async function dropBoxNear02118(el: HTMLElement, part: string): Promise<Element> {
  const root = el.shadowRoot!;
  await until(() => root.querySelector<HTMLInputElement>('#zip') !== null, 'the form');
  await until(() => !root.querySelector('[role="status"]')?.textContent?.includes('…'), 'data loaded');
  root.querySelector<HTMLInputElement>('#zip')!.value = '02118';
  root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await until(() => root.querySelector(`[aria-labelledby="name-tr-disposal"] ${part}`) !== null, 'the drop box found');
  return root.querySelector('[aria-labelledby="name-tr-disposal"]')!;
}

async function inLanguage<T extends HTMLElement>(lang: string, template: ReturnType<typeof html>): Promise<T> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang} style="width: 1000px">${template}</div>`);
  await localeReady();
  return wrapper.firstElementChild as T;
}

const EXPECTED = {
  service: {
    es: 'Apoyo entre pares gratuito para cualquier persona en recuperación.',
    ar: 'دعم مجاني من الأقران لأي شخص في مرحلة التعافي.',
    en: 'Free peer support for anyone in recovery.',
  },
  prsc: { es: 'Un centro de recuperación dirigido por pares.', ar: 'مركز تعافٍ يديره الأقران.', en: 'A peer-run recovery center.' },
  region: { es: 'Boston metropolitano', ar: 'منطقة بوسطن', en: 'Metro Boston' },
  disposal: { es: 'Un buzón en el vestíbulo.', ar: 'صندوق إيداع في الردهة.', en: 'A drop box in the lobby.' },
  restrictions: { es: 'Solo pastillas, no líquidos.', ar: 'الحبوب فقط، لا سوائل.', en: 'Pills only, no liquids.' },
} as const;

/** es and ar show their own translation; fr (none) shows the English, marked English. */
const PAGES = [
  { page: 'es', text: 'es', lang: 'es' },
  { page: 'ar', text: 'ar', lang: 'ar' },
  { page: 'fr', text: 'en', lang: 'en' },
  { page: 'es-US', text: 'es', lang: 'es' },
] as const;

describe('data in the page language (#23)', () => {
  failOnLitWarnings();

  for (const { page, text, lang } of PAGES) {
    it(`<recovery-resource-search> on a "${page}" page: description, hours text and phone label`, async () => {
      const el = await inLanguage<RecoveryResourceSearch>(page, html`<recovery-resource-search
        src=${SRC()} zip-table-url=${ZIPS} zip-table-national-url=${ZIPS} no-location></recovery-resource-search>`);
      const root = el.shadowRoot!;
      await until(() => root.querySelector('[aria-labelledby="name-tr-service"] .description') !== null, 'the translated record');
      const card = root.querySelector('[aria-labelledby="name-tr-service"]')!;
      expect(shown(card, '.description')).to.deep.equal({ text: EXPECTED.service[text], lang });
      expect(shown(card, '.hours-text')?.lang).to.equal(lang);
      if (text === 'es') {
        expect(shown(card, '.hours-text')?.text).to.equal('Por las mañanas, llame antes.');
        expect(shown(card, '.contact-links .muted')).to.deep.equal({ text: 'Recepción', lang: 'es' });
      } else {
        // No Arabic phone label: the English one, marked English.
        expect(shown(card, '.contact-links .muted')).to.deep.equal({ text: 'Front desk', lang: 'en' });
      }
      await expect(el).to.be.accessible();
    });

    it(`<recovery-prsc-map> on a "${page}" page: region in the list, description in the details`, async () => {
      const el = await inLanguage<RecoveryPrscMap>(page, html`<recovery-prsc-map src=${SRC()} tile-url="/test-api/tiles/{z}/{x}/{y}.png"></recovery-prsc-map>`);
      const root = el.shadowRoot!;
      await until(() => root.querySelector('button.choose[data-id="tr-prsc"]') !== null, 'the centre listed');
      expect(shown(root, 'li.centre .region')).to.deep.equal({ text: EXPECTED.region[text], lang });
      root.querySelector<HTMLButtonElement>('button.choose[data-id="tr-prsc"]')!.click();
      await until(() => root.querySelector('li.centre .description') !== null, 'the details');
      expect(shown(root, 'li.centre .description')).to.deep.equal({ text: EXPECTED.prsc[text], lang });
    });

    it(`<recovery-disposal-locator> on a "${page}" page: description and restrictions`, async () => {
      const el = await inLanguage<RecoveryDisposalLocator>(page, html`<recovery-disposal-locator src=${SRC()} item="pills"
        zip-table-url=${ZIPS} zip-table-national-url=${ZIPS} no-map></recovery-disposal-locator>`);
      const card = await dropBoxNear02118(el, '.restrictions');
      expect(shown(card, '.description')).to.deep.equal({ text: EXPECTED.disposal[text], lang });
      expect(shown(card, '.restrictions')).to.deep.equal({ text: EXPECTED.restrictions[text], lang });
    });
  }

  it('<recovery-my-list> shows the hours text in the page language, else in English marked so', async () => {
    for (const [page, text, lang] of [['es', 'Por las mañanas, llame antes.', 'es'], ['fr', 'Mornings, call first.', 'en']] as const) {
      localStorage.removeItem(MY_LIST_KEY);
      addToList([{ id: 'tr-service', name: 'Example Translated Service' }]);
      const el = await inLanguage<RecoveryMyList>(page, html`<recovery-my-list src=${SRC()}></recovery-my-list>`);
      await until(() => el.shadowRoot!.querySelector('li.entry .hours') !== null, 'the entry');
      expect(shown(el.shadowRoot!, 'li.entry .hours')).to.deep.equal({ text, lang });
    }
    localStorage.removeItem(MY_LIST_KEY);
  });

  it('<recovery-prsc-map> words the regions of Massachusetts in the page language', async () => {
    const el = await inLanguage<RecoveryPrscMap>('es', html`<recovery-prsc-map src=${datasetUrl({ fixture: 'prsc-centres', key: uniqueKey('rg') })} tile-url="/test-api/tiles/{z}/{x}/{y}.png"></recovery-prsc-map>`);
    const root = el.shadowRoot!;
    await until(() => root.querySelector('#region option[value="Southeast"]') !== null, 'the regions');
    const option = root.querySelector('#region option[value="Southeast"]')!;
    expect({ text: option.textContent?.trim(), lang: option.getAttribute('lang') }).to.deep.equal({ text: 'Sureste', lang: 'es' });
    expect(root.querySelector('#region option[value="Metro West"]')?.textContent?.trim()).to.equal('Metro Oeste');
  });

  it('an English page shows the English texts, marked English', async () => {
    const el = await inLanguage<RecoveryResourceSearch>('en', html`<recovery-resource-search
      src=${SRC()} zip-table-url=${ZIPS} zip-table-national-url=${ZIPS} no-location></recovery-resource-search>`);
    const root = el.shadowRoot!;
    await until(() => root.querySelector('[aria-labelledby="name-tr-service"] .description') !== null, 'the record');
    expect(shown(root.querySelector('[aria-labelledby="name-tr-service"]')!, '.description')).to.deep.equal({ text: EXPECTED.service.en, lang: 'en' });
  });

  it('follows the page when its language changes', async () => {
    const el = await inLanguage<RecoveryResourceSearch>('fr', html`<recovery-resource-search
      src=${SRC()} zip-table-url=${ZIPS} zip-table-national-url=${ZIPS} no-location></recovery-resource-search>`);
    const root = el.shadowRoot!;
    await until(() => root.querySelector('[aria-labelledby="name-tr-service"] .description') !== null, 'the record');
    el.parentElement!.setAttribute('lang', 'ar');
    // The wrapper is not <html>: the element is told through its own lang, as a page's switcher would.
    el.setAttribute('lang', 'ar');
    await until(() => shown(root, '[aria-labelledby="name-tr-service"] .description')?.lang === 'ar', 'Arabic');
    expect(shown(root, '[aria-labelledby="name-tr-service"] .description')?.text).to.equal(EXPECTED.service.ar);
  });

  describe('English record text on a right-to-left page is marked and isolated (#23)', () => {
    /** Each of `selectors` under `root` is English with a direction of its own, and so is every English text there. */
    function isolated(root: ParentNode, selectors: readonly string[]): void {
      for (const selector of selectors) {
        const node = root.querySelector(selector);
        expect(node, selector).to.not.equal(null);
        expect({ lang: node!.getAttribute('lang'), dir: node!.getAttribute('dir') }, selector).to.deep.equal({ lang: 'en', dir: 'ltr' });
      }
      for (const node of root.querySelectorAll('[lang="en"]')) expect(node.getAttribute('dir'), node.outerHTML).to.be.oneOf(['ltr', 'auto']);
    }

    async function rtl<T extends HTMLElement>(template: ReturnType<typeof html>): Promise<T> {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="ar" dir="rtl" style="width: 1000px">${template}</div>`);
      await localeReady();
      return wrapper.firstElementChild as T;
    }

    it('in a result card: the name, the address and an untranslated phone label', async () => {
      const el = await rtl<RecoveryResourceSearch>(html`<recovery-resource-search
        src=${SRC()} zip-table-url=${ZIPS} zip-table-national-url=${ZIPS} no-location></recovery-resource-search>`);
      const root = el.shadowRoot!;
      await until(() => root.querySelector('[aria-labelledby="name-tr-service"] .description') !== null, 'the record');
      isolated(root.querySelector('[aria-labelledby="name-tr-service"]')!, ['.name [lang]', '.address [lang]', '.contact-links .muted']);
    });

    it('in a PRSC card: the name and the town', async () => {
      const el = await rtl<RecoveryPrscMap>(html`<recovery-prsc-map src=${SRC()} tile-url="/test-api/tiles/{z}/{x}/{y}.png"></recovery-prsc-map>`);
      const root = el.shadowRoot!;
      await until(() => root.querySelector('li.centre .where') !== null, 'the centre listed');
      isolated(root.querySelector('li.centre')!, ['.name [lang]', '.where [lang]']);
    });

    it('in a disposal card: the address and the page\'s own words after the library\'s labels', async () => {
      const el = await rtl<RecoveryDisposalLocator>(html`<recovery-disposal-locator src=${SRC()} item="pills"
        zip-table-url=${ZIPS} zip-table-national-url=${ZIPS} no-map></recovery-disposal-locator>`);
      const card = await dropBoxNear02118(el, '.accepts-text');
      isolated(card, ['.address [lang]', '.location-detail .text', '.accepts-text .text']);
      expect(shown(card, '.location-detail .label')?.lang).to.equal('ar');
      expect(shown(card, '.accepts-text .text')?.text).to.equal('Pills, capsules (in a sealed bag)');
    });

    it('in my list: the name and the address', async () => {
      localStorage.removeItem(MY_LIST_KEY);
      addToList([{ id: 'tr-service', name: 'Example Translated Service' }]);
      const el = await rtl<RecoveryMyList>(html`<recovery-my-list src=${SRC()}></recovery-my-list>`);
      await until(() => el.shadowRoot!.querySelector('li.entry .address') !== null, 'the entry');
      isolated(el.shadowRoot!.querySelector('li.entry')!, ['.name [lang]', '.address [lang]']);
      localStorage.removeItem(MY_LIST_KEY);
    });
  });
});
