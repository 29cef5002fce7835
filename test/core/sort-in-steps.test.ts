import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { runWhole, sortInSteps } from '../../src/core/slices.js';

interface Item {
  key: number;
  at: number;
}
const byKey = (a: Item, b: Item) => a.key - b.key;

describe('core/slices: sortInSteps', () => {
  it('sorts like a stable native sort (ties keep their order), for any chunk size', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 500 }), fc.integer({ min: 1, max: 64 }), (keys, chunk) => {
        const items: Item[] = keys.map((key, at) => ({ key, at }));
        const sorted = runWhole(sortInSteps(items, byKey, chunk));
        expect(sorted).to.deep.equal([...items].sort(byKey));
        expect(items.map((x) => x.at)).to.deep.equal(keys.map((_, i) => i), 'the input is left as it was');
      }),
      { numRuns: 300 },
    );
  });

  it('sorts names as the collator orders them, as the index does', () => {
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 300 }), (names) => {
        const cmp = (a: number, b: number) => collator.compare(names[a] as string, names[b] as string);
        const ids = names.map((_, i) => i);
        expect(runWhole(sortInSteps(ids, cmp, 16))).to.deep.equal([...ids].sort(cmp));
      }),
    );
  });

  it('gives the page a turn inside a long sort: a step per chunk moved, not one for the whole', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 10_000);
    const steps = sortInSteps(items, (a, b) => a - b, 1000);
    let count = 0;
    let step = steps.next();
    while (!step.done) {
      count++;
      step = steps.next();
    }
    expect(step.value).to.deep.equal([...items].sort((a, b) => a - b));
    // 10 runs sorted, then 4 merge passes of 10,000 moves each.
    expect(count).to.be.greaterThan(10 + 4);
  });
});
