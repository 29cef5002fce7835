/**
 * One resource, as every list shows it: name, organisation, categories, open status, address
 * with directions, call and text links, website, languages, what it accepts (disposal), the
 * event's date, and how fresh the information is. Text from data is always set as text.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Feedback, Phone, Resource } from '../../core/schema.js';
import { renderReportChange, reportChangeStyles } from './report-change.js';
import { openStatus } from '../../core/hours.js';
import { addressLine, directionsUrl, safeHttpUrl, smsHref, telHref } from '../../core/links.js';
import { categoryLabel, itemLabel, languageName, populationLabel } from './labels.js';
import { formatDate, formatDateTime, formatMiles, openStatusText } from './format.js';

/** Records older than this many days since verification are marked as possibly out of date. */
export const STALE_AFTER_DAYS = 365;

export interface CardContext {
  now: Date;
  /** The dataset's default time zone. */
  timeZone: string;
  /** Distance from the person, when known. */
  km?: number | undefined;
  /** Heading level of the name: 3 under an element's h2. */
  headingLevel?: 2 | 3 | 4;
  /** Extra content below the details (an element's own actions). */
  actions?: TemplateResult | typeof nothing;
  /** Hide the categories (e.g. the PRSC map, where every record is a PRSC). */
  noCategories?: boolean;
  /** The dataset's `feedback` (where corrections go): shows "Report a change". */
  feedback?: Feedback | undefined;
}

/**
 * One part of a card, or nothing when building it throws: a value the validator should have
 * refused must cost that part only, never the record or the list (issue #11). Each failure
 * is named once in the console, by record and part.
 */
export function renderPart<T>(r: Pick<Resource, 'id'>, part: string, build: () => T): T | typeof nothing {
  try {
    return build();
  } catch (error) {
    const key = `${String(r.id)}\u0000${part}`;
    if (!reported.has(key)) {
      if (reported.size > 1_000) reported.clear();
      reported.add(key);
      console.warn(`recovery-finder: record "${String(r.id)}": its ${part} could not be shown (${String(error)})`);
    }
    return nothing;
  }
}
const reported = new Set<string>();

function daysSince(isoDate: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(`${isoDate}T12:00:00Z`)) / 86_400_000);
}

function heading(level: 2 | 3 | 4, id: string, name: string): TemplateResult {
  if (level === 2) return html`<h2 class="name" id=${id}>${name}</h2>`;
  if (level === 4) return html`<h4 class="name" id=${id}>${name}</h4>`;
  return html`<h3 class="name" id=${id}>${name}</h3>`;
}

/** How fresh the record is, in words; a warning when it needs checking. */
export function renderProvenance(r: Resource, now: Date): TemplateResult {
  const p = r.provenance;
  const stale = p.last_verified ? daysSince(p.last_verified, now) > STALE_AFTER_DAYS : false;
  const verified = p.last_verified
    ? msg(str`Last verified ${formatDate(p.last_verified)}.`)
    : msg('Not yet verified by the publisher.');
  // A source whose name already carries its date ("… (retrieved 2025-10-16)") is not dated twice.
  const sourceDate =
    p.source_date && !p.source.includes(p.source_date) ? msg(str`Source: ${p.source} (${formatDate(p.source_date)}).`) : msg(str`Source: ${p.source}.`);
  return html`
    ${p.status === 'needs-verification'
      ? html`<p class="notice warning verify" part="verify-warning">
          <strong>${msg('Details may be out of date: call before you go.')}</strong>
          ${p.note ? html`<span class="note">${p.note}</span>` : nothing}
        </p>`
      : nothing}
    ${stale
      ? html`<p class="notice warning verify" part="verify-warning">
          <strong>${msg('Not verified for over a year: call before you go.')}</strong>
        </p>`
      : nothing}
    <p class="provenance muted">${verified} ${sourceDate}</p>
  `;
}

/** The visible words of a text link; its accessible name starts with them (WCAG 2.5.3). */
function smsText(p: Phone): string {
  return p.text_body ? msg(str`Text ${p.text_body} to ${p.number}`) : msg(str`Text ${p.number}`);
}

