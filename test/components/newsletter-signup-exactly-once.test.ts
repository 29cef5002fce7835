// Exactly once, against the fault-injecting endpoint (test/server/endpoints.mjs, "newsletter"):
// whatever the endpoint or the network does, each person ends with exactly one stored signup,
// nothing a person typed is lost, and no request ever goes to another origin.
import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/newsletter-signup/newsletter-signup.js';
import type { RecoveryNewsletterSignup } from '../../src/components/newsletter-signup/newsletter-signup.js';
import { failOnLitWarnings, localeReady, uniqueKey } from '../helpers.js';
import {
  $,
  emulateFocus,
  alertText,
  faultEndpoint,
  fill,
  inputValues,
  must,
  otherOrigin,
  recordEvents,
  release,
  runStats,
  setNetwork,
  statusText,
  submitButton,
  tick,
  until,
  waitForFailure,
  waitForPhase,
  waitForSuccess,
  type PersonStats,
} from './newsletter-signup.helpers.js';

const EVE = 'eve@example.org';

/** Every run this file makes, for the figures printed at the end. */
const runsUsed: string[] = [];
function newRun(prefix: string): string {
  const run = uniqueKey(prefix);
  runsUsed.push(run);
  return run;
}

interface Options {
  method?: 'json' | 'form';
  timeout?: number;
  fallback?: string;
  list?: string;
}

async function filled(action: string, options: Options = {}) {
  const el = await fixture<RecoveryNewsletterSignup>(html`<recovery-newsletter-signup
    min-fill-ms="0"
    method=${options.method ?? 'json'}
    list=${options.list ?? ''}
    timeout=${options.timeout ?? 15000}
    fallback-email=${options.fallback ?? ''}
    action=${action}
    interests="Recovery community, Prevention community"
  ></recovery-newsletter-signup>`);
  await fill(el, 'email', EVE);
  await fill(el, 'name', 'Eve');
  await fill(el, 'zip', '02118');
  await tick(el, 'interest-0');
  return el;
}

function expectKept(el: RecoveryNewsletterSignup, values = { email: EVE, name: 'Eve', zip: '02118' }) {
  expect(inputValues(el)).to.deep.equal(values);
  expect(must<HTMLInputElement>(el, '#interest-0').checked).to.equal(true);
  expect(alertText(el)).to.include('Everything you entered is still here');
}

function retryButton(el: RecoveryNewsletterSignup): HTMLButtonElement {
  return must<HTMLButtonElement>(el, '[role="alert"] button');
}

/** The rule: exactly one signup stored for the person, no request to another origin, no redirect followed. */
async function expectExactlyOnce(run: string, address = EVE): Promise<PersonStats> {
  const stats = await runStats(run);
  const person = stats.persons[address];
  expect(person, `nothing arrived for ${address}`).to.exist;
  expect(person!.stored, 'signups stored for the person').to.equal(1);
  expect(stats.foreign, 'requests to another origin').to.equal(0);
  expect(stats.followed, 'redirects followed').to.equal(0);
  return person!;
}

const fieldsOf = (p: PersonStats) => p.signups[0]!.fields;

after(async () => {
  // The figures for the record: faults injected and signups stored per person, per test.
  let faults = 0;
  let requests = 0;
  const storedPerPerson: number[] = [];
  const lines: string[] = [];
  for (const run of runsUsed) {
    const stats = await runStats(run);
    faults += stats.faults;
    const people = Object.values(stats.persons);
    requests += people.reduce((n, p) => n + p.requests, 0);
    storedPerPerson.push(...people.map((p) => p.stored));
    lines.push(`${run.replace(/-\d+-\d+$/, '')}: ${stats.faults} faults, ${people.map((p) => `${p.requests} requests, ${p.stored} stored`).join('; ') || 'nothing sent'}, ${stats.foreign} to another origin`);
  }
  console.log(
    `newsletter fault endpoint: ${runsUsed.length} runs, ${faults} faults injected, ${requests} requests, ` +
      `signups stored per person: ${JSON.stringify(storedPerPerson)}\n${lines.join('\n')}`,
  );
});

