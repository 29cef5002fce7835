/**
 * The README's sizes table ("Size", under Performance) against what `npm run check:size`
 * measures: its last column ("now") is the measured figure of each page, and the map row's
 * basemap share, to the rounding of one decimal. tools/check-size.mjs fails when they differ
 * and rewrites the column with `node tools/check-size.mjs --write-readme`.
 */

/** The README's row for each page tools/measure-pages.mjs measures. */
export const ROWS = {
  'search only': 'only `<recovery-resource-search>`',
  'map only': 'only `<recovery-prsc-map>`',
  'all four': 'all four elements',
};

const KB = 1024;
/** A figure as the README writes it: kilobytes to one decimal. */
const kb = (bytes) => (bytes / KB).toFixed(1);
/** A row of the table by its first cell: group 1 all but its last cell, group 2 the last cell's text. */
const row = (label) => new RegExp(`^([ \\t]*\\|[ \\t]*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*\\|.*\\|)[ \\t]*([^|\\n]*?)[ \\t]*\\|[ \\t]*$`, 'm');

/** The last cell of each page's row: { page: text }, undefined for a row that is missing. */
export function nowColumn(readme) {
  return Object.fromEntries(Object.entries(ROWS).map(([page, label]) => [page, row(label).exec(readme)?.[2]]));
}

/** The cell the README should hold: the page's figure, and for the map the basemap's share. */
function cell(page, pages, basemap) {
  const figure = `${kb(pages[page])} KB`;
  return page === 'map only' && basemap !== undefined ? `${figure} (${kb(basemap)} KB of it the Census basemap)` : figure;
}

/**
 * What in the README's table differs from the measured sizes (bytes of gzipped JavaScript per
 * page, and the basemap chunk's bytes) by more than rounding to 0.1 KB; [] when it agrees.
 */
export function sizeProblems(readme, pages, basemap) {
  const problems = [];
  const now = nowColumn(readme);
  const close = (text, bytes) => text !== undefined && Math.abs(Number(text) - bytes / KB) <= 0.05 + 1e-9;
  for (const page of Object.keys(ROWS)) {
    const text = now[page];
    if (text === undefined) {
      problems.push(`README has no sizes row "${ROWS[page]}"`);
      continue;
    }
    if (pages[page] === undefined) continue;
    const [, figure, share] = /^(\d+(?:\.\d+)?) KB(?: \((\d+(?:\.\d+)?) KB of it the Census basemap\))?$/.exec(text) ?? [];
    if (!close(figure, pages[page])) problems.push(`README says ${ROWS[page]} is "${text}"; it measures ${kb(pages[page])} KB`);
    if (page === 'map only' && basemap !== undefined && !close(share, basemap)) {
      problems.push(`README says the map page's basemap is ${share ?? '(no figure)'} KB; it measures ${kb(basemap)} KB`);
    }
  }
  return problems;
}

/** The README with the last column of the sizes table set to the measured figures. */
export function withSizes(readme, pages, basemap) {
  let out = readme;
  for (const [page, label] of Object.entries(ROWS)) {
    if (pages[page] === undefined) continue;
    out = out.replace(row(label), (_, before) => `${before} ${cell(page, pages, basemap)} |`);
  }
  return out;
}
