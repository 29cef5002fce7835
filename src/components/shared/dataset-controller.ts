/**
 * Loads an element's dataset from its `src` URL or `data` property, validates it, and keeps
 * loading / ready / error state for the render. Elements that name the same URL share one
 * request (core/load.ts). Leaving the page aborts this element's wait; coming back reloads
 * if the data never arrived.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DatasetLoadError, datasetFromSliced, loadDataset, type LoadedDataset } from '../../core/load.js';
import type { Dataset, HelpContact, ValidationProblem } from '../../core/schema.js';

/** The bundled Boston / Massachusetts dataset, emitted beside the script that loads it. */
export const DEFAULT_DATASET_URL = new URL('../../../data/resources.json?no-inline', import.meta.url).href;

export type DatasetStatus = 'loading' | 'ready' | 'error';

export interface DatasetSource {
  src?: string | undefined;
  data?: unknown;
}

export class DatasetController implements ReactiveController {
  status: DatasetStatus = 'loading';
  dataset?: Dataset;
  problems: ValidationProblem[] = [];
  error?: DatasetLoadError;

  private abort?: AbortController;
  private current?: DatasetSource;
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: () => DatasetSource,
    private readonly onLoaded?: (loaded: LoadedDataset) => void,
  ) {
    host.addController(this);
  }

  /** Help contacts of the loaded dataset, if any. */
  get help(): HelpContact[] | undefined {
    return this.dataset?.help.contacts;
  }

  hostConnected(): void {
    if (this.status !== 'ready' && this.current) {
      // Came back before the data arrived (the wait was aborted on leaving): load again.
      this.current = undefined;
      this.host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.abort = undefined;
  }

  hostUpdate(): void {
    const next = this.source();
    if (this.current && next.src === this.current.src && next.data === this.current.data) return;
    this.current = { ...next };
    void this.load(next);
  }

  /** Try again after a failure. */
  retry(): void {
    this.current = undefined;
    this.host.requestUpdate();
  }

  private async load({ src, data }: DatasetSource): Promise<void> {
    const generation = ++this.generation;
    this.abort?.abort();
    this.abort = undefined;
    this.status = 'loading';
    this.error = undefined;
    try {
      const abort = (this.abort = new AbortController());
      const loaded: LoadedDataset =
        data !== undefined && data !== null
          ? await datasetFromSliced(data, undefined, abort.signal)
          : await loadDataset(src || DEFAULT_DATASET_URL, { signal: abort.signal });
      if (generation !== this.generation) return;
      this.dataset = loaded.dataset;
      this.problems = loaded.problems;
      this.status = 'ready';
      this.onLoaded?.(loaded);
    } catch (e) {
      if (generation !== this.generation) return;
      if (e instanceof DatasetLoadError && e.kind === 'aborted') return;
      this.error = e instanceof DatasetLoadError ? e : new DatasetLoadError('network', String(e));
      this.dataset = undefined;
      this.problems = this.error.problems;
      this.status = 'error';
      console.warn(`recovery-finder: ${this.error.message}`);
    }
    this.host.requestUpdate();
  }
}
