/**
 * A part of an element's code that is not needed at first paint (the view of an empty search,
 * the actions behind a card's buttons, what `api` needs), loaded with a dynamic `import()` the
 * first time it is asked for. The CMS build makes each one a chunk of its own, so a page that
 * never shows the part never downloads it.
 *
 * `get()` gives the module once it has come, and starts loading it otherwise (the host updates
 * when it comes). `load()` waits for it: a button whose work lives in a lazy module awaits it
 * inside its click handler, so the first press is never lost and the focus stays where it is.
 * A failed load is named in the console and tried again on the next ask (the one lazy rule,
 * core/lazy.ts, with the host's update and its `updateComplete` wait added).
 */
import type { ReactiveControllerHost } from 'lit';
import { Lazy } from '../../core/lazy.js';

/** Loads still on their way, per host: the host's `updateComplete` waits for them. */
const inFlight = new WeakMap<object, Set<Promise<unknown>>>();

/** True while a lazy part of the host is still loading. */
export function lazyInFlight(host: ReactiveControllerHost): boolean {
  return Boolean(inFlight.get(host)?.size);
}

/** Resolves once no lazy part of the host is still loading (what has come has been rendered). */
export async function lazySettled(host: ReactiveControllerHost): Promise<void> {
  for (let set = inFlight.get(host); set?.size; set = inFlight.get(host)) {
    await Promise.all(set);
    await host.updateComplete;
  }
}

export class LazyModule<M> {
  private readonly code: Lazy<M>;
  private loading?: Promise<M | undefined> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    importer: () => Promise<M>,
    /** What the module is, for the console when it cannot be loaded. */
    private readonly what: string,
  ) {
    this.code = new Lazy(importer);
  }

  /** True once the module has come. */
  get loaded(): boolean {
    return this.code.loaded;
  }

  /** The module, or undefined while it loads (it starts loading now; the host updates when it comes). */
  get(): M | undefined {
    if (!this.code.loaded) void this.load();
    return this.code.current;
  }

  /** The module, once it has come; undefined when it could not be loaded. */
  load(): Promise<M | undefined> {
    if (this.code.loaded) return Promise.resolve(this.code.current);
    if (!this.loading) {
      const p = this.code.load().then(
        (m) => {
          this.host.requestUpdate();
          return m;
        },
        (e: unknown) => {
          console.warn(`recovery-finder: ${this.what} could not be loaded`, e);
          return undefined;
        },
      );
      const loading = p.finally(() => {
        this.loading = undefined;
        inFlight.get(this.host)?.delete(loading);
      });
      this.loading = loading;
      let set = inFlight.get(this.host);
      if (!set) inFlight.set(this.host, (set = new Set()));
      set.add(loading);
    }
    return this.loading;
  }
}

/**
 * Holds a view back until a module it needs has come: `waiting()` is true while the module
 * is on its way (it starts loading it, and updates the host when it settles, loaded or not).
 * The host then keeps what it shows, so nothing appears before the code that goes with it.
 */
export class LoadGate {
  private readonly loads = new Map<string, boolean>();

  constructor(private readonly host: ReactiveControllerHost) {}

  waiting(name: string, load: () => Promise<unknown>, loaded: () => boolean): boolean {
    if (loaded()) return false;
    const settled = this.loads.get(name);
    if (settled === undefined) {
      this.loads.set(name, false);
      void load().then(() => {
        this.loads.set(name, true);
        this.host.requestUpdate();
      });
    }
    return settled !== true;
  }
}
