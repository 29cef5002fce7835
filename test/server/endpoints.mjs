// A real local HTTP endpoint for the browser tests (a @web/dev-server middleware, Koa style).
// Network behaviour is tested against these routes, never against a mocked `fetch`.
//
//   GET  /test-api/dataset?fixture=NAME[&status=N][&delay=MS][&fail-first=N][&key=K][&copies=N]
//        serves test/fixtures/NAME.json (raw bytes, so a broken file stays broken); with
//        `copies`, its records N times over (ids suffixed `-cK`): a large document (with
//        `chunked=1`, sent as a stream: no Content-Length; with `hold=1`, its first 60% at
//        once and the rest only after GET /test-api/release?key=K)
//        with `busy=N`: the first N requests answer `busy-status` (429 or 503, default 429)
//        with `Retry-After: retry-after` as given, or an HTTP date S seconds ahead for `date:S`
//   GET  /test-api/release?key=K          -> {"released": bool}: a held dataset sends the rest
//   GET  /test-api/count?key=K            -> {"count": n} requests seen for key K
//   GET  /test-api/hang                   -> never answers (until the client gives up)
//   GET  /test-api/redirect?to=URL        -> 302 to URL, only to this machine (localhost/127.0.0.1)
//        (the dataset route answers any origin with `cors=1`: the redirect's target)
//   POST /test-api/signup?mode=ok|500|429|hang[&key=K]  records the body, answers per mode
//   GET  /test-api/signups?key=K          -> the posts recorded for key K
//   GET  /test-api/tiles/...              -> 404 (a tile server that fails)
//
// The fault-injecting newsletter endpoint (see newsletterEndpoint below):
//   POST /test-api/newsletter?run=R&plan=F1,F2,...[&email-field=EMAIL][&key-field=K]
//   GET  /test-api/newsletter-stats?run=R     -> what run R's endpoint stored and saw
//   GET  /test-api/newsletter-stats?all=1     -> totals over every run so far
//   GET  /test-api/newsletter-release?run=R   -> lets run R's held requests go on
//   GET  /test-api/newsletter-landing?run=R   -> where a 302 points (a GET that looks like success)
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';

const counts = new Map();
/** Held datasets (`hold=1`) by key: call to send the rest. */
const holds = new Map();
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

// ---------------------------------------------------------------------------------------------
// The fault-injecting newsletter endpoint. It behaves as a real endpoint that honours the
// README's contract: it keeps one signup per person (normalised address) per idempotency key,
// so a repeated key updates the stored signup, while a new key for the same address (or no key
// at all) stores a second signup: exactly the double signups a client must never cause.
//
// Each person's requests, counted per run, take the faults of `plan` in turn (after the plan
// runs out: ok). A fault is one of
//   ok           store the signup, answer 200
//   500          answer 500, store nothing
//   accept-500   store the signup, then answer 500 (the reply is lost, the signup is not)
//   429:N        answer 429 with Retry-After: N; a request from the same person before those
//                N seconds have passed is counted as `early` and refused with 429 again
//   hang         never answer (until the client gives up)
//   close*       destroy the socket, store nothing
//   accept-close* store the signup, then destroy the socket
//                (a fault ending in * repeats until /newsletter-release: Chromium resends a
//                request whose reused connection closed before any answer, once, unseen by
//                the page; the page sees the failure only when the resend fails too)
//   hold         wait until /newsletter-release?run=R, then store and answer 200
//   accept-hold  store at once, wait until released, then answer 200
//   302          redirect (302) to /newsletter-landing, a same-origin GET that answers 200
//   307          redirect (307) to this endpoint on another origin (localhost <-> 127.0.0.1,
//                same port); every request that arrives there is counted as `foreign`
// Stats per run: for each person { requests, stored, early, signups }, plus foreign requests,
// followed 302s, and faults injected. Nothing is ever sent anywhere else.

const runs = new Map();

function runState(id) {
  let run = runs.get(id);
  if (!run) {
    run = { persons: new Map(), foreign: 0, followed: 0, faults: 0, released: false, waiters: [] };
    runs.set(id, run);
  }
  return run;
}

function personState(run, address) {
  let person = run.persons.get(address);
  if (!person) {
    person = { requests: 0, early: 0, notBefore: 0, step: 0, signups: [] };
    run.persons.set(address, person);
  }
  return person;
}

const normaliseAddress = (text) => String(text ?? '').trim().normalize('NFC').toLowerCase();

function parseSignup(contentType, body, emailField, keyField, headerKey) {
  let fields = {};
  if (/json/i.test(contentType)) {
    try {
      fields = JSON.parse(body);
    } catch {
      fields = {};
    }
  } else {
    const params = new URLSearchParams(body);
    for (const name of new Set(params.keys())) {
      const all = params.getAll(name);
      fields[name] = all.length > 1 ? all : all[0];
    }
  }
  const key = headerKey || (typeof fields[keyField] === 'string' ? fields[keyField] : '');
  return { address: normaliseAddress(fields[emailField]), key, fields };
}

