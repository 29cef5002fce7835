// The benchmark's eyes inside a page (a classic script, first in <head>, before any element
// code). It reads only what a person sees: the element's shadow DOM (parts, roles, headings),
// never its private state. "Painted" is the end of the first frame whose DOM shows the thing:
// a requestAnimationFrame callback after the DOM changed, then a message posted from it, which
// runs once that frame's style, layout and paint are done. DOM changes are seen through a
// MutationObserver on the shadow root (a microtask after each change).
// The page sets window.__benchWatch = { host, waits: { name: selector }, autoZip } before this.
(() => {
  const config = window.__benchWatch ?? { host: '[data-bench]', waits: {} };
  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long task API: reported as none
  }

  const afterPaint = (cb) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => cb(performance.now());
      ch.port2.postMessage(0);
    });

  const host = () => document.querySelector(config.host);
  const root = () => host()?.shadowRoot ?? null;

  /** What a person reads: the result count line and the first five result headings. */
  function signature() {
    const r = root();
    if (!r) return '';
    const status = r.querySelector('[part~="status"]') ?? r.querySelector('[role="status"]');
    const names = [...r.querySelectorAll('[part~="result"]')]
      .slice(0, 5)
      .map((card) => card.querySelector('h2, h3, h4')?.textContent?.trim() ?? '');
    return `${status?.textContent?.trim().replace(/\s+/g, ' ') ?? ''} | ${names.join(' / ')}`;
  }

  // Navigation to each awaited thing painted. Until the element has its shadow root, look once
  // per frame; then watch the shadow root's changes (no polling that would cost the page time).
  const waits = {};
  const pending = new Map(Object.entries(config.waits ?? {}));
  let zipSubmitted;
  const check = (r) => {
    for (const [name, selector] of [...pending]) {
      if (r.querySelector(selector)) {
        pending.delete(name);
        const seen = performance.now();
        afterPaint((t) => (waits[name] = { seen, painted: t }));
      }
    }
    if (config.autoZip && zipSubmitted === undefined) {
      const input = r.querySelector('input[part~="input"]');
      if (input?.form) {
        input.value = config.autoZip;
        zipSubmitted = performance.now();
        input.form.requestSubmit();
      }
    }
    return pending.size > 0 || (config.autoZip && zipSubmitted === undefined);
  };
  const frame = () => {
    const r = root();
    if (!r) {
      requestAnimationFrame(frame);
      return;
    }
    if (!check(r)) return;
    const observer = new MutationObserver(() => {
      if (!check(r)) observer.disconnect();
    });
    observer.observe(r, { subtree: true, childList: true, attributes: true, characterData: true });
  };
  requestAnimationFrame(frame);

  // One key press at a time: the key's timestamp, then every DOM change with its signature
  // and the end of the frame that painted it.
  let watch;
  function arm() {
    watch?.observer.disconnect();
    const w = { before: signature(), key: undefined, batches: [], last: performance.now(), unpainted: 0 };
    w.observer = new MutationObserver(() => {
      const batch = { at: performance.now(), sig: signature(), painted: undefined };
      w.batches.push(batch);
      w.last = batch.at;
      w.unpainted++;
      afterPaint((t) => {
        batch.painted = t;
        w.unpainted--;
      });
    });
    w.observer.observe(root(), { subtree: true, childList: true, characterData: true, attributes: true });
    watch = w;
  }
  addEventListener(
    'keydown',
    (e) => {
      if (watch && watch.key === undefined) watch.key = e.timeStamp;
    },
    true,
  );
  /**
   * Resolves once nothing changed for `quietMs` (or `unchangedMs` while what a person reads is
   * still what it was before the key: a slow answer may be on its way) and every change was
   * painted; or after `maxMs` whatever happens (a page that never settles does not hang the run).
   */
  function settle(quietMs, unchangedMs = 1000, maxMs = 30000) {
    const start = performance.now();
    return new Promise((resolve) => {
      const check = () => {
        const w = watch;
        const changed = w.batches.some((b) => b.sig !== w.before);
        const quiet = w.unpainted === 0 && performance.now() - w.last >= (changed ? quietMs : unchangedMs);
        if (quiet || performance.now() - start > maxMs) {
          w.observer.disconnect();
          resolve({ before: w.before, key: w.key, end: performance.now(), batches: w.batches.map(({ at, sig, painted }) => ({ at, sig, painted })) });
        } else setTimeout(check, 20);
      };
      setTimeout(check, quietMs);
    });
  }

  window.__probe = {
    longTasks,
    waits,
    get zipSubmitted() {
      return zipSubmitted;
    },
    signature,
    arm,
    settle,
    resourceTiming: (part) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes(part))
        .map((e) => ({ name: e.name, responseEnd: e.responseEnd, transferSize: e.transferSize })),
  };
})();
