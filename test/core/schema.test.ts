// The validator checks what the renderer relies on (issue #11): real calendar dates, real
// moments, zones the platform knows, opening times before midnight, language tags, and a help
// block whose bad contacts are skipped rather than sinking the dataset.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { directionsUrl, mailtoHref, smsHref } from '../../src/core/links.js';
import { validateDataset, validateResource, type DatasetInput, type ResourceInput } from '../../src/core/schema.js';
import { datasetFrom } from '../../src/core/load.js';

const record = (extra: Partial<ResourceInput> = {}): ResourceInput => ({
  id: 'r',
  kind: 'service',
  name: 'A service',
  categories: ['peer-support'],
  provenance: { source: 'Test', status: 'verified' },
  ...extra,
});

const envelope = (extra: Partial<DatasetInput> = {}): DatasetInput => ({
  schema_version: '1.0',
  generated_at: '2026-11-01T12:00:00Z',
  title: 'Test',
  time_zone: 'America/New_York',
  sources: [],
  help: { contacts: [{ id: 'line', name: 'A line', urgency: 'support', phones: [{ number: '617-555-0100' }] }] },
  resources: [record()],
  ...extra,
});

function refused(r: ResourceInput, path: string): void {
  const result = validateResource(r, 0);
  expect(result.ok, JSON.stringify(r)).to.equal(false);
  if (!result.ok) expect(result.problems.map((p) => p.path)).to.include(path);
}

function accepted(r: ResourceInput): void {
  const result = validateResource(r, 0);
  expect(result.ok, result.ok ? '' : JSON.stringify(result.problems)).to.equal(true);
}

describe('schema: what the renderer relies on', () => {
  it('refuses dates that are not on the calendar, and keeps leap days', () => {
    for (const date of ['2026-02-29', '2026-02-30', '2026-04-31', '2100-02-29', '2026-06-31']) {
      refused(record({ provenance: { source: 'T', status: 'verified', last_verified: date } }), 'provenance.last_verified');
      refused(record({ schedule: { always_open: true, closed: [{ date }] } }), 'schedule.closed[0].date');
    }
    for (const date of ['2024-02-29', '2000-02-29', '2026-12-31', '2026-04-30']) {
      accepted(record({ provenance: { source: 'T', status: 'verified', last_verified: date } }));
    }
  });

  it('refuses event times that are not real moments', () => {
    for (const starts_at of [
      '2026-13-01T18:00:00-04:00',
      '2026-00-10T18:00:00-04:00',
      '2026-02-30T18:00:00-05:00',
      '2026-05-01T25:00:00-04:00',
      '2026-05-01T24:00:00-04:00',
      '2026-05-01T18:60:00-04:00',
      '2026-05-01T18:00:61-04:00',
      '2026-05-01T18:00:00+99:00',
      '2026-05-01T18:00:00-04:75',
    ]) {
      refused(record({ kind: 'event', event: { starts_at } }), 'event.starts_at');
    }
    accepted(record({ kind: 'event', event: { starts_at: '2026-05-01T18:00:00-04:00', ends_at: '2026-05-01T20:00:00-04:00' } }));
    accepted(record({ kind: 'event', event: { starts_at: '2028-02-29T23:59:59.5+14:00' } }));
  });

  it('refuses an event that ends before it starts', () => {
    refused(record({ kind: 'event', event: { starts_at: '2026-05-01T18:00:00-04:00', ends_at: '2026-05-01T17:00:00-04:00' } }), 'event.ends_at');
  });

  it('refuses time zones the platform does not know', () => {
    for (const time_zone of ['America/Bostn', 'Mars/Olympus', 'Europe/Atlantis']) {
      refused(record({ schedule: { time_zone, always_open: true } }), 'schedule.time_zone');
    }
    for (const time_zone of ['America/New_York', 'America/Los_Angeles', 'Pacific/Honolulu', 'UTC', 'Etc/GMT+5']) {
      accepted(record({ schedule: { time_zone, always_open: true } }));
    }
  });

  it('refuses a dataset time zone the platform does not know, clearly', () => {
    const result = validateDataset(envelope({ time_zone: 'America/Bostn' }));
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.error).to.contain('time_zone');
  });

  it('takes 24:00 as a closing time only', () => {
    refused(record({ schedule: { weekly: [{ byday: ['MO'], opens_at: '24:00', closes_at: '02:00' }] } }), 'schedule.weekly[0].opens_at');
    refused(record({ schedule: { special: [{ date: '2026-12-24', opens_at: '24:00', closes_at: '24:00' }] } }), 'schedule.special[0].opens_at');
    accepted(record({ schedule: { weekly: [{ byday: ['MO'], opens_at: '18:00', closes_at: '24:00' }] } }));
    accepted(record({ schedule: { weekly: [{ byday: ['FR'], opens_at: '20:00', closes_at: '02:00' }] } }));
  });

  it('refuses language codes Intl cannot read', () => {
    for (const code of ['en-12', 'en-US-US', 'en-aa-bb']) refused(record({ languages: [code] }), 'languages[0]');
    for (const code of ['en', 'es', 'pt-BR', 'zh-Hant', 'yue']) accepted(record({ languages: [code] }));
  });

  it('refuses coordinates off the globe and numbers that are not numbers', () => {
    for (const [latitude, longitude] of [[91, 0], [-90.5, 0], [0, 180.01], [Number.NaN, 0], [0, Number.POSITIVE_INFINITY]]) {
      const result = validateResource(record({ location: { latitude: latitude!, longitude: longitude!, precision: 'exact' } }), 0);
      expect(result.ok, `${latitude},${longitude}`).to.equal(false);
    }
    accepted(record({ location: { latitude: -90, longitude: 180, precision: 'exact' } }));
  });
});

