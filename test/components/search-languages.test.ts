// Issue #23: search in each language, in the element. On a page in each language search
// knows, that language's crisis word brings the crisis lines above the results, and its word
// for peer support finds the peer-support records (and not the drop box).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/resource-search/resource-search.js';
import type { RecoveryResourceSearch } from '../../src/components/resource-search/resource-search.js';
import { SEARCH_WORDS } from '../../src/core/search-words/index.js';
import { crisisWordsOf } from '../../src/core/synonyms.js';
import { datasetUrl, failOnLitWarnings, localeReady, uniqueKey, until } from '../helpers.js';

const ZIPS = datasetUrl({ fixture: 'disposal-zips-ma' });

async function make(lang: string): Promise<RecoveryResourceSearch> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><recovery-resource-search style="width: 1000px"
    src=${datasetUrl({ fixture: 'translated', key: uniqueKey('sl') })} zip-table-url=${ZIPS} zip-table-national-url=${ZIPS} no-location></recovery-resource-search></div>`);
  await localeReady();
  const el = wrapper.firstElementChild as RecoveryResourceSearch;
  await until(() => el.shadowRoot!.querySelectorAll('.results .card').length === 3, 'every record listed');
  return el;
}

/** Type a query as a person would (the field's input event). */
function type(el: RecoveryResourceSearch, text: string): void {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

const ids = (el: RecoveryResourceSearch) =>
  [...el.shadowRoot!.querySelectorAll('.results .card')].map((c) => c.getAttribute('aria-labelledby')?.replace(/^name-/, '')).sort();

describe('<recovery-resource-search> in each language (#23)', () => {
  failOnLitWarnings();

  for (const [tag, words] of Object.entries(SEARCH_WORDS)) {
    it(`${tag}: each crisis word brings the crisis lines first; each word for peer support finds it`, async () => {
      const el = await make(tag);
      const root = el.shadowRoot!;
      const urgent = () => root.querySelector('.main .help.urgent');
      /** Clear the query between two words, so each answer is that word's own. */
      const clear = async () => {
        type(el, 'zzqx');
        await until(() => !urgent() && ids(el).length === 0, 'no results');
      };
      for (const w of crisisWordsOf(tag)) {
        await clear();
        type(el, w);
        await until(() => !!urgent(), `urgent help for "${w}"`);
        const after = root.querySelector('.results, .empty')!;
        expect(urgent()!.compareDocumentPosition(after) & Node.DOCUMENT_POSITION_FOLLOWING, w).to.be.greaterThan(0);
      }
      expect(urgent()!.textContent).to.include('(617) 555-0199');
      // The fixture's line has Spanish and Arabic words; other pages show its English, marked so.
      const desc = urgent()!.querySelector('.help-desc')!;
      const own = tag === 'es' || tag === 'ar' ? tag : 'en';
      expect(desc.getAttribute('lang')).to.equal(own);
      if (own === 'en') expect(desc.textContent).to.equal('Talk to someone any time.');

      for (const w of words.categories['peer-support'] ?? []) {
        await clear();
        type(el, w);
        // The answer to this word (the empty list of the last one stands until it comes).
        await until(() => ids(el).join() === 'tr-prsc,tr-service', `the peer-support records for "${w}"`);
      }
    });
  }
});
