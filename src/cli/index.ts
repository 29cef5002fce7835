#!/usr/bin/env node
/**
 * The `recovery-finder` command line: `validate` datasets, `import` a spreadsheet, and
 * `serve` / `load` an Open Referral HSDS 3.0 read API (the server is the separate
 * @recovery-finder/server package, imported only by those two commands).
 * Node-only; imports core, never components. Exit codes: 0 good, 1 invalid data, 2 usage
 * or a file that cannot be read.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { describeProblem, validateDataset, type Dataset } from '../core/schema.js';
import {
  datasetFromImport,
  describeImportProblem,
  importRows,
  type CsvRow,
  type ImportProblem,
  type ZipLookup,
} from '../core/csv-import.js';
import { DEFAULT_HELP_CONTACTS } from '../core/help-defaults.js';

const USAGE = `Usage:
  recovery-finder validate FILE [FILE...]
      Check dataset files against the schema. Prints one summary line per good file and,
      for a bad one, each bad record (id or index), field path and what is wrong.
  recovery-finder import FILE.csv [--out FILE] [--title T] [--source NAME] [--time-zone TZ] [--no-help]
      Turn a spreadsheet (docs/csv-import.md) into a dataset, written to --out or stdout.
      Bad rows are reported on stderr by row and column and left out (exit 1).
      --source NAME   provenance for rows with an empty source column
      --no-help       leave the help block empty (default: 911, 988, the Massachusetts
                      Substance Use Helpline and BOS:311)
  recovery-finder serve [FILE...] [--port 8080] [--host 127.0.0.1] [--database postgres://...]
                        [--data-dir DIR] [--max-age SECONDS] [--distance auto|postgis|bbox] [--quiet]
      Serve an Open Referral HSDS 3.0 read API (/, /services, /service_at_locations,
      /organizations, /taxonomies, /taxonomy_terms, /healthz). Without --database it runs on
      embedded PostgreSQL (PGlite) loaded from the FILEs; with --database it uses that
      server, loading the FILEs first when given. Logs one JSON line per request on stdout
      (no query strings). Stops cleanly on SIGTERM or Ctrl-C.
  recovery-finder load FILE [FILE...] --database postgres://...
      Load datasets into PostgreSQL, replacing what is there in one transaction: a failed
      load leaves the previous data serving. \`import\` output loads the same way.
      serve and load need the server package: npm install @recovery-finder/server
  recovery-finder --help

Exit status: 0 all good, 1 invalid data, 2 usage error or unreadable file.`;

const EXIT_OK = 0;
const EXIT_INVALID = 1;
const EXIT_USAGE = 2;

class UsageError extends Error {}

const say = (line: string): void => void process.stdout.write(`${line}\n`);
const warn = (line: string): void => void process.stderr.write(`${line}\n`);

/** Read a file, or report why not (missing file: exit 2). */
async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    warn(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(error)})`}`);
    return undefined;
  }
}

function recordCount(json: unknown): number {
  const resources = (json as { resources?: unknown }).resources;
  return Array.isArray(resources) ? resources.length : 0;
}

async function validateFile(file: string): Promise<number> {
  const text = await readText(file);
  if (text === undefined) return EXIT_USAGE;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    warn(`${file}: not JSON (${(error as Error).message})`);
    return EXIT_INVALID;
  }
  const result = validateDataset(json);
  if (!result.ok) {
    warn(`${file}: ${result.error}`);
    return EXIT_INVALID;
  }
  const total = recordCount(json);
  if (result.problems.length === 0) {
    say(`${file}: ${total} records, valid`);
    return EXIT_OK;
  }
  for (const problem of result.problems) warn(`${file}: ${describeProblem(problem)}`);
  const bad = new Set(result.problems.map((p) => p.index)).size;
  warn(`${file}: ${total} records, ${bad} invalid`);
  return EXIT_INVALID;
}

async function validateCommand(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean' } } });
  if (values.help) return help();
  if (positionals.length === 0) throw new UsageError('validate needs at least one FILE');
  let status = EXIT_OK;
  for (const file of positionals) status = Math.max(status, await validateFile(file));
  return status;
}

type ZipTable = Record<string, [number, number]>;

