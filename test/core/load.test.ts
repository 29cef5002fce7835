// The loader against a real local HTTP endpoint (test/server/endpoints.mjs), never a mocked fetch.
import { expect } from '@open-wc/testing';
import {
  DatasetLoadError,
  clearSharedRequests,
  datasetFrom,
  datasetFromSliced,
  fetchJson,
  loadDataset,
  sharedJson,
} from '../../src/core/load.js';
import { validateDatasetSliced } from '../../src/core/schema.js';
import { stepBudget } from '../../src/core/slices.js';

const api = (params: Record<string, string | number>) =>
  `/test-api/dataset?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`;

let n = 0;
const uniqueKey = () => `load-${Date.now()}-${n++}`;
const count = async (key: string) =>
  ((await (await fetch(`/test-api/count?key=${key}`)).json()) as { count: number }).count;

async function failure(p: Promise<unknown>): Promise<DatasetLoadError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(DatasetLoadError);
    return e as DatasetLoadError;
  }
  throw new Error('expected the promise to reject');
}

describe('core/load', () => {
  afterEach(() => clearSharedRequests());

  it('loads and validates a good file', async () => {
    const loaded = await loadDataset(api({ fixture: 'dataset', key: uniqueKey() }));
    expect(loaded.dataset.resources.length).to.equal(11);
    expect(loaded.problems).to.deep.equal([]);
    expect(loaded.dataset.help.contacts[0]?.id).to.equal('test-emergency');
  });

  it('reports 404 as an HTTP error without retrying', async () => {
    const key = uniqueKey();
    const e = await failure(loadDataset(api({ status: 404, key }), { backoffMs: 10 }));
    expect(e.kind).to.equal('http');
    expect(e.status).to.equal(404);
    expect(await count(key)).to.equal(1);
  });

  it('retries a 500 once, then reports it', async () => {
    const key = uniqueKey();
    const e = await failure(loadDataset(api({ status: 500, key }), { backoffMs: 10 }));
    expect(e.kind).to.equal('http');
    expect(e.status).to.equal(500);
    expect(await count(key)).to.equal(2);
  });

  it('succeeds when the retry succeeds', async () => {
    const key = uniqueKey();
    const loaded = await loadDataset(api({ 'fail-first': 1, key }), { backoffMs: 10 });
    expect(loaded.dataset.resources).to.have.length(11);
    expect(await count(key)).to.equal(2);
  });

  it('times out a slow server, retries, and says so', async () => {
    const key = uniqueKey();
    const e = await failure(loadDataset(api({ delay: 600, key }), { timeoutMs: 150, backoffMs: 10 }));
    expect(e.kind).to.equal('timeout');
    expect(await count(key)).to.equal(2);
  });

  it('reports a body that is not JSON', async () => {
    const e = await failure(loadDataset(api({ fixture: 'not-json', key: uniqueKey() })));
    expect(e.kind).to.equal('not-json');
  });

  it('refuses a document of another schema version whole', async () => {
    const e = await failure(loadDataset(api({ fixture: 'wrong-version', key: uniqueKey() })));
    expect(e.kind).to.equal('invalid');
    expect(e.message).to.contain('schema_version');
  });

  it('skips invalid records with a warning naming each, and keeps the rest', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (m: string) => warnings.push(m);
    try {
      const loaded = await loadDataset(api({ fixture: 'invalid-records', key: uniqueKey() }));
      expect(loaded.dataset.resources).to.have.length(11);
      const ids = loaded.problems.map((p) => p.id);
      expect(ids).to.include.members(['bad-js-link', 'bad-phone', 'bad-lat', 'ex-peer-south-end']);
      expect(loaded.problems.find((p) => p.id === 'bad-js-link')?.path).to.equal('url');
      expect(loaded.problems.find((p) => p.id === 'bad-phone')?.path).to.equal('phones[0].number');
      expect(loaded.problems.find((p) => p.id === 'bad-lat')?.path).to.equal('location.latitude');
      expect(loaded.problems.find((p) => p.id === 'ex-peer-south-end')?.message).to.contain('duplicate');
      expect(warnings.some((w) => w.includes('bad-js-link') && w.includes('url'))).to.equal(true);
    } finally {
      console.warn = original;
    }
  });

  it('shares one request between callers naming the same URL', async () => {
    const key = uniqueKey();
    const url = api({ fixture: 'dataset', delay: 100, key });
    const [a, b, c] = await Promise.all([loadDataset(url), loadDataset(url), loadDataset(url)]);
    expect(a.dataset).to.equal(b.dataset);
    expect(b.dataset).to.equal(c.dataset);
    expect(await count(key)).to.equal(1);
  });

  it('keeps the validated dataset of a URL, not its parsed JSON as well', async () => {
    const key = uniqueKey();
    const url = api({ fixture: 'dataset', key });
    const first = await loadDataset(url);
    const again = await loadDataset(url);
    expect(again.dataset).to.equal(first.dataset);
    expect(await count(key)).to.equal(1);
    // The raw document was let go once validated: asking for the JSON itself fetches it again.
    await sharedJson(url);
    expect(await count(key)).to.equal(2);
  });

  it('lets one caller stop waiting without cancelling the others', async () => {
    const key = uniqueKey();
    const url = api({ fixture: 'dataset', delay: 200, key });
    const leaving = new AbortController();
    const first = sharedJson(url, { signal: leaving.signal });
    const second = sharedJson(url, { signal: new AbortController().signal });
    leaving.abort();
    const e = await failure(first);
    expect(e.kind).to.equal('aborted');
    const value = (await second) as { resources: unknown[] };
    expect(value.resources).to.have.length(11);
    expect(await count(key)).to.equal(1);
  });

  it('aborts the request when the only caller leaves', async () => {
    const leaving = new AbortController();
    const p = fetchJson('/test-api/hang', { signal: leaving.signal, timeoutMs: 20_000 });
    setTimeout(() => leaving.abort(), 50);
    const started = performance.now();
    const e = await failure(p);
    expect(e.kind).to.equal('aborted');
    expect(performance.now() - started).to.be.below(5_000);
  });

  it('reports a network failure', async () => {
    const e = await failure(fetchJson('http://127.0.0.1:9/unreachable.json', { retries: 0 }));
    expect(e.kind).to.equal('network');
  });
});

