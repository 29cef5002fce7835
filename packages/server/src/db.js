// @ts-check
/**
 * One small interface over the two databases the server runs on:
 *  - embedded PostgreSQL (PGlite, WebAssembly, in this process; in memory or in a folder),
 *  - a real PostgreSQL server through node-postgres (`pg`), with a connection pool.
 * The same SQL runs on both.
 *
 * @typedef {{ query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]> }} Queryable
 * @typedef {Queryable & {
 *   kind: 'pglite' | 'postgres',
 *   transaction: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>,
 *   extensions: () => Promise<Set<string>>,
 *   close: () => Promise<void>,
 * }} Database
 */

/**
 * Open a database. With `url` (postgres://...) a pool on a real server; without, PGlite
 * in memory, or in `dataDir` when given.
 * @param {{ url?: string, dataDir?: string, poolSize?: number }} [options]
 * @returns {Promise<Database>}
 */
export async function openDatabase(options = {}) {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
  return openPglite(options.dataDir);
}

/**
 * @param {string} [dataDir]
 * @returns {Promise<Database>}
 */
async function openPglite(dataDir) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { pg_trgm, unaccent } });
  await db.exec('create extension if not exists pg_trgm; create extension if not exists unaccent;');
  /**
   * @param {{ query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }> }} q
   * @returns {Queryable}
   */
  const wrap = (q) => ({
    query: async (sql, params = []) => /** @type {Record<string, unknown>[]} */ ((await q.query(sql, params)).rows),
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    extensions: async () => new Set((await db.query('select extname from pg_extension')).rows.map((r) => /** @type {{extname: string}} */ (r).extname)),
    close: () => db.close(),
  };
}

/**
 * @param {string} url
 * @param {number} poolSize
 * @returns {Promise<Database>}
 */
async function openPostgres(url, poolSize) {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    application_name: 'recovery-finder-hsds',
    // Many small queries: starting parallel workers or compiling with JIT costs more than
    // the queries themselves (seen in the query plans at 100,000 records).
    // Scans of a big table start at its first row, not where another scan is (the first
    // results of a broad search are the first in table order, the same on every request).
    options: '-c jit=off -c max_parallel_workers_per_gather=0 -c synchronize_seqscans=off',
  });
  // A broken idle connection must not crash the server; the next query gets a new one.
  pool.on('error', (error) => process.stderr.write(`database connection error: ${error.message}\n`));
  const client = await pool.connect();
  try {
    for (const ext of ['pg_trgm', 'unaccent']) await client.query(`create extension if not exists ${ext}`);
    // PostGIS where the server has it; without it, distance uses indexed columns and great-circle.
    try {
      await client.query('create extension if not exists postgis');
    } catch {
      // not installed on this server: fine
    }
  } finally {
    client.release();
  }
  /** @type {Queryable['query']} */
  const query = async (sql, params = []) => (await pool.query(sql, params)).rows;
  return {
    kind: 'postgres',
    query,
    async transaction(fn) {
      const c = await pool.connect();
      try {
        await c.query('begin');
        const result = await fn({ query: async (sql, params = []) => (await c.query(sql, params)).rows });
        await c.query('commit');
        return result;
      } catch (error) {
        await c.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        c.release();
      }
    },
    extensions: async () => new Set((await query('select extname from pg_extension')).map((r) => String(r.extname))),
    close: () => pool.end(),
  };
}
