/**
 * Newsletter signup: checks, request bodies, the idempotency key and the send itself.
 *
 * DOM-free: never imports lit. `fetch`, `AbortController` and `crypto` are the platform's
 * (browsers and Node 20 both have them). Nothing here logs, stores or puts an address in a URL.
 */
import { ZIP_PATTERN } from './zip.js';

/** What a person submitted to the newsletter signup. */
export interface SignupSubmission {
  email: string;
  name?: string;
  zip?: string;
  interests: string[];
  consent?: boolean;
  /**
   * The same for every attempt to sign up one address to one list (see {@link signupKey}), so
   * an endpoint can keep one signup per person however often it is retried or edited.
   */
  idempotencyKey: string;
}

/** How the signup is posted: a JSON body, or a classic form post. */
export type SignupFormat = 'json' | 'form';

/** The names of the posted fields (an e-mail service's embedded form wants its own, e.g. `EMAIL`). */
export interface SignupFieldNames {
  email: string;
  name: string;
  zip: string;
  interests: string;
  consent: string;
  /** The idempotency key, in the body of a form post. */
  key: string;
}

const DEFAULT_FIELD_NAMES: Readonly<SignupFieldNames> = Object.freeze({
  email: 'email',
  name: 'name',
  zip: 'zip',
  interests: 'interests',
  consent: 'consent',
  key: 'idempotency_key',
});

/** What a person typed and chose, before any checks. */
export interface SignupInput {
  email: string;
  name: string;
  zip: string;
  interests: readonly string[];
  /** Undefined when the site asks for no consent. */
  consent: boolean | undefined;
}

export type FieldProblem = 'missing' | 'invalid';

