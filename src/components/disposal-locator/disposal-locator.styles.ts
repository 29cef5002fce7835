import { css } from 'lit';

export const disposalLocatorStyles = css`
  .base {
    --_accent: var(--recovery-disposal-accent, var(--_primary));
    --_map-height: var(--recovery-disposal-map-height, 24em);
    /* The list and map split by the element's own width, not the screen's: in a 620 px column
       on a wide screen they stack, instead of two 302 px halves and a clipped popup. */
    container: disposal / inline-size;
  }
  form {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
    margin: 0 0 var(--_space);
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    font-weight: 700;
    font-size: 1.0625em;
    padding: 0;
    margin: 0 0 0.5em;
  }
  .items {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .item {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-height: 2.75em;
    padding: 0.5em 0.875em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
    font-weight: 600;
  }
  .item:has(input:checked) {
    border-color: var(--_accent);
    background: var(--_surface-alt);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .item:has(input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .item input:focus-visible {
    outline: none;
  }
  .where {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.5em 0.75em;
  }
  .zip-field input {
    width: 9em;
  }
  ol.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .status {
    min-height: 1.5em;
    margin: 0 0 0.5em;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
  }
  .results {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.75em;
    align-content: start;
  }
  .map {
    height: var(--_map-height);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .map-col {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5em;
    align-content: start;
  }
  .map-loading {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    margin: 0;
    z-index: 1;
  }
  .map-note {
    font-size: 0.875em;
    margin: 0;
  }
  .results li.selected .card {
    border-color: var(--_accent);
    box-shadow: 0 0 0 2px var(--_accent);
  }
  .show-on-map {
    margin-top: 0.25em;
  }
  @container disposal (min-width: 56em) {
    .layout.with-map {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    }
    .layout.with-map .map-col {
      position: sticky;
      top: 0.5em;
    }
  }
  section.area {
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .guidance {
    border: 1px solid var(--_border);
    border-inline-start: 6px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 0.75em 1em;
    margin: 0 0 var(--_space);
    background: var(--_surface-alt);
  }
  .guidance ul,
  .guidance ol {
    margin: 0.25em 0 0.5em;
    padding-inline-start: 1.25em;
  }
  .guidance li {
    margin: 0.25em 0;
  }
  .guidance a {
    font-weight: 600;
  }
  .source {
    font-size: 0.875em;
  }
  .loading-space {
    min-height: 8em;
  }
  @media (forced-colors: active) {
    .item:has(input:checked) {
      outline: 2px solid Highlight;
    }
  }
  .print-row {
    margin: 1rem 0 0;
  }
  /* Printed, the locator is a clean list of the places and events shown. */
  @media print {
    form,
    .map-col,
    .show-on-map,
    .print-row,
    .status,
    .skipped,
    .place-problem {
      display: none !important;
    }
    .layout {
      display: block !important;
    }
    .card {
      break-inside: avoid;
      border-color: #000;
    }
    a {
      color: inherit;
    }
  }
`;
