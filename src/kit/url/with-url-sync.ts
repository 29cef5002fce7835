/**
 * `withUrlSync`: an element that keeps its state in the page URL (`sync-url`, `url-prefix`,
 * through UrlSync), and the actions on its cards ("Share", whose link the page reads back, and
 * "Add to my list", through CardActions). The element names its prefix and keys
 * (`urlSettings`), takes the URL's values on back and forward (`onUrlPop`) and says which ZIP a
 * shared link carries (`shareZip`).
 *
 * ```ts
 * export class RecoveryThing extends withUrlSync(withPlace(RecoveryDatasetElement))<Data> { … }
 * ```
 */
import { property } from 'lit/decorators.js';
import { UrlSync, cleanPrefix, type UrlValues } from './url-state.js';
import { CardActions } from '../card/card-actions.js';
import type { Constructor, DatasetElementClass } from '../base/dataset-element.js';

/** What an element keeps in the page URL. */
export interface UrlSettings {
  /** Its default prefix (`rs`, `pm`, `dl`). */
  prefix: string;
  /** The keys, in the order they are written (`zip` among them). */
  keys: readonly string[];
}

/** What `withUrlSync` adds to an element. */
export declare abstract class UrlSyncMembers {
  /** Keep the element's choices (a search's words and filters), the ZIP and the chosen record in the page URL (shareable; back and forward work; a shared link opens its record). */
  syncUrl: boolean;
  /** Prefix of this element's URL parameters (default `rs` for the search, `pm` for the PRSC map, `dl` for the disposal locator): set it when two of the same element on one page both have `sync-url`. */
  urlPrefix: string;
  /** The element's parameters in the page URL. */
  protected readonly url: UrlSync;
  /** "Share" and "Add to my list" on each card. */
  protected readonly cardActions: CardActions;
  /** The URL prefix in use. */
  protected get paramPrefix(): string;
  /** The element's URL prefix and keys. */
  protected abstract get urlSettings(): UrlSettings;
  /** Back or forward: the values now in the URL (undefined: none of the element's). */
  protected abstract onUrlPop(values: UrlValues | undefined): void;
  /** The ZIP a shared link carries: the one the person gave, if any. */
  protected abstract get shareZip(): string | undefined;
}

export const withUrlSync = <T extends DatasetElementClass>(base: T) => {
  abstract class WithUrlSync extends base {
    /** Keep the element's choices (a search's words and filters), the ZIP and the chosen record in the page URL (shareable; back and forward work; a shared link opens its record). */
    @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;
    /** Prefix of this element's URL parameters (default `rs` for the search, `pm` for the PRSC map, `dl` for the disposal locator): set it when two of the same element on one page both have `sync-url`. */
    @property({ attribute: 'url-prefix' }) urlPrefix = '';

    /** The element's parameters in the page URL. */
    protected readonly url = this.urlSync();
    /** "Share" and "Add to my list" on each card. */
    protected readonly cardActions = new CardActions(this, {
      prefix: () => this.paramPrefix,
      zip: () => this.shareZip,
      canShare: () => this.syncUrl,
    });

    /** The element's URL prefix and keys. */
    protected abstract get urlSettings(): UrlSettings;
    /** Back or forward: the values now in the URL (undefined: none of the element's). */
    protected abstract onUrlPop(values: UrlValues | undefined): void;
    /** The ZIP a shared link carries: the one the person gave, if any. */
    protected abstract get shareZip(): string | undefined;

    private urlSync(): UrlSync {
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the keys are the subclass's, read when used
      const el = this;
      return new UrlSync(this, {
        enabled: () => this.syncUrl,
        prefix: () => this.paramPrefix,
        get keys() {
          return el.urlSettings.keys;
        },
        onPop: (values) => this.onUrlPop(values),
      });
    }

    /** The URL prefix in use. */
    protected get paramPrefix(): string {
      return cleanPrefix(this.urlPrefix, this.urlSettings.prefix, this.localName);
    }
  }
  return WithUrlSync as unknown as Constructor<UrlSyncMembers> & T;
};
