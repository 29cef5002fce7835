/**
 * Localization: every user-facing string goes through @lit/localize's `msg()`.
 *
 * @lit/localize keeps one locale per page. An element follows, in order: its own `lang`
 * attribute, the nearest ancestor with `lang`, then `<html lang>` (watched, so a page that
 * switches language switches the elements too). Languages other than English and Spanish
 * fall back to English.
 */
import { configureLocalization } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sourceLocale, targetLocales } from '../../locales/locale-codes.js';

export type Locale = typeof sourceLocale | (typeof targetLocales)[number];

const loaders: Record<string, () => Promise<unknown>> = {
  es: () => import('../../locales/generated/es.js'),
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
        const load = loaders[locale];
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

/** The supported locale for a BCP 47 tag (`es-US` -> `es`), or English. */
export function localeFor(tag: string | null | undefined): Locale {
  const primary = (tag ?? '').toLowerCase().split('-')[0] ?? '';
  return (supported.has(primary) ? primary : sourceLocale) as Locale;
}

/** The locale an element should show: its own lang, an ancestor's, or the page's. */
export function localeOf(el: Element): Locale {
  const owner = el.closest('[lang]');
  if (owner) return localeFor(owner.getAttribute('lang'));
  const root = el.getRootNode();
  if (root instanceof ShadowRoot) return localeOf(root.host);
  return localeFor(document.documentElement.lang);
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
 * Keeps the page locale in step with the element's language. Add it in the constructor; the
 * element class must also carry `@localized()` so it re-renders when the locale changes.
 */
export class LocaleController implements ReactiveController {
  private observer?: MutationObserver;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    void apply(localeOf(this.host));
    this.observer = new MutationObserver(() => void apply(localeOf(this.host)));
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.observer.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
