import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import type { HelpContact } from '../../core/schema.js';
import { checkSignup, sendSignup, signupFingerprint, signupKey, toSubmission } from '../../core/signup.js';
import type { FieldProblem, SignupField, SignupFormat, SignupInput, SignupOutcome, SignupSubmission } from '../../core/signup.js';
import { RecoverySignupEvent } from '../../events.js';
import { baseStyles } from '../../kit/ui/styles.js';
import { helpStyles } from '../../kit/ui/help.js';
import { LocaleController } from '../../kit/i18n/localize.js';
import { DataLanguageController } from '../../kit/i18n/data-language.js';
import { orDefault } from '../../kit/base/attribute.js';
import { SiteTextController } from '../../kit/ui/site-text.js';
import { define } from '../../kit/base/define.js';
import type { Phase } from './status.js';
import { choicesFromSlot, mergeChoices, parseInterests, type FieldPatch, type InterestChoice } from './fields.js';
import { focusAfter, listIdOf, mailtoOf, renderSignup, sendOptionsOf } from './signup-view.js';
import { signupStyles } from './newsletter-signup.styles.js';
import { RetryAfterController } from './retry-after.js';
import type { UrlAttribute, SiteTextAttribute } from '../../kit/base/attribute.js';

/**
 * A newsletter signup that never loses a person's address and signs each person up once:
 * checked before sending; one idempotency key per address and list, the same on every retry
 * and after any edit of the other fields (an `Idempotency-Key` header, and an `idempotency_key`
 * field in a form post's body); the fields locked (read-only) while a request is in flight, so
 * what was sent is what is on screen; redirects never followed; a 429's `Retry-After` waited
 * out before Retry is offered or the element sends again by itself. On any failure the input
 * stays, the reason is said in words, Retry and the mailto fallback are offered. A honeypot
 * field (a name browser autofill leaves alone) and a minimum fill time keep simple bots out (a
 * filled honeypot gets a fake success and sends nothing; a too-fast submit is asked to press
 * again, because a real person may be that fast with autofill). Nothing is logged, stored or
 * put in the URL. What an endpoint must do with the key is in the README ("Newsletter endpoint
 * contract").
 *
 * Help contacts: a newsletter form is not a crisis tool, so the compact help line (emergency and
 * crisis lines) shows only when sending keeps failing (from the second failure), while offline,
 * or with `show-help`; a site's own `help` slot content always shows.
 *
 * @tag recovery-newsletter-signup
 * @summary E-mail newsletter signup (JSON or form post), with a mailto fallback.
 * @title Sign up for recovery news
 * @embed-height 650
 * @fallback <p>Sign up for our newsletter. Help now: <a href="tel:988">call or text 988</a>.</p>
 *
 * @slot help - The site's own help contacts (replaces the compact help line; always shown).
 * @slot interests - `<option value="...">Label</option>` children offered as interest checkboxes.
 *
 * @fires recovery-signup - {@link RecoverySignupEvent}, on every send attempt. Cancelable: call
 *   `preventDefault()` to handle the submission in page code, then `markSubmitted()` or
 *   `markFailed(message?)` on the element (after `timeout` ms without either, it shows a timeout).
 *
 * @csspart base - The wrapper.
 * @csspart form - The form.
 * @csspart input - Each text input.
 * @csspart submit - The Sign up button.
 * @csspart status - The polite live region (sending, success, offline).
 * @csspart error - The alert region for a failed send.
 * @csspart help - The compact help line.
 *
 * @cssprop --recovery-signup-accent - Sign up button colour (defaults to the primary colour).
 * @cssprop --recovery-signup-on-accent - Sign up button text colour.
 * @cssprop --recovery-signup-max-width - Widest the form gets (default 32em).
 * @cssprop --recovery-signup-padding - Padding around the form (default `--recovery-surface-padding`, 0.75em).
 */
@localized()
export class RecoveryNewsletterSignup extends LitElement {
  static override styles = [baseStyles, helpStyles, signupStyles];

