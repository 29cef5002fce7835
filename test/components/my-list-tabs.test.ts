// "My list" kept by several documents at once (#20): two same-origin documents (iframes, each a
// page of its own with its own copy of the modules) change the list in turn; every write is made
// against what is stored at that moment, each view follows the others through the `storage`
// event, nothing anyone added is lost, "Added" is said only once the browser kept it, and a value
// of another shape under the key is never overwritten.
import { fixture, html, expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/components/my-list/my-list.js';
import '../../src/components/resource-search/resource-search.js';
import type { RecoveryMyList } from '../../src/components/my-list/my-list.js';
import type { RecoveryResourceSearch } from '../../src/components/resource-search/resource-search.js';
import { MY_LIST_KEY, MY_LIST_MAX, addToList, clearList, removeFromList } from '../../src/kit/card/my-list.js';
import { datasetUrl, failOnLitWarnings, localeReady, uniqueKey, until, takeTurnsWithMyList } from '../helpers.js';

takeTurnsWithMyList();

type ListModule = typeof import('../../src/kit/card/my-list.js');
interface Tab {
  frame: HTMLIFrameElement;
  list: ListModule;
  /** The ids the tab's <recovery-my-list> shows, in order. */
  shown: () => string[];
  /** The last value of PING the tab's page was told of (its `storage` event). */
  pinged: () => string | null;
}

/**
 * A key of the tests' own: a write to it reaches each tab after every write made before it (a
 * document's `storage` events come in the order of the writes), so a tab told of it has read
 * every earlier change of the list (and written back whatever it was going to).
 */
const PING = 'recovery-finder-tests:ping';
let pings = 0;
/** Wait until every tab has read every change of the list made so far. */
async function settle(tabs: Tab[]): Promise<void> {
  const value = String(++pings);
  localStorage.setItem(PING, value);
  await until(() => tabs.every((t) => t.pinged() === value), 'every tab told of the ping');
}

const stored = () => localStorage.getItem(MY_LIST_KEY);
const storedIds = () => (JSON.parse(stored() ?? '[]') as Array<{ id: string }>).map((e) => e.id);
const said = (el: Element) => el.shadowRoot?.querySelector('[role="status"].visually-hidden')?.textContent?.trim() ?? '';

/** A page with a <recovery-my-list> in an iframe, and that page's own list module. */
async function openTab(): Promise<Tab> {
  const attrs = new URLSearchParams({ src: datasetUrl({ key: uniqueKey('ml-tab') }) });
  const frame = document.createElement('iframe');
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  frame.src = `/test/pages/element.html?${new URLSearchParams({ el: 'recovery-my-list', attrs: attrs.toString() })}`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & { eval(code: string): unknown };
  const list = (await win.eval(`import('/src/kit/card/my-list.ts')`)) as ListModule;
  const view = () => frame.contentDocument!.querySelector('recovery-my-list');
  await until(() => !!view()?.shadowRoot?.querySelector('#mine-heading') && !view()!.shadowRoot!.textContent!.includes('Loading the places'), 'tab ready');
  const shown = () => [...(view()?.shadowRoot?.querySelectorAll('.mine .entry') ?? [])].map((li) => li.querySelector('.name')?.textContent?.trim() ?? '');
  let ping: string | null = null;
  win.addEventListener('storage', (e: StorageEvent) => {
    if (e.key === PING) ping = e.newValue;
  });
  return { frame, list, shown, pinged: () => ping };
}

/** Names shown for ids the data does not have are the names given when added: the ids here. */
const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

describe('my list across tabs', () => {
  failOnLitWarnings();
  beforeEach(() => localStorage.removeItem(MY_LIST_KEY));
  afterEach(() => {
    localStorage.removeItem(MY_LIST_KEY);
    localStorage.removeItem(PING);
    for (const f of document.querySelectorAll('iframe')) f.remove();
  });

  it(`two documents adding in turn (${MY_LIST_MAX / 2} each) end with all ${MY_LIST_MAX} stored and shown in both`, async () => {
    const [a, b] = [await openTab(), await openTab()];
    const half = MY_LIST_MAX / 2;
    for (let i = 0; i < half; i++) {
      expect(a.list.addToList([{ id: `a-${i}`, name: `a-${i}` }])).to.equal('added');
      expect(b.list.addToList([{ id: `b-${i}`, name: `b-${i}` }])).to.equal('added');
    }
    const all = Array.from({ length: half }, (_, i) => [`a-${i}`, `b-${i}`]).flat();
    expect(storedIds()).to.deep.equal(all);
    await until(() => sameSet(a.shown(), all) && sameSet(b.shown(), all), 'both views show every entry');
  });

  it('an add lost to another process writing at the same moment is written back; a removal made there after seeing it is kept', () => {
    // Tabs in two processes each write from what they read: the later write lacks the earlier
    // add. What that tab's write tells this page (the storage event) is made by hand here.
    const other = JSON.stringify([{ id: 'theirs', name: 'Theirs' }]);
    expect(addToList([{ id: 'mine', name: 'Mine' }])).to.equal('added');
    localStorage.setItem(MY_LIST_KEY, other);
    window.dispatchEvent(new StorageEvent('storage', { key: MY_LIST_KEY, oldValue: null, newValue: other }));
    expect(storedIds()).to.deep.equal(['theirs', 'mine']);
    // The other tab saw "mine" (it was in its old value) and took it off: it stays off.
    const before = stored();
    localStorage.setItem(MY_LIST_KEY, other);
    window.dispatchEvent(new StorageEvent('storage', { key: MY_LIST_KEY, oldValue: before, newValue: other }));
    expect(storedIds()).to.deep.equal(['theirs']);
  });

  it('a write made before this page added an entry is not taken for one that lost it, when the list comes back to that value', async () => {
    // The other tab adds and takes off "theirs", this page adds "mine" to the same (empty) list,
    // the other tab takes "mine" off and adds "theirs" again: the list holds what it held after
    // that tab's first write. This page reads the storage events only now; the first of them, made
    // before "mine" was added, must not bring "mine" back (it was taken off on purpose).
    const [a, b] = [await openTab(), await openTab()];
    expect(b.list.addToList([{ id: 'theirs', name: 'theirs' }])).to.equal('added');
    expect(b.list.removeFromList('theirs')).to.equal('removed');
    expect(a.list.addToList([{ id: 'mine', name: 'mine' }])).to.equal('added');
    expect(b.list.removeFromList('mine')).to.equal('removed');
    expect(b.list.addToList([{ id: 'theirs', name: 'theirs' }])).to.equal('added');
    expect(storedIds()).to.deep.equal(['theirs']);
    await until(() => sameSet(a.shown(), ['theirs']) && sameSet(b.shown(), ['theirs']), 'both views show what is stored').catch((error: Error) => {
      throw new Error(`${error.message}: first ${a.shown().join(' ')}; second ${b.shown().join(' ')}; stored ${storedIds().join(' ')}`);
    });
    // Every event has been read by now (the views followed the last one): nothing was written back.
    expect(storedIds()).to.deep.equal(['theirs']);
  });

  it('a storage event from another document updates the element', async () => {
    const el = await fixture<RecoveryMyList>(html`<recovery-my-list src=${datasetUrl({ key: uniqueKey('ml-ev') })}></recovery-my-list>`);
    await until(() => !!el.shadowRoot!.querySelector('.empty'), 'empty list');
    const other = await openTab();
    expect(other.list.addToList([{ id: 'ex-dental-clinic', name: 'Example Dental Clinic' }])).to.equal('added');
    await until(() => el.shadowRoot!.querySelector('.mine .entry .name')?.textContent?.trim() === 'Example Dental Clinic', 'the entry added elsewhere');
    expect(other.list.removeFromList('ex-dental-clinic')).to.equal('removed');
    await until(() => !!el.shadowRoot!.querySelector('.empty'), 'the entry removed elsewhere');
  });

  it('any interleaving of adds and removes from two tabs keeps exactly what was added and not removed (fast-check)', async function () {
    this.timeout(120_000);
    const [a, b] = [await openTab(), await openTab()];
    // Few ids, so that the list often comes back to a value it held before; now and then the
    // tabs read every change so far (\`settle\`) before the next, so that they read them at
    // every point of a sequence, not only at its end.
    const op = fc.oneof(
      { weight: 10, arbitrary: fc.record({ tab: fc.constantFrom(0, 1), add: fc.boolean(), id: fc.integer({ min: 0, max: 4 }).map((n) => `p-${n}`) }) },
      { weight: 1, arbitrary: fc.constant('settle' as const) },
    );
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 10, maxLength: 40, size: 'max' }), async (ops) => {
        runs++;
        localStorage.removeItem(MY_LIST_KEY);
        await settle([a, b]);
        const model: string[] = [];
        for (const o of ops) {
          if (o === 'settle') {
            await settle([a, b]);
            expect(storedIds(), 'once the tabs read every change').to.deep.equal(model);
            continue;
          }
          const { tab, add, id } = o;
          const list = [a, b][tab]!.list;
          if (add) {
            expect(list.addToList([{ id, name: id }])).to.equal('added');
            if (!model.includes(id)) model.push(id);
          } else {
            expect(list.removeFromList(id)).to.equal('removed');
            if (model.includes(id)) model.splice(model.indexOf(id), 1);
          }
          expect(storedIds()).to.deep.equal(model);
        }
        // Every change read by both tabs: nothing written back that was not meant.
        await settle([a, b]);
        expect(storedIds(), 'once the tabs read every change').to.deep.equal(model);
        await until(() => sameSet(a.shown(), model) && sameSet(b.shown(), model), 'both views follow').catch((error: Error) => {
          // What each view shows when the wait gives up: a run that fails says how they differ.
          throw new Error(`${error.message}: expected ${model.join(' ')}; first ${a.shown().join(' ')}; second ${b.shown().join(' ')}; stored ${storedIds().join(' ')}`);
        });
      }),
      // wtr shows an error's message, not its cause: which expectation failed is in the report.
      { numRuns: 60, includeErrorInReport: true },
    );
    expect(runs).to.equal(60);
  });

  it('"Added" is said only once the browser kept the entry', async () => {
    const search = await fixture<RecoveryResourceSearch>(html`<recovery-resource-search src=${datasetUrl({ key: uniqueKey('ml-ok') })}></recovery-resource-search>`);
    const root = search.shadowRoot!;
    await until(() => !!root.querySelector('#name-ex-dental-clinic'), 'results');
    const add = root.querySelector('#name-ex-dental-clinic')!.closest('li')!.querySelector<HTMLButtonElement>('button.my-list-toggle')!;
    const setItem = Object.getOwnPropertyDescriptor(Storage.prototype, 'setItem')!;
    // A browser that takes the write without error and keeps nothing.
    Object.defineProperty(Storage.prototype, 'setItem', { ...setItem, value: () => undefined });
    try {
      add.click();
      await until(() => said(search) !== '', 'said something');
    } finally {
      Object.defineProperty(Storage.prototype, 'setItem', setItem);
    }
    expect(said(search)).not.to.include('Added');
    expect(said(search)).to.include('would not keep your list');
    expect(add.getAttribute('aria-pressed')).to.equal('false');
  });

  const foreign = [
    'not json at all',
    '{"version":2,"items":[{"id":"ex-dental-clinic"}]}',
    '[{"recordId":"ex-dental-clinic"}]',
    '[{"id":"ex-dental-clinic","name":null}]',
    '["ex-dental-clinic"]',
    '42',
  ];
  for (const value of foreign) {
    it(`a stored value of another shape survives every change: ${value}`, async () => {
      localStorage.setItem(MY_LIST_KEY, value);
      expect(addToList([{ id: 'ex-peer-south-end', name: 'x' }])).to.equal('foreign');
      expect(removeFromList('ex-dental-clinic')).to.equal('foreign');
      expect(clearList()).to.equal(false);
      expect(stored()).to.equal(value);

      const search = await fixture<RecoveryResourceSearch>(html`<recovery-resource-search src=${datasetUrl({ key: uniqueKey('ml-f') })}></recovery-resource-search>`);
      const root = search.shadowRoot!;
      await until(() => !!root.querySelector('#name-ex-dental-clinic'), 'results');
      root.querySelector('#name-ex-dental-clinic')!.closest('li')!.querySelector<HTMLButtonElement>('button.my-list-toggle')!.click();
      await until(() => said(search).startsWith('Your list cannot be saved in this browser'), 'said why');
      expect(said(search)).to.include('call one of the help numbers');
      expect(stored()).to.equal(value);

      const el = await fixture<RecoveryMyList>(html`<recovery-my-list src=${datasetUrl({ key: uniqueKey('ml-f2') })}></recovery-my-list>`);
      await until(() => !!el.shadowRoot!.querySelector('.notice.foreign'), 'the list says why');
      await expect(el).to.be.accessible();
      expect(stored()).to.equal(value);
    });
  }

  it('says why in Spanish too, under lang="es"', async () => {
    localStorage.setItem(MY_LIST_KEY, '{"other":"app"}');
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><recovery-my-list src=${datasetUrl({ key: uniqueKey('ml-fes') })}></recovery-my-list></div>`);
    const el = wrapper.querySelector<RecoveryMyList>('recovery-my-list')!;
    await localeReady();
    await until(() => (el.shadowRoot!.querySelector('.notice.foreign')?.textContent ?? '').startsWith('No se puede guardar su lista'), 'Spanish');
    expect(localStorage.getItem(MY_LIST_KEY)).to.equal('{"other":"app"}');
  });

  it('never drops what is stored: fields it does not know and entries past the limit stay', () => {
    localStorage.setItem(MY_LIST_KEY, JSON.stringify([{ id: 'x', name: 'X', note: 'kept by a later version' }, { id: 'y', name: 'Y' }]));
    expect(addToList([{ id: 'z', name: 'Z' }])).to.equal('added');
    expect(removeFromList('y')).to.equal('removed');
    const [x, z, ...rest] = JSON.parse(stored()!) as Array<Record<string, unknown>>;
    expect(x).to.deep.equal({ id: 'x', name: 'X', note: 'kept by a later version' });
    expect(z).to.include({ id: 'z', name: 'Z' });
    expect(rest).to.deep.equal([]);

    const long = Array.from({ length: MY_LIST_MAX + 10 }, (_, i) => ({ id: `l-${i}`, name: `L ${i}` }));
    localStorage.setItem(MY_LIST_KEY, JSON.stringify(long));
    expect(addToList([{ id: 'one-more', name: 'x' }])).to.equal('full');
    expect(removeFromList('l-0')).to.equal('removed');
    expect(JSON.parse(stored()!)).to.deep.equal(long.slice(1));
  });
});
