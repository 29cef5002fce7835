/**
 * The configurator's output (demo/configure.html): the exact HTML a web editor pastes, for the
 * script-tag path and the iframe path, and the Content Security Policy lines the host needs.
 * Pure functions, tested by pasting what they write into a blank page (test/demo/).
 */
import { attributeKind } from '../src/kit/base/attribute.js';

/** What the editor chose. */
export interface EmbedConfig {
  /** Element name without the prefix: resource-search, prsc-map, … (tools/elements.mjs). */
  element: string;
  /** Attribute values: a string, or true for a boolean attribute that is on. Empty and false are left out. */
  attributes: Record<string, string | boolean>;
  /** '' (follow the page) or one of the twelve language tags (src/locales/languages.ts). */
  lang: string;
  /** CSS values for the theme tokens; empty ones are left out. */
  theme: { color?: string; font?: string; radius?: string };
  /** Where `dist/` is uploaded, ending in '/': e.g. https://www.example.gov/assets/recovery-finder/. */
  base: string;
  /** Height of the iframe in CSS px when no script may run (the host script adjusts it). */
  height: number;
}

const THEME_TOKENS: Record<string, string> = { color: '--recovery-color-primary', font: '--recovery-font-family', radius: '--recovery-radius' };

/** Escape a value for a double-quoted HTML attribute. */
export function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * True when `value` may be written into a snippet as an address: an http(s) URL or a path
 * (`/assets/x/`, `./x`, `x/y`). Refused: any other scheme (`javascript:`, `data:`, `blob:`,
 * `vbscript:`, ...), protocol-relative (`//host`, `\\host`, `/\\host`), and any whitespace,
 * control character or backslash anywhere (`java\tscript:`, ` JAVASCRIPT:`), which browsers
 * strip or rewrite before reading the scheme.
 */
export function isSnippetUrl(value: string): boolean {
  if (value === '') return true;
  // Whitespace (also Unicode spaces), C0/C1 controls, DEL, invisible format characters, backslashes.
  if (/[\s\p{Cc}\p{Cf}\p{Z}\\]/u.test(value)) return false;
  if (value.startsWith('//')) return false;
  const scheme = /^([^/?]*?):/.exec(value);
  if (!scheme) return true; // a path: no colon before the first / or ?
  if (!/^https?$/i.test(scheme[1]!)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '';
  } catch {
    return false;
  }
}

/**
 * Whether an attribute's value is an address: the manifest types the attribute `UrlAttribute`
 * (`type` is its `type.text` in custom-elements.json). A property that also takes an object
 * (`api-taxonomy`: `TaxonomyMap | UrlAttribute`) given inline as JSON is not one.
 */
export function isUrlAttribute(type: string | undefined, value: string | boolean): value is string {
  if (typeof value !== 'string' || attributeKind(type) !== 'url') return false;
  const alsoObject = (type ?? '').split('|').some((t) => !['UrlAttribute', 'string', 'undefined'].includes(t.trim()));
  return !(alsoObject && value.trim().startsWith('{'));
}

function baseUrl(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

function chosen(config: EmbedConfig): Array<[string, string | true]> {
  return Object.entries(config.attributes).filter((e): e is [string, string | true] => e[1] !== false && e[1] !== '');
}

function themeEntries(config: EmbedConfig): Array<[string, string]> {
  return Object.entries(config.theme).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '');
}

/** The script-tag form: the loader, the element with its attributes, and the theme as CSS. */
export function scriptSnippet(config: EmbedConfig): string {
  const tag = `recovery-${config.element}`;
  const attrs = chosen(config).map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${attr(value)}"`));
  if (config.lang) attrs.push(` lang="${attr(config.lang)}"`);
  const lines = [`<script type="module" src="${attr(baseUrl(config.base))}recovery-finder.js"></script>`];
  const theme = themeEntries(config);
  if (theme.length) {
    lines.push('<style>');
    lines.push(`  ${tag} {`);
    for (const [key, value] of theme) lines.push(`    ${THEME_TOKENS[key]}: ${value.replace(/[;{}<>]/g, '')};`);
    lines.push('  }');
    lines.push('</style>');
  }
  lines.push(`<${tag}${attrs.join('')}></${tag}>`);
  return lines.join('\n');
}

/** The address of embed.html showing this configuration. */
export function embedUrl(config: EmbedConfig): string {
  const params = new URLSearchParams({ element: config.element });
  for (const [name, value] of chosen(config)) params.set(name, value === true ? '' : value);
  if (config.lang) params.set('lang', config.lang);
  for (const [key, value] of themeEntries(config)) params.set(key, value);
  return `${baseUrl(config.base)}embed.html?${params.toString().replace(/=(&|$)/g, '$1')}`;
}

