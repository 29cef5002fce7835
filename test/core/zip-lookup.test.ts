// ZIP codes: Boston's, and the nearest ZIP centre of a point (no geocoding service).
import { expect } from '@open-wc/testing';
import type { ZipTable } from '../../src/core/geo.js';
import { BOSTON_ZIPS, isBostonZip, nearestZip } from '../../src/core/zip-lookup.js';

describe('core/zip-lookup', () => {
  it('tells Boston ZIPs and finds the nearest ZIP of a point', () => {
    expect(isBostonZip('02118')).to.equal(true);
    expect(isBostonZip('02138')).to.equal(false); // Cambridge
    expect(isBostonZip(undefined)).to.equal(false);
    expect(BOSTON_ZIPS.size).to.be.greaterThan(25);
    const table: ZipTable = {
      source: 't',
      date: '2021-01-01',
      zips: { '02118': [42.33786, -71.069805], '02138': [42.379637, -71.135152] },
    };
    expect(nearestZip(table, { latitude: 42.339, longitude: -71.07 })).to.equal('02118');
    expect(nearestZip(table, { latitude: 42.378, longitude: -71.13 })).to.equal('02138');
    expect(nearestZip(table, { latitude: 40.75, longitude: -74 })).to.equal(undefined);
  });
});
