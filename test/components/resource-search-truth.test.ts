// A search near a ZIP tells the truth about distance (issue #22): services that serve the whole
// state are kept under their own heading, a ZIP far from every place says so, a place on an
// island says it takes a ferry, and "Nearest support of other kinds" is of other kinds, with
// each name a link to the record. Records: test/fixtures/truth-cards.json.
import { fixture, html, expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/resource-search/resource-search.js';
import type { RecoveryResourceSearch } from '../../src/components/resource-search/resource-search.js';
import { datasetUrl, failOnLitWarnings, localeReady, uniqueKey, until } from '../helpers.js';

const ZIPS = '/test/fixtures/truth-zips.json';

async function search(opts: { zip: string; lang?: string; miles?: string; category?: string }): Promise<ShadowRoot> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${opts.lang ?? 'en'}><recovery-resource-search style="width: 1000px"
    src=${datasetUrl({ fixture: 'truth-cards', key: uniqueKey('truth') })} category=${opts.category ?? ''}
    zip-table-url=${ZIPS} zip-table-national-url=${ZIPS}></recovery-resource-search></div>`);
  const el = wrapper.querySelector<RecoveryResourceSearch>('recovery-resource-search')!;
  await localeReady();
  const r = el.shadowRoot!;
  await until(() => !!r.querySelector('#distance') && !!r.querySelector('.results, .empty'), 'ready');
  if (opts.miles !== undefined) {
    const distance = r.querySelector<HTMLSelectElement>('#distance')!;
    distance.value = opts.miles;
    distance.dispatchEvent(new Event('change'));
  }
  const zip = r.querySelector<HTMLInputElement>('#zip')!;
  zip.focus();
  zip.value = opts.zip;
  zip.dispatchEvent(new Event('input'));
  await sendKeys({ press: 'Enter' });
  await until(() => (r.querySelector('[role="status"], .status')?.textContent ?? '').includes(opts.zip) || !!r.querySelector('.empty-near, .far-away'), `results near ${opts.zip}`);
  await el.updateComplete;
  return r;
}

const names = (root: ParentNode, selector: string) => [...root.querySelectorAll(`${selector} .card .name`)].map((n) => n.textContent!.trim());

describe('resource search near a ZIP: what a resident sees must be true', () => {
  failOnLitWarnings();

  it('keeps statewide and online services after the nearby ones, under "Serves all of Massachusetts"', async () => {
    const r = await search({ zip: '02118' });
    await until(() => !!r.querySelector('.results.whole-state'), 'the whole-state group');
    const heading = r.querySelector('.group-heading')!;
    expect(heading.textContent!.trim()).to.equal('Serves all of Massachusetts');
    expect(heading.tagName).to.equal('H3');
    const wide = names(r, '.results.whole-state');
    expect(wide).to.have.members(['Example: statewide family line', 'Example: online meeting']);
    // The nearby ones come first, each with its distance; a service with no place that is not statewide is left out.
    const near = names(r, '.results:not(.whole-state)');
    expect(near).to.include('Example: undated centre');
    expect(near).not.to.include('Example: statewide family line');
    expect(r.textContent).not.to.contain('Example: city outreach team');
    // The nearby list comes before the heading, the heading before its list.
    const lists = [...r.querySelectorAll('ul.results')];
    expect(lists[0]!.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    expect(heading.compareDocumentPosition(lists[1]!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    await expect(r.host).to.be.accessible();
  });

  it('in Spanish', async () => {
    const r = await search({ zip: '02118', lang: 'es' });
    await until(() => !!r.querySelector('.group-heading'), 'the whole-state group');
    expect(r.querySelector('.group-heading')!.textContent!.trim()).to.equal('Atiende en todo Massachusetts');
  });

  it('says a ZIP far from every place (Anchorage) has nothing near, with the nearest distance and the helpline', async () => {
    const r = await search({ zip: '99501', miles: '0' });
    await until(() => !!r.querySelector('.far-away'), 'the far-away notice');
    const far = r.querySelector('.far-away')!;
    const words = far.querySelector('p')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(words).to.match(/^Nothing near ZIP 99501 in this directory\. The nearest is [\d,]+ mi away\.$/);
    expect(far.querySelector('.helpline a[href^="tel:"]')).to.exist;
    // It comes before every card, and the count does not call the list "near 99501".
    expect(far.compareDocumentPosition(r.querySelector('.card')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    const count = () => r.querySelector('p.status[part="status"]')?.textContent?.trim() ?? '';
    await until(() => /^\d+ results$/.test(count()), 'a count without "near"');
    // Nor does the line under the ZIP field ("Showing places near 99501." elsewhere).
    expect(r.textContent).not.to.contain('Showing places near 99501');
    await expect(r.host).to.be.accessible();
  });

  it('says so too within the default distance, when only the statewide services are left, and in Spanish', async () => {
    const r = await search({ zip: '99501', lang: 'es' });
    await until(() => !!r.querySelector('.far-away'), 'the far-away notice');
    expect(r.querySelector('.far-away p')!.textContent!.replace(/\s+/g, ' ').trim()).to.match(
      /^Nada cerca del código postal 99501 en este directorio\. Lo más cercano está a [\d.]+ mi\.$/,
    );
  });

  it('says "Island: ferry only" for a place on Martha\'s Vineyard found from Falmouth', async () => {
    const r = await search({ zip: '02540', miles: '25' });
    await until(() => names(r, '.results').includes('Example: island recovery centre (Oak Bluffs)'), 'the island centre');
    const island = [...r.querySelectorAll('.card')].find((c) => c.textContent!.includes('Oak Bluffs'))!;
    expect(island.querySelector('.distance .ferry')!.textContent).to.equal('Island: ferry only');
    const mainland = [...r.querySelectorAll('.card')].find((c) => c.textContent!.includes('East Falmouth'))!;
    expect(mainland.querySelector('.ferry')).to.equal(null);
    expect(r.querySelector('.far-away')).to.equal(null);
  });

  it('lists the nearest support of other kinds than the one chosen, each name a link to its record', async () => {
    // Housing within a mile of 02124: none (the one sober home is about 1.8 miles away).
    const r = await search({ zip: '02124', miles: '1', category: 'housing' });
    await until(() => !!r.querySelector('.empty-near .nearest-other'), 'nearest of other kinds');
    const links = [...r.querySelectorAll<HTMLAnchorElement>('.nearest-other li a.record-link')];
    const listed = links.map((a) => a.textContent!.trim());
    expect(listed).to.have.length.greaterThan(0);
    expect(listed).not.to.include('Example: sober home two miles away');
    const first = links[0]!;
    expect(new URL(first.href).searchParams.get('rs-id')).to.equal('undated-centre');
    await expect(r.host).to.be.accessible();
    first.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!r.querySelector('.shared-record .card'), 'the record it links to');
    expect(r.querySelector('.shared-record .card .name')!.textContent!.trim()).to.equal(listed[0]);
    // It was chosen here, not shared: the heading says so.
    expect(r.querySelector('.shared-record .shared-heading')!.textContent!.trim()).to.equal('The place you chose');
    await until(() => r.activeElement === r.querySelector('.shared-record'), 'focus on the record');
  });
});
