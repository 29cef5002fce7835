import { css } from 'lit';

/**
 * Base styles every element shares. The global `--recovery-*` tokens (src/styles/tokens.css)
 * are read once here into private `--_*` properties with built-in fallbacks, so an element
 * looks right on a page that sets none of them. Elements read only the `--_*` names.
 */
export const baseStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    --_font: var(--recovery-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_text: var(--recovery-color-text, #1b1b1f);
    --_muted: var(--recovery-color-text-muted, #4a4a55);
    --_surface: var(--recovery-color-surface, #ffffff);
    --_surface-alt: var(--recovery-color-surface-alt, #f3f4f7);
    --_border: var(--recovery-color-border, #767684);
    --_primary: var(--recovery-color-primary, #0b5cab);
    --_on-primary: var(--recovery-color-on-primary, #ffffff);
    --_focus: var(--recovery-color-focus, #c1440e);
    --_danger: var(--recovery-color-danger, #a4161a);
    --_danger-surface: var(--recovery-color-danger-surface, #fdecec);
    --_success: var(--recovery-color-success, #1e6b34);
    --_warning-surface: var(--recovery-color-warning-surface, #fff4d6);
    --_radius: var(--recovery-radius, 8px);
    --_space: var(--recovery-space, 16px);
    box-sizing: border-box;
    /* The element's own surface: on a dark or coloured page, its text never touches the edge
       of its box. */
    padding: var(--recovery-surface-padding, 0.75em);
    /* Sizes never follow the host's root font size (html { font-size: 62.5% } is common):
       a size in px here, and every other length in em from it. */
    font-family: var(--_font);
    font-size: var(--recovery-font-size, 16px);
    font-weight: 400;
    font-style: normal;
    line-height: var(--recovery-line-height, 1.5);
    color: var(--_text);
    background: var(--_surface);
    /* What a host page's styles could pass down by inheritance, reset. */
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    white-space: normal;
    font-variant: normal;
    visibility: visible;
    cursor: auto;
    /* A long unbroken word or URL wraps instead of widening the page. */
    overflow-wrap: anywhere;
    /* Chinese breaks between characters (never before closing punctuation); words of other
       languages stay whole where they fit. */
    word-break: normal;
    line-break: auto;
    min-width: 0;
  }
  :host(:lang(zh)) .base {
    line-break: strict;
  }
  /* A record's own words (its name, description, address) take their direction from their
     text: an English description on an Arabic page keeps its full stop and brackets in place. */
  .name,
  .org,
  .description,
  .hours-text,
  .restrictions,
  .address {
    unicode-bidi: plaintext;
  }
  /* The language menu (language-picker). */
  .language-picker {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.5em;
    margin: 0 0 var(--_space);
  }
  .language-picker label {
    font-weight: 600;
  }
  .language-picker select {
    font: inherit;
    min-height: 2.75em;
    min-width: 0;
    max-width: 100%;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  /* The look of a heading follows its place in the element, not its level (heading-level). */
  h1,
  h2,
  h3,
  h4,
  h5,
  h6 {
    line-height: 1.25;
    margin: 0 0 0.5em;
    font-size: 1.125em;
    font-weight: 700;
  }
  .title,
  h2:not([class]) {
    font-size: 1.375em;
  }
  p {
    margin: 0 0 0.5em;
  }
  a {
    color: var(--_primary);
    text-underline-offset: 0.15em;
  }
  a:hover {
    text-decoration-thickness: 2px;
  }
  /* A number is read as one piece: "3-1-1" or "617-635-4500" never breaks across lines. (A
     text link, "Text HOPE to 800327", is longer and may wrap between its words.) */
  a[href^='tel:'] {
    white-space: nowrap;
  }
  .hint {
    margin: 0 0 0.25em;
    font-size: 0.875em;
    color: var(--_muted);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    min-height: 2.75em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    max-width: 100%;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.25em;
    height: 1.25em;
    margin: 0;
    accent-color: var(--_primary);
    flex: none;
  }
  label {
    font-weight: 600;
  }
  fieldset {
    min-width: 0;
  }
  /* Never inside a map: Leaflet sizes its own panes' images and SVGs (the basemap's SVG, squeezed
     to the width of its zero-width pane, drew nothing). */
  img:not(.leaflet-container *),
  svg:not(.leaflet-container *) {
    max-width: 100%;
  }
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 2.75em;
    min-width: 2.75em;
    padding: 0.5em 1em;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
  }
  button.secondary,
  .button.secondary {
    background: var(--_surface);
    color: var(--_primary);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .muted {
    color: var(--_muted);
  }
  .notice {
    padding: 0.75em 1em;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface-alt);
    margin: 0 0 var(--_space);
  }
  .notice.error {
    border-color: var(--_danger);
    background: var(--_danger-surface);
  }
  .notice.warning {
    background: var(--_warning-surface);
  }
  .chip {
    display: inline-block;
    padding: 0.1em 0.5em;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    font-size: 0.875em;
    background: var(--_surface-alt);
  }
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
  @media (forced-colors: active) {
    button,
    .button,
    .chip,
    .notice {
      border: 1px solid CanvasText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
