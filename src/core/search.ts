/**
 * The directory's search engine: words, synonyms, typos, facets and filters, over up to tens
 * of thousands of records without stalling a keystroke.
 *
 * How a query is answered (the index is built once per dataset, never per keystroke):
 *  1. Text is normalised (lower case, accents and punctuation dropped) and cut into words.
 *  2. An inverted index maps each word of a record's short fields (name, other name,
 *     organisation, category words, city, region, ZIP, and the synonyms those bring in) to the
 *     records, with the weight of the field. Description words are indexed too, but they only
 *     ever match exactly (no prefix, no typo): long text must not drown a short query.
 *  3. Each query word finds its words in the sorted vocabulary: exact, then words it begins
 *     (typing "recov" finds "recovery"), and only when neither exists, words within one or two
 *     typos (Damerau-Levenshtein, also against the start of longer words). A real word is
 *     never stretched to its neighbours: "dental" does not find "mental".
 *  4. A record must match every query word (stop words aside). The matches are scored by field
 *     and match quality; the best candidates are then re-ranked by fuse.js over their short
 *     fields only. fuse.js never adds a record, it only orders the candidates. fuse.js is
 *     loaded on demand (`loadRanking()`): until it is, the candidates keep the word-score order.
 *  5. Filters (categories, language, population, free, in person / online, open now, near a
 *     place) and the category counts are computed on the result.
 *
 * DOM-free: never imports lit or leaflet.
 */
import type { RankDoc, fuseScores } from './rerank.js';
import type { Category, Population, Resource } from './schema.js';
import { isNotOperating, isRecordOpenAt } from './hours.js';
import type { LatLon } from './geo.js';
import type { NearestIndex } from './nearest.js';
import { BUILT_IN_WORDS, CRISIS_TERMS, DEFAULT_SYNONYMS, type SynonymGroup } from './synonyms.js';
import type { SearchWords } from './search-words/types.js';
import { runInSlices, runWhole, sortInSteps, type SliceOptions } from './slices.js';
import { descriptionOf } from './worded.js';
import { Lazy } from './lazy.js';

export { DEFAULT_SYNONYMS, type SynonymGroup };

/** In person or online. A record with `delivery: 'both'` matches either; one without is in person. */
export type DeliveryFilter = 'in-person' | 'online';

/** What a person narrowed the list to. Every field is optional; empty means "any". */
export interface SearchFilters {
  /** Records in any of these categories. */
  categories?: readonly Category[];
  /** A BCP 47 language code the service speaks (`es` also matches `es-419`). */
  language?: string;
  /** Records for this group of people (records without `populations` serve everyone). */
  population?: Population;
  /** Only free services. */
  free?: boolean;
  delivery?: DeliveryFilter;
  /** Only places open at `now`, in the record's (or the dataset's) time zone. */
  openNow?: boolean;
  /** Near a point: only records within `maxKm` (if given), nearest first. */
  near?: { point: LatLon; maxKm?: number };
}

/** One result. */
export interface SearchHit {
  resource: Resource;
  /** Distance from `filters.near.point` in km, for records with a location. */
  km?: number;
  /** Relevance, higher is better (0 when there is no query). */
  score: number;
}

export interface SearchResult {
  /** Every matching record, best first (nearest first when searching near a place). */
  hits: SearchHit[];
  /** How many records match each category, given the query and every filter except the categories. */
  categoryCounts: Map<Category, number>;
  /** True when the query contains words of danger (overdose, suicide...). */
  crisis: boolean;
}

export interface SearchIndexOptions {
  /** The dataset's default IANA time zone, for "open now". */
  timeZone: string;
  /** Synonym groups; default {@link DEFAULT_SYNONYMS}. */
  synonyms?: readonly SynonymGroup[];
}

/** A posting of a record's category (`\u0001peer-support`): no typed word normalises to it. */
const CATEGORY_TOKEN = '\u0001';

