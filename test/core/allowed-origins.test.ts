// A page that lists its allowed origins (the embed page does) takes no data from another origin,
// not even through a redirect from its own: the check is on the answer's final URL, in the one
// fetch every dataset, HSDS page, taxonomy and ZIP table goes through (src/core/load.ts).
// The redirect is real: a local 302 (test/server/endpoints.mjs) to the same server under its
// other name (localhost <-> 127.0.0.1), which answers with CORS so the browser would follow it.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DatasetLoadError, fetchJson, loadDataset } from '../../src/core/load.js';
import { allowedAddress, pageAllowedOrigins } from '../../src/core/allowed-origins.js';
import { uniqueKey } from '../helpers.js';
import { hostileAddress } from '../hostile-addresses.js';

const other = `http://${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
const redirected = () =>
  `/test-api/redirect?to=${encodeURIComponent(`${other}/test-api/dataset?fixture=dataset&cors=1&key=${uniqueKey('redir')}`)}`;

function withMeta(content: string): () => void {
  const meta = document.createElement('meta');
  meta.name = 'recovery-finder-allowed-origins';
  meta.content = content;
  document.head.append(meta);
  return () => meta.remove();
}

describe('allowed origins, checked on the final address of every fetch', () => {
  it('without the meta, a redirect to another origin is followed (so the refusals below mean something)', async () => {
    expect(pageAllowedOrigins()).to.equal(undefined);
    const loaded = await loadDataset(redirected(), { retries: 0 });
    expect(loaded.dataset.resources.length).to.be.greaterThan(0);
  });

  it('with the meta, a same-origin address that redirects to an unlisted origin is refused, in words', async () => {
    const remove = withMeta('https://tile.openstreetmap.org');
    try {
      let error: unknown;
      await loadDataset(redirected(), { retries: 0 }).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(DatasetLoadError);
      expect((error as DatasetLoadError).kind).to.equal('refused');
      expect((error as DatasetLoadError).message).to.contain(other);
      expect((error as DatasetLoadError).retryable).to.equal(false);
      // fetchJson (HSDS pages, taxonomies, ZIP tables) goes through the same check.
      error = undefined;
      await fetchJson(redirected(), { retries: 0 }).catch((e: unknown) => (error = e));
      expect((error as DatasetLoadError).kind).to.equal('refused');
    } finally {
      remove();
    }
  });

  it('with the other origin listed, the redirect is followed', async () => {
    const remove = withMeta(`https://tile.openstreetmap.org ${other}`);
    try {
      const loaded = await loadDataset(redirected(), { retries: 0 });
      expect(loaded.dataset.resources.length).to.be.greaterThan(0);
    } finally {
      remove();
    }
  });
});

describe('allowedAddress (the embed page check), property-based', () => {
  const origins = new Set([location.origin, 'https://tile.openstreetmap.org']);

  it('refuses every hostile address class', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(hostileAddress(location.hostname), ({ cls, value }) => {
        seen.set(cls, (seen.get(cls) ?? 0) + 1);
        return !allowedAddress(value, origins, location.href);
      }),
      { numRuns: 3000 },
    );
    console.log(`allowedAddress: ${[...seen].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  });

  it('keeps addresses on this site and on listed origins', () => {
    fc.assert(
      fc.property(fc.constantFrom('', location.origin, 'https://tile.openstreetmap.org'), fc.webPath(), (origin, path) =>
        allowedAddress(`${origin}/${path.replace(/^[/\\]+/, '')}`, origins, location.href),
      ),
      { numRuns: 500 },
    );
  });
});
