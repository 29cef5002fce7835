/**
 * The one cache of the library's data: what was asked for once (a dataset by URL, a request
 * shared by URL, an HSDS directory's terms, a taxonomy file, an organization, a service's
 * details, a question's pages), kept by key so that it is not asked for again.
 *
 * One eviction policy for every store: at most `max` entries, and past that the entry put in
 * first goes first (first in, first out: reading an entry does not keep it longer). A promise
 * kept by {@link DataCache.remember} that rejects is forgotten, so the next ask tries again.
 *
 * DOM-free: never imports lit or leaflet.
 */
export class DataCache<V> {
  private readonly entries = new Map<string, V>();

  /** @param max The most entries kept (at least 1). */
  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`DataCache: max must be a whole number above 0, not ${max}`);
  }

  /** How many entries are kept. */
  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Keep `value` under `key` (a key already kept keeps its place in line), then evict the oldest past `max`. */
  set(key: string, value: V): void {
    this.entries.set(key, value);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /**
   * The value kept under `key`, or the one `make` gives, kept. A promise that rejects is
   * forgotten (if it is still the one kept), so the next ask makes it again.
   */
  remember(key: string, make: () => V): V {
    if (this.entries.has(key)) return this.entries.get(key) as V;
    const value = make();
    this.set(key, value);
    if (value instanceof Promise) {
      value.catch(() => {
        if (this.entries.get(key) === value) this.entries.delete(key);
      });
    }
    return value;
  }
}
