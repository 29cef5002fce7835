/**
 * Made at build time by vite.config.ts (and for the tests by web-test-runner.config.mjs) from the
 * element registry (tools/elements.mjs, read from the element modules themselves).
 */
declare module 'virtual:recovery-elements' {
  /** Each element's tag and a function importing its module. */
  export const elementLoaders: Record<string, () => Promise<unknown>>;
  /** The tags of the elements that read a dataset (`src`, `data`, `api`). */
  export const datasetTags: string[];
  /** Each element, sorted by name: its name (the tag without `recovery-`), tag, title, iframe height and whether it reads a dataset. */
  export const elements: Array<{ name: string; tag: string; title: string; embedHeight: number; readsData: boolean }>;
}
