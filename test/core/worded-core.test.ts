// Issue #23: what has no page to word a code in (the search index, the calendar file, the HSDS
// server) reads the library's English of it, and the records' translations are searched too.
import { expect } from '@open-wc/testing';
import { SearchIndex } from '../../src/core/search.js';
import { eventIcs } from '../../src/core/ics.js';
import { descriptionOf, noteOf, restrictionsOf, wordedEnglish, withWordedEnglish } from '../../src/core/worded.js';
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
    expect(out.description).to.equal(wordedEnglish({ worded }, 'description'));
    expect(out.disposal?.restrictions).to.equal(wordedEnglish({ worded }, 'restrictions'));
    expect(out.worded).to.deep.equal(worded);
    const own = withWordedEnglish(record({ description: 'Its own.', worded: { description: 'dea-2018-collector' } }));
    expect(own.description).to.equal('Its own.');
  });

  it('reads a page\'s own words with the library\'s labels, as the records said them before they were split (#23)', () => {
    const page = record({
      id: 'page',
      worded: { description: 'drug-take-back-box', note: 'dea-2018-snapshot' },
      location_detail: 'lobby of the police station',
      eligibility: 'residents only',
      disposal: { accepts: ['pills'], accepts_text: 'pills; inhalers', not_accepted_text: 'needles' },
    });
    expect(descriptionOf(page)).to.equal('Drug take-back box. Accepted, as the page says: pills; inhalers. Where: lobby of the police station. Who can use it: residents only.');
    expect(restrictionsOf(page)).to.equal('Not accepted: needles.');
    expect(noteOf(page)).to.match(/^October 2018 snapshot of the DEA list/);
    const out = withWordedEnglish(page);
    expect([out.description, out.disposal?.restrictions, out.provenance.note]).to.deep.equal([descriptionOf(page), restrictionsOf(page), noteOf(page)]);
    const index = new SearchIndex([page, record({ id: 'other', description: 'A drop box.', disposal: { accepts: ['pills'] } })], { timeZone: 'America/New_York' });
    expect(index.search('inhalers').hits.map((h) => h.resource.id)).to.deep.equal(['page']);
  });

  it('still reads an old dataset whose description holds the sentence', () => {
    const old = record({ description: 'Drug take-back box. Accepted, as the page says: pills. Where: lobby.', disposal: { accepts: ['pills'], restrictions: 'Not accepted: needles.' } });
    expect(descriptionOf(old)).to.equal('Drug take-back box. Accepted, as the page says: pills. Where: lobby.');
    expect(restrictionsOf(old)).to.equal('Not accepted: needles.');
  });
});
