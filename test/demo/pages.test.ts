// The demo pages (demo/*.html) as a city web editor first opens them: each page in an iframe of
// its own, its elements given time to show their data, then axe-core run over the whole page
// (light DOM and the elements' shadow roots), as QA runs it. hsds.html reads the test
// suite's HSDS server (test/server/hsds-plugin.mjs) through its `?api=` parameter.
import { expect } from '@open-wc/testing';
import { apiUrl } from '../components/hsds.helpers.js';
import { until } from '../helpers.js';
import { elements } from 'virtual:recovery-elements';

/** The part of axe-core's answer these tests read. */
interface AxeViolation {
  id: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}
interface AxeWindow extends Window {
  axe?: { run(context: Document): Promise<{ violations: AxeViolation[] }> };
}

/**
 * The page's elements have shown their data: each one rendered, none still saying it is
 * loading, and each search or map showing at least one result name.
 */
function settled(doc: Document): boolean {
  const elements = [...doc.querySelectorAll('*')].filter((el) => el.localName.startsWith('recovery-'));
  if (!elements.length) return false;
  return elements.every((el) => {
    const root = el.shadowRoot;
    if (!root || !root.childNodes.length) return false;
    if (/Loading|Searching/.test(root.textContent ?? '')) return false;
    if (el.localName === 'recovery-resource-search' || el.localName === 'recovery-prsc-map') return root.querySelector('.name') !== null;
    return true;
  });
}

/** `path` in an iframe as wide as a desktop page, once its elements have settled. */
async function open(path: string): Promise<HTMLIFrameElement> {
  const f = document.createElement('iframe');
  f.style.cssText = 'width: 1280px; height: 900px';
  const loaded = new Promise((r) => f.addEventListener('load', r, { once: true }));
  f.src = path;
  document.body.append(f);
  await loaded;
  const doc = f.contentDocument as Document;
  await until(() => settled(doc), `the elements of ${path} to show their data`, 45_000);
  return f;
}

/** axe-core's violations on the page in `f` (axe injected into that page, run on its document). */
async function axeViolations(f: HTMLIFrameElement): Promise<string[]> {
  const doc = f.contentDocument as Document;
  const win = f.contentWindow as AxeWindow;
  if (!win.axe) {
    const script = doc.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const ready = new Promise((r, j) => {
      script.addEventListener('load', r, { once: true });
      script.addEventListener('error', j, { once: true });
    });
    doc.head.append(script);
    await ready;
  }
  const { violations } = await win.axe!.run(doc);
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`));
}

/**
 * Every heading of the page in reading order, shadow roots included, as `level name`; an
 * element's headings are indented under it.
 */
function outline(root: Document | ShadowRoot): { level: number; text: string }[] {
  const out: { level: number; text: string }[] = [];
  for (const el of root.querySelectorAll('*')) {
    const m = /^H([1-6])$/.exec(el.tagName);
    if (m) out.push({ level: Number(m[1]), text: (el.textContent ?? '').trim() });
    if (el.shadowRoot) out.push(...outline(el.shadowRoot));
  }
  return out;
}

/** The index, each element's page (the registry, tools/elements.mjs) and the other pages. */
const PAGES = ['index.html', ...elements.map((e) => `${e.name}.html`), 'national.html', 'host-css.html'];

describe('demo pages', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => {
    frame?.remove();
    frame = undefined;
  });

  for (const page of PAGES) {
    it(`${page}: no axe violations, one h1, all content in landmarks and the h1 in main`, async () => {
      frame = await open(`/demo/${page}`);
      const doc = frame.contentDocument as Document;
      expect(doc.querySelectorAll('h1').length, 'one h1').to.equal(1);
      expect(doc.querySelectorAll('main').length, 'one main').to.equal(1);
      expect(doc.querySelector('main h1'), 'the h1 is inside main').to.not.equal(null);
      expect(await axeViolations(frame)).to.deep.equal([]);
    });
  }

  it('hsds.html on a live HSDS API: no axe violations, and no heading skips a level', async () => {
    const api = await apiUrl('demo-pages');
    frame = await open(`/demo/hsds.html?api=${encodeURIComponent(api)}`);
    const doc = frame.contentDocument as Document;
    // The search read the API (not a file): it shows the test directory's services.
    const search = doc.querySelector('recovery-resource-search') as HTMLElement;
    expect(search.getAttribute('api')).to.equal(api);
    expect(doc.querySelector('main h1'), 'the h1 is inside main').to.not.equal(null);
    const headings = outline(doc);
    for (let i = 1; i < headings.length; i++) {
      const [prev, cur] = [headings[i - 1]!, headings[i]!];
      expect(cur.level, `"${cur.text}" (h${cur.level}) after "${prev.text}" (h${prev.level})`).to.be.at.most(prev.level + 1);
    }
    expect(await axeViolations(frame)).to.deep.equal([]);
  });
});
