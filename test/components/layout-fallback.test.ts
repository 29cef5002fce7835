// Before the script runs, and if it never does (issue #9): what the editor writes inside a tag
// shows until the element is defined and is hidden after (not read twice), and the element
// reserves its space, so the host page does not shift (CLS from the widget, measured with
// layout-shift entries). This file imports the elements only inside the tests, so each tag is
// still undefined when its test builds the page.
import { expect } from '@open-wc/testing';
import { a11ySnapshot, setViewport } from '@web/test-runner-commands';
import { datasetUrl, setGeolocation, until } from '../helpers.js';
import { DEFAULT_HELP_CONTACTS } from '../../src/core/help-defaults.js';

/** The host page rule the README recommends: the editor's fallback shows, in the space the element will take. */
const HOST_CSS = `
  recovery-resource-search:not(:defined),
  recovery-prsc-map:not(:defined) { display: block; min-height: 1024px; }
  recovery-disposal-locator:not(:defined) { display: block; min-height: 780px; }
  recovery-newsletter-signup:not(:defined) { display: block; min-height: 300px; }
  body { margin: 8px; font: 16px/1.5 system-ui, sans-serif; }
`;

const ZIPS = datasetUrl({ fixture: 'disposal-zips-ma' });

/*
 * The elements read the bundled dataset (data/resources.json), as on a real page: its help
 * contacts are the built-in ones shown while loading. (A dataset whose help block differs
 * changes that block once when it arrives; README: pass them as helpContacts to avoid it.)
 */
interface Case {
  tag: string;
  load: () => Promise<unknown>;
  attrs: Record<string, string>;
}

const CASES: Case[] = [
  {
    tag: 'recovery-resource-search',
    load: () => import('../../src/components/resource-search/resource-search.js'),
    attrs: {},
  },
  {
    tag: 'recovery-prsc-map',
    load: () => import('../../src/components/prsc-map/prsc-map.js'),
    attrs: { 'tile-url': '' },
  },
  {
    tag: 'recovery-disposal-locator',
    load: () => import('../../src/components/disposal-locator/disposal-locator.js'),
    attrs: { 'zip-table-url': ZIPS },
  },
  {
    tag: 'recovery-newsletter-signup',
    load: () => import('../../src/components/newsletter-signup/newsletter-signup.js'),
    attrs: { action: '/test-api/signup?mode=ok' },
  },
];

/** Two frames: what was laid out has been painted (layout shifts are measured between frames). */
function painted(): Promise<void> {
  return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
}

interface AxNode {
  role?: string;
  name?: string;
  children?: AxNode[];
}

/** How many links in the page's accessibility tree (what a screen reader reads) are the fallback's. */
async function timesRead(): Promise<number> {
  const count = (n: AxNode | undefined): number =>
    !n ? 0 : (n.role === 'link' && n.name?.includes('800-327-5050') && n.name.includes('Helpline,') ? 1 : 0) + (n.children ?? []).reduce((sum, c) => sum + count(c), 0);
  return count((await a11ySnapshot({})) as unknown as AxNode);
}

interface Shift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
}

