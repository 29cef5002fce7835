/**
 * Waiting out a 429's `Retry-After`: until when, and whether the wait ends with a send by the
 * element itself. A short wait (up to `maxSeconds`) is sent again automatically, at most
 * `maxTimes` in a row, so a service that keeps answering 429 is not asked again and again
 * without the person; a longer one only lets Retry work again when it is over.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class RetryAfterController implements ReactiveController {
  /** When the wait ends (epoch ms), or undefined when there is no wait. */
  until: number | undefined;
  /** The wait ends with a send by the element itself. */
  auto = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private autoSends = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Called when an automatic wait is over. */
    private readonly onDue: () => void,
    private readonly maxSeconds = 120,
    private readonly maxTimes = 3,
  ) {
    host.addController(this);
  }

  get waiting(): boolean {
    return this.until !== undefined;
  }

  /** Wait `seconds` (at least one: "Retry-After: 0" is no reason to hammer). */
  start(seconds: number, now = Date.now()): void {
    this.clear();
    const wait = Math.max(seconds, 1);
    this.until = now + wait * 1000;
    this.auto = wait <= this.maxSeconds && this.autoSends < this.maxTimes;
    // setTimeout's longest delay is 2^31-1 ms; a longer wait just ends then.
    this.timer = setTimeout(() => {
      const auto = this.auto;
      this.clear();
      if (!auto) return;
      this.autoSends += 1;
      this.onDue();
    }, Math.min(wait * 1000, 2 ** 31 - 1));
    this.host.requestUpdate();
  }

  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.until = undefined;
    this.auto = false;
    this.host.requestUpdate();
  }

  /** The person sent it themselves: automatic sends count from zero again. */
  personSent(): void {
    this.autoSends = 0;
  }

  hostDisconnected(): void {
    this.clear();
  }
}
