// Settings a site got wrong are ignored with a console warning naming the attribute: the
// element still works (issue #11, "bad configuration values give a broken view").
import { fixture, html, expect } from '@open-wc/testing';
import '../../src/components/resource-search/resource-search.js';
import '../../src/components/prsc-map/prsc-map.js';
import '../../src/components/disposal-locator/disposal-locator.js';
import { datasetUrl, failOnLitWarnings, uniqueKey, until } from '../helpers.js';

/** Console warnings while `run` runs. */
async function warningsDuring(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    seen.push(args.map(String).join(' '));
    original.apply(console, args);
  };
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return seen;
}

const statusOf = (el: Element) => el.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim() ?? '';

describe('settings a site got wrong', () => {
  failOnLitWarnings();

  for (const pageSize of ['0', '-3', 'ten', '2.5']) {
    it(`search: page-size="${pageSize}" warns and shows 20 at a time`, async () => {
      let shown = 0;
      const warnings = await warningsDuring(async () => {
        const el = await fixture(html`<recovery-resource-search no-location page-size=${pageSize}
          src=${datasetUrl({ key: uniqueKey('ps') })}></recovery-resource-search>`);
        await until(() => statusOf(el) === '11 results', 'results');
        shown = el.shadowRoot!.querySelectorAll('.results > li').length;
      });
      expect(shown).to.equal(11);
      expect(warnings.some((w) => w.includes(`page-size="${pageSize === 'ten' ? 'NaN' : pageSize}"`))).to.equal(true, warnings.join('\n'));
    });
  }

  it('search: a category that does not exist warns and is ignored', async () => {
    const warnings = await warningsDuring(async () => {
      const el = await fixture(html`<recovery-resource-search no-location category="peer-support,dragons"
        src=${datasetUrl({ key: uniqueKey('cat') })}></recovery-resource-search>`);
      await until(() => statusOf(el) === '2 results', 'the peer-support results');
    });
    expect(warnings.some((w) => w.includes('dragons is not a category'))).to.equal(true, warnings.join('\n'));
  });

  it('PRSC map: a region that is not in the data warns and shows every region', async () => {
    const warnings = await warningsDuring(async () => {
      const el = await fixture(html`<recovery-prsc-map tile-url="" region="Atlantis"
        src=${datasetUrl({ fixture: 'prsc-centres' })}></recovery-prsc-map>`);
      await until(() => el.shadowRoot!.querySelectorAll('li.centre').length > 0, 'centres');
      expect(el.shadowRoot!.querySelector<HTMLSelectElement>('#region')!.value).to.equal('');
    });
    expect(warnings.some((w) => w.includes('region="Atlantis" is not a region'))).to.equal(true, warnings.join('\n'));
  });

  it('disposal locator: an unknown item and a limit of 0 warn and use the defaults', async () => {
    const warnings = await warningsDuring(async () => {
      const el = await fixture(html`<recovery-disposal-locator no-map item="plutonium" limit="0"
        src=${datasetUrl({ fixture: 'disposal-sites' })}></recovery-disposal-locator>`);
      await until(() => !statusOf(el).startsWith('Loading'), 'data');
      expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"][value="pills"]')!.checked).to.equal(true);
    });
    expect(warnings.some((w) => w.includes('item="plutonium"'))).to.equal(true, warnings.join('\n'));
    expect(warnings.some((w) => w.includes('limit="0"'))).to.equal(true, warnings.join('\n'));
  });
});
