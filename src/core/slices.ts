/**
 * Long work in slices, so a large dataset never freezes the page in one long task.
 *
 * The work is written once, as a generator that yields after each small step (one record);
 * {@link runWhole} runs it to the end at once, {@link runInSlices} gives the page a turn
 * whenever a slice's budget is spent. The budget is a clock by default and a step count where
 * the caller wants the same slices on every machine (tests), so the slicing itself can be
 * checked without measuring time.
 */

/** Starts a slice and tells when it is spent. */
export type SliceBudget = () => () => boolean;

/**
 * Milliseconds of work in a slice, by default: well under the 50 ms of a long task, so a key
 * pressed during the work is answered within a frame or two.
 */
export const SLICE_MS = 12;

/** A slice is spent after `ms` milliseconds of work (at least one step). */
export function timeBudget(ms: number): SliceBudget {
  return () => {
    const end = performance.now() + ms;
    return () => performance.now() >= end;
  };
}

/** A slice is spent after `steps` steps, whatever the machine's speed. */
export function stepBudget(steps: number): SliceBudget {
  const size = Math.max(1, Math.floor(steps));
  return () => {
    let left = size;
    return () => --left <= 0;
  };
}

/** Wait for the event loop: `scheduler.yield()` where the browser has it, else a timer. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface SliceOptions {
  /** Stop between two slices: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** When a slice is spent. Default: after {@link SLICE_MS} of work. */
  budget?: SliceBudget;
  /** How the page gets its turn between slices. Default {@link yieldToPage}. */
  pause?: () => Promise<void>;
}

/** Run every step at once and return the result. */
export function runWhole<T>(steps: Iterator<unknown, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * Run the steps in slices, giving the page a turn between two slices. A step that yields a
 * promise (a wait the work asks for, such as "until this is painted") ends its slice: the
 * next step runs once that promise has settled.
 */
export async function runInSlices<T>(steps: Iterator<unknown, T>, options: SliceOptions = {}): Promise<T> {
  const { signal, budget = timeBudget(SLICE_MS), pause = yieldToPage } = options;
  signal?.throwIfAborted();
  let spent = budget();
  let step = steps.next();
  while (!step.done) {
    if (step.value instanceof Promise) {
      await step.value.catch(() => undefined);
      signal?.throwIfAborted();
      spent = budget();
    } else if (spent()) {
      await pause();
      signal?.throwIfAborted();
      spent = budget();
    }
    step = steps.next();
  }
  return step.value;
}

/**
 * Sort a copy of `items` in steps (yielding every `chunk` elements moved), for a sort too
 * long for one task. The same order as `[...items].sort(compare)`: both sorts are stable
 * (runs of `chunk` are sorted natively, then merged pairwise, the left run first on ties).
 */
export function* sortInSteps<T>(items: readonly T[], compare: (a: T, b: T) => number, chunk = 2048): Generator<void, T[]> {
  const n = items.length;
  const size = Math.max(1, Math.floor(chunk));
  let src = items.slice();
  for (let lo = 0; lo < n; lo += size) {
    const run = src.slice(lo, lo + size).sort(compare);
    for (let i = 0; i < run.length; i++) src[lo + i] = run[i] as T;
    yield;
  }
  let dst = new Array<T>(n);
  for (let width = size; width < n; width *= 2) {
    let moved = 0;
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        dst[k++] = compare(src[j] as T, src[i] as T) < 0 ? (src[j++] as T) : (src[i++] as T);
        if (++moved % size === 0) yield;
      }
      while (i < mid) dst[k++] = src[i++] as T;
      while (j < hi) dst[k++] = src[j++] as T;
    }
    [src, dst] = [dst, src];
    yield;
  }
  return src;
}
