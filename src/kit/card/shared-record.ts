/**
 * The record a shared link points at (`?rs-id=`, `pm-id=`, `dl-id=`), shown above an element's
 * list and focused, or words saying it is no longer listed. A "Close" button returns to the list.
 */
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Resource } from '../../core/schema.js';
import { renderHeading, type HeadingLevel } from '../ui/heading.js';

export { sharedRecordStyles } from './shared-record.styles.js';

export interface SharedRecordView {
  id: string;
  /** The record, or undefined when the data no longer has it. */
  record: Resource | undefined;
  /** The element's own heading level (`heading-level`): "Shared with you" is at it, the card's name one lower. */
  level: HeadingLevel;
  card: (r: Resource) => TemplateResult;
  onClose: () => void;
  /** The heading, when the record was not shared but chosen on this page (default "Shared with you"). */
  heading?: string | undefined;
}

export function renderSharedRecord(v: SharedRecordView): TemplateResult {
  return html`<section class="shared-record" part="shared" tabindex="-1" aria-labelledby="shared-heading">
    ${renderHeading(v.level, v.heading ?? msg('Shared with you'), { id: 'shared-heading', class: 'shared-heading' })}
    ${v.record
      ? v.card(v.record)
      : html`<p class="notice warning">${msg('The place in this link is no longer listed. The list below may have another near you.')}</p>`}
    <button type="button" class="secondary close-shared" @click=${v.onClose}>${msg('Close')}</button>
  </section>`;
}
