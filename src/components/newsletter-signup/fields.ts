/** The inputs of the newsletter signup: labels always visible, one column, 44px targets. */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import type { FieldProblem, SignupField } from '../../core/signup.js';
import { fieldMessage } from './messages.js';

export interface InterestChoice {
  value: string;
  label: string;
}

/** `interests="A, B"`: each item is both value and label. */
export function parseInterests(attr: string): InterestChoice[] {
  return attr
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((label) => ({ value: label, label }));
}

/** `<option value="v">Label</option>` (or any element with `value`) slotted into `interests`; read, never moved. */
export function choicesFromSlot(slot: HTMLSlotElement): InterestChoice[] {
  return slot
    .assignedElements()
    .filter((el) => el instanceof HTMLOptionElement || el.hasAttribute('value'))
    .map((el) => {
      const label = (el.textContent ?? '').trim();
      const value = (el instanceof HTMLOptionElement ? el.value : (el.getAttribute('value') ?? label)).trim();
      return { value: value || label, label: label || value };
    })
    .filter((c) => c.value);
}

/** Attribute choices first, then slotted ones; the first of a repeated value wins. */
export function mergeChoices(...lists: InterestChoice[][]): InterestChoice[] {
  const seen = new Set<string>();
  return lists.flat().filter((c) => !seen.has(c.value) && (seen.add(c.value), true));
}

export interface FieldPatch {
  email?: string;
  name?: string;
  zip?: string;
  chosen?: string[];
  consent?: boolean;
  honey?: string;
}

export interface FieldsView {
  email: string;
  name: string;
  zip: string;
  chosen: readonly string[];
  consent: boolean;
  honey: string;
  choices: readonly InterestChoice[];
  consentText: string;
  noName: boolean;
  noZip: boolean;
  problems: Partial<Record<SignupField, FieldProblem>>;
  /** A request is in flight: text fields are read-only, checkboxes do not toggle. */
  locked: boolean;
  set: (patch: FieldPatch) => void;
}

/**
 * The honeypot's id and name. Browser autofill and password managers guess a field from its
 * name, id and label (name, e-mail, phone, address, url, website, company, user, …); this one
 * matches none of them, so no real person's browser fills it in.
 */
const HONEYPOT_ID = 'rf-hp-7';

const value = (e: Event) => (e.target as HTMLInputElement).value;

function problemAttrs(v: FieldsView, field: SignupField) {
  const problem = v.problems[field];
  return {
    invalid: problem ? 'true' : 'false',
    describedBy: problem ? `${field}-error` : undefined,
    message: problem ? html`<p id="${field}-error" class="field-error">${fieldMessage(field, problem)}</p>` : nothing,
  };
}

/** A locked checkbox keeps its focus and its state: the click is cancelled, no `change` fires. */
const holdIfLocked = (locked: boolean) => (e: Event) => {
  if (locked) e.preventDefault();
};

export function renderFields(v: FieldsView): TemplateResult {
  const email = problemAttrs(v, 'email');
  const zip = problemAttrs(v, 'zip');
  const consent = problemAttrs(v, 'consent');
  const toggle = (choice: string, on: boolean) =>
    v.set({ chosen: on ? [...v.chosen.filter((c) => c !== choice), choice] : v.chosen.filter((c) => c !== choice) });
  return html`
    <div class="field">
      <label for="email">${msg('E-mail address')} <span class="hint">${msg('(required)')}</span></label>
      <input
        id="email"
        part="input"
        type="email"
        name="email"
        autocomplete="email"
        inputmode="email"
        autocapitalize="off"
        spellcheck="false"
        required
        ?readonly=${v.locked}
        .value=${live(v.email)}
        aria-invalid=${email.invalid}
        aria-describedby=${ifDefined(email.describedBy)}
        @input=${(e: Event) => v.set({ email: value(e) })}
      />
      ${email.message}
    </div>
    ${v.noName
      ? nothing
      : html`<div class="field">
          <label for="name">${msg('Name')} <span class="hint">${msg('(optional)')}</span></label>
          <input
            id="name"
            part="input"
            type="text"
            name="name"
            autocomplete="name"
            ?readonly=${v.locked}
            .value=${live(v.name)}
            @input=${(e: Event) => v.set({ name: value(e) })}
          />
        </div>`}
    ${v.noZip
      ? nothing
      : html`<div class="field zip">
          <label for="zip">${msg('ZIP code')} <span class="hint">${msg('(optional)')}</span></label>
          <input
            id="zip"
            part="input"
            type="text"
            name="zip"
            autocomplete="postal-code"
            inputmode="numeric"
            maxlength="10"
            ?readonly=${v.locked}
            .value=${live(v.zip)}
            aria-invalid=${zip.invalid}
            aria-describedby=${ifDefined(zip.describedBy)}
            @input=${(e: Event) => v.set({ zip: value(e) })}
          />
          ${zip.message}
        </div>`}
    ${v.choices.length
      ? html`<fieldset>
          <legend>${msg('What would you like to hear about?')} <span class="hint">${msg('(optional)')}</span></legend>
          ${v.choices.map(
            (c, i) => html`<label class="check">
              <input
                type="checkbox"
                id=${`interest-${i}`}
                .value=${c.value}
                .checked=${live(v.chosen.includes(c.value))}
                aria-disabled=${v.locked ? 'true' : 'false'}
                @click=${holdIfLocked(v.locked)}
                @change=${(e: Event) => toggle(c.value, (e.target as HTMLInputElement).checked)}
              />
              <span>${c.label}</span>
            </label>`,
          )}
        </fieldset>`
      : nothing}
    ${v.consentText
      ? html`<div class="consent ${v.problems.consent ? 'invalid' : ''}">
          <label class="check">
            <input
              type="checkbox"
              id="consent"
              required
              .checked=${live(v.consent)}
              aria-disabled=${v.locked ? 'true' : 'false'}
              @click=${holdIfLocked(v.locked)}
              aria-invalid=${consent.invalid}
              aria-describedby=${ifDefined(consent.describedBy)}
              @change=${(e: Event) => v.set({ consent: (e.target as HTMLInputElement).checked })}
            />
            <span>${v.consentText} <span class="hint">${msg('(required)')}</span></span>
          </label>
          ${consent.message}
        </div>`
      : nothing}
    <div class="hp" aria-hidden="true">
      <label for=${HONEYPOT_ID}>${msg('Leave this field empty')}</label>
      <input
        id=${HONEYPOT_ID}
        type="text"
        name=${HONEYPOT_ID}
        tabindex="-1"
        autocomplete="off"
        data-1p-ignore
        data-lpignore="true"
        data-bwignore
        data-form-type="other"
        .value=${live(v.honey)}
        @input=${(e: Event) => v.set({ honey: value(e) })}
      />
    </div>
  `;
}
