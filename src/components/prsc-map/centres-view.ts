/**
 * The PRSC map's view pieces: its controls (region, offerings, nearest to a ZIP or the person's
 * location) and its list of centres (a page at a time, each with its details button and card).
 * The element gives each its data and what a person's choices do.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { Category, Resource } from '../../core/schema.js';
import type { ShownCentre } from '../../core/prsc.js';
import { regionLabel } from '../../kit/i18n/worded.js';
import { categoryLabel } from '../../kit/i18n/labels.js';
import { formatCount } from '../../kit/ui/format.js';
import type { Place, PlaceController } from '../../kit/place/place-controller.js';
import { renderSharedRecord } from '../../kit/card/shared-record.js';
import type { MapController } from '../../kit/map/map-controller.js';
import type { MapPoint } from '../../kit/map/map-types.js';
import { approximateNote, renderMapFrame } from '../../kit/map/map-view.js';
import { renderLocateButton, renderPlaceProblem, renderZipInput } from '../../kit/place/place-fields.js';
import { renderHeading, type HeadingLevel } from '../../kit/ui/heading.js';
import { getLocale } from '../../kit/i18n/localize.js';
import { renderCentre, type CentreView } from './prsc-card.js';

/** The heading and the site's introduction (its slot in the page's language, its `intro` slot, or `intro`). */
export function renderIntro(level: HeadingLevel, intro: string): TemplateResult {
  return html`${renderHeading(level, msg('Peer Recovery Support Centers'), { class: 'title', id: 'title' })}
    <div class="intro"><slot name=${`intro-${getLocale()}`}><slot name="intro"><p>${intro || msg(
      'Free, peer-run places where people in recovery, and their families, find support groups, one-to-one peer support, wellness activities and a welcoming place to be.',
    )}</p></slot></slot></div>`;
}

/** What the controls show and do. */
export interface ControlsView {
  regions: readonly string[];
  offerings: readonly Category[];
  /** The region chosen, as the data spells it ('' for every region). */
  region: string;
  /** The region menu works only once every centre is there. */
  ready: boolean;
  chosen: ReadonlySet<Category>;
  place: PlaceController;
  /** The ZIP the URL gave, for the ZIP box. */
  urlZip: string;
  onRegion: (region: string) => void;
  onOffering: (c: Category, on: boolean) => void;
  onZipSubmit: (e: SubmitEvent) => void;
  onClearPlace: () => void;
}

/** The filters and the nearest-first form. */
export function renderControls(v: ControlsView): TemplateResult {
  const { place } = v;
  return html`<div class="controls" part="controls">
    <div class="field">
      <label for="region">${msg('Region')}</label>
      <select id="region" ?disabled=${!v.ready} .value=${live(v.region ?? '')} @change=${(e: Event) => v.onRegion((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!v.region}>${msg('All regions')}</option>
        ${v.regions.map((r) => {
          const label = regionLabel(r);
          return html`<option value=${r} lang=${label.lang} ?selected=${r === v.region}>${label.text}</option>`;
        })}
      </select>
    </div>
    ${v.offerings.length
      ? html`<fieldset class="offerings">
          <legend>${msg('Offers')}</legend>
          ${v.offerings.map(
            (c) => html`<label class="check"><input type="checkbox" .checked=${v.chosen.has(c)}
                @change=${(e: Event) => v.onOffering(c, (e.target as HTMLInputElement).checked)} />${categoryLabel(c)}</label>`,
          )}
        </fieldset>`
      : nothing}
    <form class="near" @submit=${v.onZipSubmit} novalidate>
      ${renderZipInput(place, { label: msg('Nearest to ZIP code'), value: v.urlZip })}
      <button type="submit">${msg('Find nearest')}</button>
      ${renderLocateButton(place, () => void place.useLocation())}
      ${place.place ? html`<button type="button" class="secondary clear-place" @click=${v.onClearPlace}>${msg('Clear')}</button>` : nothing}
    </form>
    ${renderPlaceProblem(place)}
  </div>`;
}

/** "12 centres." (or none, or one). */
export function centresCount(n: number): string {
  return n === 0 ? msg('No centres match.') : n === 1 ? msg('1 centre.') : msg(str`${formatCount(n)} centres.`);
}

