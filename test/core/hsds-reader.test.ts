// Reading another directory's HSDS 3.0 answers (src/core/sources/hsds-api.ts): services at a
// shared place, unknown time zones, ordinary values, terms by name and code, one bad value
// costing its record that value only; and, against a second directory
// (test/server/hsds-other.mjs), paging by what it says and one taxonomy term a request.
import { expect } from '@open-wc/testing';
import { clearHsdsCache, datasetFromHsds, hsdsApiSource } from '../../src/core/sources/hsds-api.js';
import { categoryOfTerm, disposalItemsOfTerm } from '../../src/core/sources/hsds-terms.js';
import { emailAddress, phoneNumber, webAddress } from '../../src/core/sources/hsds-values.js';
import { datasetFrom } from '../../src/core/load.js';
import type { Resource } from '../../src/core/schema.js';

type Json = Record<string, unknown>;

/** A full service of another directory, as the specification's service_full.json shapes one. */
function service(id: string, extra: Json = {}, location: Json = place(`loc-${id}`)): Json {
  return {
    id,
    name: `Service ${id}`,
    status: 'active',
    organization: { id: 'org-1', name: 'Example Organization Inc.', website: 'http://example.com' },
    phones: [{ id: `ph-${id}`, number: '617-555-0100', type: 'voice' }],
    schedules: [{ id: `sch-${id}`, freq: 'WEEKLY', byday: 'MO,TU', opens_at: '09:00:00', closes_at: '17:00:00', timezone: 'America/New_York' }],
    attributes: [{ id: `attr-${id}`, taxonomy_term: { id: 'tt-1', code: 'PN-8100.0500', name: 'Addictions/Substance Use Disorder Support Groups', taxonomy: '211' } }],
    service_at_locations: [{ id: `sal-${id}`, location }],
    ...extra,
  };
}
function place(id: string): Json {
  return {
    id,
    name: 'Civic Center',
    latitude: 42.35,
    longitude: -71.06,
    external_identifier: '10092008082',
    external_identifier_type: 'UPRN',
    addresses: [{ address_1: '1 Main Street', city: 'Boston', state_province: 'MA', postal_code: '02118', address_type: 'physical' }],
  };
}

/** The records a resident gets: mapped, then validated as every dataset is. */
function shown(services: Json[]): { resources: Resource[]; skipped: number; zone: string } {
  const loaded = datasetFrom(datasetFromHsds(services.map((item) => ({ kind: 'services' as const, item }))));
  return { resources: loaded.dataset.resources, skipped: loaded.problems.length, zone: loaded.dataset.time_zone };
}
const byName = (rs: Resource[], name: string) => rs.find((r) => r.name === name) as Resource;

