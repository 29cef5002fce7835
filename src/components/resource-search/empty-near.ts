/**
 * An empty search near a place ("housing near 02118"): say so plainly, then offer what exists:
 * the support helpline (it finds treatment and recovery support), the nearest results of other
 * kinds, and a wider distance that has results (with how many).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { HelpContact } from '../../core/schema.js';
import type { SearchHit } from '../../core/search.js';
import { telHref } from '../../core/links.js';
import { DEFAULT_HELP_CONTACTS, localized } from '../shared/help.js';
import { categoryLabel } from '../shared/labels.js';
import { formatCount, formatMiles } from '../shared/format.js';

export interface EmptyNearView {
  /** The search words ('' for none). */
  query: string;
  /** The distance searched (0: any). */
  miles: number;
  /** "near 02118" / "near your location". */
  nearText: string;
  contacts: readonly HelpContact[] | undefined;
  /** The nearest records whatever their kind (no words, no filters). */
  nearest: readonly SearchHit[];
  /** The first wider distance with results, and how many. */
  wider?: { miles: number; count: number } | undefined;
  onWiden: (miles: number) => void;
  /** "Within 5 miles" (filters.ts: passed in, so that this lazy view needs nothing of the element's chunk). */
  milesLabel: (miles: number) => string;
}

/** The helpline that finds treatment and recovery support: the state's, else the first support line. */
function helpline(contacts: readonly HelpContact[] | undefined): HelpContact | undefined {
  const list = contacts?.length ? contacts : DEFAULT_HELP_CONTACTS;
  return list.find((c) => c.id === 'ma-substance-use-helpline') ?? list.find((c) => c.urgency === 'support');
}

export function renderEmptyNear(v: EmptyNearView): TemplateResult {
  const milesLabel = v.milesLabel;
  const within = v.miles ? milesLabel(v.miles).toLowerCase() : '';
  const what = v.query ? msg(str`Nothing for “${v.query}”`) : msg('Nothing matches these choices');
  const line = helpline(v.contacts);
  const phone = line?.phones.find((p) => p.type !== 'text') ?? line?.phones[0];
  const words = line ? localized(line) : undefined;
  return html`<div class="notice empty empty-near">
    <p><strong>${[what, within, `${v.nearText}.`].filter(Boolean).join(' ')}</strong></p>
    ${line && phone && words
      ? html`<p class="helpline">
          ${words.description ? `${words.name}: ${words.description}` : words.name}
          <a href=${telHref(phone)} aria-label=${`${msg(str`Call ${phone.number}`)} (${words.name})`}>${msg(str`Call ${phone.number}`)}</a>
        </p>`
      : nothing}
    ${v.wider
      ? html`<p class="widen"><button type="button" class="secondary wider" @click=${() => v.onWiden(v.wider?.miles ?? 0)}>
          ${v.wider.count === 1
            ? msg(str`${milesLabel(v.wider.miles)}: 1 result`)
            : msg(str`${milesLabel(v.wider.miles)}: ${formatCount(v.wider.count)} results`)}</button></p>`
      : nothing}
    ${v.nearest.length
      ? html`<p>${msg(str`Nearest support of other kinds ${v.nearText}:`)}</p>
          <ul class="nearest-other">
            ${v.nearest.map(
              (h) => html`<li><strong>${h.resource.name}</strong>
                <span class="muted">(${h.resource.categories.map(categoryLabel).join(', ')}${h.km !== undefined ? html`, ${msg(str`${formatMiles(h.km)} away`)}` : nothing})</span></li>`,
            )}
          </ul>`
      : nothing}
  </div>`;
}
