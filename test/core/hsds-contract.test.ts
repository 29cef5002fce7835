// The one HSDS contract (packages/server/src/hsds-contract.js), shared by the writer
// (packages/server/src/hsds.js) and the reader (src/core/sources/hsds-api.ts), holds exactly the
// vocabularies of the data model (src/core/schema.ts): a slug added to one and not the other fails here.
import { expect } from '@open-wc/testing';
import { HSDS_CONTRACT } from '../../packages/server/src/hsds-contract.js';
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
