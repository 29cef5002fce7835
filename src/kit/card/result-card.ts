/**
 * One resource, as every list shows it: name, organisation, categories, open status, address
 * with directions, call and text links, website, languages, what it accepts (disposal), the
 * event's date, and how fresh the information is. Text from data is always set as text.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Feedback, HelpContact, Phone, Resource } from '../../core/schema.js';
import { callWords, renderHelpline, textWords } from '../ui/help.js';
import { isNotOperating, recordOpenStatus } from '../../core/hours.js';
import { DEFAULT_STALE_AFTER_DAYS, alwaysOpenClaim, hasEnded, isStale, recordDate } from '../../core/freshness.js';
import { needsFerry } from '../../core/reach.js';
import { renderReportChange, reportChangeStyles } from './report-change.js';
import { addressLine, directionsUrl, safeHttpUrl, smsHref, telHref } from '../../core/links.js';
import { isolate } from '../i18n/localize.js';
import { categoryLabel, itemLabel, languageName, populationLabel } from '../i18n/labels.js';
import { formatDate, formatDateTime, formatMiles, openStatusText } from '../ui/format.js';
import { renderHeading, type HeadingLevel } from '../ui/heading.js';
import { dataLanguage, englishText, langText, textDir } from '../i18n/data-language.js';
import { shownLabelled, shownText } from '../i18n/worded.js';
import type { LabelledField } from '../../core/worded.js';
import { phoneLabel, recordText } from '../../core/translations.js';

/**
 * Default age limit, in days: a record whose last verification (or, never verified, its
 * source's date) is older says its age ("Listed in 2018") instead of its status. Each element
 * lets the site set its own (`stale-after-days`).
 */
export const STALE_AFTER_DAYS = DEFAULT_STALE_AFTER_DAYS;