  /** Endpoint URL the signup is POSTed to. Without it the `fallback-email` mailto link is offered. */
  @property({ converter: orDefault('') }) action: UrlAttribute = '';
  /** Names the mailing list, for the idempotency key (default: the `action` URL). */
  @property({ converter: orDefault('') }) list = '';
  /** Request format: `json` (application/json) or `form` (application/x-www-form-urlencoded). */
  @property({ converter: orDefault('json') }) method: SignupFormat = 'json';
  /** Posted name of the e-mail field (e.g. `EMAIL` for an e-mail service's embedded form). */
  @property({ attribute: 'field-email', converter: orDefault('email') }) fieldEmail = 'email';
  /** Posted name of the name field. */
  @property({ attribute: 'field-name', converter: orDefault('name') }) fieldName = 'name';
  /** Posted name of the ZIP field. */
  @property({ attribute: 'field-zip', converter: orDefault('zip') }) fieldZip = 'zip';
  /** Posted name of the interests field (repeated once per interest in a form post). */
  @property({ attribute: 'field-interests', converter: orDefault('interests') }) fieldInterests = 'interests';
  /** Posted name of the consent field (`yes` in a form post, `true` in JSON). */
  @property({ attribute: 'field-consent', converter: orDefault('consent') }) fieldConsent = 'consent';
  /** Posted name of the idempotency key field in a form post's body. */
  @property({ attribute: 'field-key', converter: orDefault('idempotency_key') }) fieldKey = 'idempotency_key';
  /** Address for the mailto fallback (no `action`, offline, or the endpoint keeps failing). */
  @property({ attribute: 'fallback-email', converter: orDefault('') }) fallbackEmail: SiteTextAttribute = '';
  /** Words shown after a successful signup. */
  @property({ attribute: 'success-text', converter: orDefault('') }) successText: SiteTextAttribute = '';
  /** First sentence shown when a send fails (the reason and Retry follow). */
  @property({ attribute: 'error-text', converter: orDefault('') }) errorText: SiteTextAttribute = '';
  /** Consent statement; when set, a required checkbox. */
  @property({ attribute: 'consent-text', converter: orDefault('') }) consentText: SiteTextAttribute = '';
  /** Comma-separated interests offered as checkboxes (each is both value and label). */
  @property({ converter: orDefault('') }) interests: SiteTextAttribute = '';
  /** Optional heading above the form (an h2, or the level of `heading-level`). `heading-es`: the same in Spanish. */
  @property({ converter: orDefault('') }) heading: SiteTextAttribute = '';
  /** Level of the heading (1 to 6, default 2). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** Client timeout for one send, in milliseconds. */
  @property({ type: Number }) timeout = 15_000;
  /** Submits faster than this after the form appears are asked to press again (bot guard). */
  @property({ type: Number, attribute: 'min-fill-ms' }) minFillMs = 2500;
  /** Always show the compact help line (otherwise only on failure or offline). */
  @property({ type: Boolean, attribute: 'show-help', reflect: true }) showHelp = false;
  /** Hide the optional name field. */
  @property({ type: Boolean, attribute: 'no-name' }) noName = false;
  /** Hide the optional ZIP field. */
  @property({ type: Boolean, attribute: 'no-zip' }) noZip = false;
  /** Help contacts for the help line (defaults to the built-in emergency and crisis lines). */
  @property({ attribute: false }) helpContacts: HelpContact[] | undefined;
  /** Shows a "Language" menu (each of the twelve languages in its own name) that switches the elements on the page. */
  @property({ type: Boolean, attribute: 'language-picker', reflect: true }) languagePicker = false;
  /**
   * Refuses a language whose translations are not all reviewed (also read from an ancestor:
   * `<html languages-reviewed-only>`). The value names the language to show instead when that
   * one is reviewed (`es`); otherwise, or empty, English.
   */
  @property({ attribute: 'languages-reviewed-only', reflect: true }) languagesReviewedOnly?: string;

