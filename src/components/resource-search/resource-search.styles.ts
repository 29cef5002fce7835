import { css } from 'lit';
import { baseStyles } from '../../kit/ui/styles.js';
import { helpStyles } from '../../kit/ui/help.js';
import { cardStyles } from '../../kit/card/result-card.js';
import { datasetElementStyles } from '../../kit/base/dataset-element.js';
import { cardActionStyles } from '../../kit/card/card-actions.js';
import { sharedRecordStyles } from '../../kit/card/shared-record.styles.js';

export const resourceSearchStyles = [
  baseStyles,
  helpStyles,
  cardStyles,
  datasetElementStyles,
  cardActionStyles,
  sharedRecordStyles,
  css`
    .base {
      --_accent: var(--recovery-search-accent, var(--_primary));
      --_sidebar: var(--recovery-search-sidebar-width, 18em);
      container-type: inline-size;
      container-name: search;
    }
    .search {
      margin: 0 0 var(--_space);
    }
    .search label {
      display: block;
      margin-bottom: 0.25em;
    }
    .search-row {
      display: flex;
      gap: 0.5em;
    }
    .search-row input {
      flex: 1;
      min-width: 0;
    }
    .search-row button,
    .filters-toggle[aria-expanded='true'] {
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--_on-primary);
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_space);
    }
    .filters-toggle {
      width: 100%;
    }
    .filters-toggle[hidden] {
      display: none;
    }
    .filters {
      display: none;
      margin-top: 0.5em;
    }
    .filters.open {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.75em;
    }
    fieldset {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin: 0;
      padding: 0.5em 0.75em 0.75em;
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.25em;
    }
    legend {
      font-weight: 700;
      padding: 0 0.25em;
    }
    .categories ul {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.125em;
    }
    label.check {
      display: flex;
      align-items: center;
      gap: 0.5em;
      min-height: 2.75em;
      font-weight: 400;
      cursor: pointer;
    }
    .selects {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.25em;
    }
    .selects select,
    .place select,
    .place input {
      width: 100%;
    }
    .checks {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
    }
    .place button {
      justify-self: start;
    }
    .place-message:empty {
      display: none;
    }
    .place-message {
      margin: 0.25em 0 0;
    }
    .status {
      font-weight: 600;
      margin: 0 0 0.75em;
    }
    .results {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.75em;
    }
    .group-heading {
      margin: 1em 0 0.5em;
      font-size: 1.125em;
    }
    .results > li:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
      border-radius: var(--_radius);
    }
    .after-results,
    .widen {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      margin-top: var(--_space);
    }
    .placeholder {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.75em;
      min-height: 30em;
    }
    .placeholder div {
      height: 9em;
      border-radius: var(--_radius);
      background: var(--_surface-alt);
    }
    .skipped {
      font-size: 0.875em;
    }
    .count {
      font-weight: 400;
    }
    /* Wide: the filters are a sidebar, always open. */
    @container search (min-width: 48em) {
      .layout.with-filters {
        grid-template-columns: var(--_sidebar) minmax(0, 1fr);
        align-items: start;
      }
      .filters-toggle {
        display: none;
      }
      .filters,
      .filters.open {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 0.75em;
        margin-top: 0;
      }
    }
    @media print {
      .search,
      .controls,
      .after-results,
      .widen,
      .status,
      .skipped {
        display: none !important;
      }
      .layout.with-filters {
        display: block;
      }
      .card {
        break-inside: avoid;
        border-color: #000;
      }
      .results {
        gap: 0.5em;
      }
      a {
        color: inherit;
      }
      .card a[href^='http']::after {
        content: ' (' attr(href) ')';
        font-size: 0.75em;
        font-weight: 400;
        word-break: break-all;
      }
    }
  `,
];
