/** Shared by the CLI tests: paths, and running the BUILT bundles as child processes. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const cli = join(root, 'dist/cli.js');
export const buildData = join(root, 'dist/build-data.js');
export const fixture = (name) => join(root, 'test/fixtures', name);
export const dataFile = (name) => join(root, 'data', name);

/** Run a built script with node from the repository root; returns { status, stdout, stderr }. */
export function run(script, args = [], options = {}) {
  if (!existsSync(script)) {
    throw new Error(`${script} is missing: build it first with "npx vite build --mode cli"`);
  }
  return spawnSync(process.execPath, [script, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
}

/** Non-empty output lines. */
export const lines = (text) => text.split('\n').filter((line) => line.trim() !== '');
