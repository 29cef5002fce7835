/**
 * US ZIP codes: how one is written, and the place an element starts from (the site's `zip`).
 * The one home of these facts: the schema, the sign-up form, the page URL, the HSDS questions
 * and the ZIP tables all read them from here.
 *
 * DOM-free: never imports lit or leaflet.
 */

/** A ZIP as written in data and forms: five digits, or ZIP+4 ("02118", "02118-1234"). */
export const ZIP_PATTERN = /^\d{5}(?:-\d{4})?$/;

/** Exactly five digits: the form a ZIP has once looked up (in the page URL, sent to an HSDS API). */
const ZIP5 = /^\d{5}$/;

/** True for a five-digit ZIP ("02118"); false for ZIP+4, a dropped leading zero, or nothing. */
export function isZip(text: string | undefined): text is string {
  return text !== undefined && ZIP5.test(text);
}

/**
 * The five-digit ZIP in what a person typed: "02118" and " 02118-1234 " give "02118";
 * anything else ("2118", "2118a", "123", "02118-12") gives undefined. A dropped leading zero
 * is not guessed back.
 */
export function normalizeZip(input: string): string | undefined {
  const zip = input.trim();
  return ZIP_PATTERN.test(zip) ? zip.slice(0, 5) : undefined;
}

/** What an element knows when it decides whether to start from the site's `zip`. */
export interface SiteZipState {
  /** The `zip` setting was given or changed in this update. */
  changed: boolean;
  /** The element already holds a place (the person's, or one looked up). */
  placeHeld: boolean;
  /** A ZIP was given another way: the page URL's, or (the search) the one the person typed. */
  zipGiven?: boolean;
}

/**
 * The default-ZIP rule: the site's `zip` setting is the place an element starts from, looked up
 * when the setting is given or changed, unless the element already holds a place or a ZIP came
 * from the page URL or the person. Returns the ZIP to look up now, or undefined for none.
 */
export function siteZipToUse(zip: string | undefined, state: SiteZipState): string | undefined {
  return state.changed && zip && !state.placeHeld && !state.zipGiven ? zip : undefined;
}
