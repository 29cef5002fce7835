/**
 * JSON.parse of a large dataset document in steps, so tens of megabytes never freeze the page
 * in one long task, and a first view can be shown before the document has even arrived.
 *
 * A {@link RecordScanner} reads the text as it comes (a chunk at a time: the pieces of a
 * download, or slices of a whole text) and finds the top-level `resources` array and where
 * each of its records starts and ends. As soon as it has found enough records it can tell the
 * document's first records (its "head") to whoever wants a first view. Once the whole text is
 * there, the document around the array is parsed at once (it is small), the text between the
 * records is checked (whitespace and exactly one comma between two records), then each record
 * is parsed on its own (a step per record).
 *
 * The result is the same value `JSON.parse(text)` gives, and it accepts exactly what JSON.parse
 * accepts. Any text this does not understand (not an object, no `resources` array, a second
 * top-level `resources` key however spelt, a syntax error anywhere) is handed to `JSON.parse`
 * whole, so errors are exactly JSON.parse's.
 *
 * A caller that reads the records one at a time (an HSDS page of 100,000 services) can have
 * them kept as their text, each parsed again when read ({@link JsonRecords}): the records of
 * the whole document are then never all objects at once. Held as objects, every one of them
 * survives V8's young-generation collections, which copy them: pauses of 40 to 110 ms in the
 * middle of the parse, whatever its slices.
 *
 * The head is told only once it is certain: after the whole text has arrived and every record
 * has parsed, so the first view never shows a record the final answer will not have (a later
 * duplicate `resources` key, or a syntax error after the head, would replace or remove it).
 * It still comes before the document's validation, which is the long part.
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

/**
 * A document's text: one string, or the pieces it arrived in. The pieces of a large download
 * are never joined (joining tens of megabytes into one string is itself a long task): a
 * record's text is cut from the piece or two it lies in.
 */
export type JsonText = string | readonly string[];

/** What is read of a text: its length and a part of it. */
interface TextSource {
  readonly length: number;
  slice(from?: number, to?: number): string;
}

/** The pieces of a text read as one string is. */
class Pieces implements TextSource {
  readonly length: number;
  /** Where each piece starts in the whole text. */
  private readonly at: number[] = [];

  constructor(private readonly pieces: readonly string[]) {
    let n = 0;
    for (const piece of pieces) {
      this.at.push(n);
      n += piece.length;
    }
    this.length = n;
  }

  slice(from = 0, to = this.length): string {
    const end = Math.min(to, this.length);
    if (end <= from) return '';
    // The last piece that starts at or before `from`.
    let lo = 0;
    let hi = this.pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.at[mid] as number) <= from) lo = mid;
      else hi = mid - 1;
    }
    let out = '';
    for (let k = lo; k < this.pieces.length && (this.at[k] as number) < end; k++) {
      const start = this.at[k] as number;
      out += (this.pieces[k] as string).slice(Math.max(0, from - start), end - start);
    }
    return out;
  }

  /** The whole text as one string (only for what is handed to JSON.parse whole). */
  toString(): string {
    return this.pieces.join('');
  }
}

/** Characters scanned per step of a whole text. */
const CHUNK = 65_536;

/** JSON's whitespace (nothing else may stand between the records), and a separator between two. */
const SPACE = /^[ \t\n\r]*$/;
const SEPARATOR = /^[ \t\n\r]*,[ \t\n\r]*$/;

/** Where the records are: offsets in the whole text. */
export interface Layout {
  /** Index of the `[` of the top-level `resources` array, and of its `]`. */
  open: number;
  close: number;
  /** Start and end (exclusive) of each record in the array. */
  starts: number[];
  ends: number[];
}

