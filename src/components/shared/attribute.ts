/**
 * Text attributes that go back to their default when a site removes them. Lit's plain string
 * attribute sets its property to `null` on removal, which an element's text code does not
 * expect (a `null` interests list throws). Use for every text property with a default:
 * `@property({ attribute: 'field-email', converter: orDefault('email') }) fieldEmail = 'email'`.
 */
import type { ComplexAttributeConverter } from 'lit';

/** Reads a text attribute; its removal gives `fallback` (the property's default). */
export function orDefault(fallback: string): ComplexAttributeConverter<string> {
  return { fromAttribute: (value: string | null) => value ?? fallback };
}
