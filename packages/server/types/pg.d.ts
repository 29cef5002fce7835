/**
 * The few parts of node-postgres (`pg`) the server uses, for the type check of its JSDoc
 * (tsconfig.json here). Not shipped: the package's own `src/index.d.ts` does not expose pg.
 */
declare module 'pg' {
  interface QueryResult {
    rows: Record<string, unknown>[];
  }
  interface PoolClient {
    query(sql: string, params?: unknown[]): Promise<QueryResult>;
    release(): void;
  }
  export class Pool {
    constructor(config: { connectionString: string; max: number; application_name: string; options: string });
    query(sql: string, params?: unknown[]): Promise<QueryResult>;
    connect(): Promise<PoolClient>;
    on(event: 'error', listener: (error: Error) => void): this;
    end(): Promise<void>;
  }
  const pg: { Pool: typeof Pool };
  export default pg;
}
