// Every attribute that looks like an address must be typed UrlAttribute in the manifest
// (custom-elements.json, `npm run cem`): the embed page checks exactly those against its
// allowed origins, so an address attribute left untyped would pass unchecked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
const ADDRESS = /\b(src|url|urls|api|action|href|tiles?|tables?|endpoint|link|address)\b/i;
/** Attributes whose name or description mentions an address but whose value is not one. */
const NOT_ADDRESSES = new Set([
  'sync-url', // a boolean: keep the search in the page's URL
  'url-prefix', // a prefix for the page's own query parameters
  'fallback-email', // an e-mail address: site text, checked as such
  'help', // auto/full/compact/none
  'list', // a mailing list's name
  'field-email', 'field-name', 'field-zip', 'field-interests', 'field-consent', 'field-key', // form field names
]);

const attributes = manifest.modules
  .flatMap((m) => m.declarations ?? [])
  .filter((d) => d.tagName)
  .flatMap((d) => (d.attributes ?? []).map((a) => ({ tag: d.tagName, ...a })));

test('the manifest lists attributes', () => assert.ok(attributes.length > 30));

test('every attribute that names an address is typed UrlAttribute', () => {
  const suspects = attributes.filter((a) => !NOT_ADDRESSES.has(a.name) && (ADDRESS.test(a.name.replaceAll('-', ' ')) || ADDRESS.test(a.description ?? '')));
  // Site text (attribution: credit with links) has its own check on the embed page.
  const kinds = (a) => (a.type?.text ?? '').split('|').map((t) => t.trim());
  const untyped = suspects.filter((a) => !kinds(a).includes('UrlAttribute') && !kinds(a).includes('SiteTextAttribute'));
  assert.deepEqual(untyped.map((a) => `${a.tag} ${a.name}: ${a.description ?? ''}`), []);
  assert.ok(suspects.length >= 20, `${suspects.length} address attributes`);
});
