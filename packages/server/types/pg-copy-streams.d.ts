/**
 * The part of pg-copy-streams the server uses (db.js, the load's COPY ... FROM STDIN), for the
 * type check of its JSDoc (tsconfig.json here). Not shipped.
 */
declare module 'pg-copy-streams' {
  import type { Writable } from 'node:stream';
  /** A COPY ... FROM STDIN: pass it to a client's `query`, write COPY text to it, end it. */
  export interface CopyStreamQuery extends Writable {
    submit(connection: unknown): void;
  }
  export function from(sql: string): CopyStreamQuery;
}
