/** A verification pass becomes data: the import takes last_verified, verified_by (a role) and status. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, run } from './helpers.mjs';

test('import reads last_verified, verified_by, status, operating_status and mailing_address', () => {
  const dir = mkdtempSync(join(tmpdir(), 'recovery-pass-'));
  try {
    const csv = join(dir, 'sheet.csv');
    writeFileSync(
      csv,
      [
        'name,categories,source,source_date,last_verified,verified_by,status,operating_status,mailing_address',
        'Checked place,peer-support,Phone call,2026-01-01,2026-11-20,311 operator,verified,,P.O. Box 1',
        'Gone place,outreach,Phone call,2026-01-01,2026-11-20,BPHC data editor,verified,closed,',
      ].join('\n'),
    );
    const out = join(dir, 'out.json');
    const result = run(cli, ['import', csv, '--out', out]);
    assert.equal(result.status, 0, result.stderr);
    const [checked, gone] = JSON.parse(readFileSync(out, 'utf8')).resources;
    assert.deepEqual(
      { ...checked.provenance },
      { source: 'Phone call', source_date: '2026-01-01', last_verified: '2026-11-20', verified_by: '311 operator', status: 'verified' },
    );
    assert.equal(checked.mailing_address, 'P.O. Box 1');
    assert.equal(gone.operating_status, 'closed');
    const strict = run(cli, ['validate', out, '--strict', '--today', '2026-11-27']);
    assert.equal(strict.status, 0, strict.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
