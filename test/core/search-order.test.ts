import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { orderByScore } from '../../src/core/search.js';

/** The straightforward ranking: sort every id by score, best first, then by id. */
function reference(scores: Map<number, number>): number[] {
  return [...scores.keys()].sort((a, b) => (scores.get(b) as number) - (scores.get(a) as number) || a - b);
}

/** Scores as the index makes them: sums of a field weight times a match quality, one per query word. */
const WEIGHTS = [1, 0.85, 0.7, 0.6, 0.55, 0.5, 0.3];
const QUALITIES = [1, 0.75, 0.45];
const wordScore = fc.tuple(fc.constantFrom(...WEIGHTS), fc.constantFrom(...QUALITIES)).map(([w, q]) => w * q);
const score = fc.array(wordScore, { minLength: 1, maxLength: 4 }).map((parts) => parts.reduce((a, b) => a + b, 0));

describe('core/search: ordering by score', () => {
  it('orders like a full sort by score then id, on generated scores', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(200_000), score), { maxLength: 3000 }), (entries) => {
        const scores = new Map(entries);
        expect(orderByScore(scores)).to.deep.equal(reference(scores));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps ids inserted out of order in id order within one score', () => {
    const scores = new Map([[9, 0.5], [2, 0.5], [70, 1], [11, 0.5], [3, 1]]);
    expect(orderByScore(scores)).to.deep.equal([3, 70, 2, 9, 11]);
  });
});
