/**
 * The origins a page allows addresses from, when it says so with
 * `<meta name="recovery-finder-allowed-origins" content="https://a.example https://b.example">`
 * (the embed page does): its own origin and those listed. DOM-free callers (Node) get undefined.
 */

/** The page's allow-list, or undefined when the page has no such meta (any origin then). */
export function pageAllowedOrigins(): Set<string> | undefined {
  if (typeof document === 'undefined') return undefined;
  const meta = document.querySelector<HTMLMetaElement>('meta[name="recovery-finder-allowed-origins"]');
  if (!meta) return undefined;
  const out = new Set([location.origin]);
  for (const o of meta.content.split(/\s+/).filter(Boolean)) {
    try {
      out.add(new URL(o).origin);
    } catch {
      console.warn(`recovery-finder: ignoring "${o}" in recovery-finder-allowed-origins`);
    }
  }
  return out;
}

/**
 * The origin an answer came from (after any redirect) when the page's allow-list leaves it out;
 * undefined when it is allowed, or the page has no list.
 */
export function offListOrigin(response: Response): string | undefined {
  const origins = pageAllowedOrigins();
  if (!origins || !response.url) return undefined;
  const origin = new URL(response.url).origin;
  return origins.has(origin) ? undefined : origin;
}

/**
 * Whether an address (as a link or attribute gives it, relative to `base`) is http(s) on one of
 * `origins`. The browser's own URL parser decides: what it would fetch is what is checked.
 */
export function allowedAddress(value: string, origins: ReadonlySet<string>, base: string): boolean {
  try {
    const url = new URL(value, base);
    return (url.protocol === 'https:' || url.protocol === 'http:') && origins.has(url.origin);
  } catch {
    return false;
  }
}
