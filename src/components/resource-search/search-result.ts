/**
 * The result <recovery-resource-search> shows, worked out before each render: the current search
 * over the current index (remembered until one of its inputs changes), held back while code it
 * needs is still loading (the fuse.js ranking, the nearest-first index, the view of a shared
 * link's record, the view of an empty search), so the order never jumps after it is shown and
 * nothing appears before the code that goes with it. Also the view of an empty search, loaded
 * the first time a search comes back empty.
 */
import type { ReactiveControllerHost } from 'lit';
import { isCrisisQuery, loadNearest, loadRanking, nearestLoaded, rankingLoaded, type SearchFilters, type SearchResult } from '../../core/search.js';
import type { DatasetController } from '../../kit/base/dataset-controller.js';
import type { Place, PlaceController } from '../../kit/place/place-controller.js';
import { LazyModule, LoadGate } from '../../kit/base/lazy.js';
import { Memo } from '../../kit/base/memo.js';
import type { ApiSearchController } from './api-search.js';
import type { ApiLink } from './api-link.js';
import type { Derived } from './search-derive.js';
import type { TypingPace } from './typing-pace.js';
import { searchFilters, type SearchState } from './url-state.js';

/** The filters of a search: by distance only once the nearest-first index has come. */
export function filtersFor(search: SearchState, place: Place | undefined): SearchFilters {
  return searchFilters(search, nearestLoaded() ? place?.point : undefined);
}

/** How far the nearest place of the directory is from the person's place, in km (undefined with none). */
export function nearestKm(store: DatasetController<Derived>, place: PlaceController): number | undefined {
  const point = place.place?.point;
  return point ? store.derived?.index.nearestKm(point) : undefined;
}

export class SearchResults {
  /** The view of an empty search: loaded the first time one is shown. */
  readonly emptyView: LazyModule<typeof import('./empty-view.js')>;
  /** The result of the current search over the current index. */
  current?: SearchResult | undefined;
  /** "near …" for the place the result on screen was found for ('' when none). */
  near = '';
  /** The result on screen (kept while the view of the next one loads). */
  private shown?: SearchResult | undefined;
  private readonly memo = new Memo<SearchResult | undefined>();
  private readonly gate: LoadGate;

  constructor(
    host: ReactiveControllerHost,
    /** When typing searches (it times each search). */
    private readonly pace: TypingPace,
    /** With `api`: keeps the last result while the next answer is on its way. */
    private readonly apiLink: ApiLink,
    /** The view of a shared link's record (shown-record.ts). */
    private readonly sharedView: LazyModule<typeof import('../../kit/card/shared-record.js')>,
  ) {
    this.gate = new LoadGate(host);
    this.emptyView = new LazyModule(host, () => import('./empty-view.js'), 'the empty-search view');
  }

  /** Work out the result of `search` (with `api`, tell the API search first what is asked). */
  update(search: SearchState, store: DatasetController<Derived>, place: PlaceController, api: ApiSearchController | undefined): void {
    const index = store.derived?.index;
    const point = place.place?.point;
    api?.follow(search, place.place);
    // A query is ranked with fuse.js, and a place searched with a nearest-first index: each is
    // loaded the first time it is needed. Until it has loaded (or failed to: the word-score
    // order then stands, or the place search says it could not run) the last result stays on
    // screen, so the order never jumps after it is shown.
    if (search.query.trim() && this.gate.waiting('ranking', loadRanking, rankingLoaded)) return;
    if (point && this.gate.waiting('nearest', loadNearest, nearestLoaded)) return;
    // A shared link's record is shown with its view (loaded for it).
    if (search.id && this.gate.waiting('shared', () => this.sharedView.load(), () => this.sharedView.loaded)) return;
    // If the index could not be loaded (the network dropped), the list stays unsorted by place.
    if (point && !nearestLoaded()) console.warn('recovery-finder: the nearest-first index could not be loaded; results are not sorted by distance.');
    this.current = this.memo.get([index, search, point, rankingLoaded(), nearestLoaded()], () => {
      if (!index) return undefined;
      // With `api` the directory matched the words; the rest of the filters apply here.
      const result = this.pace.timed(() => index.search(api ? '' : search.query, filtersFor(search, place.place), new Date()));
      return api ? api.adapt(result, store.dataset, isCrisisQuery(search.query), Boolean(point)) : result;
    });
    // "No results" comes with its view (ways to widen the search): the last list stays until it has loaded.
    if (this.current?.hits.length === 0 && this.gate.waiting('empty', () => this.emptyView.load(), () => this.emptyView.loaded)) {
      this.current = this.shown;
      return;
    }
    this.shown = this.current;
    if (api) this.current = this.apiLink.keep(this.current, store.status === 'loading');
    // The status describes the list on screen, so it follows the place only with the list.
    this.near = place.place ? place.nearText : '';
  }

  /** Loading covers the dataset and its index; error covers both too. */
  phase(store: DatasetController<Derived>, api: ApiSearchController | undefined): 'loading' | 'ready' | 'error' {
    if (store.status === 'error') return 'error';
    return (store.status === 'ready' || store.preview || api) && this.current ? 'ready' : 'loading';
  }
}
