// "housing near 02118" within a mile finds nothing: the element says so plainly and offers what
// exists: the support helpline, the nearest results of other kinds, and a wider distance.
import { fixture, html, expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/resource-search/resource-search.js';
import type { RecoveryResourceSearch } from '../../src/components/resource-search/resource-search.js';
import { datasetUrl, failOnLitWarnings, localeReady, uniqueKey, until } from '../helpers.js';

const ZIPS = datasetUrl({ fixture: 'search-zips' });

async function emptyNear(lang = 'en'): Promise<RecoveryResourceSearch> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><recovery-resource-search style="width: 1000px"
    src=${datasetUrl({ key: uniqueKey('en') })} zip-table-url=${ZIPS} zip-table-national-url=${ZIPS}></recovery-resource-search></div>`);
  const el = wrapper.querySelector<RecoveryResourceSearch>('recovery-resource-search')!;
  await localeReady();
  const r = el.shadowRoot!;
  await until(() => !!r.querySelector('#distance') && !!r.querySelector('.results'), 'ready');
  const distance = r.querySelector<HTMLSelectElement>('#distance')!;
  distance.value = '1';
  distance.dispatchEvent(new Event('change'));
  const zip = r.querySelector<HTMLInputElement>('input[inputmode="numeric"], #zip')!;
  zip.focus();
  zip.value = '02118';
  zip.dispatchEvent(new Event('input'));
  await sendKeys({ press: 'Enter' });
  const q = r.querySelector<HTMLInputElement>('#q')!;
  q.focus();
  q.value = 'housing';
  q.dispatchEvent(new Event('input'));
  await sendKeys({ press: 'Enter' });
  await until(() => !!r.querySelector('.empty-near'), 'empty near a place');
  await el.updateComplete;
  return el;
}

describe('resource search: nothing near a place', () => {
  failOnLitWarnings();

  it('says so plainly and offers the helpline, the nearest of other kinds and a wider distance', async () => {
    const el = await emptyNear();
    const r = el.shadowRoot!;
    const box = r.querySelector<HTMLElement>('.empty-near')!;
    expect(box.querySelector('strong')!.textContent!.trim()).to.equal('Nothing for “housing” within 1 mile near 02118.');
    // The dataset's support line (the fixture's), with a number to call.
    const helpline = box.querySelector('.helpline')!;
    expect(helpline.textContent).to.contain('Test helpline: A fictional help line for tests.');
    expect(helpline.querySelector('a[href^="tel:"]')).to.exist;
    // The nearest records of any kind, nearest first, with their distance.
    const nearest = [...box.querySelectorAll('.nearest-other li strong')].map((n) => n.textContent);
    expect(nearest.length).to.be.greaterThan(0);
    expect(nearest[0]).to.equal('Example Peer Recovery Center South End');
    expect(box.querySelector('.nearest-other')!.textContent).to.contain('away');
    // A wider distance that has the housing record (it is in Worcester: only "any distance" reaches it).
    const wider = box.querySelector<HTMLButtonElement>('button.wider')!;
    expect(wider.textContent!.trim()).to.equal('Any distance: 1 result');
    await expect(el).to.be.accessible();
    wider.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => r.querySelectorAll('.results .card').length === 1, 'the wider result');
    expect(r.querySelector('.results .card .name')!.textContent).to.contain('Example Sober Living Worcester');
    expect(r.querySelector<HTMLSelectElement>('#distance')!.value).to.equal('0');
  });

  it('in Spanish', async () => {
    const el = await emptyNear('es');
    const box = el.shadowRoot!.querySelector<HTMLElement>('.empty-near')!;
    expect(box.querySelector('strong')!.textContent).to.contain('No hay nada para «housing»');
    expect(box.querySelector('button.wider')!.textContent!.trim()).to.equal('Cualquier distancia: 1 resultado');
    await expect(el).to.be.accessible();
  });
});
