import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { JsonRecords, RecordScanner, parseJsonInSteps } from '../../src/core/json-slices.js';
import { runInSlices, runWhole, stepBudget } from '../../src/core/slices.js';

/** A document large enough to be parsed in steps (over 256 KB), with awkward strings in it. */
function bigDoc(records: number): Record<string, unknown> {
  const resources: unknown[] = [];
  for (let i = 0; i < records; i++) {
    resources.push({
      id: `r-${i}`,
      name: `Place "${i}" \\ {with} [brackets], "resources": [1]`,
      description: 'Line\none, tab\t, unicode \u00e9\u4e2d, escaped \\" quote and a } brace '.repeat(3),
      nested: { list: [1, 2, { deep: [null, true, false, -1.5e3] }], empty: {}, none: [] },
    });
  }
  return { schema_version: '1.0.0', note: 'resources', resources, help: { contacts: [] }, after: [{ x: '[' }] };
}

describe('parseJsonInSteps', () => {
  it('gives what JSON.parse gives, in many steps for a large document', async () => {
    const doc = bigDoc(1500);
    const text = JSON.stringify(doc, null, 1);
    expect(text.length).to.be.greaterThan(300_000);
    let pauses = 0;
    const value = await runInSlices(parseJsonInSteps(text), { budget: stepBudget(1), pause: async () => void pauses++ });
    expect(value).to.deep.equal(JSON.parse(text));
    // One pause per record at least: no single step parses the whole array.
    expect(pauses).to.be.greaterThan(1500);
  });

  it('lazy: the records kept as text, each parsed when read (a new value each time), only the objects by objects()', () => {
    const doc = bigDoc(1500);
    (doc.resources as unknown[]).splice(3, 0, 7, 'eight, "8"', null, [9, { ten: 10 }], true);
    const text = JSON.stringify(doc, null, 1);
    const value = runWhole(parseJsonInSteps(text, undefined, undefined, 'resources', true)) as Record<string, unknown>;
    const records = value['resources'];
    expect(records).to.be.instanceOf(JsonRecords);
    const lazy = records as JsonRecords;
    const whole = JSON.parse(text) as { resources: unknown[] };
    expect({ ...value, resources: Array.from({ length: lazy.length }, (_, k) => lazy.at(k)) }).to.deep.equal(whole);
    expect(lazy.at(lazy.length)).to.equal(undefined);
    expect(lazy.at(0), 'parsed again on each read').not.to.equal(lazy.at(0));
    const objects = lazy.objects();
    expect(Array.from({ length: objects.length }, (_, k) => objects.at(k))).to.deep.equal(whole.resources.filter((r) => typeof r === 'object' && r !== null && !Array.isArray(r)));
    // A broken record is still JSON.parse's error, found before any record is read.
    expect(() => runWhole(parseJsonInSteps(text.replace('"id": "r-700"', '"id": r-700'), undefined, undefined, 'resources', true))).to.throw(SyntaxError);
    // A small document is parsed whole: its array stays an array.
    expect(runWhole(parseJsonInSteps(JSON.stringify({ resources: [1, 2] }), undefined, undefined, 'resources', true))).to.deep.equal({ resources: [1, 2] });
  });

  it('parses the pieces a large document came in, never joined, to what JSON.parse gives (a record cut across pieces too)', () => {
    const doc = bigDoc(1500);
    const text = JSON.stringify(doc, null, 1);
    // Pieces of every size, from a character to 100,000, so records and strings are cut anywhere.
    const cut = (whole: string) => {
      const pieces: string[] = [];
      for (let i = 0, k = 0; i < whole.length; k++) {
        const size = [1, 7, 4096, 65_536, 100_000][k % 5] as number;
        pieces.push(whole.slice(i, i + size));
        i += size;
      }
      return pieces;
    };
    const pieces = cut(text);
    expect(pieces.length).to.be.greaterThan(10);
    expect(runWhole(parseJsonInSteps(pieces))).to.deep.equal(doc);
    const lazy = (runWhole(parseJsonInSteps(pieces, undefined, undefined, 'resources', true)) as { resources: JsonRecords }).resources;
    expect(Array.from({ length: lazy.length }, (_, k) => lazy.at(k))).to.deep.equal(doc.resources);
    // Broken, or odd (a second resources key), the pieces are JSON.parse's whole.
    expect(() => runWhole(parseJsonInSteps(cut(text.replace('"id": "r-700"', '"id": r-700'))))).to.throw(SyntaxError);
    expect(() => runWhole(parseJsonInSteps([...pieces, ',']))).to.throw(SyntaxError);
    const odd = [`{"resources":[1],"resources":[2],"pad":"${'x'.repeat(150_000)}`, `${'y'.repeat(150_000)}"}`];
    expect(runWhole(parseJsonInSteps(odd))).to.deep.equal(JSON.parse(odd.join('')));
  });

  it('records that are not objects, and a compact document', () => {
    const doc = { resources: [1, 'two, "2"', null, [3, [4]], { five: 5 }, true], pad: 'x'.repeat(300_000) };
    const text = JSON.stringify(doc);
    expect(runWhole(parseJsonInSteps(text))).to.deep.equal(doc);
  });

  it('throws as JSON.parse does on broken text, and leaves odd documents to it', () => {
    const good = JSON.stringify(bigDoc(1200));
    for (const bad of [good.slice(0, -1), `${good}x`, good.replace('"id":"r-7"', '"id":r-7'), good.replace('"id":"r-7"', '"id":"r-7",')]) {
      let mine: unknown;
      let theirs: unknown;
      try {
        runWhole(parseJsonInSteps(bad));
      } catch (e) {
        mine = e;
      }
      try {
        JSON.parse(bad);
      } catch (e) {
        theirs = e;
      }
      expect(theirs, 'JSON.parse throws').to.be.instanceOf(SyntaxError);
      expect(mine).to.be.instanceOf(SyntaxError);
    }
    for (const odd of [`[${good}]`, `{"resources":[1],"resources":[2],"pad":"${'x'.repeat(300_000)}"}`, `{"resources":{"a":[1]},"pad":"${'x'.repeat(300_000)}"}`]) {
      expect(runWhole(parseJsonInSteps(odd))).to.deep.equal(JSON.parse(odd));
    }
  });

  it('tells the first records once, as soon as they are parsed, and waits for what it is told to', async () => {
    const doc = bigDoc(1500);
    const text = JSON.stringify(doc);
    const heads: Array<{ head: Record<string, unknown>; total: number | undefined }> = [];
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const parsing = runInSlices(
      parseJsonInSteps(text, {
        records: 40,
        take: (head, total) => {
          heads.push({ head, total });
          return gate;
        },
      }),
      { budget: stepBudget(100_000) },
    );
    let done = false;
    void parsing.then(() => (done = true));
    // The first slice runs at once, and a slice of 100,000 steps would parse everything; the
    // head's promise ends it after 40 records.
    expect(heads.length).to.equal(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(done, 'the parse waits for the promise the head returned').to.equal(false);
    release();
    const value = await parsing;
    expect(value).to.deep.equal(JSON.parse(text));
    const { head, total } = heads[0] as { head: Record<string, unknown>; total: number | undefined };
    expect(total).to.equal(1500);
    expect(head).to.deep.equal({ ...JSON.parse(text), resources: (JSON.parse(text) as { resources: unknown[] }).resources.slice(0, 40) });
  });

  it('no head for a document with no more records than the head', () => {
    const text = JSON.stringify(bigDoc(1200));
    let told = 0;
    const value = runWhole(parseJsonInSteps(text, { records: 1200, take: () => void told++ }));
    expect(told).to.equal(0);
    expect(value).to.deep.equal(JSON.parse(text));
  });

  /**
   * Read `text` in the pieces cut at `cuts`, then parse it with what the scanner found: once
   * given the whole text, once the pieces themselves (never joined); both must agree.
   */
  function inPieces(text: string, cuts: number[], scanner = new RecordScanner()): unknown {
    const at = [0, ...[...new Set(cuts.map((c) => Math.min(text.length, Math.max(0, c))))].sort((a, b) => a - b), text.length];
    const pieces: string[] = [];
    for (let k = 0; k + 1 < at.length; k++) pieces.push(text.slice(at[k], at[k + 1]));
    for (const piece of pieces) scanner.push(piece);
    const parse = (body: string | string[]) => {
      try {
        return { value: runWhole(parseJsonInSteps(body, undefined, scanner)) };
      } catch (error) {
        return { error };
      }
    };
    const whole = parse(text);
    const cut = parse(pieces);
    expect(cut.error === undefined, `the pieces ${JSON.stringify(pieces)} are read as the whole text is`).to.equal(whole.error === undefined);
    if (whole.error) throw whole.error;
    expect(cut.value).to.deep.equal(whole.value);
    return whole.value;
  }

  it('reads a document arriving in pieces cut anywhere (inside strings, escapes, between backslashes) as JSON.parse does', () => {
    // Strings full of what the scanner looks for: quotes, backslashes, brackets, "resources".
    const awkward = fc.stringMatching(/^[a-z"\\[\]{},: resourc\u00e9\u4e2d\n]{0,12}$/);
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, awkward, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(awkward, tie('v'), { maxKeys: 3 })),
    })).v;
    const doc = fc.record({ before: value, resources: fc.array(value, { maxLength: 8 }), after: value });
    fc.assert(
      fc.property(doc, fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), (d, cuts, pretty) => {
        const text = JSON.stringify(d, null, pretty ? 1 : undefined);
        expect(inPieces(text, cuts.map((c) => c % (text.length + 1)))).to.deep.equal(JSON.parse(text));
      }),
      { numRuns: 400 },
    );
    // Every cut of a string ending in escaped backslashes and quotes.
    const text = JSON.stringify({ a: 'x\\', resources: ['\\"', { k: 'end\\\\' }, 'q"\\'], z: '\\' });
    for (let c = 0; c <= text.length; c++) expect(inPieces(text, [c]), `cut at ${c}`).to.deep.equal(JSON.parse(text));
  });

  it('a document read as it arrives: no head while it arrives, the head once every record has parsed', async () => {
    const records = Array.from({ length: 100 }, (_, i) => ({ id: `r-${i}`, name: `Place ${i} "quoted" \\ }` }));
    const doc = { schema_version: '1.0.0', time_zone: 'America/New_York', resources: records, help: { contacts: [] } };
    const text = JSON.stringify(doc);
    const heads: Array<{ head: Record<string, unknown>; total: number }> = [];
    const scanner = new RecordScanner();
    for (let i = 0; i < text.length; i += 7) scanner.push(text.slice(i, i + 7));
    const value = await runInSlices(parseJsonInSteps(text, { records: 10, take: (head, total) => void heads.push({ head, total }) }, scanner), { budget: stepBudget(1), pause: async () => {} });
    expect(value).to.deep.equal(doc);
    expect(heads.length, 'told once').to.equal(1);
    expect(heads[0]?.total).to.equal(100);
    expect(heads[0]?.head).to.deep.equal({ ...doc, resources: records.slice(0, 10) });
  });

  it('a later duplicate resources key, however spelt: no head, and JSON.parse\'s answer', () => {
    const records = Array.from({ length: 30 }, (_, i) => ({ id: `r-${i}` }));
    for (const later of ['"resources":[{"id":"other"}]', '"resourc\\u0065s":[]', '"resources":null', '"\\u0072esources":{"a":[1]}']) {
      const text = `{"time_zone":"UTC","help":{},"resources":${JSON.stringify(records)},${later}}`;
      let told = 0;
      const scanner = new RecordScanner();
      for (let i = 0; i < text.length; i += 5) scanner.push(text.slice(i, i + 5));
      expect(runWhole(parseJsonInSteps(text, { records: 10, take: () => void told++ }, scanner)), later).to.deep.equal(JSON.parse(text));
      expect(told, later).to.equal(0);
    }
  });

  it('no head for a document with fewer than twice its records', () => {
    const text = JSON.stringify({ time_zone: 'UTC', help: {}, resources: Array.from({ length: 19 }, (_, i) => i) });
    let told = 0;
    const scanner = new RecordScanner();
    scanner.push(text);
    expect(runWhole(parseJsonInSteps(text, { records: 10, take: () => void told++ }, scanner))).to.deep.equal(JSON.parse(text));
    expect(told).to.equal(0);
  });

  /** JSON.parse's verdict and the stepped parser's (read in the pieces cut at `cuts`) agree. */
  function agrees(text: string, cuts: number[]): void {
    let theirs: unknown;
    let theirsThrew = false;
    try {
      theirs = JSON.parse(text);
    } catch {
      theirsThrew = true;
    }
    let mine: unknown;
    let mineError: unknown;
    try {
      mine = inPieces(text, cuts);
    } catch (e) {
      mineError = e;
    }
    const where = `${JSON.stringify(text)} cut at ${cuts.join(',')}`;
    if (theirsThrew) expect(mineError, `rejects ${where}`).to.be.instanceOf(SyntaxError);
    else {
      expect(mineError, `accepts ${where}`).to.equal(undefined);
      expect(mine, where).to.deep.equal(theirs);
    }
  }

  /** A dataset-shaped document, with text of one's own before, in and after its records. */
  const dataset = (records: string[], before = '', after = '') => `{"time_zone":"UTC"${before},"resources":[${records.join(',')}]${after},"help":{"contacts":[]}}`;
  const r = (i: number) => `{"id":"r-${i}","n":[${i},"x"]}`;

  /** Each class of invalid JSON, placed in a record, between records, and around the array. */
  const invalid: Record<string, string[]> = {
    'trailing comma in array': [`{"resources":[${r(1)},${r(2)},]}`, dataset([r(1), r(2), '']), dataset([r(1), '{"n":[1,2,]}']), dataset([r(1)], ',"a":[1,]')],
    'trailing comma in object': [dataset([r(1), '{"id":"x",}']), dataset([r(1)], ',"a":{"b":1,}'), `{"resources":[${r(1)}],}`],
    'missing comma }{': [dataset([`${r(1)}${r(2)}`, r(3)]), dataset([`${r(1)} ${r(2)}`]), dataset([r(1), '{"a":{"b":1}{"c":2}}'])],
    'missing comma ][': [dataset(['[1][2]', r(1)]), dataset([r(1), '[1]\n[2]'])],
    'missing comma between values': [dataset(['1 2', r(1)]), dataset(['"a""b"']), dataset([`"a"${r(1)}`]), dataset([`${r(1)}"a"`]), dataset([`${r(1)}1`])],
    'unclosed string': [dataset([r(1), '{"id":"abc}']), dataset([r(1), '"abc']), '{"resources":[1,2,"abc]}'],
    'bad escape': [dataset([r(1), '{"id":"a\\xb"}']), dataset([r(1)], ',"a":"\\x"'), dataset(['"\\u12G4"', r(1)]), dataset(['"\\\'"'])],
    'lone -': [dataset([r(1), '-']), dataset([r(1), '{"n":-}']), dataset([r(1)], ',"a":-')],
    'leading zeros': [dataset([r(1), '01']), dataset([r(1), '{"n":-01}']), dataset([r(1)], ',"a":00')],
    'NaN and others': [dataset([r(1), 'NaN']), dataset([r(1), '{"n":Infinity}']), dataset([r(1), 'undefined']), dataset([r(1), 'tru'])],
    'single quotes': [dataset([r(1), "'a'"]), dataset([r(1), "{'id':'x'}"]), `{'resources':[${r(1)}]}`],
    comments: [dataset([r(1), '/* c */ 1']), dataset([`${r(1)} // c\n`, r(2)]), dataset([r(1)], '/* c */'), `${dataset([r(1)])}// end`],
    'control character in string': [dataset([r(1), '{"id":"a\u0001b"}']), dataset([r(1), '"tab\there"']), dataset([r(1)], ',"a":"\n"'), dataset(['"\u001f"'])],
    'control character between records': [dataset([r(1), `\u0001${r(2)}`]), dataset([`${r(1)}\u000b`, r(2)]), dataset([`\f${r(1)}`])],
    'extra data after the top-level value': [`${dataset([r(1), r(2)])}x`, `${dataset([r(1)])}{}`, `${dataset([r(1)])} 1`, `${dataset([r(1)])}]`],
    'unbalanced brackets': [dataset([r(1), '{"n":[1}']), dataset([r(1), '[{]}']), dataset([r(1), '{']), dataset([r(1), ']']), `{"resources":[${r(1)}`, `{"resources":[${r(1)}]`, `{"resources":[${r(1)}]}}`],
    'BOM in the middle': [dataset([r(1), `\ufeff${r(2)}`]), dataset([`${r(1)}\ufeff`]), dataset([r(1)], '\ufeff'), `\ufeff${dataset([r(1)])}`],
    'empty or odd arrays': ['{"resources":[,]}', '{"resources":[ , ]}', dataset([',', r(1)]), dataset([r(1), ',', r(2)])],
  };

  it('rejects every class of invalid JSON, cut at every point, exactly as JSON.parse does', () => {
    const tried: Record<string, number> = {};
    for (const [kind, texts] of Object.entries(invalid)) {
      tried[kind] = 0;
      for (const text of texts) {
        expect(() => JSON.parse(text), `JSON.parse rejects ${JSON.stringify(text)}`).to.throw(SyntaxError);
        for (let c = 0; c <= text.length; c++) {
          agrees(text, [c]);
          tried[kind]++;
        }
      }
    }
    console.log(`invalid JSON cases (class: documents x split points): ${JSON.stringify(tried)}`);
  });

  it('valid documents with duplicate keys at every level, cut at every point, give what JSON.parse gives', () => {
    const valid = [
      `{"resources":[${r(1)}],"resources":[${r(2)}]}`,
      `{"resources":[${r(1)}],"resources":null}`,
      `{"resources":null,"resources":[${r(1)}, ${r(2)}]}`,
      `{"resourc\\u0065s":[${r(1)}],"resources":[1]}`,
      `{"a":1,"resources":[{"id":"a","id":"b","n":{"k":1,"k":2}}],"a":2}`,
      `{"x":"resources","resources":[1, 2 ,3],"y":["resources"]}`,
      `{"resources":[],"r":[1,]}`.replace(',]', ']'),
      ` \t\n\r{ "resources" : [ 1 , "a" , null , true , [ ] , { } ] } \n`,
      `{"resources":[-0,1e5,-1.5E-3,"\\u00e9\\ud83d\\ude00","\\ud800"]}`,
    ];
    let tried = 0;
    for (const text of valid) for (let c = 0; c <= text.length; c++, tried++) agrees(text, [c]);
    console.log(`valid duplicate-key cases (documents x split points): ${tried}`);
  });

  it('property: any document with any one invalid piece put anywhere, in any pieces, agrees with JSON.parse', () => {
    const pieces = fc.constantFrom(',', '}{', '][', '"', '"\\x"', '-', '01', 'NaN', "'a'", '/**/', '\u0001', '\ufeff', ']', '}', '[', '{', ' ', '1', '"r"', 'resources', '"resources":[1],', ':');
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 4 }), fc.integer(), fc.constant(null), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'id', 'resources'), tie('v'), { maxKeys: 3 })),
    })).v;
    const doc = fc.record({ time_zone: fc.constant('UTC'), resources: fc.array(value, { maxLength: 5 }), after: value });
    let runs = 0;
    fc.assert(
      fc.property(doc, pieces, fc.nat(), fc.array(fc.nat(), { maxLength: 4 }), (d, piece, at, cuts) => {
        const valid = JSON.stringify(d);
        const p = at % (valid.length + 1);
        const text = `${valid.slice(0, p)}${piece}${valid.slice(p)}`;
        agrees(text, cuts.map((c) => c % (text.length + 1)));
        runs++;
      }),
      { numRuns: 3000 },
    );
    console.log(`random invalid-piece runs: ${runs}`);
  });
});
