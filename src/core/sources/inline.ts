/** A dataset handed to the element as an object (its `data` property). */
import { datasetFromSliced } from '../load.js';
import type { DataSource } from './types.js';

export function inlineSource(data: unknown): DataSource {
  return {
    key: data,
    load: (signal, onPartial) => datasetFromSliced(data, undefined, signal, onPartial),
  };
}
