// The built CMS script (dist/recovery-finder.js, made by `npm run build`, which `npm test` runs
// first): a small loader a city page includes with one script tag. It imports an element's
// code only when the element's tag is on the page, now or later.
import { expect } from '@open-wc/testing';
import { elements } from 'virtual:recovery-elements';
import { datasetUrl, requestCount, uniqueKey, until } from '../helpers.js';

/** Every element's tag (the registry, tools/elements.mjs). */
const TAGS = elements.map((e) => e.tag);
/** A chunk of an element other than `tag`'s, or of Leaflet, in a script URL. */
const otherChunk = (tag: string) =>
  new RegExp(`/cms/(${[...elements.filter((e) => e.tag !== tag).map((e) => e.name), 'leaflet'].join('|')})`);
const BUNDLE = '/dist/recovery-finder.js';
/** Datasets the loader asked for, not yet taken by their element. */
const prefetched = () => (globalThis as { [k: symbol]: Map<string, unknown> | undefined })[Symbol.for('recovery-finder.prefetch')];
/** The bundled dataset among them. */
const bundled = () => [...(prefetched()?.keys() ?? [])].filter((u) => /\/dist\/cms\/resources-[\w-]+\.json/.test(u));

/** Script URLs this page has fetched from dist/. */
const scripts = () =>
  performance
    .getEntriesByType('resource')
    .filter((e) => (e as PerformanceResourceTiming).initiatorType !== 'fetch')
    .map((e) => new URL(e.name).pathname)
    .filter((p) => p.startsWith('/dist/') && p.endsWith('.js'));

describe('the CMS loader', () => {
  before(async function () {
    const head = await fetch(BUNDLE, { method: 'HEAD' });
    if (!head.ok) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first (npm test does).`);
  });

  it('on a page with none of the tags, loads nothing but itself', async () => {
    await import(/* @vite-ignore */ BUNDLE);
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.equal(undefined);
    expect(scripts()).to.deep.equal([BUNDLE]);
  });

  it('loads an element when its tag is added later, and only that element', async () => {
    const el = document.createElement('recovery-newsletter-signup');
    document.body.append(el);
    await until(() => customElements.get('recovery-newsletter-signup') !== undefined, 'newsletter defined');
    await until(() => el.shadowRoot !== null, 'upgraded');
    for (const tag of TAGS.filter((t) => t !== 'recovery-newsletter-signup')) expect(customElements.get(tag), tag).to.equal(undefined);
    expect(scripts().some((s) => /\/cms\/newsletter-signup-/.test(s))).to.equal(true);
    expect(scripts().filter((s) => otherChunk('recovery-newsletter-signup').test(s))).to.deep.equal([]);
    // The chunks its chunk imports (Lit, the data code) were asked for with it, not one round
    // trip after it: each request began before the element's chunk had finished arriving
    // (without the loader's table they can only begin once it has arrived and been read).
    const timing = (re: RegExp) => performance.getEntriesByType('resource').find((e) => re.test(new URL(e.name).pathname)) as PerformanceResourceTiming;
    const own = timing(/\/cms\/newsletter-signup-[\w-]+\.js$/);
    for (const dep of [/\/cms\/lit-[\w-]+\.js$/, /\/cms\/data-[\w-]+\.js$/]) {
      const d = timing(dep);
      expect(d, String(dep)).to.not.equal(undefined);
      expect(d.startTime, `${d.name} began before ${own.name} arrived`).to.be.below(own.responseEnd);
    }
    el.remove();
  });

  it('finds a tag nested inside added markup', async () => {
    const box = document.createElement('div');
    box.innerHTML = '<section><p>Disposal</p><recovery-disposal-locator></recovery-disposal-locator></section>';
    document.body.append(box);
    await Promise.resolve(); // the loader's MutationObserver has run
    // No src: the bundled dataset is asked for at once, while the element's code is on its way.
    expect(customElements.get('recovery-disposal-locator'), 'the code is still on its way').to.equal(undefined);
    expect(bundled(), 'asked at once').to.have.length(1);
    await until(() => customElements.get('recovery-disposal-locator') !== undefined, 'disposal defined');
    const locator = box.querySelector('recovery-disposal-locator') as unknown as { store: { status: string } };
    await until(() => locator.store?.status === 'ready', 'the locator has its data');
    expect(bundled(), 'the element took that answer').to.deep.equal([]);
    expect(scripts().filter((s) => /\/cms\/(prsc-map|leaflet)/.test(s))).to.deep.equal([]);
    box.remove();
  });

  it('does not throw when a second copy runs on the same page, and both copies keep working', async () => {
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.message);
    window.addEventListener('error', onError);
    try {
      // A different URL is a second module instance: the whole loader runs again.
      await import(/* @vite-ignore */ `${BUNDLE}?copy=2`);
      const map = document.createElement('recovery-prsc-map');
      map.setAttribute('tile-url', '');
      document.body.append(map);
      await until(() => customElements.get('recovery-prsc-map') !== undefined, 'map defined');
      map.remove();
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
  });

  it('finds its bundled dataset beside the script, with no src given', async () => {
    const el = document.createElement('recovery-resource-search');
    document.body.append(el);
    await Promise.resolve(); // the loader's MutationObserver has run
    // The locator above had it already: not asked again, the elements' shared answer serves.
    expect(bundled(), 'not asked twice').to.deep.equal([]);
    const text = () => el.shadowRoot?.textContent ?? '';
    await until(() => /\d+ results/.test(text()), 'results shown');
    const asked = performance.getEntriesByType('resource').filter((e) => /\/dist\/cms\/resources-[\w-]+\.json/.test(e.name));
    expect(asked, 'one request in all').to.have.length(1);
    const shown = Number(/(\d+) results/.exec(text())![1]);
    expect(shown).to.be.greaterThan(100);
    expect(text()).to.contain('Need help now?');
    // Listing does not need fuse.js: it loads with the first query.
    expect(scripts().filter((s) => /fuse|rerank/.test(s))).to.deep.equal([]);
    const input = el.shadowRoot!.querySelector('input[type=search]') as HTMLInputElement;
    input.value = 'peer';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => scripts().some((s) => /\/cms\/rerank-/.test(s)), 'fuse.js re-ranking loaded on the first query');
    el.remove();
  });

  it("asks for an element's dataset before the element's code has loaded, and the element takes that answer", async () => {
    const key = uniqueKey('prefetch');
    const src = datasetUrl({ key });
    expect(customElements.get('recovery-my-list'), 'not loaded by an earlier test').to.equal(undefined);
    const el = document.createElement('recovery-my-list');
    el.setAttribute('src', src);
    document.body.append(el);
    await Promise.resolve(); // the loader's MutationObserver has run
    expect(prefetched()?.has(new URL(src, document.baseURI).href), 'asked at once').to.equal(true);
    expect(customElements.get('recovery-my-list'), 'the code is still on its way').to.equal(undefined);
    await until(() => customElements.get('recovery-my-list') !== undefined && (el as unknown as { store: { status: string } }).store?.status === 'ready', 'my list ready');
    expect(prefetched()?.has(new URL(src, document.baseURI).href), 'the answer was taken').to.equal(false);
    expect(await requestCount(key), 'one request in all').to.equal(1);
    el.remove();
  });
});
