/**
 * JSON.parse of a large dataset document in steps, so tens of megabytes never freeze the page
 * in one long task. The text is scanned once (a step per chunk of characters) to find the top
 * level `resources` array and where each of its records starts and ends; the document around
 * the array is parsed at once (it is small), then each record on its own (a step per record).
 *
 * The result is the same value `JSON.parse(text)` gives. Any text this does not understand
 * (not an object, no `resources` array, a syntax error anywhere) is handed to `JSON.parse`
 * whole, so errors are exactly JSON.parse's.
 *
 * DOM-free.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

/** Characters scanned per step. */
const CHUNK = 65_536;

interface Layout {
  /** Index of the `[` of the top-level `resources` array, and of its `]`. */
  open: number;
  close: number;
  /** Start and end (exclusive) of each record in the array. */
  starts: number[];
  ends: number[];
}

/** Index of the quote that closes the string opened at `open` (-1 when there is none). */
function closingQuote(text: string, open: number): number {
  let q = text.indexOf('"', open + 1);
  while (q >= 0) {
    // Escaped when preceded by an odd number of backslashes.
    let b = q - 1;
    while (text.charCodeAt(b) === BACKSLASH) b--;
    if ((q - 1 - b) % 2 === 0) return q;
    q = text.indexOf('"', q + 1);
  }
  return -1;
}

/**
 * Find the records of the top-level `resources` array, a step per chunk of text; undefined if
 * there is none. Strings (most of a dataset's text) are skipped with `indexOf`; only the
 * characters between them are looked at one by one.
 */
function* scan(text: string): Generator<void, Layout | undefined> {
  const n = text.length;
  let depth = 0;
  /** The last string closed at depth 1 (a key, or a value). */
  let lastKey = '';
  let layout: Layout | undefined;
  let recordStart = -1;
  let next = CHUNK;
  const inArray = () => depth === 2 && layout !== undefined && layout.close < 0;
  for (let i = 0; i < n; i++) {
    if (i >= next) {
      next = i + CHUNK;
      yield;
    }
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      if (end < 0) return undefined;
      if (depth === 1) lastKey = text.slice(i + 1, end);
      else if (inArray() && recordStart < 0) recordStart = i;
      i = end;
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (depth === 1 && c === OPEN_ARRAY && lastKey === 'resources') {
        // A second `resources` key: JSON.parse keeps the last; leave such a document to it.
        if (layout) return undefined;
        layout = { open: i, close: -1, starts: [], ends: [] };
      } else if (inArray() && recordStart < 0) {
        recordStart = i;
      }
      depth++;
      continue;
    }
    if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
      if (inArray() && recordStart >= 0) {
        // A record (an object or an array) ends here.
        (layout as Layout).starts.push(recordStart);
        (layout as Layout).ends.push(i + 1);
        recordStart = -1;
      } else if (depth === 1 && layout && layout.close < 0 && c === CLOSE_ARRAY) {
        if (recordStart >= 0) {
          layout.starts.push(recordStart);
          layout.ends.push(i);
          recordStart = -1;
        }
        layout.close = i;
      }
      continue;
    }
    if (inArray()) {
      if (c === COMMA) {
        if (recordStart >= 0) {
          // A record that is not an object or array (a number, a string, true, null): it ends at the comma.
          (layout as Layout).starts.push(recordStart);
          (layout as Layout).ends.push(i);
          recordStart = -1;
        }
      } else if (recordStart < 0 && c > 0x20) {
        recordStart = i;
      }
    }
  }
  return layout && layout.close > layout.open && depth === 0 ? layout : undefined;
}

/** The document's first records, told once while the rest is still being parsed. */
export interface JsonHead {
  /** How many records make the head. */
  records: number;
  /**
   * Hears the document with only its first `records` records (a copy), and how many records the
   * whole document has. Called only when the document has more. A promise it returns is waited
   * for before the parse goes on (for example: until what was made of it is painted).
   */
  take: (head: Record<string, unknown>, total: number) => void | Promise<void>;
}

/**
 * The steps: `JSON.parse(text)`'s value at the end; throws what JSON.parse throws. With `head`,
 * the document's first records are told as soon as they are parsed (a step may then yield
 * the promise `head.take` returned; {@link runInSlices} waits for it).
 */
export function* parseJsonInSteps(text: string, head?: JsonHead): Generator<void | Promise<void>, unknown> {
  if (text.length < CHUNK * 4) return JSON.parse(text) as unknown;
  const layout = yield* scan(text);
  if (!layout) return JSON.parse(text) as unknown;
  let doc: unknown;
  try {
    // The document with an empty array in place of the records.
    doc = JSON.parse(`${text.slice(0, layout.open + 1)}${text.slice(layout.close)}`);
  } catch {
    return JSON.parse(text) as unknown;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !Array.isArray((doc as { resources?: unknown }).resources)) {
    return JSON.parse(text) as unknown;
  }
  const records: unknown[] = new Array<unknown>(layout.starts.length);
  for (let k = 0; k < layout.starts.length; k++) {
    yield;
    try {
      records[k] = JSON.parse(text.slice(layout.starts[k], layout.ends[k]));
    } catch {
      return JSON.parse(text) as unknown;
    }
    if (head && k + 1 === head.records && records.length > head.records) {
      const wait = head.take({ ...(doc as Record<string, unknown>), resources: records.slice(0, k + 1) }, records.length);
      if (wait) yield wait;
    }
  }
  (doc as { resources: unknown[] }).resources = records;
  return doc;
}
