// Answers are compressed on a thread of their own (http.js, `gzip`), each answer its own gzip,
// and on libuv's pool when that thread is stopped or gone. No database needed.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { gzip, gzipThreadId, stopGzipThread } from '../src/http.js';

/** Bodies of different sizes and contents, as the answers are. */
const bodies = Array.from({ length: 40 }, (_, i) => Buffer.from(JSON.stringify({ i, pad: randomBytes(200 + i * 97).toString('base64').repeat(1 + (i % 5)) })));

test('many answers compressed at once each come back as their own gzip, from the compression thread', { timeout: 20000 }, async () => {
  const zipped = await Promise.all(bodies.map((b) => gzip(b)));
  assert.ok(gzipThreadId() !== undefined, 'the thread runs');
  zipped.forEach((gz, i) => {
    assert.equal(gz[0], 0x1f, 'a gzip stream');
    assert.deepEqual(gunzipSync(gz), bodies[i]);
    assert.ok(gz.length < bodies[i].length);
  });
});

test('answers waiting when the thread stops are compressed all the same; the next starts a thread again', { timeout: 20000 }, async () => {
  await gzip(bodies[0]);
  const first = gzipThreadId();
  const waiting = bodies.map((b) => gzip(b));
  await stopGzipThread();
  assert.equal(gzipThreadId(), undefined);
  (await Promise.all(waiting)).forEach((gz, i) => assert.deepEqual(gunzipSync(gz), bodies[i]));
  assert.deepEqual(gunzipSync(await gzip(bodies[3])), bodies[3]);
  assert.ok(gzipThreadId() !== undefined && gzipThreadId() !== first, 'a new thread');
  await stopGzipThread();
});

test('a thread stopped in the middle of its work, again and again, ends cleanly and loses no answer', { timeout: 60000 }, async () => {
  // Large bodies, so that the stop comes while the thread is inside zlib. (Terminated there, a
  // thread aborted the whole test process once under load: "close before init".)
  const large = Array.from({ length: 8 }, (_, i) => Buffer.from(randomBytes(300000 + i * 1000).toString('base64')));
  for (let round = 0; round < 20; round++) {
    const waiting = large.map((b) => gzip(b));
    await stopGzipThread();
    assert.equal(gzipThreadId(), undefined);
    (await Promise.all(waiting)).forEach((gz, i) => assert.equal(gunzipSync(gz).length, large[i].length));
  }
});

test('the thread keeps a process alive while it has an answer to compress, and no longer', { timeout: 30000 }, async () => {
  const { spawn } = await import('node:child_process');
  const http = new URL('../src/http.js', import.meta.url).href;
  // A thread started, stopped, then started again (as by an answer still in flight after a
  // server's shutdown): the process compresses what it was given, then ends by itself.
  const script = `
    import { gzip, stopGzipThread } from ${JSON.stringify(http)};
    const body = Buffer.from('{"a":"' + 'x'.repeat(5000) + '"}');
    await gzip(body);
    await stopGzipThread();
    gzip(body).then((gz) => console.log('compressed', gz.length < body.length));`;
  // From a file: a script given with -e ends in another way.
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(`${tmpdir()}/rf-gzip-`);
  writeFileSync(`${dir}/late.mjs`, script);
  after(() => rmSync(dir, { recursive: true, force: true }));
  const child = spawn(process.execPath, [`${dir}/late.mjs`], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c) => { out += c; });
  const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
  const [code, signal] = await new Promise((resolve) => child.once('exit', (c, s) => resolve([c, s])));
  clearTimeout(timer);
  assert.equal(signal, null, 'ended by itself, not killed after 15 s');
  assert.equal(code, 0);
  assert.equal(out.trim(), 'compressed true');
});
