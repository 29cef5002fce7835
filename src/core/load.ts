/**
 * Fetching datasets (and other JSON, such as ZIP centroid tables).
 *
 * - Every caller that names the same URL shares one request (`sharedJson`).
 * - Each attempt has a timeout; a network failure, a timeout, HTTP 5xx or 429 is retried once
 *   after a backoff; 4xx, a body that is not JSON, or an invalid document is not.
 * - A caller passes its own AbortSignal (an element leaving the page): it stops waiting at once,
 *   and the request itself is aborted only when no caller is waiting any more.
 * - Failures are `DatasetLoadError`s with a `kind` an element can put into words.
 *
 * DOM-free apart from `fetch`, which browsers and Node 20 both have.
 */
import {
  describeProblem,
  validateDataset,
  validateDatasetSliced,
  type Dataset,
  type ValidationProblem,
  type ValidationProgress,
  type ValidationResult,
} from './schema.js';
import { DataCache } from './cache.js';
import { Lazy } from './lazy.js';
import { offListOrigin } from './allowed-origins.js';
import { SLICE_MS, runInSlices, timeBudget, yieldToPage, type SliceBudget } from './slices.js';
import type { RecordScanner } from './json-slices.js';

/**
 * `busy`: the server answered 429 or 503 with a `Retry-After` longer than the time left
 * (`retryAfter` says how long it asked for).
 */
export type LoadErrorKind = 'network' | 'timeout' | 'http' | 'busy' | 'not-json' | 'invalid' | 'aborted' | 'refused';

/**
 * Milliseconds a person waits, at most, to learn what happened to a load: every attempt, wait
 * and retry of one load together (a directory's pages included).
 */
export const LOAD_BUDGET_MS = 20_000;

/** The clock of the loader's waits and time limits (tests give one that does not wait real seconds). */
export interface LoadClock {
  /** Milliseconds, from any fixed point. */
  now(): number;
  /**
   * Resolves after `ms` milliseconds; rejects with the signal's reason when it fires first.
   * `kind`: a `wait` the loader chose (a backoff, a `Retry-After`), or a time `limit` running
   * beside a request.
   */
  sleep(ms: number, signal?: AbortSignal, kind?: 'wait' | 'limit'): Promise<void>;
}

/** The real clock: `performance.now()` and `setTimeout`. */
export const realClock: LoadClock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason as Error);
      const t = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => {
        clearTimeout(t);
        reject(signal.reason as Error);
      }, { once: true });
    }),
};

/** The clock every load uses unless its options name one (tests replace it). */
export const loadTiming: { clock: LoadClock } = { clock: realClock };

/** `Retry-After` waits honoured in a row, at most, within the budget. */
export const RETRY_AFTER_WAITS = 3;

/** Seconds from a `Retry-After` header (delta-seconds or an HTTP date); undefined for anything else. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  const text = header?.trim() ?? '';
  if (/^\d{1,12}$/.test(text)) return Number(text);
  // An HTTP date has a weekday or month name; "-5" or "soon" is not one.
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - now) / 1000));
}

export class DatasetLoadError extends Error {
  override name = 'DatasetLoadError';
  constructor(
    readonly kind: LoadErrorKind,
    message: string,
    readonly url?: string,
    /** HTTP status, for kind `http`. */
    readonly status?: number,
    /** Record problems, for kind `invalid`. */
    readonly problems: ValidationProblem[] = [],
    /** For kind `http` 400: the request parameter the server's JSON error names, if any. */
    readonly parameter?: string,
    /** For a 429 or 503 (kinds `http` and `busy`): the seconds its `Retry-After` asked for. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  /** Whether asking again could change the answer: not for a request the server refused as such. */
  get retryable(): boolean {
    if (this.kind !== 'http') return this.kind !== 'aborted' && this.kind !== 'refused';
    const status = this.status ?? 0;
    return status >= 500 || status === 408 || status === 429 || status < 400;
  }
}

/** The parameter a 400 answer's JSON error names (`{"parameter": "postcode"}`), if any. */
async function refusedParameter(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { parameter?: unknown };
    return typeof body.parameter === 'string' && /^[a-z_]{1,40}$/.test(body.parameter) ? body.parameter : undefined;
  } catch {
    return undefined;
  }
}