/** ZIP centres shipped beside the CLI (data/zip-centroids-us.json), if present. */
async function loadZips(purpose: string): Promise<ZipTable | undefined> {
  const url = new URL('../data/zip-centroids-us.json', import.meta.url);
  try {
    return (JSON.parse(await readFile(url, 'utf8')) as { zips: ZipTable }).zips;
  } catch {
    warn(`note: ${url.pathname} not found; ${purpose}`);
    return undefined;
  }
}

async function loadZipLookup(): Promise<ZipLookup | undefined> {
  const zips = await loadZips('rows without coordinates get no location');
  return zips && ((zip) => (Object.hasOwn(zips, zip) ? zips[zip] : undefined));
}

/** Parse CSV text; rows papaparse could not read are reported and set aside. */
function parseCsv(text: string): { rows: CsvRow[]; rowNumbers: number[]; problems: ImportProblem[] } {
  const parsed = Papa.parse<CsvRow>(text, { header: true, skipEmptyLines: 'greedy' });
  const badRows = new Set<number>();
  const problems: ImportProblem[] = parsed.errors.map((e) => {
    if (e.row !== undefined) badRows.add(e.row);
    return { row: (e.row ?? -1) + 2, message: `cannot be read as CSV: ${e.message}` };
  });
  const rows: CsvRow[] = [];
  const rowNumbers: number[] = [];
  parsed.data.forEach((row, i) => {
    if (badRows.has(i)) return;
    rows.push(row);
    rowNumbers.push(i + 2);
  });
  return { rows, rowNumbers, problems };
}

