#!/usr/bin/env node
// Set-up that `npm start` and `npm test` run first, so a fresh clone needs no other step:
//  - installs dependencies when node_modules is missing or older than package-lock.json;
//  - with --browser: finds Chromium (CHROME_PATH, /usr/bin/chromium, chromium-browser,
//    google-chrome) or, on Debian as root, installs Debian's `chromium` package; otherwise
//    stops with a message saying how to get one. Test tools cannot download a browser here.
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { findChromium, which } from './find-chrome.mjs';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });

function depsFresh() {
  const marker = 'node_modules/.package-lock.json';
  if (!existsSync(marker)) return false;
  return !existsSync('package-lock.json') || statSync(marker).mtimeMs >= statSync('package-lock.json').mtimeMs - 1000;
}

if (!depsFresh()) {
  console.log('recovery-finder: installing dependencies (npm ci)…');
  run('npm ci --no-audit --no-fund');
}

if (process.argv.includes('--browser')) {
  let chrome = findChromium();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!chrome && isRoot && which('apt-get')) {
    console.log("recovery-finder: installing Debian's chromium package for the browser tests…");
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium');
    chrome = findChromium();
  }
  if (!chrome) {
    console.error(
      'recovery-finder: the tests need Chromium and none was found.\n' +
        '  Debian/Ubuntu: sudo apt-get install chromium\n' +
        '  Or point CHROME_PATH at a Chrome or Chromium binary: CHROME_PATH=/path/to/chrome npm test',
    );
    process.exit(1);
  }
  if (chrome !== '/usr/bin/chromium' && !process.env.CHROME_PATH) {
    console.log(`recovery-finder: using ${chrome} (set CHROME_PATH to choose another)`);
  }
}
