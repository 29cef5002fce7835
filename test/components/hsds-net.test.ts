// The elements with `api` on a busy or slow directory: the synthetic HSDS directory of
// test/server/hsds-plugin.mjs (a real local HTTP endpoint) answers 429/503 with Retry-After,
// or holds its later pages until released. A test clock (core/load.ts `loadTiming`) stands in
// for real seconds: waits are recorded, the 20 s budget runs out when the test says so.
import { fixture, html, expect } from '@open-wc/testing';
import '../../src/components/resource-search/resource-search.js';
import '../../src/components/prsc-map/prsc-map.js';
import type { RecoveryResourceSearch } from '../../src/components/resource-search/resource-search.js';
import type { RecoveryPrscMap } from '../../src/components/prsc-map/prsc-map.js';
import { LOAD_BUDGET_MS, loadTiming, realClock } from '../../src/core/load.js';
import { clearHsdsCache } from '../../src/core/sources/hsds-api.js';
import { TestClock, datasetUrl, failOnLitWarnings, localeReady, until } from '../helpers.js';

const ZIPS = datasetUrl({ fixture: 'search-zips' });
let n = 0;
const uniqueKey = () => `hsds-el-${Date.now()}-${n++}`;
const synth = (opts: string) => `/test-api/hsds-synth/${opts}/`;
const stats = async (key: string) => (await (await fetch(`/test-api/hsds-synth-count?key=${key}`)).json()) as { count: number; pages: number[] };

