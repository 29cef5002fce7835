// Mounting the listing elements with hostile data, shared by the hostile-records, property
// and payload tests.
import { until, datasetUrl } from '../helpers.js';

export type ListingElement = 'recovery-resource-search' | 'recovery-prsc-map' | 'recovery-disposal-locator';
export const LISTING_ELEMENTS: ListingElement[] = ['recovery-resource-search', 'recovery-prsc-map', 'recovery-disposal-locator'];

export const TEST_TILES = '/test-api/tiles/{z}/{x}/{y}.png';
const ZIPS = datasetUrl({ fixture: 'disposal-zips-ma' });
const NOON = new Date('2026-04-25T12:00:00-04:00');

/** Console warnings (and errors) while a test runs. */
export function captureWarnings(): { lines: string[]; restore: () => void } {
  const lines: string[] = [];
  const warn = console.warn;
  const error = console.error;
  console.warn = (...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
  };
  console.error = (...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
  };
  return {
    lines,
    restore: () => {
      console.warn = warn;
      console.error = error;
    },
  };
}

const LOADING = /Loading (services|Peer Recovery|disposal places)/;

/** True while the element still says it is loading its data. */
export function stillLoading(el: HTMLElement): boolean {
  return LOADING.test(el.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '');
}

/** The element's shadow text contains `text`. */
export function elementShows(el: HTMLElement, text: string): boolean {
  return (el.shadowRoot?.textContent ?? '').includes(text);
}

/**
 * Create `tag` with `data` (and any attributes), attach it, wait until it has left loading,
 * and bring its records on screen: the disposal locator searches ZIP 02118, the PRSC map opens
 * each centre's details in turn (the full card).
 */
export async function mountElement(
  tag: ListingElement,
  data: unknown,
  attributes: Record<string, string> = {},
  options: { openDetails?: boolean } = {},
): Promise<HTMLElement> {
  const el = document.createElement(tag);
  el.style.width = '900px';
  if (tag === 'recovery-disposal-locator') {
    el.setAttribute('no-map', '');
    el.setAttribute('zip-table-url', ZIPS);
    el.setAttribute('zip-table-national-url', ZIPS);
    (el as HTMLElement & { now: Date }).now = NOON;
  }
  if (tag === 'recovery-prsc-map') el.setAttribute('tile-url', TEST_TILES);
  if (tag === 'recovery-resource-search') el.setAttribute('no-location', '');
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  if (data !== undefined) (el as HTMLElement & { data: unknown }).data = data;
  document.body.append(el);
  await until(() => !!el.shadowRoot && !stillLoading(el) && (el.shadowRoot.textContent ?? '').trim() !== '', `${tag} leaves loading`, 8000);
  const root = el.shadowRoot!;
  if (tag === 'recovery-disposal-locator') {
    const input = root.querySelector<HTMLInputElement>('#zip');
    if (input) {
      input.value = '02118';
      root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await until(
        // (or the data could not be read: nothing to search)
        () => !!root.querySelector('.results-area') || !!root.querySelector('#zip-error')?.textContent?.trim() || /We could not (read|load)/.test(root.textContent ?? ''),
        'disposal search outcome',
        8000,
      );
    }
  }
  if (tag === 'recovery-prsc-map' && options.openDetails !== false) {
    const ids = [...root.querySelectorAll<HTMLButtonElement>('button.choose')].map((b) => b.dataset.id ?? '');
    for (const id of ids) {
      root.querySelector<HTMLButtonElement>(`button.choose[data-id="${CSS.escape(id)}"]`)?.click();
      await until(
        () => root.querySelector(`button.choose[data-id="${CSS.escape(id)}"]`)?.getAttribute('aria-expanded') === 'true',
        `details of ${id} open`,
        4000,
      );
    }
  }
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}
