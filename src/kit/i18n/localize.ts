/**
 * Localization: every user-facing string goes through @lit/localize's `msg()`.
 *
 * @lit/localize keeps one locale per page. An element follows, in order: its own `lang`
 * attribute, the nearest ancestor with `lang`, then `<html lang>` (watched, so a page that
 * switches language switches the elements too). A language the elements do not speak falls
 * back to English (src/locales/languages.ts lists the twelve, and how other tags map to them).
 *
 * `languages-reviewed-only` on the element or an ancestor (`<html>`, `<body>`…) refuses a
 * language whose translations are not all reviewed (src/locales/review-state.ts, written from
 * the XLIFF files): the element shows the language the attribute names if that one is
 * reviewed (`languages-reviewed-only="es"`), otherwise English.
 */
import { configureLocalization, msg } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { sourceLocale, targetLocales } from '../../locales/locale-codes.js';
import { LANGUAGES, directionOf, supportedTag } from '../../locales/languages.js';
import { reviewState } from '../../locales/review-state.js';

export type Locale = typeof sourceLocale | (typeof targetLocales)[number];

/** One lazy chunk per language (a literal path each, so the bundler splits them). */
const loaders: Record<(typeof targetLocales)[number], () => Promise<unknown>> = {
  ar: () => import('../../locales/generated/ar.js'),
  es: () => import('../../locales/generated/es.js'),
  fr: () => import('../../locales/generated/fr.js'),
  ht: () => import('../../locales/generated/ht.js'),
  kea: () => import('../../locales/generated/kea.js'),
  'pt-BR': () => import('../../locales/generated/pt-BR.js'),
  ru: () => import('../../locales/generated/ru.js'),
  so: () => import('../../locales/generated/so.js'),
  vi: () => import('../../locales/generated/vi.js'),
  'zh-Hans': () => import('../../locales/generated/zh-Hans.js'),
  'zh-Hant': () => import('../../locales/generated/zh-Hant.js'),
};

interface Localization {
  getLocale: () => string;
  setLocale: (locale: string) => Promise<void>;
}

/**
 * @lit/localize can be configured once per page. A second copy of this library on the page
 * (two script tags) reuses the first copy's configuration, found under a global symbol. A
 * host page that configured @lit/localize itself keeps its own: the elements then stay in
 * English, with a warning, rather than break the page.
 */
function configureOnce(): Localization {
  const key = Symbol.for('recovery-finder.localization');
  const page = globalThis as { [key: symbol]: Localization | undefined };
  const existing = page[key];
  if (existing) return existing;
  try {
    const configured = configureLocalization({
      sourceLocale,
      targetLocales,
      loadLocale: (locale) => {
        const load = loaders[locale as keyof typeof loaders] as (() => Promise<unknown>) | undefined;
        if (!load) throw new Error(`recovery-finder: no strings for ${locale}`);
        return load() as ReturnType<Parameters<typeof configureLocalization>[0]['loadLocale']>;
      },
    });
    page[key] = configured;
    return configured;
  } catch (e) {
    console.warn('recovery-finder: the page already configured @lit/localize; showing English.', e);
    return { getLocale: () => sourceLocale, setLocale: async () => undefined };
  }
}

export const { getLocale, setLocale } = configureOnce();

const supported = new Set<string>([sourceLocale, ...targetLocales]);

/** The supported locale for a BCP 47 tag (`es-US` -> `es`, `zh-TW` -> `zh-Hant`), or English. */
export function localeFor(tag: string | null | undefined): Locale {
  const found = supportedTag(tag);
  return (found && supported.has(found) ? found : sourceLocale) as Locale;
}

/** Whether every string of a language has a translation a reviewer marked (English: always). */
export function isReviewed(locale: string): boolean {
  if (locale === sourceLocale) return true;
  const s = reviewState[locale];
  return !!s && s.total > 0 && s.reviewed === s.total;
}

/** The nearest element matching `selector`: `el`, an ancestor, or (across shadow roots) a host's. */
function closestAcross(el: Element, selector: string): Element | null {
  const found = el.closest(selector);
  if (found) return found;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? closestAcross(root.host, selector) : null;
}

