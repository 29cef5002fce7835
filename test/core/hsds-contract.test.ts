// The one HSDS contract (packages/server/src/hsds-contract.js), shared by the writer
// (packages/server/src/hsds.js) and the reader (src/core/sources/hsds-api.ts), holds exactly the
// vocabularies of the data model (src/core/schema.ts): a slug added to one and not the other fails here.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { HSDS_CONTRACT, addressFromWords, addressToWords } from '../../packages/server/src/hsds-contract.js';
import { CATEGORIES, DELIVERY, DISPOSAL_ITEMS, KINDS, POPULATIONS } from '../../src/core/schema.js';

describe('the HSDS contract', () => {
  it('holds the vocabularies of the schema, term for term', () => {
    const terms = (field: keyof typeof HSDS_CONTRACT.links) => HSDS_CONTRACT.taxonomies[HSDS_CONTRACT.links[field]]?.terms;
    expect(terms('category')).to.deep.equal([...CATEGORIES]);
    expect(terms('kind')).to.deep.equal([...KINDS]);
    expect(terms('population')).to.deep.equal([...POPULATIONS]);
    expect(terms('disposal_item')).to.deep.equal([...DISPOSAL_ITEMS]);
    expect(terms('delivery')).to.deep.equal([...DELIVERY]);
  });

  it('names every taxonomy it links, and the field taxonomy', () => {
    for (const name of [...Object.values(HSDS_CONTRACT.links), HSDS_CONTRACT.fieldTaxonomy]) {
      expect(HSDS_CONTRACT.taxonomies[name]?.terms.length, name).to.be.greaterThan(0);
    }
  });
});

describe('an address in words (the contract\'s addressInWords)', () => {
  it('reads back what it writes: the street lines that are there, the city and the state', () => {
    // A part as the data has them: trimmed, not empty, without the separator.
    const part = fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.replaceAll(',', ' ').trim()).filter((s) => s.length > 0);
    fc.assert(
      fc.property(fc.option(part, { nil: undefined }), fc.option(part, { nil: undefined }), part, part, (address_1, address_2, city, state_province) => {
        // A second line is only ever written with a first (the schema's street is address_1).
        const address = { ...(address_1 ? { address_1, ...(address_2 ? { address_2 } : {}) } : {}), city, state_province };
        expect(addressFromWords(addressToWords(address))).to.deep.equal(address);
      }),
    );
  });

  it('the reference server\'s words, and words that are not an address', () => {
    expect(addressToWords({ city: 'Medford', state_province: 'MA' })).to.equal('Medford, MA');
    expect(addressFromWords('12 Main St, Malden, MA')).to.deep.equal({ address_1: '12 Main St', city: 'Malden', state_province: 'MA' });
    for (const words of [undefined, '', 'Near the library', 'a, b, c, d, e', 'Malden, , MA']) expect(addressFromWords(words), String(words)).to.equal(undefined);
  });
});
