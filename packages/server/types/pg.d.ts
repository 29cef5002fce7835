/**
 * The few parts of node-postgres (`pg`) the server uses, for the type check of its JSDoc
 * (tsconfig.json here). Not shipped: the package's own `src/index.d.ts` does not expose pg.
 */
declare module 'pg' {
  interface QueryResult {
    rows: Record<string, unknown>[];
  }
  /** What `query` takes besides SQL text: a stream such as pg-copy-streams' COPY ... FROM STDIN. */
  interface Submittable {
    submit(connection: unknown): void;
  }
  export interface PoolClient {
    query(sql: string, params?: unknown[]): Promise<QueryResult>;
    query<T extends Submittable>(submittable: T): T;
    /** Back to the pool; with an error, closed and dropped from it instead. */
    release(error?: Error): void;
  }
  export class Client {
    constructor(config: { connectionString: string; application_name: string; options: string });
    connect(): Promise<void>;
    on(event: 'error', listener: (error: Error) => void): this;
    query(sql: string, params?: unknown[]): Promise<QueryResult>;
    query<T extends Submittable>(submittable: T): T;
    end(): Promise<void>;
  }
  export class Pool {
    constructor(config: { connectionString: string; max: number; application_name: string; options: string });
    connect(): Promise<PoolClient>;
    /** Callers of `connect` waiting for a connection. */
    readonly waitingCount: number;
    on(event: 'error', listener: (error: Error) => void): this;
    end(): Promise<void>;
  }
  const pg: { Pool: typeof Pool; Client: typeof Client };
  export default pg;
}
