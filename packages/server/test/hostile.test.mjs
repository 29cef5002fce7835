/**
 * Nothing a stranger sends can stop the server (issue #20): raw request lines over a real TCP
 * socket to a running server, on PGlite and (when DATABASE_URL is set) PostgreSQL. Every
 * hostile line gets an answer (a 400 with the usual JSON error body, or Node's own parser 400
 * or 431), one request log line and no stack trace; after each one `GET /services` still works.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { loadDatasets } from '@recovery-finder/server';
import { BACKENDS, open, start } from './backends.mjs';
import { KNOWN, dataset, zips, root } from './fixture.mjs';

const corpus = JSON.parse(readFileSync(`${root}test/fixtures/payloads.json`, 'utf8')).request_targets;
const CLASSES = Object.entries(corpus).filter(([, v]) => Array.isArray(v));

/**
 * Send bytes on a fresh connection and read until the server closes it (every line sent ends in
 * `Connection: close`, or is one the parser refuses). No half-close: Node drops the answers to a
 * client that half-closes (`httpAllowHalfOpen` is off), which would look like a dropped request.
 * @returns {Promise<Array<{ status: number, headers: string, body: string }>>} every response, in order
 */
function raw(base, bytes) {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    const chunks = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(responses(Buffer.concat(chunks).toString('latin1'))));
    // A safety net against a hang, not a timing assertion: a server that never closes fails here.
    socket.setTimeout(60000, () => socket.destroy(new Error('the server neither answered nor closed')));
    socket.write(bytes);
  });
}

/** Split what came back into responses (bodies framed by Content-Length). */
function responses(text) {
  const out = [];
  let rest = text;
  while (rest.startsWith('HTTP/1.1 ')) {
    const end = rest.indexOf('\r\n\r\n');
    const headers = rest.slice(0, end);
    const length = Number(/^content-length: *(\d+)/im.exec(headers)?.[1] ?? 0);
    out.push({ status: Number(headers.slice(9, 12)), headers, body: rest.slice(end + 4, end + 4 + length) });
    rest = rest.slice(end + 4 + length);
  }
  assert.equal(rest, '', `unframed bytes after the responses: ${JSON.stringify(rest.slice(0, 100))}`);
  return out;
}

const line = (target, encoding = 'latin1') => Buffer.from(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, encoding);
/** Node's own parser refused the line (its bare 400 or 431, no JSON): the request never reached the server's code. */
const byParser = (r) => (r.status === 400 || r.status === 431) && !/content-type/i.test(r.headers);

