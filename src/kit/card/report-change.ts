/**
 * "Report a change" on a card: where a dataset (or the record itself) says corrections go.
 * A web address opens as it is (a publisher's form); an e-mail address opens a message with
 * the record's name, id and the page filled in. Without either, nothing is shown.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Feedback, Resource } from '../../core/schema.js';
import { safeHttpUrl, uriComponent } from '../../core/links.js';
import { FEEDBACK_EMAIL_PATTERN } from '../../core/patterns.js';

/** Where a report about this record goes: its own feedback first, then the dataset's. */
function reportChangeHref(r: Resource, datasetFeedback: Feedback | undefined, pageUrl: string): string | undefined {
  const f = r.feedback ?? datasetFeedback;
  if (!f) return undefined;
  const url = safeHttpUrl(f.url);
  if (url) return url;
  if (!f.email || !FEEDBACK_EMAIL_PATTERN.test(f.email)) return undefined;
  const subject = msg(str`Change to a listing: ${r.name} (${r.id})`);
  const body = [
    msg(str`Listing: ${r.name}`),
    msg(str`Listing id: ${r.id}`),
    msg(str`Page: ${pageUrl}`),
    '',
    msg('What has changed:'),
    '',
  ].join('\r\n');
  return `mailto:${uriComponent(f.email).replace(/%40/g, '@')}?subject=${uriComponent(subject)}&body=${uriComponent(body)}`;
}

/** The link, or nothing without a feedback address. */
export function renderReportChange(r: Resource, datasetFeedback: Feedback | undefined): TemplateResult | typeof nothing {
  const href = reportChangeHref(r, datasetFeedback, typeof location === 'undefined' ? '' : location.href);
  if (!href) return nothing;
  const web = !href.startsWith('mailto:');
  return html`<p class="report-change">
    <a href=${href} target=${web ? '_blank' : nothing} rel=${web ? 'noopener noreferrer' : nothing}
      aria-label=${web ? msg(str`Report a change to ${r.name} (opens in a new tab)`) : msg(str`Report a change to ${r.name} (opens your e-mail)`)}
      >${msg('Report a change')}</a>
  </p>`;
}

export const reportChangeStyles = css`
  .report-change {
    font-size: 0.875em;
  }
  .report-change a {
    display: inline-block;
    min-height: 1.5em;
    padding: 0.125em 0;
  }
`;
