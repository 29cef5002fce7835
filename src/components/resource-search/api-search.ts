/**
 * `<recovery-resource-search api="…">` (loaded only for an element that has `api`): the search asks an HSDS 3.0 API (core/sources/hsds-api.ts)
 * instead of searching a file. This controller turns the element's search state into the
 * question the API is asked and keeps it steady while a person types: a change of words is
 * sent after a pause (one request per pause; the DatasetController aborts the stale one when the
 * question changes), any other change at once. "Show more" asks for one more page.
 *
 * What is sent: the words, the categories (as the directory's taxonomy terms), a ZIP code and a
 * distance. For "use my location" the ZIP is the nearest one to the person, worked out in the
 * browser (PlaceController): coordinates are never sent.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatCount } from '../../kit/ui/format.js';
import type { Dataset } from '../../core/schema.js';
import type { SearchResult } from '../../core/search.js';
import type { HsdsDataSource, HsdsPageInfo, TaxonomyMap } from '../../core/sources/hsds-api.js';
import type { HsdsQuery } from '../../core/sources/hsds-query.js';
import { lazyHsdsSource } from '../../core/sources/hsds-lazy.js';
import type { Place } from '../../kit/place/place-controller.js';
import { NEAREST_ZIP_MAX_KM } from '../../core/zip-lookup.js';
import { milesToKm } from '../../core/geo.js';
import type { SearchState } from './url-state.js';

export interface ApiSearchSettings {
  /** The API's base URL (`api`); empty: not in use. */
  api: string;
  /** Taxonomy term id → categories, when the directory has its own terms. */
  taxonomy: TaxonomyMap | string | undefined;
  /** Results asked for per page. */
  perPage: number;
  /** Milliseconds one request may take. */
  timeoutMs: number;
  /** Milliseconds of quiet after typing before the words are sent. */
  pauseMs: number;
}

export class ApiSearchController implements ReactiveController {
  private question?: HsdsQuery | undefined;
  private pending?: HsdsQuery | undefined;
  private timer?: ReturnType<typeof setTimeout>;
  private current?: HsdsDataSource | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly settings: () => ApiSearchSettings,
  ) {
    host.addController(this);
  }

  /** True when the element reads from an API. */
  get active(): boolean {
    return Boolean(this.settings().api);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** Follow the element's state (called before each render). */
  follow(search: SearchState, place: Place | undefined): void {
    if (!this.active) return;
    const s = this.settings();
    const next: HsdsQuery = {
      search: search.query.trim(),
      categories: [...search.categories],
      zip: place?.zip ?? '',
      // From a location, the ZIP sent may be up to NEAREST_ZIP_MAX_KM from the person: ask that
      // much wider, and the distance is then applied exactly here (search filters).
      proximity: place && search.miles ? (milesToKm(search.miles) + (place.source === 'location' ? NEAREST_ZIP_MAX_KM : 0)) * 1000 : 0,
      pages: 1,
      perPage: s.perPage,
    };
    const now = this.question;
    if (now && same(now, next, true)) {
      // Nothing the API hears about changed (only local filters did): keep the pages fetched.
      this.pending = undefined;
      clearTimeout(this.timer);
      return;
    }
    if (this.pending && same(this.pending, next, true)) return;
    clearTimeout(this.timer);
    if (now && same(now, next, false)) {
      // Only the words changed: wait for a pause in the typing.
      this.pending = next;
      this.timer = setTimeout(() => this.commit(), s.pauseMs);
      return;
    }
    this.pending = next;
    this.commit(false);
  }

  /** Send the words now (Enter). */
  flush(search: SearchState, place: Place | undefined): void {
    this.follow(search, place);
    if (this.pending) this.commit();
  }

  private commit(update = true): void {
    clearTimeout(this.timer);
    if (!this.pending) return;
    this.question = this.pending;
    this.pending = undefined;
    if (update) this.host.requestUpdate();
  }

  /** The source for the current question (one object per question, so its page info stays). */
  source(): HsdsDataSource {
    const s = this.settings();
    const q = this.question ?? { search: '', categories: [], zip: '', proximity: 0, pages: 1, perPage: s.perPage };
    // The question is the key (the API's own URLs are made when it is asked).
    const key = JSON.stringify([s.api, q.search, [...q.categories].sort(), q.zip, q.proximity, q.perPage, q.pages]);
    if (this.current?.key === key) return this.current;
    const source = lazyHsdsSource(s.api, q, { taxonomy: s.taxonomy, timeoutMs: s.timeoutMs }, key);
    this.current = source;
    return source;
  }

  /** How many the API has in all, once an answer came. */
  get info(): HsdsPageInfo | undefined {
    return this.current?.info;
  }

  /** The API has more results than those fetched. */
  get hasMore(): boolean {
    const info = this.info;
    return Boolean(info && info.fetched < info.totalItems && this.question);
  }

  /** Ask for the next page. */
  more(): void {
    if (!this.question || !this.hasMore) return;
    this.question = { ...this.question, pages: this.question.pages + 1 };
    this.host.requestUpdate();
  }

  /** Every match the directory has, unless a filter of ours narrowed what it sent. */
  count(shown: number, search: SearchState): number {
    const info = this.info;
    const s = search;
    const narrowed = Boolean(s.language || s.population || s.free || s.delivery || s.openNow);
    return info && !narrowed && shown >= info.fetched ? Math.max(shown, info.totalItems) : shown;
  }

  /** The counts beside the filters are for the results fetched so far: say so. */
  renderNote(): TemplateResult | typeof nothing {
    const info = this.info;
    if (!info || info.fetched >= info.totalItems) return nothing;
    return html`<p class="muted api-note" part="api-note">${msg(
      str`The directory has ${formatCount(info.totalItems)} matches; filter counts are for the ${formatCount(info.fetched)} shown so far.`,
    )}</p>`;
  }

  /**
   * The local search ran over what the API sent, without the words (the API matched them):
   * keep the API's order (best match first), unless distance orders the list, and warn of
   * crisis words (`crisis`: core/search's isCrisisQuery of the words) as a file search does.
   */
  adapt(result: SearchResult, dataset: Dataset | undefined, crisis: boolean, near: boolean): SearchResult {
    if (near || !dataset) return { ...result, crisis };
    const position = new Map(dataset.resources.map((r, i) => [r, i]));
    const hits = [...result.hits].sort((a, b) => (position.get(a.resource) ?? 0) - (position.get(b.resource) ?? 0));
    return { ...result, hits, crisis };
  }
}

/** Same question; `withWords`: the words too. */
function same(a: HsdsQuery, b: HsdsQuery, withWords: boolean): boolean {
  return (
    (!withWords || a.search === b.search) &&
    a.zip === b.zip &&
    a.proximity === b.proximity &&
    a.perPage === b.perPage &&
    a.categories.length === b.categories.length &&
    a.categories.every((c) => b.categories.includes(c))
  );
}
