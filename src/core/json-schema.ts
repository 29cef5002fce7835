/**
 * The published JSON Schema of a dataset document (`data/schema.json`), generated from the one
 * valibot definition in schema.ts. Node-only tooling (the data build) uses it; the browser
 * bundle never imports it, and @valibot/to-json-schema is a development dependency.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import { DatasetSchema, SCHEMA_VERSION } from './schema.js';

const DATASET_SCHEMA_ID = `urn:recovery-finder:dataset-schema:${SCHEMA_VERSION}`;

/**
 * The JSON Schema (draft-07) of DatasetSchema. Checks valibot cannot express in JSON Schema
 * (trimming, duplicate ids) are left out: `recovery-finder validate` is the full check.
 */
export function datasetJsonSchema(): Record<string, unknown> {
  const generated = toJsonSchema(DatasetSchema, { errorMode: 'ignore' });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: DATASET_SCHEMA_ID,
    title: `recovery-finder dataset, schema version ${SCHEMA_VERSION}`,
    description:
      'A recovery-finder dataset: an envelope (title, sources, help contacts) and one record per resource at a location. ' +
      'Field names follow Open Referral HSDS 3.0 where they fit.',
    ...rest,
  };
}