describe('schema: the help block', () => {
  const quiet = () => {
    const lines: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => lines.push(args.map(String).join(' '));
    return { lines, restore: () => (console.warn = original) };
  };

  it('skips a contact whose phone is not a phone, keeps the others and every resource', () => {
    const doc = envelope({
      help: {
        contacts: [
          { id: 'good-line', name: 'Good line', urgency: 'support', phones: [{ number: '617-555-0100' }] },
          { id: 'bad-line', name: 'Bad line', urgency: 'crisis', phones: [{ number: 'call us!' }] },
        ],
      },
    });
    const result = validateDataset(doc);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.dataset.help.contacts.map((c) => c.id)).to.deep.equal(['good-line']);
    expect(result.dataset.resources).to.have.length(1);
    const w = quiet();
    try {
      datasetFrom(doc);
    } finally {
      w.restore();
    }
    expect(w.lines.some((l) => l.includes('help contact "bad-line"') && l.includes('phones[0].number'))).to.equal(true, w.lines.join('\n'));
  });

  it('falls back to the built-in contacts when no contact is usable, and keeps the resources', () => {
    const doc = envelope({ help: { contacts: [{ id: 'x', name: 'X', urgency: 'support', phones: [{ number: 'nope' }] }] } });
    const result = validateDataset(doc);
    expect(result.ok).to.equal(true);
    if (result.ok) {
      expect(result.dataset.help.contacts.map((c) => c.id)).to.include.members(['emergency-911', 'lifeline-988']);
      expect(result.dataset.resources).to.have.length(1);
    }
  });

  it('falls back to the built-in contacts when the help block is missing or malformed, and says so', () => {
    for (const help of [undefined, null, 'help!', { contacts: 'none' }, { list: [] }]) {
      const doc = { ...envelope(), help } as unknown;
      if (help === undefined) delete (doc as { help?: unknown }).help;
      const result = validateDataset(doc);
      expect(result.ok, JSON.stringify(help)).to.equal(true);
      if (!result.ok) continue;
      expect(result.dataset.help.contacts.map((c) => c.id)).to.include('emergency-911');
      expect(result.dataset.resources).to.have.length(1);
      const w = quiet();
      try {
        datasetFrom(doc);
      } finally {
        w.restore();
      }
      expect(w.lines.some((l) => /help block/.test(l) && /built-in help contacts/.test(l))).to.equal(true, w.lines.join('\n'));
    }
  });
});

