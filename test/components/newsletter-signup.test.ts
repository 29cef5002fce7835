import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/newsletter-signup/newsletter-signup.js';
import type { RecoveryNewsletterSignup } from '../../src/components/newsletter-signup/newsletter-signup.js';
import { failOnLitWarnings, requestCount, uniqueKey } from '../helpers.js';
import {
  $,
  emulateFocus,
  fill,
  must,
  recordEvents,
  signups,
  statusText,
  submitButton,
  tick,
  waitForSuccess,
} from './newsletter-signup.helpers.js';

describe('recovery-newsletter-signup: filling in and sending', () => {
  failOnLitWarnings();
  before(emulateFocus);

  it('goes back to its defaults when a site removes an attribute', async () => {
    const el = await fixture<RecoveryNewsletterSignup>(
      html`<recovery-newsletter-signup interests="Recovery community, Prevention community" field-email="EMAIL" heading="News"></recovery-newsletter-signup>`,
    );
    expect(el.shadowRoot!.querySelector('#interest-1')).to.not.equal(null);
    el.removeAttribute('interests');
    el.removeAttribute('field-email');
    el.removeAttribute('heading');
    await el.updateComplete;
    expect(el.interests).to.equal('');
    expect(el.fieldEmail).to.equal('email');
    expect(el.heading).to.equal('');
    expect(el.shadowRoot!.querySelector('#interest-0')).to.equal(null);
    expect(must<HTMLInputElement>(el, '#email').type).to.equal('email');
    await expect(el).to.be.accessible();
  });

  it('renders labelled, mobile-friendly fields and passes axe', async () => {
    const el = await fixture<RecoveryNewsletterSignup>(
      html`<recovery-newsletter-signup heading="Get our newsletter" interests="Recovery community, Prevention community"></recovery-newsletter-signup>`,
    );
    const email = must<HTMLInputElement>(el, '#email');
    expect(email.type).to.equal('email');
    expect(email.getAttribute('autocomplete')).to.equal('email');
    expect(email.getAttribute('inputmode')).to.equal('email');
    expect(email.required).to.equal(true);
    const zip = must<HTMLInputElement>(el, '#zip');
    expect(zip.getAttribute('autocomplete')).to.equal('postal-code');
    expect(zip.getAttribute('inputmode')).to.equal('numeric');
    expect(must(el, 'label[for="email"]').textContent).to.include('E-mail address');
    expect(must(el, 'h2').textContent).to.equal('Get our newsletter');
    const labels = [...el.shadowRoot!.querySelectorAll('fieldset label')].map((l) => l.textContent!.trim());
    expect(labels).to.deep.equal(['Recovery community', 'Prevention community']);
    // 44px targets: inputs, checkbox rows and the button.
    for (const target of [email, zip, submitButton(el), must(el, 'fieldset label')]) {
      expect(target.getBoundingClientRect().height, target.outerHTML.slice(0, 40)).to.be.at.least(44);
    }
    // No native form submission can ever happen: the inner form has no action and no GET.
    const form = must<HTMLFormElement>(el, 'form');
    expect(form.hasAttribute('action')).to.equal(false);
    expect(form.noValidate).to.equal(true);
    // The compact help line is not shown on a plain form.
    expect($(el, '.help')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('posts one JSON signup exactly once, with the event key as Idempotency-Key, and announces success', async () => {
    const key = uniqueKey('nl-json');
    const el = await fixture<RecoveryNewsletterSignup>(
      html`<recovery-newsletter-signup min-fill-ms="0" action=${`/test-api/signup?mode=ok&key=${key}`} interests="Recovery community, Prevention community" success-text="Thanks! Watch your inbox."></recovery-newsletter-signup>`,
    );
    const events = recordEvents(el);
    await fill(el, 'email', '  ana@example.org ');
    await fill(el, 'name', 'Ana');
    await fill(el, 'zip', '02118');
    await tick(el, 'interest-1');
    submitButton(el).click();
    await elementUpdated(el);
    expect(statusText(el)).to.include('Sending');
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    await waitForSuccess(el);
    expect(statusText(el)).to.include('Thanks! Watch your inbox.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('done');
    expect($(el, 'form')).to.equal(null);
    const got = await signups(key);
    expect(got).to.have.length(1);
    expect(got[0]!.contentType).to.equal('application/json');
    expect(JSON.parse(got[0]!.body)).to.deep.equal({
      email: 'ana@example.org',
      name: 'Ana',
      zip: '02118',
      interests: ['Prevention community'],
    });
    expect(events).to.have.length(1);
    expect(got[0]!.idempotencyKey).to.equal(events[0]!.submission.idempotencyKey);
    expect(got[0]!.idempotencyKey).to.have.length.above(8);
    await expect(el).to.be.accessible();

    // "Sign up another address" brings back an empty form with focus in the e-mail field.
    must<HTMLButtonElement>(el, '.success button').click();
    await elementUpdated(el);
    await elementUpdated(el);
    expect(must<HTMLInputElement>(el, '#email').value).to.equal('');
    expect(el.shadowRoot!.activeElement?.id).to.equal('email');
  });

  it('posts a form-encoded signup with custom field names, slotted options and consent, once', async () => {
    const key = uniqueKey('nl-form');
    const el = await fixture<RecoveryNewsletterSignup>(html`
      <recovery-newsletter-signup
        min-fill-ms="0"
        method="form"
        action=${`/test-api/signup?mode=ok&key=${key}`}
        field-email="EMAIL"
        field-name="FNAME"
        field-zip="MMERGE3"
        field-interests="group[123]"
        field-consent="gdpr"
        consent-text="I agree to get e-mail from the Office of Recovery Services."
      >
        <option slot="interests" value="recovery">Recovery community</option>
        <option slot="interests" value="prevention">Prevention community</option>
      </recovery-newsletter-signup>
    `);
    const options = [...el.querySelectorAll('option')];
    expect(options.map((o) => o.parentElement)).to.deep.equal([el, el]);
    const labels = [...el.shadowRoot!.querySelectorAll('fieldset label')].map((l) => l.textContent!.trim());
    expect(labels).to.deep.equal(['Recovery community', 'Prevention community']);
    await fill(el, 'email', 'ben@example.org');
    await fill(el, 'name', 'Ben Núñez & Co');
    await tick(el, 'interest-0');
    await tick(el, 'interest-1');
    await tick(el, 'consent');
    await expect(el).to.be.accessible();
    submitButton(el).click();
    await waitForSuccess(el);
    const got = await signups(key);
    expect(got).to.have.length(1);
    expect(got[0]!.contentType).to.match(/^application\/x-www-form-urlencoded/);
    expect(got[0]!.idempotencyKey).to.have.length.above(8);
    const p = new URLSearchParams(got[0]!.body);
    expect(p.get('EMAIL')).to.equal('ben@example.org');
    expect(p.get('FNAME')).to.equal('Ben Núñez & Co');
    expect(p.has('MMERGE3')).to.equal(false);
    expect(p.getAll('group[123]')).to.deep.equal(['recovery', 'prevention']);
    expect(p.get('gdpr')).to.equal('yes');
    // The honeypot is never posted; the idempotency key is, in the body (see the README's contract).
    expect([...p.keys()].sort()).to.deep.equal(['EMAIL', 'FNAME', 'gdpr', 'group[123]', 'group[123]', 'idempotency_key']);
    expect(p.get('idempotency_key')).to.equal(got[0]!.idempotencyKey);
  });

  it('sends a double click once', async () => {
    const key = uniqueKey('nl-double');
    const el = await fixture<RecoveryNewsletterSignup>(
      html`<recovery-newsletter-signup min-fill-ms="0" action=${`/test-api/signup?mode=ok&key=${key}`}></recovery-newsletter-signup>`,
    );
    const events = recordEvents(el);
    await fill(el, 'email', 'cal@example.org');
    submitButton(el).click();
    submitButton(el).click();
    await waitForSuccess(el);
    expect(await signups(key)).to.have.length(1);
    expect(await requestCount(key)).to.equal(1);
    expect(events).to.have.length(1);
  });

  it('sends Enter pressed twice and extra clicks during a slow send once', async () => {
    const key = uniqueKey('nl-enter');
    const el = await fixture<RecoveryNewsletterSignup>(
      html`<recovery-newsletter-signup min-fill-ms="0" timeout="1500" action=${`/test-api/signup?mode=hang&key=${key}`}></recovery-newsletter-signup>`,
    );
    must<HTMLInputElement>(el, '#email').focus();
    await sendKeys({ type: 'dee@example.org' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    submitButton(el).click();
    await elementUpdated(el);
    expect(statusText(el)).to.include('Sending');
    await new Promise((r) => setTimeout(r, 300));
    expect(await requestCount(key)).to.equal(1);
  });

  it('never sends an invalid address, and says so at the field', async () => {
    const key = uniqueKey('nl-invalid');
    const el = await fixture<RecoveryNewsletterSignup>(
      html`<recovery-newsletter-signup min-fill-ms="0" action=${`/test-api/signup?mode=ok&key=${key}`} consent-text="I agree."></recovery-newsletter-signup>`,
    );
    const events = recordEvents(el);
    await fill(el, 'email', 'ana@example');
    await fill(el, 'zip', '123');
    submitButton(el).click();
    await elementUpdated(el);
    await elementUpdated(el);
    const email = must<HTMLInputElement>(el, '#email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    const describedBy = email.getAttribute('aria-describedby')!;
    expect(must(el, `#${describedBy}`).textContent).to.include('name@example.org');
    expect(el.shadowRoot!.activeElement).to.equal(email);
    expect(must(el, '#zip').getAttribute('aria-invalid')).to.equal('true');
    expect(must(el, '#consent').getAttribute('aria-invalid')).to.equal('true');
    expect(must(el, '#consent-error').textContent).to.include('Check this box');
    await expect(el).to.be.accessible();

    // Fix the address: focus goes to the next invalid field, and still nothing is sent.
    await fill(el, 'email', 'ana@example.org');
    expect(email.getAttribute('aria-invalid')).to.equal('false');
    expect(email.hasAttribute('aria-describedby')).to.equal(false);
    submitButton(el).click();
    await elementUpdated(el);
    await elementUpdated(el);
    expect(el.shadowRoot!.activeElement?.id).to.equal('zip');
    // An empty address says "enter" rather than "like".
    await fill(el, 'email', '');
    submitButton(el).click();
    await elementUpdated(el);
    expect(must(el, '#email-error').textContent).to.include('Enter your e-mail address');
    expect(await requestCount(key)).to.equal(0);
    expect(events).to.have.length(0);
  });

  it('writes the address to no console, URL or storage', async () => {
    const key = uniqueKey('nl-privacy');
    const address = `private-${key}@example.org`;
    const calls: unknown[][] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'table', 'dir'] as const;
    const originals = methods.map((m) => console[m]);
    methods.forEach((m) => {
      console[m] = (...args: unknown[]) => {
        calls.push(args);
      };
    });
    const before = location.href;
    try {
      const el = await fixture<RecoveryNewsletterSignup>(
        html`<recovery-newsletter-signup min-fill-ms="0" fallback-email="news@example.org" action=${`/test-api/signup?mode=500&key=${key}`}></recovery-newsletter-signup>`,
      );
      await fill(el, 'email', address);
      submitButton(el).click();
      await new Promise((r) => setTimeout(r, 300));
      el.action = `/test-api/signup?mode=ok&key=${key}`;
      must<HTMLButtonElement>(el, '[role="alert"] button').click();
      await waitForSuccess(el);
      expect(await signups(key)).to.have.length(1);
    } finally {
      methods.forEach((m, i) => {
        console[m] = originals[i]!;
      });
    }
    expect(location.href).to.equal(before);
    expect(location.href).to.not.include('private-');
    const stored = [localStorage, sessionStorage].flatMap((s) =>
      Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`),
    );
    expect(stored.join('\n')).to.not.include('private-');
    expect(document.cookie).to.not.include('private-');
    expect(JSON.stringify(calls.map((c) => c.map(String)))).to.not.include('private-');
  });

  it('works by keyboard alone, skipping the honeypot', async () => {
    const key = uniqueKey('nl-keys');
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <button type="button" id="before">before</button>
      <recovery-newsletter-signup min-fill-ms="0" action=${`/test-api/signup?mode=ok&key=${key}`} interests="Recovery community" consent-text="I agree."></recovery-newsletter-signup>
    </div>`);
    const el = wrapper.querySelector('recovery-newsletter-signup')!;
    await elementUpdated(el);
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    const order: string[] = [];
    const step = async () => {
      await sendKeys({ press: 'Tab' });
      const a = el.shadowRoot!.activeElement as HTMLElement | null;
      order.push(a ? a.id || a.getAttribute('type') || a.tagName : 'outside');
    };
    await step();
    await sendKeys({ type: 'kim@example.org' });
    await step();
    await sendKeys({ type: 'Kim' });
    await step();
    await step();
    await sendKeys({ press: 'Space' });
    await step();
    await sendKeys({ press: 'Space' });
    await step();
    expect(order).to.deep.equal(['email', 'name', 'zip', 'interest-0', 'consent', 'submit']);
    await sendKeys({ press: 'Enter' });
    await waitForSuccess(el);
    const got = await signups(key);
    expect(got).to.have.length(1);
    expect(JSON.parse(got[0]!.body)).to.deep.equal({
      email: 'kim@example.org',
      name: 'Kim',
      interests: ['Recovery community'],
      consent: true,
    });
    // Focus landed on the success message, not on the page body.
    expect(el.shadowRoot!.activeElement?.id).to.equal('done');
  });
});
