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
import { describeProblem, validateDataset, type Dataset, type ValidationResult } from '../core/schema.js';
import {
  datasetFromImport,
  describeImportProblem,
  formulaProblems,
  parseCsv,
  importRows,
  type ZipLookup,
} from '../core/csv-import.js';
import { DEFAULT_HELP_CONTACTS } from '../core/help-defaults.js';
import { outputProblem, readTextFile } from './text-file.js';
import { DEFAULT_STALE_AFTER_DAYS, hasEnded, isStale } from '../core/freshness.js';
import { buildReport } from './report.js';
import { exampleSigns } from '../core/placeholders.js';
import { withWordedEnglish } from '../core/worded.js';

const USAGE = `Usage:
  recovery-finder validate FILE [FILE...] [--stale-after-days N] [--strict] [--today YYYY-MM-DD]
      Check dataset files against the schema. Prints one summary line per good file and,
      for a bad one, each bad record (id or index), field path and what is wrong.
      Warns about records verified (or, never verified, sourced) more than N days ago
      (default ${DEFAULT_STALE_AFTER_DAYS}); --strict makes each of them an error (exit 1).
  recovery-finder report FILE.json [--out FILE.csv] [--stale-after-days N] [--today YYYY-MM-DD]
      Records by verification status and age, the oldest sources, and the records missing a
      phone, hours or a street address. Writes the call list (every record to call, oldest
      first) as CSV to --out (default: FILE-call-list.csv beside FILE).
  recovery-finder import FILE.csv [--out FILE] [--title T] [--source NAME] [--time-zone TZ] [--no-help]
      Turn a spreadsheet (docs/csv-import.md) into a dataset, written to --out or stdout.
      Bad rows are reported on stderr by row and column and left out (exit 1).
      --source NAME   provenance for rows with an empty source column
      --no-help       leave the help block empty (default: 911, 988, the Massachusetts
                      Substance Use Helpline and BOS:311)
  recovery-finder serve [FILE...] [--port 8080] [--host 127.0.0.1] [--database postgres://...]
                        [--data-dir DIR] [--max-age SECONDS] [--distance auto|postgis|bbox] [--pool N] [--cache-mb N] [--quiet]
      Serve an Open Referral HSDS 3.0 read API (/, /services, /service_at_locations,
      /organizations, /taxonomies, /taxonomy_terms, /healthz). Without --database it runs on
      embedded PostgreSQL (PGlite) loaded from the FILEs; with --database it uses that
      server, loading the FILEs first when given; --pool N connections to it (default 4:
      more than the database has cores only queue inside it); --cache-mb N of answers kept
      in memory (default 64, 0 for none; a new load is served at once). Logs one JSON line per request on stdout
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
/** A file that cannot be written where asked: exit 2, without the usage hint. */
class FileError extends Error {}

const say = (line: string): void => void process.stdout.write(`${line}\n`);
const warn = (line: string): void => void process.stderr.write(`${line}\n`);

/**
 * Read a file as text, or report why not: a file that cannot be read is exit 2 (undefined),
 * one in an encoding we refuse is exit 1 (null). See text-file.ts.
 */
async function readText(file: string, legacy: 'windows-1252' | 'refuse'): Promise<string | null | undefined> {
  const read = await readTextFile(file, legacy);
  if (!read.ok) {
    warn(`${file}: ${read.message}`);
    return read.missing ? undefined : null;
  }
  if (read.notice) warn(`${file}: note: ${read.notice}`);
  return read.text;
}

function recordCount(json: unknown): number {
  const resources = (json as { resources?: unknown }).resources;
  return Array.isArray(resources) ? resources.length : 0;
}

interface StaleOptions {
  now: Date;
  limit: number;
  strict: boolean;
}

/** The date to measure ages against: --today, else the clock. */
function todayOf(value: string | undefined): Date {
  if (value === undefined) return new Date();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !Number.isFinite(Date.parse(`${value}T12:00:00Z`))) {
    throw new UsageError(`--today must be a date, YYYY-MM-DD (got "${value}")`);
  }
  return new Date(`${value}T12:00:00Z`);
}

function limitOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_STALE_AFTER_DAYS;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--stale-after-days must be a whole number of days (got "${value}")`);
  return n;
}

