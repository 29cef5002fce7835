// Issue #23: reading an HSDS directory keeps a record's other languages and the codes of the
// library's own wording (recovery-finder-field attributes, as packages/server writes them); an
// attribute that is not JSON costs only the translations.
import { expect } from '@open-wc/testing';
import { recordsFromService } from '../../src/core/sources/hsds-api.js';
import { validateResource } from '../../src/core/schema.js';
import { withWordedEnglish } from '../../src/core/worded.js';

const attribute = (code: string, value: string) => ({ value, taxonomy_term: { taxonomy: 'recovery-finder-field', code } });

function service(attributes: unknown[]) {
  return {
    id: 's1',
    name: 'A pharmacy',
    description: 'Listed by the DEA.',
    attributes: [
      attribute('record-id', 'dea-x'),
      { taxonomy_term: { taxonomy: 'recovery-finder-kind', code: 'disposal' } },
      { taxonomy_term: { taxonomy: 'recovery-finder-category', code: 'disposal' } },
      { taxonomy_term: { taxonomy: 'recovery-finder-disposal-item', code: 'pills' } },
      ...attributes,
    ],
  };
}

function read(attributes: unknown[]) {
  const [raw] = recordsFromService(service(attributes));
  const r = validateResource(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.resource;
}

describe('HSDS reader: translations and wording codes (#23)', () => {
  it('keeps the translations and the codes', () => {
    const r = read([
      attribute('translations', JSON.stringify({ es: { description: 'Un buzón.' }, ar: { restrictions: 'الحبوب فقط' } })),
      attribute('worded-description', 'dea-2018-collector'),
      attribute('worded-restrictions', 'medicines-only'),
    ]);
    expect(r.translations).to.deep.equal({ es: { description: 'Un buzón.' }, ar: { restrictions: 'الحبوب فقط' } });
    expect(r.worded).to.deep.equal({ description: 'dea-2018-collector', restrictions: 'medicines-only' });
    expect(r.description).to.equal('Listed by the DEA.');
  });

  it('keeps the record when the translations are not JSON', () => {
    const r = read([attribute('translations', '{not json')]);
    expect(r.translations).to.equal(undefined);
    expect(r.name).to.equal('A pharmacy');
  });

  it('reads the source\'s own words the library labels, and the note\'s code, without the English written out for other readers', () => {
    const sent = withWordedEnglish({
      ...read([]),
      description: 'A box in the lobby.',
      location_detail: 'lobby of the police station',
      eligibility: 'residents only',
      disposal: { accepts: ['pills'], restrictions: 'Call first.', accepts_text: 'pills; inhalers', not_accepted_text: 'needles' },
    });
    // What packages/server writes: the English columns with the labelled words, and the words alone.
    const r = recordsFromService({
      ...service([
        attribute('disposal-restrictions', sent.disposal?.restrictions ?? ''),
        attribute('worded-note', 'dea-2018-snapshot'),
        attribute('eligibility', 'residents only'),
        attribute('location-detail', 'lobby of the police station'),
        attribute('accepts-text', 'pills; inhalers'),
        attribute('not-accepted-text', 'needles'),
      ]),
      description: sent.description,
    })[0] as Record<string, unknown>;
    const valid = validateResource(r);
    if (!valid.ok) throw new Error(JSON.stringify(valid.problems));
    const got = valid.resource;
    expect([sent.description, sent.disposal?.restrictions]).to.deep.equal([
      'A box in the lobby. Accepted, as the page says: pills; inhalers. Where: lobby of the police station. Who can use it: residents only.',
      'Not accepted: needles. Call first.',
    ]);
    expect([got.description, got.disposal?.restrictions, got.location_detail, got.eligibility, got.disposal?.accepts_text, got.disposal?.not_accepted_text, got.worded?.note]).to.deep.equal(
      ['A box in the lobby.', 'Call first.', 'lobby of the police station', 'residents only', 'pills; inhalers', 'needles', 'dea-2018-snapshot'],
    );
  });
});
