/**
 * The actions on every card, the same in every element: "Share" (the device's share sheet
 * where it has one, else the link is copied, else shown to copy by hand; the link carries the
 * record's id and the ZIP only) and "Add to my list" / "Remove from my list". What happened is
 * said in a live region. An element keeps one CardActions, renders `actions(r)` through the
 * card's `actions` option and `renderStatus()` once.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Resource } from '../../core/schema.js';
import { RecoveryShareEvent, type ShareMethod } from '../../events.js';
import { MyListController, addToList, removeFromList, type ListChange } from './my-list.js';
import { shareUrl } from './url-state.js';

/** Pass a link on: the share sheet, else the clipboard; undefined when neither worked (show it). */
export async function passOn(url: string, title: string): Promise<ShareMethod | 'cancelled'> {
  const nav = navigator as Navigator & { share?: (d: ShareData) => Promise<void>; canShare?: (d: ShareData) => boolean };
  const data: ShareData = { title, url };
  if (typeof nav.share === 'function' && (nav.canShare?.(data) ?? true)) {
    try {
      await nav.share(data);
      return 'share';
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return 'cancelled';
      // Not allowed here (an iframe, no user gesture): copy instead.
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    return 'copy';
  } catch {
    return 'shown';
  }
}

export interface CardActionsOptions {
  /** The element's URL prefix (`rs`, `pm`, `dl` or its `url-prefix`). */
  prefix: () => string;
  /** The ZIP the person gave, if any (it goes into a shared link). */
  zip: () => string | undefined;
  /** Share only where the page reads the link back (`sync-url`). */
  canShare: () => boolean;
}

export class CardActions implements ReactiveController {
  /** What the last action did, for the live region. */
  announcement = '';
  /** A link neither the share sheet nor the clipboard took, shown to copy by hand. */
  private shown?: { id: string; url: string } | undefined;
  readonly list: MyListController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: CardActionsOptions,
  ) {
    host.addController(this);
    this.list = new MyListController(host);
  }

  hostConnected(): void {}

  private say(text: string): void {
    // Emptied first so the same words twice are said twice.
    this.announcement = '';
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      this.announcement = text;
      this.host.requestUpdate();
    });
  }

  /** The link to one record. */
  linkTo(r: Resource): string {
    return shareUrl(location.href, this.options.prefix(), r.id, this.options.zip());
  }

  async share(r: Resource): Promise<void> {
    const url = this.linkTo(r);
    const method = await passOn(url, r.name);
    if (method === 'cancelled') return;
    this.shown = method === 'shown' ? { id: r.id, url } : undefined;
    this.say(method === 'copy' ? msg('Link copied.') : method === 'shown' ? msg('Copy the link shown below the card.') : msg('Link shared.'));
    this.host.dispatchEvent(new RecoveryShareEvent(url, method, r));
  }

  toggleList(r: Resource): void {
    const on = this.list.has(r.id);
    const change: ListChange = on ? removeFromList(r.id) : addToList([{ id: r.id, name: r.name }]);
    this.say(listChangeText(change, r.name));
  }

  /** The actions of one card. */
  actions(r: Resource): TemplateResult {
    const on = this.list.has(r.id);
    const shown = this.shown?.id === r.id ? this.shown.url : undefined;
    return html`<div class="card-actions">
        ${this.options.canShare()
          ? html`<button type="button" class="secondary share" aria-label=${msg(str`Share ${r.name}`)}
              @click=${() => void this.share(r)}>${msg('Share')}</button>`
          : nothing}
        <button type="button" class="secondary my-list-toggle" aria-pressed=${on ? 'true' : 'false'}
          aria-label=${on ? msg(str`On my list: ${r.name}`) : msg(str`Add to my list: ${r.name}`)}
          @click=${() => this.toggleList(r)}>${on ? msg('On my list') : msg('Add to my list')}</button>
      </div>
      ${shown ? renderShownLink(shown, `share-${r.id}`) : nothing}`;
  }

  /** The live region (render once per element). */
  renderStatus(): TemplateResult {
    return html`<p class="visually-hidden card-actions-status" role="status">${this.announcement}</p>`;
  }
}

/** A link to copy by hand, selected when focused. */
export function renderShownLink(url: string, id: string): TemplateResult {
  return html`<p class="shown-link">
    <label for=${id}>${msg('Copy this link:')}</label>
    <input id=${id} type="text" readonly .value=${url} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
  </p>`;
}

export function listChangeText(change: ListChange, name: string): string {
  switch (change) {
    case 'added':
      return msg(str`Added to your list: ${name}. Your list is kept in this browser only.`);
    case 'removed':
      return msg(str`Removed from your list: ${name}.`);
    case 'full':
      return msg('Your list is full. Remove something from it first.');
    default:
      return msg('This browser would not keep your list (private browsing may stop it). Print or share it instead.');
  }
}

export const cardActionStyles = css`
  .card-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.5rem;
  }
  .card-actions button {
    min-height: 2.75rem;
  }
  .card-actions .my-list-toggle[aria-pressed='true']::before {
    content: '✓ ';
  }
  .shown-link {
    display: grid;
    gap: 0.25rem;
    margin: 0.5rem 0 0;
  }
  .shown-link input {
    width: 100%;
    max-width: 100%;
    box-sizing: border-box;
    min-height: 2.75rem;
    font: inherit;
  }
  @media print {
    .card-actions,
    .shown-link {
      display: none !important;
    }
  }
`;
