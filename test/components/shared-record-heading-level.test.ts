// A shared link's record ("Shared with you", above the list) follows `heading-level` like the
// element's other headings: its heading at the element's own level, the card's name one lower.
// (It was always an h2 with an h3 card: under a page's h2 section with heading-level="3", the
// shared heading jumped back up a level and, in the search, the card's name sat beside it.)
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/resource-search/resource-search.js';
import '../../src/components/prsc-map/prsc-map.js';
import '../../src/components/disposal-locator/disposal-locator.js';
import { datasetUrl, failOnLitWarnings, setGeolocation, uniqueKey, until } from '../helpers.js';

/** The tag and id of the shared heading and of the shared card's name, in `el`'s shadow root. */
function levels(el: HTMLElement, name?: string): { shared: string | undefined; card: string | undefined } {
  const root = el.shadowRoot!;
  return {
    shared: root.querySelector('.shared-record #shared-heading')?.localName,
    card: name ? root.querySelector(`.shared-record #name-${name}`)?.localName : undefined,
  };
}

describe('the shared record follows heading-level', () => {
  failOnLitWarnings();
  const start = `${location.pathname}${location.search}`;
  before(() => setGeolocation({ reset: true }));
  afterEach(() => history.replaceState(null, '', start));

  it('resource search, heading-level="3": "Shared with you" is an h3 and the card an h4 (default: h2 and h3)', async () => {
    const zips = datasetUrl({ fixture: 'search-zips' });
    history.replaceState(null, '', `${location.pathname}?rs-id=ex-dental-clinic`);
    const el = await fixture<HTMLElement>(html`<section><h2>Find support</h2>
      <recovery-resource-search sync-url heading-level="3" src=${datasetUrl({ key: uniqueKey('shared-level-rs') })}
        zip-table-url=${zips} zip-table-national-url=${zips}></recovery-resource-search></section>`);
    const search = el.querySelector('recovery-resource-search') as HTMLElement;
    await until(() => levels(search, 'ex-dental-clinic').card !== undefined, 'the shared record');
    expect(levels(search, 'ex-dental-clinic')).to.deep.equal({ shared: 'h3', card: 'h4' });
    await expect(search).to.be.accessible();

    history.replaceState(null, '', `${location.pathname}?rs-id=ex-dental-clinic`);
    const plain = await fixture<HTMLElement>(html`<recovery-resource-search sync-url src=${datasetUrl({ key: uniqueKey('shared-level-rs2') })}
      zip-table-url=${zips} zip-table-national-url=${zips}></recovery-resource-search>`);
    await until(() => levels(plain, 'ex-dental-clinic').card !== undefined, 'the shared record (default level)');
    expect(levels(plain, 'ex-dental-clinic')).to.deep.equal({ shared: 'h2', card: 'h3' });
  });

  it('disposal locator, heading-level="3": "Shared with you" is an h3 and the card an h4', async () => {
    history.replaceState(null, '', `${location.pathname}?dl-id=ex-pharmacy-worcester`);
    const el = await fixture<HTMLElement>(html`<recovery-disposal-locator sync-url no-map heading-level="3"
      src=${datasetUrl({ fixture: 'disposal-sites', key: uniqueKey('shared-level-dl') })}
      zip-table-url=${datasetUrl({ fixture: 'disposal-zips-ma' })}
      zip-table-national-url=${datasetUrl({ fixture: 'disposal-zips-us' })}></recovery-disposal-locator>`);
    await until(() => levels(el, 'ex-pharmacy-worcester').card !== undefined, 'the shared place');
    expect(levels(el, 'ex-pharmacy-worcester')).to.deep.equal({ shared: 'h3', card: 'h4' });
    await expect(el).to.be.accessible();
  });

  it('PRSC map, heading-level="4": a link to a centre no longer listed says so under an h4', async () => {
    history.replaceState(null, '', `${location.pathname}?pm-id=ex-no-such-centre`);
    const el = await fixture<HTMLElement>(html`<recovery-prsc-map sync-url heading-level="4" tile-url=""
      src=${datasetUrl({ fixture: 'prsc-centres', key: uniqueKey('shared-level-pm') })}
      zip-table-url=${datasetUrl({ fixture: 'disposal-zips-ma' })}
      zip-table-national-url=${datasetUrl({ fixture: 'disposal-zips-us' })}></recovery-prsc-map>`);
    await until(() => levels(el).shared !== undefined, 'the "no longer listed" notice');
    expect(levels(el).shared).to.equal('h4');
    expect(el.shadowRoot!.querySelector('.shared-record')?.textContent).to.contain('no longer listed');
    await expect(el).to.be.accessible();
  });
});