// Local part: no spaces, no @, none of the characters RFC 5322 only allows in quotes.
// Domain: two or more dot-separated labels, no spaces, none empty, none starting or ending with "-".
const LOCAL = /^[^\s@"(),:;<>[\]\\]+$/;
const LABEL = /^(?!-)[^\s@"(),:;<>[\]\\.]+(?<!-)$/;

/** Trimmed address, or a problem. Pragmatic: a typo is caught, an unusual real address is not refused. */
export function checkEmail(text: string): { ok: true; email: string } | { ok: false; reason: FieldProblem } {
  const email = text.trim();
  if (!email) return { ok: false, reason: 'missing' };
  if (email.length > 254) return { ok: false, reason: 'invalid' };
  const at = email.lastIndexOf('@');
  if (at <= 0 || at > 64) return { ok: false, reason: 'invalid' };
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split('.');
  if (!LOCAL.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return { ok: false, reason: 'invalid' };
  }
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return { ok: false, reason: 'invalid' };
  return { ok: true, email };
}

/** An optional US ZIP (5 digits or ZIP+4): empty is fine, anything else must be a ZIP. */
export function checkZip(text: string): { ok: true; zip: string | undefined } | { ok: false; reason: 'invalid' } {
  const zip = text.trim();
  if (!zip) return { ok: true, zip: undefined };
  return ZIP_PATTERN.test(zip) ? { ok: true, zip } : { ok: false, reason: 'invalid' };
}

export type SignupField = 'email' | 'zip' | 'consent';

/** Every problem with the input, in the order the fields appear (the first gets focus). */
export function checkSignup(input: SignupInput): { field: SignupField; reason: FieldProblem }[] {
  const problems: { field: SignupField; reason: FieldProblem }[] = [];
  const email = checkEmail(input.email);
  if (!email.ok) problems.push({ field: 'email', reason: email.reason });
  if (!checkZip(input.zip).ok) problems.push({ field: 'zip', reason: 'invalid' });
  if (input.consent === false) problems.push({ field: 'consent', reason: 'missing' });
  return problems;
}

/** The submission for a checked input (throws if it does not pass {@link checkSignup}). */
export function toSubmission(input: SignupInput, idempotencyKey: string): SignupSubmission {
  const email = checkEmail(input.email);
  const zip = checkZip(input.zip);
  if (!email.ok || !zip.ok || input.consent === false) throw new Error('recovery-finder: signup input is not valid');
  const name = input.name.trim();
  const submission: SignupSubmission = { email: email.email, interests: [...input.interests], idempotencyKey };
  if (name) submission.name = name;
  if (zip.zip) submission.zip = zip.zip;
  if (input.consent !== undefined) submission.consent = input.consent;
  return submission;
}

/**
 * The address as an endpoint should compare it: trimmed, Unicode NFC, lower case. (The part
 * before the @ may in theory be case-sensitive; no mail service treats it so, and one person
 * typing "Ana@" once and "ana@" next time is still one person.)
 */
export function normaliseEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

/** The part of Web Crypto the key needs (`crypto.subtle`). */
export interface Digester {
  digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
}

/**
 * The idempotency key of a signup: derived from the normalised address and the list, so every
 * attempt to sign one person up to one list carries the same key, whatever else they changed
 * (name, ZIP, interests) and however often they retried. A different address is a different
 * signup. SHA-256, so the key names nobody in a log, and two people never share one.
 *
 * The browser's `crypto.subtle` does the hashing where it exists (https pages, localhost); on
 * a plain http page it does not, and `@noble/hashes` (a lazily loaded chunk) does the same.
 * `subtle` is a parameter for tests of that path.
 */
export async function signupKey(
  email: string,
  list: string,
  subtle: Digester | null | undefined = globalThis.crypto?.subtle,
): Promise<string> {
  const bytes = new TextEncoder().encode(`recovery-finder-signup/1\n${list}\n${normaliseEmail(email)}`);
  const digest = subtle
    ? new Uint8Array(await subtle.digest('SHA-256', bytes))
    : (await import('@noble/hashes/sha2.js')).sha256(bytes);
  const hex = Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  return `rf1-${hex}`;
}

/**
 * A string that is the same while the input is unchanged (interests in any order), to tell
 * whether a person edited a signup that is waiting to be sent.
 */
export function signupFingerprint(input: SignupInput): string {
  return JSON.stringify([
    input.email.trim(),
    input.name.trim(),
    input.zip.trim(),
    [...input.interests].sort(),
    input.consent ?? null,
  ]);
}

/**
 * The request body and its content type. Field names apply to both formats. A form post also
 * carries the idempotency key as a field (`fields.key`, default `idempotency_key`): a
 * cross-origin form post cannot carry an `Idempotency-Key` header without a CORS preflight,
 * and form endpoints ignore fields they do not know. A JSON body carries only the person's
 * fields (a JSON API may refuse unknown ones); the key goes in the header.
 */
export function requestBody(
  submission: SignupSubmission,
  format: SignupFormat,
  fields: Partial<SignupFieldNames> = {},
): { body: string; contentType: string } {
  const f = { ...DEFAULT_FIELD_NAMES, ...definedOnly(fields) };
  if (format === 'form') {
    const params = new URLSearchParams();
    params.append(f.email, submission.email);
    if (submission.name) params.append(f.name, submission.name);
    if (submission.zip) params.append(f.zip, submission.zip);
    for (const interest of submission.interests) params.append(f.interests, interest);
    if (submission.consent !== undefined) params.append(f.consent, submission.consent ? 'yes' : 'no');
    params.append(f.key, submission.idempotencyKey);
    return { body: params.toString(), contentType: 'application/x-www-form-urlencoded;charset=UTF-8' };
  }
  const json: Record<string, unknown> = { [f.email]: submission.email };
  if (submission.name) json[f.name] = submission.name;
  if (submission.zip) json[f.zip] = submission.zip;
  json[f.interests] = submission.interests;
  if (submission.consent !== undefined) json[f.consent] = submission.consent;
  return { body: JSON.stringify(json), contentType: 'application/json' };
}

function definedOnly(fields: Partial<SignupFieldNames>): Partial<SignupFieldNames> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
}

/** What became of one attempt to send a signup. */
export type SignupOutcome =
  | { kind: 'ok'; status: number }
  | { kind: 'http'; status: number }
  | { kind: 'rate-limited'; retryAfterSeconds: number | undefined }
  /** The endpoint answered with a redirect, which is never followed. */
  | { kind: 'redirect' }
  | { kind: 'timeout' }
  | { kind: 'offline' }
  | { kind: 'network' }
  | { kind: 'aborted' };

export interface SendOptions {
  format?: SignupFormat;
  fields?: Partial<SignupFieldNames>;
  /** Give up after this many milliseconds (default 15000). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Whether the device believes it is online (default: `navigator.onLine`, true when unknown). */
  isOnline?: () => boolean;
  /** Base for a relative `action` (default: the page's URL). */
  base?: string;
}

function defaultOnline(): boolean {
  const nav = (globalThis as { navigator?: { onLine?: boolean } }).navigator;
  return nav?.onLine !== false;
}

/** True when `action` is on another origin than `base` (a CORS request). */
export function isCrossOrigin(action: string, base: string | undefined): boolean {
  const here = base ?? (globalThis as { location?: { href: string } }).location?.href;
  if (!here) return false;
  try {
    return new URL(action, here).origin !== new URL(here).origin;
  } catch {
    return false;
  }
}

/**
 * Post one signup to `action`. Never throws; the outcome says what happened.
 *
 * The `Idempotency-Key` header carries `submission.idempotencyKey`, except on a cross-origin
 * form post: a custom header would turn that "simple" request (the kind an e-mail service's
 * embedded form accepts) into a CORS preflight the service may refuse. A form post carries the
 * key in its body instead (see {@link requestBody}).
 *
 * Redirects are never followed (`redirect: 'manual'`): following a 302 turns the POST into a
 * GET without the person's details that then looks like success, and following a 307 sends the
 * details to wherever it points, another origin included. `'manual'` stops at the redirect as
 * `'error'` would, and tells it apart from a network failure so the person is told what
 * happened.
 */
export async function sendSignup(
  action: string,
  submission: SignupSubmission,
  options: SendOptions = {},
): Promise<SignupOutcome> {
  const { format = 'json', fields, timeoutMs = 15_000, signal, isOnline = defaultOnline, base } = options;
  if (signal?.aborted) return { kind: 'aborted' };
  if (!isOnline()) return { kind: 'offline' };
  const { body, contentType } = requestBody(submission, format, fields);
  const headers: Record<string, string> = { 'Content-Type': contentType, Accept: 'application/json, text/plain, */*' };
  if (!(format === 'form' && isCrossOrigin(action, base))) headers['Idempotency-Key'] = submission.idempotencyKey;

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await fetch(action, {
      method: 'POST',
      headers,
      body,
      signal: controller.signal,
      credentials: 'same-origin',
      cache: 'no-store',
      referrerPolicy: 'strict-origin-when-cross-origin',
      redirect: 'manual',
    });
    // An unfollowed redirect is an 'opaqueredirect' response (status 0: its code is hidden).
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      return { kind: 'redirect' };
    }
    // The body is not needed; release it so the connection is free.
    void response.body?.cancel().catch(() => undefined);
    if (response.ok) return { kind: 'ok', status: response.status };
    if (response.status === 429) return { kind: 'rate-limited', retryAfterSeconds: retryAfter(response.headers.get('Retry-After')) };
    return { kind: 'http', status: response.status };
  } catch {
    if (timedOut) return { kind: 'timeout' };
    if (signal?.aborted) return { kind: 'aborted' };
    return isOnline() ? { kind: 'network' } : { kind: 'offline' };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), or undefined. */
export function retryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - now) / 1000));
}
