/**
 * Coverage of the built default dataset: the share of Massachusetts ZIP codes (Census ZCTA
 * centres) with a disposal place within 10 miles, for medicines (pills) and for sharps.
 *
 *   vite build --mode cli && node dist/coverage.js [--data data/resources.json] [--zips data/zip-centroids-ma.json] [--miles 10] [--json]
 *
 * Only places with coordinates count, and closed or moved places never do. The figures go in
 * the README's data section.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { haversineKm, milesToKm, type LatLon } from '../src/core/geo.js';
import { isNotOperating } from '../src/core/hours.js';
import { validateDataset, type DisposalItem, type Resource } from '../src/core/schema.js';

export interface Coverage {
  item: DisposalItem;
  zips: number;
  covered: number;
  percent: number;
}

export function coverage(resources: readonly Resource[], zips: ReadonlyArray<LatLon>, item: DisposalItem, miles: number): Coverage {
  const places = resources.filter(
    (r) => r.kind !== 'event' && r.disposal?.accepts.includes(item) && r.location && !isNotOperating(r),
  );
  const maxKm = milesToKm(miles);
  const covered = zips.filter((z) => places.some((p) => p.location && haversineKm(z, p.location) <= maxKm)).length;
  return { item, zips: zips.length, covered, percent: zips.length ? Math.round((covered / zips.length) * 1000) / 10 : 0 };
}

function main(): number {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: 'data/resources.json' },
      zips: { type: 'string', default: 'data/zip-centroids-ma.json' },
      miles: { type: 'string', default: '10' },
      json: { type: 'boolean', default: false },
    },
  });
  const result = validateDataset(JSON.parse(readFileSync(values.data, 'utf8')));
  if (!result.ok) {
    process.stderr.write(`coverage: ${result.error}\n`);
    return 1;
  }
  const table = JSON.parse(readFileSync(values.zips, 'utf8')) as { zips: Record<string, [number, number]> };
  const zips = Object.values(table.zips).map(([latitude, longitude]) => ({ latitude, longitude }));
  const miles = Number(values.miles);
  const rows = (['pills', 'sharps'] as const).map((item) => coverage(result.dataset.resources, zips, item, miles));
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ miles, rows }, null, 2)}\n`);
  } else {
    for (const r of rows) {
      const label = r.item === 'pills' ? 'medicines' : 'sharps';
      process.stdout.write(`${label}: ${r.covered} of ${r.zips} Massachusetts ZIP codes (${r.percent} %) have a place within ${miles} miles\n`);
    }
  }
  return 0;
}

process.exitCode = main();
