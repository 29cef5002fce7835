// The README's sizes table is held to the measured figures (tools/readme-sizes.mjs, run by
// `npm run check:size`): a figure off by more than rounding fails, and --write-readme fixes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { nowColumn, sizeProblems, withSizes } from '../../tools/readme-sizes.mjs';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const KB = 1024;

test('the README has a "now" figure for each page measured', () => {
  const now = nowColumn(readme);
  assert.deepEqual(Object.keys(now), ['search only', 'map only', 'all four']);
  for (const [page, text] of Object.entries(now)) assert.match(text ?? '', /^\d+\.\d KB/, page);
  assert.match(now['map only'], /KB of it the Census basemap\)$/);
});

test('the README agrees with the figures it quotes, and not with others', () => {
  const now = nowColumn(readme);
  const bytes = (text) => Number(/^(\d+\.\d)/.exec(text)[1]) * KB;
  const pages = Object.fromEntries(Object.entries(now).map(([p, t]) => [p, bytes(t)]));
  const basemap = Number(/\((\d+\.\d) KB of it/.exec(now['map only'])[1]) * KB;
  assert.deepEqual(sizeProblems(readme, pages, basemap), []);
  // A build that grew by 0.2 KB: the README is then off by more than rounding.
  const stale = sizeProblems(readme, { ...pages, 'search only': pages['search only'] + 0.2 * KB }, basemap);
  assert.equal(stale.length, 1);
  assert.match(stale[0], /only `<recovery-resource-search>`/);
  assert.equal(sizeProblems(readme, pages, basemap + 0.1 * KB).length, 1, 'the basemap share is checked too');
});

test('any measured sizes: written into the README they agree with it; a figure 0.1 KB off does not', () => {
  const sizes = fc.integer({ min: 1, max: 500 * KB });
  fc.assert(
    fc.property(sizes, sizes, sizes, sizes, fc.constantFrom('search only', 'map only', 'all four'), (search, map, all, basemap, page) => {
      const pages = { 'search only': search, 'map only': map, 'all four': all };
      const written = withSizes(readme, pages, basemap);
      assert.deepEqual(sizeProblems(written, pages, basemap), []);
      // Only the last column changes: the history columns stay as they were.
      assert.equal(written.split('\n').length, readme.split('\n').length);
      assert.equal(sizeProblems(written, { ...pages, [page]: pages[page] + 0.11 * KB }, basemap).length, 1);
      // Rounding is not a difference: the figure written stands for anything within 0.05 KB of it.
      const figure = Number((pages[page] / KB).toFixed(1)) * KB;
      for (const near of [figure - 0.049 * KB, figure + 0.049 * KB]) {
        assert.deepEqual(sizeProblems(written, { ...pages, [page]: near }, basemap), []);
      }
      assert.equal(sizeProblems(written, { ...pages, [page]: figure + 0.06 * KB }, basemap).length, 1);
    }),
    { numRuns: 200 },
  );
});
