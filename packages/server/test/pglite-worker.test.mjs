// PGlite runs in a worker thread (db.js, pglite-worker.js): queries answer from there with
// PostgreSQL's errors and types, a worker that stops fails its queries (the server answers 503),
// and close() ends the worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase, loadDatasets } from '@recovery-finder/server';
import { start, get } from './backends.mjs';
import { dataset, zips } from './fixture.mjs';

test('a query error reaches the caller with its message and SQLSTATE code', async () => {
  const db = await openDatabase();
  try {
    const error = await db.query('select * from no_such_table').then(() => undefined, (e) => e);
    assert.ok(error instanceof Error);
    assert.equal(error.message, 'relation "no_such_table" does not exist');
    assert.equal(error.code, '42P01');
    // A failed transaction rolls back and keeps its error; the database goes on answering.
    const failed = await db.transaction(async (tx) => {
      await tx.query('create table t (n int)');
      await tx.query('select 1/0');
    }).then(() => undefined, (e) => e);
    assert.equal(failed.code, '22012');
    assert.deepEqual(await db.query(`select to_regclass('t') is null as gone`), [{ gone: true }]);
  } finally {
    await db.close();
  }
});

test('rows keep their types through the worker', async () => {
  const db = await openDatabase();
  try {
    const [row] = await db.query(
      `select 1::int8 as small, 9007199254740993::int8 as big, true as yes, null as nothing, 'é'::text as word,
              2.5::float8 as real, '{"x": [1]}'::jsonb as json, $1::int as param`, [7]);
    assert.deepEqual(row, { small: 1, big: 9007199254740993n, yes: true, nothing: null, word: 'é', real: 2.5, json: { x: [1] }, param: 7 });
  } finally {
    await db.close();
  }
});

test('the database runs off the main thread; a worker that dies fails its queries and the server answers 503', async () => {
  const db = await openDatabase();
  await loadDatasets(db, [dataset()], { zips });
  const server = await start(db);
  try {
    assert.equal((await get(server.base, '/services?per_page=1')).status, 200);
    let settled = false;
    const slow = db.query('select pg_sleep(600)').finally(() => {
      settled = true;
    });
    slow.catch(() => undefined);
    // The main thread is free while the query runs: a timer fires before it ends.
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(settled, false);
    const worker = db.worker;
    assert.ok(worker);
    await worker.terminate();
    await assert.rejects(slow, /PGlite worker\) stopped/);
    for (const path of ['/services?per_page=1', '/healthz', '/services?per_page=2']) {
      const answer = await get(server.base, path);
      assert.equal(answer.status, 503, path);
      assert.equal(answer.json.error, 'unavailable');
    }
  } finally {
    await server.stop();
  }
});

test('close() ends the worker', async () => {
  const db = await openDatabase();
  const worker = db.worker;
  assert.ok(worker);
  let exited = false;
  worker.once('exit', () => {
    exited = true;
  });
  await db.query('select 1');
  await db.close();
  assert.equal(exited, true);
  assert.equal(worker.threadId, -1);
  await assert.rejects(db.query('select 1'), /stopped/);
});
