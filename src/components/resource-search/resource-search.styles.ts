import { css } from 'lit';
import { baseStyles } from '../shared/styles.js';
import { helpStyles } from '../shared/help.js';
import { cardStyles } from '../shared/result-card.js';
import { datasetElementStyles } from '../shared/dataset-element.js';
import { cardActionStyles } from '../shared/card-actions.js';
import { sharedRecordStyles } from '../shared/shared-record.js';

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
      --_sidebar: var(--recovery-search-sidebar-width, 18rem);
      container-type: inline-size;
      container-name: search;
    }
    .search {
      margin: 0 0 var(--_space);
    }
    .search label {
      display: block;
      margin-bottom: 0.25rem;
    }
    .search-row {
      display: flex;
      gap: 0.5rem;
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
      gap: var(--_space);
    }
    .filters-toggle {
      width: 100%;
    }
    .filters {
      display: none;
      margin-top: 0.5rem;
    }
    .filters.open {
      display: grid;
      gap: 0.75rem;
    }
    fieldset {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin: 0;
      padding: 0.5rem 0.75rem 0.75rem;
      display: grid;
      gap: 0.25rem;
    }
    legend {
      font-weight: 700;
      padding: 0 0.25rem;
    }
    .categories ul {
      display: grid;
      gap: 0.125rem;
    }
    label.check {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2.75rem;
      font-weight: 400;
      cursor: pointer;
    }
    .selects {
      display: grid;
      gap: 0.25rem;
    }
    .selects select,
    .place select,
    .place input {
      width: 100%;
    }
    .checks {
      display: grid;
    }
    .place button {
      justify-self: start;
    }
    .place-message:empty {
      display: none;
    }
    .place-message {
      margin: 0.25rem 0 0;
    }
    .status {
      font-weight: 600;
      margin: 0 0 0.75rem;
    }
    .results {
      display: grid;
      gap: 0.75rem;
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
      gap: 0.5rem;
      margin-top: var(--_space);
    }
    .placeholder {
      display: grid;
      gap: 0.75rem;
      min-height: 30rem;
    }
    .placeholder div {
      height: 9rem;
      border-radius: var(--_radius);
      background: var(--_surface-alt);
    }
    .skipped {
      font-size: 0.875rem;
    }
    .count {
      font-weight: 400;
    }
    /* Wide: the filters are a sidebar, always open. */
    @container search (min-width: 48rem) {
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
        gap: 0.75rem;
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
        gap: 0.5rem;
      }
      a {
        color: inherit;
      }
      .card a[href^='http']::after {
        content: ' (' attr(href) ')';
        font-size: 0.75rem;
        font-weight: 400;
        word-break: break-all;
      }
    }
  `,
];
