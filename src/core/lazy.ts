/**
 * Code loaded the first time it is asked for (a dynamic `import()`: the builds make it a chunk
 * of its own, so a page that never asks never downloads it). The one lazy helper: every caller
 * shares one load, what has come is kept, and a failed load is forgotten so the next ask tries
 * again (a dropped connection may come back). Core modules use it as it is; an element's parts
 * use LazyModule (kit/base/lazy.ts), which adds the element's update when it comes.
 *
 * DOM-free: never imports lit or leaflet.
 */
export class Lazy<T> {
  private value?: { readonly is: T } | undefined;
  private loading?: Promise<T> | undefined;

  /** @param importer Loads the code, e.g. `() => import('./nearest.js')`; called once per load. */
  constructor(private readonly importer: () => Promise<T>) {}

  /** True once the code has come. */
  get loaded(): boolean {
    return this.value !== undefined;
  }

  /** The code once it has come; undefined until then (asking this starts nothing). */
  get current(): T | undefined {
    return this.value?.is;
  }

  /** The code: the load under way, or a new one (the first ask, or the next after a failure). */
  load(): Promise<T> {
    this.loading ??= this.importer().then(
      (is) => {
        this.value = { is };
        return is;
      },
      (e: unknown) => {
        this.loading = undefined;
        throw e;
      },
    );
    return this.loading;
  }
}
