/**
 * Text a site writes (a heading, an intro, a consent statement) in the page's language: for an
 * attribute `NAME`, the element shows `NAME-es` on a Spanish page, `NAME-en` on an English one,
 * and `NAME` when the attribute for that language is not there. `<recovery-prsc-map
 * intro="Free, peer-run..." intro-es="Centros gratuitos...">`.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { getLocale } from '../i18n/localize.js';

/**
 * For an element whose text properties are plain attributes: before each render, each listed
 * property takes its `ATTRIBUTE-LANG` value when the element has one, and goes back to what
 * the site gave it (the plain attribute, or the property it set) when not. Elements with
 * `@localized()` render again when the language changes, so the text follows the page.
 */
export class SiteTextController implements ReactiveController {
  /** What the site gave each property, before a language version replaced it. */
  private readonly own = new Map<string, unknown>();
  /** The value this controller last set, to tell it from a value the site set since. */
  private readonly set = new Map<string, unknown>();

  constructor(
    private readonly host: ReactiveElement,
    private readonly props: Record<string, string>,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const host = this.host as unknown as Record<string, unknown>;
    const locale = getLocale();
    for (const [prop, attr] of Object.entries(this.props)) {
      const current = host[prop];
      if (!this.set.has(prop) || this.set.get(prop) !== current) this.own.set(prop, current);
      const local = this.host.getAttribute(`${attr}-${locale}`);
      const next = local ?? this.own.get(prop);
      this.set.set(prop, next);
      if (next !== current) host[prop] = next;
    }
  }
}