describe('recovery-newsletter-signup: exactly once against a failing endpoint', () => {
  failOnLitWarnings();
  before(emulateFocus);

  afterEach(async () => {
    await setNetwork(false);
  });


  it('accepted-then-500 on a cross-origin form post: the key is in the body, and Retry stores nothing new', async () => {
    const run = newRun('x-form');
    const el = await filled(faultEndpoint(run, 'accept-500', { origin: otherOrigin() }), { method: 'form' });
    const events = recordEvents(el);
    submitButton(el).click();
    await waitForFailure(el);
    expect(alertText(el)).to.include('error 500');
    expectKept(el);
    retryButton(el).click();
    await waitForSuccess(el);
    const person = await expectExactlyOnce(run);
    expect(person.requests).to.equal(2);
    // No header can cross origins on a simple form post: the key came in the body.
    expect(person.signups[0]!.headerKey).to.equal('');
    expect(fieldsOf(person)['idempotency_key']).to.equal(events[0]!.submission.idempotencyKey);
    expect(events[1]!.submission.idempotencyKey).to.equal(events[0]!.submission.idempotencyKey);
  });

  it('accepted-then-500, then the name is edited: the same person keeps the same key, stored once with the edit', async () => {
    const run = newRun('x-edit');
    const el = await filled(faultEndpoint(run, 'accept-500'));
    const events = recordEvents(el);
    submitButton(el).click();
    await waitForFailure(el);
    await fill(el, 'name', 'Eve Q');
    await fill(el, 'zip', '02119');
    await tick(el, 'interest-1');
    submitButton(el).click();
    await waitForSuccess(el);
    const person = await expectExactlyOnce(run);
    expect(events[1]!.submission.idempotencyKey).to.equal(events[0]!.submission.idempotencyKey);
    // The endpoint kept one signup and updated it with what the person corrected.
    expect(person.signups[0]!.updates).to.equal(1);
    expect(fieldsOf(person)).to.include({ name: 'Eve Q', zip: '02119' });
  });

  it('the same address typed differently after a failure is the same person', async () => {
    const run = newRun('x-case');
    const el = await filled(faultEndpoint(run, 'accept-500'));
    submitButton(el).click();
    await waitForFailure(el);
    await fill(el, 'email', '  Eve@Example.ORG ');
    submitButton(el).click();
    await waitForSuccess(el);
    await expectExactlyOnce(run);
  });

  it('locks the fields while a request is in flight, so a correction cannot be silently dropped', async () => {
    const run = newRun('x-lock');
    const el = await filled(faultEndpoint(run, 'hold'));
    const email = must<HTMLInputElement>(el, '#email');
    email.focus();
    await sendKeys({ press: 'Enter' });
    await waitForPhase(el, () => statusText(el).includes('Sending'), 'sending');
    // Focus stays where the person was; the fields say they are read-only and take no typing.
    // (Booleans: chai printing a DOM element in a failure message takes the test runner down.)
    expect(el.shadowRoot!.activeElement === email, 'focus stays in the e-mail field').to.equal(true);
    for (const id of ['email', 'name', 'zip']) expect(must<HTMLInputElement>(el, `#${id}`).readOnly, id).to.equal(true);
    expect(statusText(el)).to.include('locked');
    await sendKeys({ type: 'x' });
    must<HTMLInputElement>(el, '#name').focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' Q' });
    must<HTMLInputElement>(el, '#interest-1').click();
    must<HTMLInputElement>(el, '#interest-0').click();
    await elementUpdated(el);
    expect(inputValues(el)).to.deep.equal({ email: EVE, name: 'Eve', zip: '02118' });
    expect(must<HTMLInputElement>(el, '#interest-0').checked).to.equal(true);
    expect(must<HTMLInputElement>(el, '#interest-1').checked).to.equal(false);
    await expect(el).to.be.accessible();
    await release(run);
    await waitForSuccess(el);
    // What was stored is what the person saw when they were told they are signed up.
    const person = await expectExactlyOnce(run);
    expect(fieldsOf(person)).to.deep.equal({ email: EVE, name: 'Eve', zip: '02118', interests: ['Recovery community'] });
  });

  it('fields unlock after a failure, and what is sent next is what is on screen', async () => {
    const run = newRun('x-unlock');
    const el = await filled(faultEndpoint(run, '500'));
    submitButton(el).click();
    await waitForFailure(el);
    expect(must<HTMLInputElement>(el, '#name').readOnly).to.equal(false);
    must<HTMLInputElement>(el, '#name').focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' Q' });
    retryButton(el).click();
    await waitForSuccess(el);
    const person = await expectExactlyOnce(run);
    expect(fieldsOf(person)['name']).to.equal('Eve Q');
  });

  it('429 with a long Retry-After: Retry and Sign up wait, and say until when', async () => {
    const run = newRun('x-429-long');
    const el = await filled(faultEndpoint(run, '429:3600'), { fallback: 'news@example.org' });
    const events = recordEvents(el);
    submitButton(el).click();
    await waitForFailure(el);
    expect(alertText(el)).to.include('asked us to wait until');
    expect(retryButton(el).getAttribute('aria-disabled')).to.equal('true');
    // Nothing wider than a 320px phone, even with the longest message.
    el.style.display = 'block';
    el.style.width = '320px';
    const base = must(el, '.base');
    expect(base.scrollWidth, 'scroll width at 320px').to.be.at.most(320);
    for (const target of [retryButton(el), must(el, '[role="alert"] a')]) {
      expect(target.getBoundingClientRect().height, target.textContent!).to.be.at.least(24);
    }
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
    expectKept(el);
    await expect(el).to.be.accessible();
    retryButton(el).click();
    submitButton(el).click();
    await elementUpdated(el);
    expect(events, 'nothing sent before Retry-After').to.have.length(1);
    const stats = await runStats(run);
    expect(stats.persons[EVE]!.requests).to.equal(1);
    expect(stats.persons[EVE]!.stored).to.equal(0);
  });

  it('429 with a short Retry-After: sent again by itself once the wait is over, never early', async () => {
    const run = newRun('x-429-short');
    const el = await filled(faultEndpoint(run, '429:2'));
    submitButton(el).click();
    await waitForFailure(el);
    expect(alertText(el)).to.include('sent again by itself');
    expectKept(el);
    await waitForSuccess(el);
    const person = await expectExactlyOnce(run);
    expect(person.requests).to.equal(2);
    // The endpoint refuses (and counts) any request that comes before its Retry-After.
    expect(person.early).to.equal(0);
  });

  it('a service that keeps answering 429 is asked again by itself three times at most, then left to the person', async function () {
    this.timeout(30_000);
    const run = newRun('x-429-again');
    const el = await filled(faultEndpoint(run, '429:1,429:1,429:1,429:1'));
    submitButton(el).click();
    await waitForPhase(el, () => alertText(el).includes('You can press Retry then'), 'the wait left to the person', 20_000);
    let stats = await runStats(run);
    expect(stats.persons[EVE]!.requests).to.equal(4);
    expect(stats.persons[EVE]!.early).to.equal(0);
    expectKept(el);
    await waitForPhase(el, () => retryButton(el).getAttribute('aria-disabled') === 'false', 'Retry back', 20_000);
    retryButton(el).click();
    await waitForSuccess(el);
    stats = await runStats(run);
    expect(stats.persons[EVE]!.early).to.equal(0);
    await expectExactlyOnce(run);
  });

  it('302: a failure said in words, never a success, and the redirect is not followed', async () => {
    const run = newRun('x-302');
    const el = await filled(faultEndpoint(run, '302'), { fallback: 'news@example.org' });
    submitButton(el).click();
    await waitForFailure(el);
    expect(alertText(el)).to.include('redirect');
    expect($(el, '#done')).to.equal(null);
    expectKept(el);
    await expect(el).to.be.accessible();
    const stats = await runStats(run);
    expect(stats.followed).to.equal(0);
    expect(stats.persons[EVE]!.stored).to.equal(0);
    // The endpoint is fixed (its plan runs out): Retry stores the signup once.
    retryButton(el).click();
    await waitForSuccess(el);
    await expectExactlyOnce(run);
  });

  for (const method of ['json', 'form'] as const) {
    it(`307 to another origin (${method}): no request goes there, and the person is told`, async () => {
      const run = newRun(`x-307-${method}`);
      const el = await filled(faultEndpoint(run, '307'), { method });
      submitButton(el).click();
      await waitForFailure(el);
      expect(alertText(el)).to.include('redirect');
      expectKept(el);
      const stats = await runStats(run);
      expect(stats.foreign, 'requests to the other origin').to.equal(0);
      retryButton(el).click();
      await waitForSuccess(el);
      await expectExactlyOnce(run);
    });
  }

  it('when the wait ends by itself, focus on Retry moves to Sign up, not to the page', async () => {
    const run = newRun('x-429-focus');
    const el = await filled(faultEndpoint(run, '429:2,hold'));
    submitButton(el).click();
    await waitForFailure(el);
    retryButton(el).focus();
    await waitForPhase(el, () => statusText(el).includes('Sending'), 'the automatic send');
    const focused = el.shadowRoot!.activeElement;
    expect(focused === submitButton(el), `focus on ${focused ? focused.outerHTML.slice(0, 40) : 'the page'}`).to.equal(true);
    await release(run);
    await waitForSuccess(el);
    await expectExactlyOnce(run);
  });

  it('a hanging endpoint times out; Retry is the same signup', async () => {
    const run = newRun('x-hang');
    const el = await filled(faultEndpoint(run, 'hang'), { timeout: 1000 });
    submitButton(el).click();
    await waitForFailure(el);
    expect(alertText(el)).to.include('did not answer in time');
    expectKept(el);
    retryButton(el).click();
    await waitForSuccess(el);
    await expectExactlyOnce(run);
  });

  for (const fault of ['close', 'accept-close'] as const) {
    it(`a closed connection (${fault}) is a failure in words; Retry stores once`, async () => {
      const run = newRun(`x-${fault}`);
      // Closed until released (Chromium itself resends once on a closed connection).
      const el = await filled(faultEndpoint(run, `${fault}*`), { method: 'form', fallback: 'news@example.org' });
      submitButton(el).click();
      await waitForFailure(el);
      expect(alertText(el)).to.include('could not be reached');
      expectKept(el);
      await release(run);
      retryButton(el).click();
      await waitForSuccess(el);
      await expectExactlyOnce(run);
    });
  }

  it('offline then online (the browser network state): waits, then sends once', async () => {
    const run = newRun('x-offline');
    const el = await filled(faultEndpoint(run, 'ok'));
    const events = recordEvents(el);
    // axe loads its script on first use: load it while the network is still there.
    await expect(el).to.be.accessible();
    await setNetwork(true);
    await waitForPhase(el, () => statusText(el).includes('You are offline'), 'offline notice');
    submitButton(el).click();
    await elementUpdated(el);
    expect(statusText(el)).to.include('will be sent as soon as you are back online');
    expect(events).to.have.length(0);
    expect(inputValues(el)).to.deep.equal({ email: EVE, name: 'Eve', zip: '02118' });
    await expect(el).to.be.accessible();
    await setNetwork(false);
    await waitForSuccess(el);
    const person = await expectExactlyOnce(run);
    expect(person.requests).to.equal(1);
    expect(events).to.have.length(1);
  });
});

