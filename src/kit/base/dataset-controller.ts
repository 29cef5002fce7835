/**
 * An element's data: loaded from its source (core/sources), validated, then turned into what
 * its view reads (`derive`: a search index, a spatial index). Its status covers all of that:
 * `loading` until the derived data is ready, `error` when any step failed. Elements that name
 * the same URL share one request (core/load.ts). Leaving the page stops this element's wait;
 * coming back loads again if the data never arrived. After `slowMs` of loading, `slow` turns
 * true so the element can say that it is taking long.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DatasetLoadError, type OnPartial, type PartialDataset } from '../../core/load.js';
import type { Dataset, HelpContact, ValidationProblem } from '../../core/schema.js';
import type { DataSource } from '../../core/sources/index.js';
import { yieldToPage } from '../../core/slices.js';

/**
 * The bundled Boston / Massachusetts dataset, emitted beside the script that loads it. The CMS
 * loader (src/cms.ts) writes the same `new URL()` itself: it is one file that imports nothing,
 * so that it runs before any chunk arrives (importing this module made it wait for the 17 KB
 * data chunk). test/bundle/cms-bundle.test.ts checks that an element takes the answer the
 * loader asked for, i.e. that the two name one file.
 */
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
  /**
   * A first view from the records validated so far, while a large dataset is still being
   * validated and derived (sync and quick: it runs in one task). Without it the view waits
   * for the whole dataset.
   */
  preview?: (dataset: Dataset) => D;
  /** The most records a preview holds (the first valid ones). Default {@link PREVIEW_RECORDS}. */
  previewRecords?: () => number;
  /**
   * A dataset of more than twice this many records gets a preview once this many are valid
   * (never more than `previewRecords`). Default {@link PREVIEW_FIRST}.
   */
  previewFirst?: () => number;
}

/** Records a preview is made from, at most: few enough to derive in one short task. */
export const PREVIEW_RECORDS = 1000;

/**
 * Valid records enough for a first view: a dataset of more than twice this many is previewed
 * as soon as this many are valid (the first slice of validation, usually), so a person sees a
 * first page of results before the rest is validated and indexed.
 */
export const PREVIEW_FIRST = 200;

/** What a preview was made from. */
export interface PreviewInfo {
  /** Records in the preview. */
  records: number;
  /** Records validated when the preview was made (valid or not). */
  checked: number;
  /** Records in the document (valid or not); undefined while the document is still arriving. */
  total: number | undefined;
}

/** After the next frame is painted (a frame, then a task); at once where nothing paints. */
function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
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
  /** Set (with status ready) when only part of the data came: why the rest did not (a directory's later pages). */
  unfinished?: DatasetLoadError | undefined;
  /**
   * Set while `status` is still loading but `dataset` and `derived` hold a preview: the first
   * records validated (only with the `preview` option). Undefined once the whole dataset is ready.
   */
  preview?: PreviewInfo | undefined;
  /** How many previews were shown (tests: counted, never timed). */
  previews = 0;

  /** The whole dataset once loaded (`dataset` may hold a preview before). */
  private full?: Dataset | undefined;
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
      const full = this.full;
      if (deriveKey !== this.deriveKey && full) {
        this.deriveKey = deriveKey;
        void this.run(() => Promise.resolve({ dataset: full, problems: this.problems, unfinished: this.unfinished }));
      }
      return;
    }
    this.started = true;
    this.sourceKey = source.key;
    this.deriveKey = deriveKey;
    void this.run((signal, onPartial) => source.load(signal, onPartial));
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

  /** Between two slices of a long validation: one preview from the first records valid. */
  private onPartial(partial: PartialDataset, generation: number): Promise<void> | undefined {
    const preview = this.options.preview;
    if (!preview || generation !== this.generation || this.status !== 'loading' || this.preview) return undefined;
    const { dataset, total, checked } = partial;
    const max = Math.max(1, Math.floor(this.options.previewRecords?.() ?? PREVIEW_RECORDS));
    const first = Math.min(max, Math.max(1, Math.floor(this.options.previewFirst?.() ?? PREVIEW_FIRST)));
    // Only a dataset well larger than a first view, once a first view's worth of records is
    // valid: what is valid so far, up to `max` records. A directory's first page, whatever its size.
    if (!partial.early && ((total !== undefined && total <= 2 * first) || dataset.resources.length < first)) return undefined;
    const records = dataset.resources.length > max ? dataset.resources.slice(0, max) : dataset.resources;
    const shown = { ...dataset, resources: records };
    // Taken now (no other partial is); made and drawn in a task of its own, as validating the
    // records before it may have used a whole slice.
    this.preview = { records: records.length, checked, total };
    this.previews++;
    return yieldToPage().then(() => {
      if (generation !== this.generation || this.status !== 'loading') return undefined;
      this.derived = preview(shown);
      this.dataset = shown;
      this.host.requestUpdate();
      // The rest of the work waits until the preview is on screen: the next frame, then a task.
      return this.host.updateComplete.then(afterPaint);
    });
  }

  private async run(load: (signal: AbortSignal, onPartial?: OnPartial) => Promise<{ dataset: Dataset; problems: ValidationProblem[]; unfinished?: DatasetLoadError | undefined }>): Promise<void> {
    const generation = ++this.generation;
    this.stop();
    const abort = (this.abort = new AbortController());
    this.status = 'loading';
    this.slow = false;
    this.error = undefined;
    this.unfinished = undefined;
    this.derived = undefined;
    this.preview = undefined;
    this.slowTimer = setTimeout(() => {
      this.slow = true;
      this.host.requestUpdate();
    }, this.options.slowMs?.() ?? 5_000);
    try {
      const loaded = await load(abort.signal, (partial) => this.onPartial(partial, generation));
      if (generation !== this.generation) return;
      // A preview stays whole (its records and what was derived from them) until the rest is ready.
      this.full = loaded.dataset;
      // A large dataset validated in one go (or before a slice ended): its preview now, before deriving.
      const total = loaded.dataset.resources.length;
      await this.onPartial({ dataset: loaded.dataset, checked: total, total }, generation);
      if (generation !== this.generation) return;
      if (!this.preview) this.dataset = loaded.dataset;
      this.problems = loaded.problems;
      const { unfinished } = loaded;
      const derived = await this.options.derive(loaded.dataset, abort.signal);
      if (generation !== this.generation) return;
      this.dataset = loaded.dataset;
      this.derived = derived;
      this.preview = undefined;
      this.unfinished = unfinished;
      this.status = 'ready';
    } catch (e) {
      if (generation !== this.generation || abort.signal.aborted) return;
      if (e instanceof DatasetLoadError && e.kind === 'aborted') return;
      this.error = e instanceof DatasetLoadError ? e : new DatasetLoadError('invalid', String(e));
      this.dataset = this.full = undefined;
      this.derived = undefined;
      this.preview = undefined;
      this.problems = this.error.problems;
      this.status = 'error';
      console.warn(`recovery-finder: ${this.error.message}`);
    } finally {
      if (generation === this.generation) clearTimeout(this.slowTimer);
    }
    this.host.requestUpdate();
  }
}
