/**
 * The map's tile credit: OpenStreetMap's tile URL and credit, and a site's `attribution` made
 * safe for Leaflet (text and http(s) links only).
 */
import { safeHttpUrl } from '../../core/links.js';

export const OSM_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const OSM_ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™', middot: '·', ndash: '–', mdash: '—',
};

/** Text with the common HTML entities read (`&copy;` -> ©), tags dropped. */
function attributionText(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, (whole, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    });
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The `attribution` attribute as the HTML Leaflet will set: text and http(s) links only.
 * Links (`<a href="https://...">words</a>`) are kept with their words as text; every other
 * tag is dropped, entities are read, and the rest is escaped, so nothing a page author (or a
 * script that sets the attribute) writes can run or add any other element.
 */
export function safeAttribution(input: string): string {
  let out = '';
  let last = 0;
  const links = /<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi;
  for (let m = links.exec(input); m; m = links.exec(input)) {
    out += escapeHtml(attributionText(input.slice(last, m.index)));
    last = m.index + m[0].length;
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(m[1] ?? '');
    const url = safeHttpUrl(attributionText(href?.[1] ?? href?.[2] ?? href?.[3] ?? '').trim());
    const words = escapeHtml(attributionText(m[2] ?? ''));
    out += url ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer" target="_blank">${words}</a>` : words;
  }
  return out + escapeHtml(attributionText(input.slice(last)));
}
