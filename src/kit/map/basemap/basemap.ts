/**
 * The bundled basemap: Massachusetts' counties and the other US states as GeoJSON, drawn under
 * the markers so a map shows where things are without asking any tile server. Loaded with the
 * map chunk only (a dynamic import from map-controller.ts). Data: us-atlas (U.S. Census Bureau
 * cartographic boundary files, 2017, public domain), simplified by tools/basemap.mjs.
 */
import { feature } from 'topojson-client';
import type { FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection } from 'topojson-specification';
import { maCounties, usStates } from './basemap-data.js';

export interface Basemap {
  /** Massachusetts' counties. */
  counties: FeatureCollection<Geometry, { name: string }>;
  /** Every US state but Massachusetts (its counties draw it). */
  states: FeatureCollection<Geometry, { name: string }>;
}

let built: Basemap | undefined;

/** The basemap's features (converted once per page). */
export function basemap(): Basemap {
  built ??= {
    counties: feature(maCounties, maCounties.objects['counties'] as GeometryCollection<{ name: string }>),
    states: feature(usStates, usStates.objects['states'] as GeometryCollection<{ name: string }>),
  };
  return built;
}
