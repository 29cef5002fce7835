/** DOM-free core of recovery-finder: the data model, loading, search, geography and hours. */
export * from './schema.js';
