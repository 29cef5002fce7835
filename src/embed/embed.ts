/**
 * embed.html: one element, chosen and set up by the page's URL parameters, for sites that
 * cannot run a script (Google Sites, Wix, Squarespace, WordPress.com…) and paste an iframe.
 *
 *   embed.html?element=resource-search&category=peer-support&lang=es&src=./my-data.json
 *
 * - `element`: an element's tag without `recovery-` (resource-search, the default, or any other).
 * - Every attribute the element documents (custom-elements.json), by its name. A boolean
 *   attribute is on when the parameter is present and not "false".
 * - `lang`: one of the twelve languages (src/locales/languages.ts: en, es, ht, zh-Hant, zh-Hans,
 *   vi, kea, ru, ar, pt-BR, fr, so; other tags as the elements match them, `zh-TW` -> zh-Hant);
 *   the page takes its `lang` and `dir`. Theme: `color`, `font`, `radius` (CSS values for --recovery-color-primary,
 *   --recovery-font-family, --recovery-radius).
 * - Addresses (every attribute typed `UrlAttribute` in the manifest: src, api, action, tile-url,
 *   zip tables…) only from this site or the origins the page's `recovery-finder-allowed-origins`
 *   meta lists: an embed link cannot show another party's data.
 * - Site text (attributes typed `SiteTextAttribute`: intro, fallback-email, heading…) only when
 *   the page has `<meta name="recovery-finder-site-text" content="allow">`.
 * - A `color` that would not read on the element's background (contrast under 4.5:1) is refused.
 * - What is refused is listed on screen for the editor, with the meta line that would allow it.
 *
 * The page tells its parent its height: { type: 'recovery-finder:height', height } (embed-host.js).
 */
import { elementAttributes } from 'virtual:recovery-attributes';
import { allowedAddress, pageAllowedOrigins } from '../core/allowed-origins.js';
import { directionOf, supportedTag } from '../locales/languages.js';

const params = new URL(location.href).searchParams;

const THEME: Record<string, string> = { color: '--recovery-color-primary', font: '--recovery-font-family', radius: '--recovery-radius' };
const THEME_CHECK: Record<string, string> = { color: 'color', font: 'font-family', radius: 'border-radius' };
/** Theme parameters whose value is a colour: each must stay readable on the element's background. */
const COLOUR_PARAMS = new Set(['color']);

/** The editor's notice, in the page's language (the element's own strings are not loaded yet). */
const STRINGS = {
  en: {
    title: 'Some settings of this embed link were not used',
    url: (name: string) => `${name}: this address is not from this site or an allowed origin. To allow it, add its origin to <meta name="recovery-finder-allowed-origins"> in embed.html.`,
    text: (name: string) => `${name}: this site's own text or contact is only taken when embed.html has <meta name="recovery-finder-site-text" content="allow">.`,
    colour: (name: string) => `${name}: this colour would make text hard or impossible to read (contrast under 4.5:1). Choose a darker or lighter colour.`,
  },
  es: {
    title: 'Algunos ajustes de este enlace no se usaron',
    url: (name: string) => `${name}: esta dirección no es de este sitio ni de un origen permitido. Para permitirla, añada su origen a <meta name="recovery-finder-allowed-origins"> en embed.html.`,
    text: (name: string) => `${name}: el texto o contacto propio del sitio solo se acepta si embed.html tiene <meta name="recovery-finder-site-text" content="allow">.`,
    colour: (name: string) => `${name}: este color haría el texto difícil o imposible de leer (contraste menor de 4.5:1). Elija un color más oscuro o más claro.`,
  },
};
type Refusal = { kind: 'url' | 'text' | 'colour'; name: string };

/** sRGB channels (0–255) and alpha of a computed colour, as `getComputedStyle` gives it. */
function rgba(computed: string): [number, number, number, number] | undefined {
  const m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(computed);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : undefined;
}

/** WCAG 2 relative luminance. */
function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
}

/** The first opaque background behind `el`, or the page's canvas (white, or dark in dark mode). */
function backgroundOf(el: Element): [number, number, number, number] {
  for (let n: Element | null = el; n; n = n.parentElement) {
    const c = rgba(getComputedStyle(n).backgroundColor);
    if (c && c[3] === 1) return c;
  }
  return matchMedia('(prefers-color-scheme: dark)').matches ? [18, 18, 18, 1] : [255, 255, 255, 1];
}

