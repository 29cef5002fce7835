/**
 * The languages the elements speak: English and the eleven the City of Boston serves. Each is
 * named in its own language (what a language menu shows), with its writing direction. The tags
 * are lit-localize's (lit-localize.json `targetLocales`, one `xliff/<tag>.xlf` each) and are used
 * as they are: lit-localize accepts every one of them, so no tag needs a second spelling.
 */
export interface Language {
  /** The BCP 47 tag, as in lit-localize.json. */
  tag: string;
  /** The language's name for itself. */
  name: string;
  /** Writing direction. */
  dir: 'ltr' | 'rtl';
}

export const LANGUAGES: readonly Language[] = [
  { tag: 'en', name: 'English', dir: 'ltr' },
  { tag: 'es', name: 'Español', dir: 'ltr' },
  { tag: 'ht', name: 'Kreyòl ayisyen', dir: 'ltr' },
  { tag: 'zh-Hant', name: '繁體中文', dir: 'ltr' },
  { tag: 'zh-Hans', name: '简体中文', dir: 'ltr' },
  { tag: 'vi', name: 'Tiếng Việt', dir: 'ltr' },
  { tag: 'kea', name: 'Kabuverdianu', dir: 'ltr' },
  { tag: 'ru', name: 'Русский', dir: 'ltr' },
  { tag: 'ar', name: 'العربية', dir: 'rtl' },
  { tag: 'pt-BR', name: 'Português (Brasil)', dir: 'ltr' },
  { tag: 'fr', name: 'Français', dir: 'ltr' },
  { tag: 'so', name: 'Soomaali', dir: 'ltr' },
];

/**
 * The supported tag for any BCP 47 tag a page may carry, or undefined: `es-US` -> `es`,
 * `zh-TW`/`zh-HK`/`zh-MO`/`zh-Hant-*` -> `zh-Hant`, `zh`/`zh-CN`/`zh-SG`/`zh-Hans-*` -> `zh-Hans`,
 * `pt`/`pt-PT` -> `pt-BR` (the one Portuguese offered), `ar-EG` -> `ar`. Case does not matter.
 */
export function supportedTag(tag: string | null | undefined): string | undefined {
  const parts = (tag ?? '').trim().toLowerCase().split(/[-_]/);
  const primary = parts[0] ?? '';
  if (primary === 'zh') {
    const traditional = parts.some((p) => p === 'hant' || p === 'tw' || p === 'hk' || p === 'mo');
    return traditional ? 'zh-Hant' : 'zh-Hans';
  }
  if (primary === 'pt') return 'pt-BR';
  return LANGUAGES.find((l) => l.tag === primary)?.tag;
}

/** The writing direction of a supported tag. */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  return LANGUAGES.find((l) => l.tag === tag)?.dir ?? 'ltr';
}
