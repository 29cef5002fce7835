/**
 * An empty search near a place ("housing near 02118"): say so plainly, then offer what exists:
 * the support helpline (it finds treatment and recovery support), the nearest results of other
 * kinds, and a wider distance that has results (with how many).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { HelpContact } from '../../core/schema.js';
import type { SearchHit } from '../../core/search.js';
import { renderHelpline } from '../../kit/ui/help.js';
import { renderFarAway } from '../../kit/card/result-card.js';
import { isFarFromDirectory } from '../../core/reach.js';
import { categoryLabel } from '../../kit/i18n/labels.js';
import { formatCount, formatMiles } from '../../kit/ui/format.js';

export interface EmptyNearView {
  /** The search words ('' for none). */
  query: string;
  /** The distance searched (0: any). */
  miles: number;
  /** "near 02118" / "near your location". */
  nearText: string;
  contacts: readonly HelpContact[] | undefined;
  /** The nearest records of other kinds than the ones searched for (no words, no filters). */
  nearest: readonly SearchHit[];
  /** The link to one record (its shared view), and what pressing it does in this page. */
  recordHref: (id: string) => string;
  onOpen: (id: string) => void;
  /** The person's place, and how far the nearest place of the directory is from it (km). */
  place?: { zip?: string | undefined; source: 'zip' | 'location' } | undefined;
  nearestKm?: number | undefined;
  /** The first wider distance with results, and how many. */
  wider?: { miles: number; count: number } | undefined;
  onWiden: (miles: number) => void;
  /** "Within 5 miles" (filters.ts: passed in, so that this lazy view needs nothing of the element's chunk). */
  milesLabel: (miles: number) => string;
}

export function renderEmptyNear(v: EmptyNearView): TemplateResult {
  const milesLabel = v.milesLabel;
  const within = v.miles ? milesLabel(v.miles).toLowerCase() : '';
  const what = v.query ? msg(str`Nothing for “${v.query}”`) : msg('Nothing matches these choices');
  // Far from every place of the directory (another state): say so, not "within 10 miles".
  if (v.place && isFarFromDirectory(v.nearestKm)) return renderFarAway(v.place, v.nearestKm ?? 0, v.contacts);
  return html`<div class="notice empty empty-near">
    <p><strong>${[what, within, `${v.nearText}.`].filter(Boolean).join(' ')}</strong></p>
    ${renderHelpline(v.contacts)}
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
              (h) => html`<li><a class="record-link" href=${v.recordHref(h.resource.id)} @click=${(e: MouseEvent) => {
                  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // a new tab or window: the link does it
                  e.preventDefault();
                  v.onOpen(h.resource.id);
                }}><strong>${h.resource.name}</strong></a>
                <span class="muted">(${h.resource.categories.map(categoryLabel).join(', ')}${h.km !== undefined ? html`, ${msg(str`${formatMiles(h.km)} away`)}` : nothing})</span></li>`,
            )}
          </ul>`
      : nothing}
  </div>`;
}