describe('reading another HSDS directory', () => {
  it('keeps two services at one place apart (its external identifier is no record id of ours)', () => {
    const shared = place('loc-shared');
    const { resources } = shown([service('a', {}, shared), service('b', {}, shared)]);
    expect(resources.map((r) => r.name)).to.deep.equal(['Service a', 'Service b']);
    expect(new Set(resources.map((r) => r.id)).size).to.equal(2);
  });

  it('an unknown time zone costs its service the zone, not the list its hours', () => {
    const bad = service('a', { schedules: [{ id: 's', freq: 'WEEKLY', byday: 'MO', opens_at: '09:00', closes_at: '17:00', timezone: 'America/Boston' }] });
    const { resources, skipped, zone } = shown([bad, service('b'), service('c')]);
    expect(resources.map((r) => r.name)).to.deep.equal(['Service a', 'Service b', 'Service c']);
    expect(skipped).to.equal(0);
    expect(zone).to.equal('America/New_York');
    expect(byName(resources, 'Service a').schedule?.weekly).to.have.length(1);
    expect(byName(resources, 'Service a').schedule?.time_zone).to.equal(undefined);
  });

  it('reads ordinary web addresses, e-mails and phone numbers', () => {
    const { resources } = shown([
      service('a', {
        url: 'www.example.org',
        email: 'Info <info@example.org>',
        phones: [{ number: '1-800-GET-HELP' }, { number: 'tel:+16175550100' }],
        organization: { name: 'Example Org', website: 'example.org/about' },
      }),
    ]);
    const r = byName(resources, 'Service a');
    expect(r.url).to.equal('https://www.example.org');
    expect(r.email).to.equal('info@example.org');
    expect(r.phones?.map((p) => p.number)).to.deep.equal(['1-800-438-4357', '+16175550100']);
    expect(r.organization).to.deep.equal({ name: 'Example Org', url: 'https://example.org/about' });
  });

  it('a value that is still not valid costs that value only: the service and its neighbours stay', () => {
    const org = { id: 'org-2', name: 'Bay Partners', website: 'see our flyer' };
    const services = Array.from({ length: 5 }, (_, i) => service(`s${i}`, { organization: org, url: 'call us', email: 'nobody', phones: [{ number: 'ask at the desk' }, { number: '617-555-0101' }] }));
    const { resources, skipped } = shown(services);
    expect(resources).to.have.length(5);
    expect(skipped).to.equal(0);
    for (const r of resources) {
      expect(r.organization).to.deep.equal({ name: 'Bay Partners' });
      expect(r.url).to.equal(undefined);
      expect(r.email).to.equal(undefined);
      expect(r.phones?.map((p) => p.number)).to.deep.equal(['617-555-0101']);
    }
  });

  it('keeps a service whose terms name no category of ours, under "other"', () => {
    const { resources } = shown([
      service('a', { attributes: [{ taxonomy_term: { id: 'x', code: 'FT-3000', name: 'Legal Services' } }] }),
      service('b', { attributes: [] }),
    ]);
    expect(resources.map((r) => r.categories)).to.deep.equal([['other'], ['other']]);
  });

  it('reads terms by their 211/AIRS or SAMHSA code, else by their name', () => {
    expect(categoryOfTerm({ code: 'PN-8100.0500', name: 'Mutual Support' })).to.equal('support-groups');
    expect(categoryOfTerm({ code: 'RX-8450.1150-800' })).to.equal('outpatient-treatment');
    expect(categoryOfTerm({ code: 'RX-8450.8000' })).to.equal('treatment');
    expect(categoryOfTerm({ code: 'DT', name: 'Detoxification' })).to.equal('withdrawal-management');
    expect(categoryOfTerm({ name: 'Recovery Community Centers' })).to.equal('recovery-center');
    expect(categoryOfTerm({ name: 'Medication Take-Back Sites' })).to.equal('disposal');
    expect(categoryOfTerm({ name: 'Narcan distribution' })).to.equal('naloxone');
    expect(categoryOfTerm({ code: 'FT-3000', name: 'Legal Services' })).to.equal(undefined);
  });

  it('reads what a disposal place takes only from words of its terms that say so', () => {
    expect(disposalItemsOfTerm({ name: 'Medication Take-Back Sites' })).to.deep.equal(['pills']);
    expect(disposalItemsOfTerm({ name: 'Sharps Disposal' })).to.deep.equal(['sharps']);
    expect(disposalItemsOfTerm({ name: 'Syringe Services Programs' })).to.deep.equal([]);
    expect(disposalItemsOfTerm({ name: 'Safe Disposal' })).to.deep.equal([]);
    const { resources } = shown([
      service('a', { attributes: [{ taxonomy_term: { id: 't1', name: 'Medication Take-Back Sites' } }] }),
      service('b', { attributes: [{ taxonomy_term: { id: 't2', name: 'Safe Disposal' } }] }),
    ]);
    expect(byName(resources, 'Service a').disposal).to.deep.equal({ accepts: ['pills'] });
    expect(byName(resources, 'Service b').categories).to.deep.equal(['disposal']);
    expect(byName(resources, 'Service b').disposal).to.equal(undefined);
  });

  it('normalises only what it recognises, and leaves the rest for the validator to name', () => {
    expect(webAddress('https://example.org')).to.equal('https://example.org');
    expect(webAddress('//example.org/x')).to.equal('https://example.org/x');
    expect(webAddress('javascript:alert(1)')).to.equal('javascript:alert(1)');
    expect(webAddress('see our flyer')).to.equal('see our flyer');
    expect(emailAddress('mailto:help@example.org?subject=hi')).to.equal('help@example.org');
    expect(emailAddress('nobody')).to.equal('nobody');
    expect(phoneNumber('"+44 1234 234567"')).to.equal('+44 1234 234567');
    expect(phoneNumber('617-555-CALL')).to.equal('617-555-2255');
    expect(phoneNumber('ask at the desk')).to.equal('ask at the desk');
  });
});

