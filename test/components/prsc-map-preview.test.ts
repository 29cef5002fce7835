import { fixture, html, expect } from '@open-wc/testing';
import '../../src/components/prsc-map/prsc-map.js';
import { RecoveryPrscMap } from '../../src/components/prsc-map/prsc-map.js';
import { datasetFrom, datasetFromSliced, validationSlicing } from '../../src/core/load.js';
import { shownCentres, prscRecords } from '../../src/core/prsc.js';
import { stepBudget } from '../../src/core/slices.js';
import type { DatasetController } from '../../src/kit/base/dataset-controller.js';
import { datasetUrl, failOnLitWarnings, until } from '../helpers.js';

interface Doc { resources: Array<Record<string, unknown>> }

const root = (el: RecoveryPrscMap) => el.shadowRoot as ShadowRoot;
const status = (el: RecoveryPrscMap) => root(el).querySelector('p.status')?.textContent?.trim() ?? '';
const ids = (el: RecoveryPrscMap) => [...root(el).querySelectorAll<HTMLLIElement>('li.centre')].map((li) => li.dataset['id']);
const store = (el: RecoveryPrscMap) => (el as unknown as { store: DatasetController<unknown> }).store;

describe('<recovery-prsc-map> first centres before the whole dataset is ready', () => {
  failOnLitWarnings();
  const saved = RecoveryPrscMap.previewRecords;
  beforeEach(() => {
    RecoveryPrscMap.previewRecords = 4;
    validationSlicing.budget = stepBudget(1);
  });
  afterEach(() => {
    RecoveryPrscMap.previewRecords = saved;
    validationSlicing.budget = undefined;
  });

  it('lists the centres of the first records, says "so far", then every centre', async () => {
    const doc = (await (await fetch(datasetUrl({ fixture: 'prsc-centres' }))).json()) as Doc;
    const total = doc.resources.length;
    const all = datasetFrom(structuredClone(doc)).dataset.resources;
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('recovery-prsc-map') as RecoveryPrscMap;
    el.tileUrl = '';
    el.data = doc;
    wrapper.append(el);
    // Another reader of the same document holds its validation once the preview is made.
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const other = datasetFromSliced(doc, undefined, undefined, () => (store(el).preview ? gate : undefined));
    await until(() => store(el).preview !== undefined && ids(el).length > 0, 'the preview');
    const first = shownCentres(prscRecords(all.slice(0, 4)), { region: '', offerings: new Set() });
    expect(ids(el)).to.deep.equal(first.map((s) => s.r.id));
    const count = first.length === 1 ? '1 centre' : `${first.length} centres`;
    expect(status(el)).to.equal(`${count} so far, from the first 4 of ${total} entries; still loading…`);
    await expect(el).to.be.accessible();
    release();
    await other;
    await until(() => store(el).status === 'ready', 'every centre');
    await el.updateComplete;
    const every = shownCentres(prscRecords(all), { region: '', offerings: new Set() });
    expect(ids(el)).to.deep.equal(every.map((s) => s.r.id).slice(0, RecoveryPrscMap.listPageSize));
    expect(status(el)).to.equal(`${every.length} centres.`);
    expect(store(el).previews).to.equal(1);
    await expect(el).to.be.accessible();
  });
});
