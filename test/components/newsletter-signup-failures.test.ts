import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import '../../src/components/newsletter-signup/newsletter-signup.js';
import type { RecoveryNewsletterSignup } from '../../src/components/newsletter-signup/newsletter-signup.js';
import { failOnLitWarnings, requestCount, uniqueKey } from '../helpers.js';
import {
  $,
  alertText,
  fill,
  inputValues,
  must,
  recordEvents,
  signups,
  statusText,
  submitButton,
  tick,
  waitForFailure,
  waitForPhase,
  waitForSuccess,
} from './newsletter-signup.helpers.js';

const endpoint = (mode: string, key: string) => `/test-api/signup?mode=${mode}&key=${key}`;

async function filled(action: string, extra = {} as { timeout?: number; fallback?: string; minFill?: number }) {
  const el = await fixture<RecoveryNewsletterSignup>(html`<recovery-newsletter-signup
    min-fill-ms=${extra.minFill ?? 0}
    timeout=${extra.timeout ?? 15000}
    fallback-email=${extra.fallback ?? ''}
    list="test-newsletter"
    action=${action}
    interests="Recovery community, Prevention community"
  ></recovery-newsletter-signup>`);
  await fill(el, 'email', 'eve@example.org');
  await fill(el, 'name', 'Eve');
  await fill(el, 'zip', '02118');
  await tick(el, 'interest-0');
  return el;
}

function expectKept(el: RecoveryNewsletterSignup) {
  expect(inputValues(el)).to.deep.equal({ email: 'eve@example.org', name: 'Eve', zip: '02118' });
  expect(must<HTMLInputElement>(el, '#interest-0').checked).to.equal(true);
  expect(must(el, '[role="alert"] button').textContent).to.include('Retry');
  expect(alertText(el)).to.include('Everything you entered is still here');
  // A first failure of a newsletter is no crisis: no crisis lines yet (they come with a second).
  expect($(el, '[role="alert"] ~ .help-line .help')).to.equal(null);
}

