/**
 * The help contacts every element always shows: before the data arrives, when it fails, and
 * above the results when a search sounds like a crisis. They come from (first found): the
 * element's `help` slot, its `helpContacts` property, the dataset's `help` block, or the
 * built-in defaults (911, 988, the Massachusetts Substance Use Helpline, BOS:311).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { HelpContact, Phone } from '../../core/schema.js';
import { DEFAULT_HELP_CONTACTS } from '../../core/help-defaults.js';
import { safeHttpUrl, smsHref, telHref } from '../../core/links.js';
import { getLocale, isolate } from '../i18n/localize.js';
import { contactText, DATA_LANGUAGE, type LanguageText } from '../../core/translations.js';
import { dataLanguage, langText, textDir } from '../i18n/data-language.js';

export { DEFAULT_HELP_CONTACTS };

/** The helpline that finds treatment and recovery support: the state's, else the first support line. */
function helpline(contacts: readonly HelpContact[] | undefined): HelpContact | undefined {
  const list = contacts?.length ? contacts : DEFAULT_HELP_CONTACTS;
  return list.find((c) => c.id === 'ma-substance-use-helpline') ?? list.find((c) => c.urgency === 'support');
}

/** "Massachusetts Substance Use Helpline: … Call 800-327-5050": the helpline and its number, or nothing. */
export function renderHelpline(contacts: readonly HelpContact[] | undefined): TemplateResult | typeof nothing {
  const line = helpline(contacts);
  const phone = line?.phones.find((p) => p.type !== 'text') ?? line?.phones[0];
  if (!line || !phone) return nothing;
  const words = localized(line);
  return html`<p class="helpline">
    ${langText(words.name, '', 'span')}${words.description ? html`: ${langText(words.description, '', 'span')}` : nothing}
    <a href=${telHref(phone)} aria-label=${`${callWords(phone)} (${words.name.text})`}>${isolate(callWords(phone), phone.number)}</a>
  </p>`;
}

/** "Call 988": the words of every link that calls a number (help lines, cards, lists). */
export function callWords(phone: Pick<Phone, 'number'>): string {
  return msg(str`Call ${phone.number}`, {
    desc: 'Link that calls a number: help lines (always shown; first in a crisis) and places. Keep the number as written, in Western digits.',
  });
}

/** "Text HOPE to 800327" or "Text 988": the words of every link that opens a text message. */
export function textWords(phone: Pick<Phone, 'number' | 'text_body'>): string {
  return phone.text_body
    ? msg(str`Text ${phone.text_body} to ${phone.number}`, {
        desc: 'Link that opens a text message: the keyword to send (keep it as written: the line expects it), then the number. Keep the number as written, in Western digits.',
      })
    : msg(str`Text ${phone.number}`, {
        desc: 'Link that opens a text message to a number (a help line or a place). Keep the number as written, in Western digits.',
      });
}

/** The words of a contact, each with its language. */
interface ContactWords {
  name: LanguageText;
  description?: LanguageText | undefined;
}

/**
 * Built-in contacts are worded by the library, in the page's language; a site's own contacts
 * are shown in the page's language when their `translations` have it, else as the site wrote
 * them (English, marked so).
 */
function localized(contact: HelpContact): ContactWords {
  const ui = (text: string): LanguageText => ({ text, lang: getLocale() });
  switch (contact.id) {
    case 'emergency-911':
      // No description: the "Call 911" link says it (it was said twice).
      return {
        name: ui(msg('Emergency or overdose', { desc: 'Help line (always shown; first in a crisis). Name of the 911 line, beside a "Call 911" link.' })),
      };
    case 'lifeline-988':
      return {
        name: ui(msg('988 Suicide & Crisis Lifeline', {
          desc: 'Help line (always shown; first in a crisis). Name of the national suicide and crisis line, reached by calling or texting 988. Keep every number as written, in Western digits.',
        })),
        description: ui(msg('Call or text 988, any time.', {
          desc: 'Help line (always shown; first in a crisis). What the 988 line offers: a call or a text message, day and night. Keep every number as written, in Western digits.',
        })),
      };
    case 'ma-substance-use-helpline':
      return {
        name: ui(msg('Massachusetts Substance Use Helpline', {
          desc: "Help line (always shown; first in a crisis). Name of the state's free helpline (800-327-5050) for drug and alcohol treatment and recovery support.",
        })),
        description: ui(msg('Free and confidential. Finds treatment and recovery support.', {
          desc: 'Help line (always shown; first in a crisis). What the Massachusetts Substance Use Helpline does.',
        })),
      };
    case 'boston-311':
      return {
        name: ui(msg('BOS:311, City of Boston', {
          desc: "Help line (always shown; first in a crisis). Name of Boston's city services line (dial 3-1-1). Keep BOS:311 as it is: it is the service's name.",
        })),
        description: ui(msg('For recovery support, and to report a discarded needle.', {
          desc: 'Help line (always shown; first in a crisis). What BOS:311 helps with.',
        })),
      };
    default: {
      const lang = dataLanguage();
      return {
        name: contactText(contact, 'name', lang) ?? { text: contact.name, lang: DATA_LANGUAGE },
        description: contactText(contact, 'description', lang),
      };
    }
  }
}

