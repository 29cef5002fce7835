// The element registry, read from the element modules themselves: every module under src/
// that registers a `recovery-*` tag (`define('recovery-NAME', Class)`, or
// `customElements.define` / `@customElement`) is an element. Its class's JSDoc gives what a
// reader needs besides the tag: `@title` (the configurator's heading and the iframe's title) and
// `@embed-height` (the iframe's first height, px; 900 without it), `@fallback` (the WordPress
// plugin's default content inside the tag, HTML; a help line without it); its class chain tells
// whether it reads a dataset (it extends the dataset base class).
// The CMS loader (through `virtual:recovery-elements`), the vite build, the configurator, the
// size check, the bundle tests, ESLint, the package check and the docs all read this list, so
// adding an element is writing its module (CONTRIBUTING.md lists the few other steps);
// test/cli/elements-registry.test.mjs fails when a list that cannot read it goes stale.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The base class of every element that reads a dataset (`src`, `data`, `api`). */
const DATASET_BASE = 'RecoveryDatasetElement';
/** The iframe's first height when the element's JSDoc names none. */
const DEFAULT_EMBED_HEIGHT = 900;

/**
 * @typedef {object} Element
 * @property {string} name the tag without `recovery-`: the npm entry `dist/NAME.js`, the embed's `element=`
 * @property {string} tag the custom element's tag
 * @property {string} className the class registered for it
 * @property {string} module its module, relative to the repository root (`src/components/…/NAME.ts`)
 * @property {string} title a heading for it (`@title` in its JSDoc)
 * @property {number} embedHeight the iframe's first height in px (`@embed-height`)
 * @property {string} [fallback] the WordPress plugin's default content inside its tag (`@fallback`, HTML)
 * @property {boolean} readsData whether it reads a dataset (extends the dataset base class)
 * @property {string[]} ancestors its class chain, nearest first (the source's classes and `LitElement`)
 */

/** Every `.ts` file under a folder (sorted, so the registry's order is the same everywhere). */
function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts') && !d.name.endsWith('.d.ts'))
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

const CLASS = /^[ \t]*(?:export\s+)?(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)(?:<[^{]*?>)?\s+extends\s+([^{]+)\{/gm;
const DEFINE = /(?:\bdefine|customElements\.define)\(\s*['"](recovery-[a-z0-9-]+)['"]\s*,\s*([A-Za-z_$][\w$]*)/g;
const DECORATED = /@customElement\(\s*['"](recovery-[a-z0-9-]+)['"]\s*\)[\s\S]*?class\s+([A-Za-z_$][\w$]*)/g;

/** The JSDoc block just before `class NAME` (decorators between them allowed), or ''. */
function classDoc(source, className) {
  const at = source.search(new RegExp(`^[ \\t]*(?:export\\s+)?(?:abstract\\s+)?class\\s+${className}\\b`, 'm'));
  if (at < 0) return '';
  const before = source.slice(0, at);
  const end = before.lastIndexOf('*/');
  if (end < 0 || /\S/.test(before.slice(end + 2).replace(/^\s*@[\w.]+(\([^)]*\))?\s*$/gm, ''))) return '';
  return before.slice(before.lastIndexOf('/**', end), end + 2);
}

/** A JSDoc tag's text (up to the next tag or the end), or undefined. */
function docTag(doc, tag) {
  const m = new RegExp(`^\\s*\\*\\s*@${tag}\\s+([\\s\\S]*?)\\s*(?=^\\s*\\*\\s*@|\\*/)`, 'm').exec(doc);
  return m?.[1].replace(/\s*\n\s*\*\s*/g, ' ').trim() || undefined;
}

/**
 * The registry: every element, sorted by name.
 * @param {string} [root] the repository (a copy of it in the registry's test)
 * @returns {Element[]}
 */
export function elements(root = ROOT) {
  const files = tsFiles(join(root, 'src'))
    .filter((file) => !/[\\/]locales[\\/]generated[\\/]/.test(file))
    .map((file) => ({ file, source: readFileSync(file, 'utf8') }));
  /** Each class in src/ and the names its `extends` clause uses (mixins and bases). */
  const parents = new Map();
  for (const { source } of files) {
    for (const m of source.matchAll(CLASS)) parents.set(m[1], m[2].match(/[A-Za-z_$][\w$]*/g) ?? []);
  }
  const ancestors = (cls, seen = new Set()) => {
    for (const p of parents.get(cls) ?? []) {
      if (seen.has(p) || (p !== 'LitElement' && !parents.has(p))) continue;
      seen.add(p);
      ancestors(p, seen);
    }
    return [...seen];
  };
  const found = [];
  for (const { file, source } of files) {
    for (const m of [...source.matchAll(DEFINE), ...source.matchAll(DECORATED)]) {
      const [, tag, className] = m;
      const module = relative(root, file).split('\\').join('/');
      const doc = classDoc(source, className);
      const title = docTag(doc, 'title');
      if (!title) throw new Error(`${module}: <${tag}> (class ${className}) has no @title in its JSDoc`);
      const height = docTag(doc, 'embed-height');
      const chain = ancestors(className);
      found.push({
        name: tag.slice('recovery-'.length),
        tag,
        className,
        module,
        title,
        embedHeight: height ? Number(height) : DEFAULT_EMBED_HEIGHT,
        ...(docTag(doc, 'fallback') ? { fallback: docTag(doc, 'fallback') } : {}),
        readsData: chain.includes(DATASET_BASE),
        ancestors: chain,
      });
    }
  }
  const tags = found.map((e) => e.tag);
  const twice = tags.filter((t, i) => tags.indexOf(t) !== i);
  if (twice.length) throw new Error(`registered twice: ${twice.join(', ')}`);
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** @returns {string[]} the element names (tags without `recovery-`), sorted */
export function elementNames(root = ROOT) {
  return elements(root).map((e) => e.name);
}

/**
 * The classes elements are built on (their ancestors, `LitElement` included): ESLint's
 * `wc` rules treat a subclass of any of them as a custom element.
 * @returns {string[]}
 */
export function elementBaseClasses(root = ROOT) {
  return [...new Set(elements(root).flatMap((e) => e.ancestors))].sort();
}

/**
 * The source of `virtual:recovery-elements` (src/types/virtual-elements.d.ts): for each element
 * its tag and a dynamic `import()` of its module (so each element is a chunk of its own), the
 * tags of those that read a dataset, and each element's title and iframe height.
 * @param {Element[]} [list]
 * @returns {string}
 */
export function elementsModuleSource(list = elements()) {
  const loaders = list.map((e) => `  ${JSON.stringify(e.tag)}: () => import(${JSON.stringify(`/${e.module}`)}),`);
  const info = list.map(({ name, tag, title, embedHeight, readsData }) => ({ name, tag, title, embedHeight, readsData }));
  return [
    `export const elementLoaders = {\n${loaders.join('\n')}\n};`,
    `export const datasetTags = ${JSON.stringify(list.filter((e) => e.readsData).map((e) => e.tag))};`,
    `export const elements = ${JSON.stringify(info)};`,
    '',
  ].join('\n');
}
