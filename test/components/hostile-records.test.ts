// One record can never take down the others (issue #11): values that pass each field's type
// but are not real (a 13th month, a 25th hour, an offset of 99 hours, a zone that does not
// exist, 30 February) go through every element that lists records. The rule: the element
// leaves "Loading", the good records are shown, the bad one is named in a console warning.
import { expect } from '@open-wc/testing';
import '../../src/components/resource-search/resource-search.js';
import '../../src/components/prsc-map/prsc-map.js';
import '../../src/components/disposal-locator/disposal-locator.js';
import type { DatasetInput, ResourceInput } from '../../src/core/schema.js';
import { datasetUrl, until } from '../helpers.js';
import { captureWarnings, elementShows, mountElement, type ListingElement } from './hostile.helpers.js';

let base: DatasetInput;

/** Cases: one bad record each, with what is wrong about it. */
const BAD: Array<{ label: string; patch: (r: ResourceInput) => ResourceInput }> = [
  { label: 'event in month 13', patch: (r) => ({ ...r, event: { starts_at: '2026-13-01T18:00:00-04:00' } }) },
  { label: 'event at hour 25', patch: (r) => ({ ...r, event: { starts_at: '2026-05-01T25:00:00-04:00' } }) },
  { label: 'event with offset +99:00', patch: (r) => ({ ...r, event: { starts_at: '2026-05-01T18:00:00+99:00' } }) },
  { label: 'event on 30 February', patch: (r) => ({ ...r, event: { starts_at: '2026-02-30T18:00:00-05:00' } }) },
  { label: 'zone that does not exist', patch: (r) => ({ ...r, schedule: { time_zone: 'America/Bostn', always_open: true } }) },
  { label: 'closed on 31 April', patch: (r) => ({ ...r, schedule: { always_open: true, closed: [{ date: '2026-04-31' }] } }) },
  { label: 'verified on 30 February', patch: (r) => ({ ...r, provenance: { ...r.provenance, last_verified: '2026-02-30' } }) },
];

const ELEMENTS: ListingElement[] = ['recovery-resource-search', 'recovery-prsc-map', 'recovery-disposal-locator'];

/** A record every element lists: a PRSC that takes pills, near 02118. */
function goodRecord(id: string, name: string): ResourceInput {
  return {
    id,
    kind: 'prsc',
    name,
    categories: ['recovery-center', 'peer-support', 'disposal'],
    address: { address_1: '1 Example St', city: 'Boston', state_province: 'MA', postal_code: '02118' },
    location: { latitude: 42.3396, longitude: -71.0743, precision: 'exact' },
    region: 'Boston',
    phones: [{ number: '617-555-0100' }],
    disposal: { accepts: ['pills'] },
    provenance: { source: 'Test fixture (fictional)', status: 'verified' },
  };
}

describe('hostile records: one bad record never takes down the others', () => {
  before(async () => {
    base = (await (await fetch(datasetUrl({ fixture: 'dataset' }))).json()) as DatasetInput;
  });

  for (const tag of ELEMENTS) {
    for (const bad of BAD) {
      it(`${tag}: ${bad.label}`, async () => {
        const good = goodRecord('good-one', 'Good Centre One');
        const other = goodRecord('good-two', 'Good Centre Two');
        const hostile = bad.patch(goodRecord('the-bad-one', 'The Bad One'));
        const data: DatasetInput = { ...base, resources: [good, hostile, other] };
        const warnings = captureWarnings();
        try {
          const el = await mountElement(tag, data);
          await until(() => elementShows(el, 'Good Centre One') && elementShows(el, 'Good Centre Two'), `${tag} shows the good records`, 8000);
          expect(el.shadowRoot!.textContent).to.not.match(/Loading (services|Peer|disposal)/);
          // Skipped by the validator, and named; or, if shown, shown whole.
          const named = warnings.lines.some((w) => w.includes('the-bad-one'));
          expect(named, `a warning names the bad record:\n${warnings.lines.join('\n')}`).to.equal(true);
          el.remove();
        } finally {
          warnings.restore();
        }
      });
    }
  }

  it('the search lists records given in the data property with a real calendar date', async () => {
    const data: DatasetInput = {
      ...base,
      resources: [{ ...goodRecord('leap', 'Leap Day Centre'), provenance: { source: 'Test', status: 'verified', last_verified: '2024-02-29' } }],
    };
    const el = await mountElement('recovery-resource-search', data);
    await until(() => elementShows(el, 'Leap Day Centre'), 'leap-day record shown');
    el.remove();
  });
});
