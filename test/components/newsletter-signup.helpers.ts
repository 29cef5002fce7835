// Shared by the newsletter-signup test files (not a test file itself).
import { elementUpdated } from '@open-wc/testing';
import type { RecoveryNewsletterSignup } from '../../src/components/newsletter-signup/newsletter-signup.js';
import type { RecoverySignupEvent } from '../../src/events.js';

export interface Recorded {
  contentType: string;
  idempotencyKey: string;
  body: string;
}

/** The posts the local endpoint recorded for a key. */
export async function signups(key: string): Promise<Recorded[]> {
  const r = await fetch(`/test-api/signups?key=${encodeURIComponent(key)}`);
  return (await r.json()) as Recorded[];
}

export function $<T extends Element = HTMLElement>(el: RecoveryNewsletterSignup, selector: string): T | null {
  return el.shadowRoot!.querySelector<T>(selector);
}

export function must<T extends Element = HTMLElement>(el: RecoveryNewsletterSignup, selector: string): T {
  const found = $<T>(el, selector);
  if (!found) throw new Error(`no ${selector} in the element`);
  return found;
}

/** Type into a field as the browser would report it (value + input event). */
export async function fill(el: RecoveryNewsletterSignup, id: string, text: string): Promise<void> {
  const input = must<HTMLInputElement>(el, `#${id}`);
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await elementUpdated(el);
}

/** Click a checkbox (real click, so `change` fires). */
export async function tick(el: RecoveryNewsletterSignup, id: string): Promise<void> {
  must<HTMLInputElement>(el, `#${id}`).click();
  await elementUpdated(el);
}

export function submitButton(el: RecoveryNewsletterSignup): HTMLButtonElement {
  return must<HTMLButtonElement>(el, 'button[type="submit"]');
}

export function statusText(el: RecoveryNewsletterSignup): string {
  return must(el, '[role="status"]').textContent!.replace(/\s+/g, ' ').trim();
}

export function alertText(el: RecoveryNewsletterSignup): string {
  return must(el, '[role="alert"]').textContent!.replace(/\s+/g, ' ').trim();
}

/**
 * Wait until `check` is true, polling with timers. (The shared `until` waits on animation
 * frames, which a page that is not the browser's foreground page never gets when the runner
 * runs two test files at once.)
 */
export async function until(check: () => boolean, message = 'condition', ms = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function waitForPhase(el: RecoveryNewsletterSignup, test: () => boolean, what: string, ms = 5000) {
  await until(test, what, ms);
  await elementUpdated(el);
}

export async function waitForSuccess(el: RecoveryNewsletterSignup): Promise<void> {
  await waitForPhase(el, () => !!$(el, '#done'), 'success');
}

export async function waitForFailure(el: RecoveryNewsletterSignup, ms = 5000): Promise<void> {
  await waitForPhase(el, () => alertText(el).length > 0, 'failure message', ms);
}

/** Collect the submissions the element announces. */
export function recordEvents(el: RecoveryNewsletterSignup): RecoverySignupEvent[] {
  const seen: RecoverySignupEvent[] = [];
  el.addEventListener('recovery-signup', (e) => seen.push(e));
  return seen;
}

export function inputValues(el: RecoveryNewsletterSignup): Record<string, string> {
  const v = (id: string) => $<HTMLInputElement>(el, `#${id}`)?.value ?? '(none)';
  return { email: v('email'), name: v('name'), zip: v('zip') };
}
