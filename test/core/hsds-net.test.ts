// The HSDS source against a real local HTTP directory (the synthetic one of
// test/server/hsds-plugin.mjs): Retry-After, a page far larger than asked for (mapped in
// slices), and later pages that do not come within the budget. A test clock stands in for real
// seconds; requests, pauses and records are counted, never timed.
import { expect } from '@open-wc/testing';
import { LOAD_BUDGET_MS, clearSharedRequests, loadTiming, realClock, validationSlicing, type PartialDataset } from '../../src/core/load.js';
import { clearHsdsCache, hsdsApiSource, hsdsSlicing, type HsdsQuery } from '../../src/core/sources/hsds-api.js';
import { stepBudget } from '../../src/core/slices.js';
import { parseJsonInSteps } from '../../src/core/json-slices.js';
import { TestClock, until } from '../helpers.js';

let n = 0;
const uniqueKey = () => `hsds-net-${Date.now()}-${n++}`;
const synth = (opts: string) => `/test-api/hsds-synth/${opts}/`;
const stats = async (key: string) => (await (await fetch(`/test-api/hsds-synth-count?key=${key}`)).json()) as { count: number; pages: number[] };
const query = (q: Partial<HsdsQuery> = {}): HsdsQuery => ({ search: '', categories: [], zip: '', proximity: 0, pages: 1, perPage: 100, ...q });

