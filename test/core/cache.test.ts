// The one data cache (src/core/cache.ts) and its one eviction policy: at most `max` entries, the
// first put in goes first, a failed promise is forgotten. The datasets by URL (core/load.ts) are
// checked through it against the real local endpoint (test/server/endpoints.mjs).
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DataCache } from '../../src/core/cache.js';
import { DATASETS_KEPT, clearSharedRequests, loadDataset } from '../../src/core/load.js';
import { datasetUrl, requestCount, uniqueKey } from '../helpers.js';

describe('DataCache', () => {
  it('keeps at most max entries: the first put in goes first', () => {
    const cache = new DataCache<number>(3);
    for (const [i, k] of ['a', 'b', 'c', 'd'].entries()) cache.set(k, i);
    expect(cache.size).to.equal(3);
    expect(cache.has('a')).to.equal(false);
    expect([cache.get('b'), cache.get('c'), cache.get('d')]).to.deep.equal([1, 2, 3]);
  });

  it('reading an entry does not keep it longer (first in, first out)', () => {
    const cache = new DataCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).to.equal(1);
    cache.set('c', 3);
    expect(cache.has('a')).to.equal(false);
    expect(cache.has('b')).to.equal(true);
  });

  it('holds the last max distinct keys of any sequence, in the order they were first put in', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { maxLength: 40 }), (max, keys) => {
        const cache = new DataCache<number>(max);
        // The model: a list in insertion order; a key already there keeps its place.
        let model: string[] = [];
        keys.forEach((k, i) => {
          cache.set(k, i);
          if (!model.includes(k)) model.push(k);
          model = model.slice(-max);
        });
        expect(cache.size).to.equal(model.length);
        expect(cache.size).to.be.at.most(max);
        for (const k of model) expect(cache.has(k), k).to.equal(true);
        for (const k of keys.filter((x) => !model.includes(x))) expect(cache.has(k), k).to.equal(false);
      }),
    );
  });

  it('remember makes a value once, and makes it again after evicting it', () => {
    const cache = new DataCache<string>(1);
    let made = 0;
    const make = () => `v${++made}`;
    expect(cache.remember('a', make)).to.equal('v1');
    expect(cache.remember('a', make)).to.equal('v1');
    cache.remember('b', make);
    expect(cache.remember('a', make)).to.equal('v3');
  });

  it('forgets a promise that rejects, so the next ask tries again', async () => {
    const cache = new DataCache<Promise<string>>(5);
    const failed = cache.remember('a', () => Promise.reject(new Error('offline')));
    await failed.catch(() => undefined);
    await Promise.resolve();
    expect(cache.has('a')).to.equal(false);
    expect(await cache.remember('a', () => Promise.resolve('ok'))).to.equal('ok');
    expect(cache.has('a')).to.equal(true);
  });

  it('a rejection of an evicted promise never removes the newer one kept under its key', async () => {
    const cache = new DataCache<Promise<string>>(1);
    let fail!: (e: Error) => void;
    const old = cache.remember('a', () => new Promise<string>((_, reject) => (fail = reject)));
    cache.remember('b', () => Promise.resolve('b'));
    const newer = cache.remember('a', () => Promise.resolve('new'));
    fail(new Error('late'));
    await old.catch(() => undefined);
    await Promise.resolve();
    // Compared by what they hold (a promise in a failed assertion's diff would hang the runner).
    expect(cache.get('a') === newer, 'the newer promise is kept').to.equal(true);
    expect(await cache.get('a')).to.equal('new');
  });

  it('refuses a max that is not a whole number above 0', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => new DataCache(bad), String(bad)).to.throw(RangeError);
  });
});

describe('datasets by URL (core/load.ts) under the one policy', () => {
  afterEach(() => clearSharedRequests());

  it(`keeps the newest ${DATASETS_KEPT} URLs: the oldest is asked for again, the newest is not`, async () => {
    const keys = Array.from({ length: DATASETS_KEPT + 1 }, () => uniqueKey('cache'));
    for (const key of keys) await loadDataset(datasetUrl({ key }));
    const first = keys[0] as string;
    const last = keys[keys.length - 1] as string;
    expect(await requestCount(first)).to.equal(1);
    await loadDataset(datasetUrl({ key: last }));
    expect(await requestCount(last), 'the newest is kept').to.equal(1);
    await loadDataset(datasetUrl({ key: first }));
    expect(await requestCount(first), 'the oldest was evicted').to.equal(2);
  });
});
