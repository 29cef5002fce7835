import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { RecordScanner, parseJsonInSteps } from '../../src/core/json-slices.js';
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
    const heads: Array<{ head: Record<string, unknown>; total: number | undefined }> = [];
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
    const { head, total } = heads[0] as { head: Record<string, unknown>; total: number | undefined };
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

  /** Read `text` in the pieces cut at `cuts`, then parse it with what the scanner found. */
  function inPieces(text: string, cuts: number[], scanner = new RecordScanner()): unknown {
    const at = [0, ...[...new Set(cuts.map((c) => Math.min(text.length, Math.max(0, c))))].sort((a, b) => a - b), text.length];
    for (let k = 0; k + 1 < at.length; k++) scanner.push(text.slice(at[k], at[k + 1]));
    return runWhole(parseJsonInSteps(text, undefined, scanner));
  }

  it('reads a document arriving in pieces cut anywhere (inside strings, escapes, between backslashes) as JSON.parse does', () => {
    // Strings full of what the scanner looks for: quotes, backslashes, brackets, "resources".
    const awkward = fc.stringMatching(/^[a-z"\\[\]{},: resourc\u00e9\u4e2d\n]{0,12}$/);
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, awkward, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(awkward, tie('v'), { maxKeys: 3 })),
    })).v;
    const doc = fc.record({ before: value, resources: fc.array(value, { maxLength: 8 }), after: value });
    fc.assert(
      fc.property(doc, fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), (d, cuts, pretty) => {
        const text = JSON.stringify(d, null, pretty ? 1 : undefined);
        expect(inPieces(text, cuts.map((c) => c % (text.length + 1)))).to.deep.equal(JSON.parse(text));
      }),
      { numRuns: 400 },
    );
    // Every cut of a string ending in escaped backslashes and quotes.
    const text = JSON.stringify({ a: 'x\\', resources: ['\\"', { k: 'end\\\\' }, 'q"\\'], z: '\\' });
    for (let c = 0; c <= text.length; c++) expect(inPieces(text, [c]), `cut at ${c}`).to.deep.equal(JSON.parse(text));
  });

  it('a document read as it arrives tells its head once twice its records have come, before the rest', () => {
    const records = Array.from({ length: 100 }, (_, i) => ({ id: `r-${i}`, name: `Place ${i} "quoted" \\ }` }));
    const doc = { schema_version: '1.0.0', time_zone: 'America/New_York', help: { contacts: [] }, resources: records };
    const text = JSON.stringify(doc);
    const heads: Array<{ head: Record<string, unknown>; total: number | undefined }> = [];
    const scanner = new RecordScanner({ records: 10, take: (head, total) => void heads.push({ head, total }) });
    // Up to just past the 20th record, a few characters at a time.
    const twentieth = text.indexOf('"r-20"');
    for (let i = 0; i < twentieth; i += 7) scanner.push(text.slice(i, Math.min(i + 7, twentieth)));
    expect(heads.length).to.equal(1);
    expect(heads[0]?.total, 'the total is not known yet').to.equal(undefined);
    expect(heads[0]?.head).to.deep.equal({ ...doc, resources: records.slice(0, 10) });
    scanner.push(text.slice(twentieth));
    expect(heads.length, 'told once').to.equal(1);
    expect(runWhole(parseJsonInSteps(text, undefined, scanner))).to.deep.equal(doc);
  });

  it('a document whose help comes after its records: the head waits until it has come', () => {
    const records = Array.from({ length: 30 }, (_, i) => ({ id: `r-${i}` }));
    const doc = { time_zone: 'America/New_York', resources: records, help: { contacts: [{ name: 'Line', phone: '211' }] } };
    const text = JSON.stringify(doc);
    const heads: Array<{ head: Record<string, unknown>; total: number | undefined }> = [];
    const scanner = new RecordScanner({ records: 10, take: (head, total) => void heads.push({ head, total }) });
    const close = text.indexOf('],"help"');
    scanner.push(text.slice(0, close));
    expect(heads.length, 'not before the help').to.equal(0);
    scanner.push(text.slice(close, close + 3));
    expect(heads.length, 'not before the help has all come').to.equal(0);
    scanner.push(text.slice(close + 3));
    expect(heads.length).to.equal(1);
    expect(heads[0]?.total).to.equal(30);
    expect(heads[0]?.head).to.deep.equal({ ...doc, resources: records.slice(0, 10) });
  });

  it('no head for a document with fewer than twice its records', () => {
    const text = JSON.stringify({ time_zone: 'UTC', help: {}, resources: Array.from({ length: 19 }, (_, i) => i) });
    let told = 0;
    const scanner = new RecordScanner({ records: 10, take: () => void told++ });
    scanner.push(text);
    expect(told).to.equal(0);
    expect(runWhole(parseJsonInSteps(text, undefined, scanner))).to.deep.equal(JSON.parse(text));
  });
});