/** Whether a colour reads on `el`'s background: opaque and a contrast of at least 4.5:1. */
export function readableColour(value: string, el: Element): boolean {
  const probe = document.createElement('span');
  probe.style.color = value;
  if (!probe.style.color) return false;
  el.append(probe);
  const colour = rgba(getComputedStyle(probe).color);
  probe.remove();
  if (!colour || colour[3] < 1) return false;
  const [a, b] = [luminance(colour), luminance(backgroundOf(el))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) >= 4.5;
}

/** Shows the editor what was refused and which meta line would allow it. */
function showNotice(refused: Refusal[], host: Element): void {
  if (refused.length === 0) return;
  const spanish = document.documentElement.lang === 'es';
  const s = spanish ? STRINGS.es : STRINGS.en;
  const box = document.createElement('section');
  box.className = 'embed-notice';
  // Written for the site's editor in English or Spanish, whatever the page's language.
  box.lang = spanish ? 'es' : 'en';
  box.dir = 'ltr';
  box.setAttribute('role', 'status');
  const title = document.createElement('h2');
  title.textContent = s.title;
  const list = document.createElement('ul');
  for (const r of refused) {
    const li = document.createElement('li');
    li.textContent = r.kind === 'url' ? s.url(r.name) : r.kind === 'text' ? s.text(r.name) : s.colour(r.name);
    list.append(li);
  }
  box.append(title, list);
  host.prepend(box);
}

export function mount(): HTMLElement {
  const wanted = params.get('element') ?? 'resource-search';
  const tag = `recovery-${wanted}`;
  const attributes = elementAttributes[tag] ?? elementAttributes['recovery-resource-search'] ?? {};
  if (!elementAttributes[tag]) console.warn(`recovery-finder embed: no element "${wanted}"; showing resource-search`);
  const el = document.createElement(elementAttributes[tag] ? tag : 'recovery-resource-search');
  // embed.html always has the meta; without it, only this site.
  const origins = pageAllowedOrigins() ?? new Set([location.origin]);
  const siteText = document.querySelector<HTMLMetaElement>('meta[name="recovery-finder-site-text"]')?.content.trim() === 'allow';
  const refused: Refusal[] = [];
  for (const [name, kind] of Object.entries(attributes)) {
    const value = params.get(name);
    if (value === null) continue;
    if (kind === 'boolean') {
      if (value !== 'false') el.setAttribute(name, '');
    } else if (kind === 'url' && value !== '' && !allowedAddress(value, origins, location.href)) {
      console.warn(`recovery-finder embed: ${name}=${value} is not from this site or an allowed origin; ignored`);
      refused.push({ kind: 'url', name });
    } else if (kind === 'site-text' && !siteText) {
      console.warn(`recovery-finder embed: ${name} is site text, which this page does not allow; ignored`);
      refused.push({ kind: 'text', name });
    } else {
      el.setAttribute(name, value);
    }
  }
  const lang = supportedTag(params.get('lang'));
  if (lang) {
    document.documentElement.lang = lang;
    document.documentElement.dir = directionOf(lang);
  }
  const host = document.getElementById('embed') ?? document.body;
  host.append(el);
  for (const [param, property] of Object.entries(THEME)) {
    const value = params.get(param);
    if (!value || /[;{}]/.test(value) || !CSS.supports(THEME_CHECK[param] as string, value)) continue;
    if (COLOUR_PARAMS.has(param) && !readableColour(value, el)) {
      console.warn(`recovery-finder embed: ${param}=${value} would not be readable; ignored`);
      refused.push({ kind: 'colour', name: param });
      continue;
    }
    el.style.setProperty(property, value);
  }
  showNotice(refused, host);
  return el;
}

/** Tell the parent page how tall the content is (it may resize the frame: embed-host.js). */
function reportHeight(): void {
  if (window.parent === window) return;
  let last = -1;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    // The height is not a secret: any parent may know it. The host script checks the sender.
    window.parent.postMessage({ type: 'recovery-finder:height', height }, '*');
  };
  new ResizeObserver(send).observe(document.documentElement);
  // The host script asks once it runs (it may come after the first report).
  window.addEventListener('message', (e) => {
    if (e.source === window.parent && (e.data as { type?: unknown } | null)?.type === 'recovery-finder:ping') {
      last = -1;
      send();
    }
  });
  send();
}

mount();
reportHeight();
// The loader beside this file (dist/recovery-finder.js) loads the element, as on any page.
void import(/* @vite-ignore */ new URL('./recovery-finder.js', import.meta.url).href);