export interface FetchOptions {
  /** Stop waiting (and, if no one else waits, cancel the request). */
  signal?: AbortSignal;
  /** Milliseconds one attempt may take. Default 9 000. */
  timeoutMs?: number;
  /**
   * Milliseconds all attempts together may take, backoff included, before the caller is told
   * it failed. Default 20 000: a person waiting learns what happened within 20 s.
   */
  deadlineMs?: number;
  /** Extra attempts after a retryable failure. Default 1. */
  retries?: number;
  /** Wait before the first retry, doubled for each later one. Default 600 ms. */
  backoffMs?: number;
  /**
   * When all attempts must be over, on the clock's time (`clock.now()`), whatever `deadlineMs`
   * says: several requests of one load share one budget.
   */
  deadlineAt?: number | undefined;
  /**
   * The top-level array of a large JSON document, parsed one item a step (default `resources`;
   * an HSDS page's is `contents`).
   */
  recordsKey?: string | undefined;
  /**
   * That array of a document parsed record by record is given as a `JsonRecords`
   * (json-slices.ts): its records kept as text and parsed when read, for a caller that reads
   * them one at a time (a small document, parsed whole, keeps its array). A function is also
   * shown each record as it is checked (see `parseJsonInSteps`).
   */
  lazyRecords?: boolean | ((record: unknown) => void) | undefined;
  /** The clock of waits and time limits. Default {@link loadTiming}'s. */
  clock?: LoadClock | undefined;
  /** Told between two slices of a long validation how far it has come (see {@link OnPartial}). */
  onPartial?: OnPartial | undefined;
  /**
   * Called with each attempt's response once its headers are in: a sink returned reads the
   * body as it arrives (the text is still returned whole at the end).
   */
  sink?: ((response: Response) => TextSink | undefined | Promise<TextSink | undefined>) | undefined;
}

/**
 * A dataset still being validated: the records valid so far, out of `total` in the document.
 * `dataset.resources` is a copy, never changed after the call.
 */
export interface PartialDataset {
  dataset: Dataset;
  /** Records looked at so far (valid or not). */
  checked: number;
  /** Records in the document; undefined while it is still arriving. */
  total: number | undefined;
  /** A directory's first page, more to come: worth showing whatever its size. */
  early?: boolean | undefined;
}

/**
 * Called between two slices of a validation with what is valid so far. It may return a promise
 * (for example: until the page has painted what it made of it); the validation waits for it.
 */
export type OnPartial = (partial: PartialDataset) => void | Promise<void>;

export interface LoadedDataset {
  dataset: Dataset;
  /** Records that were skipped, and why. */
  problems: ValidationProblem[];
  /** Help contacts that were skipped, or a missing help block (the built-in contacts are used). */
  helpProblems: ValidationProblem[];
  url?: string;
  /** Set when only part of the data came (a directory's later pages did not): why the rest did not. */
  unfinished?: DatasetLoadError | undefined;
}

const DEFAULTS = { timeoutMs: 9_000, deadlineMs: LOAD_BUDGET_MS, retries: 1, backoffMs: 600 };

/** Time an attempt needs, at least: a retry with less left is not made. */
const ATTEMPT_MIN_MS = 1_000;

function retryable(e: unknown): boolean {
  if (!(e instanceof DatasetLoadError)) return false;
  if (e.kind === 'network' || e.kind === 'timeout') return true;
  return e.kind === 'http' && (e.status === 429 || (e.status ?? 0) >= 500);
}

/**
 * The answer to a request the CMS loader (src/cms.ts) made for this URL before the element's
 * code had loaded, taken once; undefined when there is none.
 */
function takePrefetched(url: string): Promise<Response> | undefined {
  const store = (globalThis as { [key: symbol]: Map<string, Promise<Response>> | undefined })[Symbol.for('recovery-finder.prefetch')];
  const answer = store?.get(url);
  store?.delete(url);
  return answer;
}

/** Reads a body's text as it arrives (see {@link FetchOptions.sink}). */
export interface TextSink {
  /** The next piece of the text; a promise it returns is waited for before the next piece. */
  push(chunk: string): void | Promise<void>;
}

