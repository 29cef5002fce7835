/**
 * The newsletter signup's view and what it reads of the element's settings: the form (heading,
 * fields, Sign up), the status line, the failure alert, the compact help line and the interests
 * slot; where the signup is posted and under which field names.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { HelpContact } from '../../core/schema.js';
import type { SendOptions, SignupFormat, SignupInput, SignupOutcome } from '../../core/signup.js';
import { mailtoHref } from '../../core/links.js';
import { DEFAULT_HELP_CONTACTS, renderHelp } from '../../kit/ui/help.js';
import { headingLevel, renderHeading } from '../../kit/ui/heading.js';
import { renderFields, type FieldsView, type InterestChoice } from './fields.js';
import { mailtoParts } from './messages.js';
import { renderFailure, renderStatus, type Phase } from './status.js';

/** The element's attributes the view and the send read. */
export interface SignupSettings {
  action: string;
  list: string;
  method: SignupFormat;
  fieldEmail: string;
  fieldName: string;
  fieldZip: string;
  fieldInterests: string;
  fieldConsent: string;
  fieldKey: string;
  heading: string;
  headingLevel: number;
  successText: string;
  errorText: string;
  consentText: string;
  noName: boolean;
  noZip: boolean;
  timeout: number;
  showHelp: boolean;
  helpContacts: HelpContact[] | undefined;
}

/** The list part of the idempotency key: `list`, else the action URL, resolved. */
export function listIdOf(s: Pick<SignupSettings, 'list' | 'action'>): string {
  if (s.list.trim()) return s.list.trim();
  try {
    return new URL(s.action, location.href).href;
  } catch {
    return s.action;
  }
}

/** How a signup is posted: its format, field names and time limit (`isOnline` is the element's). */
export function sendOptionsOf(s: SignupSettings, isOnline: () => boolean): SendOptions {
  return {
    format: s.method === 'form' ? 'form' : 'json',
    fields: {
      email: s.fieldEmail,
      name: s.fieldName,
      zip: s.fieldZip,
      interests: s.fieldInterests,
      consent: s.fieldConsent,
      key: s.fieldKey,
    },
    timeoutMs: s.timeout,
    isOnline,
  };
}

/** The prefilled mailto link to `fallback-email` (undefined without one). */
export function mailtoOf(fallbackEmail: string, input: SignupInput, choices: readonly InterestChoice[]): string | undefined {
  if (!fallbackEmail) return undefined;
  const { subject, body } = mailtoParts(input, choices);
  return mailtoHref(fallbackEmail, subject, body);
}

/** After a render: the keyboard to the thanks (`success`) or to the first field to fix (`invalid`). */
export function focusAfter(root: ParentNode, target: 'invalid' | 'success' | undefined): void {
  if (target === 'success') root.querySelector<HTMLElement>('#done')?.focus();
  if (target === 'invalid') {
    const first = root.querySelector<HTMLElement>('[aria-invalid="true"]');
    (first ?? root.querySelector<HTMLElement>('#email'))?.focus();
  }
}

/** What the view shows besides the settings. */
export interface SignupView {
  /** The "Language" menu (or nothing). */
  picker: unknown;
  phase: Phase;
  /** Sending, or a 429's wait: Sign up is off. */
  busy: boolean;
  /** How many sends failed in a row. */
  failures: number;
  fields: Omit<FieldsView, 'consentText' | 'noName' | 'noZip'>;
  /** The prefilled mailto link to `fallback-email`, if there is one. */
  link: string | undefined;
  offline: boolean;
  backOnline: boolean;
  /** What became of the failed send (undefined when the host page's code reported it). */
  outcome: SignupOutcome | undefined;
  hostMessage: string;
  /** A 429's wait: when it ends, and whether the element then sends by itself. */
  wait: { until: number; auto: boolean } | undefined;
  retry: () => void;
  reset: () => void;
  onSubmit: (e: Event) => void;
  onSlotChange: (e: Event) => void;
}

export function renderSignup(s: SignupSettings, v: SignupView): TemplateResult {
  const { phase, offline, link } = v;
  // A first failure is a newsletter hiccup, not a crisis: the crisis lines wait for a second.
  const helpShown = s.showHelp || (phase === 'failed' && v.failures >= 2) || phase === 'waiting-online' || offline;
  const contacts = (s.helpContacts?.length ? s.helpContacts : DEFAULT_HELP_CONTACTS).filter((c) => c.urgency !== 'support');
  const status = renderStatus({ phase, link, successText: s.successText, offline, backOnline: v.backOnline, reset: v.reset });
  const failure =
    phase === 'failed'
      ? renderFailure({ outcome: v.outcome, errorText: s.errorText, hostMessage: v.hostMessage, link, wait: v.wait, retry: v.retry })
      : nothing;
  return html`<div class="base" part="base">
    ${v.picker}
    ${s.heading ? renderHeading(headingLevel(s.headingLevel), s.heading, { class: 'title' }) : nothing}
    ${phase === 'success'
      ? nothing
      : html`<form part="form" novalidate aria-label=${s.heading || msg('Newsletter signup')} @submit=${v.onSubmit}>
          ${renderFields({ ...v.fields, consentText: s.consentText, noName: s.noName, noZip: s.noZip })}
          <button
            type="submit"
            part="submit"
            aria-disabled=${v.busy ? 'true' : 'false'}
          >
            ${phase === 'sending' ? msg('Sending…') : msg('Sign up')}
          </button>
        </form>`}
    <div class="status" part="status" role="status">${status}</div>
    <div class="alert" part="error" role="alert">${failure}</div>
    <div class="help-line"><slot name="help">${helpShown ? renderHelp(contacts, { compact: true }) : nothing}</slot></div>
    <div class="sources"><slot name="interests" @slotchange=${v.onSlotChange}></slot></div>
  </div>`;
}
