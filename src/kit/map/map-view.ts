/**
 * What the map elements render around their map and feed it: records as map points, the map's
 * frame, the street map switch, and the note on approximate markers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { isValidLatLon } from '../../core/geo.js';
import type { Resource } from '../../core/schema.js';
import type { MapController } from './map-controller.js';
import type { MapPoint } from './map-types.js';

/** A record as a point on the map (undefined without valid coordinates). */
function resourcePoint(r: Resource): MapPoint | undefined {
  const at = r.location;
  if (!at || !isValidLatLon(at)) return undefined;
  return {
    id: r.id,
    latitude: at.latitude,
    longitude: at.longitude,
    label: r.name,
    approximate: at.precision !== 'exact',
    precision: at.precision,
    detail: r.address ? [r.address.address_1, r.address.city].filter(Boolean).join(', ') : undefined,
  };
}

/** The records that have coordinates, as map points. */
export function resourcePoints(records: readonly Resource[]): MapPoint[] {
  return records.flatMap((r) => resourcePoint(r) ?? []);
}

/** The sized frame the controller draws into, labelled, with "Loading the map…" while it loads. */
export function renderMapFrame(map: MapController, label: string): TemplateResult {
  return html`<div class="map map-frame" role="region" aria-label=${label}>
    ${map.state === 'loading' ? html`<p class="map-loading">${msg('Loading the map…')}</p>` : nothing}
  </div>`;
}

/**
 * Under a ready map: the "Show street map" switch (tiles load only after it, unless the site set
 * `tile-url`), and, when tiles fail, that news in words (the basemap and the list stay).
 */
export function renderMapExtras(map: MapController, streetMap: boolean, toggle: () => void): TemplateResult | typeof nothing {
  if (map.state !== 'ready') return nothing;
  return html`<div class="map-extras">
    <button type="button" class="secondary street-map" aria-pressed=${streetMap ? 'true' : 'false'} @click=${toggle}>
      ${msg('Show street map')}
    </button>
    ${streetMap && map.tileErrors > 0
      ? html`<p class="notice warning tiles-failed">${map.tileLoads > 0
          ? msg('Part of the street map could not be loaded. The outline map and the list still work.')
          : msg('The street map could not be loaded. The outline map and the list still work.')}</p>`
      : nothing}
  </div>`;
}

/**
 * What a person should know about the markers' places, or nothing when every one is exact:
 * each record's own precision (a ZIP code centre, a town centre, the source's geocoding), never
 * "ZIP code centre" for a point placed another way.
 */
export function approximateNote(points: readonly MapPoint[]): string | typeof nothing {
  const approximate = points.filter((p) => p.approximate);
  if (approximate.length === 0) return nothing;
  const kinds = new Set(approximate.map((p) => (p.precision === 'city-centroid' ? 'town-centre' : p.precision ?? 'zip-centroid')));
  const every = approximate.length === points.length;
  if (kinds.size === 2 && !kinds.has('source-geocoded')) {
    return every
      ? msg('Every marker is placed at the centre of its ZIP code or town, not at the door: use the address for directions.')
      : msg('Dashed markers are placed at the centre of their ZIP code or town, not at the door.');
  }
  if (kinds.size > 1) {
    return every
      ? msg('Every marker is approximate (a ZIP code or town centre, or where the source geocoded it), not at the door: use the address for directions.')
      : msg('Dashed markers are approximate (a ZIP code or town centre, or where the source geocoded it), not at the door.');
  }
  const [kind] = kinds;
  if (kind === 'town-centre') {
    return every
      ? msg('Every marker is placed at the centre of its town, not at the door: use the address for directions.')
      : msg('Dashed markers are placed at the centre of their town, not at the door.');
  }
  if (kind === 'source-geocoded') {
    return every
      ? msg('Every marker is where the source geocoded it, which may not be the door: use the address for directions.')
      : msg('Dashed markers are where the source geocoded them, which may not be the door.');
  }
  return every
    ? msg('Every marker is placed at the centre of its ZIP code, not at the door: use the address for directions.')
    : msg('Dashed markers are placed at the centre of their ZIP code, not at the door.');
}
