/**
 * Print one part of an element on its own. An element lives in a page it does not own, so
 * `window.print()` prints the whole host page (its search, its map, its menus). Here a hidden,
 * blank, same-origin iframe receives a copy of the part and the element's own styles (its
 * `@media print` rules with them), and only that document is printed.
 */
import { localeOf } from '../i18n/localize.js';

/** How a filled frame is printed; tests replace it to look at what would be printed. */
export const printer = {
  print(win: Window): void {
    win.focus();
    win.print();
  },
};

/** The CSS text of a shadow root's styles (adopted sheets, or `<style>` where those are missing). */
function stylesOf(root: ShadowRoot): string {
  const sheets = [...root.adoptedStyleSheets, ...[...root.querySelectorAll('style')].map((s) => s.sheet).filter((s) => s !== null)];
  return sheets.map((s) => [...s.cssRules].map((r) => r.cssText).join('\n')).join('\n');
}

/** A copy of `part` with each `<slot>` replaced by what it shows (its assigned nodes or its fallback). */
function copyOf(part: HTMLElement): HTMLElement {
  const copy = part.cloneNode(true) as HTMLElement;
  const slots = [...part.querySelectorAll('slot')];
  const copies = [...copy.querySelectorAll('slot')];
  slots.forEach((slot, i) => {
    const assigned = slot.assignedNodes({ flatten: true });
    const target = copies[i];
    if (!target) return;
    if (assigned.length) target.replaceWith(...assigned.map((n) => n.cloneNode(true)));
    else target.replaceWith(...target.childNodes);
  });
  return copy;
}

/**
 * Print `part` (an element inside `host`'s shadow root) alone, in a frame of its own with the
 * host's styles; the frame goes once printed. `adjust` may change the copy before it is printed.
 * Where no frame can be made, the page is printed.
 */
export async function printAlone(host: HTMLElement, part: HTMLElement, title: string, adjust?: (copy: HTMLElement) => void): Promise<void> {
  const root = host.shadowRoot;
  if (!root) return printer.print(window);
  root.querySelector('iframe.print-frame')?.remove();
  const frame = document.createElement('iframe');
  frame.className = 'print-frame';
  frame.title = title;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position: fixed; left: -10000px; top: 0; width: 0; height: 0; border: 0;';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = 'about:blank';
  root.append(frame);
  await loaded;
  const win = frame.contentWindow;
  const doc = frame.contentDocument;
  if (!win || !doc) {
    frame.remove();
    return printer.print(window);
  }
  doc.documentElement.lang = localeOf(host);
  doc.title = title;
  const sheet = new (win as Window & typeof globalThis).CSSStyleSheet();
  sheet.replaceSync(stylesOf(root));
  doc.adoptedStyleSheets = [sheet];
  doc.body.style.margin = '0';
  const copy = copyOf(part);
  adjust?.(copy);
  doc.body.append(doc.importNode(copy, true));
  await doc.fonts.ready;
  win.addEventListener('afterprint', () => frame.remove(), { once: true });
  printer.print(win);
}