for (const backend of BACKENDS) {
  describe(`hostile request lines on ${backend.name}`, () => {
    let db;
    let api;
    let stderr = '';
    const write = process.stderr.write.bind(process.stderr);
    before(async () => {
      db = await open(backend);
      await loadDatasets(db, [dataset(KNOWN)], { zips });
      api = await start(db);
      process.stderr.write = (chunk, ...rest) => {
        stderr += String(chunk);
        return write(chunk, ...rest);
      };
    });
    after(async () => {
      process.stderr.write = write;
      await api?.stop();
    });

    /** The same server still answers a normal request correctly. */
    async function stillServes() {
      const [r] = await raw(api.base, line('/services?full=false'));
      assert.equal(r?.status, 200);
      assert.equal(JSON.parse(r.body).total_items, KNOWN.length);
    }

    /** Send one hostile line; check each answer, the log lines it wrote, and that the server still serves. */
    async function hostile(bytes, label) {
      const logsBefore = api.logs.length;
      const errBefore = stderr.length;
      const answers = await raw(api.base, bytes);
      assert.ok(answers.length > 0, `${label}: no answer`);
      for (const r of answers) {
        assert.ok(r.status >= 200 && r.status < 500, `${label}: ${r.status} ${r.body}`);
        if (!byParser(r)) {
          const body = JSON.parse(r.body || '{}');
          if (r.status >= 400) assert.equal(typeof body.error, 'string', `${label}: ${r.body}`);
        }
      }
      // One request log line per answer the server's code gave; nothing on stderr (no stack trace).
      assert.equal(api.logs.length - logsBefore, answers.filter((r) => !byParser(r)).length, label);
      assert.equal(stderr.slice(errBefore), '', `${label}: wrote to stderr`);
      await stillServes();
      return answers;
    }

    const table = [];
    after(() => {
      if (process.env.HOSTILE_TABLE) write(`${JSON.stringify({ backend: backend.name, table })}\n`);
    });

    for (const [name, targets] of CLASSES) {
      test(`${name}: every target of the corpus is answered (${targets.length} cases)`, async () => {
        for (const target of targets) {
          const answers = await hostile(line(target), JSON.stringify(target));
          table.push([target, answers.map((r) => `${r.status} ${r.body.slice(0, 100)}`)]);
        }
      });
    }

    test('an unparseable target is a 400 with the usual error body', async () => {
      for (const target of corpus.malformed) {
        const [r] = await raw(api.base, line(target));
        if (byParser(r)) continue; // Node's parser refused the bytes first (a space, a byte over 0x7f)
        assert.equal(r.status, 400, target);
        assert.equal(JSON.parse(r.body).error, 'bad_request', target);
        assert.match(r.headers, /^cache-control: no-store$/im);
      }
    });

    test('a bad percent-encoding in an id, or an impossible date, is a 400 naming the parameter', async () => {
      for (const target of corpus['percent-encoding'].filter((t) => /^\/[a-z_]+\/%/.test(t))) {
        const [r] = await raw(api.base, line(target));
        assert.equal(r.status, 400, target);
        assert.deepEqual(JSON.parse(r.body), { error: 'bad_parameter', message: 'id must be a UUID', parameter: 'id' }, target);
      }
      for (const target of corpus['impossible-dates']) {
        const [r] = await raw(api.base, line(target));
        assert.equal(r.status, 400, target);
        assert.equal(JSON.parse(r.body).parameter, 'modified_after', target);
      }
      // A real date still filters.
      const [ok] = await raw(api.base, line('/services?modified_after=2024-02-29T23:59:59.5%2B05:30&full=false'));
      assert.equal(ok.status, 200);
    });

    test('overlong lines, NUL bytes, CR/LF injection, non-UTF-8 bytes and CONNECT are answered', async () => {
      const cases = [
        [line(`/services?search=${'a'.repeat(20000)}`), 'overlong target'],
        [line(`/${'%ZZ'.repeat(3000)}`), 'long bad encoding'],
        [Buffer.from('GET /ser\0vices HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1'), 'NUL in the target'],
        [Buffer.from('GET /services HTTP/1.1\r\nHost: x\r\nX: a\0b\r\n\r\n', 'latin1'), 'NUL in a header'],
        [Buffer.from('GET /services HTTP/1.1\r\nHost: x\r\nX: a\rb\r\n\r\n', 'latin1'), 'bare CR in a header'],
        [Buffer.from('GET /services\r\n\r\n', 'latin1'), 'HTTP/0.9 line'],
        [Buffer.from('GET\r\n\r\n', 'latin1'), 'no target'],
        [Buffer.from('\r\n\r\n\r\nGET /services HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'latin1'), 'empty lines first'],
        [Buffer.from('GET / HTTP/9.9\r\nHost: x\r\n\r\n', 'latin1'), 'unknown version'],
        [Buffer.from([0x47, 0x45, 0x54, 0x20, 0x2f, 0xc0, 0xaf, 0xff, 0x20, 0x48, 0x54, 0x54, 0x50, 0x2f, 0x31, 0x2e, 0x31, 0x0d, 0x0a, 0x0d, 0x0a]), 'raw non-UTF-8'],
        [Buffer.from('\u0016\u0003\u0001\u0000\u00a5\u0001\u0000', 'latin1'), 'a TLS hello'],
        [Buffer.from('CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n', 'latin1'), 'CONNECT'],
        [Buffer.from(`GET /services HTTP/1.1\r\nHost: x\r\nX-Long: ${'b'.repeat(70000)}\r\n\r\n`, 'latin1'), 'overlong header'],
      ];
      for (const [bytes, label] of cases) {
        const answers = await hostile(bytes, label);
        table.push([label, answers.map((r) => `${r.status} ${r.body.slice(0, 100)}`)]);
      }
    });

    test('property: any request target built from URL-ish pieces is answered below 500, and the server keeps serving', async () => {
      const piece = fc.oneof(
        fc.constantFrom(
          '/', '//', 'services', 'service_at_locations', 'organizations', 'taxonomies', 'taxonomy_terms', 'healthz',
          '?', '&', '=', '#', '%', '%ZZ', '%C0%AF', '%ED%A0%80', '%00', '%2F', '%25', '[', ']', ':', '@', '.', '..',
          'http://', 'https://', 'x:99999', 'modified_after=', 'search=', 'page=', 'per_page=', 'postcode=', 'proximity=',
          '2020-02-30', '2021-02-29T25:00', '9999-12-31T23:59:59Z', '\uD800', '\uDFFF', '\u0000', '\r', '\n', '\t', ' ', '\u007f',
          'é', 'ñ', '\u00ff', '💊',
        ),
        fc.uuid(),
        fc.string({ maxLength: 6 }),
        fc.integer({ min: -1, max: 1e6 }).map(String),
      );
      // Origin-form, absolute-form and the odd others, then pieces.
      const start = fc.constantFrom('/', '/services/', '/services?', '/organizations/', 'http://', 'https://', 'http://[', '//', '*', '');
      const target = fc.tuple(start, fc.array(piece, { maxLength: 12 })).map(([first, parts]) => `${first}${parts.join('')}` || '/');
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(target, fc.constantFrom('utf8', 'latin1'), async (t, encoding) => {
          runs++;
          await hostile(line(t, encoding), JSON.stringify(t));
        }),
        { numRuns: 300 },
      );
      assert.equal(runs >= 300, true);
    });

    test('property: any date on every date parameter is a 200 or a 400, never a 5xx', async () => {
      const two = (max) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
      const date = fc
        .tuple(fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')), two(19), two(39), fc.option(fc.tuple(two(29), two(69), two(69)), { nil: undefined }), fc.constantFrom('', 'Z', '%2B05:30', '-1400', '%2B16:00'))
        .map(([y, m, d, t, z]) => `${y}-${m}-${d}${t ? `T${t[0]}:${t[1]}:${t[2]}${z}` : ''}`);
      await fc.assert(
        fc.asyncProperty(date, fc.constantFrom('/services', '/service_at_locations'), async (d, path) => {
          const [r] = await hostile(line(`${path}?modified_after=${d}&full=false`), d);
          assert.ok(r.status === 200 || r.status === 400, `${d}: ${r.status}`);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe(`errors nobody expected on ${backend.name}`, () => {
    test('a throw outside the routes is a 500 with one stderr line, and the server keeps serving', async () => {
      const db = await open(backend);
      await loadDatasets(db, [dataset(KNOWN)], { zips });
      // A Cache-Control value Node refuses: writing the headers of every 200 throws.
      const api = await start(db, { maxAge: '1\nX' });
      const write = process.stderr.write;
      let stderr = '';
      process.stderr.write = (chunk) => ((stderr += String(chunk)), true);
      try {
        const [r] = await raw(api.base, line('/services'));
        assert.equal(r.status, 500);
        assert.deepEqual(Object.keys(JSON.parse(r.body)), ['error', 'message']);
        assert.doesNotMatch(r.headers, /cache-control: public/i);
        const [notFound] = await raw(api.base, line('/nowhere'));
        assert.equal(notFound.status, 404);
        const [again] = await raw(api.base, line('/services'));
        assert.equal(again.status, 500);
      } finally {
        process.stderr.write = write;
        await api.stop();
      }
      const lines = stderr.trimEnd().split('\n');
      assert.equal(lines.length, 2, stderr);
      for (const l of lines) assert.match(l, /^error on \/services: TypeError/);
    });

    test('a request log that throws costs one stderr line, not the process', async () => {
      const db = await open(backend);
      await loadDatasets(db, [dataset(KNOWN)], { zips });
      const api = await start(db, {
        log: () => {
          throw new Error('log is full');
        },
      });
      const write = process.stderr.write;
      let stderr = '';
      process.stderr.write = (chunk) => ((stderr += String(chunk)), true);
      try {
        for (let i = 0; i < 3; i++) {
          const [r] = await raw(api.base, line('/services?full=false'));
          assert.equal(r.status, 200);
          assert.equal(JSON.parse(r.body).total_items, KNOWN.length);
        }
      } finally {
        process.stderr.write = write;
        await api.stop();
      }
      assert.deepEqual(stderr.trimEnd().split('\n').map((l) => l.replace(/ \(at .*\)$/, '')), Array(3).fill('error on /services: Error: log is full'));
    });
  });
}
