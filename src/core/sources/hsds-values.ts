/**
 * Ordinary ways directories write a web address, an e-mail address and a phone number, read as
 * the forms the validator takes, instead of dropping the service that has them. What is still
 * not valid after this is dropped by the reader, that value alone (hsds-api.ts).
 *
 * DOM-free.
 */
import { EMAIL_PATTERN, HTTP_URL_PATTERN, PHONE_PATTERN } from '../patterns.js';

/** A bare host name with an optional path: `www.example.org`, `example.org/help`. */
const BARE_HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,63}(?::\d+)?(?:[/?#]\S*)?$/i;

/** `www.example.org` → `https://www.example.org`; `//example.org` → `https://example.org`; others as given. */
export function webAddress(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text || HTTP_URL_PATTERN.test(text)) return text || undefined;
  const bare = text.replace(/^\/\//, '');
  return BARE_HOST.test(bare) ? `https://${bare}` : text;
}

/** `Info <info@example.org>` or `mailto:info@example.org` → `info@example.org`; others as given. */
export function emailAddress(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text || EMAIL_PATTERN.test(text)) return text || undefined;
  const inside = /<([^<>\s]+@[^<>\s]+)>/.exec(text)?.[1] ?? text.replace(/^mailto:/i, '').split('?')[0]?.trim();
  return inside && EMAIL_PATTERN.test(inside) ? inside : text;
}

/** The letters of a telephone keypad. */
const KEYPAD: Record<string, string> = Object.fromEntries(
  ['ABC', 'DEF', 'GHI', 'JKL', 'MNO', 'PQRS', 'TUV', 'WXYZ'].flatMap((letters, i) => [...letters].map((l) => [l, String(i + 2)])),
);

/**
 * `1-800-GET-HELP` → `1-800-438-4357`; `tel:+16175550100` → `+16175550100`; a number in quotes or
 * with a trailing full stop loses them. Others as given.
 */
export function phoneNumber(value: string | undefined): string | undefined {
  const text = value?.trim().replace(/^tel:/i, '').replace(/^["'\s]+|["'.\s]+$/g, '');
  if (!text || PHONE_PATTERN.test(text)) return text || undefined;
  // A vanity number: digits first, then letters standing for digits.
  if (/^\+?[\d(][\d ().-]*[A-Z][A-Z\d ().-]*$/i.test(text)) {
    const digits = text.replace(/[A-Z]/gi, (l) => KEYPAD[l.toUpperCase()] ?? l);
    if (PHONE_PATTERN.test(digits)) return digits;
  }
  return text;
}
