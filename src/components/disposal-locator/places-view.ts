/**
 * The disposal locator's view pieces: the item and place fieldsets, the snapshot warning, the
 * places that take the item (with their map, or the guidance when none is near), and the
 * upcoming take-back events with "Add to calendar". The element gives each its data and the
 * cards (with its card actions).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { DISPOSAL_ITEMS, type DisposalItem, type Resource } from '../../core/schema.js';
import type { NearItem } from '../../core/nearest.js';
import { MEDICINE_ITEMS, fallbackGuidance, isRunning, isUpcoming, snapshotDate, type DisposalIndex, type EventMatch } from '../../core/disposal.js';
import { kmToMiles } from '../../core/geo.js';
import { eventIcs, icsFileName } from '../../core/ics.js';
import { uriComponent } from '../../core/links.js';
import { renderPart } from '../../kit/card/result-card.js';
import { renderHeading, type HeadingLevel } from '../../kit/ui/heading.js';
import { itemLabel } from '../../kit/i18n/labels.js';
import { formatCount } from '../../kit/ui/format.js';
import { getLocale } from '../../kit/i18n/localize.js';
import type { Place, PlaceController } from '../../kit/place/place-controller.js';
import { renderLocateButton, renderZipInput } from '../../kit/place/place-fields.js';
import type { MapController } from '../../kit/map/map-controller.js';
import type { MapPoint } from '../../kit/map/map-types.js';
import { approximateNote, renderMapFrame } from '../../kit/map/map-view.js';
import { renderGuidance } from './disposal-guidance.js';
import { RecoverySearchEvent, type DisposalSearchFilters } from '../../events.js';

/** The item named, when it is one the locator knows. */
export function isItem(v: unknown): v is DisposalItem {
  return typeof v === 'string' && (DISPOSAL_ITEMS as readonly string[]).includes(v);
}

/** "3 places within 10 miles take pills, nearest first." */
export function placesCountText(item: DisposalItem, maxKm: number, n: number): string {
  const label = itemLabel(item).toLowerCase();
  const miles = formatCount(Math.round(kmToMiles(maxKm)));
  if (n === 0) return msg(str`No place within ${miles} miles says it takes ${label}.`);
  if (n === 1) return msg(str`1 place within ${miles} miles takes ${label}, nearest first.`);
  return msg(str`${formatCount(n)} places within ${miles} miles take ${label}, nearest first.`);
}

/** The `recovery-search` event of a search near a place (a ZIP, or a location: never its coordinates). */
export function searchEvent(place: Place, item: DisposalItem, maxKm: number, n: number): RecoverySearchEvent<DisposalSearchFilters> {
  const filters: DisposalSearchFilters = {
    item,
    maxDistance: kmToMiles(maxKm),
    location: place.source === 'zip' ? 'zip' : 'geolocation',
  };
  return new RecoverySearchEvent(place.source === 'zip' ? (place.zip ?? '') : '', filters, n);
}

/** True when the map stands beside the list (wide layout), false when it is under it. */
export function mapBeside(root: ParentNode): boolean {
  const list = root.querySelector('.results-area .results');
  const map = root.querySelector('.map-frame');
  if (!list || !map) return false;
  return map.getBoundingClientRect().top < list.getBoundingClientRect().bottom;
}

/** A place's or an event's card: `extra` first among its actions, then the element's own. */
export type CardOf = (r: Resource, km: number | undefined, extra: TemplateResult | typeof nothing) => TemplateResult;

/** "What do you want to get rid of?": one radio button per item. */
export function renderItems(shown: DisposalItem, onChange: (e: Event) => void): TemplateResult {
  return html`<fieldset>
    <legend>${msg('What do you want to get rid of?')}</legend>
    <div class="items">
      ${DISPOSAL_ITEMS.map(
        (i) => html`<label class="item" part="item">
          <input type="radio" name="item" .value=${i} .checked=${shown === i} @change=${onChange} />
          ${itemLabel(i)}
        </label>`,
      )}
    </div>
  </fieldset>`;
}

/** "Where are you?": the ZIP box, "Find places" and "Use my location". */
export function renderWhere(place: PlaceController, urlZip: string): TemplateResult {
  return html`<fieldset>
    <legend>${msg('Where are you?')}</legend>
    <div class="where">
      ${renderZipInput(place, { value: urlZip })}
      <button type="submit" class="primary" ?disabled=${place.lookingUp}>${msg('Find places')}</button>
      ${renderLocateButton(place, () => void place.useLocation())}
    </div>
  </fieldset>`;
}

/** "This list is a snapshot from …": when the newest record is old (nothing otherwise). */
export function renderSnapshot(places: readonly Resource[] | undefined, now: Date): TemplateResult | typeof nothing {
  const date = places ? snapshotDate(places, now) : undefined;
  if (!date) return nothing;
  const [y = 1970, m = 1] = date.split('-').map(Number);
  const month = new Intl.DateTimeFormat(getLocale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, 15),
  );
  return html`<p class="notice warning snapshot">
    <strong>${msg(str`This list is a snapshot from ${month}: call before you go.`)}</strong>
  </p>`;
}

