// The .ics files made for take-back events, read back by a strict check of the RFC 5545 form
// and by ical.js (an independent parser), in the data's time zone.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { eventIcs, foldLine, icsFileName } from '../../src/core/ics.js';
import type { Resource } from '../../src/core/schema.js';

function event(starts: string, ends?: string, extra: Partial<Resource> = {}): Resource {
  return {
    id: 'ev-1',
    kind: 'event',
    name: 'Take Back Day; pills, patches\nand liquids',
    categories: ['disposal'],
    address: { address_1: '1 Example Plaza', city: 'Boston', state_province: 'MA', postal_code: '02108', country: 'US' },
    location: { latitude: 42.3601, longitude: -71.0589, precision: 'exact' },
    event: { starts_at: starts, ...(ends ? { ends_at: ends } : {}) },
    disposal: { accepts: ['pills'] },
    provenance: { source: 'DEA National Take Back Day collection sites', source_date: '2026-04-01', source_url: 'https://example.org/dea', status: 'unverified' },
    ...extra,
  } as Resource;
}

/** Strict form: CRLF only, every line within 75 octets, continuation lines start with a space. */
export function checkForm(ics: string): string[] {
  expect(ics.endsWith('\r\n')).to.equal(true);
  expect(/(^|[^\r])\n/.test(ics), 'a bare LF').to.equal(false);
  expect(/\r(?!\n)/.test(ics), 'a bare CR').to.equal(false);
  const lines = ics.slice(0, -2).split('\r\n');
  const enc = new TextEncoder();
  for (const l of lines) expect(enc.encode(l).length, l).to.be.at.most(75);
  // Unfolded content lines
  return ics.replace(/\r\n /g, '').slice(0, -2).split('\r\n');
}

function parse(ics: string) {
  const comp = new ICAL.Component(ICAL.parse(ics));
  const vtz = comp.getFirstSubcomponent('vtimezone')!;
  ICAL.TimezoneService.register(vtz);
  const ev = new ICAL.Event(comp.getFirstSubcomponent('vevent')!);
  return { comp, ev };
}

const NOW = new Date('2026-04-25T12:00:00Z');

