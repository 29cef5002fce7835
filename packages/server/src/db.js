// @ts-check
/**
 * One small interface over the two databases the server runs on:
 *  - embedded PostgreSQL (PGlite, WebAssembly, in a worker thread of this process; in memory or in a folder),
 *  - a real PostgreSQL server through node-postgres (`pg`), with a connection pool.
 * The same SQL runs on both.
 *
 * `read` runs the queries of one answer as one read of one dataset. On PostgreSQL that is one
 * read-only transaction on one connection whose first act is to take `hsds.meta` (share
 * mode), and a load takes `hsds.meta` (exclusive) before anything else of `hsds` when it
 * swaps the new data in: so a load waits for the answers being read, answers wait for the
 * swap, never the other way round (no deadlock), and no answer mixes the two datasets. The
 * same holds on a streaming replica, where the swap's locks are replayed in the same order.
 * An answer cancelled by a recovery conflict or a deadlock is read again, once or twice.
 *
 * `query`'s `prepared`: keep the statement prepared on its connection (PREPARE, then EXECUTE;
 * `prepared`, below). 'generic' (PostgreSQL, in `read`): its one plan for any values is used
 * from the first call, never a plan made for the call's values (PostgreSQL's own choice, after
 * five calls, for `true`): for a statement cheap to run and dear to plan. Ignored outside `read`.
 * @typedef {{ query: (sql: string, params?: unknown[], prepared?: boolean | 'generic') => Promise<Record<string, unknown>[]> }} Queryable
 * @typedef {Queryable & {
 *   copy: (table: string, columns: string[], text: string | Uint8Array) => Promise<void>,
 * }} Writable  a transaction: queries, and COPY ... FROM STDIN of rows in COPY's text format
 * @typedef {Writable & { release: () => void }} Session  a connection of its own (not one of the
 *   pool's), in autocommit until it runs `begin`; `release` closes it
 * @typedef {Queryable & {
 *   kind: 'pglite' | 'postgres',
 *   replica?: boolean,
 *   worker?: import('node:worker_threads').Worker,
 *   transaction: <T>(fn: (tx: Writable) => Promise<T>) => Promise<T>,
 *   connect?: () => Promise<Session>,
 *   read: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>,
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
 * PGlite in a worker thread (pglite-worker.js): the HTTP server keeps this thread, the database
 * runs on another core. Every query is a message; rows come back as structured clones (numbers,
 * strings, booleans, null, bigint, Date and parsed JSON survive). A query's error comes back as
 * an Error with PostgreSQL's message and SQLSTATE `code`; a worker that stops fails every
 * pending and later query (the server answers 503).
 * @param {string} [dataDir]
 * @returns {Promise<Database>}
 */