describe('recovery-newsletter-signup: first failure, fallback and honeypot', () => {
  failOnLitWarnings();

  it('a first 500 offers the mailto at once and shows no crisis lines; a second failure shows them', async () => {
    const run = newRun('x-first');
    const el = await filled(faultEndpoint(run, '500,500'), { fallback: 'news@example.org' });
    submitButton(el).click();
    await waitForFailure(el);
    expect($(el, '[role="alert"] a[href^="mailto:news@example.org"]'), 'mailto on the first failure').to.not.equal(null);
    expect($(el, '.help'), 'crisis lines on a first newsletter failure').to.equal(null);
    await expect(el).to.be.accessible();
    retryButton(el).click();
    await until(() => !!$(el, '.help'), 'help line after a second failure');
    expect(must(el, '.help').textContent).to.include('988');
    await expect(el).to.be.accessible();
  });

  it('the honeypot has a name autofill leaves alone, and autocomplete="off"', async () => {
    const el = await filled(faultEndpoint(newRun('x-hp'), 'ok'));
    const honey = must<HTMLInputElement>(el, '.hp input');
    expect(honey.getAttribute('autocomplete')).to.equal('off');
    expect(honey.tabIndex).to.equal(-1);
    // Words browsers and password managers fill by (HTML autofill tokens and their heuristics).
    const autofill =
      /name|mail|phone|tel|url|web|site|home|addr|street|city|state|zip|postal|country|company|org|user|login|nick|title|card|search|birth|bday|sex|gender|honorific|given|family/i;
    for (const attr of [honey.id, honey.name, must(el, '.hp label').textContent!]) {
      expect(autofill.test(attr), `autofill would fill "${attr}"`).to.equal(false);
    }
  });

  it('says the lock and the wait in Spanish under lang="es"', async () => {
    const run = newRun('x-es');
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es">
      <recovery-newsletter-signup min-fill-ms="0" action=${faultEndpoint(run, '429:3600')}></recovery-newsletter-signup>
    </div>`);
    const el = wrapper.querySelector('recovery-newsletter-signup')!;
    await localeReady();
    await el.updateComplete;
    await fill(el, 'email', EVE);
    submitButton(el).click();
    await elementUpdated(el);
    expect(statusText(el)).to.include('no se pueden cambiar');
    await waitForFailure(el);
    expect(alertText(el)).to.include('pidió esperar hasta las');
    await expect(el).to.be.accessible();
    el.setAttribute('lang', 'en');
    await until(() => alertText(el).includes('asked us to wait until'), 'English again');
  });
});
