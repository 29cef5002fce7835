// Issue #23: reading an HSDS directory keeps a record's other languages and the codes of the
// library's own wording (recovery-finder-field attributes, as packages/server writes them); an
// attribute that is not JSON costs only the translations.
import { expect } from '@open-wc/testing';
import { recordsFromService } from '../../src/core/sources/hsds-api.js';
import { validateResource } from '../../src/core/schema.js';

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
});