describe('schema: broken text (lone UTF-16 surrogates, issue #20)', () => {
  /** Any UTF-16 code units, lone surrogates included (well over half of them surrogates). */
  const units = fc.array(fc.oneof(fc.integer({ min: 0xd800, max: 0xdfff }), fc.integer({ min: 0x20, max: 0xffff })), { minLength: 1, maxLength: 12 }).map((cs) => `x${String.fromCharCode(...cs)}`);
  /** Every string in a value, with its path. */
  const strings = (value: unknown, path = ''): Array<[string, string]> =>
    typeof value === 'string'
      ? [[path, value]]
      : typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k))
        : [];

  it('property: whatever a string field holds, no string out of validation makes encodeURIComponent throw, and each repair is named', () => {
    let runs = 0;
    let repairs = 0;
    fc.assert(
      fc.property(fc.record({ name: units, alternate_name: units, description: units, region: units, address_1: units, city: units, phone: units, restrictions: units, source: units, schedule: units, title: units, contact: units }), (t) => {
        const raw = envelope({
          title: t.title,
          help: { contacts: [{ id: 'line', name: t.contact, urgency: 'support', phones: [{ number: '211' }] }] },
          resources: [
            record({
              name: t.name,
              alternate_name: t.alternate_name,
              description: t.description,
              region: t.region,
              address: { address_1: t.address_1, city: t.city, state_province: 'MA', postal_code: '02118' },
              phones: [{ number: '617-555-0100', description: t.phone }],
              disposal: { accepts: ['pills'], restrictions: t.restrictions },
              schedule: { always_open: true, description: t.schedule },
              provenance: { source: t.source, status: 'verified' },
            }),
          ],
        });
        const before = JSON.stringify(raw);
        const result = validateDataset(raw);
        expect(JSON.stringify(raw), 'the input is left as it was').to.equal(before);
        expect(result.ok).to.equal(true);
        if (!result.ok) return;
        for (const [path, s] of strings(result.dataset)) expect(() => encodeURIComponent(s), path).to.not.throw();
        expect(result.dataset.resources.length, 'the record is kept').to.equal(1);
        // Each field that had a lone surrogate is named, once.
        const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
        const broken = Object.entries({ name: t.name, alternate_name: t.alternate_name, description: t.description, region: t.region, 'address.address_1': t.address_1, 'address.city': t.city, 'phones[0].description': t.phone, 'disposal.restrictions': t.restrictions, 'schedule.description': t.schedule, 'provenance.source': t.source })
          .filter(([, s]) => lone.test(s))
          .map(([path]) => path);
        const named = result.problems.filter((p) => p.repaired && p.index === 0 && p.id === 'r').map((p) => p.path);
        expect(named.sort()).to.deep.equal(broken.sort());
        repairs += named.length;
        runs++;
      }),
      { numRuns: 300 },
    );
    console.log(`surrogate validation property runs: ${runs}, repaired fields: ${repairs}`);
  });

  it('property: links built from any text never throw', () => {
    fc.assert(
      fc.property(units, units, (a, b) => {
        expect(() => directionsUrl({ address_1: a, city: b, state_province: 'MA', postal_code: '02118', country: 'US' }, undefined)).to.not.throw();
        expect(() => smsHref({ number: '211', text_body: a })).to.not.throw();
        expect(() => mailtoHref('a@example.org', a, b)).to.not.throw();
      }),
      { numRuns: 300 },
    );
  });
});
