// @ts-check
/**
 * The HTTP side: routing, CORS for any origin, ETag and Cache-Control (so a CDN can cache),
 * gzip, a request log without personal data, and graceful shutdown. Read-only: GET, HEAD
 * and OPTIONS only.
 */
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { promisify } from 'node:util';
import { once } from 'node:events';
import { gzip as gzipCallback } from 'node:zlib';
import * as api from './api.js';
import { sqlState } from './db.js';

const gzipAsync = promisify(gzipCallback);
/** gzip's level (below). */
const GZIP_LEVEL = 3;
/** @type {(body: Buffer) => Promise<Buffer>} compressed on libuv's pool */
const gzipOnPool = (body) => gzipAsync(body, { level: GZIP_LEVEL });
/**
 * gzip at level 3, the fastest of zlib's greedy levels: a page of 25 services (90 KB of JSON)
 * takes 0.24 ms and 14.5 KB, against 0.63 ms and 13.5 KB at the default level 6, which was a
 * sixth of the machine's CPU time when 16 clients asked for places near a ZIP code.
 *
 * On a thread of its own (gzip-worker.js), one answer after another, not on libuv's pool of
 * four: compressing four at once took CPU from the database and from this main thread, which
 * every answer goes through (2 cores, PostgreSQL on the same machine: 5-18 % more requests a
 * second with the one thread; BENCHMARKS.md, "the last commit carried, one gzip thread"). One
 * thread compresses about 3,000 answers a second, more than the main thread can send. Should
 * the thread fail, the pool compresses, as before.
 * @param {Buffer} body
 * @returns {Promise<Buffer>}
 */
export function gzip(body) {
  if (gzipBroken) return gzipOnPool(body);
  const thread = (gzipThread ??= startGzipThread());
  const id = nextGzip++;
  return new Promise((resolve, reject) => {
    gzipWaiting.set(id, { body, resolve, reject });
    // The process lives on while the thread has work (an answer is waiting for it), not longer.
    if (gzipWaiting.size === 1) thread.ref();
    thread.postMessage({ id, body, level: GZIP_LEVEL });
  });
}
/** @type {import('node:worker_threads').Worker | undefined} */
let gzipThread;
/** The thread failed: compressed on libuv's pool from then on. */
let gzipBroken = false;
let nextGzip = 1;
/** @type {Map<number, { body: Buffer, resolve: (gz: Buffer) => void, reject: (e: unknown) => void }>} */
const gzipWaiting = new Map();

function startGzipThread() {
  const thread = new Worker(new URL('./gzip-worker.js', import.meta.url));
  thread.on('message', (/** @type {{ id: number, gz?: Uint8Array }} */ m) => {
    const p = gzipWaiting.get(m.id);
    if (!p) return;
    gzipWaiting.delete(m.id);
    if (gzipWaiting.size === 0) thread.unref();
    if (m.gz) p.resolve(Buffer.from(m.gz.buffer, m.gz.byteOffset, m.gz.byteLength));
    else gzipOnPool(p.body).then(p.resolve, p.reject);
  });
  thread.on('error', () => retire(thread, true));
  thread.on('exit', () => retire(thread, false));
  // Idle, it is no reason to keep the process alive. (After the listeners: adding one for
  // 'message' refs a worker again.)
  thread.unref();
  return thread;
}

/**
 * The compression thread is no more (or is being stopped): what it had not compressed yet is
 * compressed on libuv's pool; after an error, so is every later answer.
 * @param {import('node:worker_threads').Worker} thread @param {boolean} broken
 */
function retire(thread, broken) {
  if (gzipThread !== thread) return;
  gzipThread = undefined;
  gzipBroken ||= broken;
  for (const p of gzipWaiting.values()) gzipOnPool(p.body).then(p.resolve, p.reject);
  gzipWaiting.clear();
}

/** The compression thread's id, while it runs (tests: answers are compressed there). */
export const gzipThreadId = () => gzipThread?.threadId;