/** A dataset file read, parsed and validated; or the exit status when it cannot be used. */
type DatasetFile = { exit: number } | { json: unknown; result: Extract<ValidationResult, { ok: true }> };

/**
 * Read, parse and validate one dataset file (validate, report, serve and load): why it cannot
 * be used is said on stderr, and the answer is the exit status (usage, or invalid).
 */
async function readDatasetFile(file: string): Promise<DatasetFile> {
  const text = await readText(file, 'refuse');
  if (text === undefined) return { exit: EXIT_USAGE };
  if (text === null) return { exit: EXIT_INVALID };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    warn(`${file}: not JSON (${(error as Error).message})`);
    return { exit: EXIT_INVALID };
  }
  const result = validateDataset(json);
  if (!result.ok) {
    warn(`${file}: ${result.error}`);
    return { exit: EXIT_INVALID };
  }
  return { json, result };
}

async function validateFile(file: string, stale?: StaleOptions): Promise<number> {
  const read = await readDatasetFile(file);
  if ('exit' in read) return read.exit;
  const { json, result } = read;
  const total = recordCount(json);
  const old = stale ? result.dataset.resources.filter((r) => isStale(r, stale.now, stale.limit)) : [];
  if (stale && old.length > 0) {
    const what = `older than ${stale.limit} days (last verified, or never verified and sourced, before that)`;
    if (stale.strict) {
      for (const r of old) warn(`${file}: record "${r.id}": ${what}: ${r.provenance.last_verified ?? r.provenance.source_date ?? ''}`);
    } else {
      const ids = old.slice(0, 5).map((r) => r.id).join(', ');
      warn(`${file}: warning: ${old.length} records ${what}, e.g. ${ids}${old.length > 5 ? ', ...' : ''}; see "recovery-finder report ${file}"`);
    }
  }
  const past = stale ? result.dataset.resources.filter((r) => hasEnded(r, stale.now)) : [];
  for (const r of past) {
    warn(`${file}: warning: record "${r.id}": event ended (${r.event?.ends_at ?? r.event?.starts_at ?? ''}): remove it or give its next date`);
  }
  if (result.problems.length === 0 && result.helpProblems.length === 0) {
    if (stale?.strict && old.length > 0) {
      warn(`${file}: ${total} records, ${old.length} too old (--strict)`);
      return EXIT_INVALID;
    }
    say(`${file}: ${total} records, valid`);
    return EXIT_OK;
  }
  for (const problem of [...result.helpProblems, ...result.problems]) warn(`${file}: ${describeProblem(problem)}`);
  const bad = new Set(result.problems.filter((p) => !p.repaired && !p.kept).map((p) => p.index)).size;
  const repaired = new Set(result.problems.filter((p) => p.repaired).map((p) => p.index)).size;
  const contacts = new Set(result.helpProblems.filter((p) => p.index !== undefined && !p.kept).map((p) => p.index)).size;
  // A bad translation is left out and its record kept: said apart from the invalid records.
  const kept = [...result.problems, ...result.helpProblems].filter((p) => p.kept).length;
  const leftOut = kept ? `; ${kept} translation${kept === 1 ? '' : 's'} left out` : '';
  warn(`${file}: ${total} records, ${bad} invalid${repaired ? `, ${repaired} with broken text repaired` : ''}${contacts ? `; ${contacts} help contact${contacts === 1 ? '' : 's'} invalid` : ''}${leftOut}`);
  return EXIT_INVALID;
}

async function validateCommand(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      help: { type: 'boolean' },
      strict: { type: 'boolean' },
      'stale-after-days': { type: 'string' },
      today: { type: 'string' },
    },
  });
  if (values.help) return help();
  if (positionals.length === 0) throw new UsageError('validate needs at least one FILE');
  const stale = { now: todayOf(values.today), limit: limitOf(values['stale-after-days']), strict: values.strict ?? false };
  let status = EXIT_OK;
  for (const file of positionals) status = Math.max(status, await validateFile(file, stale));
  return status;
}

