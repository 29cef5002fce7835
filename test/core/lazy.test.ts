// The one lazy rule (src/core/lazy.ts): one load shared by every caller, kept once it has come,
// a failure forgotten so the next ask tries again. LazyModule (kit/base/lazy.ts) is
// checked on top of it with a host that counts its updates.
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Lazy } from '../../src/core/lazy.js';
import { LazyModule } from '../../src/kit/base/lazy.js';

/** An importer that fails its first `failures` calls, then gives `{ n }` (n: the call's number). */
function importer(failures = 0) {
  const calls = { count: 0 };
  const load = async () => {
    calls.count++;
    if (calls.count <= failures) throw new Error('chunk could not be loaded');
    return { n: calls.count };
  };
  return { calls, load };
}

describe('Lazy', () => {
  it('loads once for every caller, and keeps what came', async () => {
    const { calls, load } = importer();
    const lazy = new Lazy(load);
    expect(lazy.loaded).to.equal(false);
    expect(lazy.current).to.equal(undefined);
    const [a, b] = await Promise.all([lazy.load(), lazy.load()]);
    expect(a).to.equal(b);
    expect(await lazy.load()).to.equal(a);
    expect(calls.count).to.equal(1);
    expect(lazy.loaded).to.equal(true);
    expect(lazy.current).to.equal(a);
  });

  it('forgets a failed load: the next ask tries again', async () => {
    const { calls, load } = importer(1);
    const lazy = new Lazy(load);
    let failed = false;
    await lazy.load().catch(() => (failed = true));
    expect(failed).to.equal(true);
    expect(lazy.loaded).to.equal(false);
    expect(await lazy.load()).to.deep.equal({ n: 2 });
    expect(calls.count).to.equal(2);
  });
});

describe('LazyModule (the rule, for an element)', () => {
  class Host implements ReactiveControllerHost {
    updates = 0;
    readonly updateComplete = Promise.resolve(true);
    addController(_c: ReactiveController): void {}
    removeController(_c: ReactiveController): void {}
    requestUpdate(): void {
      this.updates++;
    }
  }

  it('gives undefined while loading, then the module, with one host update', async () => {
    const host = new Host();
    const { calls, load } = importer();
    const part = new LazyModule(host, load, 'a test part');
    expect(part.get()).to.equal(undefined);
    const m = await part.load();
    expect(part.get()).to.equal(m);
    expect(part.loaded).to.equal(true);
    expect(calls.count).to.equal(1);
    expect(host.updates).to.equal(1);
  });

  it('a failed load gives undefined and is tried again on the next ask', async () => {
    const host = new Host();
    const { calls, load } = importer(1);
    const part = new LazyModule(host, load, 'a test part');
    const warn = console.warn;
    console.warn = () => {};
    try {
      expect(await part.load()).to.equal(undefined);
    } finally {
      console.warn = warn;
    }
    expect(await part.load()).to.deep.equal({ n: 2 });
    expect(calls.count).to.equal(2);
  });
});
