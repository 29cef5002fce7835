/**
 * Made at build time by vite.config.ts (`elementsModule`) from the folders in src/components/
 * (tools/elements.mjs): for each element, its tag and a function importing its module.
 */
declare module 'virtual:recovery-elements' {
  export const elementLoaders: Record<string, () => Promise<unknown>>;
}