/**
 * Stop the compression thread (`shutdown`; a later answer starts it again). What it had not
 * compressed yet is compressed on libuv's pool.
 */
export async function stopGzipThread() {
  const thread = gzipThread;
  if (!thread) return;
  retire(thread, false);
  // Asked, not terminated: a thread terminated inside zlib aborted its whole process as it was
  // torn down (Node 20, "close before init", seen once under load). It finishes what it was
  // sent, then ends; terminated only if it has not ended 10 s later.
  const exited = once(thread, 'exit');
  thread.ref();
  thread.postMessage({ stop: true });
  const late = setTimeout(() => void thread.terminate(), 10000);
  await exited;
  clearTimeout(late);
}
/**
 * Request headers a browser may send with a GET here: the CORS-safelisted ones (Accept,
 * Accept-Language, Content-Language, Content-Type, Range) and the caching ones.
 */
const CORS_HEADERS = 'Accept, Accept-Language, Content-Language, Content-Type, Range, If-None-Match, If-Modified-Since, Cache-Control, Pragma';
/** Bodies smaller than this are sent as they are. */
const GZIP_MIN = 1024;

/**
 * Answers kept in memory, newest use last, up to a number of bytes. Each entry belongs to one
 * load of the data (the `generation` in hsds.meta, new with every load): the server asks the
 * database for the generation on every request (one indexed row) and uses only entries of
 * the current one, so an answer is never older than the data being served.
 */
class AnswerCache {
  /** @param {number} maxBytes */
  constructor(maxBytes) {
    this.maxBytes = maxBytes;
    this.bytes = 0;
    /** @type {Map<string, { generation: string, body: string, etag: string, gz?: Buffer, size: number }>} */
    this.entries = new Map();
  }
  /** @param {string} key @param {string} generation */
  get(key, generation) {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (e.generation !== generation) {
      this.bytes -= e.size;
      return undefined;
    }
    this.entries.set(key, e);
    return e;
  }
  /** @param {string} key @param {{ generation: string, body: string, etag: string, gz?: Buffer }} entry */
  set(key, entry) {
    const size = entry.body.length * 2 + (entry.gz?.length ?? 0) + key.length * 2 + 200;
    if (size > this.maxBytes / 8) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.size;
    }
    this.entries.set(key, { ...entry, size });
    this.bytes += size;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.size;
    }
  }
}

/**
 * @typedef {{
 *   maxAge?: number,
 *   cacheMb?: number,
 *   distance?: 'auto' | 'postgis' | 'bbox',
 *   log?: ((entry: Record<string, unknown>) => void) | false,
 * }} ServerOptions
 */

/**
 * The routes: path pattern -> handler returning JSON text.
 * @type {Array<[RegExp, (db: import('./db.js').Database, q: URLSearchParams, m: RegExpMatchArray, o: { distance: 'postgis' | 'bbox', docsAt: boolean }) => Promise<string> | string]>}
 */
const ROUTES = [
  [/^\/$/, (_db, q) => api.index(q)],
  [/^\/healthz$/, (db, q) => api.health(db, q)],
  [/^\/services$/, (db, q) => api.listServices(db, q)],
  [/^\/services\/([^/]+)$/, (db, q, m) => api.getService(db, q, idFrom(m))],
  [/^\/service_at_locations$/, (db, q, _m, o) => api.listServiceAtLocations(db, q, o)],
  [/^\/service_at_locations\/([^/]+)$/, (db, q, m) => api.getServiceAtLocation(db, q, idFrom(m))],
  [/^\/organizations$/, (db, q) => api.listOrganizations(db, q)],
  [/^\/organizations\/([^/]+)$/, (db, q, m) => api.getOrganization(db, q, idFrom(m))],
  [/^\/taxonomies$/, (db, q) => api.listTaxonomies(db, q)],
  [/^\/taxonomies\/([^/]+)$/, (db, q, m) => api.getTaxonomy(db, q, idFrom(m))],
  [/^\/taxonomy_terms$/, (db, q) => api.listTaxonomyTerms(db, q)],
  [/^\/taxonomy_terms\/([^/]+)$/, (db, q, m) => api.getTaxonomyTerm(db, q, idFrom(m))],
];