/** Written without spaces between words: a crisis word is looked for anywhere in the query. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** What search reads from the words of every language (search-words/), normalised once. */
interface Lexicon {
  /** Words that never narrow a search, in any language, lower case with their accents (see {@link accentedWords}). */
  stop: Set<string>;
  crisis: Array<{ words: string; match: 'start' | 'whole' | 'anywhere' }>;
  /** Each word of each category's phrases, sorted, with its categories. */
  categoryWords: string[];
  categoriesOf: Map<string, Category[]>;
}
let lexicon: Lexicon | undefined;
/** The languages whose category and stop words search reads: English and Spanish, then all (with the ranking). */
let languages: Readonly<Record<string, SearchWords>> = BUILT_IN_WORDS;

function lexiconOf(): Lexicon {
  if (lexicon) return lexicon;
  const categoriesOf = new Map<string, Category[]>();
  const all = Object.values(languages);
  const stop = new Set(all.flatMap((l) => l.stop).flatMap(accentedWords));
  for (const [category, phrases] of all.flatMap((l) => Object.entries(l.categories))) {
    for (const w of (phrases ?? []).flatMap((p) => searchWords(p, stop))) {
      const list = categoriesOf.get(w) ?? [];
      if (!list.includes(category as Category)) list.push(category as Category);
      categoriesOf.set(w, list);
    }
  }
  const crisis = CRISIS_TERMS.map(normalize)
    .filter(Boolean)
    // The last word of four letters or more may also start a longer one ("overdos": "overdosing");
    // a shorter one ("od", "djuda m") only whole.
    .map((w) => ({ words: w, match: UNSPACED.test(w) ? ('anywhere' as const) : (w.split(' ').pop() ?? '').length >= 4 ? ('start' as const) : ('whole' as const) }));
  lexicon = { stop, crisis, categoryWords: [...categoriesOf.keys()].sort(), categoriesOf };
  return lexicon;
}

/** Field weights: a match in the name counts most, in the description least. */
const W = { name: 1, alt: 0.85, org: 0.7, category: 0.6, synonym: 0.55, place: 0.5, description: 0.3 } as const;
/** Each field's code in a posting: its rank among the weights (0 weighs most). */
const FIELD_WEIGHTS: readonly number[] = Object.values(W).sort((a, b) => b - a);
const F = Object.fromEntries(Object.entries(W).map(([k, w]) => [k, FIELD_WEIGHTS.indexOf(w)])) as { [K in keyof typeof W]: number };
/** Match quality. */
const Q = { exact: 1, prefix: 0.75, fuzzy: 0.45 } as const;
/** Only this many of the best candidates are re-ranked by fuse.js. */
const RERANK = 100;

let rerank: typeof fuseScores | undefined;
const ranking = new Lazy(() =>
  Promise.all([import('./rerank.js'), import('./search-words/index.js')]).then(([m, words]) => {
    rerank = m.fuseScores;
    languages = words.SEARCH_WORDS;
    lexicon = undefined;
  }),
);

/**
 * Load the fuse.js re-ranking and the category and stop words of every language (separate
 * chunks: a page that only lists and filters never downloads them; English and Spanish words
 * and every language's crisis words are always there). Resolves true once queries are
 * re-ranked and read in every language, false if they could not be loaded (queries then keep
 * the word-score order and English and Spanish words). A failed load is tried again on the
 * next call.
 */
export function loadRanking(): Promise<boolean> {
  return ranking.load().then(
    () => true,
    () => false,
  );
}

let Nearest: typeof NearestIndex | undefined;
const nearestCode = new Lazy(() =>
  import('./nearest.js').then((m) => {
    Nearest = m.NearestIndex;
  }),
);

/**
 * Load the nearest-first index (kdbush; a separate chunk: a page loads it only when a place is
 * asked for). Resolves true once `search()` can take `filters.near`; false if it could not be
 * loaded (tried again on the next call). Until then a search near a place throws.
 */
export function loadNearest(): Promise<boolean> {
  return nearestCode.load().then(
    () => true,
    () => false,
  );
}

/** True once {@link loadNearest} has loaded the nearest-first index. */
export function nearestLoaded(): boolean {
  return Nearest !== undefined;
}

/** True once {@link loadRanking} has loaded the re-ranking. */
export function rankingLoaded(): boolean {
  return rerank !== undefined;
}

