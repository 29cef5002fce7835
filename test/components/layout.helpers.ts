// Shared by the layout tests: data at its longest, and what sticks out past the viewport.
import { datasetUrl } from '../helpers.js';

/** What older themes and hostile pages do. */
export const HOST_CSS = `
  html { font-size: 62.5%; }
  * { box-sizing: content-box; }
  button { all: unset; }
  body { background: #101014; color: #f0f0f0; font: 10px/3 serif; letter-spacing: 3px; word-spacing: 6px;
    text-align: center; text-transform: uppercase; text-indent: 2em; font-style: italic; white-space: nowrap; }
`;

/** A word no line break can fall inside, and a URL like the ones pasted into notes. */
export const LONG_WORD = 'Massachusettsrecoverysupportcentreforfamiliesandfriends';
export const LONG_URL = `https://www.example.org/${'very-long-path-segment-'.repeat(4)}with?query=${'x'.repeat(40)}`;

interface Rec {
  name: string;
  description?: string;
  address?: { address_1: string };
  phones?: Array<{ description?: string }>;
  schedule?: { description?: string };
  disposal?: { restrictions?: string };
  provenance: { status: string; note?: string; source: string };
  organization?: { name: string };
}

/**
 * The fixture's records made as long as the schema lets them be: long names with an unbroken
 * word, notes and descriptions with long URLs, long addresses, every record flagged for checking.
 */
export async function longDataset(fixture: string): Promise<unknown> {
  const data = (await (await fetch(datasetUrl({ fixture }))).json()) as { resources: Rec[] };
  for (const r of data.resources) {
    r.name = `${r.name} ${LONG_WORD} and a name that goes on and on`.slice(0, 200);
    r.organization = { name: `${LONG_WORD} ${LONG_WORD}` };
    r.description = `${r.description ?? ''} More at ${LONG_URL} or ${LONG_WORD}.`;
    if (r.address) r.address.address_1 = `${LONG_WORD} ${r.address.address_1}`;
    if (r.phones?.[0]) r.phones[0].description = `Ask for ${LONG_WORD}`;
    if (r.schedule) r.schedule.description = `By appointment: ${LONG_URL}`;
    if (r.disposal) r.disposal.restrictions = `See ${LONG_URL} before you go; ${LONG_WORD}.`;
    r.provenance = { ...r.provenance, status: 'needs-verification', note: `Reported changed, see ${LONG_URL}` };
  }
  return data;
}

function describe(n: Element, r: DOMRect): string {
  const cls = typeof n.className === 'string' && n.className ? `.${n.className.trim().split(/\s+/).join('.')}` : '';
  return `<${n.localName}${cls}> ${Math.round(r.left)}..${Math.round(r.right)}`;
}

/**
 * Everything wider than the viewport: the page's scroll width, and each box in the element's
 * shadow root that reaches past the viewport's left or right edge (the map's own panes and
 * tiles are left out: the map clips them).
 */
export function overflows(el: HTMLElement): string[] {
  const vw = document.documentElement.clientWidth;
  const bad: string[] = [];
  const sw = document.documentElement.scrollWidth;
  if (sw > vw) bad.push(`page scrollWidth ${sw} > ${vw}`);
  for (const n of el.shadowRoot?.querySelectorAll('*') ?? []) {
    if (n.parentElement?.closest('.map-frame')) continue;
    const r = n.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > vw + 0.5 || r.left < -0.5) bad.push(describe(n, r));
  }
  return bad;
}
