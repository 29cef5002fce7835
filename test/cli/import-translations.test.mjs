// Issue #23: a spreadsheet carries translations as COLUMN@TAG columns (description@es); a bad
// translation is reported and left out, and its row kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, fixture, lines, run } from './helpers.mjs';

test('import reads COLUMN@TAG columns into translations, and reports a bad tag without losing the row', () => {
  const result = run(cli, ['import', fixture('import-translations.csv')]);
  const dataset = JSON.parse(result.stdout);
  const [box, line] = dataset.resources;
  assert.equal(dataset.resources.length, 2);
  assert.deepEqual(box.translations, {
    es: { description: 'Un buzón en el vestíbulo.', hours_text: 'Entre semana', restrictions: 'Solo pastillas.' },
    ar: { description: 'صندوق إيداع في الردهة.' },
    'pt-BR': { region: 'Boston (pt)' },
  });
  assert.equal(box.description, 'A drop box in the lobby.');
  assert.equal(line.translations, undefined);
  const problems = lines(result.stderr);
  assert.ok(problems.some((l) => /row 2, column \*@zz-: must be a language code.*translation is left out/.test(l)), result.stderr);
  assert.ok(!problems.some((l) => /not a known column/.test(l)), result.stderr);
  assert.equal(result.status, 1);
});

test('validate keeps a record whose translation is bad, and says the translation was left out', () => {
  const result = run(cli, ['validate', fixture('translated.json')]);
  const said = lines(result.stderr);
  assert.ok(said.some((l) => /record "tr-service" \(#0\) translations\.fr\.description: must not be empty \(this translation is left out\)/.test(l)), result.stderr);
  assert.ok(said.some((l) => /translated\.json: 3 records, 0 invalid; 2 translations left out$/.test(l)), result.stderr);
  assert.equal(result.status, 1);
});

test('import reads the source\'s own words the library labels (accepts_text, not_accepted_text, location_detail, eligibility), and their translations (#23)', () => {
  const result = run(cli, ['import', fixture('import-labelled.csv')]);
  const [box, ...rest] = JSON.parse(result.stdout).resources;
  assert.deepEqual(
    [box.disposal, box.location_detail, box.eligibility, box.translations],
    [
      { accepts: ['pills'], accepts_text: 'Pills, capsules, patches', not_accepted_text: 'Needles' },
      'Lobby of the police station',
      'Boston residents only',
      { es: { location_detail: 'Vestíbulo de la comisaría' } },
    ],
  );
  assert.equal(rest.length, 0);
  assert.ok(lines(result.stderr).some((l) => /row 3, column accepts: is needed when accepts_text is given/.test(l)), result.stderr);
  assert.ok(!lines(result.stderr).some((l) => /not a known column/.test(l)), result.stderr);
});
