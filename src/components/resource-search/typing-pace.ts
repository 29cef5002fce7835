/**
 * The pace of <recovery-resource-search> while a person types. A search that took longer than
 * SLOW_SEARCH_MS is not run inside the key press that asks for it: it waits for a turn of the
 * event loop, so key presses that arrive meanwhile go first and only the newest words are
 * searched (a faster one answers within the same frame). The URL and the `recovery-search`
 * event follow typing after a pause; any other change, once it is shown.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Milliseconds a search may take and still answer within the key press. */
const SLOW_SEARCH_MS = 8;
/** The URL and the `recovery-search` event follow typing after this pause (ms). */
const REPORT_DEBOUNCE = 600;

export class TypingPace implements ReactiveController {
  /** How long the last search took (decides whether typing answers at once). */
  private lastSearchMs = 0;
  private typeTimer?: ReturnType<typeof setTimeout>;
  private reportTimer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.typeTimer);
    clearTimeout(this.reportTimer);
  }

  /** A key press: `search` now when searches are quick, else after the key presses already waiting. */
  typed(search: () => void): void {
    clearTimeout(this.typeTimer);
    if (this.lastSearchMs < SLOW_SEARCH_MS) search();
    else this.typeTimer = setTimeout(search, 0);
  }

  /** Enter: a search still waiting for its turn is dropped (the element searches now). */
  submitted(): void {
    clearTimeout(this.typeTimer);
  }

  /** Report a change: after a pause in typing (`replace`), or once it is shown (`push`, a new history entry). */
  report(how: 'typing' | 'now', shown: () => Promise<unknown>, report: (mode: 'push' | 'replace') => void): void {
    clearTimeout(this.reportTimer);
    if (how === 'typing') this.reportTimer = setTimeout(() => report('replace'), REPORT_DEBOUNCE);
    else void shown().then(() => report('push'));
  }

  /** Run a search, noting how long it took. */
  timed<T>(search: () => T): T {
    const started = performance.now();
    const result = search();
    this.lastSearchMs = performance.now() - started;
    return result;
  }
}
