import { fixture, html, expect } from '@open-wc/testing';
import '../../src/components/resource-search/resource-search.js';
import { RecoveryResourceSearch } from '../../src/components/resource-search/resource-search.js';
import { SearchIndex, loadRanking } from '../../src/core/search.js';
import { HEAD_RECORDS, datasetFrom, datasetFromSliced, validationSlicing } from '../../src/core/load.js';
import { stepBudget } from '../../src/core/slices.js';
import type { DatasetController, PreviewInfo } from '../../src/kit/base/dataset-controller.js';
import { datasetUrl, failOnLitWarnings, localeReady, uniqueKey, until } from '../helpers.js';

interface Doc { resources: Array<Record<string, unknown>> }

async function json(): Promise<Doc> {
  const r = await fetch(datasetUrl({ fixture: 'dataset' }));
  return (await r.json()) as Doc;
}

const root = (el: RecoveryResourceSearch) => el.shadowRoot as ShadowRoot;
const status = (el: RecoveryResourceSearch) => root(el).querySelector('[role="status"].status')?.textContent?.trim() ?? '';
const names = (el: RecoveryResourceSearch) => [...root(el).querySelectorAll('.results .card .name')].map((n) => n.textContent?.trim() ?? '');
/** The element's data controller (protected; read here to count previews, never to time them). */
const store = (el: RecoveryResourceSearch) => (el as unknown as { store: DatasetController<unknown> }).store;

/** A search over `doc`, connected, watched from its first render on. */
async function mount(doc: Doc, lang = 'en', onChange?: (s: Snapshot) => void): Promise<{ el: RecoveryResourceSearch; seen: Snapshot[] }> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  const el = document.createElement('recovery-resource-search') as RecoveryResourceSearch;
  el.noLocation = true;
  el.data = doc;
  wrapper.append(el);
  // Connected: the shadow root is there, the first render is not yet done.
  return { el, seen: watch(el, onChange) };
}

/**
 * Like `mount`, while another reader of the same document holds its validation once the
 * preview is made: the preview stays on screen until `release()` (which waits for that reader).
 */
async function mountHeld(doc: Doc, lang = 'en'): Promise<{ el: RecoveryResourceSearch; seen: Snapshot[]; release: () => Promise<void> }> {
  let open = () => {};
  const gate = new Promise<void>((r) => (open = r));
  const { el, seen } = await mount(doc, lang);
  const other = datasetFromSliced(doc, undefined, undefined, () => (store(el).preview ? gate : undefined));
  return {
    el,
    seen,
    release: async () => {
      open();
      await other;
    },
  };
}

interface Snapshot { status: string; names: string[]; preview: PreviewInfo | undefined }

/** Every state the element renders (taken as each change happens, so none is missed). */
function watch(el: RecoveryResourceSearch, onChange?: (s: Snapshot) => void): Snapshot[] {
  const seen: Snapshot[] = [];
  const take = () => {
    const s = { status: status(el), names: names(el), preview: store(el).preview };
    const last = seen[seen.length - 1];
    if (last && last.status === s.status && last.names.join('|') === s.names.join('|')) return;
    seen.push(s);
    onChange?.(s);
  };
  new MutationObserver(take).observe(root(el), { subtree: true, childList: true, characterData: true });
  take();
  return seen;
}

