// Parts of <recovery-resource-search> that are not needed at first paint load when first used
// (issue #9: a CMS page with only the search stays light). Each test checks that the part's
// module was not fetched before it was needed, and that the first use works at once: a card
// button's first press by keyboard is not lost and the focus stays on it; an empty search
// shows its view with the "No results" status. This file runs in a page of its own, so the
// modules start unloaded; the tests run in order.
import { fixture, html, expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/resource-search/resource-search.js';
import type { RecoveryResourceSearch } from '../../src/components/resource-search/resource-search.js';
import { MY_LIST_KEY } from '../../src/kit/card/my-list.js';
import { datasetUrl, failOnLitWarnings, setGeolocation, until, uniqueKey, takeTurnsWithMyList } from '../helpers.js';

takeTurnsWithMyList();

/** True once the page has fetched a module whose path contains `name`. */
const fetched = (name: string) => performance.getEntriesByType('resource').some((e) => e.name.includes(name));

const ZIPS = datasetUrl({ fixture: 'search-zips' });

async function make(): Promise<RecoveryResourceSearch> {
  const el = await fixture<RecoveryResourceSearch>(html`<recovery-resource-search style="width: 1000px"
    src=${datasetUrl({ key: uniqueKey('lazy') })} zip-table-url=${ZIPS} zip-table-national-url=${ZIPS}></recovery-resource-search>`);
  await until(() => !!el.shadowRoot?.querySelector('.results .card'), 'results');
  return el;
}

describe('resource-search: parts loaded when first used', () => {
  failOnLitWarnings();
  beforeEach(() => localStorage.removeItem(MY_LIST_KEY));
  after(() => localStorage.removeItem(MY_LIST_KEY));

  it('a card button works at its first press by keyboard, with its code loaded then; the focus stays', async () => {
    const el = await make();
    expect(fetched('card-share'), 'the card actions are not loaded before a press').to.equal(false);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('.results .my-list-toggle')!;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => button.getAttribute('aria-pressed') === 'true', 'added to my list');
    expect(fetched('card-share')).to.equal(true);
    expect(JSON.parse(localStorage.getItem(MY_LIST_KEY) ?? '[]')).to.have.length(1);
    expect(el.shadowRoot!.activeElement, 'the focus stays on the button').to.equal(button);
    await until(() => /Added to your list/.test(el.shadowRoot!.querySelector('.card-actions-status')?.textContent ?? ''), 'said');
    // And again: off the list.
    await sendKeys({ press: 'Space' });
    await until(() => button.getAttribute('aria-pressed') === 'false', 'removed');
    expect(el.shadowRoot!.activeElement).to.equal(button);
  });

  it('an empty search loads its view and shows it together with "No results"; accessible', async () => {
    const el = await make();
    expect(fetched('empty-view'), 'the empty-search view is not loaded before an empty search').to.equal(false);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.value = 'qqqqzzzz';
    input.dispatchEvent(new Event('input'));
    const status = () => el.shadowRoot!.querySelector('.status')?.textContent?.trim();
    await until(() => status() === 'No results', 'no results');
    // The status never says "No results" before the view with ways out is there.
    expect(el.shadowRoot!.querySelector('.notice.empty')?.textContent).to.match(/help lines/);
    expect(el.shadowRoot!.querySelector('button.secondary')?.textContent).to.match(/\S/);
    expect(fetched('empty-view')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('the API search is not loaded without `api`', () => {
    expect(fetched('api-search')).to.equal(false);
  });

  it('the ZIP lookup loads with the first ZIP given, which it then finds', async () => {
    const el = await make();
    expect(fetched('zip-lookup'), 'the ZIP lookup is not loaded before a ZIP is given').to.equal(false);
    el.shadowRoot!.querySelector<HTMLInputElement>('#zip')!.focus();
    await sendKeys({ type: '01609' });
    await sendKeys({ press: 'Enter' });
    await until(() => (el.shadowRoot!.querySelector('.status')?.textContent ?? '').includes('near 01609'), 'near 01609');
    expect(fetched('zip-lookup')).to.equal(true);
  });

  it('"Use my location" works at its first press by keyboard', async () => {
    await setGeolocation({ latitude: 42.3396, longitude: -71.0743 });
    try {
      const el = await make();
      el.shadowRoot!.querySelector<HTMLButtonElement>('button.locate')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => (el.shadowRoot!.querySelector('.status')?.textContent ?? '').includes('near your location'), 'located');
    } finally {
      await setGeolocation({ reset: true });
    }
  });
});
