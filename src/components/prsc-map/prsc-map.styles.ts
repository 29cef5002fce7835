import { css } from 'lit';

export const prscMapStyles = css`
  .base {
    --_map-height: var(--recovery-map-height, 32em);
    container: prsc / inline-size;
  }
  .intro {
    max-width: 60ch;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.75em 1.5em;
    margin: 0 0 0.75em;
  }
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25em;
  }
  .near {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.5em;
  }
  .near input {
    width: 8em;
  }
  fieldset.offerings {
    border: 0;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
  }
  fieldset.offerings legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: 0.25em;
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.75em;
    font-weight: 400;
  }
  .status {
    font-weight: 600;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(16em, 2fr) minmax(0, 3fr);
    gap: var(--_space);
    align-items: start;
  }
  .list-col {
    max-height: var(--_map-height);
    overflow-y: auto;
    padding: 3px;
  }
  .map-toggle {
    display: none;
  }
  .centres {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5em;
  }
  .more {
    margin-top: 0.75rem;
  }
  .centre {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75em 1em;
    background: var(--_surface);
  }
  .centre.selected {
    border: 3px solid var(--recovery-map-marker-selected-color, var(--_focus));
    padding: calc(0.75em - 2px) calc(1em - 2px);
  }
  .centre .card {
    border: 0;
    padding: 0;
  }
  .summary .name {
    font-size: 1.0625em;
    margin: 0 0 0.125em;
  }
  .summary p {
    margin: 0.125em 0;
  }
  .where {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
  }
  .approx {
    font-style: italic;
    font-size: 0.9375em;
  }
  .call {
    font-weight: 600;
  }
  /* Alone on its line in a closed centre: a full 24 px target, not a link in a sentence. */
  .summary .call {
    display: inline-flex;
    align-items: center;
    min-height: 1.5em;
  }
  .choose {
    margin-top: 0.5em;
  }
  .hours-missing {
    font-style: italic;
  }
  .list-placeholder {
    min-height: var(--_map-height);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .map-col {
    position: sticky;
    top: 0;
  }
  .map-frame {
    height: var(--_map-height);
    --_marker: var(--recovery-map-marker-color, var(--_primary));
    --_marker-selected: var(--recovery-map-marker-selected-color, var(--_focus));
  }
  .map-loading {
    position: absolute;
    inset: auto 0 0 0;
    margin: 0;
    padding: 0.5em 1em;
    z-index: 1000;
    background: var(--_surface);
  }
  .map-note {
    font-size: 0.875em;
    margin: 0.5em 0 0;
  }
  @container prsc (max-width: 640px) {
    .base {
      --_map-height: var(--recovery-map-height, 22em);
    }
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    .map-toggle {
      display: inline-flex;
      justify-self: start;
    }
    .list-col {
      max-height: none;
      overflow: visible;
    }
    .layout:not(.map-open) .map-col {
      display: none;
    }
    .map-col {
      position: static;
      /* On a phone the opened map sits under its button, above the long list. */
      order: -1;
    }
    .map-toggle {
      order: -2;
    }
  }
  .print-row {
    margin: 1rem 0 0;
  }
  /* Printed, the map gives way to a clean list of every centre shown. */
  @media print {
    .controls,
    .map-col,
    .map-toggle,
    .choose,
    .print-row,
    .status,
    .skipped,
    .intro {
      display: none !important;
    }
    .layout {
      display: block !important;
    }
    .list-col {
      max-height: none !important;
      overflow: visible !important;
    }
    .centre {
      break-inside: avoid;
      border-color: #000;
    }
    a {
      color: inherit;
    }
  }
`;