/** What the places section shows. */
export interface PlacesView {
  place: Place;
  index: DisposalIndex;
  results: ReadonlyArray<NearItem<Resource>>;
  item: DisposalItem;
  maxKm: number;
  /** "near 02118", "near you". */
  where: string;
  level: HeadingLevel;
  subLevel: HeadingLevel;
  selectedId: string | undefined;
  /** The list has a map beside it. */
  hasMap: boolean;
  /** The map can take "Show on map" (it has not failed). */
  mapUsable: boolean;
  card: CardOf;
  onShowOnMap: (id: string) => void;
  renderMap: () => TemplateResult;
}

/** The places that take the item near the person (nearest first, with the map), or the guidance when none does. */
export function renderPlaces(v: PlacesView): TemplateResult {
  const { place, index, results, item } = v;
  const label = itemLabel(item).toLowerCase();
  const pillsNear =
    item !== 'pills' && MEDICINE_ITEMS.includes(item) && results.length === 0
      ? index.nearest(place.point, 'pills', { limit: 1, maxKm: v.maxKm }).length > 0
      : false;
  return html`<section class="area results-area" aria-labelledby="results-heading">
    ${renderHeading(v.level, msg(str`Places that take ${label} ${v.where}`), { id: 'results-heading', class: 'title' })}
    ${results.length
      ? html`<div class="layout ${v.hasMap ? 'with-map' : ''}">
          <ol class="plain results" part="list">
            ${results.map(
              ({ item: r, km }) => html`<li data-id=${r.id} class=${r.id === v.selectedId ? 'selected' : ''}>
                ${v.card(
                  r,
                  km,
                  v.mapUsable && r.location
                    ? html`<button type="button" class="secondary show-on-map" aria-pressed=${r.id === v.selectedId ? 'true' : 'false'}
                        aria-label=${msg(str`Show on map: ${r.name}`)} @click=${() => v.onShowOnMap(r.id)}>${msg('Show on map')}</button>`
                    : nothing,
                )}
              </li>`,
            )}
          </ol>
          ${v.hasMap ? v.renderMap() : nothing}
        </div>
        <p class="print-row"><button type="button" class="secondary print" part="print" @click=${() => window.print()}>
          ${msg('Print this list')}</button></p>`
      : html`<p class="notice">
            ${msg(str`No place within ${formatCount(Math.round(kmToMiles(v.maxKm)))} miles in this list says it takes ${label}.`)}
            ${pillsNear ? msg('Some places near you take pills and tablets: call one to ask whether it takes this too.') : nothing}
          </p>
          ${renderGuidance(fallbackGuidance(item, { inBoston: place.inBoston }), v.subLevel, index.needlePage)}`}
    ${results.length && item === 'sharps' && place.inBoston
      ? html`<p class="muted">${msg('Found a needle outside? Report it to BOS:311 (3-1-1 or 617-635-4500).', {
          desc: 'Boston needle guidance. BOS:311 is the city services line (dial 3-1-1 or 617-635-4500): keep the name and every number exactly as written, in Western digits.',
        })}</p>`
      : nothing}
  </section>`;
}

/** The map of the listed places (Leaflet loads when it is about to be seen), its switch and its note. */
export function renderPlacesMap(map: MapController, points: readonly MapPoint[], label: string, extras: TemplateResult | typeof nothing): TemplateResult {
  return html`<div class="map-col" part="map">
    ${renderMapFrame(map, label)}
    ${extras}
    ${map.state === 'failed'
      ? html`<p class="notice warning map-failed">${msg('The map could not be shown; the list has every place.')}
          <button type="button" class="secondary" @click=${() => map.retry()}>${msg('Try the map again')}</button></p>`
      : html`<p class="map-note muted">
          ${approximateNote(points)}
          ${msg('Markers cannot be reached by keyboard: the list has every place.')}
        </p>`}
  </div>`;
}

/** The upcoming take-back events (nothing when there are none). */
export function renderEvents(events: readonly EventMatch[], o: { now: Date; timeZone: string; level: HeadingLevel; card: CardOf }): TemplateResult | typeof nothing {
  if (events.length === 0) return nothing;
  const { now, timeZone } = o;
  return html`<section class="area events" part="events" aria-labelledby="events-heading">
    ${renderHeading(o.level, msg('Upcoming take-back events'), { id: 'events-heading', class: 'title' })}
    <ol class="plain results">
      ${events.map(
        ({ item: r, km }) => html`<li>
          ${isRunning(r, now) ? html`<p class="chip running">${msg('Happening now')}</p>` : nothing}
          ${o.card(r, km, renderPart(r, 'calendar link', () => renderAddToCalendar(r, timeZone, now)))}
        </li>`,
      )}
    </ol>
  </section>`;
}

/** "Add to calendar": the event as an .ics file made here, in the data's time zone. */
function renderAddToCalendar(r: Resource, timeZone: string, now: Date): TemplateResult | typeof nothing {
  // An event that has passed (or may have: started with no end time) is never offered.
  if (!isUpcoming(r, now)) return nothing;
  const ics = eventIcs(r, {
    timeZone,
    now,
    pageUrl: location.href,
    labels: { source: msg('Source'), foundOn: msg('Found on') },
  });
  if (!ics) return nothing;
  return html`<p class="card-actions">
    <a class="button secondary add-to-calendar" href=${`data:text/calendar;charset=utf-8,${uriComponent(ics)}`}
      download=${icsFileName(r)} aria-label=${msg(str`Add to calendar: ${r.name}`)}>${msg('Add to calendar')}</a>
  </p>`;
}
