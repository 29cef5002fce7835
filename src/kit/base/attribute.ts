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

/**
 * The type of a property whose attribute is an address (a dataset, an API, a tile template, a
 * form's action). The manifest (custom-elements.json) keeps the name, and the embed page
 * (src/embed/embed.ts) accepts such an attribute only from an allowed origin.
 */
export type UrlAttribute = string;

/**
 * The type of a property whose attribute puts a site's own words or contact addresses on
 * screen. The embed page accepts it only when its `recovery-finder-site-text` meta allows it.
 */
export type SiteTextAttribute = string;

/** What an attribute holds, for the embed page and the configurator. */
export type AttributeKind = 'url' | 'site-text' | 'boolean' | 'text';

/**
 * An attribute's kind from its type as custom-elements.json writes it (`type.text`, e.g.
 * `TaxonomyMap | UrlAttribute | undefined`): `url` for `UrlAttribute`, `site-text` for
 * `SiteTextAttribute`, `boolean`, or plain `text`.
 */
export function attributeKind(type: string | undefined): AttributeKind {
  const parts = (type ?? '').split('|').map((t) => t.trim());
  if (parts.includes('UrlAttribute')) return 'url';
  if (parts.includes('SiteTextAttribute')) return 'site-text';
  return parts.includes('boolean') ? 'boolean' : 'text';
}
