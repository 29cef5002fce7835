import { html, nothing, render, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Dataset, Resource } from '../../core/schema.js';
import { addressLine, smsHref, telHref } from '../../core/links.js';
import { RecoveryShareEvent } from '../../events.js';
import { RecoveryDatasetElement } from '../../kit/base/dataset-element.js';
import { MY_LIST_MAX, MyListController, addToList, clearList, removeFromList, type ListEntry } from '../../kit/card/my-list.js';
import { listChangeText, passOn, renderShownLink } from '../../kit/card/card-share.js';
import { cleanPrefix, idsParam, readParams, shareListUrl } from '../../kit/url/url-state.js';
import { cardName, renderPart, unconfirmedAlwaysOpen } from '../../kit/card/result-card.js';
import { formatClock, formatDay } from '../../kit/ui/format.js';
import { define } from '../../kit/base/define.js';
import { printAlone } from '../../kit/card/print-frame.js';
import { callWords, renderHelp, textWords } from '../../kit/ui/help.js';
import { myListStyles } from './my-list.styles.js';
import { dataLanguage, englishText, langText } from '../../kit/i18n/data-language.js';
import { recordText } from '../../core/translations.js';

/**
 * A person's own list of supports, the pocket card: the places they added with "Add to my
 * list" in any element, on one page, with large phone numbers, addresses and hours. It prints
 * on one page, alone (from a frame of its own, never the host page around it), or is shared as a link that carries the records' ids only. The list is kept in
 * this browser only (localStorage, one key), only once the person adds something, and is never
 * sent anywhere; "Clear my list" forgets it (a button puts it back until the page is left). Records are looked up by id in the element's
 * dataset: one the data no longer has is shown as "no longer listed". A link with `ml-ids=`
 * (or the `url-prefix`'s) shows that shared list, which the person may keep.
 *
 * @tag recovery-my-list
 * @summary A person's own list of supports, kept in this browser: print it or share it as a link.
 * @title Your list of recovery supports
 *
 * @slot help - Replaces the help contacts block (it is printed with the list).
 *
 * @fires {RecoveryShareEvent} recovery-share - When a person shares their list: the `url` carries the ids only.
 *
 * @csspart base - The wrapper of everything.
 * @csspart help - The help contacts block.
 * @csspart list - The list of places.
 * @csspart entry - One place on the list.
 * @csspart phone - A large phone number.
 * @csspart actions - The print, share and clear buttons.
 *
 * @cssprop --recovery-my-list-phone-size - Size of the phone numbers (default 1.375em, 22 px; larger in print).
 */
@localized()
export class RecoveryMyList extends RecoveryDatasetElement<Map<string, Resource>> {
  static override styles = myListStyles;

  /** Prefix of the shared-list parameter (default "ml", so `?ml-ids=`). */
  @property({ attribute: 'url-prefix' }) urlPrefix = '';

  @state() private announcement = '';
  /** A link neither the share sheet nor the clipboard took. */
  @state() private shownUrl = '';
  /** The ids of a list shared with the person (from the URL), until they keep or close it. */
  @state() private sharedIds: string[] = [];
  /** The list as it was before "Clear my list", in memory only, so a mistake can be undone. */
  @state() private cleared: ListEntry[] = [];

  private readonly list = new MyListController(this);

  protected override get listName(): string {
    return msg('the list of services');
  }

  protected override derive(dataset: Dataset): Map<string, Resource> {
    return new Map(dataset.resources.map((r) => [r.id, r]));
  }

  private get paramPrefix(): string {
    return cleanPrefix(this.urlPrefix, 'ml', 'recovery-my-list');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.sharedIds = idsParam(readParams(location.href, this.paramPrefix, ['ids'])?.['ids'], MY_LIST_MAX);
  }

