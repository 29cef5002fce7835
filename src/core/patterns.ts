/**
 * The text patterns of the data model, on their own so that code needing only a check (a
 * link, a phone) does not pull in the whole schema. schema.ts builds on these.
 */
/**
 * Links a person may follow. Lit escapes text but not attribute URLs: a `javascript:` URL in
 * an `href` runs when clicked. Only http(s) is allowed for web links.
 */
export const HTTP_URL_PATTERN = /^https?:\/\/[^\s<>"'`\\]+$/;
/** A phone: digits with the usual separators, 3 to 15 digits (911, 988, 3-1-1, short codes, E.164). */
export const PHONE_PATTERN = /^(?=(?:\D*\d){3,15}\D*$)\+?[\d(][\d ().-]*\d$/;
export const ID_PATTERN = /^[a-z0-9][a-z0-9._:-]{0,127}$/;
export { ZIP_PATTERN } from './zip.js';
export const TIME_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
export const DATE_PATTERN = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/** An organisational e-mail address (never a person's): checked loosely. */
/**
 * One plain address where reports of changes go, to be the whole recipient of a `mailto:` link:
 * no `?`, `&`, `;`, `,`, `%`, spaces, line breaks, `mailto:` prefix or display name.
 */
export const FEEDBACK_EMAIL_PATTERN = /^[A-Za-z0-9._+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
export const EMAIL_PATTERN = /^[^\s@<>"']+@[^\s@<>"']+\.[a-z]{2,}$/i;