  @state() private email = '';
  @state() private name = '';
  @state() private zip = '';
  @state() private chosen: string[] = [];
  @state() private consent = false;
  @state() private honey = '';
  @state() private problems: Partial<Record<SignupField, FieldProblem>> = {};
  @state() private phase: Phase = 'idle';
  @state() private outcome: SignupOutcome | undefined;
  @state() private hostMessage = '';
  @state() private failures = 0;
  @state() private offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  @state() private backOnline = false;
  @state() private slotted: InterestChoice[] = [];
  /** A 429's Retry-After: Sign up and Retry wait until it ends; a short one ends in a send. */
  private readonly retryAfter = new RetryAfterController(this, () => {
    if (this.phase !== 'failed' || !this.isConnected) return;
    // Retry goes away while sending: a keyboard user waiting on it keeps focus in the form.
    if (this.renderRoot.querySelector('[role="alert"]')?.contains((this.renderRoot as ShadowRoot).activeElement)) {
      this.renderRoot.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
    }
    void this.onSubmit();
  });
  private startedAt = 0;
  /** The element's language, its direction, and the language menu. */
  private readonly locale = new LocaleController(this);
  private pending: { submission: SignupSubmission; fingerprint: string } | undefined;
  private handedOff = false;
  private hostTimer: ReturnType<typeof setTimeout> | undefined;
  private moveFocus: 'invalid' | 'success' | undefined;

