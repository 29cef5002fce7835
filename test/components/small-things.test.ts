// Small things residents saw (issue #15): 911 said once, a source dated once, phone numbers
// that never break, a search hint that is never cut off, and needle advice that links the
// data's own sourced page instead of telling people to search a website.
import { fixture, html, expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/components/resource-search/resource-search.js';
import '../../src/components/disposal-locator/disposal-locator.js';
import type { RecoveryResourceSearch } from '../../src/components/resource-search/resource-search.js';
import type { RecoveryDisposalLocator } from '../../src/components/disposal-locator/disposal-locator.js';
import { datasetUrl, failOnLitWarnings, until } from '../helpers.js';

interface Doc extends Record<string, unknown> {
  resources: Array<Record<string, unknown>>;
}
const load = async (fixtureName = 'dataset') => (await (await fetch(datasetUrl({ fixture: fixtureName }))).json()) as Doc;

async function search(data: unknown): Promise<RecoveryResourceSearch> {
  const el = await fixture<RecoveryResourceSearch>(html`<recovery-resource-search no-location .data=${data}></recovery-resource-search>`);
  await until(() => el.shadowRoot!.querySelectorAll('.results .card').length > 0, 'cards');
  await el.updateComplete;
  return el;
}

describe('small things seen', () => {
  failOnLitWarnings();
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('says "Call 911" once, dates a source once, and never breaks a phone number', async () => {
    const doc = await load();
    const first = doc.resources[0]!;
    first['provenance'] = { source: 'Massachusetts BSAS licensed sites (retrieved 2025-10-16)', source_date: '2025-10-16', status: 'unverified' };
    const el = await search(doc);
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text.match(/Call 911/g)?.length ?? 0).to.equal(1);
    const card = [...el.shadowRoot!.querySelectorAll('.results .card')].find((c) => c.querySelector('.name')!.textContent!.trim() === first['name'])!;
    const provenance = card.querySelector('.provenance')!.textContent!.replace(/\s+/g, ' ');
    expect(provenance).to.contain('(retrieved 2025-10-16)');
    expect(provenance).to.not.contain('October 16, 2025');
    const tel = el.shadowRoot!.querySelector('a[href^="tel:"]')!;
    expect(getComputedStyle(tel).whiteSpace).to.equal('nowrap');
  });

  it('gives the search example as a visible hint that fits a phone, not a cut-off placeholder', async () => {
    await setViewport({ width: 390, height: 800 });
    const el = await search(await load());
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#q')!;
    expect(input.placeholder).to.equal('');
    const hint = el.shadowRoot!.querySelector<HTMLElement>(`#${input.getAttribute('aria-describedby')}`)!;
    expect(hint.textContent).to.contain('For example: peer support, detox, Narcan');
    expect(hint.scrollWidth).to.be.at.most(hint.clientWidth);
    expect(hint.getBoundingClientRect().right).to.be.at.most(390);
    await expect(el).to.be.accessible();
  });

  it('links the data\'s sourced needle page in the Boston needle advice', async () => {
    const doc = await load('disposal-sites');
    doc.resources = doc.resources.filter((r) => !JSON.stringify(r['disposal'] ?? '').includes('sharps'));
    doc.resources.push({
      id: 'boston-mobile-sharps-team',
      kind: 'service',
      name: 'Mobile Sharps Team',
      description: 'Responds to 311 requests for syringes. Call 311 to report a discarded needle.',
      categories: ['harm-reduction'],
      organization: { name: 'City of Boston' },
      url: 'https://www.boston.gov/departments/recovery-services',
      provenance: { source: 'City of Boston, Office of Recovery Services page', source_url: 'https://www.boston.gov/departments/recovery-services', status: 'unverified' },
    });
    const el = await fixture<RecoveryDisposalLocator>(html`<recovery-disposal-locator item="sharps" no-map .data=${doc}
      zip-table-url=${datasetUrl({ fixture: 'disposal-zips-ma' })} zip-table-national-url=${datasetUrl({ fixture: 'disposal-zips-us' })}
      .now=${new Date('2026-04-25T12:00:00-04:00')}></recovery-disposal-locator>`);
    const r = el.shadowRoot!;
    await until(() => !!r.querySelector('#zip'), 'form');
    r.querySelector<HTMLInputElement>('#zip')!.value = '02118';
    r.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => !!r.querySelector('#g-boston-sharps'), 'Boston needle advice');
    const section = r.querySelector('#g-boston-sharps')!.closest('section')!;
    expect(section.textContent).to.not.contain('search boston.gov');
    const link = section.querySelector<HTMLAnchorElement>('a[href^="https://www.boston.gov/"]')!;
    expect(link.href).to.equal('https://www.boston.gov/departments/recovery-services');
    expect(link.textContent).to.equal('Mobile Sharps Team, City of Boston');
    expect(section.textContent).to.contain('source: City of Boston, Office of Recovery Services page');
    await expect(el).to.be.accessible();
  });
});