  private say(text: string): void {
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  private removeEntry(e: ListEntry): void {
    this.say(listChangeText(removeFromList(e.id), e.name || e.id));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h2')?.focus());
  }

  private clear(): void {
    this.shownUrl = '';
    const before = this.list.entries;
    const done = clearList();
    this.cleared = done ? before : [];
    this.say(done ? msg('Your list is cleared. Nothing of it is kept in this browser now.') : this.list.foreign ? listChangeText('foreign', '') : msg('This browser would not clear your list. Try again.'));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h2')?.focus());
  }

  /** Put back the list "Clear my list" took away. */
  private undoClear(): void {
    const change = addToList(this.cleared);
    if (change === 'added') this.cleared = [];
    this.say(change === 'added' ? msg('The places are back on your list.') : listChangeText(change, ''));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#mine-heading')?.focus());
  }

  /** Print the list alone, on its own page: never the host page around it. */
  private async print(): Promise<void> {
    const base = this.renderRoot.querySelector<HTMLElement>('.base');
    if (!base) return;
    await printAlone(this, base, msg('My list of supports'), (copy) => {
      // On paper there is no other element to jump to: the card carries the help lines itself.
      const jump = copy.querySelector('.print-help .help-jump');
      if (!jump) return;
      const help = document.createElement('div');
      render(renderHelp(this.helpContacts ?? this.store.help, { compact: true }), help);
      jump.replaceWith(...help.childNodes);
    });
  }

  private async share(): Promise<void> {
    const url = shareListUrl(location.href, this.paramPrefix, this.list.entries.map((e) => e.id));
    const method = await passOn(url, msg('My list of supports'));
    if (method === 'cancelled') return;
    this.shownUrl = method === 'shown' ? url : '';
    this.say(method === 'copy' ? msg('Link to your list copied.') : method === 'shown' ? msg('Copy the link shown below.') : msg('Link shared.'));
    this.dispatchEvent(new RecoveryShareEvent(url, method));
  }

  private keepShared(): void {
    const map = this.store.derived;
    const entries = this.sharedIds.map((id) => ({ id, name: map?.get(id)?.name ?? '' }));
    const change = addToList(entries);
    if (change === 'added') {
      this.closeShared();
      this.say(msg('The shared list is now on your list, kept in this browser only.'));
    } else {
      this.say(listChangeText(change, ''));
    }
  }

  /** Close the shared list; its buttons go with it, so the keyboard goes to "My list". */
  private closeShared(): void {
    this.sharedIds = [];
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#mine-heading')?.focus());
  }

  override render(): TemplateResult {
    const ready = this.store.status === 'ready';
    return html`<div class="base" part="base">
      ${this.locale.renderPicker()}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.sharedIds.length ? this.renderShared(ready) : nothing}
      ${this.renderMine(ready)}
      <div class="print-help">${this.renderHelpSlot({ compact: true })}</div>
    </div>`;
  }

  private renderShared(ready: boolean): TemplateResult {
    return html`<section class="shared" aria-labelledby="shared-heading">
      <h2 id="shared-heading" tabindex="-1">${msg('A list shared with you')}</h2>
      <p class="intro">${msg('Someone sent you this list. It is not kept anywhere unless you keep it.')}</p>
      ${this.renderEntries(this.sharedIds.map((id) => ({ id, name: '' })), ready, false)}
      <p class="actions" part="actions">
        <button type="button" @click=${this.keepShared} ?disabled=${!ready}>${msg('Keep these on my list')}</button>
        <button type="button" class="secondary" @click=${this.closeShared}>${msg('Close the shared list')}</button>
      </p>
    </section>`;
  }

  private renderMine(ready: boolean): TemplateResult {
    const entries = this.list.entries;
    return html`<section class="mine ${this.sharedIds.length ? 'with-shared' : ''}" aria-labelledby="mine-heading">
      <h2 id="mine-heading" tabindex="-1">${msg('My list')}</h2>
      <p class="intro">${msg('Your own list of supports, to print or keep on your phone. It is kept in this browser only and never sent anywhere.')}</p>
      ${this.renderLoadState()}
      ${this.list.foreign ? html`<p class="notice warning foreign">${listChangeText('foreign', '')}</p>` : nothing}
      ${entries.length === 0
        ? html`<p class="notice empty">${msg('Your list is empty. Choose "Add to my list" on any place to keep it here.')}</p>
            ${this.cleared.length
              ? html`<p class="actions"><button type="button" class="secondary undo-clear" @click=${this.undoClear}>${msg('Put the places back on my list')}</button></p>`
              : nothing}`
        : html`${this.renderEntries(entries, ready, true)}
            <p class="actions" part="actions">
              <button type="button" class="print" @click=${() => void this.print()}>${msg('Print my list')}</button>
              <button type="button" class="secondary share" @click=${() => void this.share()}>${msg('Share my list')}</button>
              <button type="button" class="secondary clear" @click=${this.clear}>${msg('Clear my list')}</button>
            </p>
            ${this.shownUrl ? renderShownLink(this.shownUrl, 'list-link') : nothing}`}
    </section>`;
  }

  private renderEntries(entries: ListEntry[], ready: boolean, removable: boolean): TemplateResult {
    if (!ready) return html`<p class="muted">${msg('Loading the places on the list…')}</p>`;
    const map = this.store.derived;
    return html`<ul class="plain entries" part="list">
      ${entries.map((e) => {
        const r = map?.get(e.id);
        return html`<li class="entry ${r ? '' : 'gone'}" part="entry">
          ${r ? this.renderEntry(r) : html`<p class="name">${e.name || e.id}</p>
              <p class="notice warning">${msg('No longer listed: this place is not in the list of services any more.')}</p>`}
          ${removable
            ? html`<button type="button" class="secondary remove" aria-label=${msg(str`Remove from my list: ${r?.name ?? (e.name || e.id)}`)}
                @click=${() => this.removeEntry(e)}>${msg('Remove')}</button>`
            : nothing}
        </li>`;
      })}
    </ul>`;
  }

  private renderEntry(r: Resource): TemplateResult {
    const part = <T>(what: string, build: () => T) => renderPart(r, what, build);
    const weekly = r.schedule?.weekly ?? [];
    return html`<h3 class="name">${cardName(r)}</h3>
      ${(r.phones ?? [])
        .filter((p) => p.type !== 'fax')
        .slice(0, 2)
        .map((p) => part('phone', () => p.type === 'text'
          ? html`<p class="phone"><a part="phone" href=${smsHref(p)} aria-label=${`${textWords({ number: p.number })} (${r.name})`} dir="ltr">${p.number}</a>
              <span class="muted">${msg('(text)')}</span></p>`
          : html`<p class="phone"><a part="phone" href=${telHref(p)} aria-label=${`${callWords(p)} (${r.name})`} dir="ltr">${p.number}</a></p>`))}
      ${r.address ? part('address', () => html`<p class="address">${r.address ? englishText(addressLine(r.address)) : ''}</p>`) : nothing}
      ${weekly.length
        ? part('weekly hours', () => html`<p class="hours">${weekly
            .map((w) => `${w.byday.map(formatDay).join(', ')} ${formatClock(w.opens_at)}–${formatClock(w.closes_at)}`)
            .join('; ')}</p>`)
        : nothing}
      ${r.schedule?.always_open ? html`<p class="hours">${unconfirmedAlwaysOpen(r, new Date()) ?? msg('Open 24 hours')}</p>` : nothing}
      ${langText(recordText(r, 'hours_text', dataLanguage()), 'hours')}
      ${!weekly.length && !r.schedule?.always_open && !r.schedule?.description
        ? html`<p class="hours muted">${msg('Hours not listed: call before you go.')}</p>`
        : nothing}`;
  }
}

define('recovery-my-list', RecoveryMyList);

declare global {
  interface HTMLElementTagNameMap {
    'recovery-my-list': RecoveryMyList;
  }
}
