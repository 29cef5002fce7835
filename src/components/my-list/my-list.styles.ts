import { css } from 'lit';
import { baseStyles } from '../../kit/ui/styles.js';
import { helpStyles } from '../../kit/ui/help.js';
import { datasetElementStyles } from '../../kit/base/dataset-element.js';
import { cardActionStyles } from '../../kit/card/card-actions.js';

export const myListStyles = [
  baseStyles,
  helpStyles,
  datasetElementStyles,
  cardActionStyles,
  css`
    /* Every length in em, from the element's own 16 px: never rem, which follows the host's
       root font size (62.5 % on many old themes). */
    .base {
      --_phone-size: var(--recovery-my-list-phone-size, 1.375em);
    }
    h2 {
      margin: 0 0 0.25em;
    }
    .intro {
      max-width: 60ch;
      margin: 0 0 0.75em;
    }
    .shared {
      margin: 0 0 1.5em;
      padding: 0.75em;
      border: 2px solid var(--_focus);
      border-radius: var(--_radius);
    }
    .entries {
      display: grid;
      gap: 0.75em;
    }
    .entry {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.75em 1em;
      background: var(--_surface);
    }
    .entry p,
    .entry h3 {
      margin: 0.125em 0;
    }
    .entry .name {
      font-size: 1.125em;
      font-weight: 700;
    }
    .phone a {
      display: inline-block;
      min-height: 1.5em;
      font-size: var(--_phone-size);
      font-weight: 700;
      white-space: nowrap;
    }
    .remove {
      margin-top: 0.5em;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      margin: 1em 0 0;
    }
    .actions button,
    .remove {
      min-height: 2.75em;
    }
    .print-help {
      margin-top: 1.5em;
    }
    /* The pocket card: one A4 or Letter page, large phone numbers, addresses and hours. */
    @page {
      margin: 12mm;
    }
    @media print {
      .base {
        --_phone-size: 16pt;
        font-size: 10.5pt;
      }
      .shared,
      .intro,
      .actions,
      .remove,
      .shown-link,
      .notice.empty {
        display: none !important;
      }
      .mine.with-shared {
        display: block;
      }
      .entries {
        grid-template-columns: 1fr 1fr;
        gap: 6pt;
      }
      .entry {
        break-inside: avoid;
        border-color: #000;
        padding: 4pt 6pt;
      }
      .entry .name {
        font-size: 11.5pt;
      }
      a {
        color: #000;
        text-decoration: none;
      }
      .print-help {
        margin-top: 8pt;
      }
    }
  `,
];