describe('<recovery-resource-search> first results before the whole dataset is ready', () => {
  failOnLitWarnings();
  const saved = { preview: RecoveryResourceSearch.previewRecords, first: RecoveryResourceSearch.previewFirst, slice: RecoveryResourceSearch.indexSliceMs };
  beforeEach(() => {
    // A preview from the first 3 records; validation one record per slice and indexing in
    // one-record slices, so the preview comes before the last record is validated on any machine.
    RecoveryResourceSearch.previewRecords = 3;
    RecoveryResourceSearch.indexSliceMs = 0;
    validationSlicing.budget = stepBudget(1);
  });
  afterEach(() => {
    RecoveryResourceSearch.previewRecords = saved.preview;
    RecoveryResourceSearch.previewFirst = saved.first;
    RecoveryResourceSearch.indexSliceMs = saved.slice;
    validationSlicing.budget = undefined;
  });

  it('shows results from the first records, says "so far", then the full results', async () => {
    const doc = await json();
    const total = doc.resources.length;
    const full = datasetFrom(structuredClone(doc)).dataset;
    const { el, seen, release } = await mountHeld(doc);
    await until(() => seen.some((s) => s.names.length > 0), 'first results');
    expect(store(el).status).to.equal('loading');
    await expect(el).to.be.accessible();
    await release();
    // The first view is a preview, made before the last record was validated.
    const shown = seen.find((s) => s.names.length > 0) as Snapshot;
    const preview = shown.preview as PreviewInfo;
    expect(preview, 'a preview is on screen').to.not.equal(undefined);
    expect(preview.records).to.equal(3);
    expect(preview.checked).to.be.below(total);
    expect(preview.total).to.equal(total);
    // What it shows is right for what it claims: the search over the first 3 valid records.
    const first = new SearchIndex(full.resources.slice(0, 3), { timeZone: full.time_zone }).search('').hits.map((h) => h.resource.name);
    expect(shown.names).to.deep.equal(first);
    expect(shown.status).to.equal(`3 results so far, from the first 3 of ${total} entries; still loading…`);
    // Then the whole dataset, the same as a search over all of it, said without "so far".
    await until(() => store(el).status === 'ready', 'the whole dataset');
    await el.updateComplete;
    const all = new SearchIndex(full.resources, { timeZone: full.time_zone }).search('').hits.map((h) => h.resource.name);
    expect(names(el)).to.deep.equal(all.slice(0, 20));
    expect(status(el)).to.equal(`${all.length} results`);
    expect(store(el).preview).to.equal(undefined);
    expect(store(el).previews).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('a query typed during the preview is answered from the records so far, then from all', async () => {
    const doc = await json();
    const full = datasetFrom(structuredClone(doc)).dataset;
    // The element ranks with fuse.js once loaded; so do the searches it is compared with.
    await loadRanking();
    const { el, release } = await mountHeld(doc);
    await until(() => store(el).preview !== undefined && names(el).length > 0, 'the preview');
    const input = root(el).querySelector('input') as HTMLInputElement;
    input.value = 'recovery';
    input.dispatchEvent(new Event('input'));
    const hits = (rs: typeof full.resources) => new SearchIndex(rs, { timeZone: full.time_zone }).search('recovery').hits.map((h) => h.resource.name);
    const soFar = hits(full.resources.slice(0, 3));
    const total = doc.resources.length;
    const count = soFar.length === 0 ? 'No results' : soFar.length === 1 ? '1 result' : `${soFar.length} results`;
    await until(() => status(el) === `${count} so far, from the first 3 of ${total} entries; still loading…`, 'the query over the records so far');
    expect(names(el)).to.deep.equal(soFar.slice(0, 20));
    await release();
    await until(() => store(el).status === 'ready', 'the whole dataset');
    await el.updateComplete;
    const all = hits(full.resources);
    expect(names(el)).to.deep.equal(all.slice(0, 20));
    expect(status(el)).to.equal(`${all.length} results`);
  });

  it('says "so far" in Spanish', async () => {
    const doc = await json();
    const total = doc.resources.length;
    const { el, release } = await mountHeld(doc, 'es');
    await localeReady();
    const spanish = `3 resultados hasta ahora, de los primeros 3 de ${total} registros; todavía se está cargando…`;
    await until(() => status(el) === spanish, 'the preview in Spanish');
    await expect(el).to.be.accessible();
    await release();
    await until(() => store(el).status === 'ready', 'the whole dataset');
    await el.updateComplete;
    expect(status(el)).to.equal(`${total} resultados`);
  });

  it('previews a dataset loaded from a URL too', async () => {
    const doc = await json();
    const total = doc.resources.length;
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('recovery-resource-search') as RecoveryResourceSearch;
    el.noLocation = true;
    el.src = datasetUrl({ fixture: 'dataset', key: uniqueKey('preview-url') });
    wrapper.append(el);
    const seen = watch(el);
    await until(() => store(el).status === 'ready', 'the whole dataset');
    await el.updateComplete;
    expect(store(el).previews).to.equal(1);
    expect(seen.some((s) => s.preview && s.status === `3 results so far, from the first 3 of ${total} entries; still loading…`)).to.equal(true);
    expect(status(el)).to.equal(`${total} results`);
  });

  it('a dataset no larger than the preview is shown whole, with no preview', async () => {
    RecoveryResourceSearch.previewRecords = 1000;
    const doc = await json();
    const el = await fixture<RecoveryResourceSearch>(html`<recovery-resource-search no-location .data=${doc}></recovery-resource-search>`);
    await until(() => store(el).status === 'ready', 'results');
    expect(store(el).previews).to.equal(0);
  });

  it('a first view as soon as `previewFirst` records are valid: what is valid by then, up to `previewRecords`', async () => {
    RecoveryResourceSearch.previewRecords = 1000;
    RecoveryResourceSearch.previewFirst = 2;
    // Three records per slice: the first pause comes with 3 records checked.
    validationSlicing.budget = stepBudget(3);
    const doc = await json();
    const total = doc.resources.length;
    const full = datasetFrom(structuredClone(doc)).dataset;
    const { el, seen, release } = await mountHeld(doc);
    await until(() => seen.some((s) => s.names.length > 0), 'first results');
    await release();
    const shown = seen.find((s) => s.names.length > 0) as Snapshot;
    const preview = shown.preview as PreviewInfo;
    expect(preview, 'a preview is on screen').to.not.equal(undefined);
    // Not 1,000 records (the most a preview holds), and not the whole dataset: the first slice's.
    expect(preview.records).to.be.at.least(2);
    expect(preview.records).to.be.below(total);
    expect(preview.checked).to.be.below(total);
    const first = new SearchIndex(full.resources.slice(0, preview.records), { timeZone: full.time_zone }).search('').hits.map((h) => h.resource.name);
    expect(shown.names).to.deep.equal(first.slice(0, 20));
    await until(() => store(el).status === 'ready', 'the whole dataset');
    expect(store(el).previews).to.equal(1);
  });

  it('no preview for a dataset of at most twice `previewFirst` records', async () => {
    const doc = await json();
    RecoveryResourceSearch.previewRecords = 1000;
    RecoveryResourceSearch.previewFirst = Math.ceil(doc.resources.length / 2);
    const el = await fixture<RecoveryResourceSearch>(html`<recovery-resource-search no-location .data=${doc}></recovery-resource-search>`);
    await until(() => store(el).status === 'ready', 'results');
    expect(store(el).previews).to.equal(0);
  });
});

/** Let a held dataset (`hold=1`) go once the server holds it (after sending its first 60%). */
async function releaseWhenHeld(key: string): Promise<void> {
  let released = false;
  let asking = false;
  const ask = async () => {
    const r = await fetch(`/test-api/release?key=${encodeURIComponent(key)}`);
    released = ((await r.json()) as { released: boolean }).released;
    asking = false;
  };
  await until(() => {
    if (!released && !asking) {
      asking = true;
      void ask();
    }
    return released;
  }, 'the server to hold the rest of the document, then let it go');
}

describe('<recovery-resource-search> a large document: first results from its head, before it is validated', () => {
  failOnLitWarnings();
  afterEach(() => {
    validationSlicing.budget = undefined;
  });

  /** A search reading the fixture's records `copies` times over from the test endpoint. */
  async function large(params: Record<string, string | number> = {}, lang = 'en'): Promise<{ el: RecoveryResourceSearch; seen: Snapshot[]; total: number }> {
    // Validation pauses every 7 records: a preview of exactly 300 checked can only be the head's.
    validationSlicing.budget = stepBudget(7);
    const copies = 200;
    const base = await json();
    const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
    const el = document.createElement('recovery-resource-search') as RecoveryResourceSearch;
    el.noLocation = true;
    el.src = datasetUrl({ fixture: 'dataset', copies, key: uniqueKey('preview-large'), ...params });
    wrapper.append(el);
    return { el, seen: watch(el), total: base.resources.length * copies };
  }

  it('read as it arrives: first results only once the whole document has come and parsed (nothing after could replace them), before it is validated', async () => {
    const key = uniqueKey('preview-hold');
    const { el, seen, total } = await large({ hold: 1, key });
    // The server holds back the last 40% of the document until the test lets it go.
    await releaseWhenHeld(key);
    await until(() => store(el).status === 'ready', 'the whole dataset');
    await el.updateComplete;
    const first = seen.find((s) => s.names.length > 0) as Snapshot;
    const preview = first.preview as PreviewInfo;
    expect(preview.checked).to.equal(HEAD_RECORDS);
    expect(preview.total, 'told once the whole document is known').to.equal(total);
    expect(preview.records).to.be.at.most(HEAD_RECORDS);
    expect(store(el).previews).to.equal(1);
    expect(status(el)).to.equal(`${total.toLocaleString('en')} results`);
  });

  it('says it in Spanish', async () => {
    const key = uniqueKey('preview-hold-es');
    const { el, seen } = await large({ hold: 1, key }, 'es');
    await localeReady();
    await releaseWhenHeld(key);
    await until(() => store(el).status === 'ready', 'the whole dataset');
    expect(seen.some((s) => /^\d+ resultados hasta ahora, de los primeros [\d.,\s]+ de [\d.,\s]+ registros; todavía se está cargando…$/.test(s.status)), seen.map((s) => s.status).join(' | ')).to.equal(true);
  });

  it('sent without a Content-Length: the head from the whole text, once it has come', async () => {
    const { el, seen, total } = await large({ chunked: 1 });
    await until(() => store(el).status === 'ready', 'the whole dataset');
    await el.updateComplete;
    const preview = (seen.find((s) => s.names.length > 0) as Snapshot).preview as PreviewInfo;
    expect(preview.checked).to.equal(HEAD_RECORDS);
    expect(store(el).previews).to.equal(1);
    expect(status(el)).to.equal(`${total.toLocaleString('en')} results`);
  });
});