describe('asking another HSDS directory (test/server/hsds-other.mjs)', () => {
  beforeEach(() => clearHsdsCache());
  const key = () => `core-${Math.random().toString(36).slice(2)}`;
  async function requests(k: string): Promise<URL[]> {
    const { urls } = (await (await fetch(`/test-api/hsds-other-requests?key=${k}`)).json()) as { urls: string[] };
    return urls.map((u) => new URL(u, 'http://api.test'));
  }
  const ask = (k: string, categories: Resource['categories'], perPage: number, pages: number) =>
    hsdsApiSource(`/test-api/hsds-other/${k}/`, { search: '', categories, zip: '', proximity: 0, pages, perPage });

  it('pages by total_pages and last_page: a directory serving fewer than asked is read to its end', async () => {
    const k = key();
    const source = ask(k, [], 12, 5);
    const { dataset } = await source.load(new AbortController().signal);
    expect(dataset.resources).to.have.length(14);
    expect(source.info).to.deep.equal({ totalItems: 14, fetched: 14 });
    const pages = (await requests(k)).filter((u) => u.pathname === '/services').map((u) => u.searchParams.get('page'));
    expect(pages).to.deep.equal(['1', '2', '3']);
  });

  it('a first page shorter than asked still says there is more', async () => {
    const source = ask(key(), [], 12, 1);
    await source.load(new AbortController().signal);
    expect(source.info?.fetched).to.equal(5);
    expect(source.info?.totalItems).to.equal(14);
  });

  it('sends one taxonomy term a request, as HSDS 3.0 types it, and merges the answers', async () => {
    const k = key();
    const { dataset } = await ask(k, ['recovery-center', 'disposal'], 100, 1).load(new AbortController().signal);
    expect(dataset.resources.map((r) => r.name).sort()).to.deep.equal([
      'Back Bay Medication Take-Back', 'Dorchester Recovery Community Center', 'Fenway Pharmacy Drug Drop-Off', 'Harbor Peer Recovery Center',
      'Jamaica Plain Take-Back Kiosk', 'Mattapan Recovery Center', 'Roxbury Recovery Drop-In',
    ]);
    const terms = (await requests(k)).filter((u) => u.pathname === '/services').map((u) => u.searchParams.get('taxonomy_term_id'));
    expect(terms.sort()).to.deep.equal(['tt-centres', 'tt-takeback']);
  });

  it('a category the directory has no term for is nothing of it: no request, no service', async () => {
    const k = key();
    const source = ask(k, ['housing'], 100, 1);
    const { dataset } = await source.load(new AbortController().signal);
    expect(dataset.resources).to.deep.equal([]);
    expect(source.info?.totalItems).to.equal(0);
    expect((await requests(k)).filter((u) => u.pathname.startsWith('/services'))).to.deep.equal([]);
  });

  it('asks for each one-to-one list item in full, and reads its terms and places', async () => {
    const k = key();
    const { dataset } = await ask(k, [], 100, 5).load(new AbortController().signal);
    const detox = byName(dataset.resources, 'Charlestown Detox Unit');
    expect(detox.categories).to.deep.equal(['withdrawal-management']);
    expect(detox.address?.address_1).to.equal('5 Bunker Hill Street');
    expect(byName(dataset.resources, 'Roxbury Recovery Drop-In').phones?.[0]?.number).to.equal('1-800-438-4357');
    const details = (await requests(k)).filter((u) => u.pathname.startsWith('/services/'));
    expect(details).to.have.length(14);
    expect((await requests(k)).filter((u) => u.pathname === '/services').every((u) => u.searchParams.get('full') === 'true')).to.equal(true);
  });
});
