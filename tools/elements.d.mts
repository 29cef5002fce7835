/** One element of the registry (tools/elements.mjs). */
export interface Element {
  /** The tag without `recovery-`: the npm entry `dist/NAME.js`, the embed's `element=`. */
  name: string;
  /** The custom element's tag. */
  tag: string;
  /** The class registered for it. */
  className: string;
  /** Its module, relative to the repository root. */
  module: string;
  /** A heading for it (`@title` in its JSDoc). */
  title: string;
  /** The iframe's first height in px (`@embed-height`, 900 without it). */
  embedHeight: number;
  /** The WordPress plugin's default content inside its tag (`@fallback`, HTML), if any. */
  fallback?: string;
  /** Whether it reads a dataset (extends the dataset base class). */
  readsData: boolean;
  /** Its class chain, nearest first. */
  ancestors: string[];
}
/** Every element registered under src/, sorted by name. */
export function elements(root?: string): Element[];
/** The element names (tags without `recovery-`), sorted. */
export function elementNames(root?: string): string[];
/** The classes elements are built on, `LitElement` included. */
export function elementBaseClasses(root?: string): string[];
/** The source of `virtual:recovery-elements`. */
export function elementsModuleSource(list?: Element[]): string;
