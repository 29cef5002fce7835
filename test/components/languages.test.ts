// Boston's eleven languages and English (issue #23): every element in every language, at 320 px,
// with the right direction, nothing wider than the screen, no font from elsewhere, and no English
// string left where the language has a translation for it (read from xliff/<tag>.xlf, so a
// language is checked string by string as its translations are filled in). Then right to left,
// the language menu and the reviewed-only rule.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/index.js';
import { LANGUAGES } from '../../src/locales/languages.js';
import { getLocale, isReviewed, localeFor } from '../../src/kit/i18n/localize.js';
import { reviewState } from '../../src/locales/review-state.js';
import { MY_LIST_KEY } from '../../src/kit/card/my-list.js';
import { formatCount } from '../../src/kit/ui/format.js';
import { datasetUrl, failOnLitWarnings, localeReady, until, takeTurnsWithMyList } from '../helpers.js';
import { overflows } from './layout.helpers.js';
import { TEST_TILES } from './hostile.helpers.js';

takeTurnsWithMyList();

type Shown = HTMLElement & { updateComplete: Promise<boolean> };
const ZIPS = datasetUrl({ fixture: 'disposal-zips-ma' });

/** Every element, each showing what it shows first, with the language menu on. */
async function mountAll(): Promise<Shown[]> {
  localStorage.setItem(MY_LIST_KEY, JSON.stringify([{ id: 'ex-peer-south-end', name: '' }]));
  const make = (tag: string, attrs: Record<string, string>) => {
    const el = document.createElement(tag) as Shown;
    for (const [k, v] of Object.entries({ 'language-picker': '', ...attrs })) el.setAttribute(k, v);
    document.body.append(el);
    return el;
  };
  const els = [
    make('recovery-resource-search', { src: datasetUrl() }),
    make('recovery-prsc-map', { src: datasetUrl({ fixture: 'prsc-centres' }), 'tile-url': TEST_TILES }),
    make('recovery-disposal-locator', { src: datasetUrl({ fixture: 'disposal-sites' }), 'tile-url': TEST_TILES, 'zip-table-url': ZIPS }),
    make('recovery-newsletter-signup', { action: '/test-api/signup' }),
    make('recovery-my-list', { src: datasetUrl() }),
  ];
  const root = (i: number) => els[i]!.shadowRoot!;
  await until(() => !!root(0).querySelector('.results'), 'search results');
  await until(() => !!root(1).querySelector('ul.centres'), 'PRSC list');
  await until(() => !!root(2).querySelector('#zip') && !root(2).querySelector('.loading-space'), 'disposal form');
  await until(() => root(4).querySelectorAll('.entry').length === 1, 'my list entry');
  await Promise.all(els.map((e) => e.updateComplete));
  return els;
}

async function setPageLang(lang: string): Promise<void> {
  document.documentElement.lang = lang;
  await until(() => true);
  await localeReady();
}

/** The English of every plain string (no placeholders) whose translation in `tag` differs from it, with that translation. */
async function translatedSources(tag: string): Promise<{ english: Map<string, string>; total: number; translated: number }> {
  const english = new Map<string, string>();
  if (tag === 'en') return { english, total: 0, translated: 0 };
  const doc = new DOMParser().parseFromString(await (await fetch(`/xliff/${tag}.xlf`)).text(), 'application/xml');
  const units = [...doc.getElementsByTagName('trans-unit')];
  let translated = 0;
  for (const u of units) {
    const source = u.getElementsByTagName('source')[0];
    const target = u.getElementsByTagName('target')[0];
    if (!target) continue;
    translated++;
    if (!source || source.getElementsByTagName('x').length) continue;
    const text = source.textContent!.trim();
    const translation = target.textContent!.trim();
    if (text !== translation) english.set(text, translation);
  }
  return { english, total: units.length, translated };
}

/**
 * The words an element puts on screen or in an accessible name: text, aria-label, placeholder,
 * title, alt. Left out: a part marked `lang="en"` on purpose (the menu's "(Language)"), each
 * language's own name in the menu, and the map (tiles and attribution are names).
 */
