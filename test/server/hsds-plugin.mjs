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
//
// And, on the test server itself (a directory that fails):
//   GET /test-api/hsds-fail/...   -> 500 with a JSON error
//   GET /test-api/hsds-hang/...   -> never answers (until the client gives up)
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';

const fixture = (name) => new URL(`../fixtures/${name}`, import.meta.url);
const dataFile = (name) => new URL(`../../data/${name}`, import.meta.url);

export function hsdsPlugin() {
  /** @type {Promise<{ url: string, seen: string[], stop: () => Promise<void> }> | undefined} */
  let running;

  async function start() {
    const { openDatabase, loadDatasets, createHsdsServer, shutdown } = await import('../../packages/server/src/index.js');
    const db = await openDatabase();
    const dataset = JSON.parse(await readFile(fixture('dataset.json'), 'utf8'));
    // One service with an organization (the fixture has none), for the organization names.
    for (const r of dataset.resources) {
      if (r.name === 'Example Recovery Coaching Dorchester') r.organization = { name: 'Example Recovery Network' };
    }
    const { zips } = JSON.parse(await readFile(dataFile('zip-centroids-ma.json'), 'utf8'));
    await loadDatasets(db, [dataset], { zips });
    const server = await createHsdsServer(db, { log: false, maxAge: 0 });
    const seen = [];
    // Before the server's own handler: the URL exactly as it arrived.
    server.prependListener('request', (req) => seen.push(req.url ?? ''));
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    const { port } = server.address();
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
    const stop = async () => {
      await new Promise((resolve) => lean.close(resolve));
      await shutdown(server, db, 1_000);
    };
    return { url, leanUrl, seen, stop };
  }

  return {
    name: 'recovery-hsds',
    async serverStart() {
      // A head start: PGlite and the load take a few seconds, more on a busy machine.
      running ??= start();
      running.catch((e) => console.error('hsds test server:', e));
    },
    async executeCommand({ command }) {
      if (command !== 'hsds-server' && command !== 'hsds-requests') return undefined;
      running ??= start();
      // A command must answer within the runner's message timeout (20 s): while the server is
      // still starting, say so and let the test ask again.
      const api = await Promise.race([running, new Promise((resolve) => setTimeout(resolve, 5_000, undefined))]);
      if (!api) return { starting: true };
      return command === 'hsds-server' ? { url: api.url, leanUrl: api.leanUrl } : { urls: [...api.seen] };
    },
    async serverStop() {
      if (running) await (await running).stop();
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
