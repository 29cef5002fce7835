import { fixture, html, expect } from '@open-wc/testing';
import '../../src/components/resource-search/resource-search.js';
import { RecoveryResourceSearch } from '../../src/components/resource-search/resource-search.js';
import { buildSearchIndex, SearchIndex } from '../../src/core/search.js';
import { datasetFrom } from '../../src/core/load.js';
import { stepBudget } from '../../src/core/slices.js';
import type { Resource } from '../../src/core/schema.js';
import { datasetUrl, failOnLitWarnings, until } from '../helpers.js';

interface Doc { resources: Array<Record<string, unknown>> }

async function json(): Promise<Doc> {
  const r = await fetch(datasetUrl({ fixture: 'dataset' }));
  return (await r.json()) as Doc;
}

/** The same document with every record renamed, so its cards can be told apart. */
function renamed(doc: Doc): Doc {
  return { ...doc, resources: doc.resources.map((r, i) => ({ ...r, id: `replacement-${i}`, name: `Example Replacement ${i + 1}` })) };
}

const root = (el: RecoveryResourceSearch) => el.shadowRoot as ShadowRoot;
const status = (el: RecoveryResourceSearch) => root(el).querySelector('[role="status"].status')?.textContent?.trim() ?? '';
const names = (el: RecoveryResourceSearch) => [...root(el).querySelectorAll('.results .card .name')].map((n) => n.textContent?.trim() ?? '');

describe('<recovery-resource-search> index built in slices', () => {
  failOnLitWarnings();
  const slice = RecoveryResourceSearch.indexSliceMs;
  // One record per slice: every build takes several turns of the event loop, whatever the machine.
  beforeEach(() => (RecoveryResourceSearch.indexSliceMs = 0));
  afterEach(() => (RecoveryResourceSearch.indexSliceMs = slice));

  it('core: the sliced build gives the same results as the one-pass build, and stops when aborted', async () => {
    const data = datasetFrom(await json()).dataset;
    const options = { timeZone: data.time_zone };
    const sliced = await buildSearchIndex(data.resources, options, { budget: stepBudget(1) });
    const whole = new SearchIndex(data.resources, options);
    const ids = (i: SearchIndex, q: string) => i.search(q).hits.map((h) => (h.resource as Resource).id);
    for (const q of ['', 'peer support', 'narcan', 'sober hous', 'recovry', 'worcester']) expect(ids(sliced, q), q).to.deep.equal(ids(whole, q));
    const abort = new AbortController();
    const pending = buildSearchIndex(data.resources, options, { budget: stepBudget(1), signal: abort.signal });
    abort.abort();
    let error: unknown;
    await pending.catch((e: unknown) => (error = e));
    expect((error as Error | undefined)?.name).to.equal('AbortError');
  });

  it('shows the loading state while the index builds, then the results', async () => {
    const doc = await json();
    const el = await fixture<RecoveryResourceSearch>(html`<recovery-resource-search no-location .data=${doc}></recovery-resource-search>`);
    expect(status(el)).to.equal('Loading services…');
    expect(names(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
    await until(() => status(el) === `${doc.resources.length} results`, 'results');
    expect(names(el)).to.have.length(doc.resources.length);
    await expect(el).to.be.accessible();
  });

  it("never shows a replaced dataset's results", async () => {
    const first = await json();
    const second = renamed(first);
    const seen = new Set<string>();
    const el = await fixture<RecoveryResourceSearch>(html`<recovery-resource-search no-location .data=${first}></recovery-resource-search>`);
    // Every state the element renders from now on.
    const observer = new MutationObserver(() => names(el).forEach((n) => seen.add(n)));
    observer.observe(root(el), { subtree: true, childList: true, characterData: true });
    expect(status(el), 'the first build is still under way').to.equal('Loading services…');
    el.data = second;
    await until(() => status(el) === `${second.resources.length} results`, 'results of the second dataset');
    // Let the first build finish too, had it not been stopped.
    await new Promise((r) => setTimeout(r, 200));
    observer.disconnect();
    expect(names(el)).to.have.members(second.resources.map((r) => r['name'] as string));
    const stale = first.resources.map((r) => r['name'] as string).filter((n) => seen.has(n));
    expect(stale).to.deep.equal([]);
    expect([...seen].length).to.be.greaterThan(0);
  });
});
