// @ts-check
/**
 * The thread that compresses answers, one after another (http.js, `gzip`): each message a body's
 * bytes, an id and a level; each reply the id and the gzip of the bytes (without `gz`: it could
 * not be made here, and is made on libuv's pool).
 */
import { parentPort } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';

parentPort?.on('message', (/** @type {{ id: number, body: Uint8Array, level: number }} */ m) => {
  /** @type {Buffer | undefined} */
  let gz;
  try {
    gz = gzipSync(m.body, { level: m.level });
  } catch {
    gz = undefined;
  }
  parentPort?.postMessage({ id: m.id, gz });
});
