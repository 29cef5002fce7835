/**
 * `withApi`: an element that can read an Open Referral HSDS 3.0 API instead of a file (`api`,
 * `api-taxonomy`, and the time one request may take, `apiTimeoutMs`). How it asks is the
 * element's own: the search per search (api-link.ts), the maps one question each (`withMap`).
 *
 * ```ts
 * export class RecoveryThing extends withApi(withPlace(RecoveryDatasetElement))<Data> { … }
 * ```
 */
import { property } from 'lit/decorators.js';
import type { TaxonomyMap } from '../../core/sources/hsds-api.js';
import type { Constructor, DatasetElementClass } from '../base/dataset-element.js';
import type { UrlAttribute } from '../base/attribute.js';

/** How an element asks its `api` (the settings of core/sources/hsds-lazy.ts and of the search's api-search.ts). */
export interface ApiOptions {
  /** A usable `api-taxonomy`: term ids mapped to categories, or the URL of a JSON file holding that map. */
  taxonomy: TaxonomyMap | string | undefined;
  /** Milliseconds one request may take (`apiTimeoutMs`). */
  timeoutMs: number;
}

/** What `withApi` adds to an element. */
export declare abstract class ApiMembers {
  /** Base URL of an Open Referral HSDS 3.0 API to read instead of a file. */
  api: UrlAttribute;
  /** With `api`: the directory's taxonomy term ids mapped to categories, or the URL of a JSON file holding that map. */
  apiTaxonomy?: TaxonomyMap | UrlAttribute;
  /** With `api`: its taxonomy (a usable `api-taxonomy`) and the time one request may take. */
  protected get apiOptions(): ApiOptions;
}

/** What `withApi` adds to an element's class (exported for the declarations of the classes it makes).
 * @public */
export interface ApiStatics {
  /** With `api`: milliseconds one request may take before it counts as failed. */
  apiTimeoutMs: number;
}

export const withApi = <T extends DatasetElementClass>(base: T) => {
  abstract class WithApi extends base {
    /** With `api`: milliseconds one request may take before it counts as failed. */
    static apiTimeoutMs = 9_000;

    /**
     * Base URL of an Open Referral HSDS 3.0 API to read instead of a file (README, "The search element on an HSDS API",
     * "The map elements on an HSDS API"): the search asks it per search, a map once. Only a ZIP code is ever sent, never coordinates.
     */
    @property() api: UrlAttribute = '';
    /** With `api`: the directory's taxonomy term ids mapped to categories (`{"term-id": "peer-support"}`; the maps read `recovery-center`), or the URL of a JSON file holding that map. */
    @property({ attribute: 'api-taxonomy' }) apiTaxonomy?: TaxonomyMap | UrlAttribute;

    /** With `api`: its taxonomy (a usable `api-taxonomy`) and the time one request may take. */
    protected get apiOptions(): ApiOptions {
      const taxonomy = typeof this.apiTaxonomy === 'string' || typeof this.apiTaxonomy === 'object' ? this.apiTaxonomy : undefined;
      return { taxonomy, timeoutMs: (this.constructor as unknown as ApiStatics).apiTimeoutMs };
    }
  }
  return WithApi as unknown as Constructor<ApiMembers> & ApiStatics & T;
};