describe('event .ics', () => {
  it('gives a summer event in New York time, with its time zone, UID, DTSTAMP, address and source', () => {
    const ics = eventIcs(event('2026-10-24T10:00:00-04:00', '2026-10-24T14:00:00-04:00'), { timeZone: 'America/New_York', now: NOW, pageUrl: 'https://www.boston.gov/recovery?dl-item=pills' })!;
    const lines = checkForm(ics);
    expect(lines).to.include('DTSTART;TZID=America/New_York:20261024T100000');
    expect(lines).to.include('DTEND;TZID=America/New_York:20261024T140000');
    expect(lines).to.include('DTSTAMP:20260425T120000Z');
    expect(lines).to.include('SUMMARY:Take Back Day\\; pills\\, patches\\nand liquids');
    expect(lines.some((l) => l.startsWith('UID:ev-1-'))).to.equal(true);
    const { ev, comp } = parse(ics);
    expect(ev.summary).to.equal('Take Back Day; pills, patches\nand liquids');
    expect(ev.location).to.equal('1 Example Plaza, Boston, MA 02108');
    expect(ev.description).to.contain('Source: DEA National Take Back Day collection sites, 2026-04-01, https://example.org/dea');
    expect(ev.description).to.contain('https://www.boston.gov/recovery?dl-item=pills');
    expect(ev.startDate.zone.tzid).to.equal('America/New_York');
    expect(ev.startDate.toJSDate().toISOString()).to.equal('2026-10-24T14:00:00.000Z');
    expect(ev.endDate.toJSDate().toISOString()).to.equal('2026-10-24T18:00:00.000Z');
    expect(comp.getFirstSubcomponent('vtimezone')!.getAllSubcomponents('daylight').length).to.be.greaterThan(0);
  });

  it('gives a winter event at the standard offset (the VTIMEZONE knows daylight saving)', () => {
    const ics = eventIcs(event('2026-12-05T10:00:00-05:00', '2026-12-05T13:30:00-05:00'), { timeZone: 'America/New_York', now: NOW })!;
    checkForm(ics);
    const { ev } = parse(ics);
    expect(ev.startDate.toJSDate().toISOString()).to.equal('2026-12-05T15:00:00.000Z');
    expect(ev.endDate.toJSDate().toISOString()).to.equal('2026-12-05T18:30:00.000Z');
  });

  it('works in a zone without daylight saving, and with no end time', () => {
    const ics = eventIcs(event('2026-07-01T09:00:00-07:00'), { timeZone: 'America/Phoenix', now: NOW })!;
    const lines = checkForm(ics);
    expect(lines).to.include('DTSTART;TZID=America/Phoenix:20260701T090000');
    expect(lines.some((l) => l.startsWith('DTEND'))).to.equal(false);
    const { ev } = parse(ics);
    expect(ev.startDate.toJSDate().toISOString()).to.equal('2026-07-01T16:00:00.000Z');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const long = 'Día de devolución de medicamentos — ñandú '.repeat(8);
    const folded = foldLine(`DESCRIPTION:${long}`);
    const enc = new TextEncoder();
    for (const l of folded.split('\r\n')) expect(enc.encode(l).length).to.be.at.most(75);
    expect(folded.replace(/\r\n /g, '')).to.equal(`DESCRIPTION:${long}`);
    const ics = eventIcs(event('2026-10-24T10:00:00-04:00', undefined, { description: long }), { timeZone: 'America/New_York', now: NOW })!;
    checkForm(ics);
    expect(parse(ics).ev.description).to.contain(long);
    expect(icsFileName(event('2026-10-24T10:00:00-04:00'))).to.equal('Take-Back-Day-pills-patches-and-liquids.ics');
  });

  it('property: no control character (but tab) in any line, whatever the record holds, and ical.js still reads it', () => {
    // Text with every control character, tabs, line breaks, escapes, non-ASCII and lone surrogates.
    const char = fc.oneof(fc.integer({ min: 0, max: 0x20 }).map((c) => String.fromCharCode(c)), fc.constantFrom('\u007f', '\t', '\r\n', '\\', ';', ',', 'é', '中', '\ud83d\ude00', '\ud800', 'a'));
    const text = fc.array(char, { maxLength: 30 }).map((cs) => cs.join(''));
    // eslint-disable-next-line no-control-regex -- control characters are what this is about
    const controls = /[\u0000-\u0008\u000a-\u001f\u007f]/;
    let runs = 0;
    fc.assert(
      fc.property(fc.record({ id: text, name: text, description: text, restrictions: text, address_1: text, city: text, source: text, url: text }), (t) => {
        const r = event('2026-10-24T10:00:00-04:00', '2026-10-24T14:00:00-04:00', {
          id: `ev${t.id}`,
          name: `n${t.name}`,
          description: t.description,
          url: `https://example.org/${t.url}`,
          address: { address_1: t.address_1, city: t.city, state_province: 'MA', postal_code: '02108', country: 'US' },
          disposal: { accepts: ['pills'], restrictions: t.restrictions },
          provenance: { source: t.source, status: 'unverified' },
        } as Partial<Resource>);
        const ics = eventIcs(r, { timeZone: 'America/New_York', now: NOW })!;
        for (const line of ics.slice(0, -2).split('\r\n')) expect(controls.test(line), JSON.stringify(line)).to.equal(false);
        const { ev } = parse(ics);
        // What ical.js reads back: the text with its line breaks, without the other controls.
        // eslint-disable-next-line no-control-regex -- control characters are what this is about
        const kept = (s: string) => s.replace(/\r\n|\r/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
        expect(ev.summary).to.equal(kept(`n${t.name}`));
        expect(ev.startDate.toJSDate().toISOString()).to.equal('2026-10-24T14:00:00.000Z');
        runs++;
      }),
      { numRuns: 500 },
    );
    console.log(`ics property runs: ${runs}`);
  });
});