describe('recovery-newsletter-signup: failures keep the input', () => {
  failOnLitWarnings();

  it('500: says so, keeps the input, and Retry sends once with the same Idempotency-Key', async () => {
    const key = uniqueKey('nl-500');
    const el = await filled(endpoint('500', key));
    const events = recordEvents(el);
    submitButton(el).click();
    await waitForFailure(el);
    expect(alertText(el)).to.include('error 500');
    expectKept(el);
    await expect(el).to.be.accessible();
    // The endpoint recovers; Retry.
    el.action = endpoint('ok', key);
    must<HTMLButtonElement>(el, '[role="alert"] button').click();
    // Retry goes away while sending; focus waits on the Sign up button, not on the page body.
    expect(el.shadowRoot!.activeElement).to.equal(submitButton(el));
    await waitForSuccess(el);
    const got = await signups(key);
    expect(got).to.have.length(1);
    expect(events).to.have.length(2);
    expect(events[1]!.submission.idempotencyKey).to.equal(events[0]!.submission.idempotencyKey);
    expect(got[0]!.idempotencyKey).to.equal(events[0]!.submission.idempotencyKey);
    expect(await requestCount(key)).to.equal(2);
  });

  it('the key follows the address: an edited name keeps it, another address gets a new one', async () => {
    const key = uniqueKey('nl-newkey');
    const el = await filled(endpoint('500', key));
    const events = recordEvents(el);
    submitButton(el).click();
    await waitForFailure(el);
    await fill(el, 'name', 'Eve Q');
    submitButton(el).click();
    // The fields are locked until this send ends: wait for its own failure, not the last one.
    await elementUpdated(el);
    await waitForPhase(el, () => events.length === 2 && !statusText(el).includes('Sending') && alertText(el).includes('error 500'), 'second failure');
    expect(events[1]!.submission.idempotencyKey).to.equal(events[0]!.submission.idempotencyKey);
    await fill(el, 'email', 'eve.other@example.org');
    submitButton(el).click();
    await elementUpdated(el);
    await waitForPhase(el, () => events.length === 3 && !statusText(el).includes('Sending') && alertText(el).includes('error 500'), 'third failure');
    expect(events[2]!.submission.email).to.equal('eve.other@example.org');
    expect(events[2]!.submission.idempotencyKey).to.not.equal(events[0]!.submission.idempotencyKey);
  });

  it('429: says the service is busy and how long it asked to wait; the mailto is offered at once', async () => {
    const key = uniqueKey('nl-429');
    const el = await filled(endpoint('429', key), { fallback: 'news@example.org' });
    submitButton(el).click();
    await waitForFailure(el);
    expect(alertText(el)).to.include('busy and asked us to wait 30 seconds');
    expectKept(el);
    // The other way to sign up does not wait for a second failure.
    expect($(el, '[role="alert"] a[href^="mailto:"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a hanging endpoint times out on the client, keeps the input and says retrying is safe', async () => {
    const key = uniqueKey('nl-hang');
    const el = await filled(endpoint('hang', key), { timeout: 1500 });
    submitButton(el).click();
    await elementUpdated(el);
    expect(statusText(el)).to.include('Sending');
    await waitForFailure(el);
    expect(alertText(el)).to.include('did not answer in time');
    expect(alertText(el)).to.include('will not be signed up twice');
    expect(statusText(el)).to.equal('');
    expectKept(el);
    expect(await requestCount(key)).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('a network failure keeps the input and offers the mailto fallback at once', async () => {
    const el = await filled('http://127.0.0.1:9/', { fallback: 'news@example.org' });
    submitButton(el).click();
    await waitForFailure(el);
    expect(alertText(el)).to.include('could not be reached');
    expectKept(el);
    await waitForPhase(el, () => !!$(el, '[role="alert"] a[href^="mailto:"]'), 'mailto fallback');
    const href = must<HTMLAnchorElement>(el, '[role="alert"] a[href^="mailto:"]').getAttribute('href')!;
    expect(href.startsWith('mailto:news@example.org?')).to.equal(true);
    const body = decodeURIComponent(href.split('body=')[1]!);
    expect(body).to.include('eve@example.org').and.include('Eve').and.include('02118').and.include('Recovery community');
    await expect(el).to.be.accessible();
  });

  it('going offline is said; a signup pressed while offline is sent once when back online', async () => {
    const key = uniqueKey('nl-offline');
    const el = await filled(endpoint('ok', key));
    const events = recordEvents(el);
    window.dispatchEvent(new Event('offline'));
    await elementUpdated(el);
    expect(statusText(el)).to.include('You are offline');
    await expect(el).to.be.accessible();
    submitButton(el).click();
    await elementUpdated(el);
    expect(statusText(el)).to.include('will be sent as soon as you are back online');
    expect(inputValues(el).email).to.equal('eve@example.org');
    expect(must(el, '.help')).to.exist;
    await expect(el).to.be.accessible();
    expect(await requestCount(key)).to.equal(0);
    expect(events).to.have.length(0);
    window.dispatchEvent(new Event('online'));
    await waitForSuccess(el);
    expect(await signups(key)).to.have.length(1);
    expect(events).to.have.length(1);
  });

  it('back online without a pressed signup sends nothing; an edited one waits for the person', async () => {
    const key = uniqueKey('nl-online');
    const el = await filled(endpoint('ok', key));
    window.dispatchEvent(new Event('offline'));
    await elementUpdated(el);
    window.dispatchEvent(new Event('online'));
    await elementUpdated(el);
    expect(statusText(el)).to.equal('');
    // Pressed while offline, then edited: going online does not send the old or new version.
    window.dispatchEvent(new Event('offline'));
    submitButton(el).click();
    await elementUpdated(el);
    await fill(el, 'name', 'Eve Q');
    window.dispatchEvent(new Event('online'));
    await elementUpdated(el);
    expect(statusText(el)).to.include('back online. Press Sign up');
    await new Promise((r) => setTimeout(r, 200));
    expect(await requestCount(key)).to.equal(0);
    submitButton(el).click();
    await waitForSuccess(el);
    expect(JSON.parse((await signups(key))[0]!.body).name).to.equal('Eve Q');
  });
});

describe('recovery-newsletter-signup: bots, fallback and host-handled signups', () => {
  failOnLitWarnings();

  it('a filled honeypot gets a fake success and sends nothing', async () => {
    const key = uniqueKey('nl-honey');
    const el = await filled(endpoint('ok', key));
    const events = recordEvents(el);
    const honey = must<HTMLInputElement>(el, '.hp input');
    expect(honey.tabIndex).to.equal(-1);
    expect(honey.getAttribute('autocomplete')).to.equal('off');
    expect(honey.closest('[aria-hidden="true"]')).to.not.equal(null);
    expect(must(el, `label[for="${honey.id}"]`).textContent).to.include('Leave this field empty');
    await fill(el, honey.id, 'http://spam.example');
    submitButton(el).click();
    await waitForSuccess(el);
    await new Promise((r) => setTimeout(r, 200));
    expect(await requestCount(key)).to.equal(0);
    expect(events).to.have.length(0);
  });

  it('a submit faster than min-fill-ms is asked to press again, keeps the input and sends nothing', async () => {
    const key = uniqueKey('nl-fast');
    const el = await filled(endpoint('ok', key), { minFill: 60_000 });
    const events = recordEvents(el);
    // Quick and wrong: the field problem is said first, not "press again".
    await fill(el, 'email', 'eve@');
    submitButton(el).click();
    await elementUpdated(el);
    expect(must(el, '#email').getAttribute('aria-invalid')).to.equal('true');
    expect(statusText(el)).to.equal('');
    await fill(el, 'email', 'eve@example.org');
    submitButton(el).click();
    await elementUpdated(el);
    expect(statusText(el)).to.include('press Sign up again');
    expect(inputValues(el)).to.deep.equal({ email: 'eve@example.org', name: 'Eve', zip: '02118' });
    await expect(el).to.be.accessible();
    expect(await requestCount(key)).to.equal(0);
    expect(events).to.have.length(0);
    // Once the minimum has passed, the same press works.
    el.minFillMs = 0;
    submitButton(el).click();
    await waitForSuccess(el);
    expect(await signups(key)).to.have.length(1);
  });

  it('without an action, offers a prefilled mailto to fallback-email and posts nothing', async () => {
    const el = await fixture<RecoveryNewsletterSignup>(
      html`<recovery-newsletter-signup min-fill-ms="0" fallback-email="news@example.org"></recovery-newsletter-signup>`,
    );
    await fill(el, 'email', 'fay@example.org');
    submitButton(el).click();
    await waitForPhase(el, () => !!$(el, '[role="status"] a[href^="mailto:"]'), 'mailto link');
    const link = must<HTMLAnchorElement>(el, '[role="status"] a[href^="mailto:"]');
    expect(link.textContent).to.include('Send my signup by e-mail');
    expect(decodeURIComponent(link.getAttribute('href')!)).to.include('E-mail: fay@example.org');
    expect(inputValues(el).email).to.equal('fay@example.org');
    await expect(el).to.be.accessible();
  });

  it('without an action or fallback, says the form is not connected', async () => {
    const el = await fixture<RecoveryNewsletterSignup>(html`<recovery-newsletter-signup min-fill-ms="0"></recovery-newsletter-signup>`);
    await fill(el, 'email', 'gus@example.org');
    submitButton(el).click();
    await waitForPhase(el, () => statusText(el).includes('not connected yet'), 'not connected');
    await expect(el).to.be.accessible();
    expect($(el, 'a[href^="mailto:"]')).to.equal(null);
  });

  it('a host that cancels the event sends it itself: no post, then markSubmitted() shows success', async () => {
    const key = uniqueKey('nl-host');
    const el = await filled(endpoint('ok', key));
    const got: string[] = [];
    el.addEventListener('recovery-signup', (e) => {
      e.preventDefault();
      got.push(e.submission.email);
    });
    submitButton(el).click();
    // The event comes once the key is computed (a hash, asynchronous).
    await waitForPhase(el, () => got.length === 1, 'the recovery-signup event');
    expect(got).to.deep.equal(['eve@example.org']);
    expect(statusText(el)).to.include('Sending');
    await new Promise((r) => setTimeout(r, 200));
    expect(await requestCount(key)).to.equal(0);
    el.markSubmitted();
    await waitForSuccess(el);
  });

  it('a host that cancels the event can report failure with markFailed(), and Retry asks it again', async () => {
    const el = await filled('');
    const got: string[] = [];
    el.addEventListener('recovery-signup', (e) => {
      e.preventDefault();
      got.push(e.submission.idempotencyKey);
    });
    submitButton(el).click();
    await waitForPhase(el, () => got.length === 1, 'the recovery-signup event');
    el.markFailed('Our mailing list is down for maintenance.');
    await waitForFailure(el);
    expect(alertText(el)).to.include('Our mailing list is down for maintenance.');
    expectKept(el);
    await expect(el).to.be.accessible();
    must<HTMLButtonElement>(el, '[role="alert"] button').click();
    await waitForPhase(el, () => got.length === 2, 'the second recovery-signup event');
    expect(got[1]).to.equal(got[0]);
  });

  it('a host that never answers gets a timeout, and a late markSubmitted() still counts', async () => {
    const el = await filled('', { timeout: 300 });
    el.addEventListener('recovery-signup', (e) => e.preventDefault());
    submitButton(el).click();
    await waitForFailure(el);
    expect(alertText(el)).to.include('did not answer in time');
    el.markSubmitted();
    await waitForSuccess(el);
  });

  it('shows the compact help line with show-help, and a slotted help block always', async () => {
    const el = await fixture<RecoveryNewsletterSignup>(html`<recovery-newsletter-signup show-help></recovery-newsletter-signup>`);
    const help = must(el, '.help');
    expect(help.textContent).to.include('988');
    expect(help.textContent).to.not.include('Helpline');
    await expect(el).to.be.accessible();
    const own = await fixture<RecoveryNewsletterSignup>(
      html`<recovery-newsletter-signup><p slot="help">Call our front desk at 617-555-0100.</p></recovery-newsletter-signup>`,
    );
    const slot = must<HTMLSlotElement>(own, 'slot[name="help"]');
    expect(slot.assignedElements()[0]!.textContent).to.include('617-555-0100');
  });
});
