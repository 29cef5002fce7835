/**
 * What a card's buttons do (card-actions.ts draws them): share one record, add it to or remove
 * it from my list, and the words for each outcome. Loaded at the first press of a card's
 * button; <recovery-my-list> uses the same pieces for the whole list.
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Resource } from '../../core/schema.js';
import { RecoveryShareEvent, type ShareMethod } from '../../events.js';
import { addToList, removeFromList, type ListChange } from './my-list.js';
import { shareUrl } from '../url/url-state.js';
import type { CardActions } from './card-actions.js';

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

/** The link to one record. */
export function linkTo(a: CardActions, r: Resource): string {
  return shareUrl(location.href, a.options.prefix(), r.id, a.options.zip());
}

/** Share one record: the share sheet, else the clipboard, else the link shown under its card. */
export async function share(a: CardActions, r: Resource): Promise<void> {
  const url = linkTo(a, r);
  const method = await passOn(url, r.name);
  if (method === 'cancelled') return;
  a.shown = method === 'shown' ? { id: r.id, url } : undefined;
  a.say(method === 'copy' ? msg('Link copied.') : method === 'shown' ? msg('Copy the link shown below the card.') : msg('Link shared.'));
  a.host.dispatchEvent(new RecoveryShareEvent(url, method, r));
}

/** Add the record to my list, or take it off. */
export function toggleList(a: CardActions, r: Resource): void {
  const on = a.list.has(r.id);
  const change: ListChange = on ? removeFromList(r.id) : addToList([{ id: r.id, name: r.name }]);
  a.say(listChangeText(change, r.name));
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
    case 'foreign':
      return msg('Your list cannot be saved in this browser: something else is already kept in its place, and it is left as it is. Print or share the places instead, or call one of the help numbers.');
    default:
      return msg('This browser would not keep your list (private browsing may stop it). Print or share it instead.');
  }
}
