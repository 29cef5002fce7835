import { expect } from '@open-wc/testing';
import {
  checkEmail,
  checkSignup,
  checkZip,
  isCrossOrigin,
  normaliseEmail,
  requestBody,
  retryAfter,
  sendSignup,
  signupFingerprint,
  signupKey,
  toSubmission,
  type SignupInput,
} from '../../src/core/signup.js';
import { requestCount, uniqueKey } from '../helpers.js';

const input = (over: Partial<SignupInput> = {}): SignupInput => ({
  email: 'person@example.org',
  name: '',
  zip: '',
  interests: [],
  consent: undefined,
  ...over,
});

async function signups(key: string) {
  const r = await fetch(`/test-api/signups?key=${encodeURIComponent(key)}`);
  return (await r.json()) as { contentType: string; idempotencyKey: string; body: string }[];
}

describe('core/signup checks', () => {
  it('accepts ordinary addresses, trimmed', () => {
    for (const ok of ['a@example.org', ' first.last+news@mail.example.co.uk ', 'o\'brien@example.org', 'ana@exämple.org']) {
      const r = checkEmail(ok);
      expect(r.ok, ok).to.equal(true);
      if (r.ok) expect(r.email).to.equal(ok.trim());
    }
  });

  it('refuses missing and malformed addresses', () => {
    expect(checkEmail('   ')).to.deep.equal({ ok: false, reason: 'missing' });
    for (const bad of ['person', 'person@', '@example.org', 'person@example', 'a b@example.org', 'a@@example.org',
      'a@example..org', '.a@example.org', 'a.@example.org', 'a@-example.org', 'a@example.org,', 'a@exa mple.org',
      `${'x'.repeat(65)}@example.org`]) {
      expect(checkEmail(bad), bad).to.deep.equal({ ok: false, reason: 'invalid' });
    }
  });

  it('takes an empty ZIP, 5 digits or ZIP+4, nothing else', () => {
    expect(checkZip('')).to.deep.equal({ ok: true, zip: undefined });
    expect(checkZip(' 02118 ')).to.deep.equal({ ok: true, zip: '02118' });
    expect(checkZip('02118-1234')).to.deep.equal({ ok: true, zip: '02118-1234' });
    for (const bad of ['2118', '021181', 'ABCDE', '02118-12']) expect(checkZip(bad).ok, bad).to.equal(false);
  });

  it('lists every problem in field order, consent only when asked', () => {
    expect(checkSignup(input({ email: 'x', zip: '1', consent: false }))).to.deep.equal([
      { field: 'email', reason: 'invalid' },
      { field: 'zip', reason: 'invalid' },
      { field: 'consent', reason: 'missing' },
    ]);
    expect(checkSignup(input())).to.deep.equal([]);
    expect(checkSignup(input({ consent: true }))).to.deep.equal([]);
  });

  it('builds a submission with only what was given, and refuses an invalid one', () => {
    expect(toSubmission(input({ email: ' p@example.org ', name: '  ', interests: ['a'] }), 'K')).to.deep.equal({
      email: 'p@example.org',
      interests: ['a'],
      idempotencyKey: 'K',
    });
    expect(toSubmission(input({ name: ' Ana ', zip: '02118', consent: true }), 'K')).to.deep.equal({
      email: 'person@example.org',
      name: 'Ana',
      zip: '02118',
      interests: [],
      consent: true,
      idempotencyKey: 'K',
    });
    expect(() => toSubmission(input({ email: 'nope' }), 'K')).to.throw();
  });
});

