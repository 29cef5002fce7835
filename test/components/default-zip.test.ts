// A site can set a default place with `zip`: results are then nearest first from it.
import { fixture, html, expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/components/resource-search/resource-search.js';
import '../../src/components/prsc-map/prsc-map.js';
import type { RecoveryResourceSearch } from '../../src/components/resource-search/resource-search.js';
import type { RecoveryPrscMap } from '../../src/components/prsc-map/prsc-map.js';
import { datasetUrl, failOnLitWarnings, uniqueKey, until } from '../helpers.js';

const ZIPS = datasetUrl({ fixture: 'search-zips' });

describe('a default place (zip attribute)', () => {
  failOnLitWarnings();

  it('orders the search nearest first from the site\'s ZIP', async () => {
    const el = await fixture<RecoveryResourceSearch>(html`<recovery-resource-search zip="02124" style="width: 1000px"
      src=${datasetUrl({ key: uniqueKey('dz') })} zip-table-url=${ZIPS} zip-table-national-url=${ZIPS}></recovery-resource-search>`);
    const r = el.shadowRoot!;
    await until(() => r.querySelectorAll('.results .card .distance').length > 0, 'distances');
    const names = [...r.querySelectorAll('.results .card .name')].map((n) => n.textContent!.trim());
    // 02124 is Dorchester: the Dorchester coach is nearest.
    expect(names[0]).to.equal('Example Recovery Coaching Dorchester');
    expect(r.querySelector<HTMLInputElement>('#zip')!.value).to.equal('02124');
    await expect(el).to.be.accessible();
  });

  it('orders the centres nearest first from the site\'s ZIP', async () => {
    const el = await fixture<RecoveryPrscMap>(html`<recovery-prsc-map zip="01609" src=${datasetUrl({ fixture: 'prsc-centres' })}
      zip-table-url=${ZIPS} zip-table-national-url=${ZIPS}></recovery-prsc-map>`);
    const r = el.shadowRoot!;
    await until(() => /Nearest first from 01609/.test(r.querySelector('.status')!.textContent!), 'nearest first');
  });

  it('on a phone, puts the ZIP and location before the folded filters, whose button counts those in use', async () => {
    await setViewport({ width: 390, height: 800 });
    try {
      const el = await fixture<RecoveryResourceSearch>(html`<recovery-resource-search category="housing"
        src=${datasetUrl({ key: uniqueKey('ph') })} zip-table-url=${ZIPS} zip-table-national-url=${ZIPS}></recovery-resource-search>`);
      const r = el.shadowRoot!;
      await until(() => !!r.querySelector('.results') || !!r.querySelector('.notice.empty'), 'ready');
      const zip = r.querySelector<HTMLInputElement>('#zip')!;
      const toggle = r.querySelector<HTMLButtonElement>('.filters-toggle')!;
      expect(zip.getBoundingClientRect().height, 'ZIP visible with the filters folded').to.be.greaterThan(0);
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(zip.compareDocumentPosition(toggle) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      expect(zip.getBoundingClientRect().top).to.be.lessThan(toggle.getBoundingClientRect().top);
      expect(toggle.textContent!.trim()).to.equal('Filters (1)');
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('counts on the "Filters" button only the filters inside its panel, not the ZIP beside it; the panel\'s "Clear all filters" keeps the ZIP', async () => {
    await setViewport({ width: 390, height: 800 });
    try {
      const el = await fixture<RecoveryResourceSearch>(html`<recovery-resource-search
        src=${datasetUrl({ key: uniqueKey('fz') })} zip-table-url=${ZIPS} zip-table-national-url=${ZIPS}></recovery-resource-search>`);
      const r = el.shadowRoot!;
      await until(() => !!r.querySelector('.results'), 'results');
      const toggle = r.querySelector<HTMLButtonElement>('.filters-toggle')!;
      const zip = r.querySelector<HTMLInputElement>('#zip')!;
      zip.value = '02124';
      zip.dispatchEvent(new Event('change'));
      await until(() => r.querySelector('.place-message')!.textContent!.includes('02124'), 'the place in use');
      await el.updateComplete;
      expect(toggle.textContent!.trim(), 'the ZIP is outside the panel').to.equal('Filters');
      toggle.click();
      await el.updateComplete;
      const free = [...r.querySelectorAll<HTMLLabelElement>('#filters label.check')].find((l) => l.textContent!.trim() === 'Free')!;
      free.querySelector('input')!.click();
      await el.updateComplete;
      expect(toggle.textContent!.trim()).to.equal('Filters (1)');
      const clear = [...r.querySelectorAll<HTMLButtonElement>('#filters button')].find((b) => b.textContent!.trim() === 'Clear all filters')!;
      clear.click();
      await el.updateComplete;
      expect(toggle.textContent!.trim()).to.equal('Filters');
      expect(r.querySelector<HTMLInputElement>('#zip')!.value).to.equal('02124');
      expect(r.querySelector('.place-message')!.textContent).to.include('02124');
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
