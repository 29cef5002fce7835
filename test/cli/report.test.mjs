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

// Issue #22: what to settle on each call, undated records first, and past events.
const TRUTH = {
  ...DATASET,
  resources: [
    {
      id: 'old-kiosk', kind: 'disposal', name: 'Old kiosk', categories: ['disposal'],
      address: { address_1: '1 Main St', city: 'Boston', state_province: 'MA', postal_code: '02118' },
      phones: [{ number: '617-555-0100' }],
      schedule: { always_open: true, description: 'In the lobby' },
      disposal: { accepts: ['pills', 'patches'] },
      provenance: provenance({ source_date: '2014-10-22', note: 'Two pages disagree on the hours.', editor_note: 'Second page: https://example.org/b (2012).' }),
    },
    {
      id: 'undated-centre', kind: 'service', name: 'Undated centre', categories: ['peer-support'],
      address: { address_1: '3 Main St', city: 'Worcester', state_province: 'MA', postal_code: '01609' },
      phones: [{ number: '508-555-0100' }],
      schedule: { weekly: [{ byday: ['MO', 'TU'], opens_at: '09:00', closes_at: '17:00' }] },
      provenance: provenance({}),
    },
    {
      id: 'past-event', kind: 'event', name: 'Take-back day', categories: ['disposal'],
      address: { address_1: '4 Main St', city: 'Boston', state_province: 'MA', postal_code: '02118' },
      phones: [{ number: '617-555-0102' }],
      event: { starts_at: '2026-10-25T10:00:00-04:00', ends_at: '2026-10-25T14:00:00-04:00' },
      disposal: { accepts: ['pills'] },
      provenance: provenance({ source_date: '2026-09-01' }),
    },
  ],
};

test('report puts undated records first, flags past events, and gives notes, hours, accepted items and ZIP', () =>
  withTempDir((dir) => {
    const file = join(dir, 'data.json');
    writeFileSync(file, JSON.stringify(TRUTH));
    const result = run(cli, ['report', file, '--today', '2026-11-27']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Past events: 1 \(past-event\)/);
    assert.match(result.stdout, /Call list: 3 records \(undated first, then oldest first\)/);
    const rows = Papa.parse(readFileSync(join(dir, 'data-call-list.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    assert.deepEqual(rows.map((r) => r.id), ['undated-centre', 'old-kiosk', 'past-event']);
    assert.match(rows[0].why, /undated: no source date, never verified/);
    assert.match(rows[2].why, /event ended: remove it or give its next date/);
    // The editors' own note comes with what residents are told: it is what the caller settles.
    assert.equal(rows[1].notes_to_settle, 'Two pages disagree on the hours. | Second page: https://example.org/b (2012).');
    assert.equal(rows[1].hours, '24/7; In the lobby');
    assert.equal(rows[0].hours, 'MO,TU 09:00-17:00');
    assert.equal(rows[1].accepts, 'pills, patches');
    assert.equal(rows[0].accepts, '');
    assert.equal(rows[0].zip, '01609');
    assert.equal(rows[1].zip, '02118');
  }));

test('validate warns about an event whose date has passed, and about none before it', () =>
  withTempDir((dir) => {
    const file = join(dir, 'data.json');
    writeFileSync(file, JSON.stringify(TRUTH));
    const result = run(cli, ['validate', file, '--today', '2026-11-27', '--stale-after-days', '36500']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /warning: record "past-event": event ended \(2026-10-25T14:00:00-04:00\): remove it or give its next date/);
    const before = run(cli, ['validate', file, '--today', '2026-10-01', '--stale-after-days', '36500']);
    assert.equal(before.status, 0, before.stderr);
    assert.doesNotMatch(before.stderr, /event ended/);
  }));