describe('core/load, large datasets', () => {
  const big = async (n: number) => {
    const doc = (await (await fetch('/test/fixtures/dataset.json')).json()) as { resources: { id: string }[] };
    const base = doc.resources.filter((r) => !r.id.includes('markup'));
    doc.resources = Array.from({ length: n }, (_, i) => ({ ...base[i % base.length]!, id: `r-${i}` }));
    return doc;
  };

  it('validates in slices with the same result as in one pass', async () => {
    const doc = await big(3000);
    const sliced = await datasetFromSliced(structuredClone(doc));
    const whole = datasetFrom(structuredClone(doc));
    expect(sliced.dataset.resources).to.deep.equal(whole.dataset.resources);
    expect(sliced.dataset.resources).to.have.length(3000);
  });

  it('gives the page a turn each time a slice is spent, the same on any machine', async () => {
    const doc = await big(5000);
    // A budget of 100 steps a slice (a step is one record): a turn after every 100 records.
    let turns = 0;
    let timerRan = false;
    const pause = () => {
      turns++;
      return new Promise<void>((resolve) => setTimeout(resolve, 0));
    };
    // Queued before validation starts: it can only run if validation gives the page a turn.
    setTimeout(() => (timerRan = true), 0);
    const result = await validateDatasetSliced(doc, { budget: stepBudget(100), pause });
    expect(result.ok && result.dataset.resources.length).to.equal(5000);
    expect(turns).to.equal(50);
    expect(timerRan, 'a timer queued before the validation ran during it').to.equal(true);
    // One slice for everything: no turn at all.
    turns = 0;
    await validateDatasetSliced(doc, { budget: stepBudget(10_000), pause });
    expect(turns).to.equal(0);
  });

  it('names the first 10 problems of 100,000 bad records and sums up the rest in one line', async function () {
    this.timeout(60_000);
    const doc = await big(3);
    const good = doc.resources;
    // Each bad record has two problems (a link that is not http(s), a phone that is not a phone).
    const bad = Array.from({ length: 100_000 }, (_, i) => ({
      ...good[0]!,
      id: `bad-${i}`,
      url: 'javascript:alert(1)',
      phones: [{ number: 'no' }],
    }));
    doc.resources = [...good, ...bad];
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    let loaded;
    const started = performance.now();
    try {
      loaded = await datasetFromSliced(doc, 'big-bad.json');
    } finally {
      console.warn = original;
    }
    console.log(`100,000 bad records: ${Math.round(performance.now() - started)} ms, ${warnings.length} warnings`);
    expect(loaded.dataset.resources).to.have.length(3);
    expect(loaded.problems).to.have.length(200_000);
    expect(warnings).to.have.length(11);
    expect(warnings[0]).to.match(/skipped record "bad-0" \(#3\) phones\[0\]\.number: must be a phone number \(in big-bad\.json\)/);
    expect(warnings[10]).to.equal('recovery-finder: and 199990 more problems; 100000 records skipped in all (in big-bad.json)');
  });

  it('stops when the caller leaves', async () => {
    const doc = await big(5000);
    const leaving = new AbortController();
    const p = datasetFromSliced(doc, undefined, leaving.signal);
    leaving.abort();
    const e = await failure(p);
    expect(e.kind).to.equal('aborted');
  });
});
