/**
 * What every element that shows a dataset has in common, written once: the `src`, `data` and
 * `helpContacts` properties, the data source and its derived data (DatasetController), the
 * page's language (LocaleController), and the states around the view: the help contacts (the
 * `help` slot), "still loading", the load error in words with "Try again", and the count of
 * entries that could not be shown. An element adds its view and says how to `derive` what the
 * view reads from a dataset.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { Dataset, HelpContact } from '../../core/schema.js';
import type { DatasetLoadError } from '../../core/load.js';
import { sourceFor, type DataSource } from '../../core/sources/index.js';
import { DatasetController, DEFAULT_DATASET_URL, PREVIEW_FIRST, PREVIEW_RECORDS } from './dataset-controller.js';
import { LocaleController } from '../i18n/localize.js';
import { DataLanguageController } from '../i18n/data-language.js';
import { renderHelp, type HelpOptions } from '../ui/help.js';
import { formatCount, formatWait } from '../ui/format.js';
import { STALE_AFTER_DAYS } from '../card/result-card.js';
import { below, headingLevel, type HeadingLevel } from '../ui/heading.js';
import type { UrlAttribute } from './attribute.js';

/** How an element shows the help contacts (`help` attribute). */
export type HelpMode = 'auto' | 'full' | 'compact' | 'none';

/** The connected elements, to choose the one that shows the full help block. */
const helpHosts = new Set<RecoveryDatasetElement<unknown>>();

function helpModeOf(el: RecoveryDatasetElement<unknown>): HelpMode {
  const m = el.help;
  return m === 'full' || m === 'compact' || m === 'none' ? m : 'auto';
}

