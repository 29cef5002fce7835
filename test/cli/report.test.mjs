/** `recovery-finder report`: status and age, oldest sources, missing facts, and the call list CSV. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { cli, run } from './helpers.mjs';

function withTempDir(fn) {
  const dir = mkdtempSync(join(tmpdir(), 'recovery-report-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const provenance = (extra) => ({ source: 'Test source', status: 'unverified', ...extra });
const DATASET = {
  schema_version: '1.0',
  generated_at: '2026-11-01T00:00:00Z',
  title: 'Report test',
  time_zone: 'America/New_York',
  sources: [],
  help: { contacts: [] },
  resources: [
    {
      id: 'fresh-verified', kind: 'service', name: 'Fresh', categories: ['peer-support'],
      address: { address_1: '1 Main St', city: 'Boston', state_province: 'MA', postal_code: '02118' },
      phones: [{ number: '617-555-0100' }], schedule: { always_open: true },
      provenance: provenance({ status: 'verified', last_verified: '2026-10-01', verified_by: '311 operator', source_date: '2026-01-01' }),
    },
    {
      id: 'old-flagged', kind: 'disposal', name: '=HYPERLINK("http://evil.example","click")', categories: ['disposal'],
      disposal: { accepts: ['pills'] },
      provenance: provenance({ status: 'needs-verification', source_date: '2014-10-22', source_url: 'https://example.org/old' }),
    },
    {
      id: 'closed-one', kind: 'service', name: 'Closed place', categories: ['outreach'], operating_status: 'closed',
      address: { address_1: '2 Main St', city: 'Boston', state_province: 'MA' },
      phones: [{ number: '+1 617-555-0101' }],
      provenance: provenance({ source_date: '2026-06-01' }),
    },
  ],
};

test('report prints status by age, the oldest sources and missing facts, and writes a call list', () =>
  withTempDir((dir) => {
    const file = join(dir, 'data.json');
    writeFileSync(file, JSON.stringify(DATASET));
    const result = run(cli, ['report', file, '--today', '2026-11-27']);
    assert.equal(result.status, 0, result.stderr);
    const out = result.stdout;
    assert.match(out, /verified\s+1\s+0\s+0\s+0\s+0\s+1/);
    assert.match(out, /needs-verification\s+0\s+0\s+0\s+1\s+0\s+1/);
    assert.match(out, /older than the limit: 1; marked closed, moved or temporarily closed: 1/);
    assert.match(out, /Oldest sources:\n {2}2014-10-22 {2}1 record {2}Test source {2}https:\/\/example\.org\/old/);
    assert.match(out, /phone: 1\n {2}hours: 2\n {2}street address: 1\n {2}ZIP code: 1/);
    assert.match(out, /Call list: 2 records/);
    const csvPath = join(dir, 'data-call-list.csv');
    assert.match(out, new RegExp(`Call list written to ${csvPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const csv = readFileSync(csvPath, 'utf8');
    const rows = Papa.parse(csv, { header: true, skipEmptyLines: true }).data;
    assert.deepEqual(rows.map((r) => r.id), ['old-flagged', 'closed-one'], 'oldest first; the fresh verified record is not on it');
    assert.equal(rows[0].name, `'=HYPERLINK("http://evil.example","click")`, 'a formula is neutralised');
    assert.equal(rows[1].phones, "'+1 617-555-0101", 'a leading + is neutralised too');
    assert.match(rows[0].why, /flagged: needs verification; older than 730 days; missing phone, hours, street address/);
    assert.match(rows[1].why, /marked closed/);
    for (const column of ['new_last_verified', 'new_verified_by', 'new_status', 'call_notes']) assert.ok(column in rows[0], column);
  }));

test('report --out writes the CSV where asked; a missing file is exit 2', () =>
  withTempDir((dir) => {
    const file = join(dir, 'data.json');
    writeFileSync(file, JSON.stringify(DATASET));
    const out = join(dir, 'calls.csv');
    const result = run(cli, ['report', file, '--out', out, '--today', '2026-11-27', '--stale-after-days', '10000']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /older than the limit: 0/);
    assert.match(readFileSync(out, 'utf8'), /^id,name,kind,/);
    assert.equal(run(cli, ['report', join(dir, 'none.json')]).status, 2);
  }));
