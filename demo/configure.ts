/**
 * <rf-configure>: the configurator for web editors (demo/configure.html). Choose an element, its
 * options and theme; see it live; copy the snippet for the script-tag path or the iframe path,
 * and the CSP lines the host page needs. The options are the attributes each element documents
 * in custom-elements.json, so a new attribute appears here with no change.
 * A demo page for site editors, in English (the elements it shows follow the chosen language).
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { CATEGORIES } from '../src/core/schema.js';
import { LANGUAGES } from '../src/locales/languages.js';
import { elements } from 'virtual:recovery-elements';
import {
  allowedOriginsMeta, crossOriginAttributes, cspLines, iframeSnippet, isSnippetUrl, isUrlAttribute, scriptSnippet,
  type CrossOrigin, type EmbedConfig,
} from './snippets.js';

interface ManifestAttribute {
  name: string;
  type?: { text?: string };
  description?: string;
}
interface ManifestDeclaration {
  tagName?: string;
  summary?: string;
  attributes?: ManifestAttribute[];
}

/** Each element's title and iframe height, from the element registry (tools/elements.mjs). */
const REGISTERED = new Map(elements.map((e) => [e.name, e]));
const FONTS = ['', 'system-ui, sans-serif', 'Georgia, serif', '"Atkinson Hyperlegible", Verdana, sans-serif', 'Arial, Helvetica, sans-serif'];

/**
 * The warning over the iframe snippet when an address option is on another origin than the
 * embed page, in the editor's language (the Language chosen, else the page's).
 */
const ORIGIN_WARNING = {
  en: {
    lead: 'The iframe’s page (embed.html) takes addresses only from its own site and the origins its recovery-finder-allowed-origins line lists. These options are on another origin:',
    paste: 'In your copy of embed.html, replace the <meta name="recovery-finder-allowed-origins"> line with this one, or the element will not use them:',
    copy: 'Copy the meta line',
  },
  es: {
    lead: 'La página del iframe (embed.html) solo acepta direcciones de su propio sitio y de los orígenes que lista su línea recovery-finder-allowed-origins. Estas opciones están en otro origen:',
    paste: 'En su copia de embed.html, reemplace la línea <meta name="recovery-finder-allowed-origins"> por esta; si no, el elemento no las usará:',
    copy: 'Copiar la línea meta',
  },
};

/** A manifest description as text, its `backticked` parts as code (the manifest keeps markdown). */
function withCode(text: string | undefined) {
  return (text ?? '').split('`').map((part, i) => (i % 2 ? html`<code>${part}</code>` : part));
}

@customElement('rf-configure')
export class RfConfigure extends LitElement {
  /** Where custom-elements.json is served. */
  @property() manifest = '/custom-elements.json';
  /** The element shown first. */
  @property() element = 'resource-search';

  @state() private declarations: ManifestDeclaration[] = [];
  @state() private options: Record<string, string | boolean> = {};
  @state() private language = '';
  @state() private color = '';
  @state() private font = '';
  @state() private radius = '';
  @state() private base = 'https://www.example.gov/assets/recovery-finder/';
  /** What is typed in the upload field; `base` keeps the last value that was accepted. */
  @state() private baseTyped = this.base;
  @state() private copied = '';
  @state() private loadError = '';