/**
 * The locale an element should show: its own lang, an ancestor's, or the page's; under
 * `languages-reviewed-only`, a language not fully reviewed gives way to the attribute's
 * language (if reviewed) or English.
 */
export function localeOf(el: Element): Locale {
  const wanted = localeFor(closestAcross(el, '[lang]')?.getAttribute('lang') ?? document.documentElement.lang);
  const gate = closestAcross(el, '[languages-reviewed-only]');
  if (!gate || isReviewed(wanted)) return wanted;
  const fallback = localeFor(gate.getAttribute('languages-reviewed-only'));
  return isReviewed(fallback) ? fallback : sourceLocale;
}

let pending: Promise<void> = Promise.resolve();
function apply(locale: Locale) {
  pending = pending.then(() => (getLocale() === locale ? undefined : setLocale(locale))).catch((e: unknown) => {
    console.warn('recovery-finder: could not switch language', e);
  });
  return pending;
}

/** Resolves once the page's current locale switch (if any) is done. For tests and demos. */
export function localeReady(): Promise<void> {
  return pending;
}

/**
 * In a right-to-left language, `parts` of `text` (phone numbers, text keywords) wrapped in
 * Unicode isolates (LRI … PDI), so "(617) 635 4500" keeps its order inside Arabic words; in a
 * left-to-right language, `text` as it is.
 */
export function isolate(text: string, ...parts: Array<string | undefined>): string {
  if (directionOf(getLocale()) !== 'rtl') return text;
  return parts.reduce<string>((t, part) => (part ? t.split(part).join(`\u2066${part}\u2069`) : t), text);
}

const WATCHED = ['lang', 'languages-reviewed-only'];

/**
 * Keeps the page locale in step with the element's language, and the element's `dir` (and its
 * `.base`'s `lang`) in step with the language it shows (`rtl` for Arabic). Add it in the constructor; the element class
 * must also carry `@localized()` so it re-renders when the locale changes. With the attribute
 * `language-picker` on the element, `renderPicker()` gives the language menu.
 */
export class LocaleController implements ReactiveController {
  private observer?: MutationObserver;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    void apply(localeOf(this.host));
    this.observer = new MutationObserver(() => void apply(localeOf(this.host)));
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: WATCHED });
    this.observer.observe(this.host, { attributes: true, attributeFilter: WATCHED });
  }

  hostUpdate(): void {
    const dir = directionOf(getLocale());
    if (this.host.getAttribute('dir') !== dir) this.host.setAttribute('dir', dir);
  }

  /**
   * The element's words are in the language shown, which is not the page's when that one is
   * not offered (or not reviewed): its `.base` says which, for screen readers and hyphenation.
   */
  hostUpdated(): void {
    const base = this.host.shadowRoot?.querySelector('.base');
    const locale = getLocale();
    if (base && base.getAttribute('lang') !== locale) base.setAttribute('lang', locale);
  }

  /** The language menu, when the element has `language-picker`; choosing sets the element's `lang`. */
  renderPicker(): TemplateResult | typeof nothing {
    if (!this.host.hasAttribute('language-picker')) return nothing;
    const gated = !!closestAcross(this.host, '[languages-reviewed-only]');
    const offered = LANGUAGES.filter((l) => !gated || isReviewed(l.tag));
    const current = getLocale();
    const id = 'language-picker';
    return html`<div class="language-picker" part="language-picker">
      <label for=${id}>${msg('Language', { desc: 'Label of the menu that switches the language of the element.' })}${
        current === sourceLocale ? nothing : html` <span lang="en">(Language)</span>`
      }</label>
      <select id=${id} @change=${(e: Event) => this.host.setAttribute('lang', (e.target as HTMLSelectElement).value)}>
        ${offered.map((l) => html`<option value=${l.tag} lang=${l.tag} dir=${l.dir} ?selected=${l.tag === current}>${l.name}</option>`)}
      </select>
    </div>`;
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
