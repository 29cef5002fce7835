// A real HSDS 3.0 read API for the browser tests: the reference server (packages/server) on
// PGlite, loaded with test/fixtures/dataset.json (and the Massachusetts ZIP centres, for
// `postcode`), started once on a free loopback port when a test first asks for it, and
// stopped with the test runner. Every request URL it sees is kept, so a test can read what
// the element sent.
//   executeServerCommand('hsds-server')            -> { url, leanUrl }  the API's base URL (ends in /),
//       and the same directory answering as an HSDS API may: each service with its
//       organization_id only, no nested organization (a proxy that drops it)
//   executeServerCommand('hsds-requests')          -> { urls } every path + query seen so far
// Either answers { starting: true } while the server is still starting: ask again.
// With a payload `{ instance: 'name' }` a test file gets a port (and a request list) of its
// own, served from the same database, so files running at once never count each other's
// requests.
//
// And, on the test server itself (a directory that fails):
//   GET /test-api/hsds-fail/...   -> 500 with a JSON error
//   GET /test-api/hsds-hang/...   -> never answers (until the client gives up)
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';

const fixture = (name) => new URL(`../fixtures/${name}`, import.meta.url);
const dataFile = (name) => new URL(`../../data/${name}`, import.meta.url);

export function hsdsPlugin() {
  /** The database, loaded once, and how to start a server on it. */
  let running;
  /** One HTTP server per instance name, all on the one database. */
  const instances = new Map();

  async function start() {
    const { openDatabase, loadDatasets, createHsdsServer } = await import('../../packages/server/src/index.js');
    const db = await openDatabase();
    const dataset = JSON.parse(await readFile(fixture('dataset.json'), 'utf8'));
    // One service with an organization (the fixture has none), for the organization names.
    for (const r of dataset.resources) {
      if (r.name === 'Example Recovery Coaching Dorchester') r.organization = { name: 'Example Recovery Network' };
    }
    const { zips } = JSON.parse(await readFile(dataFile('zip-centroids-ma.json'), 'utf8'));
    await loadDatasets(db, [dataset], { zips });
    const server = async () => {
      const http = await createHsdsServer(db, { log: false, maxAge: 0 });
      const seen = [];
      // Before the server's own handler: the URL exactly as it arrived.
      http.prependListener('request', (req) => seen.push(req.url ?? ''));
      await new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(0, '127.0.0.1', resolve);
      });
      const { port } = http.address();
      const url = `http://127.0.0.1:${port}/`;
      // The lean directory: the same answers without any service's nested `organization`.
      const lean = createServer(async (req, res) => {
        try {
          const answer = await fetch(new URL((req.url ?? '/').replace(/^\//, ''), url));
          const text = await answer.text();
          let body = text;
          if (answer.ok) {
            const json = JSON.parse(text);
            const drop = (service) => {
              if (service && typeof service === 'object') delete service.organization;
            };
            for (const item of Array.isArray(json.contents) ? json.contents : [json]) {
              drop(item);
              drop(item.service);
            }
            body = JSON.stringify(json);
          }
          res.writeHead(answer.status, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
          res.end(body);
        } catch (e) {
          res.writeHead(502, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
          res.end(JSON.stringify({ error: 'proxy', message: String(e) }));
        }
      });
      await new Promise((resolve, reject) => {
        lean.once('error', reject);
        lean.listen(0, '127.0.0.1', resolve);
      });
      const leanUrl = `http://127.0.0.1:${lean.address().port}/`;
      const close = async () => {
        const closed = Promise.all([new Promise((resolve) => http.close(resolve)), new Promise((resolve) => lean.close(resolve))]);
        http.closeAllConnections();
        lean.closeAllConnections();
        await closed;
      };
      return { url, leanUrl, seen, close };
    };
    return { db, server };
  }

  /** The named instance, started on first use. */
  async function instance(name) {
    const base = await running;
    let found = instances.get(name);
    if (!found) {
      found = base.server();
      instances.set(name, found);
    }
    return found;
  }

  return {
    name: 'recovery-hsds',
    async serverStart() {
      // A head start: PGlite and the load take a few seconds, more on a busy machine.
      running ??= start();
      running.catch((e) => console.error('hsds test server:', e));
    },
    async executeCommand({ command, payload }) {
      if (command !== 'hsds-server' && command !== 'hsds-requests') return undefined;
      running ??= start();
      const name = typeof payload?.instance === 'string' ? payload.instance : 'main';
      // A command must answer within the runner's message timeout (20 s): while the server is
      // still starting, say so and let the test ask again.
      const api = await Promise.race([instance(name), new Promise((resolve) => setTimeout(resolve, 5_000, undefined))]);
      if (!api) return { starting: true };
      return command === 'hsds-server' ? { url: api.url, leanUrl: api.leanUrl } : { urls: [...api.seen] };
    },
    async serverStop() {
      if (!running) return;
      const base = await running;
      for (const found of instances.values()) await (await found).close();
      await base.db.close();
    },
  };
}

/** The failing directories, as a dev-server middleware (Koa style). */
export async function hsdsFaults(ctx, next) {
  if (ctx.path.startsWith('/test-api/hsds-fail/')) {
    ctx.status = 500;
    ctx.type = 'json';
    ctx.body = JSON.stringify({ error: 'internal', message: 'The directory is down (test).' });
    return;
  }
  if (ctx.path.startsWith('/test-api/hsds-hang/')) {
    await new Promise((resolve) => ctx.req.once('close', resolve));
    ctx.status = 204;
    return;
  }
  await next();
}
