// Helpers shared by the browser tests.
import { executeServerCommand } from '@web/test-runner-commands';
import { clearSharedRequests } from '../src/core/load.js';
import { localeReady } from '../src/kit/i18n/localize.js';

/** A dataset served by the local test endpoint (test/server/endpoints.mjs). */
export function datasetUrl(params: Record<string, string | number> = {}): string {
  const q = new URLSearchParams(Object.entries({ fixture: 'dataset', ...params }).map(([k, v]) => [k, String(v)]));
  return `/test-api/dataset?${q}`;
}

let keyCounter = 0;
/** A key no other test uses, so request counts and stored posts are this test's own. */
export function uniqueKey(prefix = 'k'): string {
  return `${prefix}-${Date.now()}-${keyCounter++}`;
}

/** How many requests the test endpoint saw for a key. */
export async function requestCount(key: string): Promise<number> {
  const r = await fetch(`/test-api/count?key=${encodeURIComponent(key)}`);
  return ((await r.json()) as { count: number }).count;
}

export type GeolocationSetting =
  | { latitude: number; longitude: number }
  | { denied: true }
  | { unavailable: true }
  | { noPosition: true }
  | { reset: true };

/** Make the browser's geolocation answer as given (real browser API, set over CDP). */
export async function setGeolocation(setting: GeolocationSetting): Promise<void> {
  await executeServerCommand('set-geolocation', setting);
}

/**
 * Wait until `check` is true (re-checked every 20 ms on a timer: a page in a background tab
 * gets no animation frames when two test files run at once), or fail after `ms`. The limit is
 * only a safety net against a hang, generous enough for a machine whose cores are all busy:
 * no test says how fast something must happen.
 */
export async function until(check: () => boolean, message = 'condition', ms = 20_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * "My list" is one localStorage key for the whole origin, and the runner has two test files'
 * pages open at once: a file that writes the list, or checks what it shows, takes an origin-wide
 * lock (the Web Locks API) for its whole run, so no other file's write lands in the middle of its
 * tests. The lock is let go when the file ends, or when its page closes. Call once, at the top
 * of the file.
 */
export function takeTurnsWithMyList(): void {
  let letGo: (() => void) | undefined;
  before(async function () {
    // Waits for the other file's turn; the run's own limit (testsFinishTimeout) still holds.
    this.timeout(0);
    await new Promise<void>((granted) => {
      void navigator.locks.request('recovery-finder-tests:my-list', () => {
        granted();
        return new Promise<void>((done) => (letGo = done));
      });
    });
  });
  after(() => letGo?.());
}

/** Wait for the page's language switch to finish. */
export { localeReady };

/**
 * Fail the current test file on any Lit dev-mode warning other than the one that says dev
 * mode is on (Spectrum's testForLitDevWarnings habit). Call at the top of a describe().
 */
export function failOnLitWarnings(): void {
  const seen: string[] = [];
  const original = console.warn;
  before(() => {
    console.warn = (...args: unknown[]) => {
      const text = args.map(String).join(' ');
      if (text.includes('lit.dev/msg') && !text.includes('dev-mode')) seen.push(text);
      original.apply(console, args);
    };
  });
  afterEach(() => {
    clearSharedRequests();
    if (seen.length) {
      const found = seen.splice(0);
      throw new Error(`Lit warned:\n${found.join('\n')}`);
    }
  });
  after(() => {
    console.warn = original;
  });
}

/**
 * A loader clock (core/load.ts `LoadClock`) that never waits real time: every `wait` the loader
 * chooses (a backoff, a Retry-After) is recorded and over at once (the clock moves on by it); a
 * time `limit` beside a request runs out only when the test calls `advance`.
 */
export class TestClock {
  time = 1_000_000;
  /** The waits the loader chose, in milliseconds, in order. */
  readonly waits: number[] = [];
  private limits: { due: number; resolve: () => void }[] = [];

  now = (): number => this.time;

  sleep = (ms: number, signal?: AbortSignal, kind: 'wait' | 'limit' = 'wait'): Promise<void> => {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    if (kind === 'wait') {
      this.waits.push(ms);
      this.time += Math.max(0, ms);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const limit = { due: this.time + ms, resolve };
      this.limits.push(limit);
      signal?.addEventListener('abort', () => {
        this.limits = this.limits.filter((l) => l !== limit);
        reject(signal.reason as Error);
      }, { once: true });
    });
  };

  /** Time limits running now. */
  get running(): number {
    return this.limits.length;
  }

  /** Move on by `ms`: the limits that ran out fire. */
  advance(ms: number): void {
    this.time += ms;
    const due = this.limits.filter((l) => l.due <= this.time);
    this.limits = this.limits.filter((l) => l.due > this.time);
    for (const l of due) l.resolve();
  }
}