async function importCommand(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      title: { type: 'string' },
      source: { type: 'string' },
      'time-zone': { type: 'string' },
      'no-help': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return help();
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('import needs exactly one FILE.csv');
  const text = await readText(file);
  if (text === undefined) return EXIT_USAGE;

  const csv = parseCsv(text);
  const imported = importRows(csv.rows, {
    rowNumbers: csv.rowNumbers,
    lookupZip: await loadZipLookup(),
    ...(values.source ? { source: values.source } : {}),
  });
  const dataset = datasetFromImport(imported.resources, {
    title: values.title ?? `Imported from ${basename(file)}`,
    timeZone: values['time-zone'] ?? 'America/New_York',
    help: values['no-help'] ? [] : DEFAULT_HELP_CONTACTS,
    generatedAt: new Date().toISOString(),
  });
  const checked = validateDataset(dataset);
  if (!checked.ok) throw new UsageError(checked.error);

  const json = `${JSON.stringify(dataset, null, 2)}\n`;
  if (values.out) await writeFile(values.out, json);
  else process.stdout.write(json);
  const problems = [...csv.problems, ...imported.problems].sort((a, b) => a.row - b.row);
  for (const problem of problems) warn(`${file}: ${describeImportProblem(problem)}`);
  const tally = problems.length === 0 ? '' : `, ${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  warn(`${file}: ${imported.resources.length} records imported${tally}`);
  return problems.length > 0 ? EXIT_INVALID : EXIT_OK;
}

type ServerModule = typeof import('@recovery-finder/server');

/** The server package, or a usage error saying how to install it. */
async function loadServerPackage(): Promise<ServerModule> {
  try {
    return await import('@recovery-finder/server');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ERR_MODULE_NOT_FOUND' && e.message.includes('@recovery-finder/server')) {
      throw new UsageError(
        'serve and load need the server package, which the elements do not install.\n' +
          'Install it beside recovery-finder:  npm install @recovery-finder/server\n' +
          'or run both at once:  npx -p recovery-finder -p @recovery-finder/server recovery-finder serve FILE',
      );
    }
    throw error;
  }
}

/** Read and validate dataset files for loading; any problem refuses the whole load. */
async function readDatasets(files: string[]): Promise<{ datasets: Dataset[]; status: number }> {
  const datasets: Dataset[] = [];
  let status = EXIT_OK;
  for (const file of files) {
    const text = await readText(file);
    if (text === undefined) return { datasets: [], status: EXIT_USAGE };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      warn(`${file}: not JSON (${(error as Error).message})`);
      status = EXIT_INVALID;
      continue;
    }
    const result = validateDataset(json);
    if (!result.ok) {
      warn(`${file}: ${result.error}`);
      status = EXIT_INVALID;
      continue;
    }
    for (const problem of result.problems) warn(`${file}: ${describeProblem(problem)}`);
    if (result.problems.length > 0) {
      status = EXIT_INVALID;
      continue;
    }
    datasets.push(result.dataset);
  }
  if (status !== EXIT_OK) warn('Nothing was loaded: fix the problems above (recovery-finder validate FILE) and try again.');
  return { datasets, status };
}

const SERVE_OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  database: { type: 'string' },
  'data-dir': { type: 'string' },
  'max-age': { type: 'string' },
  distance: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

function wholeNumber(flag: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > max) throw new UsageError(`--${flag} must be a whole number from 0 to ${max}`);
  return Number(raw);
}

async function loadCommand(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: SERVE_OPTIONS });
  if (values.help) return help();
  if (positionals.length === 0) throw new UsageError('load needs at least one FILE');
  if (!values.database) throw new UsageError('load needs --database postgres://... (serve loads PGlite by itself)');
  const server = await loadServerPackage();
  const { datasets, status } = await readDatasets(positionals);
  if (status !== EXIT_OK) return status;
  const db = await server.openDatabase({ url: values.database });
  try {
    const summary = await server.loadDatasets(db, datasets, { zips: await loadZips('postcode and proximity will find nothing') });
    say(
      `loaded ${summary.services} services, ${summary.organizations} organizations, ${summary.locations} locations ` +
        `in ${(summary.ms / 1000).toFixed(1)} s (distance: ${summary.postgis ? 'PostGIS' : 'great-circle'})`,
    );
    return EXIT_OK;
  } catch (error) {
    warn(`load failed, nothing changed: ${(error as Error).message}`);
    return EXIT_INVALID;
  } finally {
    await db.close();
  }
}

async function serveCommand(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: SERVE_OPTIONS });
  if (values.help) return help();
  const port = wholeNumber('port', values.port, 8080, 65535);
  const maxAge = wholeNumber('max-age', values['max-age'], 300, 31536000);
  const distance = values.distance ?? 'auto';
  if (distance !== 'auto' && distance !== 'postgis' && distance !== 'bbox') {
    throw new UsageError('--distance must be auto, postgis or bbox');
  }
  if (!values.database && !values['data-dir'] && positionals.length === 0) {
    throw new UsageError('serve needs a dataset FILE (or --database with data loaded by "recovery-finder load")');
  }
  const server = await loadServerPackage();
  const { datasets, status } = await readDatasets(positionals);
  if (status !== EXIT_OK) return status;
  const db = await server.openDatabase(
    values.database ? { url: values.database } : values['data-dir'] ? { dataDir: values['data-dir'] } : {},
  );
  try {
    if (datasets.length > 0) {
      const summary = await server.loadDatasets(db, datasets, { zips: await loadZips('postcode and proximity will find nothing') });
      warn(`loaded ${summary.services} services in ${(summary.ms / 1000).toFixed(1)} s`);
    }
    const http = await server.createHsdsServer(db, { maxAge, distance, ...(values.quiet ? { log: false } : {}) });
    const host = values.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(port, host, resolve);
    });
    const address = http.address();
    const shown = typeof address === 'object' && address ? `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/` : host;
    warn(`HSDS API listening on ${shown} (${db.kind === 'pglite' ? 'embedded PostgreSQL (PGlite)' : 'PostgreSQL'})`);
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        warn(`${signal}: finishing requests in flight, then stopping`);
        resolve();
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    });
    await server.shutdown(http, db);
    warn('stopped');
    return EXIT_OK;
  } catch (error) {
    await db.close().catch(() => undefined);
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use; choose another with --port`);
    throw error;
  }
}

function help(): number {
  say(USAGE);
  return EXIT_OK;
}

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  validate: validateCommand,
  import: importCommand,
  serve: serveCommand,
  load: loadCommand,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    if (command === undefined) {
      warn(USAGE);
      return EXIT_USAGE;
    }
    return help();
  }
  const run = COMMANDS[command];
  if (!run) throw new UsageError(`unknown command "${command}"`);
  return run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    warn(`recovery-finder: ${(error as Error).message}${usage ? '\nRun recovery-finder --help for usage.' : ''}`);
    process.exitCode = usage ? EXIT_USAGE : EXIT_INVALID;
  },
);
