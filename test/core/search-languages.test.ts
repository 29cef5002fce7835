// Issue #23: search in each language. Every language's crisis words bring the crisis lines
// (whatever the case and accents), every category word finds its category's records, and stop
// words never narrow a search, for every language in src/core/search-words/.
import { expect } from '@open-wc/testing';
import { SearchIndex, isCrisisQuery, loadRanking, normalize } from '../../src/core/search.js';
import { SEARCH_WORDS } from '../../src/core/search-words/index.js';
import { CATEGORIES, type Category, type Resource } from '../../src/core/schema.js';
import { CRISIS_TERMS, crisisWordsOf } from '../../src/core/synonyms.js';
import { CRISIS_WORDS } from '../../src/core/search-words/crisis.js';

/** One record per category, named so no name word is a category word. */
const records: Resource[] = CATEGORIES.map((c, i) => ({
  id: `r-${c}`,
  kind: 'service',
  name: `Zq${i} Xv`,
  categories: [c],
  provenance: { source: 'Test', status: 'verified' },
}));
const index = new SearchIndex(records, { timeZone: 'America/New_York' });
const found = (query: string) => index.search(query).hits.map((h) => h.resource.categories[0]);

const stripAccents = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');

describe('search in each language (#23)', () => {
  // Every language's category and stop words come with the ranking (English and Spanish are always there).
  before(async () => expect(await loadRanking()).to.equal(true));
  it('has words for English and Spanish at least', () => {
    expect(Object.keys(SEARCH_WORDS)).to.include.members(['en', 'es']);
  });

  for (const [tag, words] of Object.entries(SEARCH_WORDS)) {
    describe(tag, () => {
      it('has crisis words, and words for the main categories', () => {
        expect(crisisWordsOf(tag).length).to.be.greaterThan(2);
        for (const c of ['peer-support', 'treatment', 'naloxone', 'disposal', 'housing'] as Category[]) {
          expect(words.categories[c]?.length ?? 0, `${tag} ${c}`).to.be.greaterThan(0);
        }
      });

      it('sees a crisis in each crisis word, in a sentence, in capitals and without accents', () => {
        for (const w of crisisWordsOf(tag)) {
          expect(isCrisisQuery(w), w).to.equal(true);
          expect(isCrisisQuery(`${words.stop[0] ?? ''} ${w} ${words.stop[1] ?? ''}`), `… ${w} …`).to.equal(true);
          expect(isCrisisQuery(w.toLocaleUpperCase(tag)), w.toLocaleUpperCase(tag)).to.equal(true);
          expect(isCrisisQuery(stripAccents(w)), stripAccents(w)).to.equal(true);
          expect(index.search(w).crisis, w).to.equal(true);
          // A word of four letters or more also starts a longer one ("overdos" -> "overdosing");
          // in a script without spaces, it is found inside the query.
          if (/\p{Script=Han}/u.test(w)) expect(isCrisisQuery(`我${w}了`), `我${w}了`).to.equal(true);
          else if ((normalize(w).split(' ').pop() ?? '').length >= 4) expect(isCrisisQuery(`${w}ing`), `${w}ing`).to.equal(true);
        }
      });

      it('finds each category by each of its words, in capitals and without accents', () => {
        for (const [c, list] of Object.entries(words.categories)) {
          for (const w of list ?? []) {
            // A phrase made only of stop words (in some language) narrows nothing: it finds every record.
            expect(found(w), `${tag} "${w}"`).to.include(c);
            expect(found(stripAccents(w).toLocaleUpperCase(tag)), `${tag} "${w}" (capitals, no accents)`).to.include(c);
          }
        }
      });

      it('never narrows a search by a stop word', () => {
        const someCategory = Object.entries(words.categories).find(([, l]) => l?.length)!;
        const [c, [w]] = [someCategory[0], someCategory[1] ?? []];
        const plain = found(w ?? '');
        expect(plain).to.include(c);
        for (const stop of words.stop) expect(found(`${stop} ${w} ${stop}`), `"${stop}"`).to.deep.equal(plain);
      });
    });
  }

  it('always has the crisis words of every language, kept once: in crisis.ts, or in the built-in en.ts and es.ts', () => {
    const always = new Set(CRISIS_TERMS.map(normalize));
    for (const tag of Object.keys(SEARCH_WORDS)) for (const w of crisisWordsOf(tag)) expect(always.has(normalize(w)), `${tag} "${w}"`).to.equal(true);
    // The lazily loaded language files do not carry them again.
    for (const [tag, words] of Object.entries(SEARCH_WORDS)) expect(words.crisis === undefined, tag).to.equal(Object.hasOwn(CRISIS_WORDS, tag));
    expect(Object.keys(CRISIS_WORDS).sort()).to.deep.equal(Object.keys(SEARCH_WORDS).filter((t) => t !== 'en' && t !== 'es').sort());
  });

  it('does not see a crisis in everyday words', () => {
    for (const q of ['', 'dental', 'peer support', 'die cast', 'naloxone', 'apoyo entre pares', 'vivienda', 'djuda mútuu' /* mutual aid; "djuda m" is help me */]) expect(isCrisisQuery(q), q).to.equal(false);
  });

  it('reads Arabic without short vowels or hamza marks, Vietnamese without tones', () => {
    expect(normalize('أَزْمَة')).to.equal(normalize('ازمه'));
    expect(normalize('Đường dây nóng')).to.equal('duong day nong');
  });
});
