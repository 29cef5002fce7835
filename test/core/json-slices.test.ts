import { expect } from '@open-wc/testing';
import { parseJsonInSteps } from '../../src/core/json-slices.js';
import { runInSlices, runWhole, stepBudget } from '../../src/core/slices.js';

/** A document large enough to be parsed in steps (over 256 KB), with awkward strings in it. */
function bigDoc(records: number): Record<string, unknown> {
  const resources: unknown[] = [];
  for (let i = 0; i < records; i++) {
    resources.push({
      id: `r-${i}`,
      name: `Place "${i}" \\ {with} [brackets], "resources": [1]`,
      description: 'Line\none, tab\t, unicode \u00e9\u4e2d, escaped \\" quote and a } brace '.repeat(3),
      nested: { list: [1, 2, { deep: [null, true, false, -1.5e3] }], empty: {}, none: [] },
    });
  }
  return { schema_version: '1.0.0', note: 'resources', resources, help: { contacts: [] }, after: [{ x: '[' }] };
}

describe('parseJsonInSteps', () => {
  it('gives what JSON.parse gives, in many steps for a large document', async () => {
    const doc = bigDoc(1500);
    const text = JSON.stringify(doc, null, 1);
    expect(text.length).to.be.greaterThan(300_000);
    let pauses = 0;
    const value = await runInSlices(parseJsonInSteps(text), { budget: stepBudget(1), pause: async () => void pauses++ });
    expect(value).to.deep.equal(JSON.parse(text));
    // One pause per record at least: no single step parses the whole array.
    expect(pauses).to.be.greaterThan(1500);
  });

  it('records that are not objects, and a compact document', () => {
    const doc = { resources: [1, 'two, "2"', null, [3, [4]], { five: 5 }, true], pad: 'x'.repeat(300_000) };
    const text = JSON.stringify(doc);
    expect(runWhole(parseJsonInSteps(text))).to.deep.equal(doc);
  });

  it('throws as JSON.parse does on broken text, and leaves odd documents to it', () => {
    const good = JSON.stringify(bigDoc(1200));
    for (const bad of [good.slice(0, -1), `${good}x`, good.replace('"id":"r-7"', '"id":r-7'), good.replace('"id":"r-7"', '"id":"r-7",')]) {
      let mine: unknown;
      let theirs: unknown;
      try {
        runWhole(parseJsonInSteps(bad));
      } catch (e) {
        mine = e;
      }
      try {
        JSON.parse(bad);
      } catch (e) {
        theirs = e;
      }
      expect(theirs, 'JSON.parse throws').to.be.instanceOf(SyntaxError);
      expect(mine).to.be.instanceOf(SyntaxError);
    }
    for (const odd of [`[${good}]`, `{"resources":[1],"resources":[2],"pad":"${'x'.repeat(300_000)}"}`, `{"resources":{"a":[1]},"pad":"${'x'.repeat(300_000)}"}`]) {
      expect(runWhole(parseJsonInSteps(odd))).to.deep.equal(JSON.parse(odd));
    }
  });

  it('tells the first records once, as soon as they are parsed, and waits for what it is told to', async () => {
    const doc = bigDoc(1500);
    const text = JSON.stringify(doc);
    const heads: Array<{ head: Record<string, unknown>; total: number }> = [];
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const parsing = runInSlices(
      parseJsonInSteps(text, {
        records: 40,
        take: (head, total) => {
          heads.push({ head, total });
          return gate;
        },
      }),
      { budget: stepBudget(100_000) },
    );
    let done = false;
    void parsing.then(() => (done = true));
    // The first slice runs at once, and a slice of 100,000 steps would parse everything; the
    // head's promise ends it after 40 records.
    expect(heads.length).to.equal(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(done, 'the parse waits for the promise the head returned').to.equal(false);
    release();
    const value = await parsing;
    expect(value).to.deep.equal(JSON.parse(text));
    const { head, total } = heads[0] as { head: Record<string, unknown>; total: number };
    expect(total).to.equal(1500);
    expect(head).to.deep.equal({ ...JSON.parse(text), resources: (JSON.parse(text) as { resources: unknown[] }).resources.slice(0, 40) });
  });

  it('no head for a document with no more records than the head', () => {
    const text = JSON.stringify(bigDoc(1200));
    let told = 0;
    const value = runWhole(parseJsonInSteps(text, { records: 1200, take: () => void told++ }));
    expect(told).to.equal(0);
    expect(value).to.deep.equal(JSON.parse(text));
  });
});
