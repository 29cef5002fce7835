// The elements, read from the folder layout: `src/components/NAME/NAME.ts` is element NAME,
// registered as <recovery-NAME>. The build, the package checks and the docs read this list,
// so adding an element is adding its folder (CONTRIBUTING.md lists the few other steps).
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const components = fileURLToPath(new URL('../src/components/', import.meta.url));

/** @returns {string[]} the element folder names, sorted */
export function elementNames() {
  return readdirSync(components, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(`${components}${d.name}/${d.name}.ts`))
    .map((d) => d.name)
    .sort();
}
