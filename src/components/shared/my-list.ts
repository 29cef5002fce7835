/**
 * "My list", a person's own list of supports (the pocket card): record ids and names, kept in
 * this browser only (localStorage, one key), written only once the person adds something, and
 * never sent anywhere. Every element on the page, and other tabs, follow changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The one localStorage key the list is kept under. */
export const MY_LIST_KEY = 'recovery-finder:my-list';
/** Told on `window` when this page changes the list. */
const CHANGE = 'recovery-my-list-change';
/** More than a pocket card holds; a longer list is refused with a message. */
export const MY_LIST_MAX = 40;

export interface ListEntry {
  id: string;
  /** The name when added, to say which one is no longer listed. */
  name: string;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The list as kept (entries that are not well formed are left out). */
export function readList(): ListEntry[] {
  let text: string | null | undefined;
  try {
    text = storage()?.getItem(MY_LIST_KEY);
  } catch {
    return [];
  }
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    const items: unknown[] = Array.isArray(parsed) ? parsed : [];
    const seen = new Set<string>();
    const out: ListEntry[] = [];
    for (const item of items) {
      if (typeof item !== 'object' || item === null) continue;
      const { id, name } = item as Record<string, unknown>;
      if (typeof id !== 'string' || !id || id.length > 200 || seen.has(id)) continue;
      seen.add(id);
      out.push({ id, name: typeof name === 'string' ? name.slice(0, 200) : '' });
    }
    return out.slice(0, MY_LIST_MAX);
  } catch {
    return [];
  }
}

/** Keep the list (an empty list removes the key). False when the browser would not keep it. */
function writeList(list: ListEntry[]): boolean {
  const s = storage();
  if (!s) return false;
  try {
    if (list.length) s.setItem(MY_LIST_KEY, JSON.stringify(list));
    else s.removeItem(MY_LIST_KEY);
  } catch {
    return false;
  }
  window.dispatchEvent(new Event(CHANGE));
  return true;
}

export type ListChange = 'added' | 'removed' | 'full' | 'failed';

/** Add entries not yet there. */
export function addToList(entries: ListEntry[]): ListChange {
  const list = readList();
  const have = new Set(list.map((e) => e.id));
  const fresh = entries.filter((e) => !have.has(e.id));
  if (list.length + fresh.length > MY_LIST_MAX) return 'full';
  return writeList([...list, ...fresh.map((e) => ({ id: e.id, name: e.name }))]) ? 'added' : 'failed';
}

export function removeFromList(id: string): ListChange {
  return writeList(readList().filter((e) => e.id !== id)) ? 'removed' : 'failed';
}

/** Forget the whole list (the key is removed). */
export function clearList(): boolean {
  return writeList([]);
}

/** Re-renders its host when the list changes, here or in another tab. */
export class MyListController implements ReactiveController {
  private cached?: ListEntry[] | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get entries(): ListEntry[] {
    this.cached ??= readList();
    return this.cached;
  }

  has(id: string): boolean {
    return this.entries.some((e) => e.id === id);
  }

  private readonly onChange = (e: Event) => {
    if (e instanceof StorageEvent && e.key !== MY_LIST_KEY && e.key !== null) return;
    this.cached = undefined;
    this.host.requestUpdate();
  };

  hostConnected(): void {
    this.cached = undefined;
    window.addEventListener(CHANGE, this.onChange);
    window.addEventListener('storage', this.onChange);
  }

  hostDisconnected(): void {
    window.removeEventListener(CHANGE, this.onChange);
    window.removeEventListener('storage', this.onChange);
  }
}
