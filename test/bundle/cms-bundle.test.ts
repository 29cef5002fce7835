// The built CMS bundle (dist/recovery-finder.js, made by `npm run build`, which `npm test`
// runs first): what a city page loads with one script tag.
import { expect } from '@open-wc/testing';

const TAGS = ['recovery-resource-search', 'recovery-prsc-map', 'recovery-disposal-locator', 'recovery-newsletter-signup'];
const BUNDLE = '/dist/recovery-finder.js';

describe('the CMS bundle', () => {
  before(async function () {
    const head = await fetch(BUNDLE, { method: 'HEAD' });
    if (!head.ok) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first (npm test does).`);
  });

  it('registers every element', async () => {
    await import(/* @vite-ignore */ BUNDLE);
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.be.a('function');
  });

  it('does not throw when a second copy runs on the same page', async () => {
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.message);
    window.addEventListener('error', onError);
    try {
      // A different URL is a second module instance: the whole bundle runs again.
      await import(/* @vite-ignore */ `${BUNDLE}?copy=2`);
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.be.a('function');
  });

  it('finds its bundled dataset beside the script, with no src given', async () => {
    await import(/* @vite-ignore */ BUNDLE);
    const el = document.createElement('recovery-resource-search');
    document.body.append(el);
    const start = performance.now();
    const text = () => el.shadowRoot?.textContent ?? '';
    while (!/\d+ results/.test(text())) {
      if (performance.now() - start > 10_000) throw new Error(`no results shown: ${text().slice(0, 300)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const shown = Number(/(\d+) results/.exec(text())![1]);
    expect(shown).to.be.greaterThan(100);
    expect(text()).to.contain('Need help now?');
    el.remove();
  });
});