async function reportCommand(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      help: { type: 'boolean' },
      out: { type: 'string' },
      'stale-after-days': { type: 'string' },
      today: { type: 'string' },
    },
  });
  if (values.help) return help();
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('report needs exactly one FILE.json');
  const now = todayOf(values.today);
  const staleAfterDays = limitOf(values['stale-after-days']);
  const read = await readDatasetFile(file);
  if ('exit' in read) return read.exit;
  const { result } = read;
  if (result.problems.length > 0) warn(`${file}: ${result.problems.length} invalid records left out of the report (run validate)`);
  const report = buildReport(result.dataset.resources, { now, staleAfterDays });
  const out = values.out ?? file.replace(/\.json$/i, '') + '-call-list.csv';
  await writeFile(out, report.csv);
  process.stdout.write(report.text);
  say(`Call list written to ${out}`);
  return EXIT_OK;
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
  const outProblem = values.out === undefined ? undefined : await outputProblem(values.out, file);
  if (outProblem) throw new UsageError(outProblem);
  const text = await readText(file, 'windows-1252');
  if (text === undefined) return EXIT_USAGE;
  if (text === null) return EXIT_INVALID;

  const csv = parseCsv(text);
  const formulas = formulaProblems(csv.rows, csv.rowNumbers);
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
  if (values.out) {
    try {
      await writeFile(values.out, json);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new FileError(`cannot write --out ${values.out} (${code === 'ENOENT' ? 'no such folder' : code ?? String(error)})`);
    }
  } else process.stdout.write(json);
  for (const formula of formulas) warn(`${file}: warning: ${describeImportProblem(formula)}`);
  const examples = imported.resources.filter((r) => exampleSigns(r).length > 0);
  for (const r of examples) {
    warn(`${file}: warning: record "${r.id}" looks like an example, not a real place: ${exampleSigns(r).join('; ')}. Replace it with a real place or delete it before publishing.`);
  }
  const problems = [...csv.problems, ...imported.problems].sort((a, b) => a.row - b.row);
  for (const problem of problems) warn(`${file}: ${describeImportProblem(problem)}`);
  const tally =
    (problems.length === 0 ? '' : `, ${problems.length} problem${problems.length === 1 ? '' : 's'}`) +
    (formulas.length === 0 ? '' : `, ${formulas.length} cell${formulas.length === 1 ? ' that looks like a formula' : 's that look like formulas'}`) +
    (examples.length === 0 ? '' : `, ${examples.length} example record${examples.length === 1 ? '' : 's'} to replace`);
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
    const read = await readDatasetFile(file);
    if ('exit' in read && read.exit === EXIT_USAGE) return { datasets: [], status: EXIT_USAGE };
    if ('exit' in read) {
      status = EXIT_INVALID;
      continue;
    }
    const { result } = read;
    for (const problem of result.problems) warn(`${file}: ${describeProblem(problem)}`);
    if (result.problems.some((p) => !p.repaired && !p.kept)) {
      status = EXIT_INVALID;
      continue;
    }
    // The server's English columns get the library's English of worded texts (the codes go too).
    datasets.push({ ...result.dataset, resources: result.dataset.resources.map(withWordedEnglish) });
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
  pool: { type: 'string' },
  'cache-mb': { type: 'string' },
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
  const pool = wholeNumber('pool', values.pool, 4, 100);
  if (pool < 1) throw new UsageError('--pool must be a whole number from 1 to 100');
  const cacheMb = wholeNumber('cache-mb', values['cache-mb'], 64, 65536);
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
    values.database ? { url: values.database, poolSize: pool } : values['data-dir'] ? { dataDir: values['data-dir'] } : {},
  );
  try {
    if (datasets.length > 0) {
      const summary = await server.loadDatasets(db, datasets, { zips: await loadZips('postcode and proximity will find nothing') });
      warn(`loaded ${summary.services} services in ${(summary.ms / 1000).toFixed(1)} s`);
    }
    const http = await server.createHsdsServer(db, { maxAge, cacheMb, distance, ...(values.quiet ? { log: false } : {}) });
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
  report: reportCommand,
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
    process.exitCode = usage || error instanceof FileError ? EXIT_USAGE : EXIT_INVALID;
  },
);
