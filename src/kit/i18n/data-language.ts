/**
 * The language the data's texts are shown in: the element's own (its `lang`, an ancestor's, or
 * the page's), as a full BCP 47 tag. Unlike the interface strings (English and Spanish, one
 * locale per page), a record's `translations` may hold any language: a French page shows a
 * record's French description when it has one, and its English one, marked `lang="en"`, when not.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { DATA_LANGUAGE, type LanguageText } from '../../core/translations.js';

/** The language tag that holds for `el`: its own `lang`, the nearest ancestor's (through shadow roots), or `<html lang>`. */
function languageTagOf(el: Element): string {
  const owner = el.closest('[lang]');
  if (owner) return owner.getAttribute('lang') || DATA_LANGUAGE;
  const root = el.getRootNode();
  if (root instanceof ShadowRoot) return languageTagOf(root.host);
  return document.documentElement.lang || DATA_LANGUAGE;
}

let current = DATA_LANGUAGE;

/** The language the element rendering now shows data in (set by its {@link DataLanguageController}). */
export function dataLanguage(): string {
  return current;
}

/**
 * Makes {@link dataLanguage} the host's language while it renders, and renders it again when
 * its language (or the page's) changes.
 */
export class DataLanguageController implements ReactiveController {
  private observer?: MutationObserver;
  private lang = DATA_LANGUAGE;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.lang = languageTagOf(this.host);
    this.observer = new MutationObserver(() => {
      const lang = languageTagOf(this.host);
      if (lang === this.lang) return;
      this.lang = lang;
      this.host.requestUpdate();
    });
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.observer.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
  }

  hostUpdate(): void {
    current = this.lang;
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}

/**
 * The `dir` of a text in the language `lang`: English left to right, any other language by its
 * own letters (`auto`). Either isolates the text, so English on an Arabic page keeps its order.
 */
export function textDir(lang: string): 'ltr' | 'auto' {
  return lang.toLowerCase().split('-')[0] === DATA_LANGUAGE ? 'ltr' : 'auto';
}

/**
 * A data text in its element (`p`, `span`), with its language and direction on it; nothing when
 * there is no text. The text is always set as text.
 */
export function langText(t: LanguageText | undefined, className: string, tag: 'p' | 'span' = 'p'): TemplateResult | typeof nothing {
  if (!t) return nothing;
  return tag === 'p'
    ? html`<p class=${className} lang=${t.lang} dir=${textDir(t.lang)}>${t.text}</p>`
    : html`<span class=${className} lang=${t.lang} dir=${textDir(t.lang)}>${t.text}</span>`;
}

/** The data's own English text (an address, a town, a name), marked and isolated on a page in another language. */
export function englishText(text: string): TemplateResult | string {
  return dataLanguage().toLowerCase().split('-')[0] === DATA_LANGUAGE ? text : html`<span lang=${DATA_LANGUAGE} dir="ltr">${text}</span>`;
}
