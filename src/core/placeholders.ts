/**
 * Signs that a record is an example, not a real place: the template's rows (data/template.csv)
 * and test data. `import` warns about each, so an editor who starts from the template never
 * publishes a fictional phone number by mistake.
 *
 * DOM-free: never imports lit or leaflet.
 */
import type { Resource } from './schema.js';

/** 555-0100 to 555-0199 are reserved for fiction in the North American Numbering Plan (NANPA). */
const FICTIONAL_NUMBER = /(?:^|\D)555[-. ]?01\d\d(?:\D|$)/;
/** Domains reserved for examples (RFC 2606). */
const EXAMPLE_HOST = /^(?:[\w-]+\.)*example\.(?:org|com|net)$/i;

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}

/** What makes a record look like an example, in words; empty for a record that does not. */
export function exampleSigns(r: Pick<Resource, 'name' | 'phones' | 'url'>): string[] {
  const signs: string[] = [];
  const fictional = (r.phones ?? []).map((p) => p.number).filter((n) => FICTIONAL_NUMBER.test(n));
  if (fictional.length > 0) signs.push(`the fictional number${fictional.length > 1 ? 's' : ''} ${fictional.join(', ')} (555-0100 to 555-0199 are reserved for examples)`);
  if (EXAMPLE_HOST.test(hostOf(r.url))) signs.push(`the example web address ${r.url ?? ''}`);
  if (/^example\b/i.test(r.name)) signs.push(`the name "${r.name}"`);
  return signs;
}
