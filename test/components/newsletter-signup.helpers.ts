// Shared by the newsletter-signup test files (not a test file itself).
import { elementUpdated } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
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
 * runs two test files at once.) `ms` is a bound on a wait for something that does happen, not
 * a measure: 20 s, as "offline then online" once needed more than 5 s with a core kept busy
 * on a slow evening (the test framework's own limit is 60 s).
 */
export async function until(check: () => boolean, message = 'condition', ms = 20_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function waitForPhase(el: RecoveryNewsletterSignup, test: () => boolean, what: string, ms = 20_000) {
  await until(test, what, ms);
  await elementUpdated(el);
}

export async function waitForSuccess(el: RecoveryNewsletterSignup): Promise<void> {
  await waitForPhase(el, () => !!$(el, '#done'), 'success');
}

export async function waitForFailure(el: RecoveryNewsletterSignup, ms = 20_000): Promise<void> {
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

/** What the fault-injecting endpoint stored and saw for one person. */
export interface PersonStats {
  requests: number;
  early: number;
  stored: number;
  signups: { key: string; updates: number; contentType: string; headerKey: string; fields: Record<string, unknown> }[];
}

export interface RunStats {
  persons: Record<string, PersonStats>;
  foreign: number;
  followed: number;
  faults: number;
}

/** The fault-injecting newsletter endpoint (test/server/endpoints.mjs) for one run and plan. */
export function faultEndpoint(run: string, plan: string, options: { origin?: string; emailField?: string } = {}): string {
  const q = new URLSearchParams({ run, plan });
  if (options.emailField) q.set('email-field', options.emailField);
  return `${options.origin ?? ''}/test-api/newsletter?${q}`;
}

/** The same server on another origin (localhost <-> 127.0.0.1): a cross-origin endpoint. */
export function otherOrigin(): string {
  const host = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return `${location.protocol}//${host}:${location.port}`;
}

export async function runStats(run: string): Promise<RunStats> {
  const r = await fetch(`/test-api/newsletter-stats?run=${encodeURIComponent(run)}`, { cache: 'no-store' });
  return (await r.json()) as RunStats;
}

/** Let the run's held requests (`hold`, `accept-hold`) go on. */
export async function release(run: string): Promise<void> {
  await fetch(`/test-api/newsletter-release?run=${encodeURIComponent(run)}`, { cache: 'no-store' });
}

/** Take the page's real network offline or back (test/server/network-plugin.mjs, over CDP). */
export async function setNetwork(offline: boolean): Promise<void> {
  await executeServerCommand('set-network', { offline });
}

/**
 * Let key presses and focus reach this page while another test file's page is in front (the
 * runner runs two at once); call before a test that uses sendKeys.
 */
export async function emulateFocus(): Promise<void> {
  await executeServerCommand('emulate-focus');
}