/** Store as a real endpoint would: one signup per key; a known key updates its signup. */
function store(person, key, record) {
  const known = key ? person.signups.find((s) => s.key === key) : undefined;
  if (known) Object.assign(known, record, { updates: known.updates + 1 });
  else person.signups.push({ ...record, key, updates: 0 });
}

function corsFor(ctx) {
  const origin = ctx.get('origin');
  if (origin) {
    ctx.set('Access-Control-Allow-Origin', origin);
    ctx.set('Access-Control-Allow-Methods', 'POST');
    ctx.set('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key');
  }
}

/** The same port on the other loopback name: a different origin that reaches this server. */
function otherOrigin(host) {
  const [name, port] = host.split(':');
  const other = name === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return `http://${other}${port ? `:${port}` : ''}`;
}

function waitForRelease(run, req) {
  if (run.released) return Promise.resolve(true);
  return new Promise((resolve) => {
    run.waiters.push(() => resolve(true));
    req.once('close', () => resolve(false));
  });
}

async function newsletterEndpoint(ctx, route, q) {
  if (route === 'newsletter-stats' && q.get('all')) {
    const totals = { runs: 0, persons: 0, requests: 0, faults: 0, foreign: 0, followed: 0, early: 0, storedPerPerson: {} };
    for (const r of runs.values()) {
      totals.runs += 1;
      totals.faults += r.faults;
      totals.foreign += r.foreign;
      totals.followed += r.followed;
      for (const p of r.persons.values()) {
        totals.persons += 1;
        totals.requests += p.requests;
        totals.early += p.early;
        totals.storedPerPerson[p.signups.length] = (totals.storedPerPerson[p.signups.length] ?? 0) + 1;
      }
    }
    ctx.type = 'json';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = JSON.stringify(totals);
    return;
  }
  const run = runState(q.get('run') ?? 'default');
  if (route === 'newsletter-stats') {
    ctx.type = 'json';
    ctx.set('Cache-Control', 'no-store');
    const persons = Object.fromEntries(
      [...run.persons].map(([address, p]) => [
        address,
        { requests: p.requests, early: p.early, stored: p.signups.length, signups: p.signups },
      ]),
    );
    ctx.body = JSON.stringify({ persons, foreign: run.foreign, followed: run.followed, faults: run.faults });
    return;
  }
  if (route === 'newsletter-release') {
    run.released = true;
    for (const wake of run.waiters.splice(0)) wake();
    ctx.status = 204;
    return;
  }
  if (route === 'newsletter-landing') {
    run.followed += 1;
    ctx.type = 'json';
    ctx.body = JSON.stringify({ ok: true, note: 'a followed redirect' });
    return;
  }
  // route === 'newsletter'
  if (q.get('hop') === 'foreign') {
    // Arrived on the other origin: whatever it is (a preflight, the post), it should never come.
    run.foreign += 1;
    corsFor(ctx);
    ctx.status = ctx.method === 'OPTIONS' ? 204 : 200;
    if (ctx.method !== 'OPTIONS') {
      ctx.type = 'json';
      ctx.body = JSON.stringify({ ok: true });
    }
    return;
  }
  if (ctx.method === 'OPTIONS') {
    corsFor(ctx);
    ctx.status = 204;
    return;
  }
  if (ctx.method !== 'POST') {
    ctx.status = 405;
    return;
  }
  corsFor(ctx);
  const body = await readBody(ctx.req);
  const contentType = ctx.get('content-type');
  const { address, key, fields } = parseSignup(
    contentType,
    body,
    q.get('email-field') ?? 'email',
    q.get('key-field') ?? 'idempotency_key',
    ctx.get('idempotency-key'),
  );
  if (!address) {
    ctx.status = 400;
    ctx.body = 'no e-mail address';
    return;
  }
  const person = personState(run, address);
  person.requests += 1;
  const record = { contentType, fields, headerKey: ctx.get('idempotency-key') };
  if (person.notBefore && Date.now() < person.notBefore) {
    person.early += 1;
    ctx.status = 429;
    ctx.set('Retry-After', String(Math.ceil((person.notBefore - Date.now()) / 1000)));
    ctx.body = 'too early';
    return;
  }
  const plan = (q.get('plan') ?? 'ok').split(',').map((f) => f.trim());
  let entry = plan[person.step] ?? 'ok';
  if (entry.endsWith('*') && run.released) entry = plan[++person.step] ?? 'ok';
  if (!entry.endsWith('*')) person.step += 1;
  const fault = entry.replace(/\*$/, '');
  if (fault !== 'ok') run.faults += 1;
  const [mode, arg] = fault.split(':');
  const answerOk = () => {
    ctx.status = 200;
    ctx.type = 'json';
    ctx.body = JSON.stringify({ ok: true });
  };
  const destroy = () => {
    ctx.status = 500; // for the server's own log only: nothing is written
    ctx.respond = false;
    ctx.req.socket.destroy();
  };
  switch (mode) {
    case 'ok':
      store(person, key, record);
      return answerOk();
    case '500':
      ctx.status = 500;
      ctx.body = 'server error';
      return;
    case 'accept-500':
      store(person, key, record);
      ctx.status = 500;
      ctx.body = 'server error after storing';
      return;
    case '429': {
      const seconds = Number(arg ?? 1);
      person.notBefore = Date.now() + seconds * 1000;
      ctx.status = 429;
      ctx.set('Retry-After', String(seconds));
      ctx.body = 'too many requests';
      return;
    }
    case 'hang':
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 30_000);
        ctx.req.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      ctx.status = 504;
      return;
    case 'close':
      return destroy();
    case 'accept-close':
      store(person, key, record);
      return destroy();
    case 'hold':
      if (!(await waitForRelease(run, ctx.req))) return destroy();
      store(person, key, record);
      return answerOk();
    case 'accept-hold':
      store(person, key, record);
      if (!(await waitForRelease(run, ctx.req))) return destroy();
      return answerOk();
    case '302':
      ctx.status = 302;
      ctx.set('Location', `/test-api/newsletter-landing?run=${encodeURIComponent(q.get('run') ?? 'default')}`);
      return;
    case '307': {
      const target = new URL(`${otherOrigin(ctx.get('host'))}${ctx.path}`);
      for (const [k, v] of q) target.searchParams.set(k, v);
      target.searchParams.set('hop', 'foreign');
      ctx.status = 307;
      ctx.set('Location', target.href);
      return;
    }
    default:
      ctx.status = 400;
      ctx.body = `unknown fault ${fault}`;
  }
}

