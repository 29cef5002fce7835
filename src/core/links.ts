/**
 * Links built from data. Lit escapes text but not URLs, so every href made from a record
 * goes through these: only http(s), tel, sms and mailto ever come out.
 */
import { HTTP_URL_PATTERN } from './patterns.js';
import { wellFormedText, type Address, type GeoLocation, type Phone } from './schema.js';

/**
 * `encodeURIComponent` that never throws: broken text (a lone UTF-16 surrogate) is encoded
 * as U+FFFD, so one bad value costs a character, never the link or the card.
 */
export function uriComponent(text: string): string {
  return encodeURIComponent(wellFormedText(text));
}

/** The record's URL if it is http(s), else undefined (the schema refuses others; this is the second lock). */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url || !HTTP_URL_PATTERN.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Digits (and a leading +) of a phone number, as a dialler wants them. */
export function dialable(number: string): string {
  const digits = number.replace(/[^\d+]/g, '');
  return digits.startsWith('+') ? `+${digits.slice(1).replace(/\+/g, '')}` : digits.replace(/\+/g, '');
}

/** `tel:` link, with the extension as a pause where there is one. */
export function telHref(phone: Pick<Phone, 'number' | 'extension'>): string {
  return `tel:${dialable(phone.number)}${phone.extension ? `,${phone.extension}` : ''}`;
}

/** `sms:` link, with a prefilled message where the line asks for one (e.g. HOPE). */
export function smsHref(phone: Pick<Phone, 'number' | 'text_body'>): string {
  const body = phone.text_body ? `?&body=${uriComponent(phone.text_body)}` : '';
  return `sms:${dialable(phone.number)}${body}`;
}

/** One line of an address, for display and for directions. */
export function addressLine(address: Address): string {
  const street = [address.address_1, address.address_2].filter(Boolean).join(', ');
  const town = [address.state_province, address.postal_code].filter(Boolean).join(' ');
  return [street, address.city, town].filter(Boolean).join(', ');
}

/**
 * A directions link that opens the phone's map app. The street address is preferred over
 * coordinates when the coordinates are only a ZIP or town centre; without either, no link.
 */
export function directionsUrl(address: Address | undefined, location: GeoLocation | undefined): string | undefined {
  let destination: string | undefined;
  // A town without a street is not a destination: directions would lead to its centre.
  if (address?.address_1) destination = addressLine(address);
  else if (location && location.precision === 'exact') destination = `${location.latitude},${location.longitude}`;
  if (!destination) return undefined;
  return `https://www.google.com/maps/dir/?api=1&destination=${uriComponent(destination)}`;
}

/** A mailto link with subject and body prefilled. */
export function mailtoHref(to: string, subject: string, body: string): string {
  return `mailto:${uriComponent(to).replace(/%40/g, '@')}?subject=${uriComponent(subject)}&body=${uriComponent(body)}`;
}
