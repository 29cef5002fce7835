/** DOM-free core of recovery-finder: the data model, loading, search, geography and hours. */
export * from './schema.js';
export * from './load.js';
export * from './links.js';
export * from './geo.js';
export * from './nearest.js';
export * from './hours.js';
export * from './zip-lookup.js';
export * from './freshness.js';
export * from './reach.js';
export { hsdsApiSource, datasetFromHsds, recordsFromService, recordsFromServiceAtLocation, clearHsdsCache, hsdsPageUrl, HSDS_PROXIMITY_MAX } from './sources/hsds-api.js';
export type { HsdsQuery, HsdsApiOptions, HsdsDataSource, HsdsPageInfo, TaxonomyMap, MappingOptions } from './sources/hsds-api.js';
