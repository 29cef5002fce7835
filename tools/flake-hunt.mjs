#!/usr/bin/env node
// Runs the browser test suite several times in a row to look for flaky tests, idle and with
// another process keeping one core busy (started here and stopped by its process id).
//
//   npm run test:flakes                       5 idle runs, then 5 with a busy core
//   npm run test:flakes -- --idle 3 --busy 0  only 3 idle runs
//   npm run test:flakes -- --files test/components/prsc-map.test.ts
//
// Prints one line per run and a summary; exits 1 if any run failed.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { values } = parseArgs({
  options: {
    idle: { type: 'string', default: '5' },
    busy: { type: 'string', default: '5' },
    files: { type: 'string', multiple: true, default: [] },
  },
});

function runSuite() {
  return new Promise((resolve) => {
    const child = spawn('npx', ['web-test-runner', ...values.files], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      const counts = [...out.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
      const failures = [...out.matchAll(/^\s*❌ (.+)$/gm)].map((m) => m[1].trim());
      resolve({ code, passed: Number(counts?.[1] ?? 0), failed: Number(counts?.[2] ?? 0), failures, out });
    });
  });
}

/** A process that keeps one core busy until it is killed. */
function startBusyCore() {
  return spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
}

const plan = [
  ...Array.from({ length: Number(values.idle) }, () => 'idle'),
  ...Array.from({ length: Number(values.busy) }, () => 'busy'),
];
const results = [];
for (const [i, mode] of plan.entries()) {
  const busy = mode === 'busy' ? startBusyCore() : undefined;
  const started = Date.now();
  const r = await runSuite();
  if (busy) busy.kill('SIGKILL');
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const ok = r.code === 0 && r.failed === 0 && r.passed > 0;
  results.push({ mode, ok, ...r });
  console.log(
    `run ${i + 1}/${plan.length} (${mode}${busy ? `, busy pid ${busy.pid}` : ''}): ${r.passed} passed, ${r.failed} failed, exit ${r.code}, ${seconds} s`,
  );
  for (const f of r.failures) console.log(`    ❌ ${f}`);
  if (!ok) {
    // The whole output of a failed run, to find the file and the test.
    const log = join(tmpdir(), `recovery-flake-run-${i + 1}-${process.pid}.log`);
    writeFileSync(log, r.out);
    const files = [...r.out.matchAll(/^(test\/\S+\.test\.ts):$/gm)].map((m) => m[1]);
    const failedIn = r.out.split(/^(?=test\/\S+\.test\.ts:$)/m).filter((part) => /❌/.test(part)).map((part) => part.split(':')[0]);
    console.log(`    in ${failedIn.join(', ') || '(no file named)'}; the whole output: ${log} (${files.length} files reported)`);
    if (r.failures.length === 0) console.log(r.out.split('\n').slice(-40).join('\n'));
  }
}
const bad = results.filter((r) => !r.ok).length;
console.log(`\n${results.length - bad} of ${results.length} runs passed`);
process.exit(bad ? 1 : 0);
