/**
 * URLs of the assets bundled with the library, emitted beside the script that loads them
 * (`?no-inline` keeps Vite from inlining them as base64; see TOOLCHAIN.md).
 */

/** Census ZCTA centroids of Massachusetts ZIP codes (small; tried first). */
export const ZIP_TABLE_MA_URL = new URL('../../../data/zip-centroids-ma.json?no-inline', import.meta.url).href;

/** Census ZCTA centroids of every US ZIP code (about 0.9 MB; fetched only for a ZIP outside Massachusetts). */
export const ZIP_TABLE_US_URL = new URL('../../../data/zip-centroids-us.json?no-inline', import.meta.url).href;
