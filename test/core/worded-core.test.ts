// Issue #23: what has no page to word a code in (the search index, the calendar file, the HSDS
// server) reads the library's English of it, and the records' translations are searched too.
import { expect } from '@open-wc/testing';
import { SearchIndex } from '../../src/core/search.js';
import { eventIcs } from '../../src/core/ics.js';
import { WORDED_ENGLISH, withWordedEnglish } from '../../src/core/worded.js';
import { validateResource, type Resource, type ResourceInput } from '../../src/core/schema.js';

function record(input: Partial<ResourceInput>): Resource {
  const r = validateResource({ id: 'x', kind: 'disposal', name: 'Zq Pharmacy', categories: ['disposal'], provenance: { source: 'Test', status: 'unverified' }, ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.resource;
}

const worded = { description: 'dea-2018-collector', restrictions: 'medicines-only' };

describe('worded texts and translations where no page words them (#23)', () => {
  it('search finds a worded record by its English, and a record by its translation', () => {
    const dea = record({ id: 'dea', worded, disposal: { accepts: ['pills'] } });
    const lobby = record({ id: 'lobby', description: 'A drop box.', translations: { es: { description: 'Un buzón en el vestíbulo.' } }, disposal: { accepts: ['pills'] } });
    const index = new SearchIndex([dea, lobby], { timeZone: 'America/New_York' });
    expect(index.search('unwanted').hits.map((h) => h.resource.id)).to.deep.equal(['dea']);
    expect(index.search('vestibulo').hits.map((h) => h.resource.id)).to.deep.equal(['lobby']);
  });

  it('a take-back event\'s calendar file says its worded description and restrictions in English', () => {
    const event = record({ id: 'ev', kind: 'event', worded, disposal: { accepts: ['pills'] }, event: { starts_at: '2026-10-24T10:00:00-04:00' } });
    const ics = eventIcs(event, { timeZone: 'America/New_York', now: new Date('2026-10-01T12:00:00Z') })!.replace(/\r\n[ \t]/g, '');
    expect(ics).to.include('Listed by the DEA in October 2018');
    expect(ics).to.include('Medicines only');
  });

  it('writes the English out for the HSDS server, keeping the codes', () => {
    const out = withWordedEnglish(record({ worded, disposal: { accepts: ['pills'] } }));
    expect(out.description).to.equal(WORDED_ENGLISH.description['dea-2018-collector']);
    expect(out.disposal?.restrictions).to.equal(WORDED_ENGLISH.restrictions['medicines-only']);
    expect(out.worded).to.deep.equal(worded);
    const own = withWordedEnglish(record({ description: 'Its own.', worded: { description: 'dea-2018-collector' } }));
    expect(own.description).to.equal('Its own.');
  });
});