/** The document's first records, told once it is certain they are the final answer's. */
export interface JsonHead {
  /** How many records make the head. */
  records: number;
  /**
   * Hears the document (every top-level field) with only its first `records` records, and its
   * number of records `total`. Told only for a document with at least twice `records` records,
   * once the whole text has parsed (so never for a document that JSON.parse would reject or
   * whose records a later duplicate key would replace). A promise it returns is waited for
   * before the parse goes on (for example: until what was made of it is painted).
   */
  take: (head: Record<string, unknown>, total: number) => void | Promise<void>;
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
  /** Whether the next string at depth 1 is a key (after the top-level `{` or a comma). */
  private expectKey = false;
  /** The last key closed at depth 1, decoded, and how many of them were `resources`. */
  private lastKey = '';
  private resourcesKeys = 0;
  private recordStart = -1;
  /** Offset of the next chunk in the whole text. */
  private offset = 0;

  constructor(
    /** The top-level array whose items are the records (an HSDS page's `contents`). */
    private readonly recordsKey = 'resources',
  ) {}

  /** Read the next chunk of text. */
  push(chunk: string): void {
    const base = this.offset;
    this.offset += chunk.length;
    if (this.layout === false) return;
    const n = chunk.length;
    let i = 0;
    if (this.inString) {
      i = this.endOfString(chunk, 0);
      if (i < 0) return;
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
        if (this.depth === 1 && c === OPEN_ARRAY && this.lastKey === this.recordsKey && !this.layout) {
          this.layout = { open: base + i, close: -1, starts: [], ends: [] };
        } else if (this.inArray() && this.recordStart < 0) {
          this.recordStart = base + i;
        }
        this.expectKey = this.depth === 0 && c === OPEN_OBJECT;
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
      if (c === COMMA && this.depth === 1) this.expectKey = true;
      if (this.inArray()) {
        if (c === COMMA) {
          // A record that is not an object or array (a number, true, null): it ends at the comma.
          if (this.recordStart >= 0) this.record(base + i);
        } else if (this.recordStart < 0 && c > 0x20) {
          this.recordStart = base + i;
        }
      }
    }
  }

  /** Where the records are, once every chunk has been read; undefined when the text is not a plain dataset. */
  finish(): Layout | undefined {
    const layout = this.layout;
    return layout && !this.inString && layout.close > layout.open && this.depth === 0 && this.resourcesKeys === 1 ? layout : undefined;
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

  /** A key at depth 1 has closed: remember it, decoded (`"resourc\u0065s"` is `resources` too). */
  private key(raw: string): void {
    let key = raw;
    if (raw.includes('\\')) {
      try {
        key = JSON.parse(`"${raw}"`) as string;
      } catch {
        // (a broken key: the text is JSON.parse's to reject)
      }
    }
    this.lastKey = key;
    if (key === this.recordsKey && ++this.resourcesKeys > 1) this.layout = false; // JSON.parse keeps the last: leave it to JSON.parse
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
        if (this.depth === 1 && this.expectKey) this.stringText += chunk.slice(from);
        return -1;
      }
      // Escaped when preceded by an odd number of backslashes (some may end the last chunk).
      let b = q;
      while (b > j && chunk.charCodeAt(b - 1) === BACKSLASH) b--;
      const run = q - b + (b === 0 && j === 0 ? this.trailingBackslashes : 0);
      this.trailingBackslashes = 0;
      if (run % 2 === 0) {
        this.inString = false;
        if (this.depth === 1 && this.expectKey) {
          this.key(this.stringText + chunk.slice(from, q));
          this.expectKey = false;
        }
        this.stringText = '';
        return q + 1;
      }
      j = q + 1;
    }
  }
}

/**
 * A large document's records kept as their text: each is parsed when read, a new value each
 * time, and is garbage as soon as its reader is done with it. Every record is known to parse
 * (see {@link parseJsonInSteps}).
 */
export class JsonRecords {
  constructor(
    private readonly text: TextSource,
    private readonly starts: readonly number[],
    private readonly ends: readonly number[],
  ) {}

  /** How many records. */
  get length(): number {
    return this.starts.length;
  }

  /** Record `index` parsed (what JSON.parse gives for it); undefined past the end. */
  at(index: number): unknown {
    const start = this.starts[index];
    return start === undefined ? undefined : (JSON.parse(this.text.slice(start, this.ends[index])) as unknown);
  }

