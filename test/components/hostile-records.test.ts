// One record can never take down the others (issue #11): values that pass each field's type
// but are not real (a 13th month, a 25th hour, an offset of 99 hours, a zone that does not
// exist, 30 February) go through every element that lists records. The rule: the element
// leaves "Loading", the good records are shown, the bad one is named in a console warning.
import { expect } from '@open-wc/testing';
import '../../src/components/resource-search/resource-search.js';
import '../../src/components/prsc-map/prsc-map.js';
import '../../src/components/disposal-locator/disposal-locator.js';
import { validateDataset, type DatasetInput, type ResourceInput } from '../../src/core/schema.js';
import { datasetUrl, until } from '../helpers.js';
import { captureWarnings, elementShows, mountElement, type ListingElement } from './hostile.helpers.js';

let base: DatasetInput;

/** Cases: one bad record each, with what is wrong about it. */
const BAD: Array<{ label: string; patch: (r: ResourceInput) => ResourceInput }> = [
  { label: 'event in month 13', patch: (r) => ({ ...r, event: { starts_at: '2026-13-01T18:00:00-04:00' } }) },
  { label: 'event at hour 25', patch: (r) => ({ ...r, event: { starts_at: '2026-05-01T25:00:00-04:00' } }) },
  { label: 'event with offset +99:00', patch: (r) => ({ ...r, event: { starts_at: '2026-05-01T18:00:00+99:00' } }) },
  { label: 'event on 30 February', patch: (r) => ({ ...r, event: { starts_at: '2026-02-30T18:00:00-05:00' } }) },
  { label: 'zone that does not exist', patch: (r) => ({ ...r, schedule: { time_zone: 'America/Bostn', always_open: true } }) },
  { label: 'closed on 31 April', patch: (r) => ({ ...r, schedule: { always_open: true, closed: [{ date: '2026-04-31' }] } }) },
  { label: 'verified on 30 February', patch: (r) => ({ ...r, provenance: { ...r.provenance, last_verified: '2026-02-30' } }) },
];

const ELEMENTS: ListingElement[] = ['recovery-resource-search', 'recovery-prsc-map', 'recovery-disposal-locator'];

/** A record every element lists: a PRSC that takes pills, near 02118. */
function goodRecord(id: string, name: string): ResourceInput {
  return {
    id,
    kind: 'prsc',
    name,
    categories: ['recovery-center', 'peer-support', 'disposal'],
    address: { address_1: '1 Example St', city: 'Boston', state_province: 'MA', postal_code: '02118' },
    location: { latitude: 42.3396, longitude: -71.0743, precision: 'exact' },
    region: 'Boston',
    phones: [{ number: '617-555-0100' }],
    disposal: { accepts: ['pills'] },
    provenance: { source: 'Test fixture (fictional)', status: 'verified' },
  };
}