function inDocumentOrder(a: Node, b: Node): number {
  return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** The element whose full help block the others link to: the first `help="full"`, or else the first `auto`. */
function helpOwner(): RecoveryDatasetElement<unknown> | undefined {
  const all = [...helpHosts].sort(inDocumentOrder);
  return all.find((e) => helpModeOf(e) === 'full') ?? all.find((e) => helpModeOf(e) === 'auto');
}

/** Elements of the same tag on the page, in document order (for unique landmark labels). */
function sameTag(el: Element): Element[] {
  return [...helpHosts].filter((e) => e.localName === el.localName).sort(inDocumentOrder);
}

/**
 * A class (abstract or not) whose instances are `T`: what the behaviour mixins (`withPlace`,
 * `withUrlSync`, `withApi`, `withMap`) take and give, over `RecoveryDatasetElement`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript's rule for a mixin's base (TS2545): a constructor of `...args: any[]`
export type Constructor<T> = abstract new (...args: any[]) => T;

/**
 * What a behaviour mixin builds on: a dataset element's class, its data type still open, so an
 * element names it after the mixins: `withPlace(RecoveryDatasetElement)<Data>`. (With only a
 * constructor here, TypeScript would close the type to `unknown` in a nested mixin call; the
 * `prototype` keeps it open.)
 */
export type MixinBase<T extends RecoveryDatasetElement<unknown>> = Constructor<T> & { prototype: RecoveryDatasetElement<unknown> };

/** What the behaviour mixins build on: a dataset element of any data. */
export type DatasetElementClass = MixinBase<RecoveryDatasetElement<unknown>>;

export abstract class RecoveryDatasetElement<D> extends LitElement {
  /** Milliseconds of loading after which the element says it is taking longer than usual. */
  static slowLoadMs = 5_000;
  /**
   * A large dataset shows a first view (a preview from at most this many of its first valid
   * records, saying "so far") while the rest is validated and indexed. Elements without a
   * preview ignore it.
   */
  static previewRecords = PREVIEW_RECORDS;
  /**
   * A dataset of more than twice this many records shows its first view as soon as this many
   * are valid (up to `previewRecords` of them: what is valid by then).
   */
  static previewFirst = PREVIEW_FIRST;

  /** URL of the dataset: JSON, or a CSV spreadsheet (docs/csv-import.md) when it ends in `.csv`. Default: the bundled dataset. */
  @property() src?: UrlAttribute;
  /** The dataset itself, instead of `src`. */
  @property({ attribute: false }) data?: unknown;
  /** Help contacts to show instead of the dataset's (or the built-in ones). */
  @property({ attribute: false }) helpContacts?: HelpContact[];
  /**
   * Age limit in days: a record verified (or, never verified, listed by its source) longer ago
   * than this says its age ("Listed in 2018") instead of its status. Default 730 (two years).
   */
  @property({ type: Number, attribute: 'stale-after-days' }) staleAfterDays = STALE_AFTER_DAYS;
  /**
   * How the help contacts show: `auto` (default) shows the full block in the first element of
   * the page and a one-line link to it in the others; `full` always shows the block (and makes
   * this element the one the others link to); `compact` shows the one-line link (or, with no
   * full block on the page, only the emergency and crisis lines); `none` shows nothing (the
   * page has its own help). Content in the `help` slot always shows.
   */
  @property({ reflect: true }) help: HelpMode = 'auto';
  /** Level of the element's own headings (1 to 6, default 2); result names are one level lower. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** Shows a "Language" menu (each of the twelve languages in its own name) that switches the elements on the page. */
  @property({ type: Boolean, attribute: 'language-picker', reflect: true }) languagePicker = false;
  /**
   * Refuses a language whose translations are not all reviewed (also read from an ancestor:
   * `<html languages-reviewed-only>`). The value names the language to show instead when that
   * one is reviewed (`es`); otherwise, or empty, English.
   */
  @property({ attribute: 'languages-reviewed-only', reflect: true }) languagesReviewedOnly?: string;

  /** The data and what the view reads from it. */
  protected readonly store = new DatasetController<D>(this, {
    source: () => this.dataSource(),
    derive: (dataset, signal) => this.derive(dataset, signal),
    deriveKey: () => this.deriveKey(),
    ...(this.derivePreview ? { preview: (dataset: Dataset) => (this.derivePreview as (d: Dataset) => D)(dataset) } : {}),
    slowMs: () => (this.constructor as typeof RecoveryDatasetElement).slowLoadMs,
    previewRecords: () => (this.constructor as typeof RecoveryDatasetElement).previewRecords,
    previewFirst: () => (this.constructor as typeof RecoveryDatasetElement).previewFirst,
  });

  /** The element's language, its direction, and the language menu. */
  protected readonly locale = new LocaleController(this);

  /** "Try again" was pressed: keep the keyboard in the element until the retry settles. */
  private retryFocus = false;

  constructor() {
    super();
    new DataLanguageController(this);
    this.addController({ hostUpdated: () => this.keepRetryFocus() });
  }

  /** Try the data again; the button goes away while it loads. */
  private retryLoad(): void {
    this.retryFocus = true;
    this.store.retry();
  }

  /**
   * After "Try again": the keyboard waits on the "Trying again" line, then goes to the new
   * "Try again" if it failed again, or to the element's heading once the data is there.
   */
  private keepRetryFocus(): void {
    if (!this.retryFocus) return;
    const root = this.renderRoot;
    const target =
      this.store.status === 'loading'
        ? root.querySelector<HTMLElement>('.load-retry')
        : this.store.status === 'error'
          ? root.querySelector<HTMLElement>('.load-error button')
          : [...root.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')].find((h) => !h.closest('.help'));
    if (this.store.status !== 'loading') this.retryFocus = false;
    if (!target) return;
    if (!target.matches('button, [tabindex]')) target.tabIndex = -1;
    target.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    helpHosts.add(this);
    RecoveryDatasetElement.helpChanged();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    helpHosts.delete(this);
    RecoveryDatasetElement.helpChanged();
  }

  protected override shouldUpdate(changed: PropertyValues): boolean {
    if (changed.has('help') && this.hasUpdated) RecoveryDatasetElement.helpChanged();
    return super.shouldUpdate(changed);
  }

  /** An element came, went or changed its `help`: every element checks which help it shows. */
  private static helpChanged(): void {
    for (const el of helpHosts) el.requestUpdate();
  }

  /** Bring the full help block into view and put the keyboard on it. */
  focusHelp(): void {
    const block = this.renderRoot.querySelector<HTMLElement>('.help');
    if (!block) return;
    block.tabIndex = -1;
    block.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    block.focus({ preventScroll: true });
  }

  /** A landmark's label, with a number when the page has several of this element. */
  protected landmarkLabel(label: string): string {
    const same = sameTag(this);
    return same.length > 1 ? `${label} (${same.indexOf(this) + 1})` : label;
  }

  /** Where the data comes from (an element that asks an API per search gives its own). */
  protected dataSource(): DataSource {
    return sourceFor({ src: this.src, data: this.data }, DEFAULT_DATASET_URL);
  }

  /** What the view reads, made once per dataset: an index, the records it shows. */
  protected abstract derive(dataset: Dataset, signal: AbortSignal): D | Promise<D>;

  /**
   * A quick first view from the first records validated, shown while a large dataset is still
   * being validated and derived (`store.preview` says so; the view must say the results are
   * "so far"). An element without it waits for the whole dataset.
   */
  protected derivePreview?(dataset: Dataset): D;

  /** Other inputs of {@link derive}; a change derives again. */
  protected deriveKey(): unknown {
    return undefined;
  }

  /** The level of the element's own headings (`heading-level`, 2 when it is not 1 to 6). */
  protected get level(): HeadingLevel {
    return headingLevel(this.headingLevel);
  }

  /** The level of the headings under the element's own: result names, sections. */
  protected get subLevel(): HeadingLevel {
    return below(this.level);
  }

  /** The data's name in a sentence, with its article: "the list of services". */
  protected abstract get listName(): string;

  /**
   * The help contacts in the `help` slot (the site's own markup wins): the full block, or a
   * one-line link to the page's full block, or nothing, as `help` says.
   */
  protected renderHelpSlot(options: HelpOptions = {}): TemplateResult {
    const mode = helpModeOf(this);
    const owner = helpOwner();
    let fallback: TemplateResult | typeof nothing;
    if (mode === 'none') fallback = nothing;
    else if (mode === 'full' || owner === this || (mode === 'auto' && !owner)) {
      fallback = renderHelp(this.helpContacts ?? this.store.help, options);
    } else if (owner) {
      fallback = html`<p class="help-jump" part="help">${msg('Need help now?')}
        <button type="button" class="link" @click=${() => owner.focusHelp()}>${msg('See the help lines')}</button></p>`;
    } else {
      fallback = renderHelp(this.helpContacts ?? this.store.help, { ...options, compact: true });
    }
    return html`<slot name="help">${fallback}</slot>`;
  }

  /** Why the data could not be shown, in words. */
  protected loadErrorText(e: DatasetLoadError | undefined): string {
    const what = this.listName;
    switch (e?.kind) {
      case 'timeout':
        return msg(str`Loading ${what} took too long.`);
      case 'http':
        // A directory asked near a ZIP code it has no centre for.
        if (e.parameter === 'postcode') return msg('The directory does not know this ZIP code. Try a nearby ZIP code, or search without one.');
        return msg(str`The server could not send ${what} (error ${e.status ?? ''}).`);
      case 'busy':
        return msg(str`The server is busy and cannot send ${what} now. Try again in about ${formatWait(e.retryAfter ?? 60)}.`);
      case 'not-json':
      case 'invalid':
        return msg(str`We could not read ${what}: it is damaged.`);
      case 'refused':
        // The page's allowed origins leave out where the data was sent from (a redirect).
        return msg(str`We could not show ${what}: this site does not allow the address the data came from.`);
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
    if (status === 'loading' && this.retryFocus) {
      return html`<p class="notice load-retry" tabindex="-1">${msg('Trying again…')}</p>`;
    }
    if (status === 'ready') return this.renderUnfinished();
    if (status !== 'error') return nothing;
    // "Try again" only where asking again could change the answer.
    const retry = this.store.error?.retryable ?? true;
    return html`<div class="notice error load-error" role="alert">
      <p><strong>${this.loadErrorText(this.store.error)}</strong></p>
      <p>${msg('The help lines above can still find support with you.')}</p>
      ${retry ? html`<button type="button" @click=${this.retryLoad}>${msg('Try again')}</button>` : nothing}
    </div>`;
  }

  /**
   * With the data shown, when only part of it came (a directory's later pages did not): says
   * so, with the help contacts and "Try again". Nothing when all of it came.
   */
  protected renderUnfinished(): TemplateResult | typeof nothing {
    const why = this.store.status === 'ready' ? this.store.unfinished : undefined;
    if (!why) return nothing;
    const what = this.listName;
    const reason = why.kind === 'busy' ? this.loadErrorText(why) : why.kind === 'timeout' ? msg('The rest did not come in time.') : msg('The rest could not be loaded.');
    return html`<div class="notice load-unfinished" role="status">
      <p><strong>${msg(str`Only part of ${what} came.`)}</strong> ${reason}</p>
      <p>${msg('The help lines above can still find support with you.')}</p>
      <button type="button" @click=${this.retryLoad}>${msg('Try again')}</button>
    </div>`;
  }

  /**
   * The count line while a preview is shown (the first records of a large dataset, the rest
   * still loading): "12 results so far, from the first 1,000 of 10,000 entries; still loading…"
   * (without "of 10,000" while the document is still arriving).
   * Undefined when the whole dataset is shown.
   */
  protected soFarText(count: string): string | undefined {
    const preview = this.store.status === 'loading' ? this.store.preview : undefined;
    if (!preview) return undefined;
    const records = formatCount(preview.records);
    // The whole document's size is not known while it is still arriving.
    if (preview.total === undefined) return msg(str`${count} so far, from the first ${records} entries; still loading…`);
    const total = formatCount(preview.total);
    return msg(str`${count} so far, from the first ${records} of ${total} entries; still loading…`);
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
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25em;
  }
  .place-problem:empty {
    display: none;
  }
  .place-problem {
    margin: 0.5em 0 0;
    padding: 0.5em 0.75em;
    border-radius: var(--_radius);
    border: 1px solid var(--_danger);
    background: var(--_danger-surface);
  }
  .help-jump {
    margin: 0 0 var(--_space);
  }
  button.link {
    display: inline;
    min-height: 24px;
    min-width: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .load-error p {
    margin: 0 0 0.5em;
  }
`;
