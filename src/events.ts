/**
 * The custom events of recovery-finder, one typed class each. They bubble and are composed
 * (a host page listens on the element or above it), and fire only on a person's action.
 */
import type { Resource } from './core/schema.js';
import type { SignupSubmission } from './core/signup.js';

export type { SignupSubmission };

/** A person ran a search or changed its filters (debounced while typing). */
export class RecoverySearchEvent extends Event {
  static readonly eventName = 'recovery-search';
  constructor(
    readonly query: string,
    readonly filters: Readonly<Record<string, unknown>>,
    readonly resultCount: number,
  ) {
    super(RecoverySearchEvent.eventName, { bubbles: true, composed: true });
  }
}

/** A person chose a result (in a list or on a map). */
export class RecoverySelectEvent extends Event {
  static readonly eventName = 'recovery-select';
  constructor(readonly resource: Resource) {
    super(RecoverySelectEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * A person submitted the newsletter signup. Cancel it (`preventDefault()`) to handle the
 * submission in the host page's own code instead of posting to `action`.
 */
export class RecoverySignupEvent extends Event {
  static readonly eventName = 'recovery-signup';
  constructor(readonly submission: SignupSubmission) {
    super(RecoverySignupEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'recovery-search': RecoverySearchEvent;
    'recovery-select': RecoverySelectEvent;
    'recovery-signup': RecoverySignupEvent;
  }
}
