// The questions the HSDS server benchmarks ask (bench/server.mjs, bench/drive.mjs): seeded, so
// the same on every run.
import { seededRandom } from '../test/seeded-random.js';
import { zipList } from './server-data.mjs';
import { termId, TAXONOMIES } from '../packages/server/src/hsds.js';

export const TERMS = ['naloxone', 'peer support', 'sober housing', 'recovery coaching', 'family support', 'outpatient counseling',
  'detox', 'transportation', 'residential treatment', 'job readiness', 'harm reduction', 'methadone'];

/**
 * `cached`: 200 questions of each kind (asked again: the answer cache's rows); `uncached`: many
 * more than a run asks (text: the terms on pages 1-8; taxonomy: the 21 categories on pages 1-8).
 */
export function questions() {
  const random = seededRandom(7);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const CATEGORIES = TAXONOMIES['recovery-finder-category'].terms.filter((c) => c !== 'disposal');
  const taxonomyPath = () => `/services?taxonomy_term_id=${termId('recovery-finder-category', pick(CATEGORIES))}`;
  const cached = {
    taxonomy: Array.from({ length: 200 }, taxonomyPath),
    text: Array.from({ length: 200 }, () => `/services?search=${encodeURIComponent(pick(TERMS))}`),
    zip: Array.from({ length: 200 }, () => `/service_at_locations?postcode=${pick(zipList)}&proximity=16093`),
    combined: Array.from({ length: 200 }, () => `/service_at_locations?search=${encodeURIComponent(pick(TERMS))}&postcode=${pick(zipList)}&proximity=40234`),
  };
  const uncached = {
    taxonomy: CATEGORIES.flatMap((c) => Array.from({ length: 8 }, (_, p) => `/services?taxonomy_term_id=${termId('recovery-finder-category', c)}&page=${p + 1}`)),
    text: TERMS.flatMap((t) => Array.from({ length: 8 }, (_, p) => `/services?search=${encodeURIComponent(t)}&page=${p + 1}`)),
    zip: Array.from({ length: 5000 }, () => `/service_at_locations?postcode=${pick(zipList)}&proximity=16093`),
    combined: Array.from({ length: 5000 }, () => `/service_at_locations?search=${encodeURIComponent(pick(TERMS))}&postcode=${pick(zipList)}&proximity=40234`),
  };
  return { cached, uncached };
}