/** A body's text: whole, or (read by a sink) the pieces it came in, never joined. */
async function attempt(url: string, signal: AbortSignal, timeoutMs: number, clock: LoadClock, sink?: FetchOptions['sink']): Promise<string | string[]> {
  const timeout = new AbortController();
  const timer = new AbortController();
  clock.sleep(timeoutMs, timer.signal, 'limit').then(() => timeout.abort(), () => undefined);
  const both = AbortSignal.any([signal, timeout.signal]);
  try {
    let response: Response;
    try {
      const early = takePrefetched(url);
      response = await (early ? untilAborted(early, both, url) : fetch(url, { signal: both, headers: { Accept: 'application/json' } }));
    } catch (e) {
      if (signal.aborted) throw new DatasetLoadError('aborted', 'The request was cancelled.', url);
      if (timeout.signal.aborted) throw new DatasetLoadError('timeout', `No answer from ${url} within ${timeoutMs} ms.`, url);
      throw new DatasetLoadError('network', `Could not reach ${url}: ${(e as Error).message}`, url);
    }
    // A page that lists its allowed origins (the embed page) takes no data from elsewhere,
    // not even through a redirect from an allowed address.
    const offList = offListOrigin(response);
    if (offList) {
      void response.body?.cancel().catch(() => undefined);
      throw new DatasetLoadError('refused', `${url} was redirected to ${offList}, which this page does not allow.`, url);
    }
    if (!response.ok) {
      const parameter = response.status === 400 ? await untilAborted(refusedParameter(response), both, url).catch(() => undefined) : undefined;
      const busy = response.status === 429 || response.status === 503;
      const wait = busy ? retryAfterSeconds(response.headers.get('Retry-After')) : undefined;
      void response.body?.cancel().catch(() => undefined);
      throw new DatasetLoadError('http', `${url} answered HTTP ${response.status}${parameter ? ` (parameter ${parameter})` : ''}.`, url, response.status, [], parameter, wait);
    }
    // A large document is on its way: its parser's chunk comes while the body does.
    if (Number(response.headers.get('content-length')) >= STEPPED_PARSE_ABOVE) void loadSteppedParser().catch(() => undefined);
    try {
      const reader = sink && response.body ? await untilAborted(Promise.resolve(sink(response)), both, url) : undefined;
      if (!reader || !response.body) return await untilAborted(response.text(), both, url);
      // Read as it arrives, each piece handed to the sink (TextDecoderStream decodes as text() does).
      const parts: string[] = [];
      const pieces = response.body.pipeThrough(new TextDecoderStream()).getReader();
      // Pieces that have already arrived are read one after another without a task between
      // them: the page gets a turn after each slice of reading.
      const slice = timeBudget(SLICE_MS);
      let spent = slice();
      try {
        for (;;) {
          const { done, value } = await untilAborted(pieces.read(), both, url);
          if (done) break;
          parts.push(value);
          const wait = reader.push(value);
          if (wait) await untilAborted(wait, both, url);
          if (wait || spent()) {
            await yieldToPage();
            spent = slice();
          }
        }
      } catch (e) {
        void pieces.cancel().catch(() => undefined);
        throw e;
      }
      return parts;
    } catch (e) {
      if (timeout.signal.aborted) throw new DatasetLoadError('timeout', `${url} was too slow to send its data.`, url);
      throw new DatasetLoadError(signal.aborted ? 'aborted' : 'network', `Reading ${url} failed: ${(e as Error).message}`, url);
    }
  } finally {
    timer.abort();
  }
}

/**
 * Fetch a text with timeout, retry and an overall deadline, for one caller. A 429 or 503 with a
 * `Retry-After` is asked again after that wait (up to {@link RETRY_AFTER_WAITS} times) when the
 * wait and an attempt fit in the time left; otherwise it fails at once with kind `busy`.
 */
export async function fetchText(url: string, options: FetchOptions = {}): Promise<string> {
  return [await fetchBody(url, options)].flat().join('');
}

