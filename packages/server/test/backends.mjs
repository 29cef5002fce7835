/**
 * The databases the server tests run on: always PGlite; and a real PostgreSQL server too
 * when DATABASE_URL is set (.ci/run starts one; the README says how to start one locally).
 * Each test file runs its whole suite once per backend.
 */
import { request } from 'node:http';
import { openDatabase, createHsdsServer, shutdown } from '@recovery-finder/server';

export const BACKENDS = [
  { name: 'PGlite', options: {} },
  ...(process.env.DATABASE_URL ? [{ name: 'PostgreSQL', options: { url: process.env.DATABASE_URL, poolSize: 4 } }] : []),
];

/** Open a database of this backend. */
export const open = (backend) => openDatabase(backend.options);

/** Start an HSDS server on a free loopback port; returns { base, logs, close }. */
export async function start(db, options = {}) {
  const logs = [];
  const server = await createHsdsServer(db, { log: (entry) => logs.push(entry), ...options });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { server, base, logs, close: () => new Promise((resolve) => server.close(resolve)), stop: () => shutdown(server, db) };
}

/**
 * One raw HTTP request (node:http, so compressed bodies arrive as they were sent).
 * @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, body: Buffer, text: string, json: any }>}
 */
export function get(base, path, { method = 'GET', headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = body.toString('utf8');
        let json;
        if (res.headers['content-encoding'] !== 'gzip' && text) {
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text, json });
      });
    });
    req.on('error', reject);
    req.end();
  });
}