type El = RecoveryResourceSearch | RecoveryPrscMap;
const root = (el: El) => el.shadowRoot as ShadowRoot;
const $ = (el: El, sel: string) => root(el).querySelector<HTMLElement>(sel);
const text = (el: El, sel: string) => $(el, sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const cards = (el: RecoveryResourceSearch) => root(el).querySelectorAll('.results .card .name').length;
const centres = (el: RecoveryPrscMap) => root(el).querySelectorAll('.centres .name').length;
const tryAgain = (el: El, sel: string) => [...root(el).querySelectorAll(`${sel} button`)].some((b) => /try again|intentar/i.test(b.textContent ?? ''));

const search = (api: string, lang = 'en') =>
  fixture<HTMLDivElement>(html`<div lang=${lang}><recovery-resource-search style="width: 1000px" api=${api} page-size="20"
    zip-table-url=${ZIPS} zip-table-national-url=${ZIPS}></recovery-resource-search></div>`).then((w) => w.firstElementChild as RecoveryResourceSearch);
const prscMap = (api: string, lang = 'en') =>
  fixture<HTMLDivElement>(html`<div lang=${lang}><recovery-prsc-map style="width: 1000px" api=${api}
    zip-table-url=${ZIPS} zip-table-national-url=${ZIPS}></recovery-prsc-map></div>`).then((w) => w.firstElementChild as RecoveryPrscMap);

describe('the elements with api on a busy or slow directory', () => {
  failOnLitWarnings();
  let clock: TestClock;
  beforeEach(() => {
    clock = new TestClock();
    loadTiming.clock = clock;
    clearHsdsCache();
  });
  afterEach(() => {
    loadTiming.clock = realClock;
  });

  describe('Retry-After', () => {
    it('<recovery-resource-search api>: a 429 asking 3 s is waited out, then the results show', async () => {
      const key = uniqueKey();
      const el = await search(synth(`n=30,key=${key},busy=1,retry-after=3`));
      await until(() => cards(el) === 20, 'the first 20 results');
      expect((await stats(key)).count).to.equal(2);
      expect(clock.waits).to.deep.equal([3000]);
      expect($(el, '.load-error')).to.equal(null);
    });

    it('<recovery-prsc-map api>: a 503 asking an HTTP date 4 s ahead is waited out, then the centres show', async () => {
      const key = uniqueKey();
      const el = await prscMap(synth(`n=5,key=${key},busy=1,status=503,retry-after=date:4`));
      await until(() => centres(el) === 5, 'the centres');
      // taxonomies (busy), taxonomies, taxonomy_terms, services.
      expect((await stats(key)).count).to.equal(4);
      // The HTTP date's wait (whole seconds, read a moment later), not the usual 600 ms backoff.
      expect(clock.waits).to.have.length(1);
      expect(clock.waits[0]).to.be.within(2000, 4000);
    });

    for (const [tag, make] of [['resource-search', search], ['prsc-map', prscMap]] as const) {
      it(`<recovery-${tag} api>: a wait past the budget is not waited; said in words with the help contacts (en, es)`, async () => {
        const key = uniqueKey();
        const el = await make(synth(`n=5,key=${key},busy=99,retry-after=120`));
        await until(() => $(el, '.load-error') !== null, 'the words');
        expect(text(el, '.load-error')).to.match(/The server is busy and cannot send the list of (services|centres) now\. Try again in about 2 minutes\./);
        expect($(el, '.load-error')?.getAttribute('role')).to.equal('alert');
        expect(text(el, 'slot[name="help"]')).to.match(/988/);
        expect(tryAgain(el, '.load-error')).to.equal(true);
        expect((await stats(key)).count).to.equal(1);
        expect(clock.waits).to.deep.equal([]);
        await expect(el).to.be.accessible();

        el.parentElement?.remove(); // (the help block is then the Spanish element's own)
        const es = await make(synth(`n=5,key=${uniqueKey()},busy=99,retry-after=date:7200`), 'es');
        await localeReady();
        await until(() => $(es, '.load-error') !== null, 'the words in Spanish');
        expect(text(es, '.load-error')).to.match(/ocupado.*unas 2 horas/);
        expect(text(es, 'slot[name="help"]')).to.match(/988/);
      });
    }
  });

  describe('a slow directory (later pages held)', () => {
    it('<recovery-prsc-map api>: the first page\'s centres show while page 2 is held; past the budget, those centres and words', async () => {
      const key = uniqueKey();
      const el = await prscMap(synth(`n=250,hold=2,key=${key}`));
      await until(() => centres(el) === 100, 'the first page on screen');
      expect((await stats(key)).pages).to.include(1);
      while (!(await stats(key)).pages.includes(2)) await new Promise((r) => setTimeout(r, 20));
      expect($(el, '.load-unfinished')).to.equal(null);
      await until(() => clock.running > 0, 'a time limit on page 2');
      clock.advance(LOAD_BUDGET_MS);
      await until(() => $(el, '.load-unfinished') !== null, 'the words');
      expect(centres(el)).to.equal(100);
      expect(text(el, '.load-unfinished')).to.match(/Only part of the list of centres came\. The rest did not come in time\./);
      expect(text(el, 'slot[name="help"]')).to.match(/988/);
      expect(tryAgain(el, '.load-unfinished')).to.equal(true);
      expect((await stats(key)).pages).to.deep.equal([1, 2]);
      await expect(el).to.be.accessible();
      await fetch(`/test-api/hsds-synth-release?key=${key}`);
    });

    it('<recovery-resource-search api>: "Show more" on a held page 2 keeps page 1 on screen; past the budget, words', async () => {
      const key = uniqueKey();
      const el = await search(synth(`n=250,hold=2,key=${key}`));
      await until(() => cards(el) === 20, 'page 1');
      [...root(el).querySelectorAll<HTMLButtonElement>('button[part="more"]')][0]?.click();
      while (!(await stats(key)).pages.includes(2)) await new Promise((r) => setTimeout(r, 20));
      expect(cards(el)).to.equal(20);
      await until(() => clock.running > 0, 'a time limit on page 2');
      clock.advance(LOAD_BUDGET_MS);
      await until(() => $(el, '.load-unfinished') !== null, 'the words');
      expect(cards(el)).to.equal(20);
      expect(text(el, '.load-unfinished')).to.match(/Only part of the list of services came\. The rest did not come in time\./);
      expect(text(el, 'slot[name="help"]')).to.match(/988/);
      await expect(el).to.be.accessible();
      await fetch(`/test-api/hsds-synth-release?key=${key}`);
    });
  });
});
