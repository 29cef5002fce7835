// The shared map draws every point it is given: the 39 shipped PRSCs and 5,000 points of the
// national disposal snapshot, as canvas markers, and with supercluster only what is in view.
// (Their timings are measured in bench/map-markers.bench.ts: `npm run bench:markers`.)
import { fixture, html, expect } from '@open-wc/testing';
import { setGeolocation, until } from '../helpers.js';
import { type MarkerHost, drawnCount, shippedPoints } from './map-markers.helpers.js';
import { MapController } from '../../src/kit/map/map-controller.js';
import type { MapPoint } from '../../src/kit/map/map-types.js';

/** Draws the points and waits until the map shows them (many points follow the update in a task). */
async function draw(points: MapPoint[], cluster: boolean): Promise<number> {
  const host = await fixture<MarkerHost>(html`<marker-test-host .cluster=${cluster}></marker-test-host>`);
  host.scrollIntoView();
  await until(() => host.ctl.state === 'ready', 'the map');
  host.points = points;
  await host.updateComplete;
  // More than deferAbove new points: the host's update (its list) ends before any is drawn.
  const deferred = points.length > MapController.deferAbove;
  if (deferred) expect(drawnCount(host), 'drawn within the update').to.equal(0);
  else expect(drawnCount(host), 'drawn within the update').to.be.above(0);
  await until(() => drawnCount(host) > 0, 'the points drawn');
  return drawnCount(host);
}

describe('map markers: the shipped points', function () {
  this.timeout(120_000);
  before(() => setGeolocation({ reset: true })); // focus emulation: keeps painting in a background tab

  it('draws every PRSC and 5,000 national points on the canvas; clustered, only what is in view', async () => {
    const { prsc, national } = await shippedPoints();
    expect(prsc).to.have.length(39);
    expect(national).to.have.length(5000);
    for (const points of [prsc, national]) {
      expect(await draw(points, false)).to.equal(points.length);
      const clustered = await draw(points, true);
      expect(clustered).to.be.above(0);
      expect(clustered).to.be.at.most(points.length);
    }
  });
});