  constructor() {
    super();
    new DataLanguageController(this);
    // heading-es, consent-text-es, interests-es...: the site's words in the page's language.
    new SiteTextController(this, { heading: 'heading', consentText: 'consent-text', interests: 'interests', successText: 'success-text', errorText: 'error-text' });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.startedAt) this.startedAt = performance.now();
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    clearTimeout(this.hostTimer);
  }

  /** After a cancelled `recovery-signup` event: the host page's code sent the signup. */
  markSubmitted(): void {
    if (!this.handedOff) return;
    this.handedOff = false;
    clearTimeout(this.hostTimer);
    this.succeed();
  }

  /** After a cancelled `recovery-signup` event: the host page's code could not send it. */
  markFailed(message?: string): void {
    if (!this.handedOff) return;
    this.handedOff = false;
    clearTimeout(this.hostTimer);
    this.fail(undefined, message ?? '');
  }

  /** Submit as the Sign up button does (checks first; does nothing while a send is in flight). */
  submit(): void {
    this.retryAfter.personSent();
    void this.onSubmit();
  }

  private get choices(): InterestChoice[] {
    return mergeChoices(parseInterests(this.interests), this.slotted);
  }

  private get input(): SignupInput {
    const offered = new Set(this.choices.map((c) => c.value));
    return {
      email: this.email,
      name: this.noName ? '' : this.name,
      zip: this.noZip ? '' : this.zip,
      interests: this.chosen.filter((v) => offered.has(v)),
      consent: this.consentText ? this.consent : undefined,
    };
  }

  private readonly onOnline = () => {
    this.offline = false;
    if (this.phase !== 'waiting-online' || !this.pending) return;
    if (signupFingerprint(this.input) === this.pending.fingerprint) {
      void this.attempt(this.pending.submission, this.pending.fingerprint);
    } else {
      this.phase = 'idle';
      this.backOnline = true;
    }
  };

  private readonly onOffline = () => {
    this.offline = true;
    this.backOnline = false;
  };

  /** While a request is in flight nothing can be edited: what was sent is what is on screen. */
  private get locked(): boolean {
    return this.phase === 'sending';
  }

  /** The person pressed Sign up (or Enter). */
  private onFormSubmit(event: Event): void {
    event.preventDefault();
    this.retryAfter.personSent();
    void this.onSubmit();
  }

  private async onSubmit(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this.phase === 'sending' || this.retryAfter.waiting) return;
    this.backOnline = false;
    if (this.honey.trim()) {
      // A bot filled the field people never see: pretend it worked, send nothing.
      this.succeed();
      return;
    }
    const input = this.input;
    const problems = checkSignup(input);
    this.problems = Object.fromEntries(problems.map((p) => [p.field, p.reason]));
    if (problems.length) {
      if (this.phase === 'too-fast') this.phase = 'idle';
      this.moveFocus = 'invalid';
      return;
    }
    // Checked after the fields, so a person who is quick and wrong hears about the field first.
    if (performance.now() - this.startedAt < this.minFillMs) {
      this.phase = 'too-fast';
      return;
    }
    // The key is a hash (asynchronous). Locked from here, unless offline: then the signup
    // waits anyway, and one edited meanwhile is not sent by itself (see onOnline).
    this.phase = this.offline ? 'waiting-online' : 'sending';
    const submission = toSubmission(input, await signupKey(input.email, listIdOf(this)));
    await this.attempt(submission, signupFingerprint(input));
  }

  private async attempt(submission: SignupSubmission, fingerprint: string): Promise<void> {
    this.pending = { submission, fingerprint };
    this.outcome = undefined;
    this.hostMessage = '';
    if (this.offline) {
      this.phase = 'waiting-online';
      return;
    }
    this.phase = 'sending';
    const event = new RecoverySignupEvent(submission);
    const proceed = this.dispatchEvent(event);
    if (!proceed) {
      this.handedOff = true;
      clearTimeout(this.hostTimer);
      this.hostTimer = setTimeout(() => {
        if (this.handedOff && this.phase === 'sending') this.fail({ kind: 'timeout' });
      }, this.timeout);
      return;
    }
    if (!this.action) {
      this.phase = 'fallback';
      return;
    }
    const outcome = await sendSignup(this.action, submission, sendOptionsOf(this, () => !this.offline && navigator.onLine !== false));
    if (this.pending?.submission !== submission) return;
    if (outcome.kind === 'ok') this.succeed();
    else if (outcome.kind === 'offline') this.phase = 'waiting-online';
    else this.fail(outcome);
  }

  private succeed(): void {
    this.phase = 'success';
    this.failures = 0;
    this.problems = {};
    this.moveFocus = 'success';
  }

  private fail(outcome: SignupOutcome | undefined, hostMessage = ''): void {
    this.phase = 'failed';
    this.outcome = outcome;
    this.hostMessage = hostMessage;
    this.failures += 1;
    if (outcome?.kind === 'rate-limited' && outcome.retryAfterSeconds !== undefined) {
      this.retryAfter.start(outcome.retryAfterSeconds);
    }
  }

  /** Retry disappears while sending: keep keyboard focus on the Sign up button, which stays. */
  private retry(): void {
    if (this.retryAfter.waiting) return;
    this.renderRoot.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
    this.submit();
  }

  private edit(patch: FieldPatch): void {
    if (this.locked) {
      // Read-only fields take no typing; anything else that writes to them (a script, an
      // extension) is undone on screen, so the page never shows what was not sent.
      this.requestUpdate();
      return;
    }
    Object.assign(this, patch);
    if (!Object.keys(this.problems).length) return;
    // A fixed field loses its message as soon as it is right; new messages wait for Sign up.
    const still = new Set(checkSignup(this.input).map((p) => p.field));
    this.problems = Object.fromEntries(Object.entries(this.problems).filter(([f]) => still.has(f as SignupField)));
  }

  private reset(): void {
    this.email = this.name = this.zip = this.honey = '';
    this.chosen = [];
    this.consent = false;
    this.problems = {};
    this.pending = undefined;
    this.failures = 0;
    this.retryAfter.personSent();
    this.retryAfter.clear();
    this.phase = 'idle';
    this.moveFocus = 'invalid';
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    focusAfter(this.renderRoot, this.moveFocus);
    this.moveFocus = undefined;
  }

  private onSlotChange(e: Event) {
    this.slotted = choicesFromSlot(e.target as HTMLSlotElement);
  }

  private mailto(): string | undefined {
    return mailtoOf(this.fallbackEmail, this.input, this.choices);
  }

  override render() {
    const { until, auto } = this.retryAfter;
    return renderSignup(this, {
      picker: this.locale.renderPicker(),
      phase: this.phase,
      busy: this.phase === 'sending' || this.retryAfter.waiting,
      failures: this.failures,
      fields: { email: this.email, name: this.name, zip: this.zip, chosen: this.chosen, consent: this.consent, honey: this.honey,
        choices: this.choices, problems: this.problems, locked: this.locked, set: (patch) => this.edit(patch) },
      link: this.mailto(),
      offline: this.offline,
      backOnline: this.backOnline,
      outcome: this.outcome,
      hostMessage: this.hostMessage,
      // Only a 429 that named its wait holds Retry back.
      wait: until !== undefined && this.outcome?.kind === 'rate-limited' ? { until, auto } : undefined,
      retry: () => this.retry(),
      reset: () => this.reset(),
      onSubmit: (e) => this.onFormSubmit(e),
      onSlotChange: (e) => this.onSlotChange(e),
    });
  }
}

define('recovery-newsletter-signup', RecoveryNewsletterSignup);

declare global {
  interface HTMLElementTagNameMap {
    'recovery-newsletter-signup': RecoveryNewsletterSignup;
  }
}
