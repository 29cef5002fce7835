// @ts-check
/**
 * The thread that compresses answers, one after another (http.js, `gzip`): each message a body's
 * bytes, an id and a level; each reply the id and the gzip of the bytes (without `gz`: it could
 * not be made here, and is made on libuv's pool). `{ stop: true }` ends it.
 */
import { parentPort } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';

parentPort?.on('message', (/** @type {{ id: number, body: Uint8Array, level: number } | { stop: true }} */ m) => {
  // Asked to stop (http.js, `stopGzipThread`), after the bodies sent before: the port closes and
  // the thread ends by itself, never in the middle of a compression.
  if ('stop' in m) {
    parentPort?.close();
    return;
  }
  /** @type {Buffer | undefined} */
  let gz;
  try {
    gz = gzipSync(m.body, { level: m.level });
  } catch {
    gz = undefined;
  }
  parentPort?.postMessage({ id: m.id, gz });
});
