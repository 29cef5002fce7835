/**
 * Made at build time by vite.config.ts (`attributesModule`) from custom-elements.json: for each
 * element's tag, its documented attributes and their kind (URL-valued, site text, boolean or plain text).
 */
declare module 'virtual:recovery-attributes' {
  export const elementAttributes: Record<string, Record<string, 'url' | 'site-text' | 'boolean' | 'text'>>;
}