/** The iframe form: the frame and the optional host script that fits its height. */
export function iframeSnippet(config: EmbedConfig, title: string): string {
  return [
    `<iframe src="${attr(embedUrl(config))}"`,
    `        title="${attr(title)}" allow="geolocation" data-recovery-finder`,
    `        style="width: 100%; height: ${Math.round(config.height)}px; border: 0"></iframe>`,
    `<script src="${attr(baseUrl(config.base))}embed-host.js"></script>`,
  ].join('\n');
}

function originOf(url: string, page: string): string | undefined {
  try {
    return new URL(url, page).origin;
  } catch {
    return undefined;
  }
}

/** The Content Security Policy directives the host page needs, one per line, for each form. */
export function cspLines(config: EmbedConfig, page = 'https://www.example.gov/'): { script: string[]; iframe: string[] } {
  const pageOrigin = originOf(page, page);
  const assets = originOf(baseUrl(config.base), page);
  const extra = (o: string | undefined) => (o && o !== pageOrigin ? ` ${o}` : '');
  const connect = new Set<string>();
  if (assets && assets !== pageOrigin) connect.add(assets);
  // Every attribute the elements fetch from: a dataset, a signup endpoint, the ZIP tables, an
  // HSDS directory (`api`) and its taxonomy map when that is a URL.
  for (const name of ['src', 'action', 'zip-table-url', 'zip-table-national-url', 'api', 'api-taxonomy']) {
    const v = config.attributes[name];
    const o = typeof v === 'string' && v ? originOf(v, page) : undefined;
    if (o && o !== pageOrigin) connect.add(o);
  }
  const tiles = config.attributes['tile-url'];
  const hasMap = config.element === 'prsc-map' || (config.element === 'disposal-locator' && config.attributes['no-map'] !== true);
  const tileOrigin = typeof tiles === 'string' ? (tiles ? originOf(tiles.replace(/\{[^}]*\}/g, '0'), page) : undefined) : 'https://tile.openstreetmap.org';
  const script = [
    `script-src 'self'${extra(assets)};`,
    `connect-src 'self'${[...connect].map((o) => ` ${o}`).join('')};`,
    `style-src 'self';`,
  ];
  if (hasMap) script.push(`img-src 'self' data:${tileOrigin ? ` ${tileOrigin}` : ''};`);
  const iframe = [`frame-src 'self'${extra(assets)};`, `script-src 'self'${extra(assets)};`];
  return { script, iframe };
}

/** The origins the shipped embed.html allows besides its own (its `recovery-finder-allowed-origins` meta). */
export const EMBED_ALLOWED_ORIGINS: readonly string[] = ['https://tile.openstreetmap.org'];

/** An address option the embed page refuses unless its meta lists the origin. */
export interface CrossOrigin {
  name: string;
  origin: string;
}

/**
 * The address options (`urlAttributes`: the names the manifest types `UrlAttribute`) whose
 * origin is not the embed page's own: embed.html, at `base`, takes them only when its
 * `recovery-finder-allowed-origins` meta lists that origin (src/core/allowed-origins.ts).
 * A relative address is the embed page's own. `page` stands for the host page that a relative
 * `base` is read against.
 */
export function crossOriginAttributes(config: EmbedConfig, urlAttributes: ReadonlySet<string>, page = 'https://www.example.gov/'): CrossOrigin[] {
  const embed = new URL('embed.html', new URL(baseUrl(config.base), page)).href;
  const own = originOf(embed, embed);
  const out: CrossOrigin[] = [];
  for (const [name, value] of chosen(config)) {
    if (!urlAttributes.has(name) || typeof value !== 'string') continue;
    // A tile template's {z}/{x}/{y} are not part of its origin.
    const origin = originOf(value.replace(/\{[^}]*\}/g, '0'), embed);
    if (origin && origin !== 'null' && origin !== own) out.push({ name, origin });
  }
  return out;
}

/**
 * The `recovery-finder-allowed-origins` line for embed.html that allows `origins` as well as
 * those the shipped file lists: the line to paste in place of the one there.
 */
export function allowedOriginsMeta(origins: Iterable<string>): string {
  const all = [...new Set([...EMBED_ALLOWED_ORIGINS, ...origins])];
  return `<meta name="recovery-finder-allowed-origins" content="${attr(all.join(' '))}" />`;
}
