// Reads one HSDS page of every service (a directory that ignores per_page) through the HSDS
// source, while a PerformanceObserver records the page's long tasks. Built by bench/hsds-page.mjs.
import { hsdsApiSource } from '../src/core/sources/hsds-api.js';

declare global {
  interface Window {
    runHsdsPage(api: string): Promise<{ records: number; longest: number; longTasks: number; totalMs: number }>;
  }
}

window.runHsdsPage = async (api) => {
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push(e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const frames: { duration: number; scripts: string[] }[] = [];
  const loaf = new PerformanceObserver((list) => {
    for (const e of list.getEntries() as unknown as { duration: number; scripts: { invoker: string; sourceFunctionName: string; sourceCharPosition: number; duration: number }[] }[]) {
      frames.push({ duration: e.duration, scripts: e.scripts.map((x) => `${x.invoker} ${x.sourceFunctionName}@${x.sourceCharPosition} ${x.duration.toFixed(0)}ms`) });
    }
  });
  if (new URLSearchParams(location.search).has('loaf')) loaf.observe({ type: 'long-animation-frame', buffered: false });
  const start = performance.now();
  const loaded = await hsdsApiSource(api, { search: '', categories: [], zip: '', proximity: 0, pages: 1, perPage: 100 }).load(new AbortController().signal);
  const totalMs = performance.now() - start;
  await new Promise((r) => setTimeout(r, 100));
  observer.disconnect();
  loaf.disconnect();
  frames.sort((a, b) => b.duration - a.duration);
  if (frames.length) console.log(JSON.stringify(frames.slice(0, 3)));
  return { records: loaded.dataset.resources.length, longest: Math.max(0, ...tasks), longTasks: tasks.length, totalMs };
};
