// <recovery-my-list> never prints "Open 24 hours" for a 24/7 claim that is over two years old or
// of unknown date (issue #22). Records: test/fixtures/truth-cards.json.
import { fixture, html, expect } from '@open-wc/testing';
import '../../src/components/my-list/my-list.js';
import type { RecoveryMyList } from '../../src/components/my-list/my-list.js';
import { MY_LIST_KEY, addToList } from '../../src/kit/card/my-list.js';
import { datasetUrl, failOnLitWarnings, uniqueKey, until, takeTurnsWithMyList } from '../helpers.js';

takeTurnsWithMyList();

describe('<recovery-my-list>: what a resident sees must be true', () => {
  failOnLitWarnings();
  afterEach(() => localStorage.removeItem(MY_LIST_KEY));

  it('says when an old or undated 24/7 claim was listed instead of "Open 24 hours"', async () => {
    localStorage.removeItem(MY_LIST_KEY);
    addToList([
      { id: 'old-24-7', name: 'Example: 24/7 centre listed in 2014' },
      { id: 'undated-24-7', name: 'Example: 24/7 kiosk of unknown date' },
    ]);
    const el = await fixture<RecoveryMyList>(html`<recovery-my-list src=${datasetUrl({ fixture: 'truth-cards', key: uniqueKey('ml-truth') })}></recovery-my-list>`);
    const hours = () => [...el.shadowRoot!.querySelectorAll('.hours')].map((p) => p.textContent!.trim());
    await until(() => hours().length === 2, 'the two places');
    expect(hours()).to.have.members(['Listed as 24/7 in 2014: call first', 'Listed as 24/7, date unknown: call first']);
    expect(el.shadowRoot!.textContent).not.to.contain('Open 24 hours');
    await expect(el).to.be.accessible();
  });
});
