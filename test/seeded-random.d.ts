/** A small deterministic random generator (mulberry32); see seeded-random.js. */
export declare function seededRandom(seed: number): () => number;
