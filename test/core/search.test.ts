import { expect } from '@open-wc/testing';
import { SearchIndex, searchIndexLater, USEFUL_CATEGORY_ORDER, editDistance, isCrisisQuery, loadNearest, loadRanking, normalize, rankingLoaded, tokenize, usefulRank } from '../../src/core/search.js';
import { datasetFrom } from '../../src/core/load.js';
import { CATEGORIES, type Dataset, type Resource } from '../../src/core/schema.js';
import { datasetUrl, until } from '../helpers.js';
import { stepBudget } from '../../src/core/slices.js';

async function fixture(name = 'dataset'): Promise<Dataset> {
  const r = await fetch(datasetUrl({ fixture: name }));
  return datasetFrom(await r.json()).dataset;
}

const ids = (hits: { resource: Resource }[]) => hits.map((h) => h.resource.id);

/** Copies of the records whose `description` counts its reads: words are indexed only when it is read. */
function countingDescriptionReads(resources: readonly Resource[]): { watched: Resource[]; reads: () => number } {
  let n = 0;
  const watched = resources.map((r) => {
    const copy = { ...r };
    const description = r.description;
    Object.defineProperty(copy, 'description', { enumerable: true, get: () => (n++, description) });
    return copy as Resource;
  });
  return { watched, reads: () => n };
}

/** A Wednesday at 10:00 in Boston (EDT). */
const WED_10AM = new Date('2026-10-14T14:00:00Z');
/** A Sunday at 10:00 in Boston. */
const SUN_10AM = new Date('2026-10-18T14:00:00Z');

