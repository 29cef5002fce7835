// The configurator (demo/configure.html): each snippet it writes is pasted into a blank page,
// and the element must appear there with the chosen options. Needs `npm run build` (dist/).
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../demo/configure.js';
import type { RfConfigure } from '../../demo/configure.js';
import { until } from '../helpers.js';

const $ = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel) as T;

async function make(): Promise<RfConfigure> {
  const el = await fixture<RfConfigure>(html`<rf-configure></rf-configure>`);
  await until(() => (el.shadowRoot?.querySelectorAll('#element option').length ?? 0) === 5, 'elements listed');
  return el;
}

function typeInto(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

/** A blank page holding `snippet`, in an iframe of its own. */
async function paste(snippet: string): Promise<HTMLIFrameElement> {
  const f = document.createElement('iframe');
  f.style.cssText = 'width: 800px; height: 600px';
  f.srcdoc = `<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body>${snippet}</body></html>`;
  const loaded = new Promise((r) => f.addEventListener('load', r, { once: true }));
  document.body.append(f);
  await loaded;
  return f;
}

describe('demo/configure.html', () => {
  it('is accessible and lists every element', async () => {
    const el = await make();
    await expect(el).to.be.accessible();
    const options = [...el.shadowRoot!.querySelectorAll('#element option')].map((o) => o.textContent);
    expect(options).to.have.members(['recovery-resource-search', 'recovery-prsc-map', 'recovery-disposal-locator', 'recovery-newsletter-signup', 'recovery-my-list']);
  });

  it('writes a script snippet that, pasted into a blank page, shows the element with the chosen options', async () => {
    const el = await make();
    ($<HTMLInputElement>(el, 'input[name=category][value="peer-support"]')).click();
    ($<HTMLInputElement>(el, 'input[name=category][value="housing"]')).click();
    ($<HTMLInputElement>(el, '#attr-no-filters')).click();
    typeInto($<HTMLInputElement>(el, '#attr-page-size'), '5');
    const lang = $<HTMLSelectElement>(el, '#lang');
    lang.value = 'es';
    lang.dispatchEvent(new Event('change'));
    typeInto($<HTMLInputElement>(el, '#radius'), '3px');
    typeInto($<HTMLInputElement>(el, '#base'), `${location.origin}/dist/`);
    await el.updateComplete;
    const snippet = $(el, 'pre[data-snippet=script]').textContent ?? '';
    expect(snippet).to.contain(`src="${location.origin}/dist/recovery-finder.js"`);

    const f = await paste(snippet);
    const doc = f.contentDocument as Document;
    await until(() => doc.querySelector('recovery-resource-search')?.shadowRoot != null, 'element defined in the pasted page');
    const shown = doc.querySelector('recovery-resource-search') as HTMLElement;
    expect(shown.getAttribute('category')).to.equal('peer-support,housing');
    expect(shown.hasAttribute('no-filters')).to.equal(true);
    expect(shown.getAttribute('page-size')).to.equal('5');
    expect(shown.getAttribute('lang')).to.equal('es');
    expect(f.contentWindow!.getComputedStyle(shown).getPropertyValue('--recovery-radius').trim()).to.equal('3px');
    await until(() => /resultados/.test(shown.shadowRoot?.textContent ?? ''), 'Spanish results');
    f.remove();
  });

  it('writes an iframe snippet that, pasted into a blank page, shows the element with the chosen options', async () => {
    const el = await make();
    const pick = $<HTMLSelectElement>(el, '#element');
    pick.value = 'newsletter-signup';
    pick.dispatchEvent(new Event('change'));
    await el.updateComplete;
    typeInto($<HTMLInputElement>(el, '#attr-heading'), 'Example news & notes');
    ($<HTMLInputElement>(el, '#attr-no-zip')).click();
    typeInto($<HTMLInputElement>(el, '#base'), `${location.origin}/dist/`);
    await el.updateComplete;
    const snippet = $(el, 'pre[data-snippet=iframe]').textContent ?? '';
    expect(snippet).to.contain('allow="geolocation"');
    expect(snippet).to.contain('embed-host.js');

    const f = await paste(snippet);
    const inner = () => f.contentDocument?.querySelector('iframe') ?? null;
    await until(() => inner()?.contentDocument?.querySelector('recovery-newsletter-signup')?.shadowRoot != null, 'element in the frame');
    const shown = inner()!.contentDocument!.querySelector('recovery-newsletter-signup') as HTMLElement;
    expect(shown.getAttribute('heading')).to.equal('Example news & notes');
    expect(shown.hasAttribute('no-zip')).to.equal(true);
    // The host script in the snippet sizes the frame to its content.
    await until(() => inner()!.getBoundingClientRect().height !== 650, 'frame fitted to its content');
    f.remove();
  });

  it('gives CSP lines for another origin, and copies with the keyboard', async () => {
    const el = await make();
    typeInto($<HTMLInputElement>(el, '#base'), 'https://assets.example.org/rf/');
    await el.updateComplete;
    expect($(el, 'pre[data-snippet=csp-script]').textContent).to.contain("script-src 'self' https://assets.example.org;");
    expect($(el, 'pre[data-snippet=csp-iframe]').textContent).to.contain("frame-src 'self' https://assets.example.org;");
    const button = [...el.shadowRoot!.querySelectorAll('button')].find((b) => /script snippet/.test(b.textContent ?? '')) as HTMLButtonElement;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => ($(el, '[role=status]').textContent ?? '').trim() !== '', 'copy reported');
    expect($(el, '[role=status]').textContent).to.match(/copied|copy it yourself/);
    await expect(el).to.be.accessible();
  });

  it('lets the CSP connect to a directory API on another origin (api=), for each element that takes one', async () => {
    for (const element of ['resource-search', 'prsc-map', 'disposal-locator']) {
      const el = await make();
      const select = $<HTMLSelectElement>(el, '#element');
      select.value = element;
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      const api = $<HTMLInputElement>(el, '#attr-api');
      expect(api, `${element} has an api option`).to.exist;
      typeInto(api, 'https://directory.example.org/hsds/');
      await el.updateComplete;
      expect($(el, 'pre[data-snippet=csp-script]').textContent, element).to.contain("connect-src 'self' https://directory.example.org;");
      el.remove();
    }
  });

  it('shows the options\' descriptions without the manifest\'s markdown backticks: code in <code>', async () => {
    const el = await make();
    const hints = [...el.shadowRoot!.querySelectorAll('.hint')];
    expect(hints.length).to.be.greaterThan(3);
    expect(hints.filter((h) => h.textContent!.includes('`')).map((h) => h.textContent)).to.deep.equal([]);
    const prefix = $(el, 'label[for=attr-url-prefix] .hint');
    expect(prefix.querySelector('code')?.textContent).to.equal('sync-url');
  });
});
