/**
 * The element's link to `api` (api-search.ts): that code loads only for an element that has
 * `api`, before its first update that needs it. Until it has come, nothing is searched; if it
 * cannot be loaded, the load fails and says so (never the bundled file instead of the directory).
 */
import type { ReactiveControllerHost } from 'lit';
import { DatasetLoadError } from '../../core/load.js';
import type { SearchResult } from '../../core/search.js';
import type { DataSource } from '../../core/sources/index.js';
import { LazyModule } from '../../kit/base/lazy.js';
import type { ApiSearchController, ApiSearchSettings } from './api-search.js';

export class ApiLink {
  private controller?: ApiSearchController | undefined;
  private readonly module: LazyModule<typeof import('./api-search.js')>;
  /** The last results, shown while the next question is being answered. */
  private last?: SearchResult | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly settings: () => ApiSearchSettings,
  ) {
    this.module = new LazyModule(host, () => import('./api-search.js'), 'the API search');
  }

  /** The API search, when `api` is set and its code has come. */
  get active(): ApiSearchController | undefined {
    return this.settings().api ? this.controller : undefined;
  }

  /** With `api` and its code not yet here: a promise for it (the update waits for it). */
  beforeUpdate(): Promise<unknown> | undefined {
    if (!this.settings().api || this.controller) return undefined;
    return this.module.load().then((m) => {
      this.controller ??= m && new m.ApiSearchController(this.host, this.settings);
    });
  }

  /** The API's source for the current question. */
  source(): DataSource {
    return this.controller?.source() ?? {
      key: this.settings().api,
      load: () => Promise.reject(new DatasetLoadError('network', 'the API search could not be loaded')),
    };
  }

  /** What to show: the new result, or while the next answer is on its way, the last one. */
  keep(result: SearchResult | undefined, loading: boolean): SearchResult | undefined {
    if (result) this.last = result;
    else if (loading) return this.last;
    else this.last = undefined;
    return result;
  }
}
