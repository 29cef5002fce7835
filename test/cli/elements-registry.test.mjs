// The element registry (tools/elements.mjs) is read from the element modules themselves, and
// every list of the elements that cannot read it (the README's table, the docs' enumerations)
// names every element: a sixth element written as
// CONTRIBUTING.md says is found from its module alone, and a list it is missing from fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { elementBaseClasses, elements, elementsModuleSource } from '../../tools/elements.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file) => readFileSync(join(root, file), 'utf8');

/** A copy of src/ with one more element module in it: the registry of that copy. */
function withSixth(source) {
  const dir = mkdtempSync(join(tmpdir(), 'registry-'));
  try {
    cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true });
    mkdirSync(join(dir, 'src/components/registry-probe'));
    writeFileSync(join(dir, 'src/components/registry-probe/registry-probe.ts'), source);
    return elements(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const EXAMPLE = (base, doc = ' * @title An example\n') => `import { LitElement, html } from 'lit';
import { RecoveryDatasetElement } from '../../kit/base/dataset-element.js';
import { define } from '../../kit/base/define.js';

/**
 * An example.
 *
 * @tag recovery-registry-probe
 * @summary An example.
${doc} */
export class RecoveryRegistryProbe extends ${base} {
  override render() {
    return html\`<p>example</p>\`;
  }
}
void LitElement;
void RecoveryDatasetElement;
define('recovery-registry-probe', RecoveryRegistryProbe);
`;

test('the registry reads each element from its module: tag, class, module, title, whether it reads data', () => {
  const found = elements();
  for (const e of found) {
    assert.ok(existsSync(join(root, e.module)), e.module);
    assert.match(read(e.module), new RegExp(`export class ${e.className}\\b`));
    assert.ok(e.title.length > 5, `${e.tag}: ${e.title}`);
    assert.ok(e.embedHeight >= 300, `${e.tag}: ${e.embedHeight}`);
  }
  // The elements there are today (a sixth adds itself), and which of them read a dataset.
  const reads = Object.fromEntries(found.map((e) => [e.name, e.readsData]));
  assert.deepEqual(
    { search: reads['resource-search'], map: reads['prsc-map'], disposal: reads['disposal-locator'], list: reads['my-list'], newsletter: reads['newsletter-signup'] },
    { search: true, map: true, disposal: true, list: true, newsletter: false },
  );
  for (const base of ['LitElement', 'RecoveryDatasetElement']) assert.ok(elementBaseClasses().includes(base), base);
});

test('a sixth element is found from its module alone, with what each reader needs', () => {
  const plain = withSixth(EXAMPLE('LitElement', ' * @title An example\n * @embed-height 640\n'));
  const example = plain.find((e) => e.tag === 'recovery-registry-probe');
  assert.deepEqual(
    { ...example, ancestors: undefined },
    { name: 'registry-probe', tag: 'recovery-registry-probe', className: 'RecoveryRegistryProbe', module: 'src/components/registry-probe/registry-probe.ts', title: 'An example', embedHeight: 640, readsData: false, ancestors: undefined },
  );
  assert.equal(plain.length, elements().length + 1);
  const source = elementsModuleSource(plain);
  assert.match(source, /"recovery-registry-probe": \(\) => import\("\/src\/components\/registry-probe\/registry-probe\.ts"\)/);
  assert.doesNotMatch(/datasetTags = (.*);/.exec(source)[1], /recovery-registry-probe/);

  const reading = withSixth(EXAMPLE('RecoveryDatasetElement<string[]>')).find((e) => e.tag === 'recovery-registry-probe');
  assert.equal(reading.readsData, true);
  assert.equal(reading.embedHeight, 900);
  assert.match(/datasetTags = (.*);/.exec(elementsModuleSource([reading]))[1], /recovery-registry-probe/);

  assert.throws(() => withSixth(EXAMPLE('LitElement', '')), /src\/components\/registry-probe\/registry-probe\.ts: <recovery-registry-probe> \(class RecoveryRegistryProbe\) has no @title/);
});

/** Files whose lines may name some of the elements and not all, and why. */
const SUBSETS = {
  'test/components/hostile.helpers.ts': 'the elements that list a dataset’s records as cards',
  'test/components/hostile-records.test.ts': 'the same',
  'test/demo/configure.test.ts': 'the elements that take `api`',
  'tools/measure-pages.mjs': 'the size check’s "all four" page, whose figures have a history in the README',
};
const TEXT = /\.(ts|mjs|js|html|md|txt|php|json)$/;
const SKIP = /^(test\/cli\/elements-registry\.test\.mjs$|xliff\/|data\/|bench\/results\/|custom-elements\.json$|docs\/api\.md$|package-lock\.json$|packages\/wordpress\/recovery-finder\/languages\/)/;

/**
 * The lists of elements in the repository that do not name every one of `names`: the README's
 * table, and every line naming three elements or more.
 */
function staleLists(names) {
  const stale = [];
  // A name, or its tag, as a word: not inside a longer name, nor a host name (`example.org`).
  const missing = (text) => names.filter((n) => !new RegExp(`(?<![\\w.-])(?:recovery-)?${n}(?![\\w-]|\\.[a-z])`).test(text));
  const table = /\| element \| what a person does with it \|\n\|[-|]+\|\n((?:\|.*\n)+)/.exec(read('README.md'))?.[1] ?? '';
  const rows = [...table.matchAll(/^\| `<recovery-([a-z0-9-]+)>` \|/gm)].map((m) => m[1]);
  if ([...rows].sort().join() !== [...names].sort().join()) stale.push(`README.md: the elements table lists ${rows.join(', ')}`);
  const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter((f) => TEXT.test(f) && !SKIP.test(f) && !(f in SUBSETS));
  for (const file of files) {
    if (!existsSync(join(root, file))) continue;
    read(file).split('\n').forEach((line, i) => {
      const left = missing(line);
      if (names.length - left.length >= 3 && left.length) stale.push(`${file}:${i + 1}: names ${names.length - left.length} elements, not ${left.join(', ')}`);
    });
  }
  return stale;
}

test('every list of the elements that cannot read the registry names them all', () => {
  const names = elements().map((e) => e.name);
  assert.deepEqual(staleLists(names), []);
  // A sixth element: each of those lists is then stale, and says so.
  const stale = staleLists([...names, 'registry-probe']);
  assert.ok(stale.some((s) => s.startsWith('README.md: the elements table')), stale.join('\n'));
  assert.ok(stale.some((s) => s.startsWith('packages/wordpress/readme.txt:')), stale.join('\n'));
});

test("the WordPress plugin's table gives each element its fallback from the registry", async () => {
  const { elementTable } = await import('../../tools/wordpress-zip.mjs');
  const manifest = JSON.parse(read('custom-elements.json'));
  const table = elementTable(manifest, read('src/styles/tokens.css'));
  assert.deepEqual(Object.keys(table.elements).sort(), elements().map((e) => e.name));
  for (const e of elements()) assert.equal(table.elements[e.name].fallback, e.fallback, e.tag);
  assert.match(table.elements['resource-search'].fallback, /<a href="tel:\+18003275050">800-327-5050<\/a>/);
  // A sixth element's fallback reaches the table from its module.
  const sixth = { ...manifest, modules: [...manifest.modules, { kind: 'javascript-module', path: 'src/components/registry-probe/registry-probe.ts', declarations: [{ kind: 'class', name: 'RecoveryRegistryProbe', tagName: 'recovery-registry-probe', customElement: true }] }] };
  const withExample = elementTable(sixth, '', { 'recovery-registry-probe': '<p>Call <a href="tel:988">988</a>.</p>' });
  assert.equal(withExample.elements['registry-probe'].fallback, '<p>Call <a href="tel:988">988</a>.</p>');
});

test('ESLint treats a subclass of every class the elements are built on as a custom element', async () => {
  const config = (await import('../../eslint.config.js')).default;
  const bases = config.map((c) => c.settings?.wc?.elementBaseClasses).filter(Boolean);
  assert.deepEqual(bases, [elementBaseClasses()]);
});
