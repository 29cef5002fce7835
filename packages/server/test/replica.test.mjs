/**
 * More than one server: two `serve` processes (the BUILT dist/cli.js) reading from a streaming
 * replica of one PostgreSQL primary, `load` run on the primary. While clients read, a load
 * replaces the data: every answer is the old dataset's or the new one's, never a mix, never
 * an error.
 *
 * The primary and the replica are Debian's PostgreSQL 15 (tools/pg-test-server.sh: throwaway
 * data folders, loopback only), started here and stopped at the end. Where those binaries are
 * missing the test is skipped and says so (.ci/run installs them).
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidFor } from '@recovery-finder/server';
import { get } from './backends.mjs';
import { KNOWN, seeded, dataset, root, HOME_ZIP } from './fixture.mjs';
import { cli, serve } from './serve.mjs';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const missing = ['initdb', 'pg_ctl', 'pg_basebackup'].filter((b) => !existsSync(join(PG_BIN, b)));
const skip = missing.length
  ? `skipped: Debian's PostgreSQL 15 binaries are missing (${missing.join(', ')} in ${PG_BIN}); install postgresql-15 to run it`
  : false;
if (skip) process.stdout.write(`replica test ${skip}\n`);

const script = join(root, 'tools/pg-test-server.sh');

/** Run tools/pg-test-server.sh and read the `export A=x B=y` line it prints. */
function pgScript(...args) {
  // (never the folder of the server .ci/run started for the other tests: PG_TEST_DIR is its)
  const out = execFileSync(script, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, PG_TEST_DIR: '' } });
  return Object.fromEntries([...out.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]]));
}

/** `load` on the command line; resolves with its exit code and output. */
function load(url, file) {
  const child = spawn(process.execPath, [cli, 'load', '--database', url, file], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  return once(child, 'exit').then(([code]) => ({ code, output }));
}

/** Wait until `check` says yes (asked again every 50 ms). */
async function until(check) {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('two servers on a streaming replica, load on the primary', { skip }, () => {
  let primary;
  let replica;
  let tmp;
  const servers = [];
  const OLD = [...KNOWN, ...seeded(200, 3)];
  const NEW = [...KNOWN.slice(0, 3), ...seeded(150, 77).map((r) => ({ ...r, id: `new-${r.id}`, name: `New ${r.name}` }))];

  before(async () => {
    if (!existsSync(cli)) throw new Error('dist/cli.js is missing: build it first with "npx vite build --mode cli"');
    tmp = mkdtempSync(join(tmpdir(), 'recovery-replica-'));
    writeFileSync(join(tmp, 'old.json'), JSON.stringify(dataset(OLD, 'Old')));
    writeFileSync(join(tmp, 'new.json'), JSON.stringify(dataset(NEW, 'New')));
    primary = pgScript('start');
    replica = pgScript('replica', primary.PG_TEST_DIR);
  });

  after(async () => {
    for (const s of servers) {
      const exited = once(s.child, 'exit');
      s.child.kill('SIGTERM');
      await exited;
    }
    if (replica?.PG_REPLICA_DIR) spawnSync(script, ['stop', replica.PG_REPLICA_DIR], { stdio: 'inherit', env: { ...process.env, PG_TEST_DIR: '' } });
    if (primary?.PG_TEST_DIR) spawnSync(script, ['stop', primary.PG_TEST_DIR], { stdio: 'inherit', env: { ...process.env, PG_TEST_DIR: '' } });
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('reads come from the replica, a load on the primary reaches both servers, and no answer mixes two loads', async () => {
    // The replica is read-only: a load there fails and says why.
    const refused = await load(replica.REPLICA_URL, join(tmp, 'old.json'));
    assert.notEqual(refused.code, 0);
    assert.match(refused.output, /read-only|recovery/i);

    const loaded = await load(primary.DATABASE_URL, join(tmp, 'old.json'));
    assert.equal(loaded.code, 0, loaded.output);
    // Two stateless servers on the replica: one with the answer cache (the default), one without.
    servers.push(await serve(['--database', replica.REPLICA_URL, '--quiet']), await serve(['--database', replica.REPLICA_URL, '--quiet', '--cache-mb', '0']));
    const services = async (s) => (await get(s.base, '/healthz')).json?.services;
    await until(async () => (await Promise.all(servers.map(services))).every((n) => n === OLD.length));

    const housing = uuidFor('taxonomy_term', 'recovery-finder-category', 'housing');
    const paths = [
      '/services?per_page=100&full=false',
      '/services?per_page=5',
      '/services?search=support&full=false&per_page=40&page=2',
      `/services?taxonomy_term_id=${housing}&full=false`,
      `/service_at_locations?postcode=${HOME_ZIP}&proximity=8000&full=false&per_page=50`,
      `/services/${uuidFor('service', KNOWN[0].id)}`,
    ];
    /** The answer to each path, as text, from the first server (both give the same). */
    const answers = async () => Object.fromEntries(await Promise.all(paths.map(async (p) => [p, (await get(servers[0].base, p)).text])));
    const before = await answers();
    for (const p of paths) assert.ok((await get(servers[1].base, p)).text === before[p], `both servers: ${p}`);

    // Clients read from both servers while the new data is loaded on the primary.
    const seen = [];
    let reading = true;
    const client = async (k) => {
      for (let i = k; reading; i++) {
        const s = servers[i % servers.length];
        const p = paths[i % paths.length];
        const r = await get(s.base, p);
        seen.push({ p, status: r.status, text: r.text });
      }
    };
    const clients = [0, 1, 2, 3].map(client);
    const swapped = await load(primary.DATABASE_URL, join(tmp, 'new.json'));
    assert.equal(swapped.code, 0, swapped.output);
    await until(async () => (await Promise.all(servers.map(services))).every((n) => n === NEW.length));
    // A few more rounds on the new data, then stop.
    const atSwap = seen.length;
    await until(() => seen.length >= atSwap + 2 * paths.length);
    reading = false;
    await Promise.all(clients);

    const afterwards = await answers();
    // (the one service kept from the old data answers the same)
    for (const p of paths.slice(0, -1)) assert.ok(afterwards[p] !== before[p], `the new data answers differently: ${p}`);
    assert.ok(seen.length > 4 * paths.length, `clients read during the load (${seen.length} answers)`);
    for (const x of seen) {
      assert.equal(x.status, 200, `${x.p}: ${x.text.slice(0, 200)}`);
      assert.ok(x.text === before[x.p] || x.text === afterwards[x.p], `${x.p}: one dataset or the other, never a mix`);
    }
  });
});
