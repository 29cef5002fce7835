/**
 * The page-URL state of the elements that have `sync-url`, written once for all three:
 * parameters named `PREFIX-key` (`rs-` for the search, `pm-` for the PRSC map, `dl-` for the
 * disposal locator, or the element's `url-prefix`), read at start, written when a person
 * changes something (a new history entry, so back and forward work), read again on
 * `popstate`. Every other parameter of the page is kept. A place is only ever a ZIP, never
 * coordinates. Each element says which keys it keeps and how to read and write its values.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isZip } from '../../core/zip.js';

/** The values of an element's keys (no prefix); a key that is absent is not in the object. */
export type UrlValues = Partial<Record<string, string>>;

/** Every key any element keeps, so a shared link can leave out what another element put in the URL. */
const URL_KEYS = ['q', 'cat', 'lang', 'pop', 'free', 'mode', 'open', 'zip', 'mi', 'id', 'region', 'offer', 'item', 'ids'] as const;

/** The page URL without any element's parameters (nor a fragment). */
function withoutState(href: string): URL {
  const url = new URL(href);
  url.hash = '';
  const known = new Set<string>(URL_KEYS);
  for (const name of [...url.searchParams.keys()]) {
    const m = /^[a-z][a-z0-9]{0,11}-([a-z]+)$/i.exec(name);
    if (m && known.has(m[1] ?? '')) url.searchParams.delete(name);
  }
  return url;
}

/** A link to a list of records (`<recovery-my-list>`): their ids only. */
export function shareListUrl(href: string, prefix: string, ids: readonly string[]): string {
  const url = withoutState(href);
  url.searchParams.set(`${prefix}-ids`, ids.join(','));
  return url.href;
}

/** The ids of a shared list (at most `max`, each usable). */
export function idsParam(v: string | undefined, max: number): string[] {
  return [...new Set((v ?? '').split(',').map((id) => idParam(id)).filter(Boolean))].slice(0, max);
}

/** A prefix a site may set with `url-prefix`: letters and digits, up to 12. */
export function cleanPrefix(value: string | null | undefined, fallback: string, tag: string): string {
  const v = (value ?? '').trim().replace(/-$/, '');
  if (!v) return fallback;
  if (/^[a-z][a-z0-9]{0,11}$/i.test(v)) return v.toLowerCase();
  console.warn(`${tag}: url-prefix="${value ?? ''}" cannot be used (letters and digits only); using "${fallback}".`);
  return fallback;
}

/** The element's values in a URL, or undefined when the URL holds none of its keys. */
export function readParams(href: string, prefix: string, keys: readonly string[]): UrlValues | undefined {
  const p = new URL(href).searchParams;
  const values: UrlValues = {};
  let any = false;
  for (const k of keys) {
    const v = p.get(`${prefix}-${k}`);
    if (v !== null) {
      values[k] = v;
      any = true;
    }
  }
  return any ? values : undefined;
}

/** The URL with the element's values written in, in the order of `keys` (other parameters kept). */
export function writeParams(href: string, prefix: string, keys: readonly string[], values: UrlValues): string {
  const url = new URL(href);
  for (const k of keys) url.searchParams.delete(`${prefix}-${k}`);
  for (const k of keys) {
    const v = values[k];
    if (v !== undefined) url.searchParams.set(`${prefix}-${k}`, v);
  }
  return url.href;
}

/**
 * A link to one record: the page without any element's state (no search words, no other
 * place), with the record's id and, when the person gave one, the ZIP.
 */
export function shareUrl(href: string, prefix: string, id: string, zip?: string): string {
  const url = withoutState(href);
  url.searchParams.set(`${prefix}-id`, id);
  if (isZip(zip)) url.searchParams.set(`${prefix}-zip`, zip);
  return url.href;
}

export interface UrlSyncOptions {
  /** `sync-url` is on. */
  enabled: () => boolean;
  /** The element's prefix (its kind's, or its `url-prefix`). */
  prefix: () => string;
  /** The keys it keeps, in the order they are written. */
  keys: readonly string[];
  /** Back or forward: the values now in the URL (undefined: none of ours). */
  onPop: (values: UrlValues | undefined) => void;
}

/** Reads and writes one element's parameters, and follows back and forward. */
export class UrlSync implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly options: UrlSyncOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
  }

  get enabled(): boolean {
    return this.options.enabled();
  }

  /** The values in the page URL now (undefined when sync-url is off or none are there). */
  read(): UrlValues | undefined {
    return this.enabled ? readParams(location.href, this.options.prefix(), this.options.keys) : undefined;
  }

  /** Write the values: a new history entry (`push`, a person's change) or the same one (`replace`). */
  write(values: UrlValues, mode: 'push' | 'replace' = 'push'): void {
    if (!this.enabled) return;
    const url = writeParams(location.href, this.options.prefix(), this.options.keys, values);
    if (url === location.href) return;
    if (mode === 'push') history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
  }

  private readonly onPopState = () => {
    if (this.enabled) this.options.onPop(readParams(location.href, this.options.prefix(), this.options.keys));
  };
}

/** A ZIP from the URL, or '' when it is not five digits. */
export function zipParam(v: string | undefined): string {
  return isZip(v) ? v : '';
}

/** A record id from the URL (the schema's ids are short text), or '' when unusable. */
export function idParam(v: string | undefined): string {
  const s = (v ?? '').trim();
  return s && s.length <= 200 ? s : '';
}