async function openPglite(dataDir) {
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(new URL('./pglite-worker.js', import.meta.url), { workerData: { dataDir } });
  /** @type {Map<number, { resolve: (value: { rows?: Record<string, unknown>[] }) => void, reject: (error: Error) => void }>} */
  const pending = new Map();
  let nextId = 1;
  /** @type {Error | undefined} why the worker is no more */
  let stopped;
  /** @type {(error: Error) => void} */
  const stop = (error) => {
    stopped ??= error;
    for (const p of pending.values()) p.reject(stopped);
    pending.clear();
  };
  /** @type {Promise<void>} */
  const ready = new Promise((resolve, reject) => {
    pending.set(0, { resolve: () => resolve(), reject });
  });
  worker.on('message', (/** @type {{ id?: number, ready?: true, rows?: Record<string, unknown>[], error?: Record<string, unknown> }} */ m) => {
    const id = m.ready ? 0 : m.id ?? -1;
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    if (m.error) p.reject(Object.assign(new Error(String(m.error.message)), m.error));
    else p.resolve(m);
  });
  worker.on('error', (error) => stop(new Error(`the database (PGlite worker) failed: ${error.message}`, { cause: error })));
  worker.on('exit', (code) => stop(new Error(`the database (PGlite worker) stopped (exit code ${code})`)));
  /**
   * One message to the worker and its answer.
   * @param {Record<string, unknown>} message
   * @param {ArrayBuffer[]} [transfer] buffers handed to the worker, not copied
   * @returns {Promise<{ id: number, rows?: Record<string, unknown>[] }>}
   */
  const send = (message, transfer = []) => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: (m) => resolve({ ...m, id }), reject });
      worker.postMessage({ ...message, id }, transfer);
    });
  };
  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  /** @param {number} [tx] an open transaction's id @returns {Queryable['query']} */
  const query = (tx) => async (sql, params = []) => (await send({ op: 'query', sql, params, tx })).rows ?? [];
  const plain = query();
  const execute = prepared();
  /** @type {Queryable} */
  const reader = { query: (sql, params = [], prepare = false) => (prepare ? execute(sql, params, plain) : plain(sql, params)) };
  return {
    kind: 'pglite',
    worker,
    ...reader,
    async transaction(fn) {
      const { id: tx } = await send({ op: 'begin' });
      let result;
      try {
        result = await fn({
          query: query(tx),
          copy: async (table, columns, text) => {
            // Bytes are the caller's to write again once this returns: a copy of them, handed over.
            const data = typeof text === 'string' ? text : new Uint8Array(text);
            await send({ op: 'copy', sql: `copy ${table} (${columns.join(', ')}) from '/dev/blob'`, text: data, tx },
              typeof data === 'string' ? [] : [data.buffer]);
          },
        });
      } catch (error) {
        await send({ op: 'end', tx, commit: false }).catch(() => undefined);
        throw error;
      }
      await send({ op: 'end', tx, commit: true });
      return result;
    },
    // One connection: a load holds it for its whole transaction, so a read never sees half of one.
    read: (fn) => fn(reader),
    extensions: async () => new Set((await reader.query('select extname from pg_extension')).map((r) => String(r.extname))),
    async close() {
      if (!stopped) await send({ op: 'close' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}

/**
 * @param {string} url
 * @param {number} poolSize
 * @returns {Promise<Database>}
 */
async function openPostgres(url, poolSize) {
  const { default: pg } = await import('pg');
  const settings = {
    connectionString: url,
    application_name: 'recovery-finder-hsds',
    // Many small queries: starting parallel workers or compiling with JIT costs more than
    // the queries themselves (seen in the query plans at 100,000 records).
    // Scans of a big table start at its first row, not where another scan is (the first
    // results of a broad search are the first in table order, the same on every request).
    options: '-c jit=off -c max_parallel_workers_per_gather=0 -c synchronize_seqscans=off',
  };
  const pool = new pg.Pool({ ...settings, max: poolSize });
  /** A connection of its own, outside the pool (a load's COPY connections: the pool stays the answers'). */
  const connect = async () => {
    const client = new pg.Client(settings);
    // A broken connection fails the load's next query (and the load); it must not crash the process.
    client.on('error', (error) => process.stderr.write(`database connection error: ${error.message}\n`));
    await client.connect();
    return client;
  };
  // A broken idle connection must not crash the server; the next query gets a new one.
  pool.on('error', (error) => process.stderr.write(`database connection error: ${error.message}\n`));
  const client = await pool.connect();
  try {
    // A streaming replica is read-only: the extensions come from its primary (made by `load` there).
    const [recovery] = (await client.query('select pg_is_in_recovery() as r')).rows;
    if (recovery?.r) return database(pool, true, connect);
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
  return database(pool, false, connect);
}

/** How an answer's transaction starts (`read`); a load takes hsds.meta before it swaps. */
const BEGIN_READ = 'begin read only; lock table hsds.meta in access share mode';

/** Statements kept prepared on one connection, at most; the least recently used are deallocated. */
const PREPARED_MAX = 200;
/**
 * Each pool connection's prepared statements (`prepared`).
 * @type {WeakMap<object, Prepared>}
 */
const PREPARED = new WeakMap();

/**
 * A value as an SQL literal for EXECUTE's arguments (which take no bind parameters), or
 * undefined when it is of a kind not written here (the query then runs unprepared). Strings
 * are E'…' literals, backslashes and quotes escaped whatever `standard_conforming_strings` says.
 * @param {unknown} value
 * @returns {string | undefined}
 */
export function sqlLiteral(value) {
  /** @type {(text: string) => string} */
  const quote = (text) => `E'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? `(${String(value)})` : undefined;
  if (typeof value === 'bigint') return `(${String(value)})`;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value.includes('\u0000') ? undefined : quote(value);
  if (Array.isArray(value) && value.every((x) => typeof x === 'string' && !x.includes('\u0000'))) {
    // An array's text form: each element in double quotes, its quotes and backslashes escaped.
    return quote(`{${value.map((x) => `"${x.replace(/["\\]/g, (/** @type {string} */ c) => `\\${c}`)}"`).join(',')}}`);
  }
  return undefined;
}

/**
 * @typedef {(sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>} Run a query on the session
 * @typedef {(sql: string) => Promise<unknown>} Prepare runs a PREPARE (in a transaction: one that fails must not end it)
 * @typedef {((sql: string, params: unknown[], run: Run, prepare?: Prepare, generic?: boolean) => Promise<Record<string, unknown>[]>) & { has: (sql: string) => boolean }} Prepared
 */

/**
 * Prepared statements on one session: the first call of a statement PREPAREs it (PostgreSQL
 * then plans it for its first five calls' values and after that, where a plan for any values
 * costs no more, keeps that plan), every call EXECUTEs it with its values written as literals
 * (so it has no parameters, and can travel with other statements: `read`'s `begin`). At most
 * PREPARED_MAX statements; a statement that cannot be prepared (a value of a type not written
 * as a literal, a parameter PREPARE cannot type) runs as a plain query. `generic`: EXECUTEd
 * with its plan for any values (`run` takes several statements). `has`: a statement prepared
 * (or tried) already.
 * @returns {Prepared}
 */
function prepared() {
  /** @type {Map<string, Promise<string | undefined>>} statement -> its name once prepared (undefined: runs plain) */
  const names = new Map();
  let next = 0;
  /** @type {Prepared} */
  const execute = async (sql, params, run, prepare = run, generic = false) => {
    const literals = params.map(sqlLiteral);
    if (literals.some((x) => x === undefined)) return run(sql, params);
    let name = names.get(sql);
    if (name) {
      names.delete(sql);
    } else {
      const made = `rf_${++next}`;
      name = prepare(`prepare ${made} as ${sql}`).then(() => made, () => undefined);
      if (names.size >= PREPARED_MAX) {
        const [oldest, old] = names.entries().next().value ?? [];
        if (oldest !== undefined) names.delete(oldest);
        const gone = await old;
        if (gone) await run(`deallocate ${gone}`).catch(() => undefined);
      }
    }
    names.set(sql, name);
    const ready = await name;
    if (!ready) return run(sql, params);
    const statement = literals.length ? `execute ${ready}(${literals.join(', ')})` : `execute ${ready}`;
    return run(generic ? `set local plan_cache_mode = force_generic_plan; ${statement}; reset plan_cache_mode` : statement);
  };
  execute.has = (sql) => names.has(sql);
  return execute;
}

/**
 * The Database over a pool of a real server; `replica`: a read-only streaming replica.
 * @param {import('pg').Pool} pool @param {boolean} replica
 * @param {() => Promise<import('pg').Client>} connect a new connection outside the pool
 * @returns {Database}
 */
function database(pool, replica, connect) {
  /**
   * Connections handed straight on to a waiting answer with the last answer's read-only
   * transaction still open (`read`): its `commit` travels with the next statement sent on it.
   * @type {WeakSet<object>}
   */
  const uncommitted = new WeakSet();
  /** A connection from the pool with no transaction left open on it. */
  const take = async () => {
    const c = await pool.connect();
    if (uncommitted.delete(c)) {
      try {
        await c.query('commit');
      } catch (error) {
        c.release(/** @type {Error} */ (error));
        throw error;
      }
    }
    return c;
  };
  /** @type {Queryable['query']} */
  const query = async (sql, params = []) => {
    const c = await take();
    try {
      return (await c.query(sql, params)).rows;
    } finally {
      c.release();
    }
  };
  return {
    kind: 'postgres',
    replica,
    query,
    async connect() {
      const c = await connect();
      // The session ends with the connection (and with it anything it left open).
      return { ...writable(c), release: () => void c.end().catch(() => undefined) };
    },
    async transaction(fn) {
      const c = await take();
      try {
        await c.query('begin');
        const result = await fn(writable(c));
        await c.query('commit');
        return result;
      } catch (error) {
        await c.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        c.release();
      }
    },
    async read(fn) {
      for (let attempt = 1; ; attempt++) {
        const c = await pool.connect();
        // The transaction is opened by the answer's first statement: `begin` and the lock go with
        // it in one round trip when it has no parameters (EXECUTE, the usual first statement).
        // `locked` false: no data loaded yet (no hsds.meta), the queries run outside a transaction
        // and answer that themselves. `carried`: the commit of the answer read on this connection
        // before, still to be sent (it goes first, in the same round trip).
        let opened = false;
        let locked = true;
        let carried = uncommitted.delete(c);
        /** What to send first: the last answer's commit, if it is still to be sent. */
        const first = () => {
          const text = carried ? 'commit; ' : '';
          carried = false;
          return text;
        };
        /** @type {(sql: string) => Promise<Record<string, unknown>[]>} statements with no parameters: the rows of the last but a SET or RESET */
        const simple = async (sql) => {
          const results = /** @type {{ rows: Record<string, unknown>[], command: string } | { rows: Record<string, unknown>[], command: string }[]} */ (/** @type {unknown} */ (await c.query(sql)));
          return (Array.isArray(results) ? results.findLast((r) => r.command !== 'SET' && r.command !== 'RESET') : results)?.rows ?? [];
        };
        /** The transaction opened on its own. */
        const open = async () => {
          opened = true;
          try {
            await c.query(`${first()}${BEGIN_READ}`);
          } catch (error) {
            if (sqlState(error) !== '42P01') throw error;
            await c.query('rollback');
            locked = false;
          }
        };
        /** @type {Run} */
        const run = async (sql, params = []) => {
          if (!opened && params.length === 0) {
            opened = true;
            try {
              return await simple(`${first()}${BEGIN_READ}; ${sql}`);
            } catch {
              // The lock (no data loaded yet) or the statement failed: undone, then one at a time.
              await c.query('rollback');
              await open();
              return simple(sql);
            }
          }
          if (!opened) await open();
          return params.length === 0 ? simple(sql) : (await c.query(sql, params)).rows;
        };
        /** @type {Prepare} inside the answer's transaction: a PREPARE that fails is undone to a savepoint */
        const guarded = async (sql) => {
          try {
            return await c.query(`savepoint rf_prepare; ${sql}; release savepoint rf_prepare`);
          } catch (error) {
            await c.query('rollback to savepoint rf_prepare; release savepoint rf_prepare');
            throw error;
          }
        };
        const execute = PREPARED.get(c) ?? prepared();
        PREPARED.set(c, execute);
        /** @type {Queryable} */
        const tx = {
          query: async (sql, params = [], prepare = false) => {
            // A statement not prepared on this connection yet: the transaction first, on its own
            // (the PREPARE is made in it; with no data loaded, there is none to prepare).
            if (prepare && !opened && !execute.has(sql)) await open();
            return prepare && locked ? execute(sql, params, run, guarded, prepare === 'generic') : run(sql, params);
          },
        };
        try {
          const result = await fn(tx);
          // An answer waits for a connection: this one goes to it with its transaction open, and
          // the commit goes with the next answer's first statement (one round trip fewer an
          // answer while the pool is busy). None waits: committed now, nothing is left open.
          if (opened && locked && pool.waitingCount > 0) uncommitted.add(c);
          else if (opened && locked) await c.query('commit');
          else if (first()) await c.query('commit');
          return result;
        } catch (error) {
          if (opened) await c.query('rollback').catch(() => undefined);
          else if (first()) await c.query('commit').catch(() => undefined);
          // 40001: cancelled by a conflict with recovery (a replica replaying a load); 40P01: deadlock.
          if (attempt < 3 && ['40001', '40P01'].includes(sqlState(error) ?? '')) continue;
          throw error;
        } finally {
          c.release();
        }
      }
    },
    extensions: async () => new Set((await query('select extname from pg_extension')).map((r) => String(r.extname))),
    close: () => pool.end(),
  };
}

/**
 * Queries and COPY ... FROM STDIN on one connection.
 * @param {import('pg').PoolClient | import('pg').Client} c
 * @returns {Writable}
 */
function writable(c) {
  return {
    query: async (sql, params = []) => (await c.query(sql, params)).rows,
    copy: async (table, columns, text) => {
      const { from } = await import('pg-copy-streams');
      const stream = c.query(from(`copy ${table} (${columns.join(', ')}) from stdin`));
      await new Promise((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
        stream.end(text);
      });
    },
  };
}

/**
 * The SQLSTATE of a database error (node-postgres puts it in `code`), if it has one.
 * @param {unknown} error
 * @returns {string | undefined}
 */
export function sqlState(error) {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return typeof code === 'string' ? code : undefined;
}
