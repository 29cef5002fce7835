// Retry-After (429 and 503) against a real local HTTP endpoint (test/server/endpoints.mjs): the
// loader waits what the server asked when it fits the 20 s budget, and says "busy" when it does
// not. The waits go through a test clock (no real seconds); requests are counted, never timed.
import { expect } from '@open-wc/testing';
import { DatasetLoadError, LOAD_BUDGET_MS, clearSharedRequests, loadDataset, loadTiming, realClock, retryAfterSeconds } from '../../src/core/load.js';
import { TestClock } from '../helpers.js';

let n = 0;
const uniqueKey = () => `retry-after-${Date.now()}-${n++}`;
const count = async (key: string) => ((await (await fetch(`/test-api/count?key=${key}`)).json()) as { count: number }).count;
const busyUrl = (key: string, retryAfter: string | undefined, extra: Record<string, string> = {}) =>
  `/test-api/dataset?${new URLSearchParams({ fixture: 'dataset', key, busy: '1', ...(retryAfter === undefined ? {} : { 'retry-after': retryAfter }), ...extra })}`;

async function failure(p: Promise<unknown>): Promise<DatasetLoadError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(DatasetLoadError);
    return e as DatasetLoadError;
  }
  throw new Error('expected the promise to reject');
}

describe('core/load, Retry-After', () => {
  let clock: TestClock;
  beforeEach(() => {
    clock = new TestClock();
    loadTiming.clock = clock;
  });
  afterEach(() => {
    loadTiming.clock = realClock;
    clearSharedRequests();
  });

  for (const status of ['429', '503']) {
    it(`${status} with Retry-After in seconds: waits that long, asks again, loads`, async () => {
      const key = uniqueKey();
      const loaded = await loadDataset(busyUrl(key, '3', { 'busy-status': status }));
      expect(loaded.dataset.resources).to.have.length(11);
      expect(await count(key)).to.equal(2);
      expect(clock.waits).to.deep.equal([3000]);
    });

    it(`${status} with Retry-After as an HTTP date: waits until then, asks again, loads`, async () => {
      const key = uniqueKey();
      const loaded = await loadDataset(busyUrl(key, 'date:6', { 'busy-status': status }));
      expect(loaded.dataset.resources).to.have.length(11);
      expect(await count(key)).to.equal(2);
      expect(clock.waits).to.have.length(1);
      // An HTTP date has whole seconds: 6 s ahead, read a moment later.
      expect(clock.waits[0]).to.be.within(4000, 6000);
    });
  }

  it('Retry-After: 0 asks again at once', async () => {
    const key = uniqueKey();
    await loadDataset(busyUrl(key, '0'));
    expect(await count(key)).to.equal(2);
    expect(clock.waits).to.deep.equal([0]);
  });

  for (const garbage of ['-5', 'soon', '1.5', '', 'Mon, 99 Foo 20xx']) {
    it(`Retry-After "${garbage}" is not a wait: the usual backoff, once`, async () => {
      const key = uniqueKey();
      await loadDataset(busyUrl(key, garbage), { backoffMs: 600 });
      expect(await count(key)).to.equal(2);
      expect(clock.waits).to.deep.equal([600]);
    });
  }

  for (const [asked, minutes] of [['7200', 120], ['date:300', 5], ['99999999999', 1_666_666_667]] as const) {
    it(`a wait longer than the budget (${asked}) is not waited: "busy", with the seconds asked`, async () => {
      const key = uniqueKey();
      const e = await failure(loadDataset(busyUrl(key, asked)));
      expect(e.kind).to.equal('busy');
      expect(e.status).to.equal(429);
      expect(Math.round((e.retryAfter ?? 0) / 60)).to.be.within(minutes - 1, minutes);
      expect(e.retryable).to.equal(true);
      expect(await count(key)).to.equal(1);
      expect(clock.waits).to.deep.equal([]);
    });
  }

  it('a wait that fits alone but not with the time already spent is not waited', async () => {
    const key = uniqueKey();
    // 15 s asked, 20 s budget, 6 s already spent: no time for the wait and an attempt.
    const e = await failure(loadDataset(busyUrl(key, '15'), { deadlineAt: clock.now() + LOAD_BUDGET_MS - 6_000 }));
    expect(e.kind).to.equal('busy');
    expect(await count(key)).to.equal(1);
  });

  it('a server that stays busy is asked again at most 3 times within the budget', async () => {
    const key = uniqueKey();
    const e = await failure(loadDataset(busyUrl(key, '1', { busy: '100' })));
    expect(e.kind).to.equal('http');
    expect(e.status).to.equal(429);
    expect(await count(key)).to.equal(4);
    expect(clock.waits).to.deep.equal([1000, 1000, 1000]);
  });

  it('reads Retry-After headers as RFC 9110 says', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterSeconds('120', now)).to.equal(120);
    expect(retryAfterSeconds(' 0 ', now)).to.equal(0);
    expect(retryAfterSeconds('Thu, 01 Jan 2026 00:02:00 GMT', now)).to.equal(120);
    expect(retryAfterSeconds('Wed, 31 Dec 2025 23:00:00 GMT', now)).to.equal(0);
    for (const bad of [null, '', '-5', '1.5', 'soon', '2e3']) expect(retryAfterSeconds(bad, now), String(bad)).to.equal(undefined);
  });
});