/**
 * A path segment decoded; a 400 naming `id` when its percent-encoding is not UTF-8 (`%ZZ`, `%C0%AF`).
 * @param {RegExpMatchArray} m
 */
function idFrom(m) {
  try {
    return decodeURIComponent(m[1] ?? '');
  } catch {
    throw new api.BadParameter('id', 'id must be a UUID');
  }
}

/**
 * The request target as a URL, or undefined when it is none (`http://[`, `http://x:99999/`).
 * An origin-form target ("/path?query") is read as a path, even when it starts with "//".
 * @param {string} target
 */
function parseTarget(target) {
  try {
    return target.startsWith('/') ? new URL(`http://localhost${target}`) : new URL(target, 'http://localhost');
  } catch {
    return undefined;
  }
}

/**
 * One stderr line for an error nobody expected: its name, message and first frame, never the whole stack.
 * @param {string} route
 * @param {unknown} e
 */
function logError(route, e) {
  const frame = e instanceof Error ? /\n\s*(at .*)/.exec(e.stack ?? '')?.[1] : undefined;
  const text = e instanceof Error ? `${e.name}: ${e.message}${frame ? ` (${frame})` : ''}` : String(e);
  process.stderr.write(`error on ${route}: ${text.replace(/\s*[\r\n]+\s*/g, ' ')}\n`);
}

/**
 * The route's name for the log: the pattern with ids replaced, never the query.
 * @param {string} path
 */
function routeName(path) {
  return path.replace(/^(\/[a-z_]+\/)[^/]+$/, '$1{id}');
}

/** @type {(status: number, code: string, message: string, parameter?: string) => { status: number, body: string }} */
const error = (status, code, message, parameter) =>
  ({ status, body: JSON.stringify({ error: code, message, ...(parameter ? { parameter } : {}) }) });

/**
 * Create the HTTP server (not yet listening).
 * @param {import('./db.js').Database} db
 * @param {ServerOptions} [options]
 */
