#!/usr/bin/env node
// Checks that every element (the registry, tools/elements.mjs) is wired up
// everywhere a list cannot be derived from the registry: package.json `exports` and
// `sideEffects`, src/index.ts, a demo page linked from the demo index and a test file. Prints what
// is missing; exit 1.
import { existsSync, readFileSync } from 'node:fs';
import { elementNames } from './elements.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const index = readFileSync('src/index.ts', 'utf8');
const demoIndex = readFileSync('demo/index.html', 'utf8');
const missing = [];
for (const name of elementNames()) {
  const want = [
    [pkg.exports?.[`./${name}`]?.default === `./dist/${name}.js`, `package.json exports["./${name}"] -> ./dist/${name}.js`],
    [pkg.sideEffects?.includes(`./dist/${name}.js`), `package.json sideEffects: ./dist/${name}.js`],
    [index.includes(`./components/${name}/${name}.js`), `src/index.ts: export from './components/${name}/${name}.js'`],
    [existsSync(`demo/${name}.html`), `demo/${name}.html`],
    [demoIndex.includes(`href="/demo/${name}.html"`), `demo/index.html: a link to /demo/${name}.html`],
    [existsSync(`test/components/${name}.test.ts`), `test/components/${name}.test.ts`],
  ];
  for (const [ok, what] of want) if (!ok) missing.push(`<recovery-${name}>: ${what}`);
}
if (missing.length) {
  console.error(`Elements not wired up (see CONTRIBUTING.md):\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
console.log(`package: ${elementNames().length} elements wired up in package.json, src/index.ts, demo/ and test/`);