/** "Nearest first from 02118." ('' without a place). */
export function nearestFrom(place: Place | undefined): string {
  const from = place?.source === 'zip' ? (place.zip ?? '') : msg('your location');
  return place ? msg(str`Nearest first from ${from}.`) : '';
}

/** What the list of centres shows and does. */
interface CentresView {
  shown: readonly ShownCentre[];
  /** How many of them are listed. */
  listed: number;
  selectedId: string | undefined;
  subLevel: HeadingLevel;
  timeZone: string;
  staleAfterDays: number;
  feedback: CentreView['feedback'];
  fromZip: string | undefined;
  /** "Share" and "Add to my list" for a centre. */
  actions: (r: Resource) => TemplateResult | typeof nothing;
  onToggle: (id: string) => void;
  onKeydown: (e: KeyboardEvent) => void;
  onMore: () => void;
}

/** What the list and map show and do. */
export interface LayoutView {
  /** On a narrow screen: the map is shown (behind "Show map"). */
  mapShown: boolean;
  onToggleMap: () => void;
  level: HeadingLevel;
  /** A shared link's centre is not in the data. */
  linkMissing: boolean;
  onCloseMissing: () => void;
  /** Nothing to list yet. */
  loading: boolean;
  centres: CentresView;
  map: MapController;
  mapLabel: string;
  points: readonly MapPoint[];
  /** The street map switch and tile problems. */
  mapExtras: TemplateResult | typeof nothing;
}

/** The list of centres and, after it in the page (and so in the tab order), the map. */
export function renderLayout(v: LayoutView): TemplateResult {
  const { map } = v;
  return html`<div class="layout ${v.mapShown ? 'map-open' : ''}">
    <button type="button" class="secondary map-toggle" part="map-toggle" aria-expanded=${v.mapShown ? 'true' : 'false'}
      aria-controls="map-panel" @click=${v.onToggleMap}>
      ${v.mapShown ? msg('Hide map') : msg('Show map')}
    </button>
    <div class="list-col">
      ${v.linkMissing
        ? renderSharedRecord({ id: '', level: v.level, record: undefined, card: () => html``, onClose: v.onCloseMissing })
        : nothing}
      ${v.loading
        ? html`<div class="list-placeholder" aria-hidden="true"></div>`
        : v.centres.shown.length === 0
          ? html`<p class="notice empty">${msg('No centre matches these choices. Choose "All regions" or fewer offerings.')}</p>`
          : renderCentres(v.centres)}
    </div>
    <div class="map-col" id="map-panel" part="map">
      ${renderMapFrame(map, v.mapLabel)}
      ${map.state === 'failed'
        ? html`<p class="notice warning map-failed">${msg('The map could not be shown; the list has every centre.')}</p>`
        : nothing}
      ${v.mapExtras}
      ${map.state === 'ready' || map.state === 'loading'
        ? html`<p class="map-note muted">${approximateNote(v.points)}
            ${msg('Markers cannot be reached by keyboard: the list has every centre.')}</p>`
        : nothing}
    </div>
  </div>`;
}

/** The listed centres, "Show more centres" under a long list, and "Print this list". */
function renderCentres(v: CentresView): TemplateResult {
  return html`<ul class="plain centres" part="list" aria-label=${msg('Peer Recovery Support Centers')} @keydown=${v.onKeydown}>
      ${repeat(
        v.shown.slice(0, v.listed),
        (s) => s.r.id,
        (s) => html`<li class="centre ${s.r.id === v.selectedId ? 'selected' : ''}" data-id=${s.r.id}>
          ${renderCentre({
            r: s.r,
            km: s.km,
            selected: s.r.id === v.selectedId,
            headingLevel: v.subLevel,
            now: new Date(),
            timeZone: v.timeZone,
            staleAfterDays: v.staleAfterDays,
            feedback: v.feedback,
            fromZip: v.fromZip,
            onToggle: v.onToggle,
            extra: v.actions(s.r),
          })}
        </li>`,
      )}
    </ul>
    ${v.shown.length > v.listed
      ? html`<button type="button" class="secondary more" part="more" @click=${v.onMore}>
          ${msg(str`Show more centres (${formatCount(v.listed)} of ${formatCount(v.shown.length)} shown)`)}</button>`
      : nothing}
    <p class="print-row"><button type="button" class="secondary print" part="print" @click=${() => window.print()}>
      ${msg('Print this list')}</button></p>`;
}
