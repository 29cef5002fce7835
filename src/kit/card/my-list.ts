/**
 * "My list", a person's own list of supports (the pocket card): record ids and names, kept in
 * this browser only (localStorage, one key), written only once the person adds something, and
 * never sent anywhere. Every element on the page, and other tabs, follow changes.
 *
 * Every change reads the stored value at that moment and writes it back merged (never a copy
 * kept in memory), then reads it back: the outcome says 'added' only when the browser kept it.
 * A value under the key that this library did not write (not JSON, not an array of `{id, name}`:
 * another app's, a later version's) is left untouched: nothing is saved, and the person is told
 * why (`'foreign'`), rather than writing to another key the other owner would never read.
 *
 * Tabs in separate processes can still write at the same moment, each from what it read: the
 * later write would then drop the earlier one's add. So each page remembers what it added, and
 * when another tab's write (the `storage` event) lacks an entry this page added and that tab had
 * never seen (its `oldValue` is the very value this page added to), and that write is still the
 * latest, the entry is written back. An entry the other tab did see and took off was removed on purpose, and stays off.
 *
 * Each entry is stored with a mark made once, when it is added (`stamp`), so every add makes a
 * value the list never held before. Without it, a write made before this page's add, whose event
 * is read only after the add, matched the list of now whenever the list had come back to that
 * value, and an entry another tab took off on purpose was put back.
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

/**
 * An entry as stored by an add: with a mark of its own, made once (random, about 50 bits: it
 * only has to differ from every other, and says nothing of when or where), so that no earlier
 * value comes back.
 */
const asStored = (e: ListEntry): Record<string, unknown> => ({ id: e.id, name: e.name, stamp: Math.random().toString(36).slice(2) });

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * What the key holds, read afresh: `entries` (the well-formed ones, for showing) and `raw` (every
 * item as stored, written back untouched), or `foreign` when the key holds something this
 * library did not write (another app's value, a later version's shape, garbage): that value is
 * never overwritten, and nothing is saved until it is gone.
 */
interface Stored {
  entries: ListEntry[];
  raw: Array<Record<string, unknown>>;
  foreign: boolean;
}

function entryOf(item: unknown): ListEntry | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const { id, name } = item as Record<string, unknown>;
  if (typeof id !== 'string' || !id || id.length > 200) return undefined;
  if (name !== undefined && typeof name !== 'string') return undefined;
  return { id, name: (name ?? '').slice(0, 200) };
}

function readStored(): Stored {
  const empty: Stored = { entries: [], raw: [], foreign: false };
  let text: string | null | undefined;
  try {
    text = storage()?.getItem(MY_LIST_KEY);
  } catch {
    return empty;
  }
  if (!text) return empty;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ...empty, foreign: true };
  }
  if (!Array.isArray(parsed)) return { ...empty, foreign: true };
  const seen = new Set<string>();
  const out: Stored = { entries: [], raw: [], foreign: false };
  for (const item of parsed as unknown[]) {
    const entry = entryOf(item);
    if (!entry) return { ...empty, foreign: true };
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    out.entries.push(entry);
    out.raw.push(item as Record<string, unknown>);
  }
  return out;
}

/**
 * Write `next` (computed from what is stored now), then read it back: true only when the
 * browser kept it. An empty list removes the key.
 */
function writeList(next: Array<Record<string, unknown>>): boolean {
  const s = storage();
  if (!s) return false;
  const text = next.length ? JSON.stringify(next) : null;
  try {
    if (text === null) s.removeItem(MY_LIST_KEY);
    else s.setItem(MY_LIST_KEY, text);
    if (s.getItem(MY_LIST_KEY) !== text) return false;
  } catch {
    return false;
  }
  window.dispatchEvent(new Event(CHANGE));
  return true;
}

/**
 * `foreign`: the key holds another app's or version's value, left untouched and nothing saved.
 */
export type ListChange = 'added' | 'removed' | 'full' | 'failed' | 'foreign';

/**
 * Add entries not yet there. Every change is made against the value stored at that moment (never a
 * copy kept in memory), so an entry another tab added meanwhile stays; 'added' only once the
 * browser has kept it.
 */
export function addToList(entries: ListEntry[]): ListChange {
  const now = readStored();
  if (now.foreign) return 'foreign';
  const have = new Set(now.entries.map((e) => e.id));
  const fresh = entries.filter((e) => !have.has(e.id) && !!e.id).filter((e, i, all) => all.findIndex((o) => o.id === e.id) === i);
  if (now.entries.length + fresh.length > MY_LIST_MAX) return 'full';
  if (!fresh.length) return 'added';
  const before = storedText();
  if (!writeList([...now.raw, ...fresh.map(asStored)])) return 'failed';
  for (const e of fresh) addedHere.set(e.id, { entry: { id: e.id, name: e.name }, before });
  watchOtherTabs();
  return 'added';
}

/** Take one entry off, leaving every other stored item as it is. */
export function removeFromList(id: string): ListChange {
  const now = readStored();
  if (now.foreign) return 'foreign';
  if (!writeList(now.raw.filter((item) => item['id'] !== id))) return 'failed';
  addedHere.delete(id);
  return 'removed';
}

/** Forget the whole list (the key is removed). False when the key holds another app's value. */
export function clearList(): boolean {
  if (readStored().foreign || !writeList([])) return false;
  addedHere.clear();
  return true;
}

/** What this page added and has not taken off: written back if another tab's write lost it. */
const addedHere = new Map<string, { entry: ListEntry; before: string | null | undefined }>();

function storedText(): string | null | undefined {
  try {
    return storage()?.getItem(MY_LIST_KEY);
  } catch {
    return undefined;
  }
}
let watching = false;

function idsIn(text: string | null): Set<string> {
  try {
    const parsed: unknown = text ? JSON.parse(text) : [];
    return new Set(Array.isArray(parsed) ? parsed.map((item) => entryOf(item)?.id).filter((id): id is string => !!id) : []);
  } catch {
    return new Set();
  }
}

/** Another tab wrote the list: put back what this page added and that tab never saw. */
function restoreLostAdds(e: StorageEvent): void {
  if (e.key === null) {
    // The other tab cleared all of this origin's storage: nothing of ours is restored.
    addedHere.clear();
    return;
  }
  if (e.key !== MY_LIST_KEY || !addedHere.size) return;
  const before = idsIn(e.oldValue);
  for (const id of addedHere.keys()) if (before.has(id)) addedHere.delete(id); // seen there: any removal was meant
  // Events arrive after the fact, and lists come back to an earlier value: only a write made
  // from the very value this page added to (the other tab had not yet read the add), and still
  // the latest, lost an add.
  if (storedText() !== e.newValue) return;
  const now = readStored();
  if (now.foreign) return;
  const have = new Set(now.entries.map((entry) => entry.id));
  const lost = [...addedHere.values()].filter(({ entry, before: base }) => !have.has(entry.id) && base === e.oldValue).map(({ entry }) => entry);
  if (lost.length && now.entries.length + lost.length <= MY_LIST_MAX) writeList([...now.raw, ...lost.map(asStored)]);
}

function watchOtherTabs(): void {
  if (watching) return;
  watching = true;
  window.addEventListener('storage', restoreLostAdds);
}

/** Re-renders its host when the list changes, here or in another tab. */
export class MyListController implements ReactiveController {
  private cached?: Stored | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get entries(): ListEntry[] {
    this.cached ??= readStored();
    return this.cached.entries;
  }

  /** True when the key holds a value of another shape (left untouched; nothing is saved). */
  get foreign(): boolean {
    this.cached ??= readStored();
    return this.cached.foreign;
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
