// The iframe path (dist/embed.html, built by `npm run build`): one element chosen by URL
// parameters, in a real iframe on another origin (127.0.0.1 against the test page's localhost),
// sized by dist/embed-host.js through postMessage.
import { expect } from '@open-wc/testing';
import { until } from '../helpers.js';

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
    const f = frame(`${otherOrigin()}${EMBED}?element=newsletter-signup&heading=Example+news&no-zip`);
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
});