export function renderCard(r: Resource, ctx: CardContext): TemplateResult {
  const headingId = `name-${r.id}`;
  const part = <T>(what: string, build: () => T) => renderPart(r, what, build);
  const orgName = part('organisation', () => (r.organization && r.organization.name !== r.name ? r.organization.name : undefined));
  return html`
    <article class="card" part="result" aria-labelledby=${headingId}>
      ${heading(ctx.headingLevel ?? 3, headingId, r.name)}
      ${orgName ? html`<p class="org muted">${orgName}</p>` : nothing}
      ${!ctx.noCategories
        ? part('categories', () => html`<ul class="plain chips" aria-label=${msg('Categories')}>
            ${r.categories.map((c) => html`<li class="chip">${categoryLabel(c)}</li>`)}
          </ul>`)
        : nothing}
      ${ctx.km !== undefined ? part('distance', () => html`<p class="distance"><strong>${msg(str`${formatMiles(ctx.km ?? 0)} away`)}</strong>${
            r.location?.precision === 'zip-centroid' ? html` <span class="muted">${msg('(approximate)')}</span>` : nothing
          }</p>`) : nothing}
      ${part('hours', () => {
        const status = openStatus(r.schedule, ctx.now, ctx.timeZone);
        const statusText = openStatusText(status);
        return statusText ? html`<p class="open-status ${status.state}">${statusText}</p>` : nothing;
      })}
      ${r.schedule?.description ? html`<p class="hours-text">${r.schedule.description}</p>` : nothing}
      ${r.event ? part('event date', () => html`<p class="event-date"><strong>${formatDateTime(r.event?.starts_at ?? '', ctx.timeZone)}</strong></p>`) : nothing}
      ${r.description ? html`<p class="description">${r.description}</p>` : nothing}
      ${r.disposal
        ? part('disposal details', () => html`<p class="accepts">${msg('Accepts:')} ${r.disposal?.accepts.map(itemLabel).join(', ')}</p>
            ${r.disposal?.restrictions ? html`<p class="restrictions">${r.disposal.restrictions}</p>` : nothing}`)
        : nothing}
      ${r.address
        ? part('address', () => {
            const directions = directionsUrl(r.address, r.location);
            return html`<p class="address">
              ${r.address ? addressLine(r.address) : nothing}
              ${directions
                ? html`<br /><a href=${directions} target="_blank" rel="noopener noreferrer"
                      aria-label=${msg(str`Directions to ${r.name} (opens a map)`)}>${msg('Directions')}</a>`
                : nothing}
            </p>`;
          })
        : nothing}
      <ul class="plain contact-links">
        ${(r.phones ?? []).map((p, i) =>
          part(`phone ${i + 1}`, () =>
            p.type === 'text'
              ? html`<li><a href=${smsHref(p)} aria-label=${`${smsText(p)} (${r.name})`}>${smsText(p)}</a></li>`
              : html`<li><a href=${telHref(p)} aria-label=${`${msg(str`Call ${p.number}`)} (${r.name})`}>${msg(str`Call ${p.number}`)}</a>${
                  p.description ? html` <span class="muted">${p.description}</span>` : nothing
                }</li>`,
          ),
        )}
        ${part('website', () => {
          const website = safeHttpUrl(r.url);
          return website
            ? html`<li><a href=${website} target="_blank" rel="noopener noreferrer"
                  aria-label=${msg(str`Website of ${r.name} (opens in a new tab)`)}>${msg('Website')}</a></li>`
            : nothing;
        })}
      </ul>
      ${r.languages?.length
        ? part('languages', () => html`<p class="languages">${msg('Languages:')} ${r.languages?.map(languageName).join(', ')}</p>`)
        : nothing}
      ${r.populations?.length
        ? part('populations', () => html`<p class="populations">${msg('For:')} ${r.populations?.map(populationLabel).join(', ')}</p>`)
        : nothing}
      ${r.cost?.free ? html`<p class="cost">${msg('Free')}</p>` : nothing}
      ${part('provenance', () => renderProvenance(r, ctx.now))}
      ${part('report a change', () => renderReportChange(r, ctx.feedback))}
      ${ctx.actions ?? nothing}
    </article>
  `;
}

export const cardStyles = css`
  ${reportChangeStyles}
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 1rem;
    background: var(--_surface);
  }
  .card .name {
    margin-bottom: 0.25rem;
  }
  .card p {
    margin: 0.25rem 0;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0.25rem 0 0.5rem;
  }
  .open-status.open,
  .open-status.always-open {
    color: var(--_success);
    font-weight: 600;
  }
  .contact-links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0.5rem 0;
  }
  .contact-links a,
  .address a {
    display: inline-block;
    min-height: 1.5rem;
    padding: 0.125rem 0;
    font-weight: 600;
  }
  .provenance {
    font-size: 0.875rem;
  }
  .verify {
    font-size: 0.9375rem;
  }
  .verify .note {
    display: block;
    font-size: 0.875rem;
  }
`;
