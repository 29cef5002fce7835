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
// requests. With `{ dataset: 'bundled' }` the server holds the bundled dataset
// (data/resources.json) instead, in a database of its own, loaded when first asked for.
//
// And, on the test server itself (a directory that fails):
//   GET /test-api/hsds-fail/...   -> 500 with a JSON error
//   GET /test-api/hsds-hang/...   -> never answers (until the client gives up)
//   GET /test-api/hsds-synth/OPTIONS/...  -> a synthetic HSDS directory of `n` recovery centres
//       (services, nearest-first service_at_locations, taxonomies, taxonomy_terms); OPTIONS is
//       `k=v,k=v`: n (default 250); key (counts and holds); all=1 (ignores per_page: every
//       service in page 1); hold=P (pages P and later wait for /test-api/hsds-synth-release?key=K);
//       busy=N with status=429|503 and retry-after=V (or date:S): its first N requests are refused.
//   GET /test-api/hsds-synth-release?key=K   -> held pages of K answer
//   GET /test-api/hsds-synth-count?key=K     -> {"count": n, "pages": [...]} requests seen
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';

const fixture = (name) => new URL(`../fixtures/${name}`, import.meta.url);
const dataFile = (name) => new URL(`../../data/${name}`, import.meta.url);

export function hsdsPlugin() {
  /** The database of the test fixture, loaded once, and how to start a server on it. */
  let running;
  /** The database of the bundled dataset, loaded when first asked for. */
  let bundled;
  /** One HTTP server per instance name, all on the one database. */
  const instances = new Map();

  async function start(which = 'fixture') {
    const { openDatabase, loadDatasets, createHsdsServer } = await import('../../packages/server/src/index.js');
    const db = await openDatabase();
    const dataset = JSON.parse(await readFile(which === 'bundled' ? dataFile('resources.json') : fixture('dataset.json'), 'utf8'));
    // One service with an organization (the fixture has none), for the organization names.
    for (const r of which === 'bundled' ? [] : dataset.resources) {
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
  async function instance(name, which) {
    const base = await (which === 'bundled' ? (bundled ??= start('bundled')) : running);
    const key = `${which}|${name}`;
    let found = instances.get(key);
    if (!found) {
      found = base.server();
      instances.set(key, found);
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
      const which = payload?.dataset === 'bundled' ? 'bundled' : 'fixture';
      // A command must answer within the runner's message timeout (20 s): while the server is
      // still starting, say so and let the test ask again.
      const api = await Promise.race([instance(name, which), new Promise((resolve) => setTimeout(resolve, 5_000, undefined))]);
      if (!api) return { starting: true };
      return command === 'hsds-server' ? { url: api.url, leanUrl: api.leanUrl } : { urls: [...api.seen] };
    },
    async serverStop() {
      if (!running) return;
      const base = await running;
      for (const found of instances.values()) await (await found).close();
      await base.db.close();
      if (bundled) await (await bundled).db.close();
    },
  };
}

const synth = new Map();
function synthState(key) {
  let st = synth.get(key);
  if (!st) {
    st = { count: 0, pages: [], released: false, waiters: [] };
    synth.set(key, st);
  }
  return st;
}

const CATEGORY_TERM = (code) => ({ id: `term-${code}`, code, name: code, taxonomy: 'recovery-finder-category' });

/** One synthetic service (a recovery centre in Boston), as the reference server nests it. */
export function synthService(i) {
  return {
    id: `synth-${i}`,
    name: `Synthetic Centre ${i}`,
    description: `A synthetic recovery centre (${i}).`,
    organization: { id: 'synth-org', name: 'Synthetic Network' },
    phones: [{ number: '617-555-0100' }],
    attributes: [{ taxonomy_term_id: 'term-recovery-center', taxonomy_term: CATEGORY_TERM('recovery-center') }],
    service_at_locations: [
      {
        location: {
          latitude: 42.34 + (i % 100) * 1e-4,
          longitude: -71.07 - Math.floor(i / 100) * 1e-4,
          addresses: [{ address_1: `${i + 1} Main St`, city: 'Boston', state_province: 'MA', postal_code: '02118', address_type: 'physical' }],
        },
      },
    ],
  };
}

/**
 * Item `i` of a `mixed` page: now and then not a service at all, a service that names its
 * organization by id only, or one with its one-to-one fields only (its details asked for).
 */
function mixedItem(service, i) {
  if (i % 10 === 9) return i % 20 === 9 ? null : i;
  if (i % 50 === 2) return { id: service.id, name: service.name, description: service.description };
  if (i % 5 === 1) {
    const { organization: _org, ...rest } = service;
    return { ...rest, organization_id: `synth-org-${i % 3}` };
  }
  return service;
}

async function synthDirectory(ctx) {
  const [, opts = '', ...rest] = ctx.path.slice('/test-api/hsds-synth/'.length - 1).split('/');
  const o = Object.fromEntries(opts.split(',').filter(Boolean).map((kv) => kv.split('=')));
  const st = synthState(o.key ?? 'default');
  st.count += 1;
  ctx.set('Access-Control-Allow-Origin', '*');
  ctx.set('Cache-Control', 'no-store');
  if (st.count <= Number(o.busy ?? 0)) {
    ctx.status = Number(o.status ?? 429);
    const asked = o['retry-after'];
    if (asked !== undefined) {
      const ahead = /^date:(-?\d+)$/.exec(asked);
      ctx.set('Retry-After', ahead ? new Date(Date.now() + Number(ahead[1]) * 1000).toUTCString() : decodeURIComponent(asked));
    }
    ctx.body = 'busy (test)';
    return;
  }
  const route = rest.join('/');
  const q = ctx.URL.searchParams;
  const n = Number(o.n ?? 250);
  const page = Math.max(1, Number(q.get('page') ?? 1));
  const per = o.all ? n : Math.max(1, Number(q.get('per_page') ?? 50));
  const answer = (contents, total = contents.length) => {
    ctx.type = 'json';
    ctx.body = JSON.stringify({ total_items: total, total_pages: Math.ceil(total / per), page_number: page, size: contents.length, first_page: page === 1, last_page: page * per >= total, empty: !contents.length, contents });
  };
  if (route === 'taxonomies') return answer([{ id: 'recovery-finder-category', name: 'recovery-finder-category' }]);
  if (route === 'taxonomy_terms') return answer(['recovery-center', 'disposal', 'peer-support'].map(CATEGORY_TERM));
  // `mixed`: a service's details (GET /services/{id}) and organizations (GET /organizations/{id}).
  const one = /^(services|organizations)\/(.+)$/.exec(route);
  if (one) {
    ctx.type = 'json';
    ctx.body = JSON.stringify(one[1] === 'services' ? synthService(Number(one[2].replace('synth-', ''))) : { id: one[2], name: `Organization ${one[2]}` });
    return;
  }
  if (route !== 'services' && route !== 'service_at_locations') {
    ctx.status = 404;
    ctx.body = 'unknown synthetic route';
    return;
  }
  st.pages.push(page);
  if (o.hold && page >= Number(o.hold) && !st.released) {
    const released = await new Promise((resolve) => {
      st.waiters.push(() => resolve(true));
      ctx.req.once('close', () => resolve(false));
    });
    if (!released) return;
  }
  const from = (page - 1) * per;
  const services = Array.from({ length: Math.max(0, Math.min(per, n - from)) }, (_, k) => synthService(from + k));
  if (route === 'services' && o.mixed) return answer(services.map((s, k) => mixedItem(s, from + k)), n);
  if (route === 'services') return answer(services, n);
  return answer(services.map((s) => ({ id: `sal-${s.id}`, service: s, location: s.service_at_locations[0].location })), n);
}

/** The failing directories, as a dev-server middleware (Koa style). */
export async function hsdsFaults(ctx, next) {
  if (ctx.path.startsWith('/test-api/hsds-synth/')) return synthDirectory(ctx);
  if (ctx.path === '/test-api/hsds-synth-release' || ctx.path === '/test-api/hsds-synth-count') {
    const st = synthState(ctx.URL.searchParams.get('key') ?? 'default');
    if (ctx.path.endsWith('release')) {
      st.released = true;
      for (const wake of st.waiters.splice(0)) wake();
    }
    ctx.type = 'json';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = JSON.stringify({ count: st.count, pages: st.pages });
    return;
  }
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
