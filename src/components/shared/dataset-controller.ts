/**
 * An element's data: loaded from its source (core/sources), validated, then turned into what
 * its view reads (`derive`: a search index, a spatial index). Its status covers all of that:
 * `loading` until the derived data is ready, `error` when any step failed. Elements that name
 * the same URL share one request (core/load.ts). Leaving the page stops this element's wait;
 * coming back loads again if the data never arrived. After `slowMs` of loading, `slow` turns
 * true so the element can say that it is taking long.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DatasetLoadError } from '../../core/load.js';
import type { Dataset, HelpContact, ValidationProblem } from '../../core/schema.js';
import type { DataSource } from '../../core/sources/index.js';

/** The bundled Boston / Massachusetts dataset, emitted beside the script that loads it. */
export const DEFAULT_DATASET_URL = new URL('../../../data/resources.json?no-inline', import.meta.url).href;

export type DatasetStatus = 'loading' | 'ready' | 'error';

export interface DatasetControllerOptions<D> {
  /** The element's source; read at every update and compared by its key. */
  source: () => DataSource;
  /** What the view needs from a dataset, worked out once per dataset (and `deriveKey`). */
  derive: (dataset: Dataset, signal: AbortSignal) => D | Promise<D>;
  /** Other inputs of `derive` (for example a site's synonyms): a change derives again. */
  deriveKey?: () => unknown;
  /** Milliseconds of loading before `slow` turns true (read at each load). Default 5 000. */
  slowMs?: () => number;
}

export class DatasetController<D> implements ReactiveController {
  status: DatasetStatus = 'loading';
  /** True once loading has taken longer than `slowMs`. */
  slow = false;
  dataset?: Dataset | undefined;
  /** What `derive` made of the dataset; set only when `status` is ready. */
  derived?: D | undefined;
  problems: ValidationProblem[] = [];
  error?: DatasetLoadError | undefined;

  private sourceKey: unknown = undefined;
  private deriveKey: unknown = undefined;
  private started = false;
  private abort?: AbortController | undefined;
  private slowTimer?: ReturnType<typeof setTimeout>;
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DatasetControllerOptions<D>,
  ) {
    host.addController(this);
  }

  /** Help contacts of the loaded dataset, if any. */
  get help(): HelpContact[] | undefined {
    return this.dataset?.help.contacts;
  }

  /** How many records could not be shown (each counted once, whatever its number of problems). */
  get skipped(): number {
    if (this.status !== 'ready') return 0;
    return new Set(this.problems.filter((p) => p.index !== undefined).map((p) => p.index)).size;
  }

  hostConnected(): void {
    if (this.status !== 'ready' && this.started) {
      // Came back before the data arrived (the wait was aborted on leaving): load again.
      this.started = false;
      this.host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    this.stop();
  }

  hostUpdate(): void {
    const source = this.options.source();
    const deriveKey = this.options.deriveKey?.();
    if (this.started && source.key === this.sourceKey) {
      if (deriveKey !== this.deriveKey && this.dataset) {
        this.deriveKey = deriveKey;
        void this.run(() => Promise.resolve({ dataset: this.dataset as Dataset, problems: this.problems }));
      }
      return;
    }
    this.started = true;
    this.sourceKey = source.key;
    this.deriveKey = deriveKey;
    void this.run((signal) => source.load(signal));
  }

  /** Try again after a failure. */
  retry(): void {
    this.started = false;
    this.host.requestUpdate();
  }

  private stop() {
    this.abort?.abort();
    this.abort = undefined;
    clearTimeout(this.slowTimer);
  }

  private async run(load: (signal: AbortSignal) => Promise<{ dataset: Dataset; problems: ValidationProblem[] }>): Promise<void> {
    const generation = ++this.generation;
    this.stop();
    const abort = (this.abort = new AbortController());
    this.status = 'loading';
    this.slow = false;
    this.error = undefined;
    this.derived = undefined;
    this.slowTimer = setTimeout(() => {
      this.slow = true;
      this.host.requestUpdate();
    }, this.options.slowMs?.() ?? 5_000);
    try {
      const loaded = await load(abort.signal);
      if (generation !== this.generation) return;
      this.dataset = loaded.dataset;
      this.problems = loaded.problems;
      const derived = await this.options.derive(loaded.dataset, abort.signal);
      if (generation !== this.generation) return;
      this.derived = derived;
      this.status = 'ready';
    } catch (e) {
      if (generation !== this.generation || abort.signal.aborted) return;
      if (e instanceof DatasetLoadError && e.kind === 'aborted') return;
      this.error = e instanceof DatasetLoadError ? e : new DatasetLoadError('invalid', String(e));
      this.dataset = undefined;
      this.problems = this.error.problems;
      this.status = 'error';
      console.warn(`recovery-finder: ${this.error.message}`);
    } finally {
      if (generation === this.generation) clearTimeout(this.slowTimer);
    }
    this.host.requestUpdate();
  }
}
