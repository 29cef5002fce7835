/**
 * JSON.parse of a large dataset document in steps, so tens of megabytes never freeze the page
 * in one long task, and a first view can be shown before the document has even arrived.
 *
 * A {@link RecordScanner} reads the text as it comes (a chunk at a time: the pieces of a
 * download, or slices of a whole text) and finds the top-level `resources` array and where
 * each of its records starts and ends. As soon as it has found enough records it can tell the
 * document's first records (its "head") to whoever wants a first view. Once the whole text is
 * there, the document around the array is parsed at once (it is small), then each record on
 * its own (a step per record).
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

/** Characters scanned per step of a whole text. */
const CHUNK = 65_536;

/** Top-level fields a head needs before the records (a document may put them after). */
const HEAD_FIELDS = ['help', 'time_zone'];

/** Where the records are: offsets in the whole text. */
export interface Layout {
  /** Index of the `[` of the top-level `resources` array, and of its `]`. */
  open: number;
  close: number;
  /** Start and end (exclusive) of each record in the array. */
  starts: number[];
  ends: number[];
}

/** The document's first records, told once while the rest is still being read. */
export interface JsonHead {
  /** How many records make the head. */
  records: number;
  /**
   * Hears the document with only its first `records` records: the top-level fields that come
   * before the `resources` array and, when the whole document is known by then, those after
   * it; `total` is its number of records when known (undefined while it is still arriving).
   * Told only for a document with at least twice `records` records. A promise it returns is
   * waited for before reading goes on (for example: until what was made of it is painted).
   */
  take: (head: Record<string, unknown>, total: number | undefined) => void | Promise<void>;
}

/**
 * Finds the records of a document's top-level `resources` array in text given a chunk at a
 * time. Strings (most of a dataset's text) are skipped with `indexOf`; only the characters
 * between them are looked at one by one. A string may end in a later chunk.
 */
export class RecordScanner {
  /** Undefined until the array is found; `false` once the text is known not to be a plain dataset. */
  private layout: Layout | undefined | false;
  private depth = 0;
  /** Whether a chunk ended inside a string, and (at depth 1) that string's text so far. */
  private inString = false;
  private stringText = '';
  /** Backslashes just before the end of the last chunk, inside a string. */
  private trailingBackslashes = 0;
  /** The last string closed at depth 1 (a key, or a value). */
  private lastKey = '';
  private recordStart = -1;
  /** Offset of the next chunk in the whole text. */
  private offset = 0;
  private readonly chunks: string[] = [];
  private headTold = false;

  constructor(
    private readonly head?: JsonHead,
    /** The top-level array whose items are the records (an HSDS page's `contents`). */
    private readonly key = 'resources',
  ) {}

  /** Whether the head was told (never twice). */
  get toldHead(): boolean {
    return this.headTold;
  }