/** {@link fetchText}, a body read by a sink left in the pieces it came in. */
async function fetchBody(url: string, options: FetchOptions): Promise<string | string[]> {
  const { timeoutMs, deadlineMs, retries, backoffMs } = { ...DEFAULTS, ...options };
  const clock = options.clock ?? loadTiming.clock;
  const signal = options.signal ?? new AbortController().signal;
  const deadline = Math.min(clock.now() + deadlineMs, options.deadlineAt ?? Infinity);
  let failures = 0;
  let waits = 0;
  for (;;) {
    const left = deadline - clock.now();
    if (left <= 0) throw new DatasetLoadError('timeout', `No time was left to ask ${url}.`, url);
    try {
      return await attempt(url, signal, Math.min(timeoutMs, left), clock, options.sink);
    } catch (e) {
      if (!retryable(e) || signal.aborted) throw e;
      const asked = e instanceof DatasetLoadError ? e.retryAfter : undefined;
      let wait: number;
      if (asked !== undefined) {
        wait = asked * 1000;
        // The server named its wait: longer than the time left, say so now (and how long).
        if (clock.now() + wait + ATTEMPT_MIN_MS > deadline) {
          const { status } = e as DatasetLoadError;
          throw new DatasetLoadError('busy', `${url} is busy (HTTP ${status}) and asked to wait ${asked} s.`, url, status, [], undefined, asked);
        }
        if (waits++ >= RETRY_AFTER_WAITS) throw e;
      } else {
        wait = backoffMs * 2 ** failures;
        // No time left for a wait and a real attempt: say so now rather than at the deadline.
        const timeLeft = deadline - clock.now() - wait > ATTEMPT_MIN_MS;
        if (failures++ >= retries || !timeLeft) throw e;
      }
      await clock.sleep(wait, signal, 'wait').catch(() => {
        throw new DatasetLoadError('aborted', 'The request was cancelled.', url);
      });
    }
  }
}

/** Characters of JSON above which a document is parsed in steps (about 1,500 records). */
const STEPPED_PARSE_ABOVE = 1_000_000;

/** The stepped parser: a chunk of its own, asked for once, when a large document is on its way. */
const steppedParser = new Lazy(() => import('./json-slices.js'));
const loadSteppedParser = () => steppedParser.load();

/**
 * Records of a large document validated and told to `onPartial` as soon as the document has
 * parsed (the document's "head"), before the whole document is validated: enough for a first
 * view, few enough for one short task. Told for a document of at least twice as many records,
 * and only once it is certain they are the records JSON.parse gives (see json-slices.ts).
 */
export const HEAD_RECORDS = 300;

/** Characters after which a document with an `onPartial` is scanned as it arrives. */
const STREAM_ABOVE = 512_000;

/** Fetch and parse JSON with timeout, retry and an overall deadline, for one caller. */
export async function fetchJson(url: string, options: FetchOptions = {}): Promise<unknown> {
  const { onPartial } = options;
  const head = onPartial
    ? {
        records: HEAD_RECORDS,
        // In a task of its own (the scan before it may have used its slice).
        take: (doc: Record<string, unknown>, total: number | undefined) =>
          yieldToPage().then(() => {
            const result = validateDataset(doc);
            // A head that does not validate says nothing: the whole document's validation will.
            if (result.ok) return onPartial({ dataset: result.dataset, checked: HEAD_RECORDS, total });
          }),
      }
    : undefined;
  // A document is read as it arrives; once it is large, it is scanned as it arrives too, so it
  // need not be read again once it has come.
  let scanner: RecordScanner | undefined;
  // (An HSDS page too: its pieces are never joined, a long task at tens of megabytes.)
  const sink = head || options.recordsKey
    ? () => {
        scanner = undefined; // (an earlier attempt's)
        const early: string[] = [];
        let size = 0;
        let unscanned = false;
        return {
          push(chunk: string): void | Promise<void> {
            if (scanner) return scanner.push(chunk);
            if (unscanned) return undefined;
            early.push(chunk);
            size += chunk.length;
            if (size < STREAM_ABOVE) return undefined;
            // Large: the scanner's code, then what has come so far. Without its code (it could
            // not be loaded), the document is read whole, as a small one is.
            return loadSteppedParser().then(
              ({ RecordScanner }) => {
                const scan = (scanner = new RecordScanner(options.recordsKey));
                for (const part of early.splice(0)) scan.push(part);
              },
              () => {
                unscanned = true; // not asked again for this document
                early.length = 0;
              },
            );
          },
        };
      }
    : undefined;
  const body = await fetchBody(url, sink ? { ...options, sink } : options);
  try {
    // Not scanned as it came (small, or the scanner's code did not load): one string.
    const text = scanner ? body : [body].flat().join('');
    if (typeof text === 'string' && text.length < STEPPED_PARSE_ABOVE) return JSON.parse(text) as unknown;
    // A large document is parsed in steps, so it never freezes the page in one long task
    // (scanned already as it arrived, or now). Its first records are told to `onPartial` as
    // soon as they are certain (once every record has parsed).
    const { parseJsonInSteps } = await loadSteppedParser();
    return await runInSlices(parseJsonInSteps(text, head, scanner, options.recordsKey, options.lazyRecords), options.signal ? { signal: options.signal } : {});
  } catch {
    if (options.signal?.aborted) throw new DatasetLoadError('aborted', 'The request was cancelled.', url);
    throw new DatasetLoadError('not-json', `${url} did not return JSON.`, url);
  }
}

