/**
 * Headings at the level that fits the host page (`heading-level`): an element's own heading is
 * h2 by default, and the headings under it (result names, sections) one level lower.
 */
import { nothing, type TemplateResult } from 'lit';
import { html, literal, type StaticValue } from 'lit/static-html.js';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

const TAGS: Record<HeadingLevel, StaticValue> = {
  1: literal`h1`,
  2: literal`h2`,
  3: literal`h3`,
  4: literal`h4`,
  5: literal`h5`,
  6: literal`h6`,
};

/** A level from an attribute: a whole number from 1 to 6, or `fallback`. */
export function headingLevel(value: unknown, fallback: HeadingLevel = 2): HeadingLevel {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 6 ? (n as HeadingLevel) : fallback;
}

/** The level below `level` (h6 stays h6: there is no h7). */
export function below(level: HeadingLevel): HeadingLevel {
  return Math.min(level + 1, 6) as HeadingLevel;
}

export interface HeadingOptions {
  id?: string | undefined;
  class?: string | undefined;
  tabindex?: string | undefined;
}

/** `<hN>` with the given content; the look comes from the class, not the level. */
export function renderHeading(level: HeadingLevel, content: unknown, o: HeadingOptions = {}): TemplateResult {
  const tag = TAGS[level];
  // lit/static-html.js puts a `literal` in the tag position: the lint rules know only lit's html.
  // eslint-disable-next-line lit/binding-positions, lit/no-invalid-html
  return html`<${tag} class=${o.class ?? nothing} id=${o.id ?? nothing}>${content}</${tag}>`;
}