function wordsOf(el: HTMLElement): string[] {
  const words: string[] = [];
  const skip = (n: Element | null) => !!n?.closest('[lang]:not(.base), .map-frame');
  const root = el.shadowRoot!;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (skip(n.parentElement) || n.parentElement?.closest('style')) continue;
    const text = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) words.push(text);
  }
  for (const n of root.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
    if (skip(n)) continue;
    for (const a of ['aria-label', 'placeholder', 'title', 'alt']) {
      const v = n.getAttribute(a)?.trim();
      if (v) words.push(v);
    }
  }
  return words;
}

/**
 * English strings of the UI (that the language has a translation for) still on screen: a text
 * that is one of them, or holds one of three words or more without its translation beside it
 * (a translation may keep a programme's English name as a gloss: "Centres … (Peer Recovery
 * Support Centers)").
 */
function englishLeft(el: HTMLElement, english: Map<string, string>): string[] {
  const long = [...english].filter(([s]) => s.split(' ').length >= 3);
  return wordsOf(el).filter((w) => english.has(w) || long.some(([s, t]) => w.includes(s) && !w.includes(t)));
}

describe('languages: every element in each of the twelve', () => {
  failOnLitWarnings();
  afterEach(async () => {
    document.body.replaceChildren();
    localStorage.removeItem(MY_LIST_KEY);
    document.documentElement.removeAttribute('languages-reviewed-only');
    document.documentElement.removeAttribute('dir');
    await setPageLang('en');
    await setViewport({ width: 800, height: 600 });
  });

  it('matches the tags pages carry to the twelve', () => {
    const cases: Record<string, string> = {
      en: 'en', 'en-US': 'en', es: 'es', 'es-US': 'es', ht: 'ht', 'ht-HT': 'ht', 'zh-Hant': 'zh-Hant', 'zh-TW': 'zh-Hant',
      'zh-HK': 'zh-Hant', 'zh-hant-tw': 'zh-Hant', zh: 'zh-Hans', 'zh-CN': 'zh-Hans', 'zh-Hans': 'zh-Hans', 'zh-SG': 'zh-Hans',
      vi: 'vi', kea: 'kea', ru: 'ru', ar: 'ar', 'ar-EG': 'ar', 'pt-BR': 'pt-BR', pt: 'pt-BR', 'pt-PT': 'pt-BR', fr: 'fr',
      'fr-CA': 'fr', so: 'so', de: 'en', '': 'en', 'x-klingon': 'en',
    };
    for (const [tag, locale] of Object.entries(cases)) expect(localeFor(tag), tag).to.equal(locale);
  });

  for (const { tag, dir } of LANGUAGES) {
    it(`${tag}: every element at 320 px, ${dir}, nothing too wide, no font from elsewhere, no English left that ${tag} translates`, async () => {
      await setViewport({ width: 320, height: 800 });
      await setPageLang(tag);
      const { english, total, translated } = await translatedSources(tag);
      const els = await mountAll();
      await localeReady();
      expect(getLocale()).to.equal(tag);
      for (const el of els) {
        expect(el.getAttribute('dir'), `${el.localName} dir`).to.equal(dir);
        const base = el.shadowRoot!.querySelector<HTMLElement>('.base')!;
        expect(getComputedStyle(base).direction, `${el.localName} direction`).to.equal(dir);
        expect(getComputedStyle(base).lineBreak, `${el.localName} line-break`).to.equal(tag.startsWith('zh') ? 'strict' : 'auto');
        expect(overflows(el), `${el.localName} at 320 px in ${tag}`).to.deep.equal([]);
        expect(englishLeft(el, english), `${el.localName}: English left in ${tag} (${translated}/${total} translated)`).to.deep.equal([]);
        // No font from anywhere: no @font-face and no url() in any of the element's styles.
        const css = el.shadowRoot!.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
        expect(css).not.to.match(/@font-face|url\(\s*['"]?(https?:)?\/\//);
      }
      const fonts = performance.getEntriesByType('resource').filter((r) => /\.(woff2?|ttf|otf)(\?|$)|fonts\.(googleapis|gstatic)/.test(r.name));
      expect(fonts.map((r) => r.name)).to.deep.equal([]);
    });
  }

  it('the English check finds an English string left in a translated language', async () => {
    await setPageLang('es');
    const { english } = await translatedSources('es');
    expect(english.size).to.be.greaterThan(250);
    const el = document.createElement('recovery-newsletter-signup') as Shown;
    document.body.append(el);
    await localeReady();
    await el.updateComplete;
    expect(getLocale()).to.equal('es');
    expect(englishLeft(el, english)).to.deep.equal([]);
    const left = document.createElement('p');
    left.textContent = 'Sign up';
    el.shadowRoot!.append(left);
    expect(englishLeft(el, english)).to.deep.equal(['Sign up']);
    left.remove();
  });

  it('Arabic: right to left on a page that does not say so; map, phone numbers and ZIPs left to right', async () => {
    await setViewport({ width: 390, height: 800 });
    await setPageLang('ar');
    expect(document.documentElement.hasAttribute('dir')).to.equal(false);
    const els = await mountAll();
    await localeReady();
    expect(getLocale()).to.equal('ar');
    for (const el of els) {
      // The menu's label starts at the right edge of the element.
      const base = el.shadowRoot!.querySelector<HTMLElement>('.base')!.getBoundingClientRect();
      const label = el.shadowRoot!.querySelector('.language-picker label')!.getBoundingClientRect();
      expect(label.left - base.left, `${el.localName}: the menu on the right`).to.be.greaterThan(base.right - label.right);
    }
    const [search, , disposal, , list] = els as [Shown, Shown, Shown, Shown, Shown];
    // "Call 988" in Arabic words, the number isolated so it keeps its order.
    const call = search.shadowRoot!.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!;
    expect(call.textContent).to.match(/\u2066[\d-]+\u2069/);
    expect(getComputedStyle(list.shadowRoot!.querySelector('.phone a')!).direction).to.equal('ltr');
    // A record's own (English) words keep their punctuation in place: their direction is their text's.
    const description = search.shadowRoot!.querySelector('.card .description')!;
    expect(getComputedStyle(description).unicodeBidi).to.equal('plaintext');
    const zip = disposal.shadowRoot!.querySelector<HTMLInputElement>('#zip')!;
    zip.value = '02118';
    disposal.shadowRoot!.querySelector('form')!.requestSubmit();
    await until(() => !!disposal.shadowRoot!.querySelector('.map-frame'), 'disposal map');
    expect(getComputedStyle(disposal.shadowRoot!.querySelector('.map-frame')!).direction).to.equal('ltr');
    // The guidance box's accent border is on the start side: the right.
    // Nothing near takes needles: the Boston guidance, its BOS:311 numbers left to right.
    disposal.setAttribute('max-distance', '1');
    disposal.shadowRoot!.querySelector<HTMLInputElement>('input[value="sharps"]')!.click();
    zip.value = '02135';
    disposal.shadowRoot!.querySelector('form')!.requestSubmit();
    await until(() => !!disposal.shadowRoot!.querySelector('.guidance'), 'needle guidance');
    expect(getComputedStyle(disposal.shadowRoot!.querySelector('.guidance a[href="tel:6176354500"]')!).direction).to.equal('ltr');
    const guidance = getComputedStyle(disposal.shadowRoot!.querySelector('.guidance')!);
    expect([guidance.borderRightWidth, guidance.borderLeftWidth]).to.deep.equal(['6px', '1px']);
    // Numbers in Western digits, as the phone numbers are (CLDR's default for `ar`, whatever the page's region).
    expect(formatCount(1234567)).to.match(/^1.?234.?567$/);
    // In English, no isolates and left to right.
    await setPageLang('en');
    await search.updateComplete;
    expect(search.getAttribute('dir')).to.equal('ltr');
    expect(search.shadowRoot!.querySelector('a[href^="tel:"]')!.textContent).not.to.match(/[\u2066\u2069]/);
  });

  it('language-picker: a labelled menu of the twelve, each in its own name, that switches the element; accessible', async () => {
    const el = document.createElement('recovery-newsletter-signup') as Shown;
    document.body.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('select#language-picker')).to.equal(null);
    el.setAttribute('language-picker', '');
    await el.updateComplete;
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select#language-picker')!;
    expect(select.labels?.[0]?.textContent?.trim()).to.equal('Language');
    const options = [...select.options].map((o) => [o.value, o.lang, o.textContent]);
    expect(options).to.deep.equal(LANGUAGES.map((l) => [l.tag, l.tag, l.name]));
    expect(select.value).to.equal('en');
    const box = select.getBoundingClientRect();
    expect(Math.min(box.width, box.height)).to.be.at.least(24);
    await expect(el).to.be.accessible();
    select.value = 'ar';
    select.dispatchEvent(new Event('change'));
    await until(() => getLocale() === 'ar', 'Arabic');
    await el.updateComplete;
    expect(el.getAttribute('lang')).to.equal('ar');
    expect(el.getAttribute('dir')).to.equal('rtl');
    const again = el.shadowRoot!.querySelector<HTMLSelectElement>('select#language-picker')!;
    expect(again.value).to.equal('ar');
    expect(again.labels?.[0]?.textContent).to.contain('(Language)');
    await expect(el).to.be.accessible();
  });

  it("shows a site's own text in the page's language, by the language's tag (any case)", async () => {
    for (const [tag, attr, words] of [['zh-Hant', 'heading-zh-Hant', '保持聯繫'], ['ar', 'heading-ar', 'ابقوا على تواصل'], ['pt-BR', 'heading-pt-br', 'Fique em contato']]) {
      await setPageLang(tag!);
      const el = document.createElement('recovery-newsletter-signup') as Shown;
      el.setAttribute('heading', 'Stay in touch');
      el.setAttribute(attr!, words!);
      document.body.append(el);
      await localeReady();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.title')?.textContent?.trim(), tag).to.equal(words);
      el.remove();
    }
  });

  describe('languages-reviewed-only', () => {
    const saved = { ...reviewState };
    const state = reviewState as Record<string, { total: number; translated: number; reviewed: number }>;
    afterEach(() => {
      for (const k of Object.keys(state)) delete state[k];
      Object.assign(state, saved);
    });

    it('shows an unreviewed language without it, and English with it (on the page or on the element)', async () => {
      expect(isReviewed('ar')).to.equal(false);
      await setPageLang('ar');
      const el = document.createElement('recovery-newsletter-signup') as Shown;
      document.body.append(el);
      await localeReady();
      await el.updateComplete;
      expect(getLocale()).to.equal('ar');
      expect(el.shadowRoot!.querySelector('.base')!.getAttribute('lang')).to.equal('ar');
      document.documentElement.setAttribute('languages-reviewed-only', '');
      await until(() => getLocale() === 'en', 'English on the page');
      await el.updateComplete;
      expect(el.getAttribute('dir')).to.equal('ltr');
      // English words on an Arabic page say so.
      expect(el.shadowRoot!.querySelector('.base')!.getAttribute('lang')).to.equal('en');
      document.documentElement.removeAttribute('languages-reviewed-only');
      await until(() => getLocale() === 'ar', 'Arabic again');
      el.setAttribute('languages-reviewed-only', '');
      await until(() => getLocale() === 'en', 'English on the element');
    });

    it('shows the language the attribute names when that one is reviewed, and a reviewed language as it is', async () => {
      state['es'] = { total: 376, translated: 376, reviewed: 376 };
      expect(isReviewed('es')).to.equal(true);
      await setPageLang('ar');
      const el = document.createElement('recovery-newsletter-signup') as Shown;
      el.setAttribute('languages-reviewed-only', 'es');
      el.setAttribute('language-picker', '');
      document.body.append(el);
      await until(() => getLocale() === 'es', 'Spanish instead of Arabic');
      await el.updateComplete;
      // The menu offers only what can be shown: English and Spanish.
      const offered = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#language-picker option')].map((o) => o.value);
      expect(offered).to.deep.equal(['en', 'es']);
      await setPageLang('es');
      expect(getLocale()).to.equal('es');
      state['es'] = { total: 376, translated: 376, reviewed: 375 };
      el.setAttribute('languages-reviewed-only', 'es ');
      await until(() => getLocale() === 'en', 'English once one Spanish string is not reviewed');
    });
  });
});
