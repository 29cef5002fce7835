/**
 * A spreadsheet published as CSV at a URL (the layout of docs/csv-import.md, the same as
 * `recovery-finder import`): a web editor can point an element at a sheet's CSV export.
 * Rows that cannot be used are skipped and counted, as bad records of a JSON file are.
 * Loaded only when a `src` ends in `.csv`, so pages with JSON data never pay for the parser.
 */
import { parseCsv, importRows, datasetFromImport, type ImportProblem } from '../csv-import.js';
import { DEFAULT_HELP_CONTACTS } from '../help-defaults.js';
import { datasetFromSliced, fetchText, type FetchOptions, type LoadedDataset } from '../load.js';
import type { ValidationProblem } from '../schema.js';
import type { DataSource } from './types.js';

export interface CsvSourceOptions extends Omit<FetchOptions, 'signal'> {
  /** The IANA time zone of the sheet's opening hours. Default America/New_York. */
  timeZone?: string;
  title?: string;
}

/** A spreadsheet row problem, as the elements count skipped records. */
function asProblem(p: ImportProblem): ValidationProblem {
  return { index: p.row - 2, path: p.column ?? '', message: `row ${p.row}: ${p.message}` };
}

export function csvUrlSource(url: string, options: CsvSourceOptions = {}): DataSource {
  return {
    key: url,
    async load(signal): Promise<LoadedDataset> {
      const text = await fetchText(url, { ...options, signal });
      const csv = parseCsv(text);
      const imported = importRows(csv.rows, { rowNumbers: csv.rowNumbers });
      const dataset = datasetFromImport(imported.resources, {
        title: options.title ?? url,
        timeZone: options.timeZone ?? 'America/New_York',
        help: DEFAULT_HELP_CONTACTS,
        generatedAt: new Date().toISOString(),
      });
      const loaded = await datasetFromSliced(dataset, url, signal);
      const problems = [...csv.problems, ...imported.problems].map(asProblem);
      for (const p of problems) console.warn(`recovery-finder: ${url}: ${p.message}`);
      return { ...loaded, problems: [...problems, ...loaded.problems] };
    },
  };
}