  /**
   * Read the next chunk of text. Returns what the head's `take` returned, the first time
   * enough records are found; undefined otherwise.
   */
  push(chunk: string): void | Promise<void> {
    const base = this.offset;
    this.chunks.push(chunk);
    this.offset += chunk.length;
    if (this.layout === false) return undefined;
    const n = chunk.length;
    let i = 0;
    if (this.inString) {
      i = this.endOfString(chunk, 0);
      if (i < 0) return undefined;
    }
    for (; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (c === QUOTE) {
        if (this.depth === 2 && this.inArray() && this.recordStart < 0) this.recordStart = base + i;
        this.inString = true;
        this.stringText = '';
        this.trailingBackslashes = 0;
        const end = this.endOfString(chunk, i + 1);
        if (end < 0) break;
        i = end - 1;
        continue;
      }
      if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        if (this.depth === 1 && c === OPEN_ARRAY && this.lastKey === this.key) {
          // A second `resources` key: JSON.parse keeps the last; leave such a document to it.
          if (this.layout) {
            this.layout = false;
            return undefined;
          }
          this.layout = { open: base + i, close: -1, starts: [], ends: [] };
        } else if (this.inArray() && this.recordStart < 0) {
          this.recordStart = base + i;
        }
        this.depth++;
        continue;
      }
      if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        this.depth--;
        const layout = this.layout;
        if (this.inArray() && this.recordStart >= 0) {
          // A record (an object or an array) ends here.
          this.record(base + i + 1);
        } else if (this.depth === 1 && layout && layout.close < 0 && c === CLOSE_ARRAY) {
          if (this.recordStart >= 0) this.record(base + i);
          layout.close = base + i;
        }
        continue;
      }
      if (this.inArray()) {
        if (c === COMMA) {
          // A record that is not an object or array (a number, true, null): it ends at the comma.
          if (this.recordStart >= 0) this.record(base + i);
        } else if (this.recordStart < 0 && c > 0x20) {
          this.recordStart = base + i;
        }
      }
    }
    return this.maybeTellHead();
  }

  /** Where the records are, once every chunk has been read; undefined when the text is not a plain dataset. */
  finish(): Layout | undefined {
    const layout = this.layout;
    this.chunks.length = 0;
    return layout && !this.inString && layout.close > layout.open && this.depth === 0 ? layout : undefined;
  }

  private inArray(): boolean {
    return this.depth === 2 && this.layout !== undefined && this.layout !== false && this.layout.close < 0;
  }

  private record(end: number): void {
    const layout = this.layout as Layout;
    layout.starts.push(this.recordStart);
    layout.ends.push(end);
    this.recordStart = -1;
  }

  /**
   * Inside a string, from `from` in `chunk`: the index just after its closing quote, or -1 when
   * the chunk ends first (the string goes on in the next one).
   */
  private endOfString(chunk: string, from: number): number {
    let j = from;
    for (;;) {
      const q = chunk.indexOf('"', j);
      if (q < 0) {
        // The chunk ends inside the string: count the backslashes it ends with.
        let b = chunk.length;
        while (b > j && chunk.charCodeAt(b - 1) === BACKSLASH) b--;
        this.trailingBackslashes = (b === j && j === from ? this.trailingBackslashes : 0) + (chunk.length - b);
        if (this.depth === 1) this.stringText += chunk.slice(from);
        return -1;
      }
      // Escaped when preceded by an odd number of backslashes (some may end the last chunk).
      let b = q;
      while (b > j && chunk.charCodeAt(b - 1) === BACKSLASH) b--;
      const run = q - b + (b === 0 && j === 0 ? this.trailingBackslashes : 0);
      this.trailingBackslashes = 0;
      if (run % 2 === 0) {
        this.inString = false;
        // A string at depth 1 is a key (or a value); the last one before `[` names the array.
        if (this.depth === 1) this.lastKey = this.stringText + chunk.slice(from, q);
        this.stringText = '';
        return q + 1;
      }
      j = q + 1;
    }
  }

  /** The text from `start` to `end` (offsets in the whole text), from the chunks kept so far. */
  private text(start: number, end: number): string {
    let out = '';
    let at = 0;
    for (const chunk of this.chunks) {
      const next = at + chunk.length;
      if (next > start && at < end) out += chunk.slice(Math.max(0, start - at), Math.min(chunk.length, end - at));
      if (next >= end) break;
      at = next;
    }
    return out;
  }

  /** Tell the head once twice its records are found (so it is a small part of the document). */
  private maybeTellHead(): void | Promise<void> {
    const head = this.head;
    const layout = this.layout;
    if (!head || this.headTold || !layout) return undefined;
    const known = layout.close >= 0 ? layout.starts.length : undefined;
    if ((known ?? layout.starts.length) < 2 * head.records) return undefined;
    let doc: unknown;
    const records: unknown[] = [];
    try {
      // The fields before the array (and, once the array is closed, after it), with an empty array.
      const before = this.text(0, layout.open + 1);
      doc = JSON.parse(known === undefined ? `${before}]}` : `${before}${this.text(layout.close, this.offset)}`);
    } catch {
      return undefined; // (the fields after a closed array may not have all come: try at the next chunk)
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined;
    // Before the array is closed, only a document whose help and time zone come before its
    // records: a first view never shows other help lines than the document's own.
    if (known === undefined && !(HEAD_FIELDS.every((f) => f in (doc as object)))) return undefined;
    this.headTold = true;
    try {
      for (let k = 0; k < head.records; k++) records.push(JSON.parse(this.text(layout.starts[k] as number, layout.ends[k] as number)));
    } catch {
      return undefined; // a head that does not parse says nothing: the whole document will
    }
    return head.take({ ...(doc as Record<string, unknown>), resources: records }, known);
  }
}

/**
 * The steps: `JSON.parse(text)`'s value at the end; throws what JSON.parse throws. `key` names
 * the top-level array parsed record by record (default `resources`). `scanned`
 * is the scanner that has already read the whole text as it arrived (then it is not scanned
 * again); otherwise the text is scanned a chunk per step. With `head`, the document's first
 * records are told as soon as they are found (a step may then yield the promise `head.take`
 * returned; {@link runInSlices} waits for it).
 */
export function* parseJsonInSteps(text: string, head?: JsonHead, scanned?: RecordScanner, key = 'resources'): Generator<void | Promise<void>, unknown> {
  let scanner = scanned;
  if (!scanner) {
    if (text.length < CHUNK * 4) return JSON.parse(text) as unknown;
    scanner = new RecordScanner(head, key);
    for (let i = 0; i < text.length; i += CHUNK) {
      const wait = scanner.push(text.slice(i, i + CHUNK));
      yield wait ?? undefined;
    }
  }
  const layout = scanner.finish();
  if (!layout) return JSON.parse(text) as unknown;
  let doc: unknown;
  try {
    // The document with an empty array in place of the records.
    doc = JSON.parse(`${text.slice(0, layout.open + 1)}${text.slice(layout.close)}`);
  } catch {
    return JSON.parse(text) as unknown;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !Array.isArray((doc as Record<string, unknown>)[key])) {
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
  }
  (doc as Record<string, unknown>)[key] = records;
  return doc;
}