/** A busy server's answer: 429 or 503 (`busy-status`) with the `retry-after` the test asked for. */
export function busyAnswer(ctx, q) {
  ctx.status = Number(q.get('busy-status') ?? 429);
  const asked = q.get('retry-after');
  if (asked !== null) {
    const ahead = /^date:(-?\d+)$/.exec(asked);
    ctx.set('Retry-After', ahead ? new Date(Date.now() + Number(ahead[1]) * 1000).toUTCString() : asked);
  }
  ctx.set('Cache-Control', 'no-store');
  ctx.body = 'busy (test)';
}

export async function testEndpoints(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  if (!url.pathname.startsWith('/test-api/')) return next();
  if (/^\/test-api\/newsletter(-stats|-release|-landing)?$/.test(url.pathname)) {
    return newsletterEndpoint(ctx, url.pathname.slice('/test-api/'.length), url.searchParams);
  }
  const q = url.searchParams;
  const key = q.get('key') ?? 'default';
  const route = url.pathname.slice('/test-api/'.length);

  if (route === 'count') {
    ctx.type = 'json';
    ctx.body = JSON.stringify({ count: counts.get(key) ?? 0 });
    return;
  }
  if (route === 'release') {
    // Lets a held dataset (`hold=1`) send the rest of itself; says whether one was waiting.
    const release = holds.get(key);
    holds.delete(key);
    release?.();
    ctx.type = 'json';
    ctx.body = JSON.stringify({ released: Boolean(release) });
    return;
  }
  if (route === 'hang') {
    await sleep(30_000);
    ctx.status = 204;
    return;
  }
  if (route === 'redirect') {
    const to = new URL(q.get('to') ?? '/', 'http://localhost');
    if (!['localhost', '127.0.0.1'].includes(to.hostname)) {
      ctx.status = 400;
      return;
    }
    ctx.status = 302;
    ctx.set('Location', to.href);
    return;
  }
  if (route === 'dataset') {
    if (q.get('cors')) ctx.set('Access-Control-Allow-Origin', '*');
    const n = bump(key);
    const delay = Number(q.get('delay') ?? 0);
    if (delay) await sleep(delay);
    if (n <= Number(q.get('busy') ?? 0)) {
      busyAnswer(ctx, q);
      return;
    }
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
    const copies = Number(q.get('copies') ?? 0);
    if (copies > 0) {
      const doc = JSON.parse(body.toString('utf8'));
      doc.resources = Array.from({ length: copies }, (_, k) => doc.resources.map((r) => ({ ...r, id: `${r.id}-c${k}` }))).flat();
      const text = JSON.stringify(doc);
      if (q.get('hold')) {
        // The first 60% at once, the rest once /test-api/release?key=K is asked for.
        const cut = Math.floor(text.length * 0.6);
        ctx.body = Readable.from(
          (async function* () {
            yield text.slice(0, cut);
            await new Promise((resolve) => holds.set(key, resolve));
            yield text.slice(cut);
          })(),
        );
        ctx.length = Buffer.byteLength(text);
        ctx.type = 'json';
        return;
      }
      // `chunked`: as a stream, so the answer has no Content-Length.
      ctx.body = q.get('chunked') ? Readable.from([text.slice(0, 100_000), text.slice(100_000)]) : text;
      return;
    }
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
