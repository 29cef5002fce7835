/**
 * Choosing an element's data source from its settings. Today: the `data` property, a CSV
 * spreadsheet URL, a JSON dataset URL, or the bundled dataset. An HSDS 3.0 API (`api`) is asked
 * per question, so its source is made per question (hsds-lazy.ts, then hsds-api.ts): by the
 * search element per search, by the maps (kit/map/with-map.ts) for their centres
 * or for the places near a ZIP.
 */
import { inlineSource } from './inline.js';
import { jsonUrlSource } from './json-url.js';
import type { DataSource, SourceSettings } from './types.js';
import type { LoadedDataset } from '../load.js';

export type { DataSource, SourceSettings } from './types.js';

/** Is this URL a CSV spreadsheet (by its path's ending)? */
function isCsvUrl(url: string): boolean {
  return /\.csv$/i.test(new URL(url, globalThis.location?.href ?? 'http://localhost/').pathname);
}

/** The source the settings name; `fallbackUrl` (the bundled dataset) when they name none. */
export function sourceFor(settings: SourceSettings, fallbackUrl: string): DataSource {
  if (settings.data !== undefined && settings.data !== null) return inlineSource(settings.data);
  const url = settings.src || fallbackUrl;
  if (isCsvUrl(url)) {
    return {
      key: url,
      // The CSV parser loads only for a CSV source.
      load: async (signal): Promise<LoadedDataset> => (await import('./csv-url.js')).csvUrlSource(url).load(signal),
    };
  }
  return jsonUrlSource(url);
}
