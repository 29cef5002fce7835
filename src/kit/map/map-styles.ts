/** The styles of the map frame, its Leaflet controls, clusters and popups (map-controller.ts). */
import { css } from 'lit';
import { baseStyles } from '../ui/styles.js';
import { helpStyles } from '../ui/help.js';
import { cardStyles } from '../card/result-card.js';
import { cardActionStyles } from '../card/card-actions.js';
import { sharedRecordStyles } from '../card/shared-record.styles.js';
import { datasetElementStyles } from '../base/dataset-element.js';

/**
 * Styles for a map container: put the class `map-frame` on the element passed as `container`
 * (it needs a height), after `baseStyles` in `static styles`.
 */
export const mapStyles = css`
  .map-frame {
    /* A map is laid out left to right in every language (Leaflet's panes, controls and
       attribution assume it); a popup's words follow the element's direction. */
    direction: ltr;
    unicode-bidi: isolate;
    --_marker: var(--recovery-map-marker-color, var(--_primary, #0b5cab));
    --_marker-selected: var(--recovery-map-marker-selected-color, var(--_focus, #c1440e));
    position: relative;
    overflow: hidden;
    /* Water, around the basemap's land. */
    background: #dce8f0;
    border: 1px solid var(--_border, #767684);
    border-radius: var(--_radius, 8px);
  }
  .recovery-map-canvas {
    position: absolute;
    inset: 0;
  }
  .recovery-map-canvas.leaflet-container {
    background: #dce8f0;
    font: inherit;
    font-size: 0.875em;
  }
  /* Leaflet's controls and popups follow the tokens (colours, radius, font). */
  .leaflet-container .leaflet-control-attribution {
    background: color-mix(in srgb, var(--_surface, #ffffff) 92%, transparent);
    color: var(--_text, #1b1b1f);
    border-top-left-radius: var(--_radius, 8px);
  }
  .leaflet-container .leaflet-control-attribution a {
    color: var(--_primary, #0b4f94);
  }
  .leaflet-container .leaflet-popup-content-wrapper,
  .leaflet-container .leaflet-popup-tip {
    background: var(--_surface, #ffffff);
    color: var(--_text, #1b1b1f);
  }
  .leaflet-container .leaflet-popup-content-wrapper {
    border-radius: var(--_radius, 8px);
  }
  :host([dir='rtl']) .leaflet-container .leaflet-popup-content {
    direction: rtl;
  }
  .leaflet-container .leaflet-popup-content {
    font-size: var(--recovery-font-size, 16px);
    line-height: var(--recovery-line-height, 1.5);
  }
  .leaflet-container a.leaflet-popup-close-button {
    color: var(--_text, #1b1b1f);
    width: 24px;
    height: 24px;
    font-size: 20px;
    line-height: 24px;
  }
  .leaflet-container .leaflet-bar {
    border-radius: var(--_radius, 8px);
  }
  .leaflet-container .leaflet-bar a {
    background: var(--_surface, #ffffff);
    color: var(--_text, #1b1b1f);
    border-bottom-color: var(--_border, #767684);
  }
  .leaflet-container .leaflet-bar a:first-child {
    border-top-left-radius: var(--_radius, 8px);
    border-top-right-radius: var(--_radius, 8px);
  }
  .leaflet-container .leaflet-bar a:last-child {
    border-bottom-left-radius: var(--_radius, 8px);
    border-bottom-right-radius: var(--_radius, 8px);
  }
  .recovery-map-cluster {
    display: grid;
    place-items: center;
    border-radius: 50%;
    background: var(--_marker);
    color: #ffffff;
    border: 3px solid #ffffff;
    box-shadow: 0 0 0 1px rgba(0, 0, 0, 0.4);
    font-weight: 700;
    cursor: pointer;
  }
  .recovery-map-popup {
    display: grid;
    gap: 0.25em;
    color: var(--_text, #1b1b1f);
  }
  .recovery-map-approx {
    font-style: italic;
  }
  .map-extras {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin-top: 0.5em;
  }
  .map-extras .notice {
    margin: 0;
  }
  @media (forced-colors: active) {
    .recovery-map-cluster {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-color: CanvasText;
    }
  }
`;

/** A map element's styles in cascade order, before its own: base, help, cards, shared record, load states, the map. */
export const mapElementStyles = [baseStyles, helpStyles, cardStyles, cardActionStyles, sharedRecordStyles, datasetElementStyles, mapStyles];