describe('core/search', () => {
  let data: Dataset;
  let index: SearchIndex;
  before(async () => {
    data = await fixture();
    index = new SearchIndex(data.resources, { timeZone: data.time_zone });
    // fuse.js re-ranking loads on demand (the CMS page pays for it only once a person types).
    expect(await loadRanking()).to.equal(true);
    // So does the nearest-first index (kdbush), once a place is asked for.
    expect(await loadNearest()).to.equal(true);
  });

  describe('re-ranking loaded on demand', () => {
    it('finds the same records before fuse.js is loaded, in word-score order, and re-ranks after', async () => {
      // A second instance of the module (another URL), in which fuse.js was never loaded.
      const fresh = (await import(/* @vite-ignore */ `../../src/core/search.ts?fresh=${Math.random()}`)) as typeof import('../../src/core/search.js');
      expect(fresh.rankingLoaded()).to.equal(false);
      const plain = new fresh.SearchIndex(data.resources, { timeZone: data.time_zone });
      for (const q of ['recovery', 'narcotics anonymous', 'meeting', 'boston']) {
        const before = plain.search(q, {}, WED_10AM).hits;
        const after = index.search(q, {}, WED_10AM).hits;
        expect(ids(before).sort(), q).to.deep.equal(ids(after).sort());
        // Without fuse.js the order is the word score, highest first.
        const scores = before.map((h) => h.score);
        expect(scores, q).to.deep.equal([...scores].sort((a, b) => b - a));
      }
      // A search near a place asks for the nearest-first index to be loaded first, in words.
      const point = { latitude: 42.34, longitude: -71.07 };
      expect(() => plain.search('', { near: { point } })).to.throw(/loadNearest/);
      expect(await fresh.loadNearest()).to.equal(true);
      expect(ids(plain.search('', { near: { point } }, WED_10AM).hits)).to.deep.equal(ids(index.search('', { near: { point } }, WED_10AM).hits));
      expect(await fresh.loadRanking()).to.equal(true);
      expect(fresh.rankingLoaded()).to.equal(true);
      expect(rankingLoaded()).to.equal(true);
    });
  });

  describe('text', () => {
    it('normalises accents, case and punctuation', () => {
      expect(normalize('Desintoxicación, 12-Step!')).to.equal('desintoxicacion 12 step');
      expect(tokenize("Women's  Center")).to.deep.equal(['womens', 'center']);
    });

    it('measures typos, optionally against the start of a longer word', () => {
      expect(editDistance('dental', 'mental', 2)).to.equal(1);
      expect(editDistance('recovyr', 'recovery', 1, true)).to.equal(1);
      expect(editDistance('abc', 'xyz', 1)).to.equal(2);
      expect(editDistance('teh', 'the', 1)).to.equal(1);
    });
  });

  describe('matching', () => {
    it('"dental" finds the dental clinic and not the mental health center', () => {
      const r = ids(index.search('dental').hits);
      expect(r).to.deep.equal(['ex-dental-clinic']);
      expect(ids(index.search('mental').hits)).to.deep.equal(['ex-mental-health']);
    });

    it('finds a word from its first letters while typing', () => {
      expect(ids(index.search('dent').hits)).to.deep.equal(['ex-dental-clinic']);
      expect(ids(index.search('worc').hits)).to.include('ex-housing-worcester');
    });

    it('forgives a typo in a word the data does not have', () => {
      expect(ids(index.search('dentl').hits)).to.deep.equal(['ex-dental-clinic']);
      expect(ids(index.search('coachng').hits)).to.include('ex-coach-dorchester');
      expect(ids(index.search('worcestr').hits)).to.deep.equal(['ex-housing-worcester']);
    });

    it('needs every word of the query (stop words aside)', () => {
      expect(ids(index.search('recovery coaching dorchester').hits)).to.deep.equal(['ex-coach-dorchester']);
      expect(ids(index.search('the dental clinic in boston').hits)).to.deep.equal(['ex-dental-clinic']);
      expect(index.search('dental worcester').hits).to.have.length(0);
    });

    it('matches description words only exactly', () => {
      // "Counselling." is only in a description: the whole word finds it, its start does not.
      expect(ids(index.search('counselling').hits)).to.deep.equal(['ex-mental-health']);
      expect(index.search('counsel').hits).to.have.length(0);
    });

    it('ranks a name match above a description match', () => {
      const r = ids(index.search('coaching').hits);
      expect(r[0]).to.equal('ex-coach-dorchester');
      expect(r).to.include('ex-peer-south-end'); // "recovery coaching" in its description
    });

    it('uses synonyms in both directions and in Spanish', () => {
      expect(ids(index.search('narcan').hits)).to.include('ex-naloxone-training');
      expect(ids(index.search('naloxona').hits)).to.include('ex-naloxone-training');
      expect(ids(index.search('sober house').hits)).to.include('ex-housing-worcester');
      expect(ids(index.search('recovery residence').hits)).to.include('ex-housing-worcester');
      expect(ids(index.search('vivienda').hits)).to.include('ex-housing-worcester');
      expect(ids(index.search('AA').hits)).to.include('ex-markup-name'); // support-groups
    });

    it('takes a site\'s own synonyms', () => {
      expect(index.search('smile doctor').hits).to.have.length(0);
      const own = new SearchIndex(data.resources, { timeZone: data.time_zone, synonyms: [['dental', 'smile doctor']] });
      expect(ids(own.search('smile doctor').hits)).to.deep.equal(['ex-dental-clinic']);
    });

    it('an empty query lists everything in the useful order: crisis lines, statewide lines, then by kind, then name', () => {
      const r = index.search('').hits;
      expect(r).to.have.length(data.resources.length);
      const ids = r.map((h) => h.resource.id);
      // The online-only naloxone training (no address) is a statewide service: first here (no crisis line in the fixture).
      expect(ids[0]).to.equal('ex-naloxone-training');
      // Recovery support before treatment, treatment before housing, disposal last.
      const at = (id: string) => ids.indexOf(id);
      expect(at('ex-peer-south-end')).to.be.lessThan(at('ex-dental-clinic'));
      expect(at('ex-coach-dorchester')).to.be.lessThan(at('ex-dental-clinic'));
      expect(at('ex-mental-health')).to.be.lessThan(at('ex-housing-worcester'));
      expect(at('ex-housing-worcester')).to.be.lessThan(at('ex-kiosk-brighton'));
      const ranks = r.map((h) => usefulRank(h.resource));
      expect(ranks).to.deep.equal([...ranks].sort((a, b) => a - b));
      // Ties by name.
      for (let i = 1; i < r.length; i++) {
        if (ranks[i] === ranks[i - 1]) expect(r[i - 1]!.resource.name.localeCompare(r[i]!.resource.name, undefined, { sensitivity: 'base', numeric: true })).to.be.at.most(0);
      }
    });

    it('puts a crisis line first and ranks every category', () => {
      const line = { ...data.resources[0]!, id: 'z-line', name: 'Zz warmline', categories: ['warmline-crisis'] } as Resource;
      expect(usefulRank(line)).to.equal(0);
      for (const c of CATEGORIES) if (c !== 'warmline-crisis') expect(USEFUL_CATEGORY_ORDER, c).to.include(c);
    });
  });

  describe('crisis words', () => {
    for (const q of ['overdose', 'my friend is overdosing', 'suicidal', 'I want to die', 'kill myself', 'sobredosis', 'quiero morir', 'SUICIDIO']) {
      it(`"${q}" is a crisis`, () => expect(isCrisisQuery(q)).to.equal(true));
    }
    for (const q of ['', 'dental', 'peer support', 'die cast', 'naloxone']) {
      it(`"${q}" is not`, () => expect(isCrisisQuery(q)).to.equal(false));
    }
    it('is reported with the results', () => {
      expect(index.search('overdose narcan').crisis).to.equal(true);
      expect(index.search('narcan').crisis).to.equal(false);
    });
  });

  describe('filters and counts', () => {
    it('several categories at once, with counts that ignore the category filter', () => {
      const r = index.search('', { categories: ['housing', 'naloxone'] });
      expect(ids(r.hits).sort()).to.deep.equal(['ex-housing-worcester', 'ex-naloxone-training']);
      expect(r.categoryCounts.get('disposal')).to.equal(4);
      expect(r.categoryCounts.get('peer-support')).to.equal(2);
    });

    it('counts follow the query and the other filters', () => {
      const r = index.search('example', { free: true });
      const free = data.resources.filter((x) => x.cost?.free);
      const total = [...r.categoryCounts.values()].reduce((a, b) => a + b, 0);
      expect(total).to.equal(free.reduce((n, x) => n + x.categories.length, 0));
      expect(r.categoryCounts.get('peer-support')).to.equal(free.filter((x) => x.categories.includes('peer-support')).length);
    });

    it('language (es matches es-419), population (records without one serve everyone), free, delivery', () => {
      const es = ids(index.search('', { language: 'es' }).hits);
      expect(es).to.include('ex-peer-south-end');
      expect(es.every((id) => data.resources.find((x) => x.id === id)?.languages?.some((l) => l.startsWith('es')))).to.equal(true);
      const fam = ids(index.search('', { population: 'families' }).hits);
      expect(fam).to.include('ex-coach-dorchester');
      expect(fam).to.include('ex-peer-south-end'); // no populations: everyone
      const veterans = ids(index.search('', { population: 'veterans' }).hits);
      expect(veterans).not.to.include('ex-coach-dorchester'); // adults and families only
      expect(ids(index.search('', { delivery: 'online' }).hits)).to.include.members(['ex-naloxone-training', 'ex-coach-dorchester']);
      expect(ids(index.search('', { delivery: 'in-person' }).hits)).not.to.include('ex-naloxone-training');
    });

    it('open now is judged in the data\'s time zone', () => {
      expect(ids(index.search('', { openNow: true }, WED_10AM).hits)).to.include('ex-peer-south-end');
      expect(ids(index.search('', { openNow: true }, SUN_10AM).hits)).not.to.include('ex-peer-south-end');
      // Friday 20:00 - 02:00: open at 01:30 on Saturday, Boston time.
      const sat0130 = new Date('2026-10-17T05:30:00Z');
      expect(ids(index.search('', { openNow: true }, sat0130).hits)).to.include('ex-coach-dorchester');
    });

    it('open now never lists a place marked closed or moved, whatever its hours say', () => {
      const open = data.resources.find((r) => r.id === 'ex-peer-south-end')!;
      const gone = [
        { ...open, id: 'gone-closed', operating_status: 'closed' as const },
        { ...open, id: 'gone-moved', operating_status: 'moved' as const },
      ];
      const withGone = new SearchIndex([...data.resources, ...gone], { timeZone: data.time_zone });
      const hits = ids(withGone.search('', { openNow: true }, WED_10AM).hits);
      expect(hits).to.include('ex-peer-south-end');
      expect(hits).not.to.include.members(['gone-closed']);
      expect(hits).not.to.include('gone-moved');
      // Still found without the filter: the card then says it has closed or moved.
      expect(ids(withGone.search('', {}, WED_10AM).hits)).to.include.members(['gone-closed', 'gone-moved']);
    });

    it('lists a place marked closed or moved after every open one, by name, by words and near a place', () => {
      const open = data.resources.find((r) => r.id === 'ex-peer-south-end')!;
      // "A…" sorts first by name and matches the words best; both are the nearest to the point.
      const gone = [
        { ...open, id: 'gone-closed', name: 'A peer support centre', operating_status: 'closed' as const },
        { ...open, id: 'gone-moved', name: 'A peer support place', operating_status: 'moved' as const },
      ];
      const withGone = new SearchIndex([...gone, ...data.resources], { timeZone: data.time_zone });
      const southEnd = { latitude: open.location!.latitude, longitude: open.location!.longitude };
      for (const [query, filters] of [['', {}], ['peer support', {}], ['', { near: { point: southEnd, maxKm: 50 } }]] as const) {
        const found = ids(withGone.search(query, filters, WED_10AM).hits);
        expect(found.length, query).to.be.above(2);
        expect(found.slice(-2), `${query} ${JSON.stringify(filters)}`).to.have.members(['gone-closed', 'gone-moved']);
      }
      // In their own order among themselves: by name when nothing else ranks them.
      expect(ids(withGone.search('', {}, WED_10AM).hits).slice(-2)).to.deep.equal(['gone-closed', 'gone-moved']);
    });

    it('near a place: within the distance, nearest first, with km; online services without an address after', () => {
      const southEnd = { latitude: 42.3396, longitude: -71.0743 };
      const r = index.search('', { near: { point: southEnd, maxKm: 10 } }).hits;
      const located = r.filter((h) => h.km !== undefined);
      expect(located[0]?.resource.id).to.equal('ex-peer-south-end');
      const kms = located.map((h) => h.km as number);
      expect(kms).to.deep.equal([...kms].sort((a, b) => a - b));
      expect(kms.every((k) => k <= 10)).to.equal(true);
      expect(ids(r)).not.to.include('ex-housing-worcester'); // about 60 km away
      expect(ids(r).at(-1)).to.equal('ex-naloxone-training'); // online, no address
      const all = index.search('', { near: { point: southEnd } }).hits;
      expect(ids(all)).to.include('ex-housing-worcester');
    });

    it('near a place with a query keeps only matches, nearest first', () => {
      const worcester = { latitude: 42.2626, longitude: -71.8023 };
      const r = index.search('example', { near: { point: worcester } }).hits;
      expect(r[0]?.resource.id).to.equal('ex-housing-worcester');
    });
  });

  it('indexes the words on the first search that names some: a first page reads no description', async () => {
    const data = await fixture();
    const { watched, reads } = countingDescriptionReads(data.resources);
    const lazy = new SearchIndex(watched, { timeZone: data.time_zone });
    const eager = new SearchIndex(data.resources, { timeZone: data.time_zone });
    expect(ids(lazy.search('', {}, WED_10AM).hits)).to.deep.equal(ids(eager.search('', {}, WED_10AM).hits));
    expect(reads(), 'no word was indexed for the first page').to.equal(0);
    expect(ids(lazy.search('recovery', {}, WED_10AM).hits)).to.deep.equal(ids(eager.search('recovery', {}, WED_10AM).hits));
    expect(reads()).to.be.greaterThan(0);
    // Once, not per search.
    const after = reads();
    lazy.search('support', {}, WED_10AM);
    expect(reads()).to.equal(after);
  });

  it('searchIndexLater: results at once, the words indexed in slices once told to start, or at the first search by words', async () => {
    const data = await fixture();
    const { watched, reads } = countingDescriptionReads(data.resources);
    const eager = new SearchIndex(data.resources, { timeZone: data.time_zone });
    let go = () => {};
    const start = new Promise<void>((r) => (go = r));
    const later = searchIndexLater(watched, { timeZone: data.time_zone }, start, { budget: stepBudget(1) });
    expect(ids(later.search('', {}, WED_10AM).hits)).to.deep.equal(ids(eager.search('', {}, WED_10AM).hits));
    await new Promise((r) => setTimeout(r, 0));
    expect(reads(), 'nothing indexed before the start').to.equal(0);
    go();
    await until(() => reads() > 0, 'the words indexed after the start');
    expect(ids(later.search('recovery', {}, WED_10AM).hits)).to.deep.equal(ids(eager.search('recovery', {}, WED_10AM).hits));
    // Never told to start: the first search by words indexes them at once.
    const never = searchIndexLater(data.resources, { timeZone: data.time_zone }, new Promise(() => {}));
    expect(ids(never.search('peer', {}, WED_10AM).hits)).to.deep.equal(ids(eager.search('peer', {}, WED_10AM).hits));
  });
});

