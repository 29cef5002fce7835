// A real local HTTP endpoint for the browser tests (a @web/dev-server middleware, Koa style).
// Network behaviour is tested against these routes, never against a mocked `fetch`.
//
//   GET  /test-api/dataset?fixture=NAME[&status=N][&delay=MS][&fail-first=N][&key=K]
//        serves test/fixtures/NAME.json (raw bytes, so a broken file stays broken)
//   GET  /test-api/count?key=K            -> {"count": n} requests seen for key K
//   GET  /test-api/hang                   -> never answers (until the client gives up)
//   POST /test-api/signup?mode=ok|500|429|hang[&key=K]  records the body, answers per mode
//   GET  /test-api/signups?key=K          -> the posts recorded for key K
//   GET  /test-api/tiles/...              -> 404 (a tile server that fails)
import { readFile } from 'node:fs/promises';

const counts = new Map();
const signups = new Map();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function bump(key) {
  const n = (counts.get(key) ?? 0) + 1;
  counts.set(key, n);
  return n;
}

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

export async function testEndpoints(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  if (!url.pathname.startsWith('/test-api/')) return next();
  const q = url.searchParams;
  const key = q.get('key') ?? 'default';
  const route = url.pathname.slice('/test-api/'.length);

  if (route === 'count') {
    ctx.type = 'json';
    ctx.body = JSON.stringify({ count: counts.get(key) ?? 0 });
    return;
  }
  if (route === 'hang') {
    await sleep(30_000);
    ctx.status = 204;
    return;
  }
  if (route === 'dataset') {
    const n = bump(key);
    const delay = Number(q.get('delay') ?? 0);
    if (delay) await sleep(delay);
    const failFirst = Number(q.get('fail-first') ?? 0);
    if (n <= failFirst) {
      ctx.status = 503;
      ctx.body = 'temporarily unavailable';
      return;
    }
    const status = Number(q.get('status') ?? 200);
    if (status !== 200) {
      ctx.status = status;
      ctx.body = `status ${status}`;
      return;
    }
    const name = (q.get('fixture') ?? 'dataset').replace(/[^a-z0-9-]/gi, '');
    const body = await readFile(new URL(`../fixtures/${name}.json`, import.meta.url));
    ctx.set('Content-Type', 'application/json');
    ctx.body = body;
    return;
  }
  if (route === 'signup' && ctx.method === 'POST') {
    bump(key);
    const body = await readBody(ctx.req);
    const mode = q.get('mode') ?? 'ok';
    const record = {
      contentType: ctx.get('content-type'),
      idempotencyKey: ctx.get('idempotency-key'),
      body,
    };
    if (mode === 'hang') {
      await sleep(30_000);
      ctx.status = 504;
      return;
    }
    if (mode === '500') {
      ctx.status = 500;
      ctx.body = 'server error';
      return;
    }
    if (mode === '429') {
      ctx.status = 429;
      ctx.set('Retry-After', '30');
      ctx.body = 'too many requests';
      return;
    }
    const list = signups.get(key) ?? [];
    list.push(record);
    signups.set(key, list);
    ctx.status = 200;
    ctx.type = 'json';
    ctx.body = JSON.stringify({ ok: true });
    return;
  }
  if (route === 'signups') {
    ctx.type = 'json';
    ctx.body = JSON.stringify(signups.get(key) ?? []);
    return;
  }
  if (route.startsWith('tiles/')) {
    bump('tiles');
    ctx.status = 404;
    ctx.body = 'no tiles here';
    return;
  }
  ctx.status = 404;
  ctx.body = 'unknown test route';
}
