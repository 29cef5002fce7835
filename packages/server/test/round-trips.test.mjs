// What an answer sends a real PostgreSQL server (db.js, `read`): the transaction's `begin`
// travels with the answer's first statement, and a distance-only list within GENERIC_PLAN_M
// runs with one plan for any circle, wider ones with plans made for their values.
// PostgreSQL only: PGlite has no connection to count round trips on.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { openDatabase, loadDatasets } from '@recovery-finder/server';
import { start, get } from './backends.mjs';
import { KNOWN, seeded, dataset, zips, HOME_ZIP } from './fixture.mjs';

const url = process.env.DATABASE_URL;

if (url) {
  /** Every query a pg client is asked to send, while `sent` is an array. */
  /** @type {string[] | undefined} */
  let sent;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, ...rest) {
    if (sent && typeof config === 'string') sent.push(config.replace(/\s+/g, ' '));
    return query.call(this, config, ...rest);
  };
  after(() => {
    pg.Client.prototype.query = query;
  });

  // One connection: the statements prepared by one answer are there for the next.
  const db = await openDatabase({ url, poolSize: 1 });
  let server;
  before(async () => {
    await loadDatasets(db, [dataset([...KNOWN, ...seeded(150, 3)])], { zips });
    server = await start(db, { cacheMb: 0 });
  });
  after(async () => {
    await server.close();
    await db.close();
  });

  /** The queries one GET sends, and its answer. */
  const ask = async (path) => {
    sent = [];
    const r = await get(server.base, path);
    const queries = sent;
    sent = undefined;
    assert.equal(r.status, 200, `${path}: ${r.text}`);
    return { queries, json: r.json };
  };
  const BEGIN = 'begin read only; lock table hsds.meta in access share mode; ';

  test('PostgreSQL: an answer whose statement is prepared is two round trips, begin with it and commit', async () => {
    for (const path of ['/services?per_page=5', '/services?search=support&per_page=5', `/service_at_locations?postcode=${HOME_ZIP}&proximity=20000&per_page=5`]) {
      const first = await ask(path);
      // The first ask prepares the statement in the transaction, opened on its own.
      assert.equal(first.queries[0], BEGIN.slice(0, -2), path);
      assert.ok(first.queries.some((q) => q.startsWith('savepoint rf_prepare; prepare rf_')), path);
      const again = await ask(path);
      assert.deepEqual(again.json, first.json, path);
      const text = again.queries.filter((q) => !q.startsWith('select')).map((q) => q.replace(/execute rf_\d+(\(.*?\))?(;|$)/, 'execute …$2'));
      assert.equal(again.queries.length, 2, `${path}: ${JSON.stringify(again.queries)}`);
      assert.ok(text[0]?.startsWith(BEGIN) && /execute …/.test(text[0]), `${path}: ${text[0]}`);
      assert.equal(text[1], 'commit', path);
    }
    // A ZIP code whose centre is not kept yet: its look-up is the first statement, and takes the begin.
    const other = await ask('/service_at_locations?postcode=02139&proximity=20000&per_page=5');
    assert.equal(other.queries.length, 3, JSON.stringify(other.queries));
    assert.match(other.queries[0] ?? '', /^begin read only; lock table hsds\.meta in access share mode; execute rf_\d+\(E'02139'\)$/);
    assert.equal(other.queries[2], 'commit');
  });

  test('PostgreSQL: a connection handed to a waiting answer carries the last commit with its first statement', async () => {
    const list = `select id from hsds.service order by id limit 3`;
    await db.read((tx) => tx.query(list, [], true)); // prepared on the one connection
    const [{ pid }] = await db.read((tx) => tx.query('select pg_backend_pid() as pid'));
    /** @type {() => void} */
    let go = () => undefined;
    const gate = new Promise((resolve) => { go = resolve; });
    sent = [];
    // A holds the one connection; B, a plain query and a write wait for it, in that order.
    const a = db.read(async (tx) => { const rows = await tx.query(list, [], true); await gate; return rows; });
    const b = db.read((tx) => tx.query(list, [], true));
    const plain = db.query('select 1 as one');
    const write = db.transaction((tx) => tx.query('create temporary table rf_carried (x int) on commit drop'));
    go();
    const [ra, rb, [one]] = await Promise.all([a, b, plain, write]);
    const queries = sent;
    sent = undefined;
    assert.deepEqual(rb, ra);
    assert.equal(one.one, 1);
    const steps = queries.map((q) => q.replace(/execute rf_\d+/g, 'execute …'));
    assert.deepEqual(steps, [
      `${BEGIN}execute …`,
      // A's commit travels with B's first statement (B was waiting when A ended) …
      `commit; ${BEGIN}execute …`,
      // … and B's goes on its own before the plain query, which runs in no transaction of a read,
      'commit', 'select 1 as one',
      // as does the write (it would fail in a read-only transaction).
      'begin', 'create temporary table rf_carried (x int) on commit drop', 'commit',
    ]);
    // An answer that sends nothing (a bad parameter, say) still sends the commit it was handed.
    let open = () => undefined;
    const held = new Promise((resolve) => { open = resolve; });
    sent = [];
    const c = db.read(async (tx) => { await tx.query(list, [], true); await held; });
    const d = db.read(async () => 'no statement');
    open();
    await c;
    assert.equal(await d, 'no statement');
    assert.deepEqual(sent.map((q) => q.replace(/execute rf_\d+/g, 'execute …')), [`${BEGIN}execute …`, 'commit']);
    sent = undefined;
    // Nothing is left open once no answer waits.
    const other = new pg.Client(url);
    await other.connect();
    const { rows } = await other.query('select state from pg_stat_activity where pid = $1', [pid]);
    await other.end();
    assert.equal(rows[0]?.state, 'idle');
  });

  test('PostgreSQL: a distance-only list within 100 km runs with one plan for any circle, a wider one with plans for its values', async () => {
    /** The distance list's prepared statement on the one connection: how many times each kind of plan ran. */
    const plans = async () => {
      const rows = await db.read((tx) => tx.query(`select generic_plans, custom_plans from pg_prepared_statements where statement ~ 'order by k[.]geog <->[^;]*offset 3 limit 1'`));
      assert.equal(rows.length, 1, 'the distance list is prepared once on the connection');
      return { generic: Number(rows[0].generic_plans), custom: Number(rows[0].custom_plans) };
    };
    const near = `/service_at_locations?postcode=${HOME_ZIP}&proximity=`;
    await ask(`${near}1000&per_page=4`);
    assert.deepEqual(await plans(), { generic: 1, custom: 0 }, 'the plan for any circle from the first ask');
    for (const m of [20000, 100000]) await ask(`${near}${m}&per_page=4`);
    const within = await plans();
    assert.deepEqual(within, { generic: 3, custom: 0 }, 'within 100 km: the plan for any circle');
    // That plan counts the circle's places as a bitmap of the point index (the box as two halves),
    // not place by place through it.
    const [statement] = (await ask(`${near}20000&per_page=4`)).queries.join('\n').match(/execute rf_\d+\(.*?\)(?=; reset plan_cache_mode)/) ?? [];
    assert.ok(statement, 'the EXECUTE of the distance list');
    const plan = (await db.read((tx) => tx.query(`set local plan_cache_mode = force_generic_plan; explain (costs off) ${statement}`))).map((r) => r['QUERY PLAN']).join('\n');
    assert.match(plan, /BitmapOr[\s\S]*Bitmap Index Scan on service_at_location_point_idx/, plan);
    assert.doesNotMatch(plan, /Index Scan using service_at_location_point_idx/, plan);
    const wide = await ask(`${near}100001&per_page=4`);
    assert.ok(!wide.queries.some((q) => q.includes('plan_cache_mode')), 'wider: PostgreSQL chooses');
    const after = await plans();
    assert.equal(after.custom, within.custom + 1, 'wider than 100 km: a plan made for the circle');
    // The same places either way (the plan changes how they are read, not which).
    const a = (await ask(`${near}100000&per_page=30`)).json;
    const b = (await ask(`${near}100001&per_page=30`)).json;
    assert.ok(a.total_items > 30 && a.total_items <= b.total_items);
    assert.deepEqual(a.contents.map((x) => x.id), b.contents.map((x) => x.id));
  });
}
