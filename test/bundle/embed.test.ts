// The iframe path (dist/embed.html, built by `npm run build`): one element chosen by URL
// parameters, in a real iframe on another origin (127.0.0.1 against the test page's localhost),
// sized by dist/embed-host.js through postMessage.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { until } from '../helpers.js';
import { hostileAddress } from '../hostile-addresses.js';

const EMBED = '/dist/embed.html';
const otherOrigin = () => `http://${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;

function frame(src: string): HTMLIFrameElement {
  const f = document.createElement('iframe');
  f.dataset['recoveryFinder'] = '';
  f.title = 'Find recovery support';
  f.setAttribute('allow', 'geolocation');
  f.style.cssText = 'width: 390px; height: 150px; border: 0';
  f.src = src;
  document.body.append(f);
  return f;
}

async function hostScript(): Promise<void> {
  if (document.querySelector('script[data-test-host]')) return;
  const s = document.createElement('script');
  s.src = '/dist/embed-host.js';
  s.dataset['testHost'] = '';
  const loaded = new Promise((r) => s.addEventListener('load', r));
  document.head.append(s);
  await loaded;
}

describe('embed.html (the iframe path)', () => {
  before(async () => {
    const head = await fetch(EMBED, { method: 'HEAD' });
    if (!head.ok) throw new Error(`${EMBED} is missing: run \`npm run build\` first (npm test does).`);
  });

  it('on another origin, grows the frame to its content through the host script', async () => {
    expect(otherOrigin()).not.to.equal(location.origin);
    await hostScript();
    const f = frame(`${otherOrigin()}${EMBED}?element=newsletter-signup&no-zip`);
    await until(() => f.getBoundingClientRect().height > 200, 'frame sized to its content');
    const sized = f.getBoundingClientRect().height;
    // A message from anyone but the frame is ignored. The host script's listener was added
    // before this one, so by the time this one sees the message the host has handled it.
    const afterFalse = new Promise<number>((resolve) => {
      const seen = (e: MessageEvent) => {
        if (e.source === window && (e.data as { height?: number }).height === 120) {
          window.removeEventListener('message', seen);
          resolve(f.getBoundingClientRect().height);
        }
      };
      window.addEventListener('message', seen);
    });
    window.postMessage({ type: 'recovery-finder:height', height: 120 }, '*');
    expect(await afterFalse).to.equal(sized);
    expect(f.getBoundingClientRect().height).to.equal(sized);
    f.remove();
  });

  it('shows the element the parameters name, with their attributes, language and theme', async () => {
    const f = frame(
      `${EMBED}?element=resource-search&category=peer-support,recovery-coaching&no-filters&page-size=5&lang=es&color=%23800000&radius=2px`,
    );
    await until(() => f.contentDocument?.querySelector('recovery-resource-search')?.shadowRoot != null, 'element upgraded');
    const doc = f.contentDocument as Document;
    const el = doc.querySelector('recovery-resource-search') as HTMLElement;
    expect(el.getAttribute('category')).to.equal('peer-support,recovery-coaching');
    expect(el.hasAttribute('no-filters')).to.equal(true);
    expect(el.getAttribute('page-size')).to.equal('5');
    expect(doc.documentElement.lang).to.equal('es');
    expect(el.style.getPropertyValue('--recovery-color-primary')).to.equal('#800000');
    expect(el.style.getPropertyValue('--recovery-radius')).to.equal('2px');
    // Links leave the frame: the page's base target is the top window.
    expect(doc.querySelector('base')?.target).to.equal('_top');
    await until(() => /resultados/.test(el.shadowRoot?.textContent ?? ''), 'Spanish results');
    f.remove();
  });

  it('takes any of the twelve languages (Arabic right to left) and the language menu from the link', async () => {
    const f = frame(`${EMBED}?element=newsletter-signup&lang=ar&language-picker`);
    await until(() => f.contentDocument?.querySelector('recovery-newsletter-signup')?.shadowRoot?.querySelector('#language-picker') != null, 'menu');
    const doc = f.contentDocument as Document;
    const el = doc.querySelector('recovery-newsletter-signup') as HTMLElement;
    expect([doc.documentElement.lang, doc.documentElement.dir]).to.deep.equal(['ar', 'rtl']);
    await until(() => el.getAttribute('dir') === 'rtl', 'the element right to left');
    const options = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#language-picker option')].map((o) => o.textContent);
    expect(options).to.have.length(12);
    expect(options).to.include.members(['العربية', '繁體中文', 'Kreyòl ayisyen', 'Soomaali']);
    f.remove();
    const zh = frame(`${EMBED}?element=newsletter-signup&lang=zh-TW`);
    await until(() => zh.contentDocument?.querySelector('recovery-newsletter-signup') != null, 'element');
    expect([zh.contentDocument!.documentElement.lang, zh.contentDocument!.documentElement.dir]).to.deep.equal(['zh-Hant', 'ltr']);
    zh.remove();
  });

  it('refuses a dataset, or any address, from an origin the page does not allow', async () => {
    const f = frame(`${EMBED}?element=resource-search&src=${encodeURIComponent(`${otherOrigin()}/test/fixtures/dataset.json`)}&no-location`);
    await until(() => f.contentDocument?.querySelector('recovery-resource-search') != null, 'element');
    const el = f.contentDocument!.querySelector('recovery-resource-search') as HTMLElement;
    expect(el.hasAttribute('src')).to.equal(false);
    expect(el.hasAttribute('no-location')).to.equal(true);
    f.remove();
    const same = frame(`${EMBED}?src=/test/fixtures/dataset.json`);
    await until(() => same.contentDocument?.querySelector('recovery-resource-search') != null, 'element');
    expect(same.contentDocument!.querySelector('recovery-resource-search')!.getAttribute('src')).to.equal('/test/fixtures/dataset.json');
    same.remove();
  });

  /** The manifest's address attributes of each element (typed UrlAttribute, as the embed reads them). */
  async function urlAttributes(): Promise<Array<[string, string[]]>> {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as {
      modules: Array<{ declarations?: Array<{ tagName?: string; attributes?: Array<{ name: string; type?: { text?: string } }> }> }>;
    };
    return manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .filter((d) => d.tagName)
      .map((d) => [d.tagName as string, (d.attributes ?? []).filter((a) => /\bUrlAttribute\b/.test(a.type?.text ?? '')).map((a) => a.name)] as [string, string[]])
      .filter(([, names]) => names.length > 0);
  }

  async function mounted(src: string, tag: string): Promise<{ f: HTMLIFrameElement; el: HTMLElement; doc: Document }> {
    const f = frame(src);
    await until(() => f.contentDocument?.querySelector(tag) != null, `${tag} mounted`);
    const doc = f.contentDocument as Document;
    return { f, el: doc.querySelector(tag) as HTMLElement, doc };
  }

  /** Hostile addresses: none is this page's origin or on its list. */
  const hostile = (other: string): Record<string, string> => ({
    'other origin': `${other}/test/fixtures/dataset.json`,
    'javascript:': 'javascript:alert(1)',
    'data:': 'data:application/json,{"resources":[]}',
    'blob:': `blob:${location.origin}/0d6c6c2e-1f7a-4c52-a3a5-5b7c1c7c8f00`,
    'protocol-relative': '//evil.example/data.json',
    backslashes: '\\\\evil.example\\data.json',
    userinfo: `http://${location.host}@evil.example/data.json`,
    IDN: 'https://xn--80ak6aa92e.com/data.json',
    whitespace: ' \t//evil.example/data.json',
    'lookalike of the allowed tile host': 'https://tile.openstreetmap.org.evil.example/{z}/{x}/{y}.png',
  });

  it('refuses every address attribute of every element with an origin off the list, and says so on screen', async () => {
    const elements = await urlAttributes();
    expect(elements.length).to.be.greaterThan(3);
    let cases = 0;
    const leaked: string[] = [];
    const unsaid: string[] = [];
    for (const [tag, names] of elements) {
      for (const [label, value] of Object.entries(hostile(otherOrigin()))) {
        const query = names.map((n) => `${n}=${encodeURIComponent(value)}`).join('&');
        const { f, el, doc } = await mounted(`${EMBED}?element=${tag.replace(/^recovery-/, '')}&${query}`, tag);
        const notice = doc.querySelector('.embed-notice')?.textContent ?? '';
        for (const n of names) {
          if (el.hasAttribute(n)) leaked.push(`${tag} ${n} (${label}): ${el.getAttribute(n)}`);
          if (!notice.includes(`${n}:`)) unsaid.push(`${tag} ${n} (${label})`);
          cases += 1;
        }
        f.remove();
      }
    }
    expect(leaked, 'addresses that reached the element').to.deep.equal([]);
    expect(unsaid, 'refusals missing from the notice').to.deep.equal([]);
    console.log(`embed: ${cases} address attribute × hostile URL cases refused`);
  });

  it('takes site text only when the page allows it', async () => {
    const q = '?element=newsletter-signup&fallback-email=evil%40example.org&heading=Not+ours&action=/api/newsletter';
    const refused = await mounted(`${EMBED}${q}`, 'recovery-newsletter-signup');
    expect(refused.el.hasAttribute('fallback-email')).to.equal(false);
    expect(refused.el.hasAttribute('heading')).to.equal(false);
    expect(refused.el.getAttribute('action')).to.equal('/api/newsletter');
    expect(refused.doc.querySelector('.embed-notice')?.textContent ?? '').to.contain('recovery-finder-site-text');
    refused.f.remove();
    const intro = await mounted(`${EMBED}?element=prsc-map&intro=Call+us&lang=es`, 'recovery-prsc-map');
    expect(intro.el.hasAttribute('intro')).to.equal(false);
    expect(intro.doc.querySelector('.embed-notice')?.textContent ?? '').to.contain('solo se acepta');
    intro.f.remove();
    const allowed = await mounted(`/test/fixtures/embed-allow.html${q}`, 'recovery-newsletter-signup');
    expect(allowed.el.getAttribute('fallback-email')).to.equal('evil@example.org');
    expect(allowed.el.getAttribute('heading')).to.equal('Not ours');
    expect(allowed.doc.querySelector('.embed-notice')).to.equal(null);
    allowed.f.remove();
  });

  it('refuses a theme colour that would make text unreadable, and keeps a readable one', async () => {
    for (const colour of ['transparent', 'rgba(128,0,0,0)', '#ffffff', 'white', '#fefefe', 'hsl(0 0% 90%)', '#777777']) {
      const { f, el, doc } = await mounted(`${EMBED}?color=${encodeURIComponent(colour)}`, 'recovery-resource-search');
      expect(el.style.getPropertyValue('--recovery-color-primary'), colour).to.equal('');
      expect(doc.querySelector('.embed-notice')?.textContent ?? '', colour).to.contain('color:');
      f.remove();
    }
    const ok = await mounted(`${EMBED}?color=%23595959`, 'recovery-resource-search');
    expect(ok.el.style.getPropertyValue('--recovery-color-primary')).to.equal('#595959');
    expect(ok.doc.querySelector('.embed-notice')).to.equal(null);
    ok.f.remove();
  });

  it('shows the notice as a status region with a heading and a list, without axe violations', async () => {
    const { f, doc } = await mounted(`${EMBED}?src=${encodeURIComponent(`${otherOrigin()}/x.json`)}&color=transparent`, 'recovery-resource-search');
    const notice = doc.querySelector('.embed-notice') as HTMLElement;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.querySelectorAll('li').length).to.equal(2);
    expect(notice.textContent).to.contain('recovery-finder-allowed-origins');
    // axe judges the notice in this document (with the page's styles) to see its contrast too.
    const copy = document.importNode(notice, true);
    const style = document.createElement('style');
    style.textContent = Array.from(doc.styleSheets).flatMap((s) => Array.from(s.cssRules).map((r) => r.cssText)).join('\n');
    document.head.append(style);
    document.body.append(copy);
    await expect(copy).to.be.accessible();
    copy.remove();
    style.remove();
    f.remove();
  });

  it('refuses a same-origin src that redirects to another origin, in words with the help lines', async () => {
    const to = `${otherOrigin()}/test-api/dataset?fixture=dataset&cors=1`;
    const src = `/test-api/redirect?to=${encodeURIComponent(to)}`;
    const { f, el } = await mounted(`${EMBED}?src=${encodeURIComponent(src)}&no-location`, 'recovery-resource-search');
    expect(el.getAttribute('src')).to.equal(src);
    await until(() => el.shadowRoot?.querySelector('.load-error') != null, 'the refusal shown');
    const error = el.shadowRoot!.querySelector('.load-error')!.textContent ?? '';
    expect(error).to.contain('this site does not allow the address the data came from');
    expect(error).to.contain('help lines');
    expect(el.shadowRoot!.querySelector('.load-error button')).to.equal(null);
    f.remove();
  });

  it('lets no generated hostile address reach the element through any address parameter', async () => {
    const elements = await urlAttributes();
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...elements), hostileAddress(location.hostname), async ([tag, names], { cls, value }) => {
        const query = names.map((n) => `${n}=${encodeURIComponent(value)}`).join('&');
        const { f, el } = await mounted(`${EMBED}?element=${tag.replace(/^recovery-/, '')}&${query}`, tag);
        const leaked = names.filter((n) => el.hasAttribute(n));
        f.remove();
        cases += names.length;
        expect(leaked, `${cls}: ${JSON.stringify(value)}`).to.deep.equal([]);
      }),
      { numRuns: 40 },
    );
    console.log(`embed: ${cases} generated address attribute cases refused`);
  });
});

