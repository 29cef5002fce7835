// The island ZIPs and the "far from this directory" threshold (src/core/reach.ts).
import { expect } from '@open-wc/testing';
import { FAR_FROM_DIRECTORY_MILES, ISLAND_ZIPS, isFarFromDirectory, islandOf, needsFerry } from '../../src/core/reach.js';
import { milesToKm } from '../../src/core/geo.js';

describe('reach: islands and far ZIPs', () => {
  it('knows the island ZIPs of Martha\'s Vineyard, Nantucket and Cuttyhunk, and not Woods Hole', () => {
    for (const zip of ['02535', '02539', '02552', '02557', '02568', '02575']) expect(islandOf(zip), zip).to.equal("Martha's Vineyard");
    for (const zip of ['02554', '02564', '02584']) expect(islandOf(zip), zip).to.equal('Nantucket');
    expect(islandOf('02713')).to.equal('Cuttyhunk');
    expect(Object.keys(ISLAND_ZIPS)).to.have.length(10);
    // Woods Hole (the ferry's mainland port), Falmouth and Boston are on the mainland.
    for (const zip of ['02543', '02540', '02118', undefined, '']) expect(islandOf(zip), String(zip)).to.equal(undefined);
    expect(islandOf('02557-1234')).to.equal("Martha's Vineyard");
  });

  it('needs a ferry between an island and anywhere not on it, never on the same side', () => {
    expect(needsFerry('02540', '02557')).to.equal(true);
    expect(needsFerry('02557', '02540')).to.equal(true);
    expect(needsFerry('02554', '02557')).to.equal(true);
    expect(needsFerry('02557', '02568')).to.equal(false);
    expect(needsFerry('02118', '02540')).to.equal(false);
    expect(needsFerry(undefined, '02557')).to.equal(false);
    expect(needsFerry('02540', undefined)).to.equal(false);
  });

  it('calls a nearest place more than 100 miles away far from the directory', () => {
    expect(FAR_FROM_DIRECTORY_MILES).to.equal(100);
    expect(isFarFromDirectory(milesToKm(100))).to.equal(false);
    expect(isFarFromDirectory(milesToKm(100.5))).to.equal(true);
    expect(isFarFromDirectory(undefined)).to.equal(false);
  });
});
