/**
 * The built command line (dist/cli.js, as npm users run it) for the server tests, and
 * `serve` started on a free port.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { root } from './fixture.mjs';

export const cli = join(root, 'dist/cli.js');

/**
 * Start `serve ARGS` on a free port; resolves once it says where it listens, with its base URL
 * and what it has written so far; rejects with its stderr when it exits first.
 * @param {string[]} args
 */
export async function serve(args) {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stdout.on('data', (c) => (stdout += c));
  const base = await new Promise((resolve, reject) => {
    child.stderr.on('data', (c) => {
      stderr += c;
      const m = /listening on (http:\/\/[^/\s]+)\//.exec(stderr);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { child, base, output: () => ({ stdout, stderr }) };
}