export async function createHsdsServer(db, options = {}) {
  const maxAge = options.maxAge ?? 300;
  const cache = (options.cacheMb ?? 64) > 0 ? new AnswerCache((options.cacheMb ?? 64) * 2 ** 20) : undefined;
  /**
   * The generation of the data now served (data loaded before generations: its load time); undefined: no cache now.
   * @param {import('./db.js').Queryable} q
   * @returns {Promise<string | undefined>}
   */
  const generation = async (q) => {
    try {
      const rows = await q.query(`select key, value from hsds.meta where key in ('generation', 'loaded_at') order by key`);
      return rows.length ? String(rows[0].value) : undefined;
    } catch {
      return undefined;
    }
  };
  /** @type {(column: string) => Promise<boolean>} the places' table of the data served has this column */
  const placesHave = async (column) => (await db.query(
    `select 1 from information_schema.columns where table_schema = 'hsds' and table_name = 'service_at_location' and column_name = $1`,
    [column],
  )).length > 0;
  let distance = options.distance ?? 'auto';
  if (distance === 'auto') distance = (await placesHave('geog')) ? 'postgis' : 'bbox';
  /**
   * Whether the places carry their documents' addresses (load.js, from this version on): looked
   * up at start. A server started before its first load, or on data loaded by an earlier
   * version, reads the documents by id (as fast as before) until it is started again; one that
   * meets data loaded by an earlier version after starting (no such column: 42703) stops using
   * them and answers that request again.
   */
  const docsAt = await placesHave('location_doc_at');
  const routeOptions = { distance: /** @type {'postgis' | 'bbox'} */ (distance), docsAt };
  const log =
    options.log === false ? undefined : (options.log ?? ((entry) => process.stdout.write(`${JSON.stringify(entry)}\n`)));

  /**
   * Answer one request. A target that is no URL is a 400; whatever else throws is left to the
   * caller (a 500), so that nothing a client sends can end the process.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {bigint} started
   * @param {{ route: string }} seen the route, for the caller's error line
   */
  const answer = async (req, res, started, seen) => {
    /** Where an answer's time went, for the log (ms): its database read, its gzip. */
    /** @type {number | undefined} */
    let dbMs;
    /** @type {number | undefined} */
    let gzipMs;
    const since = (/** @type {bigint} */ t) => Number((process.hrtime.bigint() - t) / 1000n) / 1000;
    const url = parseTarget(req.url ?? '/');
    const path = !url ? '(bad target)' : url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    seen.route = routeName(path);
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Vary', 'Accept-Encoding');

    /** @type {{ status: number, body: string, etag?: string, gz?: Buffer }} */
    let result;
    /**
     * Where a 200 answer is kept: the path and query exactly as asked, in this generation.
     * @type {{ key: string, generation: string } | undefined}
     */
    let keep;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
        'Access-Control-Allow-Headers': CORS_HEADERS,
        'Access-Control-Max-Age': '86400',
        'Cache-Control': `public, max-age=86400`,
      });
      res.end();
      return;
    }
    if (!url) {
      result = error(400, 'bad_request', 'The request target is not a URL path. Start at / .');
    } else if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD, OPTIONS');
      result = error(405, 'method_not_allowed', 'This API is read-only: use GET.');
    } else {
      const route = ROUTES.find(([pattern]) => pattern.test(path));
      if (!route) {
        result = error(404, 'not_found', `There is no ${path} here. Start at / .`);
      } else {
        try {
          const key = `${path}${url.search}`;
          // The generation and the answer in one read: one dataset, never half of two (db.js).
          const read = () => db.read(async (tx) => {
            const q = { ...db, query: tx.query };
            const gen = cache && path !== '/healthz' ? await generation(q) : undefined;
            const hit = gen !== undefined ? cache?.get(key, gen) : undefined;
            if (hit) return { status: 200, body: hit.body, etag: hit.etag, ...(hit.gz ? { gz: hit.gz } : {}) };
            const body = await route[1](q, url.searchParams, /** @type {RegExpMatchArray} */ (path.match(route[0])), routeOptions);
            if (gen !== undefined) keep = { key, generation: gen };
            return { status: 200, body };
          });
          const reading = process.hrtime.bigint();
          try {
            result = await read();
          } catch (e) {
            // Data loaded by an earlier version since the server started: no documents' addresses.
            if (!(routeOptions.docsAt && sqlState(e) === '42703')) throw e;
            routeOptions.docsAt = false;
            result = await read();
          }
          dbMs = since(reading);
        } catch (e) {
          if (e instanceof api.BadParameter) result = error(400, 'bad_parameter', e.message, e.parameter);
          else if (e instanceof api.NotFound) result = error(404, 'not_found', e.message);
          else {
            logError(routeName(path), e);
            result = error(503, 'unavailable', 'The directory cannot answer right now. Please try again later.');
          }
        }
      }
    }

    const ndjson = result.status === 200 && url?.searchParams.get('format') === 'ndjson';
    // The records' texts are in English; their other languages travel in `translations` attributes.
    /** @type {Record<string, string>} */
    const headers = {
      'Content-Type': ndjson ? 'application/x-ndjson; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Language': 'en',
    };
    const wantsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    /** @type {Buffer | undefined} */
    let bytes;
    /** The body as UTF-8, encoded once (the ETag, gzip and the answer read the same bytes). */
    const utf8 = () => (bytes ??= Buffer.from(result.body));
    if (result.status === 200 && path !== '/healthz') {
      const etag = result.etag ?? `"${createHash('sha1').update(utf8()).digest('base64url')}"`;
      headers['ETag'] = etag;
      headers['Cache-Control'] = `public, max-age=${maxAge}`;
      const match = req.headers['if-none-match'];
      if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
        if (keep) cache?.set(keep.key, { generation: keep.generation, body: result.body, etag });
        res.writeHead(304, headers);
        res.end();
        logEntry(304, 0);
        return;
      }
      // Gzip once per cached answer (when a client first asks for it).
      if (wantsGzip && !result.gz && utf8().length >= GZIP_MIN) result.gz = await timedGzip(utf8());
      if (keep) cache?.set(keep.key, { generation: keep.generation, body: result.body, etag, ...(result.gz ? { gz: result.gz } : {}) });
      else if (cache && result.gz && result.etag) {
        // A hit that had no gzip form yet: keep the one just made.
        const key = `${path}${url?.search}`;
        const e = cache.entries.get(key);
        if (e && !e.gz) cache.set(key, { generation: e.generation, body: e.body, etag: e.etag, gz: result.gz });
      }
    } else {
      headers['Cache-Control'] = 'no-store';
    }
    let payload;
    if (wantsGzip && result.gz) {
      payload = result.gz;
      headers['Content-Encoding'] = 'gzip';
    } else if (wantsGzip && utf8().length >= GZIP_MIN) {
      payload = await timedGzip(utf8());
      headers['Content-Encoding'] = 'gzip';
    } else {
      payload = utf8();
    }
    headers['Content-Length'] = String(payload.length);
    res.writeHead(result.status, headers);
    res.end(req.method === 'HEAD' ? undefined : payload);
    logEntry(result.status, payload.length);

    /** gzip, its time (the wait for the gzip thread with it) kept for the log. @param {Buffer} body */
    async function timedGzip(body) {
      const t = process.hrtime.bigint();
      const gz = await gzip(body);
      gzipMs = since(t);
      return gz;
    }

    /** @param {number} status @param {number} bytes */
    function logEntry(status, bytes) {
      // No query string (it holds what people search for and their ZIP codes), no
      // address, no user agent: the route, the names of the parameters, status and time.
      log?.({
        time: new Date().toISOString(),
        method: req.method,
        route: routeName(path),
        params: url ? [...new Set(url.searchParams.keys())].sort() : [],
        status,
        bytes,
        ms: since(started),
        ...(dbMs !== undefined ? { dbMs } : {}),
        ...(gzipMs !== undefined ? { gzipMs } : {}),
      });
    }
  };

  const server = createServer((req, res) => {
    const seen = { route: '(unknown)' };
    answer(req, res, process.hrtime.bigint(), seen).catch((e) => {
      logError(seen.route, e);
      try {
        if (res.headersSent) {
          if (!res.writableEnded) res.destroy();
          return;
        }
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        const { body } = error(500, 'internal', 'The directory cannot answer right now. Please try again later.');
        res.writeHead(500, {
          'Access-Control-Allow-Origin': '*',
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': String(Buffer.byteLength(body)),
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        res.destroy();
      }
    });
  });
  // CONNECT is no request for this API: Node would drop the connection; answer a 405 instead.
  server.on('connect', (_req, socket) => {
    socket.on('error', () => undefined);
    const { body } = error(405, 'method_not_allowed', 'This API is read-only: use GET.');
    socket.end(
      `HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD, OPTIONS\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    try {
      log?.({ time: new Date().toISOString(), method: 'CONNECT', route: '(connect)', params: [], status: 405, bytes: Buffer.byteLength(body), ms: 0 });
    } catch (e) {
      logError('(connect)', e);
    }
  });
  server.keepAliveTimeout = 5000;
  return server;
}

/**
 * Stop taking new connections, let requests in flight finish (for at most `graceMs`), then
 * close the database.
 * @param {import('node:http').Server} server
 * @param {import('./db.js').Database} db
 */
export async function shutdown(server, db, graceMs = 10000) {
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), graceMs);
  await closed;
  clearTimeout(timer);
  await stopGzipThread();
  await db.close();
}
