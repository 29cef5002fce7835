/** The polite status line and the failure alert of the newsletter signup. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { SignupOutcome } from '../../core/signup.js';
import { failureMessage, retryWaitMessage } from './messages.js';

/**
 * `idle`: filling in. `sending`: posted (or handed to the host page), waiting. `success`: done.
 * `failed`: the send failed; input kept, Retry offered. `waiting-online`: pressed while offline,
 * sent when the device is back online. `too-fast`: submitted faster than a person can type.
 * `fallback`: no endpoint; the mailto link is offered.
 */
export type Phase = 'idle' | 'sending' | 'success' | 'failed' | 'waiting-online' | 'too-fast' | 'fallback';

export interface StatusView {
  phase: Phase;
  /** The prefilled mailto link to `fallback-email`, if there is one. */
  link: string | undefined;
  successText: string;
  offline: boolean;
  backOnline: boolean;
  reset: () => void;
}

export function renderStatus(v: StatusView): TemplateResult | typeof nothing {
  const link = v.link;
  switch (v.phase) {
    case 'sending':
      return html`<p>${msg('Sending your signup… Your details are locked until it is sent.')}</p>`;
    case 'success':
      return html`<div class="notice success">
        <p id="done" tabindex="-1"><strong>${v.successText || msg('Thank you. You are signed up.')}</strong></p>
        <div class="actions">
          <button type="button" class="secondary" @click=${v.reset}>${msg('Sign up another address')}</button>
        </div>
      </div>`;
    case 'too-fast':
      return html`<p class="notice">${msg('Please check your details and press Sign up again.')}</p>`;
    case 'waiting-online':
      return html`<div class="notice warning">
        <p>${msg('You are offline. Your signup is kept here and will be sent as soon as you are back online.')}</p>
        ${link ? html`<p><a href=${link}>${msg('Or send it by e-mail instead')}</a></p>` : nothing}
      </div>`;
    case 'fallback':
      return html`<div class="notice">
        ${link
          ? html`<p>${msg('This signup is sent by e-mail. Your e-mail app will open with your details filled in.')}</p>
              <div class="actions"><a href=${link}>${msg('Send my signup by e-mail')}</a></div>`
          : html`<p>${msg('This signup form is not connected yet. Please contact the website to sign up.')}</p>`}
      </div>`;
    default:
      if (v.offline) return html`<p class="notice warning">${msg('You are offline. You can still fill in the form; press Sign up and it will be sent when you are back online.')}</p>`;
      if (v.backOnline) return html`<p class="notice">${msg('You are back online. Press Sign up to send your signup.')}</p>`;
      return nothing;
  }
}

export interface FailureView {
  /** What became of the send; undefined when the host page's code reported the failure. */
  outcome: SignupOutcome | undefined;
  errorText: string;
  hostMessage: string;
  link: string | undefined;
  /** A 429's wait: when it ends, and whether the element then sends by itself. */
  wait: { until: number; auto: boolean } | undefined;
  retry: () => void;
}

/** The failure: why, in words, that nothing is lost, Retry (off while a 429 asks to wait) and the mailto. */
export function renderFailure(v: FailureView): TemplateResult {
  const { lead, detail } = v.outcome
    ? failureMessage(v.outcome, v.errorText)
    : { lead: v.errorText || msg('Your signup was not sent yet.'), detail: v.hostMessage || msg('Please try again.') };
  const seconds = v.outcome?.kind === 'rate-limited' ? v.outcome.retryAfterSeconds : undefined;
  const wait = v.wait && seconds !== undefined ? retryWaitMessage(seconds, v.wait.until, v.wait.auto) : '';
  return html`<div class="notice error">
    <p><strong>${lead}</strong> ${wait || detail} ${msg('Everything you entered is still here.')}</p>
    <div class="actions">
      <button type="button" aria-disabled=${v.wait ? 'true' : 'false'} @click=${v.retry}>${msg('Retry')}</button>
      ${v.link ? html`<a href=${v.link}>${msg('Send my signup by e-mail instead')}</a>` : nothing}
    </div>
  </div>`;
}