  /** Only the records that are objects (as `{…}`), in their order. */
  objects(): JsonRecords {
    const keep = this.starts.flatMap((start, k) => (this.text.slice(start, start + 1) === '{' ? [k] : []));
    if (keep.length === this.starts.length) return this;
    return new JsonRecords(this.text, keep.map((k) => this.starts[k] as number), keep.map((k) => this.ends[k] as number));
  }
}

/**
 * Whether only JSON whitespace stands before record `k` (after the array's `[`, or after one
 * comma following record `k - 1`); `k` = the record count asks about the text before `]`.
 */
function separatedBefore(text: TextSource, layout: Layout, k: number): boolean {
  const { starts, ends } = layout;
  const from = k === 0 ? layout.open + 1 : ends[k - 1];
  const to = k === starts.length ? layout.close : starts[k];
  return (k === 0 || k === starts.length ? SPACE : SEPARATOR).test(text.slice(from, to));
}

/**
 * The steps: `JSON.parse(text)`'s value at the end; throws what JSON.parse throws. `key` names
 * the top-level array parsed record by record (default `resources`). `scanned`
 * is the scanner that has already read the whole text as it arrived (then it is not scanned
 * again); otherwise the text is scanned a chunk per step. With `head`, the document's first
 * records are told once every record has parsed (a step may then yield the promise
 * `head.take` returned; {@link runInSlices} waits for it). With `lazy`, a document parsed record
 * by record has a {@link JsonRecords} in place of that array (each record checked, then
 * dropped); a small or odd document, parsed whole, keeps its array. A function as `lazy` is also
 * shown each record as it is checked (what a caller needs to know of the records, noted without
 * parsing them again; it may be shown some records of a document that then fails or is parsed
 * whole, and then has no JsonRecords).
 */
export function* parseJsonInSteps(body: JsonText, head?: JsonHead, scanned?: RecordScanner, key = 'resources', lazy: boolean | ((record: unknown) => void) = false): Generator<void | Promise<void>, unknown> {
  const text: TextSource = typeof body === 'string' ? body : new Pieces(body);
  const whole = () => JSON.parse(text.toString()) as unknown;
  let scanner = scanned;
  if (!scanner) {
    if (text.length < CHUNK * 4) return whole();
    scanner = new RecordScanner(key);
    for (let i = 0; i < text.length; i += CHUNK) {
      scanner.push(text.slice(i, i + CHUNK));
      yield;
    }
  }
  const layout = scanner.finish();
  if (!layout || !separatedBefore(text, layout, layout.starts.length)) return whole();
  let doc: unknown;
  try {
    // The document with an empty array in place of the records.
    doc = JSON.parse(`${text.slice(0, layout.open + 1)}${text.slice(layout.close)}`);
  } catch {
    return whole();
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !Array.isArray((doc as Record<string, unknown>)[key])) {
    return whole();
  }
  const total = layout.starts.length;
  const records: unknown[] = lazy ? [] : new Array<unknown>(total);
  for (let k = 0; k < total; k++) {
    yield;
    // Checked a record at a time (one pass over 100,000 gaps is a long task of its own).
    if (!separatedBefore(text, layout, k)) return whole();
    try {
      const record: unknown = JSON.parse(text.slice(layout.starts[k], layout.ends[k]));
      if (!lazy) records[k] = record;
      else if (typeof lazy === 'function') lazy(record);
    } catch {
      return whole();
    }
  }
  if (head && total >= 2 * head.records) {
    // Parsed again: the head's records are its own, whatever is made of them.
    const first = Array.from({ length: head.records }, (_, k) => JSON.parse(text.slice(layout.starts[k], layout.ends[k])) as unknown);
    yield head.take({ ...(doc as Record<string, unknown>), [key]: first }, total);
  }
  (doc as Record<string, unknown>)[key] = lazy ? new JsonRecords(text, layout.starts, layout.ends) : records;
  return doc;
}
