// @ts-check
/**
 * @recovery-finder/server: an Open Referral HSDS 3.0 read API over recovery-finder datasets,
 * on embedded PostgreSQL (PGlite) or a real PostgreSQL server. The `recovery-finder` command
 * line (`serve`, `load`) is its usual front door; these are the pieces it uses.
 */
export { openDatabase } from './db.js';
export { loadDatasets, EARTH_RADIUS_M } from './load.js';
export { createHsdsServer, shutdown } from './http.js';
export { uuidFor, termId, taxonomyId, TAXONOMIES } from './hsds.js';
export { boundingBox, PER_PAGE_DEFAULT, PER_PAGE_MAX, PAGE_MAX, PROXIMITY_MAX, SEARCH_MAX } from './api.js';