function phoneLink(phone: Phone, name: string): TemplateResult {
  if (phone.type === 'text') {
    const label = textWords(phone);
    return html`<a part="help-link" href=${smsHref(phone)} aria-label=${`${label} (${name})`}>${isolate(label, phone.number, phone.text_body)}</a>`;
  }
  const label = callWords(phone);
  return html`<a part="help-link" href=${telHref(phone)} aria-label=${`${label} (${name})`}>${isolate(label, phone.number)}</a>`;
}

export interface HelpOptions {
  /** Crisis mode: emergency and crisis lines first, emphasised, with a heading that says so. */
  urgent?: boolean;
  /** Show only the emergency and crisis lines (for a compact bar). */
  compact?: boolean;
}

/** The help block. `contacts` falls back to the built-in defaults when empty. */
export function renderHelp(contacts: readonly HelpContact[] | undefined, options: HelpOptions = {}): TemplateResult {
  const list = contacts && contacts.length ? [...contacts] : [...DEFAULT_HELP_CONTACTS];
  const order = { emergency: 0, crisis: 1, support: 2 } as const;
  list.sort((a, b) => order[a.urgency] - order[b.urgency]);
  const heading = options.urgent
    ? msg('If you or someone else is in danger, get help now', {
        desc: 'Heading of the help lines when a search sounds like a crisis ("suicide", "overdose"): urgent, plain words.',
      })
    : msg('Need help now?');
  return html`
    <section class="help ${options.urgent ? 'urgent' : ''}" part="help" aria-label=${heading}>
      <p class="help-heading"><strong>${heading}</strong></p>
      <ul class="plain help-list">
        ${list.map((c) => {
          const { name, description } = localized(c);
          const url = safeHttpUrl(c.url);
          return html`<li>
            ${langText(name, 'help-name', 'span')}
            ${description && !options.compact ? langText(description, 'help-desc muted', 'span') : nothing}
            <span class="help-links">
              ${c.phones.map((p) => phoneLink(p, name.text))}
              ${url && !options.compact ? html`<a part="help-link" href=${url}>${msg('Website')}</a>` : nothing}
            </span>
          </li>`;
        })}
      </ul>
      ${!options.compact && list.some((c) => c.source)
        ? html`<details class="help-sources" part="help-sources">
            <summary>${msg('Where these numbers come from')}</summary>
            <ul class="plain">
              ${list.filter((c) => c.source).map((c) => {
                const name = localized(c).name;
                const source = contactText(c, 'source', dataLanguage());
                return html`<li><strong lang=${name.lang} dir=${textDir(name.lang)}>${name.text}:</strong> ${langText(source, '', 'span')}</li>`;
              })}
            </ul>
          </details>`
        : nothing}
    </section>
  `;
}

export const helpStyles = css`
  .help {
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75em 1em;
    margin: 0 0 var(--_space);
    background: var(--_surface-alt);
  }
  .help.urgent {
    border-color: var(--_danger);
    background: var(--_danger-surface);
  }
  .help-heading {
    margin: 0 0 0.25em;
  }
  .help-list {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.5em;
  }
  .help-sources {
    margin-top: 0.5em;
    font-size: 0.875em;
  }
  .help-sources summary {
    cursor: pointer;
    min-height: 1.5em;
    padding: 0.125em 0;
  }
  .help-sources li {
    margin: 0.25em 0;
    overflow-wrap: anywhere;
  }
  .help-list li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    align-items: baseline;
  }
  .help-name {
    font-weight: 600;
  }
  .help-links {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
  }
  @media (max-width: 640px) {
    /* On a phone the lines to call stay; their descriptions give way to the search. */
    .help:not(.urgent) .help-desc {
      display: none;
    }
    .help {
      padding: 0.5em 0.75em;
    }
  }
  .help-links a {
    display: inline-block;
    min-height: 1.5em;
    padding: 0.125em 0;
    font-weight: 600;
  }
`;