describe('core/signup idempotency keys', () => {
  it('derives the key from the normalised address and the list only', async () => {
    const list = 'https://news.example.org/subscribe';
    const a = await signupKey('person@example.org', list);
    expect(a).to.match(/^rf1-[0-9a-f]{32}$/);
    // The same person, however typed: spaces, capitals, another Unicode form of the same letters.
    expect(await signupKey('  Person@EXAMPLE.org ', list)).to.equal(a);
    expect(await signupKey('ana@exa\u0301mple.org', list)).to.equal(await signupKey('ana@ex\u00e1mple.org', list));
    // Another person, or the same person on another list, is another signup.
    expect(await signupKey('other@example.org', list)).to.not.equal(a);
    expect(await signupKey('person@example.org', 'https://news.example.org/other-list')).to.not.equal(a);
    // Without crypto.subtle (a plain http page) the fallback gives the same key.
    expect(await signupKey('person@example.org', list, null)).to.equal(a);
    // The key does not carry the address.
    expect(a).to.not.include('person');
    expect(normaliseEmail(' Ana@Example.ORG ')).to.equal('ana@example.org');
  });

  it('fingerprints the whole input, to tell an edited waiting signup', () => {
    expect(signupFingerprint(input({ interests: ['x', 'y'] }))).to.equal(signupFingerprint(input({ interests: ['y', 'x'] })));
    expect(signupFingerprint(input({ name: 'N' }))).to.not.equal(signupFingerprint(input()));
    expect(signupFingerprint(input({ consent: false }))).to.not.equal(signupFingerprint(input({ consent: true })));
  });
});

describe('core/signup request bodies', () => {
  const submission = toSubmission(input({ name: 'Ana Pérez', zip: '02118', interests: ['recovery', 'prevention'], consent: true }), 'K');

  it('JSON with default and custom field names', () => {
    const j = requestBody(submission, 'json');
    expect(j.contentType).to.equal('application/json');
    expect(JSON.parse(j.body)).to.deep.equal({
      email: 'person@example.org',
      name: 'Ana Pérez',
      zip: '02118',
      interests: ['recovery', 'prevention'],
      consent: true,
    });
    const custom = requestBody(submission, 'json', { email: 'EMAIL', zip: '' });
    expect(Object.keys(JSON.parse(custom.body))).to.deep.equal(['EMAIL', 'name', 'zip', 'interests', 'consent']);
  });

  it('form-encoded with custom names and repeated interests', () => {
    const f = requestBody(submission, 'form', { email: 'EMAIL', name: 'FNAME', interests: 'group[1]', consent: 'gdpr' });
    expect(f.contentType).to.match(/^application\/x-www-form-urlencoded/);
    const p = new URLSearchParams(f.body);
    expect(p.get('EMAIL')).to.equal('person@example.org');
    expect(p.get('FNAME')).to.equal('Ana Pérez');
    expect(p.get('zip')).to.equal('02118');
    expect(p.getAll('group[1]')).to.deep.equal(['recovery', 'prevention']);
    expect(p.get('gdpr')).to.equal('yes');
    // The key travels in the body: a cross-origin form post can carry no custom header.
    expect(p.get('idempotency_key')).to.equal('K');
    expect(new URLSearchParams(requestBody(submission, 'form', { key: 'IDEM' }).body).get('IDEM')).to.equal('K');
    // A JSON body carries only the person's fields; its key goes in the header.
    expect(JSON.parse(requestBody(submission, 'json').body)).to.not.have.property('idempotency_key');
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfter('30')).to.equal(30);
    expect(retryAfter(new Date(1_000_000 + 10_000).toUTCString(), 1_000_000)).to.equal(10);
    expect(retryAfter('soon')).to.equal(undefined);
    expect(retryAfter(null)).to.equal(undefined);
  });

  it('knows a cross-origin action', () => {
    expect(isCrossOrigin('/test-api/signup', undefined)).to.equal(false);
    expect(isCrossOrigin('https://mail.example.org/subscribe', 'https://www.example.org/page')).to.equal(true);
  });
});

