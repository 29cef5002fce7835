/**
 * embed.html: one element, chosen and set up by the page's URL parameters, for sites that
 * cannot run a script (Google Sites, Wix, Squarespace, WordPress.com…) and paste an iframe.
 *
 *   embed.html?element=resource-search&category=peer-support&lang=es&src=./my-data.json
 *
 * - `element`: resource-search (default), prsc-map, disposal-locator or newsletter-signup.
 * - Every attribute the element documents (custom-elements.json), by its name. A boolean
 *   attribute is on when the parameter is present and not "false".
 * - `lang`: en or es. Theme: `color`, `font`, `radius` (CSS values for --recovery-color-primary,
 *   --recovery-font-family, --recovery-radius).
 * - Addresses (src, action, tile-url, zip tables) only from this site or the origins the page's
 *   `recovery-finder-allowed-origins` meta lists: an embed link cannot show another party's data.
 *
 * The page tells its parent its height: { type: 'recovery-finder:height', height } (embed-host.js).
 */
import { elementAttributes } from 'virtual:recovery-attributes';

const params = new URL(location.href).searchParams;

/** The origins URL-valued attributes may point at: this page's, and those the page lists. */
function allowedOrigins(): Set<string> {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="recovery-finder-allowed-origins"]');
  const listed = (meta?.content ?? '').split(/\s+/).filter(Boolean);
  const out = new Set([location.origin]);
  for (const o of listed) {
    try {
      out.add(new URL(o).origin);
    } catch {
      console.warn(`recovery-finder embed: ignoring "${o}" in recovery-finder-allowed-origins`);
    }
  }
  return out;
}

function allowedUrl(value: string, origins: Set<string>): boolean {
  try {
    const url = new URL(value, location.href);
    return (url.protocol === 'https:' || url.protocol === 'http:') && origins.has(url.origin);
  } catch {
    return false;
  }
}

const THEME: Record<string, string> = { color: '--recovery-color-primary', font: '--recovery-font-family', radius: '--recovery-radius' };
const THEME_CHECK: Record<string, string> = { color: 'color', font: 'font-family', radius: 'border-radius' };

export function mount(): HTMLElement {
  const wanted = params.get('element') ?? 'resource-search';
  const tag = `recovery-${wanted}`;
  const attributes = elementAttributes[tag] ?? elementAttributes['recovery-resource-search'] ?? {};
  if (!elementAttributes[tag]) console.warn(`recovery-finder embed: no element "${wanted}"; showing resource-search`);
  const el = document.createElement(elementAttributes[tag] ? tag : 'recovery-resource-search');
  const origins = allowedOrigins();
  for (const [name, kind] of Object.entries(attributes)) {
    const value = params.get(name);
    if (value === null) continue;
    if (kind === 'boolean') {
      if (value !== 'false') el.setAttribute(name, '');
    } else if (kind === 'url' && value !== '' && !allowedUrl(value, origins)) {
      console.warn(`recovery-finder embed: ${name}=${value} is not from this site or an allowed origin; ignored`);
    } else {
      el.setAttribute(name, value);
    }
  }
  const lang = params.get('lang');
  if (lang === 'en' || lang === 'es') document.documentElement.lang = lang;
  for (const [param, property] of Object.entries(THEME)) {
    const value = params.get(param);
    if (value && !/[;{}]/.test(value) && CSS.supports(THEME_CHECK[param] as string, value)) el.style.setProperty(property, value);
  }
  document.getElementById('embed')?.append(el);
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
