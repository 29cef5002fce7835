/**
 * The command line's `serve` and `load` (the BUILT dist/cli.js, as npm users run it):
 * starting, answering, stopping on SIGTERM, refusing bad data, saying how to install the
 * server package when it is missing, and `import` output feeding `load`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { connect } from 'node:net';
import { get } from './backends.mjs';
import { dataset, KNOWN, root } from './fixture.mjs';
import { cli, serve } from './serve.mjs';

if (!existsSync(cli)) throw new Error('dist/cli.js is missing: build it first with "npx vite build --mode cli"');

const run = (args, options = {}) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', ...options });

/** A temporary folder, deleted when the test ends. */
function tempDir(t) {
  const dir = mkdtempSync(join(tmpdir(), 'recovery-serve-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return { dir };
}

test('serve FILE answers HSDS on PGlite, logs requests as JSON lines, and stops cleanly on SIGTERM', async (t) => {
  const tmp = tempDir(t);
  const file = join(tmp.dir, 'fixture.json');
  writeFileSync(file, JSON.stringify(dataset(KNOWN)));
  const { child, base, output } = await serve([file]);
  const r = await get(base, '/services?search=naloxone&full=false');
  assert.equal(r.status, 200);
  assert.deepEqual(r.json.contents.map((s) => s.name), ['Harm Reduction Drop-In']);
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const [code] = await exited;
  assert.equal(code, 0);
  const { stdout, stderr } = output();
  assert.match(stderr, /SIGTERM: finishing requests in flight/);
  assert.match(stderr, /stopped/);
  const entry = JSON.parse(stdout.trim().split('\n')[0]);
  assert.equal(entry.route, '/services');
  assert.deepEqual(entry.params, ['full', 'search']);
  assert.ok(!stdout.includes('naloxone'));
  await assert.rejects(get(base, '/healthz'), /ECONNREFUSED/);
});

/** One raw request line on its own connection; resolves with the status line (empty when dropped). */
function rawLine(base, target) {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let text = '';
    socket.on('data', (c) => (text += c.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(text));
    socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, 'latin1');
  });
}

for (const mode of ['PGlite', 'PostgreSQL']) {
  test(`serve (${mode}) answers request lines that are no URL with a 400 and keeps running (#20)`, { skip: mode === 'PostgreSQL' && !process.env.DATABASE_URL && 'DATABASE_URL is not set' }, async (t) => {
    const tmp = tempDir(t);
    const file = join(tmp.dir, 'fixture.json');
    writeFileSync(file, JSON.stringify(dataset(KNOWN)));
    const { child, base, output } = await serve(mode === 'PGlite' ? [file] : [file, '--database', process.env.DATABASE_URL]);
    const targets = ['http://[', 'http://a:b:c/services', 'http://x:99999/', 'http://%zz/', 'http://user:pass@/', '/services/%ZZ', '/services?modified_after=2021-02-29'];
    try {
      for (const target of targets) {
        const text = await rawLine(base, target);
        assert.match(text, /^HTTP\/1\.1 400 /, target);
        assert.match(text, /\r\n\r\n\{"error":"bad_(request|parameter)"/, target);
        assert.equal((await get(base, '/services?full=false')).json.total_items, KNOWN.length, target);
      }
    } finally {
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      assert.equal(code, 0);
    }
    const { stdout, stderr } = output();
    // One JSON log line per request (each hostile one and each check after it), no stack trace.
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.status), targets.flatMap(() => [400, 200]));
    assert.doesNotMatch(stderr, /error on|\n\s+at /);
  });
}

test('import (CSV) output feeds serve', async (t) => {
  const tmp = tempDir(t);
  const out = join(tmp.dir, 'imported.json');
  const imported = run(['import', join(root, 'test/fixtures/import-example.csv'), '--out', out]);
  assert.equal(imported.status, 0, imported.stderr);
  const { child, base } = await serve([out, '--quiet']);
  try {
    const r = await get(base, '/services?search=Example%20Peer%20Recovery&full=false');
    assert.equal(r.json.contents[0]?.name, 'Example Peer Recovery Center');
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});

test('serve and load refuse bad input with a clear message', () => {
  const none = run(['serve']);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /serve needs a dataset FILE/);
  const invalid = run(['serve', join(root, 'test/fixtures/invalid-records.json')]);
  assert.equal(invalid.status, 1);
  assert.match(invalid.stderr, /Nothing was loaded/);
  const noDb = run(['load', join(root, 'data/resources.json')]);
  assert.equal(noDb.status, 2);
  assert.match(noDb.stderr, /load needs --database/);
  const badPort = run(['serve', join(root, 'data/resources.json'), '--port', 'eighty']);
  assert.equal(badPort.status, 2);
  assert.match(badPort.stderr, /--port must be a whole number/);
  const badDistance = run(['serve', join(root, 'data/resources.json'), '--distance', 'far']);
  assert.equal(badDistance.status, 2);
  assert.match(badDistance.stderr, /--distance must be auto, postgis or bbox/);
});

test('without the server package, serve says how to install it', (t) => {
  // The built CLI alone, as an npm user of the elements has it: no @recovery-finder/server.
  const tmp = tempDir(t);
  cpSync(join(root, 'dist'), join(tmp.dir, 'dist'), { recursive: true, filter: (src) => !src.endsWith('.map') });
  // ...with the elements' own dependencies that the CLI imports, and nothing else.
  mkdirSync(join(tmp.dir, 'node_modules'));
  for (const dep of ['papaparse', 'valibot']) symlinkSync(join(root, 'node_modules', dep), join(tmp.dir, 'node_modules', dep));
  const r = spawnSync(process.execPath, [join(tmp.dir, 'dist/cli.js'), 'serve', join(root, 'data/resources.json')], {
    cwd: tmp.dir,
    encoding: 'utf8',
  });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /npm install @recovery-finder\/server/);
});

test('load --database replaces the data atomically; a bad file changes nothing', { skip: !process.env.DATABASE_URL && 'DATABASE_URL is not set' }, async (t) => {
  const tmp = tempDir(t);
  const url = process.env.DATABASE_URL;
  const good = join(tmp.dir, 'good.json');
  writeFileSync(good, JSON.stringify(dataset(KNOWN)));
  const loaded = run(['load', good, '--database', url]);
  assert.equal(loaded.status, 0, loaded.stderr);
  assert.match(loaded.stdout, new RegExp(`loaded ${KNOWN.length} services`));
  const bad = run(['load', join(root, 'test/fixtures/invalid-records.json'), '--database', url]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /Nothing was loaded/);
  const { child, base } = await serve(['--database', url, '--quiet']);
  try {
    assert.equal((await get(base, '/healthz')).json.services, KNOWN.length);
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
  const csv = join(tmp.dir, 'imported.json');
  assert.equal(run(['import', join(root, 'test/fixtures/import-example.csv'), '--out', csv]).status, 0);
  const again = run(['load', csv, '--database', url]);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /loaded 3 services/);
});
