/**
 * The CMS script (`dist/recovery-finder.js`): a small loader. It registers nothing itself;
 * it watches the page for `<recovery-*>` tags (those there now and any added later, as Web
 * Awesome's autoloader does) and imports each element's code the first time its tag is seen.
 * A page with only `<recovery-resource-search>` never downloads the map, disposal or
 * newsletter code.
 *
 * Safe to load twice, or beside another version: the first loader on the page does the work
 * (a second one only asks it to look again), and every element's registration is guarded.
 */
import { datasetTags, elementLoaders } from 'virtual:recovery-elements';

interface Loader {
  /** Look for tags not yet defined under `root` (a document or a shadow root) and load them. */
  discover(root: Document | ShadowRoot | Element): Promise<void>;
}

const KEY = Symbol.for('recovery-finder.loader');
/** Datasets asked for before their element's code has loaded (read by core/load.ts). */
const PREFETCH = Symbol.for('recovery-finder.prefetch');
/** Every dataset URL the loader has asked for on this page. */
const ASKED = Symbol.for('recovery-finder.prefetch-asked');
/** The elements that read a dataset from `src` (the registry, tools/elements.mjs). */
const DATASET_TAGS = new Set(datasetTags);
/** The dataset they read without `src`: the bundled file beside their code (the same URL as DEFAULT_DATASET_URL in kit/base/dataset-controller.ts, written here so the loader imports nothing). */
const BUNDLED = new URL('../data/resources.json?no-inline', import.meta.url).href;

/**
 * Ask for an element's JSON dataset at once (its `src`, or the bundled file when it has none
 * and no `data` was given), while its code is still on its way (two or three module round
 * trips): the element's own request takes this answer instead of asking again.
 */
function prefetch(el: Element): void {
  if (!DATASET_TAGS.has(el.localName) || el.hasAttribute('api') || 'data' in el) return;
  const src = el.getAttribute('src') || BUNDLED;
  if (/\.csv([?#]|$)/i.test(src)) return;
  let url: string;
  try {
    url = new URL(src, document.baseURI).href;
  } catch {
    return;
  }
  const store = ((globalThis as { [PREFETCH]?: Map<string, Promise<Response>> })[PREFETCH] ??= new Map());
  // Asked once per page: a later element finds the answer in the elements' shared cache.
  const asked = ((globalThis as { [ASKED]?: Set<string> })[ASKED] ??= new Set());
  if (asked.has(url)) return;
  asked.add(url);
  const answer = fetch(url, { headers: { Accept: 'application/json' } });
  answer.catch(() => store.delete(url)); // the element asks again, with its retries
  store.set(url, answer);
}

const page = globalThis as { [KEY]?: Loader };

/**
 * In the CMS build, a function the build appends to this file (vite.config.ts,
 * `preloadTable`): for each tag, the chunks its element's chunk imports, so they are asked for
 * at the same time as it instead of one round trip after it. Absent in the demo server.
 */
declare function __recoveryChunkDeps(): Record<string, string[]>;

/** Ask for an element's chunk and, at the same moment, for the chunks it imports. */
function importWithDeps(tag: string, importer: () => Promise<unknown>): Promise<unknown> {
  const deps = typeof __recoveryChunkDeps === 'function' ? (__recoveryChunkDeps()[tag] ?? []) : [];
  // Each is imported again by the element's chunk; a failure here is that import's to report.
  for (const dep of deps) import(/* @vite-ignore */ new URL(dep, import.meta.url).href).catch(() => undefined);
  return importer();
}

function start(): Loader {
  const pending = new Map<string, Promise<void>>();

  const load = (tag: string): Promise<void> => {
    let p = pending.get(tag);
    if (!p) {
      const importer = elementLoaders[tag];
      if (!importer) return Promise.resolve();
      p = importWithDeps(tag, importer).then(
        () => undefined,
        (e: unknown) => {
          pending.delete(tag); // a later sighting (or a reload of the script) may try again
          console.error(`recovery-finder: could not load <${tag}>`, e);
        },
      );
      pending.set(tag, p);
    }
    return p;
  };

  const discover = async (root: Document | ShadowRoot | Element): Promise<void> => {
    const tags = new Set<string>();
    if (root instanceof Element && root.localName.startsWith('recovery-')) tags.add(root.localName);
    if (root instanceof Element && !customElements.get(root.localName)) prefetch(root);
    for (const el of root.querySelectorAll(':not(:defined)')) {
      if (el.localName.startsWith('recovery-')) {
        tags.add(el.localName);
        prefetch(el);
      }
    }
    await Promise.all([...tags].filter((t) => !customElements.get(t)).map(load));
  };

  new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) if (node instanceof Element) void discover(node);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  void discover(document);
  return { discover };
}

const loader = page[KEY] ?? (page[KEY] = start());
// A second copy: tags added between the two loads are already seen by the first one's
// observer; looking once more costs nothing and covers a first copy that failed to load one.
void loader.discover(document);

/** Load the elements under a root the observer cannot see (for example a shadow root). */
export const discover = (root: Document | ShadowRoot | Element): Promise<void> => loader.discover(root);
