/**
 * The actions on every card, the same in every element: "Share" (the device's share sheet
 * where it has one, else the link is copied, else shown to copy by hand; the link carries the
 * record's id and the ZIP only) and "Add to my list" / "Remove from my list". What happened is
 * said in a live region. An element keeps one CardActions, renders `actions(r)` through the
 * card's `actions` option and `renderStatus()` once. The buttons are drawn from here; what they
 * do (card-share.ts) is loaded at the first press, which it then carries out.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Resource } from '../../core/schema.js';
import { MyListController } from './my-list.js';
import { LazyModule } from '../base/lazy.js';
import { renderPart } from './result-card.js';

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
  shown?: { id: string; url: string } | undefined;
  readonly list: MyListController;
  /** What the buttons do (card-share.ts), loaded at the first press. */
  private readonly work: LazyModule<typeof import('./card-share.js')>;

  constructor(
    readonly host: ReactiveControllerHost & HTMLElement,
    readonly options: CardActionsOptions,
  ) {
    host.addController(this);
    this.list = new MyListController(host);
    this.work = new LazyModule(host, () => import('./card-share.js'), 'the card actions');
  }

  hostConnected(): void {}

  /** Say what happened, in the live region. */
  say(text: string): void {
    // Emptied first so the same words twice are said twice.
    this.announcement = '';
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      this.announcement = text;
      this.host.requestUpdate();
    });
  }

  /** A press: the work is done once its code has come (the press is never lost, the focus stays). */
  private async press(r: Resource, what: 'share' | 'list'): Promise<void> {
    const work = await this.work.load();
    if (!work) {
      this.say(msg('That did not work just now. Check your connection and try again.'));
      return;
    }
    if (what === 'share') await work.share(this, r);
    else work.toggleList(this, r);
  }

  /** The actions of one card. */
  actions(r: Resource): TemplateResult | typeof nothing {
    // (a throw here costs this record's buttons only)
    return renderPart(r, 'share and list buttons', () => this.buttons(r));
  }

  private buttons(r: Resource): TemplateResult {
    const on = this.list.has(r.id);
    const shown = this.shown?.id === r.id ? this.shown.url : undefined;
    return html`<div class="card-actions">
        ${this.options.canShare()
          ? html`<button type="button" class="secondary share" aria-label=${msg(str`Share ${r.name}`)}
              @click=${() => void this.press(r, 'share')}>${msg('Share')}</button>`
          : nothing}
        <button type="button" class="secondary my-list-toggle" aria-pressed=${on ? 'true' : 'false'}
          aria-label=${on ? msg(str`On my list: ${r.name}`) : msg(str`Add to my list: ${r.name}`)}
          @click=${() => void this.press(r, 'list')}>${on ? msg('On my list') : msg('Add to my list')}</button>
      </div>
      ${shown ? this.work.get()?.renderShownLink(shown, `share-${r.id}`) : nothing}`;
  }

  /** The live region (render once per element). */
  renderStatus(): TemplateResult {
    return html`<p class="visually-hidden card-actions-status" role="status">${this.announcement}</p>`;
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