  static override styles = css`
    :host { display: block; }
    .layout { display: grid; gap: 1.5rem; grid-template-columns: minmax(0, 1fr); }
    @media (min-width: 64rem) { .layout { grid-template-columns: minmax(0, 22rem) minmax(0, 1fr); } }
    fieldset { border: 1px solid #8a8a8a; border-radius: 0.5rem; margin: 0 0 1rem; padding: 0.75rem 1rem; min-width: 0; }
    legend { font-weight: 700; padding: 0 0.25rem; }
    label { display: block; font-weight: 600; margin-top: 0.75rem; }
    .check { display: flex; gap: 0.5rem; align-items: center; font-weight: 400; margin-top: 0.5rem; min-height: 24px; }
    .check input { width: 1.25rem; height: 1.25rem; margin: 0; }
    .hint { display: block; font-weight: 400; font-size: 0.875rem; color: #4a4a4f; }
    input:not([type='checkbox']), select { font: inherit; box-sizing: border-box; width: 100%; min-height: 2.75rem; padding: 0.25rem 0.5rem; }
    input[type='color'] { padding: 0.125rem; }
    .categories { columns: 2 10rem; }
    .preview { border: 2px dashed #8a8a8a; border-radius: 0.5rem; padding: 1rem; min-width: 0; max-height: 36rem; overflow: auto; }
    .preview:focus-visible { outline: 3px solid #0b5cab; outline-offset: 2px; }
    pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f3f3f5; color: #1b1b1f; padding: 0.75rem; border-radius: 0.5rem; margin: 0.5rem 0; font-size: 0.875rem; }
    button { font: inherit; min-height: 2.75rem; padding: 0.25rem 1rem; cursor: pointer; }
    h2 { font-size: 1.25rem; margin: 1.5rem 0 0.25rem; }
    .status { min-height: 1.5em; }
    .refused { color: #a4262c; font-weight: 600; margin: 0.25rem 0 0; }
    .origins { border-left: 0.375rem solid #a4262c; background: #fdf3f4; color: #1b1b1f; padding: 0.5rem 0.75rem; margin: 0.5rem 0; }
    .origins:empty { display: none; }
    .origins p { margin: 0.25rem 0; }
    input[aria-invalid='true'] { border: 2px solid #a4262c; }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.declarations.length) void this.readManifest();
  }

  private async readManifest(): Promise<void> {
    try {
      const r = await fetch(this.manifest);
      const m = (await r.json()) as { modules: Array<{ declarations?: ManifestDeclaration[] }> };
      this.declarations = m.modules.flatMap((mod) => mod.declarations ?? []).filter((d) => d.tagName?.startsWith('recovery-'));
    } catch (e) {
      this.loadError = `Could not read ${this.manifest}: ${String(e)}`;
    }
  }

  private get declaration(): ManifestDeclaration | undefined {
    return this.declarations.find((d) => d.tagName === `recovery-${this.element}`);
  }

  /**
   * The configuration the form describes. An address that is neither http(s) nor a path is
   * never part of it: a refused attribute is left out, a refused upload location keeps the last
   * accepted one.
   */
  get config(): EmbedConfig {
    return {
      element: this.element,
      attributes: Object.fromEntries(Object.entries(this.options).filter(([name, value]) => !isUrlAttribute(this.typeOf(name), value) || isSnippetUrl(value))),
      lang: this.language,
      theme: { color: this.color, font: this.font, radius: this.radius },
      base: this.base,
      height: REGISTERED.get(this.element)?.embedHeight ?? 900,
    };
  }

  /** An option's type as the manifest gives it (`UrlAttribute`, `boolean`...). */
  private typeOf(name: string): string | undefined {
    return this.declaration?.attributes?.find((a) => a.name === name)?.type?.text;
  }

  /** The options the manifest types `UrlAttribute`: addresses. */
  private get urlAttributes(): Set<string> {
    return new Set((this.declaration?.attributes ?? []).filter((a) => isUrlAttribute(a.type?.text, '')).map((a) => a.name));
  }

  private set(name: string, value: string | boolean) {
    this.options = { ...this.options, [name]: value };
  }

  private async copy(which: string, text: string) {
    try {
      await navigator.clipboard.writeText(text);
      this.copied = `${which} copied.`;
    } catch {
      this.copied = `Could not copy: select the text and copy it yourself.`;
    }
  }

  private renderAttribute(a: ManifestAttribute) {
    const id = `attr-${a.name}`;
    const value = this.options[a.name];
    if (a.name === 'category') {
      const chosen = new Set(String(value ?? '').split(',').filter(Boolean));
      const toggle = (c: string, on: boolean) => {
        if (on) chosen.add(c);
        else chosen.delete(c);
        this.set('category', CATEGORIES.filter((x) => chosen.has(x)).join(','));
      };
      return html`<fieldset>
        <legend>Categories shown first (category)</legend>
        <div class="categories">
          ${CATEGORIES.map(
            (c) => html`<label class="check"><input type="checkbox" name="category" .value=${c} .checked=${chosen.has(c)}
                @change=${(e: Event) => toggle(c, (e.target as HTMLInputElement).checked)} />${c}</label>`,
          )}
        </div>
      </fieldset>`;
    }
    if (a.type?.text === 'boolean') {
      return html`<label class="check"><input id=${id} type="checkbox" .checked=${value === true}
          @change=${(e: Event) => this.set(a.name, (e.target as HTMLInputElement).checked)} />${a.name}</label>
        <span class="hint">${withCode(a.description)}</span>`;
    }
    const refused = isUrlAttribute(a.type?.text, value ?? '') && !isSnippetUrl(String(value ?? ''));
    return html`<label for=${id}>${a.name}<span class="hint">${withCode(a.description)}</span></label>
      <input id=${id} type="text" .value=${typeof value === 'string' ? value : ''} aria-invalid=${refused ? 'true' : 'false'}
        aria-describedby=${`${id}-refused`}
        @input=${(e: Event) => this.set(a.name, (e.target as HTMLInputElement).value)} />
      ${this.renderRefused(`${id}-refused`, refused, 'The snippets leave this option out.')}`;
  }

  /** The words under a refused address: always in the page (so they are announced when filled). */
  private renderRefused(id: string, refused: boolean, outcome: string) {
    return html`<p class="refused" id=${id} aria-live="polite">${refused
      ? `Not used: only an address starting with https:// or http://, or a path such as /assets/recovery-finder/, is accepted here. ${outcome}`
      : nothing}</p>`;
  }

  /** The warning for address options on another origin than the embed page (empty when none). */
  private renderOriginWarning(cross: CrossOrigin[]) {
    if (cross.length === 0) return nothing;
    const lang = (this.language || document.documentElement.lang).startsWith('es') ? 'es' : 'en';
    const words = ORIGIN_WARNING[lang];
    const line = allowedOriginsMeta(cross.map((c) => c.origin));
    return html`<div lang=${lang}>
      <p><strong>${words.lead}</strong></p>
      <ul>${cross.map((c) => html`<li><code>${c.name}</code>: ${c.origin}</li>`)}</ul>
      <p>${words.paste}</p>
      <pre data-snippet="allowed-origins">${line}</pre>
      <button type="button" @click=${() => this.copy('Meta line', line)}>${words.copy}</button>
    </div>`;
  }

  private setBase(value: string) {
    this.baseTyped = value;
    if (isSnippetUrl(value)) this.base = value;
  }

  private renderPreview() {
    const c = this.config;
    const style = [
      c.theme.color ? `--recovery-color-primary: ${c.theme.color}` : '',
      c.theme.font ? `--recovery-font-family: ${c.theme.font}` : '',
      c.theme.radius ? `--recovery-radius: ${c.theme.radius}` : '',
    ].filter(Boolean).join('; ');
    // A fresh element per configuration, made from the same snippet a page would hold.
    const el = document.createElement(`recovery-${c.element}`);
    for (const [name, value] of Object.entries(c.attributes)) {
      if (value === true) el.setAttribute(name, '');
      else if (typeof value === 'string' && value !== '') el.setAttribute(name, value);
    }
    if (c.lang) el.setAttribute('lang', c.lang);
    if (style) el.setAttribute('style', style);
    return el;
  }

  override render() {
    const d = this.declaration;
    const c = this.config;
    const title = REGISTERED.get(this.element)?.title ?? 'recovery-finder';
    const script = scriptSnippet(c);
    const frame = iframeSnippet(c, title);
    const csp = cspLines(c);
    return html`
      ${this.loadError ? html`<p role="alert">${this.loadError}</p>` : nothing}
      <div class="layout">
        <form @submit=${(e: Event) => e.preventDefault()} aria-label="Configuration">
          <fieldset>
            <legend>Element</legend>
            <label for="element">Which element</label>
            <select id="element" @change=${(e: Event) => {
              this.element = (e.target as HTMLSelectElement).value;
              this.options = {};
            }}>
              ${this.declarations.map(
                (x) => html`<option value=${x.tagName!.slice(9)} ?selected=${x.tagName === `recovery-${this.element}`}>${x.tagName}</option>`,
              )}
            </select>
            ${d?.summary ? html`<span class="hint">${withCode(d.summary)}</span>` : nothing}
            <label for="lang">Language</label>
            <select id="lang" @change=${(e: Event) => (this.language = (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${this.language === ''}>Follow the page</option>
              ${LANGUAGES.map(
                (l) => html`<option value=${l.tag} lang=${l.tag} dir=${l.dir} ?selected=${this.language === l.tag}>${l.name}</option>`,
              )}
            </select>
          </fieldset>
          <fieldset>
            <legend>Options</legend>
            ${(d?.attributes ?? []).map((a) => this.renderAttribute(a))}
          </fieldset>
          <fieldset>
            <legend>Theme</legend>
            <label for="color">Main colour</label>
            <input id="color" type="color" .value=${this.color || '#0b5cab'} @input=${(e: Event) => (this.color = (e.target as HTMLInputElement).value)} />
            <label for="font">Font</label>
            <select id="font" @change=${(e: Event) => (this.font = (e.target as HTMLSelectElement).value)}>
              ${FONTS.map((f) => html`<option value=${f} ?selected=${f === this.font}>${f || 'The page’s font'}</option>`)}
            </select>
            <label for="radius">Corner radius<span class="hint">A CSS length, e.g. 0, 4px, 0.75rem</span></label>
            <input id="radius" type="text" .value=${this.radius} @input=${(e: Event) => (this.radius = (e.target as HTMLInputElement).value)} />
          </fieldset>
          <fieldset>
            <legend>Your site</legend>
            <label for="base">Where you upload dist/<span class="hint">The address of the folder holding recovery-finder.js</span></label>
            <input id="base" type="url" .value=${this.baseTyped} aria-invalid=${isSnippetUrl(this.baseTyped) ? 'false' : 'true'}
              aria-describedby="base-refused" @input=${(e: Event) => this.setBase((e.target as HTMLInputElement).value)} />
            ${this.renderRefused('base-refused', !isSnippetUrl(this.baseTyped), `The snippets keep the last address accepted: ${this.base}`)}
          </fieldset>
        </form>
        <div>
          <h2>Preview</h2>
          <div class="preview" tabindex="0" role="region" aria-label="Preview (scrolls)">${this.renderPreview()}</div>

          <h2 id="script-heading">Script tag</h2>
          <p>For pages that may hold a script. Upload <code>dist/</code> first (docs/hosting.md).</p>
          <pre aria-labelledby="script-heading" data-snippet="script">${script}</pre>
          <button type="button" @click=${() => this.copy('Script snippet', script)}>Copy the script snippet</button>
          ${c.theme.color || c.theme.font || c.theme.radius
            ? html`<p class="hint">A strict Content Security Policy blocks the &lt;style&gt; block: put its lines in your site's stylesheet instead.</p>`
            : nothing}

          <h2 id="iframe-heading">Iframe</h2>
          <p>For sites that strip scripts (Google Sites, Wix, Squarespace, WordPress.com). The script line is optional: it fits the frame to its content.</p>
          <div class="origins" aria-live="polite" id="iframe-origins">${this.renderOriginWarning(crossOriginAttributes(c, this.urlAttributes))}</div>
          <pre aria-labelledby="iframe-heading" data-snippet="iframe">${frame}</pre>
          <button type="button" @click=${() => this.copy('Iframe snippet', frame)}>Copy the iframe snippet</button>

          <h2 id="csp-heading">Content Security Policy</h2>
          <p>Only if your site sends one. For the script tag:</p>
          <pre aria-labelledby="csp-heading" data-snippet="csp-script">${csp.script.join('\n')}</pre>
          <p>For the iframe:</p>
          <pre data-snippet="csp-iframe" aria-label="Content Security Policy for the iframe">${csp.iframe.join('\n')}</pre>
          <p class="status" role="status">${this.copied}</p>
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rf-configure': RfConfigure;
  }
}