/** French and Italian elision: "d’entraide" is "entraide", "l’hôpital" "hopital". */
const ELISION = /(?<![\p{L}\p{N}])(?:qu|[cdjlmnst])['’](?=\p{L})/gu;

/** Lower case, accents dropped, everything but letters and digits turned into spaces. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    // Latin accents; Arabic short vowels, hamza marks and the tatweel.
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '')
    .toLowerCase()
    // Letters NFD leaves whole: Vietnamese đ, Arabic alef maqsura and teh marbuta.
    .replace(/đ/g, 'd')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(ELISION, '')
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Lower-case words with their accents: stop words are told apart by them (Vietnamese "cái", a
 * stop word, is not "cai", to quit).
 */
function accentedWords(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(ELISION, '')
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
}

/** The words of a query that narrow it: its words but the stop words, normalised. */
function searchWords(text: string, stop: ReadonlySet<string>): string[] {
  return accentedWords(text)
    .filter((w) => !stop.has(w))
    .flatMap(tokenize);
}

export function tokenize(text: string): string[] {
  const n = normalize(text);
  return n ? n.split(' ') : [];
}

/** Does the query sound like someone is in danger now? */
export function isCrisisQuery(query: string): boolean {
  const text = normalize(query);
  if (!text) return false;
  const padded = ` ${text} `;
  return lexiconOf().crisis.some(({ words: w, match }) =>
    match === 'anywhere' ? text.includes(w) : padded.includes(match === 'start' ? ` ${w}` : ` ${w} `),
  );
}

/**
 * The categories a query word names, in any language: a category word it is, or (three
 * letters or more, or one Chinese character or more) one it begins.
 */
function categoriesNamed(word: string): Array<[Category, 'exact' | 'prefix']> {
  const { categoryWords, categoriesOf } = lexiconOf();
  const out = new Map<Category, 'exact' | 'prefix'>();
  for (const c of categoriesOf.get(word) ?? []) out.set(c, 'exact');
  if (word.length >= 3 || UNSPACED.test(word)) {
    for (let i = lowerBound(categoryWords, word); i < categoryWords.length && (categoryWords[i] as string).startsWith(word); i++) {
      for (const c of categoriesOf.get(categoryWords[i] as string) ?? []) if (!out.has(c)) out.set(c, 'prefix');
    }
  }
  return [...out];
}

/** The singular a plural may stand for ("groups" -> "group"), or undefined. */
function singular(word: string): string | undefined {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : undefined;
}

/**
 * Edit distance (optimal string alignment: insert, delete, substitute, swap two neighbours)
 * between `q` and `term`, or between `q` and the best start of `term` when `prefix` is set.
 * Returns `max + 1` as soon as it exceeds `max`.
 */
export function editDistance(q: string, term: string, max: number, prefix = false): number {
  const m = q.length;
  const n = prefix ? Math.min(term.length, m + max) : term.length;
  if (!prefix && Math.abs(m - n) > max) return max + 1;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = q.charCodeAt(i - 1) === term.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && q[i - 1] === term[j - 2] && q[i - 2] === term[j - 1]) {
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  // `prev` holds the last row.
  return prefix ? Math.min(...prev) : (prev[n] as number);
}

/** How many typos a query word of this length may carry. */
function typoBudget(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return 2;
}

/**
 * The records a word is in, in record order, each with the field it is in (a code into
 * {@link FIELD_WEIGHTS}). Plain arrays while the index is built, then typed arrays of the
 * exact length (4 + 1 bytes a posting instead of about 16: most of an index's memory).
 */
interface Posting {
  ids: number[] | Int32Array;
  fields: number[] | Uint8Array;
}

type ShortDoc = RankDoc;

/** Binary search: the first index in sorted `arr` whose value is >= `key`. */
function lowerBound(arr: readonly string[], key: string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arr[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The ids of `scores`, best score first, then smallest id first: the same order as sorting
 * with `(a, b) => score(b) - score(a) || a - b`, without a comparator reading the map. Scores
 * take few distinct values (sums of field weight times match quality), so the ids are put in
 * a bucket per score, each bucket sorted as integers (a typed array's native sort), and the
 * buckets joined best first.
 */
export function orderByScore(scores: ReadonlyMap<number, number>): number[] {
  const buckets = new Map<number, number[]>();
  for (const [id, s] of scores) {
    const b = buckets.get(s);
    if (b) b.push(id);
    else buckets.set(s, [id]);
  }
  const keys = [...buckets.keys()].sort((a, b) => b - a);
  const out = new Array<number>(scores.size);
  let k = 0;
  for (const key of keys) {
    const sorted = Float64Array.from(buckets.get(key) as number[]).sort();
    for (let i = 0; i < sorted.length; i++) out[k++] = sorted[i] as number;
  }
  return out;
}

/**
 * Builds a {@link SearchIndex} a slice at a time, so a large dataset never blocks the page in
 * one long task. `new SearchIndex()` runs it to the end at once; {@link buildSearchIndex} runs
 * it in slices with the event loop in between.
 */
/**
 * The order of the categories when no place is given (README "Order of results"): recovery
 * support first (what the library is for), then getting into care, harm reduction, treatment,
 * the supports of daily life, and disposal last.
 */
export const USEFUL_CATEGORY_ORDER: readonly Category[] = [
  'recovery-center',
  'peer-support',
  'recovery-coaching',
  'support-groups',
  'family-support',
  'access-to-care',
  'harm-reduction',
  'naloxone',
  'withdrawal-management',
  'medication-treatment',
  'outpatient-treatment',
  'residential-treatment',
  'treatment',
  'housing',
  'employment-education',
  'transportation',
  'wellness-education',
  'spiritual-support',
  'outreach',
  'youth-prevention',
  'disposal',
  // A directory's service whose category is not known: last.
  'other',
];

/**
 * Where a record stands before a place is given (lower first): crisis lines and warmlines (0),
 * then statewide lines and services with no address (1: a phone or online, for anyone), then
 * places by their best category in {@link USEFUL_CATEGORY_ORDER}. Ties go by name.
 */
export function usefulRank(r: Resource): number {
  if (r.categories.includes('warmline-crisis')) return 0;
  if (!r.address && !r.location) return 1;
  let best = USEFUL_CATEGORY_ORDER.length;
  for (const c of r.categories) {
    const i = USEFUL_CATEGORY_ORDER.indexOf(c);
    if (i >= 0 && i < best) best = i;
  }
  return 2 + best;
}

/** A `region` that says the record serves the whole state ("Statewide (Massachusetts)", "Massachusetts"). */
const STATEWIDE_REGION = /\bstatewide\b|^\s*(all of\s+)?massachusetts\s*$/i;

/**
 * Does a record with no place on the map serve everyone, wherever they are: its `region` says
 * statewide, or it is delivered online (or both online and in person)? A search near a place
 * keeps such records, after the nearby ones, under their own heading.
 */
function servesWholeState(r: Resource | undefined): boolean {
  if (!r || r.location) return false;
  return (r.region !== undefined && STATEWIDE_REGION.test(r.region)) || r.delivery === 'online' || r.delivery === 'both';
}

/**
 * The state a dataset's statewide records name in their `region` ("Statewide (Massachusetts)"
 * gives "Massachusetts"), or undefined when none names one.
 */
export function statewideName(resources: readonly Resource[]): string | undefined {
  for (const r of resources) {
    const m = r.region?.match(/^\s*statewide\s*\(([^)]+)\)\s*$/i) ?? r.region?.match(/^\s*(?:all of\s+)?(massachusetts)\s*$/i);
    if (m?.[1]) return m[1].trim();
  }
  return undefined;
}

/** The order before a place or words are given: the useful order (crisis lines, statewide lines, then by kind), then by name. */
function* usefulOrder(resources: readonly Resource[]): Generator<void, number[]> {
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const rank = resources.map(usefulRank);
  return yield* sortInSteps(
    resources.map((_, i) => i),
    (a, b) => rank[a]! - rank[b]! || collator.compare((resources[a] as Resource).name, (resources[b] as Resource).name),
  );
}

export class SearchIndexBuilder {
  /** @internal */ readonly postings = new Map<string, Posting>();
  /** @internal */ readonly docs: ShortDoc[] = [];
  /** @internal */ shortVocab: string[] = [];
  /** @internal The order before a place or words are given (usefulRank, then name). */ byName: number[] = [];
  private readonly shortWords = new Set<string>();
  /** One string for each distinct category and synonym text (many records share them). */
  private readonly texts = new Map<string, string>();
  private readonly groups: string[][];
  private readonly phrasesByFirst = new Map<string, Array<{ words: string[]; group: number }>>();
  /** The next record to index; then the steps after the records. */
  private next = 0;
  /** The steps after the records; each is cut in pieces (a long sort yields as it goes). */
  private readonly finishing: Array<() => Generator<void, void>>;
  /** The finishing step under way, so a new `steps()` resumes inside it. */
  private current?: Generator<void, void> | undefined;

  constructor(
    readonly resources: readonly Resource[],
    readonly options: SearchIndexOptions,
  ) {
    // Synonym phrases by their first word, so a record is checked word by word, not phrase by phrase.
    this.groups = (options.synonyms ?? DEFAULT_SYNONYMS).map((g) => g.map(normalize).filter(Boolean));
    this.groups.forEach((group, gi) => {
      for (const phrase of group) {
        const words = phrase.split(' ');
        const first = words[0] as string;
        if (!this.phrasesByFirst.has(first)) this.phrasesByFirst.set(first, []);
        this.phrasesByFirst.get(first)?.push({ words, group: gi });
      }
    });
    this.finishing = [() => this.sortVocabulary(), () => this.sortNames(), () => this.compactPostings()];
  }

  private *sortVocabulary(): Generator<void, void> {
    // The same order as a plain `sort()`: by UTF-16 code units.
    this.shortVocab = yield* sortInSteps([...this.shortWords], (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  private *sortNames(): Generator<void, void> {
    this.byName = yield* usefulOrder(this.resources);
  }

  /** True when every record is indexed and the index is complete. */
  get done(): boolean {
    return this.next >= this.resources.length + this.finishing.length;
  }

  /** One step per record, then one per finishing step; resumes where the last run stopped. */
  *steps(): Generator<void, void> {
    const n = this.resources.length;
    while (!this.done) {
      if (this.next < n) {
        this.indexRecord(this.next);
        this.next++;
      } else {
        this.current ??= (this.finishing[this.next - n] as () => Generator<void, void>)();
        if (this.current.next().done) {
          this.current = undefined;
          this.next++;
        }
      }
      yield;
    }
  }

  /** The finished index (runs what is left first). */
  index(): SearchIndex {
    runWhole(this.steps());
    return new SearchIndex(this.resources, this.options, this);
  }

  private indexRecord(id: number): void {
    const r = this.resources[id] as Resource;
    const add = (text: string | undefined, field: number, short: boolean) => {
      for (const word of tokenize(text ?? '')) {
        this.post(word, id, field);
        const one = singular(word);
        if (one) this.post(one, id, field);
        if (short) this.shortWords.add(word);
      }
    };
    const categoryText = this.shared(r.categories.map((c) => c.replace(/-/g, ' ')).join(' '));
    add(r.name, F.name, true);
    add(r.alternate_name, F.alt, true);
    add(r.organization?.name, F.org, true);
    add(categoryText, F.category, true);
    add([r.address?.city, r.region, r.address?.postal_code].filter(Boolean).join(' '), F.place, true);
    add(descriptionOf(r), F.description, false);
    // The record's own translations: found by the words of their language too.
    for (const t of Object.values(r.translations ?? {})) {
      add([t.name, t.alternate_name].filter(Boolean).join(' '), F.alt, true);
      add(t.description, F.description, false);
    }
    for (const c of r.categories) this.post(CATEGORY_TOKEN + c, id, F.category);
    // Synonyms: a group one of whose phrases the record contains brings in all of its phrases.
    const own = tokenize([r.name, r.alternate_name, r.organization?.name, categoryText, descriptionOf(r)].filter(Boolean).join(' '));
    const found = new Set<number>();
    own.forEach((word, i) => {
      for (const p of this.phrasesByFirst.get(word) ?? []) {
        if (!found.has(p.group) && p.words.every((w, k) => own[i + k] === w)) found.add(p.group);
      }
    });
    const synonymWords = new Set<string>();
    for (const gi of found) for (const phrase of this.groups[gi] ?? []) for (const w of phrase.split(' ')) synonymWords.add(w);
    const synonymText = this.shared([...synonymWords].join(' '));
    add(synonymText, F.synonym, true);
    this.docs[id] = {
      name: r.name,
      alt: r.alternate_name ?? '',
      org: r.organization?.name ?? '',
      categories: categoryText,
      synonyms: synonymText,
    };
  }

  private shared(text: string): string {
    const same = this.texts.get(text);
    if (same !== undefined) return same;
    this.texts.set(text, text);
    return text;
  }

  private post(word: string, id: number, field: number) {
    let p = this.postings.get(word);
    if (!p) this.postings.set(word, (p = { ids: [], fields: [] }));
    const ids = p.ids as number[];
    const fields = p.fields as number[];
    const last = ids.length - 1;
    if (ids[last] === id) {
      // The field that weighs most.
      if (field < (fields[last] as number)) fields[last] = field;
    } else {
      ids.push(id);
      fields.push(field);
    }
  }

  /** Postings into typed arrays of their exact length, a step per 1,024 words. */
  private *compactPostings(): Generator<void, void> {
    let n = 0;
    for (const p of this.postings.values()) {
      p.ids = Int32Array.from(p.ids);
      p.fields = Uint8Array.from(p.fields);
      if (++n % 1024 === 0) yield;
    }
  }
}

/**
 * Build the index in slices (by default every 12 ms of work), letting the page handle input
 * and paint in between. Same index as `new SearchIndex(resources, options)`; rejects with the
 * signal's reason when stopped (a newer dataset arrived).
 */
export async function buildSearchIndex(
  resources: readonly Resource[],
  options: SearchIndexOptions,
  slicing: SliceOptions = {},
): Promise<SearchIndex> {
  const builder = new SearchIndexBuilder(resources, options);
  await runInSlices(builder.steps(), slicing);
  return builder.index();
}

/**
 * An index to show results from at once: its words are indexed in slices once `start` has
 * settled (for example: once the first results are painted); a search by words before then
 * finishes them at once. Meant for a small dataset, where finishing at once is short.
 */
export function searchIndexLater(resources: readonly Resource[], options: SearchIndexOptions, start: Promise<unknown>, slicing: SliceOptions = {}): SearchIndex {
  const builder = new SearchIndexBuilder(resources, options);
  void start.then(() => runInSlices(builder.steps(), slicing)).catch(() => undefined); // (stopped: a newer dataset came)
  return new SearchIndex(resources, options, builder);
}

/**
 * A search index over one dataset's records. Build it once per dataset (and synonyms); every
 * `search()` call after that touches only the words the query names. For a large dataset in a
 * page, prefer {@link buildSearchIndex}, which does not block the page while it builds.
 */
export class SearchIndex {
  readonly resources: readonly Resource[];
  private readonly timeZone: string;
  /** What the index is made of: finished on the first search by words, if not already. */
  private readonly builder: SearchIndexBuilder;
  /** The order before words are given, while the builder is unfinished. */
  private firstOrder?: number[];
  private nearestIndex?: NearestIndex<number>;
  private openCache?: { minute: number; open: Map<number, boolean> };

  /**
   * An index over `resources`; `built` is a builder over the same records. The words are
   * indexed on the first search that names some (a first page of results needs none of it, so
   * a preview shows at once), unless `built` has already done it.
   */
  constructor(resources: readonly Resource[], options: SearchIndexOptions, built?: SearchIndexBuilder) {
    this.builder = built ?? new SearchIndexBuilder(resources, options);
    this.resources = resources;
    this.timeZone = options.timeZone;
  }

  /** The finished builder: postings, short words (sorted), the short fields of each record. */
  private get built(): SearchIndexBuilder {
    if (!this.builder.done) runWhole(this.builder.steps());
    return this.builder;
  }

  /** The order before a place or words are given. */
  private get byName(): number[] {
    if (this.builder.done) return this.builder.byName;
    return (this.firstOrder ??= runWhole(usefulOrder(this.resources)));
  }

  /**
   * Each record's categories as small numbers (codes into `names`), the codes of record `i`
   * being `codes[starts[i]]` up to `codes[starts[i + 1]]`: counted per search without a Map.
   */
  private get categoryCodes(): { names: Category[]; codes: Uint8Array; starts: Uint32Array } {
    if (!this.cats) {
      const names: Category[] = [];
      const code = new Map<Category, number>();
      const n = this.resources.length;
      const starts = new Uint32Array(n + 1);
      const codes: number[] = [];
      for (let i = 0; i < n; i++) {
        starts[i] = codes.length;
        for (const c of (this.resources[i] as Resource).categories) {
          let k = code.get(c);
          if (k === undefined) code.set(c, (k = names.push(c) - 1));
          codes.push(k);
        }
      }
      starts[n] = codes.length;
      this.cats = { names, codes: Uint8Array.from(codes), starts };
    }
    return this.cats;
  }
  private cats?: { names: Category[]; codes: Uint8Array; starts: Uint32Array };

  /** The nearest-first index, built on the first search near a place (after {@link loadNearest}). */
  private get nearest(): NearestIndex<number> {
    if (!Nearest) throw new Error('recovery-finder: call loadNearest() before searching near a place');
    const resources = this.resources;
    this.nearestIndex ??= new Nearest(resources.map((_, i) => i), (i) => resources[i]?.location);
    return this.nearestIndex;
  }

  /** Words of the index that a query word stands for, with the quality of each match. */
  private expand(word: string): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    const seen = new Set<string>();
    const push = (w: string, q: number) => {
      if (!seen.has(w) && this.built.postings.has(w)) {
        seen.add(w);
        out.push([w, q]);
      }
    };
    push(word, Q.exact);
    const one = singular(word);
    if (one) push(one, Q.exact);
    // Words it begins (short fields only).
    const vocab = this.built.shortVocab;
    for (let i = lowerBound(vocab, word); i < vocab.length && (vocab[i] as string).startsWith(word); i++) {
      push(vocab[i] as string, Q.prefix);
    }
    // A word for a category, in any language, finds the category's records.
    for (const [category, how] of categoriesNamed(word)) push(CATEGORY_TOKEN + category, how === 'exact' ? Q.exact : Q.prefix);
    if (out.length > 0) return out;
    // Only an unknown word is read as a typo.
    const budget = typoBudget(word.length);
    if (budget === 0) return out;
    for (const term of vocab) {
      if (Math.abs(term.length - word.length) > budget && term.length < word.length) continue;
      if (editDistance(word, term, budget, term.length > word.length) <= budget) push(term, Q.fuzzy);
    }
    return out;
  }

  /** Records matching every word of the query, with a relevance score. Undefined for an empty query. */
  private textScores(query: string): Map<number, number> | undefined {
    const queryWords = searchWords(query, lexiconOf().stop);
    if (queryWords.length === 0) return undefined;
    let total: Map<number, number> | undefined;
    for (const word of queryWords) {
      const best = new Map<number, number>();
      for (const [term, quality] of this.expand(word)) {
        const p = this.built.postings.get(term) as Posting;
        // Description words match only exactly.
        for (let k = 0; k < p.ids.length; k++) {
          const field = p.fields[k] as number;
          if (quality !== Q.exact && field === F.description) continue;
          const weight = FIELD_WEIGHTS[field] as number;
          const id = p.ids[k] as number;
          if (total && !total.has(id)) continue;
          const s = weight * quality;
          if ((best.get(id) ?? 0) < s) best.set(id, s);
        }
      }
      if (total) for (const [id, s] of best) best.set(id, s + (total.get(id) as number));
      total = best;
      if (total.size === 0) break;
    }
    return total;
  }

  private isOpen(id: number, now: Date): boolean {
    const minute = Math.floor(now.getTime() / 60_000);
    if (!this.openCache || this.openCache.minute !== minute) this.openCache = { minute, open: new Map() };
    let open = this.openCache.open.get(id);
    if (open === undefined) {
      const r = this.resources[id];
      open = r ? isRecordOpenAt(r, now, this.timeZone) : false;
      this.openCache.open.set(id, open);
    }
    return open;
  }

  private passes(r: Resource, id: number, f: SearchFilters, now: Date): boolean {
    if (f.language) {
      const lang = f.language.toLowerCase();
      if (!r.languages?.some((l) => l.toLowerCase() === lang || l.toLowerCase().startsWith(`${lang}-`))) return false;
    }
    if (f.population && r.populations && !r.populations.includes(f.population)) return false;
    if (f.free && !r.cost?.free) return false;
    if (f.delivery) {
      const d = r.delivery ?? 'in-person';
      if (d !== 'both' && d !== f.delivery) return false;
    }
    if (f.openNow && !this.isOpen(id, now)) return false;
    return true;
  }

  /**
   * How far the nearest record with a location is from `point`, in km: undefined when none has
   * one, or before {@link loadNearest} has loaded the nearest-first index.
   */
  nearestKm(point: LatLon): number | undefined {
    return Nearest ? this.nearest.around(point, { limit: 1 })[0]?.km : undefined;
  }

  /** Search. `now` is the moment "open now" is judged at. */
  search(query: string, filters: SearchFilters = {}, now: Date = new Date()): SearchResult {
    const scores = this.textScores(query);
    let order: number[];
    if (scores) order = this.rank(query, scores);
    else order = this.byName;

    let km: Map<number, number> | undefined;
    if (filters.near) {
      km = new Map();
      const around = this.nearest.around(filters.near.point, filters.near.maxKm === undefined ? {} : { maxKm: filters.near.maxKm });
      for (const { item, km: d } of around) km.set(item, d);
      const candidates = scores ? new Set(order) : undefined;
      // Nearest first; then services with no place that serve the whole state (statewide, online).
      const near = around.map((a) => a.item).filter((id) => !candidates || candidates.has(id));
      const online = this.nearest.withoutLocation.filter((id) => (!candidates || candidates.has(id)) && servesWholeState(this.resources[id]));
      const onlineSet = new Set(online);
      order = [...near, ...(scores ? order.filter((id) => onlineSet.has(id)) : online)];
    }

    const { names, codes, starts } = this.categoryCodes;
    const counts = new Int32Array(names.length);
    const wanted = filters.categories?.length ? new Set(filters.categories) : undefined;
    const wantedCode = wanted ? Uint8Array.from(names, (c) => (wanted.has(c) ? 1 : 0)) : undefined;
    const filtered = Boolean(filters.language || filters.population || filters.free || filters.delivery || filters.openNow);
    const hits: SearchHit[] = [];
    // A place marked closed or moved is still found (its card says so), after every open one.
    const gone: SearchHit[] = [];
    for (const id of order) {
      const r = this.resources[id] as Resource;
      if (filtered && !this.passes(r, id, filters, now)) continue;
      // Counted under each of its categories (the counts beside the category filters), then
      // kept if it is in one of the categories asked for.
      let keep = !wantedCode;
      for (let k = starts[id] as number, end = starts[id + 1] as number; k < end; k++) {
        const c = codes[k] as number;
        counts[c] = (counts[c] as number) + 1;
        if (!keep && wantedCode?.[c]) keep = true;
      }
      if (!keep) continue;
      const hit: SearchHit = { resource: r, score: scores?.get(id) ?? 0 };
      const d = km?.get(id);
      if (d !== undefined) hit.km = d;
      (isNotOperating(r) ? gone : hits).push(hit);
    }
    for (const hit of gone) hits.push(hit);
    const categoryCounts = new Map<Category, number>();
    names.forEach((c, k) => {
      if (counts[k]) categoryCounts.set(c, counts[k] as number);
    });
    return { hits, categoryCounts, crisis: isCrisisQuery(query) };
  }

  /** Order the candidates: our word score, then (once loaded) fuse.js over the short fields of the best ones. */
  private rank(query: string, scores: Map<number, number>): number[] {
    const ids = orderByScore(scores);
    const top = ids.slice(0, RERANK);
    const fuseScore = new Map<number, number>();
    if (rerank) {
      const docs = this.built.docs;
      const found = rerank(top.map((id) => docs[id] as ShortDoc), normalize(query).slice(0, 32));
      for (const [i, score] of found) fuseScore.set(top[i] as number, score);
    }
    const best = scores.get(ids[0] as number) as number;
    const final = (id: number) => (scores.get(id) as number) / best - 0.35 * (fuseScore.get(id) ?? 1);
    const ranked = top.sort((a, b) => final(b) - final(a) || a - b);
    return ranked.concat(ids.slice(RERANK));
  }
}
