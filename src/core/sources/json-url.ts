/** A dataset in a JSON file at a URL: one request per URL for every element on the page. */
import { loadDataset, type FetchOptions } from '../load.js';
import type { DataSource } from './types.js';

export function jsonUrlSource(url: string, options: Omit<FetchOptions, 'signal'> = {}): DataSource {
  return {
    key: url,
    load: (signal, onPartial) => loadDataset(url, { ...options, signal, onPartial }),
  };
}