describe('layout: before the script runs', () => {
  let style: HTMLStyleElement;
  before(async () => {
    await setGeolocation({ reset: true });
    await setViewport({ width: 390, height: 844 });
    style = document.createElement('style');
    style.textContent = HOST_CSS;
    document.head.append(style);
  });
  after(() => style.remove());
  afterEach(() => document.body.replaceChildren());

  for (const c of CASES) {
    it(`<${c.tag}>: the editor's fallback shows until the element is defined, then hides; no layout shift`, async () => {
      expect(customElements.get(c.tag), 'still undefined').to.equal(undefined);
      const page = document.createElement('main');
      const attrs = Object.entries(c.attrs).map(([k, v]) => ` ${k}="${v}"`).join('');
      page.innerHTML = `<h1>Find recovery support</h1><p>Text of the page before the element.</p>
        <${c.tag}${attrs}><p class="fallback">Find support: call the
          <a href="tel:+18003275050">Massachusetts Substance Use Helpline, 800-327-5050</a>.</p></${c.tag}>
        <p id="after">Text of the page after the element.</p>`;
      document.body.append(page);
      const el = page.querySelector<HTMLElement>(c.tag)!;
      const fallback = el.querySelector<HTMLElement>('.fallback')!;
      expect(fallback.checkVisibility(), 'fallback shown before the script').to.equal(true);
      expect(el.getBoundingClientRect().height, 'space reserved before the script').to.be.at.least(300);
      expect(await timesRead(), 'read once before the script').to.equal(1);

      const shifts: Shift[] = [];
      const observer = new PerformanceObserver((list) => shifts.push(...(list.getEntries() as Shift[])));
      observer.observe({ type: 'layout-shift' });
      await painted();

      await c.load();
      await customElements.whenDefined(c.tag);
      const upgraded = el as HTMLElement & { updateComplete: Promise<boolean> };
      await upgraded.updateComplete;
      // Defined: the fallback has no box (so it is neither seen nor read), the element's own view shows.
      expect(fallback.checkVisibility(), 'fallback hidden once defined').to.equal(false);
      expect(fallback.getClientRects().length).to.equal(0);
      expect(await timesRead(), 'not read once defined').to.equal(0);
      await painted();
      const loadingHeight = el.getBoundingClientRect().height;
      await until(() => !/Loading/.test(el.shadowRoot!.textContent ?? ''), 'data loaded');
      await upgraded.updateComplete;
      await painted();
      await painted();
      observer.disconnect();
      const cls = shifts.filter((s) => !s.hadRecentInput).reduce((sum, s) => sum + s.value, 0);
      console.log(`CLS ${c.tag} at 390x844: ${cls.toFixed(4)} (${shifts.length} shifts); height loading ${Math.round(loadingHeight)}, ready ${Math.round(el.getBoundingClientRect().height)}`);
      for (const s of shifts as unknown as Array<{ value: number; sources: Array<{ node?: Node; previousRect: DOMRect; currentRect: DOMRect }> }>) {
        console.log(`  shift ${s.value.toFixed(4)}: ${s.sources.map((x) => `${(x.node as Element | undefined)?.localName ?? '?'}.${(x.node as Element | undefined)?.className ?? ''} ${Math.round(x.previousRect.y)}->${Math.round(x.currentRect.y)} h${Math.round(x.previousRect.height)}->${Math.round(x.currentRect.height)}`).join('; ')}`);
      }
      expect(cls, `CLS of <${c.tag}>`).to.be.below(0.01);
    });
  }

  // The element's own reservation while its data is slow to come (defined by the tests above).
  const SLOW: Array<{ tag: string; attrs: Record<string, string> }> = [
    { tag: 'recovery-resource-search', attrs: { src: datasetUrl({ delay: 400 }) } },
    { tag: 'recovery-prsc-map', attrs: { src: datasetUrl({ fixture: 'prsc-centres', delay: 400 }), 'tile-url': '' } },
    { tag: 'recovery-disposal-locator', attrs: { src: datasetUrl({ fixture: 'disposal-sites', delay: 400 }), 'zip-table-url': ZIPS } },
  ];
  for (const c of SLOW) {
    it(`<${c.tag}>: no layout shift while its data is slow to come`, async () => {
      expect(customElements.get(c.tag), 'defined by the test above').not.to.equal(undefined);
      const page = document.createElement('main');
      const attrs = Object.entries(c.attrs).map(([k, v]) => ` ${k}="${v}"`).join('');
      page.innerHTML = `<h1>Find recovery support</h1><p>Text of the page before the element.</p>
        <${c.tag}${attrs}></${c.tag}><p id="after">Text of the page after the element.</p>`;
      const el = page.querySelector(c.tag) as HTMLElement & { helpContacts: unknown; updateComplete: Promise<boolean> };
      // The site's help contacts given as a property (README), so the help block does not change when the data comes.
      el.helpContacts = DEFAULT_HELP_CONTACTS;
      const shifts: Shift[] = [];
      const observer = new PerformanceObserver((list) => shifts.push(...(list.getEntries() as Shift[])));
      observer.observe({ type: 'layout-shift' });
      document.body.append(page);
      await el.updateComplete;
      await painted();
      expect(el.shadowRoot!.textContent, 'painted while loading').to.match(/Loading/);
      await until(() => !/Loading/.test(el.shadowRoot!.textContent ?? ''), 'data loaded');
      await el.updateComplete;
      await painted();
      await painted();
      observer.disconnect();
      const cls = shifts.filter((s) => !s.hadRecentInput).reduce((sum, s) => sum + s.value, 0);
      console.log(`CLS ${c.tag}, data slow, at 390x844: ${cls.toFixed(4)} (${shifts.length} shifts)`);
      expect(cls, `CLS of <${c.tag}>`).to.be.below(0.01);
    });
  }
});
