// The configurator (demo/configure.html): each snippet it writes is pasted into a blank page,
// and the element must appear there with the chosen options. Needs `npm run build` (dist/).
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../demo/configure.js';
import type { RfConfigure } from '../../demo/configure.js';
import { elements } from 'virtual:recovery-elements';
import { until } from '../helpers.js';

const $ = <T extends Element>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel) as T;

async function make(): Promise<RfConfigure> {
  const el = await fixture<RfConfigure>(html`<rf-configure></rf-configure>`);
  await until(() => (el.shadowRoot?.querySelectorAll('#element option').length ?? 0) === elements.length, 'elements listed');
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
    expect(options).to.have.members(elements.map((e) => e.tag));
  });

  it('offers the twelve languages, each in its own name, and shows the element in the one chosen', async () => {
    const el = await make();
    const lang = $<HTMLSelectElement>(el, '#lang');
    const options = [...lang.options].map((o) => [o.value, o.lang, o.textContent?.trim()]);
    expect(options).to.deep.equal([
      ['', '', 'Follow the page'],
      ['en', 'en', 'English'], ['es', 'es', 'Español'], ['ht', 'ht', 'Kreyòl ayisyen'], ['zh-Hant', 'zh-Hant', '繁體中文'],
      ['zh-Hans', 'zh-Hans', '简体中文'], ['vi', 'vi', 'Tiếng Việt'], ['kea', 'kea', 'Kabuverdianu'], ['ru', 'ru', 'Русский'],
      ['ar', 'ar', 'العربية'], ['pt-BR', 'pt-BR', 'Português (Brasil)'], ['fr', 'fr', 'Français'], ['so', 'so', 'Soomaali'],
    ]);
    lang.value = 'ar';
    lang.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($(el, 'pre[data-snippet=script]').textContent).to.contain('lang="ar"');
    expect($(el, 'pre[data-snippet=iframe]').textContent).to.contain('lang=ar');
    await expect(el).to.be.accessible();
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
    // The frame's title and first height are the element's own (its @title and @embed-height).
    const news = elements.find((e) => e.name === 'newsletter-signup')!;
    expect(snippet).to.contain(`title="${news.title}"`).and.to.contain(`height: ${news.embedHeight}px`);
    expect(news.embedHeight).to.equal(650);

    const f = await paste(snippet);
    const inner = () => f.contentDocument?.querySelector('iframe') ?? null;
    await until(() => inner()?.contentDocument?.querySelector('recovery-newsletter-signup')?.shadowRoot != null, 'element in the frame');
    const shown = inner()!.contentDocument!.querySelector('recovery-newsletter-signup') as HTMLElement;
    // Site text (`heading`) needs the embed page's site-text meta (#20): the shipped embed.html
    // has none, so the frame shows the element's own heading.
    expect(shown.getAttribute('heading')).to.equal(null);
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

// #20: the configurator writes only http(s) addresses or paths into a snippet; anything else is
// refused next to its field, in words that are announced, and left out of every snippet.
describe('demo/configure.html: addresses it refuses', () => {
  const REFUSED = [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    ' JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    'java\u0000script:alert(1)',
    '\u0001javascript:alert(1)',
    'javascript\u200b:alert(1)',
    'jav&#x09;ascript:alert(1)',
    '&#106;avascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/javascript,alert(1)',
    'blob:https://evil.example/1234',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/rf/',
    '\\\\evil.example\\rf\\',
    '/\\evil.example/rf/',
    'https:\\\\evil.example/',
    'http: //evil.example/',
    'ftp://example.org/rf/',
    'mailto:a@example.org',
  ];
  const ACCEPTED = ['https://assets.example.org/rf/', 'HTTP://assets.example.org/rf/', '/assets/rf/', './rf/', 'rf/dist/', 'https://tiles.example.org/{z}/{x}/{y}.png'];

  const refusedText = (el: Element, id: string) => el.shadowRoot!.getElementById(id)?.textContent?.trim() ?? '';
  const snippets = (el: Element) => [...el.shadowRoot!.querySelectorAll('pre[data-snippet]')].map((p) => p.textContent ?? '').join('\n');

  it(`refuses each of ${REFUSED.length} unsafe upload locations, visibly and announced, and keeps it out of the snippets`, async () => {
    const el = await make();
    const base = $<HTMLInputElement>(el, '#base');
    typeInto(base, 'https://assets.example.org/good/');
    await el.updateComplete;
    for (const value of REFUSED) {
      typeInto(base, value);
      await el.updateComplete;
      const words = el.shadowRoot!.getElementById('base-refused')!;
      expect(refusedText(el, 'base-refused'), JSON.stringify(value)).to.match(/^Not used: only an address starting with https:\/\/ or http:\/\//);
      expect(words.getAttribute('aria-live'), 'announced').to.equal('polite');
      expect(words.getBoundingClientRect().height, 'visible').to.be.greaterThan(0);
      expect(base.getAttribute('aria-invalid')).to.equal('true');
      expect(base.getAttribute('aria-describedby')).to.equal('base-refused');
      const out = snippets(el);
      expect(out, JSON.stringify(value)).to.contain('https://assets.example.org/good/recovery-finder.js');
      expect(out.toLowerCase(), JSON.stringify(value)).not.to.match(/javascript|vbscript|data:|blob:|evil\.example|file:|ftp:|mailto:/);
    }
    await expect(el).to.be.accessible();
  });

  it(`refuses the same ${REFUSED.length} values in every address option (src, api, tile-url, ...), leaving the option out`, async () => {
    const el = await make();
    for (const name of ['src', 'api', 'zip-table-url']) {
      const input = $<HTMLInputElement>(el, `#attr-${name}`);
      expect(input, name).to.exist;
      for (const value of REFUSED) {
        typeInto(input, value);
        await el.updateComplete;
        expect(refusedText(el, `attr-${name}-refused`), `${name} ${JSON.stringify(value)}`).to.match(/^Not used:.*leave this option out/);
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        expect(snippets(el), `${name} ${JSON.stringify(value)}`).not.to.match(new RegExp(`<recovery-[^>]*\\s${name}=|[?&]${name}=`));
        expect(snippets(el).toLowerCase()).not.to.match(/javascript|vbscript|data:text|blob:|evil\.example/);
        const preview = el.shadowRoot!.querySelector('.preview > *')!;
        expect(preview.hasAttribute(name), 'nor in the preview').to.equal(false);
      }
    }
  });

  it(`accepts ${ACCEPTED.length} http(s) addresses and paths, with no message`, async () => {
    const el = await make();
    const base = $<HTMLInputElement>(el, '#base');
    const src = $<HTMLInputElement>(el, '#attr-src');
    for (const value of ACCEPTED) {
      typeInto(base, value);
      typeInto(src, value);
      await el.updateComplete;
      expect(refusedText(el, 'base-refused'), value).to.equal('');
      expect(refusedText(el, 'attr-src-refused'), value).to.equal('');
      expect(base.getAttribute('aria-invalid')).to.equal('false');
      const script = $(el, 'pre[data-snippet=script]').textContent ?? '';
      expect(script).to.contain(`src="${value.endsWith('/') ? value : `${value}/`}recovery-finder.js"`);
      expect(script).to.contain(` src="${value.replace(/&/g, '&amp;')}"`);
    }
    // An inline taxonomy map is not an address.
    const taxonomy = $<HTMLInputElement>(el, '#attr-api-taxonomy');
    typeInto(taxonomy, '{"term-1": "recovery-center"}');
    await el.updateComplete;
    expect(refusedText(el, 'attr-api-taxonomy-refused')).to.equal('');
  });
});

// #22: an address option on another origin than the embed page is refused by embed.html unless
// its recovery-finder-allowed-origins meta lists that origin: the configurator warns, visibly
// and announced, with the exact line to paste, in English and Spanish. Every option the manifest
// types `UrlAttribute` counts, so the list is read from custom-elements.json here too.
describe('demo/configure.html: addresses on another origin than the embed page', () => {
  interface Attr { name: string; type?: { text?: string } }
  async function urlOptions(): Promise<Record<string, string[]>> {
    const m = (await (await fetch('/custom-elements.json')).json()) as { modules: Array<{ declarations?: Array<{ tagName?: string; attributes?: Attr[] }> }> };
    const out: Record<string, string[]> = {};
    for (const d of m.modules.flatMap((x) => x.declarations ?? [])) {
      if (!d.tagName?.startsWith('recovery-')) continue;
      out[d.tagName.slice(9)] = (d.attributes ?? []).filter((a) => /(^|\|)\s*UrlAttribute\s*(\||$)/.test(a.type?.text ?? '')).map((a) => a.name);
    }
    return out;
  }
  const warning = (el: Element) => el.shadowRoot!.getElementById('iframe-origins')!;
  const line = (el: Element) => warning(el).querySelector('pre[data-snippet=allowed-origins]')?.textContent ?? '';

  async function choose(el: RfConfigure, element: string) {
    const select = $<HTMLSelectElement>(el, '#element');
    select.value = element;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
  }

  it('warns for every address option of every element, with the meta line that allows it', async () => {
    const options = await urlOptions();
    expect(Object.values(options).flat().length, 'the manifest types some options UrlAttribute').to.be.greaterThan(10);
    for (const [element, names] of Object.entries(options)) {
      for (const name of names) {
        const el = await make();
        await choose(el, element);
        typeInto($<HTMLInputElement>(el, '#base'), 'https://assets.example.org/rf/');
        const input = $<HTMLInputElement>(el, `#attr-${name}`);
        expect(input, `${element} ${name}`).to.exist;
        typeInto(input, 'https://data.example.net/{z}/x.json');
        await el.updateComplete;
        const box = warning(el);
        expect(box.getAttribute('aria-live'), 'announced').to.equal('polite');
        expect(box.getBoundingClientRect().height, `${element} ${name}: visible`).to.be.greaterThan(0);
        expect(box.textContent, `${element} ${name}`).to.contain(name).and.to.contain('https://data.example.net');
        expect(box.textContent).to.match(/The iframe’s page \(embed\.html\) takes addresses only from its own site/);
        expect(line(el), `${element} ${name}`).to.equal(
          '<meta name="recovery-finder-allowed-origins" content="https://tile.openstreetmap.org https://data.example.net" />',
        );
        el.remove();
      }
    }
  });

  it('says nothing for an address on the embed page\'s own origin, a path, or no address', async () => {
    const el = await make();
    typeInto($<HTMLInputElement>(el, '#base'), 'https://assets.example.org/rf/');
    await el.updateComplete;
    expect(warning(el).textContent!.trim()).to.equal('');
    expect(warning(el).getBoundingClientRect().height, 'takes no room').to.equal(0);
    const src = $<HTMLInputElement>(el, '#attr-src');
    for (const value of ['https://assets.example.org/data/x.json', 'HTTPS://ASSETS.example.org:443/x.json', '/data/x.json', './x.json', 'x.json']) {
      typeInto(src, value);
      await el.updateComplete;
      expect(warning(el).textContent!.trim(), value).to.equal('');
    }
    // The inline taxonomy map is not an address.
    typeInto($<HTMLInputElement>(el, '#attr-api-taxonomy'), '{"https://x.example.net/": "recovery-center"}');
    await el.updateComplete;
    expect(warning(el).textContent!.trim()).to.equal('');
    // A relative upload location is the host page's site: an address there is its own.
    typeInto($<HTMLInputElement>(el, '#base'), '/assets/rf/');
    typeInto(src, 'https://www.example.gov/x.json');
    await el.updateComplete;
    expect(warning(el).textContent!.trim()).to.equal('');
    typeInto(src, 'https://data.example.net/x.json');
    await el.updateComplete;
    expect(line(el)).to.contain('https://data.example.net');
  });

  it('lists each origin once, and says it in Spanish when the language is Spanish', async () => {
    const el = await make();
    typeInto($<HTMLInputElement>(el, '#base'), 'https://assets.example.org/rf/');
    typeInto($<HTMLInputElement>(el, '#attr-src'), 'https://data.example.net/a.json');
    typeInto($<HTMLInputElement>(el, '#attr-api'), 'https://data.example.net/hsds/');
    typeInto($<HTMLInputElement>(el, '#attr-zip-table-url'), 'https://zips.example.com/ma.json');
    const lang = $<HTMLSelectElement>(el, '#lang');
    lang.value = 'es';
    lang.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const box = warning(el);
    expect(line(el)).to.equal('<meta name="recovery-finder-allowed-origins" content="https://tile.openstreetmap.org https://data.example.net https://zips.example.com" />');
    expect(box.textContent).to.match(/La página del iframe \(embed\.html\) solo acepta direcciones de su propio sitio/);
    expect(box.textContent).to.contain('reemplace la línea');
    expect(box.querySelector('[lang=es]'), 'marked as Spanish').to.exist;
    await expect(el).to.be.accessible();
  });

  it('writes a line the embed page reads (src/core/allowed-origins.ts), keeping what the shipped embed.html allows', async () => {
    const el = await make();
    typeInto($<HTMLInputElement>(el, '#base'), 'https://assets.example.org/rf/');
    typeInto($<HTMLInputElement>(el, '#attr-src'), 'https://data.example.net/a.json');
    await el.updateComplete;
    const { pageAllowedOrigins, allowedAddress } = await import('../../src/core/allowed-origins.js');
    const shipped = new DOMParser().parseFromString(await (await fetch('/src/embed/embed.html')).text(), 'text/html');
    const pasted = new DOMParser().parseFromString(line(el), 'text/html').querySelector('meta')!;
    const shippedMeta = shipped.querySelector('meta[name="recovery-finder-allowed-origins"]')! as HTMLMetaElement;
    for (const o of shippedMeta.content.split(/\s+/).filter(Boolean)) expect(pasted.content.split(' ')).to.include(o);
    document.head.append(pasted);
    try {
      const origins = pageAllowedOrigins()!;
      expect(allowedAddress('https://data.example.net/a.json', origins, 'https://assets.example.org/rf/embed.html')).to.equal(true);
    } finally {
      pasted.remove();
    }
  });
});