interface Shared {
  promise: Promise<unknown>;
  controller: AbortController;
  waiting: number;
  settled: boolean;
}

/**
 * The most URLs whose requests (`shared`) and validated datasets (`loadedByUrl`) are kept: far
 * more than a page names (its elements' datasets and the two ZIP tables); a page that keeps
 * changing its `src` (a configurator's live preview) asks again for the oldest.
 */
export const DATASETS_KEPT = 16;

const shared = new DataCache<Shared>(DATASETS_KEPT);
const parsed = new WeakMap<object, LoadedDataset>();

/**
 * Like `fetchJson`, but every caller naming the same absolute URL shares one request. A
 * successful answer is kept for the page's lifetime; a failure is forgotten so a later call
 * tries again.
 */
export function sharedJson(url: string, options: FetchOptions = {}): Promise<unknown> {
  const key = new URL(url, globalThis.location?.href).href;
  let entry = shared.get(key);
  if (!entry) {
    const controller = new AbortController();
    const created: Shared = { controller, waiting: 0, settled: false, promise: Promise.resolve() };
    created.promise = fetchJson(key, { ...options, signal: controller.signal }).then(
      (value) => {
        created.settled = true;
        return value;
      },
      (e: unknown) => {
        created.settled = true;
        if (shared.get(key) === created) shared.delete(key);
        throw e;
      },
    );
    shared.set(key, created);
    entry = created;
  }
  const current = entry;
  const { signal } = options;
  if (!signal) return current.promise;
  if (signal.aborted) return Promise.reject(new DatasetLoadError('aborted', 'The request was cancelled.', key));
  current.waiting++;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      current.waiting--;
      if (current.waiting === 0 && !current.settled) {
        current.controller.abort();
        if (shared.get(key) === current) shared.delete(key);
      }
      reject(new DatasetLoadError('aborted', 'The request was cancelled.', key));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    current.promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        current.waiting--;
        resolve(value);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        current.waiting--;
        reject(e);
      },
    );
  });
}

/** Forget shared requests (tests; or a page that wants fresh data). */
export function clearSharedRequests(): void {
  shared.clear();
  loadedByUrl.clear();
}

function cachedFor(input: unknown): LoadedDataset | undefined {
  return typeof input === 'object' && input !== null ? parsed.get(input) : undefined;
}

/** How many problems are named one by one in the console; the rest are summed up in one line. */
export const WARNINGS_NAMED = 10;

/**
 * Warn about skipped records and help contacts: the first {@link WARNINGS_NAMED} problems
 * named (record id, field path, reason), then one line for the rest, so 100,000 bad records
 * give 11 lines, not 200,000.
 */
export function warnProblems(problems: readonly ValidationProblem[], url?: string): void {
  const where = url ? ` (in ${url})` : '';
  const named = problems.slice(0, WARNINGS_NAMED);
  for (const p of named) {
    const skipped = p.repaired ? 'repaired ' : p.kept ? 'kept ' : p.index !== undefined ? 'skipped ' : '';
    console.warn(`recovery-finder: ${skipped}${describeProblem(p)}${where}`);
  }
  const rest = problems.length - named.length;
  if (rest > 0) {
    const records = new Set(problems.filter((p) => p.scope !== 'help' && !p.repaired && !p.kept).map((p) => p.index)).size;
    const contacts = new Set(problems.filter((p) => p.scope === 'help' && p.index !== undefined && !p.kept).map((p) => p.index)).size;
    const skipped = [records ? `${records} record${records === 1 ? '' : 's'}` : '', contacts ? `${contacts} help contact${contacts === 1 ? '' : 's'}` : '']
      .filter(Boolean)
      .join(' and ');
    console.warn(`recovery-finder: and ${rest} more problem${rest === 1 ? '' : 's'}; ${skipped} skipped in all${where}`);
  }
}

