// The one home of the ZIP facts (src/core/zip.ts): how a ZIP is written, and the default-ZIP
// rule every element that orders places by distance follows.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ZIP_PATTERN, isZip, normalizeZip, siteZipToUse } from '../../src/core/zip.js';

describe('ZIP pattern', () => {
  it('takes five digits or ZIP+4, nothing else', () => {
    for (const ok of ['02118', '99501', '02118-1234']) expect(ZIP_PATTERN.test(ok), ok).to.equal(true);
    for (const bad of ['2118', '021180', '02118-12', '02118 1234', 'abcde', '', ' 02118']) expect(ZIP_PATTERN.test(bad), bad).to.equal(false);
  });

  it('isZip is exactly five digits (a looked-up ZIP: URL, HSDS postcode)', () => {
    expect(isZip('02118')).to.equal(true);
    for (const bad of ['02118-1234', '2118', ' 02118', '', undefined]) expect(isZip(bad), String(bad)).to.equal(false);
  });

  it('a ZIP read by normalizeZip is a five-digit ZIP, the first five of what was typed', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{5}$/), fc.option(fc.stringMatching(/^\d{4}$/), { nil: undefined }), fc.constantFrom('', ' ', '  '), (five, four, pad) => {
        const typed = `${pad}${five}${four === undefined ? '' : `-${four}`}${pad}`;
        expect(normalizeZip(typed)).to.equal(five);
        expect(isZip(normalizeZip(typed))).to.equal(true);
      }),
    );
  });

  it('anything the pattern refuses, normalizeZip refuses', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        if (!ZIP_PATTERN.test(text.trim())) expect(normalizeZip(text)).to.equal(undefined);
      }),
    );
  });
});

describe('the default-ZIP rule (siteZipToUse)', () => {
  it('starts from the site zip when it is given and nothing else names a place', () => {
    expect(siteZipToUse('02118', { changed: true, placeHeld: false })).to.equal('02118');
    expect(siteZipToUse('02118', { changed: true, placeHeld: false, zipGiven: false })).to.equal('02118');
  });

  it('never when the setting did not change, is empty, a place is held, or a ZIP came from the URL or the person', () => {
    expect(siteZipToUse('02118', { changed: false, placeHeld: false })).to.equal(undefined);
    expect(siteZipToUse('', { changed: true, placeHeld: false })).to.equal(undefined);
    expect(siteZipToUse(undefined, { changed: true, placeHeld: false })).to.equal(undefined);
    expect(siteZipToUse('02118', { changed: true, placeHeld: true })).to.equal(undefined);
    expect(siteZipToUse('02118', { changed: true, placeHeld: false, zipGiven: true })).to.equal(undefined);
  });
});