describe('hostile records: one bad record never takes down the others', () => {
  before(async () => {
    base = (await (await fetch(datasetUrl({ fixture: 'dataset' }))).json()) as DatasetInput;
  });

  for (const tag of ELEMENTS) {
    for (const bad of BAD) {
      it(`${tag}: ${bad.label}`, async () => {
        const good = goodRecord('good-one', 'Good Centre One');
        const other = goodRecord('good-two', 'Good Centre Two');
        const hostile = bad.patch(goodRecord('the-bad-one', 'The Bad One'));
        const data: DatasetInput = { ...base, resources: [good, hostile, other] };
        const warnings = captureWarnings();
        try {
          const el = await mountElement(tag, data);
          await until(() => elementShows(el, 'Good Centre One') && elementShows(el, 'Good Centre Two'), `${tag} shows the good records`, 8000);
          expect(el.shadowRoot!.textContent).to.not.match(/Loading (services|Peer|disposal)/);
          // Skipped by the validator, and named; or, if shown, shown whole.
          const named = warnings.lines.some((w) => w.includes('the-bad-one'));
          expect(named, `a warning names the bad record:\n${warnings.lines.join('\n')}`).to.equal(true);
          el.remove();
        } finally {
          warnings.restore();
        }
      });
    }
  }

  // Broken text (issue #20): a lone UTF-16 surrogate in one string of a record made
  // encodeURIComponent throw in a link, and the element stayed on "Loading…". Validation
  // repairs it to U+FFFD and names the record and field; the record is shown with the others.
  const HIGH = '\ud800';
  const LOW = '\udfff';
  const SURROGATE_FIELDS: Array<{ field: string; patch: (r: ResourceInput) => ResourceInput }> = [
    { field: 'name', patch: (r) => ({ ...r, name: `${r.name} ${HIGH}x` }) },
    { field: 'alternate_name', patch: (r) => ({ ...r, alternate_name: `Alt ${LOW}` }) },
    { field: 'description', patch: (r) => ({ ...r, description: `${LOW}Open ${HIGH}` }) },
    { field: 'address.address_1', patch: (r) => ({ ...r, address: { ...r.address!, address_1: `1 Ex${HIGH}ample St` } }) },
    { field: 'address.city', patch: (r) => ({ ...r, address: { ...r.address!, city: `Boston${LOW}` } }) },
    { field: 'region', patch: (r) => ({ ...r, region: `${HIGH}` }) },
    { field: 'phones[0].description', patch: (r) => ({ ...r, phones: [{ number: '617-555-0100', description: `Front desk ${HIGH}` }] }) },
    { field: 'phones[0].text_body', patch: (r) => ({ ...r, phones: [{ number: '617-555-0100', type: 'text', text_body: `HOPE${LOW}` }] }) },
    { field: 'schedule.description', patch: (r) => ({ ...r, schedule: { always_open: true, description: `Always ${LOW}${HIGH}` } }) },
    { field: 'disposal.restrictions', patch: (r) => ({ ...r, disposal: { accepts: ['pills'], restrictions: `No ${HIGH} sharps` } }) },
    { field: 'provenance.source', patch: (r) => ({ ...r, provenance: { ...r.provenance, source: `Source ${LOW}` } }) },
  ];
  /** A take-back event near 02118, a week after the elements' clock. */
  const event = (id: string, name: string): ResourceInput => ({
    ...goodRecord(id, name),
    kind: 'event',
    event: { starts_at: '2026-05-02T10:00:00-04:00', ends_at: '2026-05-02T14:00:00-04:00' },
  });

  for (const tag of ELEMENTS) {
    for (const { field, patch } of SURROGATE_FIELDS) {
      it(`${tag}: a lone surrogate in ${field} is repaired, named, and the record shown with the others`, async () => {
        const hostile = patch(goodRecord('the-bad-one', 'The Bad One'));
        const hostileEvent = patch(event('the-bad-event', 'The Bad Event'));
        const data: DatasetInput = { ...base, resources: [goodRecord('good-one', 'Good Centre One'), hostile, goodRecord('good-two', 'Good Centre Two'), hostileEvent] };
        const warnings = captureWarnings();
        try {
          const el = await mountElement(tag, data);
          await until(() => elementShows(el, 'Good Centre One') && elementShows(el, 'Good Centre Two') && elementShows(el, 'The Bad One'), `${tag} shows every record`, 8000);
          const root = el.shadowRoot!;
          if (tag === 'recovery-disposal-locator') {
            await until(() => elementShows(el, 'The Bad Event') && !!root.querySelector('a.add-to-calendar'), 'the event and its calendar link', 8000);
            const href = root.querySelector<HTMLAnchorElement>('a.add-to-calendar')!.href;
            expect(() => decodeURIComponent(href.slice(href.indexOf(',') + 1)), 'the calendar link decodes').to.not.throw();
          }
          expect(root.textContent).to.not.match(/Loading (services|Peer|disposal)/);
          const named = warnings.lines.filter((w) => w.includes('the-bad-one') && w.includes(field) && w.includes('repaired'));
          expect(named.length, `a warning names the record and field:\n${warnings.lines.join('\n')}`).to.be.greaterThan(0);
          // Nothing left on screen that a link could not encode.
          for (const a of root.querySelectorAll('a[href]')) expect(() => encodeURIComponent(a.getAttribute('href') ?? ''), a.outerHTML).to.not.throw();
          expect(() => encodeURIComponent(root.textContent ?? '')).to.not.throw();
          el.remove();
        } finally {
          warnings.restore();
        }
      });
    }
  }

  it('recovery-disposal-locator: a calendar link that throws costs that link only, never the card or the list', async () => {
    const data: DatasetInput = { ...base, resources: [goodRecord('good-one', 'Good Centre One'), event('the-event', 'Calendar Event'), goodRecord('good-two', 'Good Centre Two')] };
    const encode = globalThis.encodeURIComponent;
    globalThis.encodeURIComponent = (value: string | number | boolean) => {
      if (String(value).includes('BEGIN:VCALENDAR')) throw new URIError('URI malformed (test)');
      return encode(value);
    };
    const warnings = captureWarnings();
    try {
      const el = await mountElement('recovery-disposal-locator', data);
      await until(() => elementShows(el, 'Good Centre One') && elementShows(el, 'Good Centre Two') && elementShows(el, 'Calendar Event'), 'every record shown', 8000);
      expect(el.shadowRoot!.querySelector('a.add-to-calendar'), 'no calendar link').to.equal(null);
      expect(el.shadowRoot!.textContent, 'the rest of the event card').to.contain('Directions');
      expect(warnings.lines.some((w) => w.includes('"the-event"') && w.includes('calendar link could not be shown')), warnings.lines.join('\n')).to.equal(true);
      el.remove();
    } finally {
      globalThis.encodeURIComponent = encode;
      warnings.restore();
    }
  });

  // The payload corpus's lone surrogates and parser splits (issue #20), in a document large
  // enough to be read by the stepped JSON parser (over 1 MB), loaded by URL: every element
  // shows what JSON.parse would give, a document JSON.parse rejects is an error with the help
  // lines, and records a later duplicate `resources` key replaces are never shown.
  describe('through the stepped JSON parser', () => {
    let payloads: string[] = [];
    before(async () => {
      const corpus = (await (await fetch('/test/fixtures/payloads.json')).json()) as { classes: Record<string, string[]> };
      payloads = [...(corpus.classes['lone-surrogates'] ?? []), ...(corpus.classes['parser-splits'] ?? [])];
      expect(payloads.length).to.be.greaterThan(30);
    });
    const urls: string[] = [];
    afterEach(() => urls.splice(0).forEach((u) => URL.revokeObjectURL(u)));

    /** Filler services (not PRSCs, not disposal) making the document large: named after the others in the search. */
    const filler = () => Array.from({ length: 2600 }, (_, i) => ({
      id: `zz-filler-${i}`,
      kind: 'service',
      name: `Zz Filler ${i}`,
      description: `Filler "${i}" with a \\ backslash, [brackets], {braces}, "resources": [1], and a comma, `.repeat(4),
      categories: ['peer-support'],
      provenance: { source: 'Test fixture (fictional)', status: 'verified' },
    }));
    /** PRSCs (listed by the map and the search; not disposal places, so the locator's nearest are the good ones). */
    const payloadRecords = () =>
      payloads.map((p, i) => {
        const { disposal: _d, ...r } = goodRecord(`payload-${i}`, `Payload ${i} ${p}`);
        void _d;
        return { ...r, categories: ['recovery-center'], description: p, region: `R ${p}` } as ResourceInput;
      });
    /** The dataset's text, its records joined by `join`; `after` goes after the array. */
    function text(records: unknown[], join = ',', after = ''): string {
      const { resources: _r, ...rest } = base;
      void _r;
      return `${JSON.stringify(rest).slice(0, -1)},"resources":[${records.map((r) => JSON.stringify(r)).join(join)}]${after}}`;
    }
    function url(body: string): string {
      expect(body.length, 'large enough for the stepped parser').to.be.greaterThan(1_000_000);
      const u = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
      urls.push(u);
      return u;
    }
    const records = () => [goodRecord('good-one', 'Good Centre One'), goodRecord('good-two', 'Good Centre Two'), ...payloadRecords(), ...filler()];
    const VARIANTS: Array<{ label: string; body: () => string }> = [
      { label: 'compact', body: () => text(records()) },
      { label: 'pretty, with whitespace around every comma', body: () => text(records(), ' \n\t,\r\n ') },
      {
        label: 'a later duplicate resources key (spelt with an escape) replacing decoys',
        body: () => `${text([goodRecord('decoy-one', 'Decoy Centre'), ...filler()]).slice(0, -1)},"resourc\\u0065s":${JSON.stringify(records())}}`,
      },
    ];

    for (const tag of ELEMENTS) {
      for (const variant of VARIANTS) {
        it(`${tag}: ${variant.label}`, async () => {
          const warnings = captureWarnings();
          try {
            const body = variant.body();
            // What JSON.parse and the validator make of it: how many records the element must count.
            const expected = validateDataset(JSON.parse(body));
            expect(expected.ok).to.equal(true);
            const count = expected.ok ? expected.dataset.resources.length : 0;
            const el = await mountElement(tag, undefined, { src: url(body) }, { openDetails: false });
            const root = el.shadowRoot!;
            // The search lists the fillers first: there, the count says every record is in.
            const shows = () =>
              tag === 'recovery-resource-search'
                ? elementShows(el, `${count.toLocaleString('en')} results`)
                : elementShows(el, 'Good Centre One') && elementShows(el, 'Good Centre Two') && (tag !== 'recovery-prsc-map' || elementShows(el, 'Payload 0 '));
            await until(shows, `${tag} shows the records`, 15000);
            const shown = root.textContent ?? '';
            expect(shown).to.not.contain('Decoy');
            if (tag === 'recovery-prsc-map') expect(shown, 'a lone surrogate shown repaired').to.contain('\ufffd');
            expect(() => encodeURIComponent(shown)).to.not.throw();
            await until(() => warnings.lines.some((w) => /repaired record "payload-\d+"/.test(w)), 'a warning names a repaired record', 15000);
            el.remove();
          } finally {
            warnings.restore();
          }
        });
      }
      for (const [label, body] of [
        ['a trailing comma after the last record', () => text(records(), ',', '').replace(/\]\}$/, ',]}')],
        ['two records with no comma between them (}{)', () => text(records(), '')],
        ['data after the document', () => `${text(records())}{}`],
      ] as Array<[string, () => string]>) {
        it(`${tag}: ${label} is refused as JSON.parse refuses it, with the help lines`, async () => {
          const doc = body();
          expect(() => JSON.parse(doc)).to.throw(SyntaxError);
          const warnings = captureWarnings();
          try {
            const el = await mountElement(tag, undefined, { src: url(doc) }, { openDetails: false });
            await until(() => /it is damaged/.test(el.shadowRoot!.textContent ?? ''), `${tag} says the data is damaged`, 15000);
            expect(elementShows(el, 'Good Centre One')).to.equal(false);
            // The help lines: its own (a number to call), or a way to the page's.
            expect(el.shadowRoot!.querySelector('a[href^="tel:"], .help-jump'), 'the help lines').to.not.equal(null);
            expect(el.shadowRoot!.textContent).to.contain('help lines');
            el.remove();
          } finally {
            warnings.restore();
          }
        });
      }
    }
  });

  it('the search lists records given in the data property with a real calendar date', async () => {
    const data: DatasetInput = {
      ...base,
      resources: [{ ...goodRecord('leap', 'Leap Day Centre'), provenance: { source: 'Test', status: 'verified', last_verified: '2024-02-29' } }],
    };
    const el = await mountElement('recovery-resource-search', data);
    await until(() => elementShows(el, 'Leap Day Centre'), 'leap-day record shown');
    el.remove();
  });
});