describe('core/sources/hsds-api on a busy, large or slow directory', () => {
  let clock: TestClock;
  beforeEach(() => {
    clock = new TestClock();
    loadTiming.clock = clock;
    clearHsdsCache();
  });
  afterEach(() => {
    loadTiming.clock = realClock;
    hsdsSlicing.budget = undefined;
    hsdsSlicing.pause = undefined;
    validationSlicing.budget = undefined;
    clearSharedRequests();
  });

  it('a 429 with Retry-After: waits that long and asks again', async () => {
    const key = uniqueKey();
    const loaded = await hsdsApiSource(synth(`n=5,key=${key},busy=1,retry-after=2`), query()).load(new AbortController().signal);
    expect(loaded.dataset.resources).to.have.length(5);
    expect((await stats(key)).count).to.equal(2);
    expect(clock.waits).to.deep.equal([2000]);
  });

  it('a 503 with Retry-After longer than the budget fails at once as "busy"', async () => {
    const key = uniqueKey();
    const error = await hsdsApiSource(synth(`n=5,key=${key},busy=9,status=503,retry-after=date:7200`), query())
      .load(new AbortController().signal)
      .then(() => undefined, (e: unknown) => e as { kind: string; retryAfter?: number });
    expect(error?.kind).to.equal('busy');
    expect(error?.retryAfter).to.be.within(7100, 7200);
    expect((await stats(key)).count).to.equal(1);
  });

  it('maps a page of every service (per_page ignored) in slices, the page getting its turns', async () => {
    const key = uniqueKey();
    const services = 2_000;
    let pauses = 0;
    let queuedRanAt: number | undefined;
    hsdsSlicing.budget = stepBudget(100);
    hsdsSlicing.pause = () => {
      pauses++;
      // A task queued during the mapping runs at one of the mapping's own pauses.
      if (pauses === 1) setTimeout(() => (queuedRanAt = pauses), 0);
      return new Promise<void>((resolve) => setTimeout(resolve, 0));
    };
    const loaded = await hsdsApiSource(synth(`n=${services},all=1,key=${key}`), query({ perPage: 20 })).load(new AbortController().signal);
    expect(loaded.dataset.resources).to.have.length(services);
    expect((await stats(key)).pages).to.deep.equal([1]);
    expect(pauses).to.be.at.least(services / 100 - 1);
    expect(queuedRanAt, 'the queued task ran before the mapping ended').to.be.below(pauses);
  });

  it('parses a large HSDS page a service a step (its `contents`), to what JSON.parse gives', async () => {
    const services = 3_000;
    const text = await (await fetch(`${synth(`n=${services},all=1,key=${uniqueKey()}`)}services?page=1`)).text();
    expect(text.length).to.be.above(1_000_000);
    let steps = 0;
    const parsing = parseJsonInSteps(text, undefined, undefined, 'contents');
    let step = parsing.next();
    while (!step.done) {
      steps++;
      step = parsing.next();
    }
    expect(step.value).to.deep.equal(JSON.parse(text));
    // A step a service (and a few for scanning): never the whole page in one step.
    expect(steps).to.be.at.least(services);
  });

  it('a page too large to hold as objects gives what a small page of the same services gives (non-services, details, organizations)', async () => {
    const signal = new AbortController().signal;
    const small = await hsdsApiSource(synth(`n=120,all=1,mixed=1,key=${uniqueKey()}`), query()).load(signal);
    const large = await hsdsApiSource(synth(`n=2000,all=1,mixed=1,key=${uniqueKey()}`), query()).load(signal);
    // 2,000 services make more than a megabyte: read a service at a time (json-slices.ts).
    expect(large.dataset.resources).to.have.length(2000 - 200);
    expect(large.dataset.resources.slice(0, small.dataset.resources.length)).to.deep.equal(small.dataset.resources);
    expect(large.problems.filter((p) => (p.index ?? 0) < small.dataset.resources.length)).to.deep.equal(small.problems);
    const record = (i: number) => large.dataset.resources.find((r) => r.id === `hsds-synth-${i}`);
    expect(record(51)?.organization?.name, 'an organization named by id only').to.equal('Organization synth-org-0');
    expect(record(52)?.phones, 'a service with its details asked for').to.have.length(1);
    expect(record(52)?.organization?.name).to.equal('Synthetic Network');
  });

  it('parses each service of a large page twice at most: once checked (noting what it needs asked for), once mapped', async () => {
    const parse = JSON.parse;
    let services = 0;
    JSON.parse = ((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
      if (typeof text === 'string' && text.startsWith('{"id":"synth-')) services++;
      return parse(text, reviver) as unknown;
    }) as typeof JSON.parse;
    try {
      const loaded = await hsdsApiSource(synth(`n=2000,all=1,key=${uniqueKey()}`), query()).load(new AbortController().signal);
      expect(loaded.dataset.resources).to.have.length(2000);
    } finally {
      JSON.parse = parse;
    }
    expect(services).to.be.within(2000, 2 * 2000);
  });

  it('reads a large page as it arrives (never through Response.text(), whose one string of the whole page was made in long tasks)', async () => {
    const text = Response.prototype.text;
    let texts = 0;
    Response.prototype.text = function (this: Response) {
      texts++;
      return text.call(this);
    };
    try {
      const loaded = await hsdsApiSource(synth(`n=2000,all=1,key=${uniqueKey()}`), query()).load(new AbortController().signal);
      expect(loaded.dataset.resources).to.have.length(2000);
    } finally {
      Response.prototype.text = text;
    }
    expect(texts).to.equal(0);
  });

  it('shows the first page while later ones are held; past the budget, what came and why the rest did not', async () => {
    const key = uniqueKey();
    const partials: PartialDataset[] = [];
    const loading = hsdsApiSource(synth(`n=250,hold=2,key=${key}`), query({ pages: 3 })).load(new AbortController().signal, (p) => {
      partials.push(p);
    });
    let settled = false;
    void loading.finally(() => (settled = true));
    await until(() => partials.length === 1, 'the first page, told early');
    expect(partials[0]?.early).to.equal(true);
    expect(partials[0]?.dataset.resources).to.have.length(100);
    expect(partials[0]?.total).to.equal(250);
    while (!(await stats(key)).pages.includes(2)) await new Promise((r) => setTimeout(r, 20)); // page 2 asked (and held)
    expect(settled).to.equal(false);
    // The budget runs out while page 2 is held.
    await until(() => clock.running > 0, 'a time limit on page 2');
    clock.advance(LOAD_BUDGET_MS);
    const loaded = await loading;
    expect(loaded.dataset.resources).to.have.length(100);
    expect(loaded.unfinished?.kind).to.equal('timeout');
    expect((await stats(key)).pages).to.deep.equal([1, 2]);
    await fetch(`/test-api/hsds-synth-release?key=${key}`);
  });
});
