// "Report a change": a dataset (or a record) names where corrections go; every card then links
// there, and without an address the link is not shown.
import { fixture, html, expect } from '@open-wc/testing';
import '../../src/components/resource-search/resource-search.js';
import '../../src/components/disposal-locator/disposal-locator.js';
import type { RecoveryResourceSearch } from '../../src/components/resource-search/resource-search.js';
import { validateDataset, type DatasetInput } from '../../src/core/schema.js';
import { datasetUrl, failOnLitWarnings, localeReady, until } from '../helpers.js';

interface Doc extends Record<string, unknown> {
  resources: Array<Record<string, unknown>>;
}

async function dataset(): Promise<Doc> {
  return (await (await fetch(datasetUrl())).json()) as Doc;
}

async function search(data: unknown, lang = 'en'): Promise<RecoveryResourceSearch> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}>
    <recovery-resource-search no-location .data=${data}></recovery-resource-search>
  </div>`);
  const el = wrapper.querySelector<RecoveryResourceSearch>('recovery-resource-search')!;
  await localeReady();
  await until(() => el.shadowRoot!.querySelectorAll('.results .card').length > 0, 'cards');
  await el.updateComplete;
  return el;
}

const cards = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.results .card')];
const linkOf = (card: HTMLElement) => card.querySelector<HTMLAnchorElement>('.report-change a');

describe('report a change', () => {
  failOnLitWarnings();

  it('is not shown without a feedback address', async () => {
    const el = await search(await dataset());
    expect(cards(el).length).to.be.greaterThan(0);
    expect(el.shadowRoot!.querySelectorAll('.report-change').length).to.equal(0);
  });

  it('opens an e-mail with the name, id and page, or the record\'s own form', async () => {
    const doc = await dataset();
    doc['feedback'] = { email: 'corrections@example.org' };
    const own = doc.resources[1]!;
    own['feedback'] = { url: 'https://example.org/report?x=1' };
    const el = await search(doc);
    for (const card of cards(el)) {
      const a = linkOf(card);
      expect(a, 'every card has the link').to.exist;
      const name = card.querySelector('.name')!.textContent!.trim();
      const record = doc.resources.find((r) => r['name'] === name)!;
      if (record === own) {
        expect(a!.href).to.equal('https://example.org/report?x=1');
        expect(a!.target).to.equal('_blank');
        continue;
      }
      expect(a!.textContent!.trim()).to.equal('Report a change');
      expect(a!.getAttribute('aria-label')).to.equal(`Report a change to ${name} (opens your e-mail)`);
      const url = new URL(a!.href);
      expect(url.protocol).to.equal('mailto:');
      expect(url.pathname).to.equal('corrections@example.org');
      const subject = url.searchParams.get('subject')!;
      const body = url.searchParams.get('body')!;
      expect(subject).to.contain(name);
      expect(subject).to.contain(String(record['id']));
      expect(body).to.contain(`Listing id: ${String(record['id'])}`);
      expect(body).to.contain(location.href);
    }
    await expect(el).to.be.accessible();
  });

  it('is worded in Spanish', async () => {
    const doc = await dataset();
    doc['feedback'] = { url: 'https://example.org/correcciones' };
    const el = await search(doc, 'es');
    const a = linkOf(cards(el)[0]!)!;
    expect(a.textContent!.trim()).to.equal('Informar de un cambio');
    expect(a.getAttribute('aria-label')).to.match(/^Informar de un cambio en .+ \(se abre en una pestaña nueva\)$/);
    await expect(el).to.be.accessible();
  });

  it('is validated: http(s) and e-mail only, a bad block at the top costs only the links', async () => {
    const doc = (await dataset()) as unknown as DatasetInput & Record<string, unknown>;
    const good = validateDataset({ ...doc, feedback: { url: 'https://example.org/f', email: 'a@example.org' } });
    expect(good.ok && good.dataset.feedback).to.deep.equal({ url: 'https://example.org/f', email: 'a@example.org' });
    for (const bad of [{ url: 'javascript:alert(1)' }, { email: 'not an address' }, {}]) {
      const r = validateDataset({ ...doc, feedback: bad });
      expect(r.ok, JSON.stringify(bad)).to.equal(true);
      if (r.ok) {
        expect(r.dataset.feedback).to.equal(undefined);
        expect(r.problems.some((p) => p.path.startsWith('feedback')), JSON.stringify(r.problems)).to.equal(true);
        expect(r.dataset.resources.length).to.equal(doc.resources.length);
      }
    }
    const withBadRecord = { ...doc, resources: doc.resources.map((r, i) => (i === 0 ? { ...r, feedback: { url: 'ftp://x' } } : r)) };
    const r = validateDataset(withBadRecord);
    expect(r.ok && r.problems.some((p) => p.index === 0 && p.path.startsWith('feedback'))).to.equal(true);
  });
});

// A bad feedback block on one record costs that record's link only (#20); the e-mail is one
// plain address, the whole recipient of the mailto link, or no link.
describe('report a change: a bad feedback block', () => {
  failOnLitWarnings();

  const MALFORMED: unknown[] = [
    'corrections@example.org',
    42,
    null,
    [],
    {},
    { url: 'javascript:alert(1)' },
    { url: 'ftp://example.org/x' },
    { email: 'not an address' },
    { email: 'a@example.org?cc=b@example.org' },
    { email: 'a@example.org&bcc=b@example.org' },
    { email: 'a@example.org;b@example.org' },
    { email: 'a@example.org,b@example.org' },
    { email: 'a@example.org\r\nBcc: b@example.org' },
    { email: 'a@example.org\nx' },
    { email: 'a @example.org' },
    { email: ' a@example.org' },
    { email: 'mailto:a@example.org' },
    { email: 'Corrections <a@example.org>' },
    { email: '"Corrections" a@example.org' },
    { email: 'a%3Fcc%3Db@example.org' },
    { email: 42 },
    { url: 'https://example.org/ok', extra: 1, email: 'a@b?c' },
  ];

  it(`a record with each of ${MALFORMED.length} malformed feedback blocks still shows, without the link, with a warning`, async () => {
    const doc = await dataset();
    const target = doc.resources[0]!;
    for (const bad of MALFORMED) {
      const withBad = { ...doc, resources: doc.resources.map((r) => (r === target ? { ...r, feedback: bad } : r)) };
      const checked = validateDataset(withBad as unknown as DatasetInput);
      expect(checked.ok, JSON.stringify(bad)).to.equal(true);
      if (!checked.ok) continue;
      expect(checked.dataset.resources.length, JSON.stringify(bad)).to.equal(doc.resources.length);
      expect(checked.dataset.resources.find((r) => r.id === target['id'])?.feedback, JSON.stringify(bad)).to.equal(undefined);
      expect(checked.problems.some((p) => p.index === 0 && p.path.startsWith('feedback')), JSON.stringify(checked.problems)).to.equal(true);

      const el = await search(withBad);
      await until(() => cards(el).length === doc.resources.length, 'every card');
      const card = cards(el).find((c) => c.querySelector('.name')!.textContent!.trim() === target['name'])!;
      expect(card, `the record shows with ${JSON.stringify(bad)}`).to.exist;
      expect(linkOf(card), JSON.stringify(bad)).to.equal(null);
    }
  });

  for (const email of ['corrections@example.org', 'first.last+tag@mail.example.org', 'a_b-c@example.co.uk']) {
    it(`a valid address keeps the link, the recipient exactly ${email}`, async () => {
      const doc = await dataset();
      const target = doc.resources[0]!;
      target['feedback'] = { email };
      const el = await search(doc);
      const card = cards(el).find((c) => c.querySelector('.name')!.textContent!.trim() === target['name'])!;
      const a = linkOf(card)!;
      expect(a).to.exist;
      const url = new URL(a.href);
      expect(url.protocol).to.equal('mailto:');
      expect(decodeURIComponent(url.pathname)).to.equal(email);
      expect([...url.searchParams.keys()]).to.deep.equal(['subject', 'body']);
    });
  }

  it('an unsafe dataset-wide address drops the links, not the records', async () => {
    const doc = await dataset();
    doc['feedback'] = { email: 'corrections@example.org?cc=boss.org' };
    const el = await search(doc);
    expect(cards(el).length).to.equal(doc.resources.length);
    expect(el.shadowRoot!.querySelectorAll('.report-change').length).to.equal(0);
  });
});
