/** Types of @recovery-finder/server (the code is plain JavaScript with JSDoc; see index.js). */
import type { Server } from 'node:http';
import type { Worker } from 'node:worker_threads';

export interface Queryable {
  /**
   * `prepared`: inside `read`, keep the statement prepared on its connection (PREPARE once,
   * then EXECUTE), so its plan is made once; ignored elsewhere.
   */
  query(sql: string, params?: unknown[], prepared?: boolean): Promise<Record<string, unknown>[]>;
}

/** A load's transaction: queries, and COPY ... FROM STDIN of rows in COPY's text format. */
export interface Writable extends Queryable {
  copy(table: string, columns: string[], text: string): Promise<void>;
}

export interface Database extends Queryable {
  kind: 'pglite' | 'postgres';
  /** True on a PostgreSQL server in recovery (a streaming replica): read-only. */
  replica?: boolean;
  /** PGlite's worker thread, where its queries run (PGlite only); `close` ends it. */
  worker?: Worker;
  transaction<T>(fn: (tx: Writable) => Promise<T>): Promise<T>;
  /** The queries of one answer as one read of one dataset (see db.js). */
  read<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  extensions(): Promise<Set<string>>;
  close(): Promise<void>;
}

export interface LoadableDataset {
  title?: string;
  generated_at?: string;
  resources: Iterable<unknown> | AsyncIterable<unknown>;
}

export interface LoadSummary {
  services: number;
  organizations: number;
  locations: number;
  ms: number;
  postgis: boolean;
}

export interface ServerOptions {
  /** Cache-Control max-age of 200 answers, in seconds (default 300). */
  maxAge?: number;
  /**
   * Megabytes of answers kept in memory (default 64; 0: none). An answer is kept for the load of
   * the data it came from: the server reads the load's generation on every request, so a new
   * load is served at once.
   */
  cacheMb?: number;
  /** How distance is measured: PostGIS when the data has it (auto), or a bounding box plus great-circle. */
  distance?: 'auto' | 'postgis' | 'bbox';
  /** Where request log entries go (default: one JSON line each on stdout); false for none. */
  log?: ((entry: Record<string, unknown>) => void) | false;
}

export function openDatabase(options?: { url?: string; dataDir?: string; poolSize?: number }): Promise<Database>;
export function loadDatasets(
  db: Database,
  datasets: LoadableDataset[],
  options?: {
    zips?: Record<string, [number, number]>;
    beforeCommit?: (tx: Queryable) => Promise<void>;
    /** Told each step's wall time in ms (mapping, COPY per table, each constraint, index, analyze). */
    onStep?: (step: string, ms: number) => void;
  },
): Promise<LoadSummary>;
export function createHsdsServer(db: Database, options?: ServerOptions): Promise<Server>;
export function shutdown(server: Server, db: Database, graceMs?: number): Promise<void>;
export function uuidFor(...parts: string[]): string;
export function termId(taxonomy: string, code: string): string;
export function taxonomyId(taxonomy: string): string;
export const TAXONOMIES: Record<string, { description: string; terms: string[] }>;
export function boundingBox(lat: number, lon: number, metres: number): { minLat: number; maxLat: number; minLon: number; maxLon: number };
export const EARTH_RADIUS_M: number;
export const PER_PAGE_DEFAULT: number;
export const PER_PAGE_MAX: number;
export const PAGE_MAX: number;
export const PROXIMITY_MAX: number;
export const SEARCH_MAX: number;