describe('core/signup sendSignup against the local endpoint', () => {
  const submission = toSubmission(input({ interests: ['recovery'] }), 'idem-123');

  it('posts JSON once with the Idempotency-Key header', async () => {
    const key = uniqueKey('core-json');
    const outcome = await sendSignup(`/test-api/signup?mode=ok&key=${key}`, submission);
    expect(outcome).to.deep.equal({ kind: 'ok', status: 200 });
    const got = await signups(key);
    expect(got).to.have.length(1);
    expect(got[0]!.contentType).to.equal('application/json');
    expect(got[0]!.idempotencyKey).to.equal('idem-123');
    expect(JSON.parse(got[0]!.body)).to.deep.equal({ email: 'person@example.org', interests: ['recovery'] });
  });

  it('posts a same-origin form with the header too', async () => {
    const key = uniqueKey('core-form');
    const outcome = await sendSignup(`/test-api/signup?mode=ok&key=${key}`, submission, { format: 'form', fields: { email: 'EMAIL' } });
    expect(outcome.kind).to.equal('ok');
    const got = await signups(key);
    expect(got[0]!.contentType).to.match(/^application\/x-www-form-urlencoded/);
    expect(got[0]!.idempotencyKey).to.equal('idem-123');
    expect(new URLSearchParams(got[0]!.body).get('EMAIL')).to.equal('person@example.org');
  });

  it('reports 500 as http and 429 as rate-limited with its Retry-After', async () => {
    expect(await sendSignup(`/test-api/signup?mode=500&key=${uniqueKey()}`, submission)).to.deep.equal({ kind: 'http', status: 500 });
    expect(await sendSignup(`/test-api/signup?mode=429&key=${uniqueKey()}`, submission)).to.deep.equal({
      kind: 'rate-limited',
      retryAfterSeconds: 30,
    });
  });

  it('gives up on a hanging endpoint after the timeout', async () => {
    const key = uniqueKey('core-hang');
    expect(await sendSignup(`/test-api/signup?mode=hang&key=${key}`, submission, { timeoutMs: 300 })).to.deep.equal({ kind: 'timeout' });
    expect(await requestCount(key)).to.equal(1);
  });

  it('reports a refused connection as network, and sends nothing while offline', async () => {
    expect(await sendSignup('http://127.0.0.1:9/', submission)).to.deep.equal({ kind: 'network' });
    const key = uniqueKey('core-offline');
    expect(await sendSignup(`/test-api/signup?key=${key}`, submission, { isOnline: () => false })).to.deep.equal({ kind: 'offline' });
    expect(await requestCount(key)).to.equal(0);
  });

  it('never follows a redirect: a 302 or a 307 is an outcome of its own, and nothing arrives elsewhere', async () => {
    for (const fault of ['302', '307']) {
      const run = uniqueKey(`core-${fault}`);
      const outcome = await sendSignup(`/test-api/newsletter?run=${run}&plan=${fault}`, submission);
      expect(outcome, fault).to.deep.equal({ kind: 'redirect' });
      const stats = (await (await fetch(`/test-api/newsletter-stats?run=${run}`)).json()) as { foreign: number; followed: number };
      expect(stats.foreign, fault).to.equal(0);
      expect(stats.followed, fault).to.equal(0);
    }
  });

  it('a cross-origin form post carries the key in its body and no custom header', async () => {
    const run = uniqueKey('core-xform');
    const other = `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
    const outcome = await sendSignup(`${other}/test-api/newsletter?run=${run}`, submission, { format: 'form' });
    expect(outcome.kind).to.equal('ok');
    const stats = (await (await fetch(`/test-api/newsletter-stats?run=${run}`)).json()) as {
      persons: Record<string, { signups: { headerKey: string; fields: Record<string, string> }[] }>;
    };
    const stored = stats.persons['person@example.org']!.signups[0]!;
    expect(stored.headerKey).to.equal('');
    expect(stored.fields['idempotency_key']).to.equal('idem-123');
  });

  it('can be aborted by the caller', async () => {
    const controller = new AbortController();
    const pending = sendSignup(`/test-api/signup?mode=hang&key=${uniqueKey()}`, submission, { signal: controller.signal });
    controller.abort();
    expect(await pending).to.deep.equal({ kind: 'aborted' });
  });
});