export interface CardContext {
  now: Date;
  /** The dataset's default time zone. */
  timeZone: string;
  /** Distance from the person, when known. */
  km?: number | undefined;
  /** Heading level of the name: one below the element's own (3 under an h2). */
  headingLevel?: HeadingLevel;
  /** Extra content below the details (an element's own actions). */
  actions?: TemplateResult | typeof nothing;
  /** Hide the categories (e.g. the PRSC map, where every record is a PRSC). */
  noCategories?: boolean;
  /** The site's age limit in days (default {@link STALE_AFTER_DAYS}). */
  staleAfterDays?: number | undefined;
  /** The dataset's `feedback` (where corrections go): shows "Report a change". */
  feedback?: Feedback | undefined;
  /** The person's ZIP, when known: a place across the water from it says "Island: ferry only". */
  fromZip?: string | undefined;
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

/** How sure we are about a record, as one state (see {@link confidenceOf}). */
export type Confidence =
  | { kind: 'closed' | 'moved' | 'temporarily-closed' }
  | { kind: 'old'; year: string }
  | { kind: 'undated' }
  | { kind: 'flagged' }
  | { kind: 'verified'; date: string }
  | { kind: 'unverified' };

/** A usable age limit: the site's, or the default. */
function limitDays(days: number | undefined): number {
  return days !== undefined && Number.isFinite(days) && days >= 0 ? days : STALE_AFTER_DAYS;
}

/**
 * How sure we are, in this order: a place that no longer operates there says so; a record
 * older than the site's limit says its age; one with no date at all says so; a flagged one
 * says it may have changed; a verified one says when; anything else asks the person to call first.
 */
export function confidenceOf(r: Resource, now: Date, staleAfterDays?: number): Confidence {
  if (isNotOperating(r)) return { kind: r.operating_status as 'closed' | 'moved' | 'temporarily-closed' };
  const p = r.provenance;
  const dated = recordDate(r);
  if (dated && isStale(r, now, limitDays(staleAfterDays))) return { kind: 'old', year: dated.slice(0, 4) };
  if (!dated) return { kind: 'undated' };
  if (p.status === 'needs-verification') return { kind: 'flagged' };
  if (p.status === 'verified' && p.last_verified) return { kind: 'verified', date: p.last_verified };
  return { kind: 'unverified' };
}

/** The one line a resident reads. */
export function confidenceText(c: Confidence): string {
  switch (c.kind) {
    case 'closed':
      return msg('Closed: this place is no longer open');
    case 'moved':
      return msg('Moved: this place is no longer at this address');
    case 'temporarily-closed':
      return msg('Temporarily closed: call before you go');
    case 'old':
      return msg(str`Listed in ${c.year}`);
    case 'undated':
      return msg('Date unknown: call to confirm');
    case 'flagged':
      return msg('Details may have changed: call to confirm');
    case 'verified':
      return msg(str`Verified on ${formatDate(c.date)}`);
    case 'unverified':
      return msg('Call to confirm before you go');
  }
}

const URL_IN_TEXT = /(https?:\/\/[^\s()<>"']+[^\s()<>"'.,;:!?])/g;

/** "https://www.example.org/a/long/path/page" -> "example.org/a/long/path/page", cut at 48 characters. */
function shortUrl(href: string): string {
  const u = new URL(href);
  const text = `${u.hostname.replace(/^www\./, '')}${u.pathname === '/' ? '' : u.pathname}`;
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}

/** Text with its http(s) addresses as links (each checked by safeHttpUrl); the rest stays text. */
function linkified(text: string): Array<string | TemplateResult> {
  return text.split(URL_IN_TEXT).map((part, i) => {
    if (i % 2 === 0) return part;
    const href = safeHttpUrl(part);
    return href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${shortUrl(href)}</a>` : part;
  });
}

/** The short line, then the full provenance behind a "Where this comes from" disclosure (for maintainers). */
function renderProvenance(r: Resource, now: Date, staleAfterDays?: number): TemplateResult {
  const p = r.provenance;
  const c = confidenceOf(r, now, staleAfterDays);
  const warn = c.kind !== 'verified' && c.kind !== 'unverified';
  const source = safeHttpUrl(p.source_url);
  return html`
    <p class=${`confidence ${c.kind}${warn ? ' notice warning' : ''}`} part=${warn ? 'confidence verify-warning' : 'confidence'}>
      <strong>${confidenceText(c)}</strong>
    </p>
    <details class="provenance" part="provenance">
      <summary>${msg('Where this comes from')}</summary>
      <dl>
        <dt>${msg('Source')}</dt>
        <dd>${source
          ? html`<a href=${source} target="_blank" rel="noopener noreferrer">${p.source}</a>`
          : p.source}</dd>
        ${p.source_date && !p.source.includes(p.source_date) // a name that carries its date is not dated twice
          ? html`<dt>${msg('Source date')}</dt><dd>${formatDate(p.source_date)}</dd>`
          : nothing}
        ${p.last_verified
          ? html`<dt>${msg('Last verified')}</dt>
              <dd>${formatDate(p.last_verified)}${p.verified_by ? html` (${p.verified_by})` : nothing}</dd>`
          : nothing}
        <dt>${msg('Status')}</dt>
        <dd>${statusLabel(p.status)}</dd>
        ${r.location && r.location.precision !== 'exact'
          ? html`<dt>${msg('Map position')}</dt><dd>${precisionLabel(r.location.precision)}</dd>`
          : nothing}
        ${p.note || r.worded?.note ? noteLine(r) : nothing}
      </dl>
    </details>
  `;
}

/** The record's note for residents, in the page's language when translated, its links clickable. */
function noteLine(r: Resource): TemplateResult | typeof nothing {
  const note = shownText(r, 'note');
  return note ? html`<dt>${msg('Notes')}</dt><dd class="note" lang=${note.lang} dir=${textDir(note.lang)}>${linkified(note.text)}</dd>` : nothing;
}

/**
 * A source's own words after the library's label ("Where: lobby of the police station"), each
 * marked with its language; nothing when the record has no such text.
 */
function labelledLine(r: Resource, field: LabelledField, className: string): TemplateResult | typeof nothing {
  const shown = shownLabelled(r, field);
  return shown ? html`<p class=${className}>${langText(shown.label, 'label', 'span')} ${langText(shown.text, 'text', 'span')}</p>` : nothing;
}

function statusLabel(status: Resource['provenance']['status']): string {
  if (status === 'verified') return msg('verified');
  if (status === 'needs-verification') return msg('needs verification');
  return msg('not yet verified');
}

function precisionLabel(precision: NonNullable<Resource['location']>['precision']): string {
  switch (precision) {
    case 'source-geocoded':
      return msg('as geocoded by the source (approximate)');
    case 'zip-centroid':
      return msg('ZIP code centre (approximate)');
    case 'town-centre':
    case 'city-centroid':
      return msg('town centre (approximate)');
    case 'exact':
      return '';
  }
}

/** True when the point is only approximate: the card and the map say so. */
function isApproximate(r: Resource): boolean {
  return r.location !== undefined && r.location.precision !== 'exact';
}

/** The visible words of a text link; its accessible name starts with them (WCAG 2.5.3). */
function smsText(p: Phone): string {
  return textWords(p);
}

/**
 * The open-status line of a record, as a state (its class) and words ('' for none). A 24/7
 * claim is shown as "Open 24/7" only while the record is under two years old
 * ({@link alwaysOpenClaim}); older or undated, it says when it was listed and asks for a call.
 */
export function openLine(r: Resource, now: Date, timeZone: string): { state: string; text: string } {
  const unconfirmed = r.schedule?.always_open && !isNotOperating(r) ? unconfirmedAlwaysOpen(r, now) : undefined;
  if (unconfirmed) return { state: 'unconfirmed', text: unconfirmed };
  const status = recordOpenStatus(r, now, timeZone);
  return { state: status.state, text: openStatusText(status) };
}

/** For a record whose 24/7 claim is too old or undated to show as open: what to say instead; else undefined. */
export function unconfirmedAlwaysOpen(r: Resource, now: Date): string | undefined {
  const claim = alwaysOpenClaim(r, now);
  if (claim.kind === 'old') return msg(str`Listed as 24/7 in ${claim.year}: call first`);
  if (claim.kind === 'undated') return msg('Listed as 24/7, date unknown: call first');
  return undefined;
}

/**
 * "Nothing near ZIP 99501 in this directory. The nearest is 3,283 mi away.", with the helpline:
 * said before any distance when even the nearest place is too far to call near
 * (`isFarFromDirectory`, core/reach.ts).
 */
export function renderFarAway(
  place: { zip?: string | undefined; source: 'zip' | 'location' },
  nearestKm: number,
  contacts: readonly HelpContact[] | undefined,
): TemplateResult {
  const zip = place.source === 'zip' ? place.zip : undefined;
  const miles = formatMiles(nearestKm);
  return html`<div class="notice warning far-away">
    <p><strong>${zip ? msg(str`Nothing near ZIP ${zip} in this directory.`) : msg('Nothing near your location in this directory.')}</strong>
      ${msg(str`The nearest is ${miles} away.`)}</p>
    ${renderHelpline(contacts)}
  </div>`;
}

/** A record's name as a heading shows it: its translation in the page's language (so marked), else its own. */
export function cardName(r: Resource): string | TemplateResult {
  const name = recordText(r, 'name', dataLanguage());
  return name && name.text !== r.name ? html`<span lang=${name.lang} dir=${textDir(name.lang)}>${name.text}</span>` : englishText(r.name);
}

export function renderCard(r: Resource, ctx: CardContext): TemplateResult {
  const headingId = `name-${r.id}`;
  const part = <T>(what: string, build: () => T) => renderPart(r, what, build);
  const lang = dataLanguage();
  const orgName = part('organisation', () => (r.organization && r.organization.name !== r.name ? r.organization.name : undefined));
  return html`
    <article class="card" part="result" aria-labelledby=${headingId}>
      ${renderHeading(ctx.headingLevel ?? 3, cardName(r), { id: headingId, class: 'name' })}
      ${typeof orgName === 'string' ? html`<p class="org muted">${englishText(orgName)}</p>` : nothing}
      ${!ctx.noCategories
        ? part('categories', () => html`<ul class="plain chips" aria-label=${msg('Categories')}>
            ${r.categories.map((c) => html`<li class="chip">${categoryLabel(c)}</li>`)}
          </ul>`)
        : nothing}
      ${ctx.km !== undefined ? part('distance', () => html`<p class="distance"><strong>${msg(str`${formatMiles(ctx.km ?? 0)} away`)}</strong>${
            isApproximate(r) ? html` <span class="muted">${msg('(approximate)')}</span>` : nothing
          }${needsFerry(ctx.fromZip, r.address?.postal_code) ? html` <span class="ferry">${msg('Island: ferry only')}</span>` : nothing}</p>`) : nothing}
      ${part('hours', () => {
        // A place that no longer operates there gets no "Closed now, opens ...": its one line says why.
        if (isNotOperating(r)) return nothing;
        const line = openLine(r, ctx.now, ctx.timeZone);
        return line.text ? html`<p class="open-status ${line.state}">${line.text}</p>` : nothing;
      })}
      ${langText(recordText(r, 'hours_text', lang), 'hours-text')}
      ${r.event ? part('event date', () => html`<p class="event-date">${
          hasEnded(r, ctx.now) ? html`<span class="chip ended">${msg('Ended')}</span> ` : nothing
        }<strong>${formatDateTime(r.event?.starts_at ?? '', ctx.timeZone)}</strong></p>`) : nothing}
      ${langText(shownText(r, 'description'), 'description')}
      ${labelledLine(r, 'location_detail', 'location-detail')}
      ${labelledLine(r, 'eligibility', 'eligibility')}
      ${r.disposal
        ? part('disposal details', () => html`<p class="accepts">${msg('Accepts:')} ${r.disposal?.accepts.map(itemLabel).join(', ')}</p>
            ${labelledLine(r, 'accepts_text', 'accepts-text')}
            ${labelledLine(r, 'not_accepted_text', 'not-accepted')}
            ${langText(shownText(r, 'restrictions'), 'restrictions')}`)
        : nothing}
      ${r.address
        ? part('address', () => {
            const directions = directionsUrl(r.address, r.location);
            return html`<p class="address">
              ${r.address ? englishText(addressLine(r.address)) : nothing}
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
              ? html`<li><a href=${smsHref(p)} aria-label=${`${smsText(p)} (${r.name})`}>${isolate(smsText(p), p.number, p.text_body)}</a></li>`
              : html`<li><a href=${telHref(p)} aria-label=${`${callWords(p)} (${r.name})`}>${isolate(callWords(p), p.number)}</a>${
                  p.description ? html` ${langText(phoneLabel(r, i, lang), 'muted', 'span')}` : nothing
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
      ${r.mailing_address ? html`<p class="mailing muted">${msg('Mail only (not a place to visit):')} ${englishText(r.mailing_address)}</p>` : nothing}
      ${part('provenance', () => renderProvenance(r, ctx.now, ctx.staleAfterDays))}
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
    padding: 1em;
    background: var(--_surface);
  }
  .card .name {
    margin-bottom: 0.25em;
  }
  .card p {
    margin: 0.25em 0;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    margin: 0.25em 0 0.5em;
  }
  .open-status.open,
  .open-status.always-open {
    color: var(--_success);
    font-weight: 600;
  }
  .open-status.unconfirmed,
  .distance .ferry {
    font-weight: 600;
  }
  .contact-links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    margin: 0.5em 0;
  }
  .contact-links a,
  .address a {
    display: inline-block;
    min-height: 1.5em;
    padding: 0.125em 0;
    font-weight: 600;
  }
  .confidence {
    font-size: 0.9375em;
  }
  .confidence.notice {
    padding: 0.25em 0.5em;
    margin: 0.5em 0 0.25em;
  }
  .provenance {
    font-size: 0.875em;
    margin: 0.25em 0;
  }
  .provenance summary {
    cursor: pointer;
    min-height: 1.5em;
    padding: 0.125em 0;
    color: var(--_muted, inherit);
  }
  .provenance dl {
    margin: 0.25em 0 0;
  }
  .provenance dt {
    font-weight: 600;
  }
  .provenance dd {
    margin: 0 0 0.25em;
    overflow-wrap: anywhere;
  }
  .provenance a {
    display: inline-block;
    min-height: 1.5em;
  }
`;
