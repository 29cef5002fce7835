/**
 * What every element that shows a dataset has in common, written once: the `src`, `data` and
 * `helpContacts` properties, the data source and its derived data (DatasetController), the
 * page's language (LocaleController), and the states around the view: the help contacts (the
 * `help` slot), "still loading", the load error in words with "Try again", and the count of
 * entries that could not be shown. An element adds its view and says how to `derive` what the
 * view reads from a dataset.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { Dataset, HelpContact } from '../../core/schema.js';
import type { DatasetLoadError } from '../../core/load.js';
import { sourceFor, type DataSource } from '../../core/sources/index.js';
import { DatasetController, DEFAULT_DATASET_URL } from './dataset-controller.js';
import { LocaleController } from './localize.js';
import { renderHelp, type HelpOptions } from './help.js';
import { formatCount } from './format.js';
import { STALE_AFTER_DAYS } from './result-card.js';

export abstract class RecoveryDatasetElement<D> extends LitElement {
  /** Milliseconds of loading after which the element says it is taking longer than usual. */
  static slowLoadMs = 5_000;

  /** URL of the dataset: JSON, or a CSV spreadsheet (docs/csv-import.md) when it ends in `.csv`. Default: the bundled dataset. */
  @property() src?: string;
  /** The dataset itself, instead of `src`. */
  @property({ attribute: false }) data?: unknown;
  /** Help contacts to show instead of the dataset's (or the built-in ones). */
  @property({ attribute: false }) helpContacts?: HelpContact[];
  /**
   * Age limit in days: a record verified (or, never verified, listed by its source) longer ago
   * than this says its age ("Listed in 2018") instead of its status. Default 730 (two years).
   */
  @property({ type: Number, attribute: 'stale-after-days' }) staleAfterDays = STALE_AFTER_DAYS;

  /** The data and what the view reads from it. */
  protected readonly store = new DatasetController<D>(this, {
    source: () => this.dataSource(),
    derive: (dataset, signal) => this.derive(dataset, signal),
    deriveKey: () => this.deriveKey(),
    slowMs: () => (this.constructor as typeof RecoveryDatasetElement).slowLoadMs,
  });

  constructor() {
    super();
    new LocaleController(this);
  }

  /** Where the data comes from (an element that asks an API per search gives its own). */
  protected dataSource(): DataSource {
    return sourceFor({ src: this.src, data: this.data }, DEFAULT_DATASET_URL);
  }

  /** What the view reads, made once per dataset: an index, the records it shows. */
  protected abstract derive(dataset: Dataset, signal: AbortSignal): D | Promise<D>;

  /** Other inputs of {@link derive}; a change derives again. */
  protected deriveKey(): unknown {
    return undefined;
  }

  /** The data's name in a sentence, with its article: "the list of services". */
  protected abstract get listName(): string;

  /** The help contacts in the `help` slot (the site's own markup wins). */
  protected renderHelpSlot(options: HelpOptions = {}): TemplateResult {
    return html`<slot name="help">${renderHelp(this.helpContacts ?? this.store.help, options)}</slot>`;
  }

  /** Why the data could not be shown, in words. */
  protected loadErrorText(e: DatasetLoadError | undefined): string {
    const what = this.listName;
    switch (e?.kind) {
      case 'timeout':
        return msg(str`Loading ${what} took too long.`);
      case 'http':
        return msg(str`The server could not send ${what} (error ${e.status ?? ''}).`);
      case 'not-json':
      case 'invalid':
        return msg(str`We could not read ${what}: it is damaged.`);
      default:
        return msg(str`We could not load ${what}. Check your connection.`);
    }
  }

  /**
   * The states around the view: "still loading" after a while, or the error with "Try again".
   * Nothing while all is well.
   */
  protected renderLoadState(): TemplateResult | typeof nothing {
    const { status, slow } = this.store;
    if (status === 'loading' && slow) {
      return html`<p class="notice load-slow">
        ${msg('This is taking longer than usual. It may still load; the help lines above can help you now.')}</p>`;
    }
    if (status !== 'error') return nothing;
    return html`<div class="notice error load-error" role="alert">
      <p><strong>${this.loadErrorText(this.store.error)}</strong></p>
      <p>${msg('The help lines above can still find support with you.')}</p>
      <button type="button" @click=${() => this.store.retry()}>${msg('Try again')}</button>
    </div>`;
  }

  /** "4 entries could not be shown", when the data had entries that were skipped. */
  protected renderSkipped(): TemplateResult | typeof nothing {
    const n = this.store.skipped;
    if (!n) return nothing;
    return html`<p class="muted skipped">${n === 1 ? msg('1 entry could not be shown.') : msg(str`${formatCount(n)} entries could not be shown.`)}</p>`;
  }
}

/** Styles of the shared states (with baseStyles). */
export const datasetElementStyles = css`
  .zip-field {
    display: grid;
    gap: 0.25rem;
  }
  .place-problem:empty {
    display: none;
  }
  .place-problem {
    margin: 0.5rem 0 0;
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_danger);
    background: var(--_danger-surface);
  }
  .load-error p {
    margin: 0 0 0.5rem;
  }
`;
