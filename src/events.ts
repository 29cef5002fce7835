/**
 * The custom events of recovery-finder, one typed class each. They bubble and are composed
 * (a host page listens on the element or above it), and fire only on a person's action.
 */
import type { Category, DisposalItem, Population, Resource } from './core/schema.js';
import type { SignupSubmission } from './core/signup.js';
import type { DeliveryFilter } from './core/search.js';

export type { SignupSubmission };

/** The filters of a `<recovery-resource-search>` search. Never coordinates. */
export interface ResourceSearchFilters {
  categories: Category[];
  language: string;
  population: Population | '';
  free: boolean;
  delivery: DeliveryFilter | '';
  openNow: boolean;
  /** The ZIP a person typed ('' when none). */
  zip: string;
  /** Distance in miles (0 for any distance, or no place). */
  miles: number;
  /** The person used their location. */
  nearMe: boolean;
}

/** The choices of a `<recovery-disposal-locator>` search. Never coordinates. */
export interface DisposalSearchFilters {
  item: DisposalItem;
  /** Distance in miles. */
  maxDistance: number;
  location: 'zip' | 'geolocation';
}

/** The filters of a search, by element. */
export type SearchFiltersOf = ResourceSearchFilters | DisposalSearchFilters;

/** A person ran a search or changed its filters (debounced while typing). */
export class RecoverySearchEvent<F extends SearchFiltersOf = SearchFiltersOf> extends Event {
  static readonly eventName = 'recovery-search';
  constructor(
    readonly query: string,
    readonly filters: Readonly<F>,
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

/** How a link was passed on: the device's share sheet, the clipboard, or shown for copying by hand. */
export type ShareMethod = 'share' | 'copy' | 'shown';

/** A person shared one record (or their list): the link carries ids and a ZIP only, never coordinates. */
export class RecoveryShareEvent extends Event {
  static readonly eventName = 'recovery-share';
  constructor(
    readonly url: string,
    readonly method: ShareMethod,
    /** The record shared (undefined when a whole list was shared). */
    readonly resource?: Resource,
  ) {
    super(RecoveryShareEvent.eventName, { bubbles: true, composed: true });
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
    'recovery-share': RecoveryShareEvent;
    'recovery-signup': RecoverySignupEvent;
  }
}