/** Turn a validation result into a LoadedDataset: throw on a broken document, warn about what was skipped. */
function accept(input: unknown, result: ValidationResult, url?: string): LoadedDataset {
  if (!result.ok) {
    throw new DatasetLoadError('invalid', result.error, url, undefined, result.problems);
  }
  warnProblems([...result.helpProblems, ...result.problems], url);
  const loaded: LoadedDataset = {
    dataset: result.dataset,
    problems: result.problems,
    helpProblems: result.helpProblems,
    ...(url ? { url } : {}),
  };
  if (typeof input === 'object' && input !== null) parsed.set(input, loaded);
  return loaded;
}

/**
 * Validate a dataset given as a value (the `data` property, or parsed JSON). Bad records are
 * skipped, each with a console warning naming it; a broken document throws kind `invalid`.
 * The same value is validated once per page.
 */
export function datasetFrom(input: unknown, url?: string): LoadedDataset {
  return cachedFor(input) ?? accept(input, validateDataset(input), url);
}

interface Validating {
  work: Promise<LoadedDataset>;
  /** Callers that want to hear of the records validated so far. */
  listeners: Set<OnPartial>;
}

const validating = new WeakMap<object, Validating>();

/**
 * How sliced validations are cut (tests set a step budget, so the slices are the same on every
 * machine). Default: every 12 ms of work.
 */
export const validationSlicing: { budget?: SliceBudget | undefined } = {};

/** Reject with kind `aborted` as soon as the signal fires; otherwise settle as `work` does. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined, url?: string): Promise<T> {
  if (!signal) return work;
  const aborted = () => new DatasetLoadError('aborted', 'The request was cancelled.', url);
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Like {@link datasetFrom}, in slices that give the page a turn (large datasets). Callers
 * with the same document share one validation; a caller's signal only stops its own wait.
 */
export function datasetFromSliced(input: unknown, url?: string, signal?: AbortSignal, onPartial?: OnPartial): Promise<LoadedDataset> {
  const cached = cachedFor(input);
  if (cached) return Promise.resolve(cached);
  if (typeof input !== 'object' || input === null) return untilAborted(Promise.resolve().then(() => datasetFrom(input, url)), signal, url);
  let entry = validating.get(input);
  if (!entry) {
    const progress: ValidationProgress = { total: 0, checked: 0 };
    const listeners = new Set<OnPartial>();
    // Between two slices: the page's turn, then (in a task of its own) the listeners hear
    // what is valid so far, then another turn before the next slice.
    const pause = async () => {
      await yieldToPage();
      const ds = progress.dataset;
      if (!listeners.size || !ds) return;
      const partial: PartialDataset = { dataset: { ...ds, resources: ds.resources.slice() }, checked: progress.checked, total: progress.total };
      const waits = [...listeners].map((l) => l(partial));
      await Promise.all(waits);
      await yieldToPage();
    };
    const work = validateDatasetSliced(input, { progress, pause, ...(validationSlicing.budget ? { budget: validationSlicing.budget } : {}) }).then((result) => accept(input, result, url));
    const created: Validating = { work, listeners };
    validating.set(input, created);
    work.catch(() => validating.delete(input)).finally(() => listeners.clear());
    entry = created;
  }
  const { work, listeners } = entry;
  if (!onPartial) return untilAborted(work, signal, url);
  listeners.add(onPartial);
  return untilAborted(work, signal, url).finally(() => listeners.delete(onPartial));
}

/**
 * Validated datasets by absolute URL. Once a document is validated, its parsed JSON is
 * forgotten (the validated copy is all that is used), so the page never keeps both.
 */
const loadedByUrl = new DataCache<LoadedDataset>(DATASETS_KEPT);

/** Load, share and validate a dataset from a URL. */
export async function loadDataset(url: string, options: FetchOptions = {}): Promise<LoadedDataset> {
  const key = new URL(url, globalThis.location?.href).href;
  const done = loadedByUrl.get(key);
  if (done) return untilAborted(Promise.resolve(done), options.signal, url);
  const json = await sharedJson(url, options);
  const loaded = await datasetFromSliced(json, url, options.signal, options.onPartial);
  loadedByUrl.set(key, loaded);
  // The raw document is no longer needed by anyone loading this URL.
  shared.delete(key);
  return loaded;
}
