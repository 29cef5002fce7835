/** How `<recovery-prsc-map>` shows one centre: a short summary, or the full card when chosen. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Feedback, Resource } from '../../core/schema.js';
import { isNotOperating } from '../../core/hours.js';
import { telHref } from '../../core/links.js';
import { isolate } from '../../kit/i18n/localize.js';
import { callWords } from '../../kit/ui/help.js';
import { needsFerry } from '../../core/reach.js';
import { langText } from '../../kit/i18n/data-language.js';
import { cardName, confidenceOf, confidenceText, openLine, renderCard, renderPart } from '../../kit/card/result-card.js';
import { formatClock, formatDay, formatMiles } from '../../kit/ui/format.js';
import { renderHeading, type HeadingLevel } from '../../kit/ui/heading.js';
import { approximateLabel } from '../../kit/i18n/labels.js';
import { shownRegion } from '../../kit/i18n/worded.js';

export interface CentreView {
  r: Resource;
  km?: number | undefined;
  selected: boolean;
  now: Date;
  timeZone: string;
  /** Level of the centre's name (one below the element's heading; default 3). */
  headingLevel?: HeadingLevel | undefined;
  /** The dataset's `feedback`: where corrections go. */
  feedback?: Feedback | undefined;
  /** Called when the person presses the details button. */
  onToggle: (id: string) => void;
  /** More actions after the details button (share, my list). */
  extra?: TemplateResult | typeof nothing | undefined;
  /** The site's age limit in days (see the card's `staleAfterDays`). */
  staleAfterDays?: number | undefined;
  /** The person's ZIP, when known: a centre across the water says "Island: ferry only". */
  fromZip?: string | undefined;
}

function approximateNote(r: Resource): TemplateResult | typeof nothing {
  const precision = r.location?.precision;
  return precision && precision !== 'exact' ? html`<p class="approx muted">${approximateLabel(precision)}</p>` : nothing;
}

/** The weekly hours in words, or a line saying they are not listed. */
function renderHours(r: Resource): TemplateResult {
  const s = r.schedule;
  if (!s || (!s.weekly?.length && !s.always_open && !s.by_appointment && !s.description)) {
    return html`<p class="hours-missing">${msg('Hours not listed: call before you go.')}</p>`;
  }
  if (!s.weekly?.length) return html``;
  return html`<div class="hours">
    <p class="hours-heading"><strong>${msg('Hours')}</strong></p>
    <ul class="plain">
      ${s.weekly.map(
        (w) => html`<li>${w.byday.map(formatDay).join(', ')}: ${formatClock(w.opens_at)} – ${formatClock(w.closes_at)}</li>`,
      )}
    </ul>
  </div>`;
}

function toggleButton(v: CentreView): TemplateResult {
  return html`<button
    type="button"
    class="secondary choose"
    part="choose"
    aria-expanded=${v.selected ? 'true' : 'false'}
    aria-describedby=${`name-${v.r.id}`}
    data-id=${v.r.id}
    @click=${() => v.onToggle(v.r.id)}
  >
    ${v.selected ? msg('Hide details') : msg('Details and map')}
  </button>`;
}

/** One list item's content; the button stays the same element whichever view is shown (focus stays on it). */
export function renderCentre(v: CentreView): TemplateResult {
  return html`${v.selected ? renderDetails(v) : renderSummary(v)}${toggleButton(v)}${v.extra ?? nothing}`;
}

function renderDetails(v: CentreView): TemplateResult {
  const { r } = v;
  return renderCard(r, {
    now: v.now,
    timeZone: v.timeZone,
    km: v.km,
    headingLevel: v.headingLevel ?? 3,
    staleAfterDays: v.staleAfterDays,
    feedback: v.feedback,
    fromZip: v.fromZip,
    actions: html`${renderPart(r, 'weekly hours', () => renderHours(r))}${approximateNote(r)}`,
  });
}

function renderSummary(v: CentreView): TemplateResult {
  const { r } = v;
  // Each part on its own: one that throws (a value validation missed) leaves the rest.
  const status = isNotOperating(r) ? '' : renderPart(r, 'hours', () => openLine(r, v.now, v.timeZone).text);
  const region = shownRegion(r);
  const regionName = region ? langText(region, 'region', 'span') : nothing;
  return html`<div class="summary">
    ${renderHeading(v.headingLevel ?? 3, cardName(r), { id: `name-${r.id}`, class: 'name' })}
    <p class="where">
      ${r.address ? html`<span lang="en" dir="ltr">${r.address.city}</span>` : nothing}
      ${region ? html`<span class="muted">${msg(html`${regionName} region`)}</span>` : nothing}
    </p>
    ${v.km !== undefined ? renderPart(r, 'distance', () => html`<p class="distance"><strong>${msg(str`${formatMiles(v.km ?? 0)} away`)}</strong>${
        needsFerry(v.fromZip, r.address?.postal_code) ? html` <span class="ferry">${msg('Island: ferry only')}</span>` : nothing
      }</p>`) : nothing}
    ${status ? html`<p class="open-status">${status}</p>` : nothing}
    ${renderPart(r, 'confidence', () => {
      const confidence = confidenceOf(r, v.now, v.staleAfterDays);
      return html`<p class="confidence ${confidence.kind}"><strong>${confidenceText(confidence)}</strong></p>`;
    })}
    ${renderPart(r, 'phone', () => {
      const phone = r.phones?.find((p) => p.type !== 'text' && p.type !== 'fax');
      return phone
        ? html`<p><a class="call" href=${telHref(phone)} aria-label=${`${callWords(phone)} (${r.name})`}>${isolate(callWords(phone), phone.number)}</a></p>`
        : nothing;
    })}
    ${approximateNote(r)}
  </div>`;
}
