import { css } from 'lit';

export const prscMapStyles = css`
  .base {
    --_map-height: var(--recovery-map-height, 32rem);
    container: prsc / inline-size;
  }
  .intro {
    max-width: 60ch;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.75rem 1.5rem;
    margin: 0 0 0.75rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  .near {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.5rem;
  }
  .near input {
    width: 8rem;
  }
  fieldset.offerings {
    border: 0;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }
  fieldset.offerings legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: 0.25rem;
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    min-height: 2.75rem;
    font-weight: 400;
  }
  .status {
    font-weight: 600;
  }
  .layout {
    display: grid;
    grid-template-columns: 3fr minmax(16rem, 2fr);
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
    gap: 0.5rem;
  }
  .centre {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    background: var(--_surface);
  }
  .centre.selected {
    border: 3px solid var(--recovery-map-marker-selected-color, var(--_focus));
    padding: calc(0.75rem - 2px) calc(1rem - 2px);
  }
  .centre .card {
    border: 0;
    padding: 0;
  }
  .summary .name {
    font-size: 1.0625rem;
    margin: 0 0 0.125rem;
  }
  .summary p {
    margin: 0.125rem 0;
  }
  .where {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75rem;
  }
  .approx {
    font-style: italic;
    font-size: 0.9375rem;
  }
  .call {
    font-weight: 600;
  }
  .choose {
    margin-top: 0.5rem;
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
    padding: 0.5rem 1rem;
    z-index: 1000;
    background: var(--_surface);
  }
  .map-note {
    font-size: 0.875rem;
    margin: 0.5rem 0 0;
  }
  @container prsc (max-width: 640px) {
    .base {
      --_map-height: var(--recovery-map-height, 22rem);
    }
    .layout {
      grid-template-columns: 1fr;
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
