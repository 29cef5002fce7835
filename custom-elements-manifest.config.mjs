// Configuration of `cem analyze` (custom-elements.json). The manifest documents the public
// elements only (the registry, tools/elements.mjs): every module is analysed, so that each
// element's inherited attributes, properties, events, slots and parts are described in full, and
// then everything else is dropped (the shared base classes, helpers and core modules, and each
// element's private and protected members), with references to dropped modules cut to a name.
// Events are documented with `@fires` on each class; the analyzer also guesses events from
// `dispatchEvent(new X(arg))` calls and names them after the argument or nothing, so guesses
// without a documented name are dropped.
// Modules come in the order the file glob returns them, which varies between machines and runs:
// they are sorted by path so the manifest is the same everywhere (and its check can trust it).
import { elements } from './tools/elements.mjs';

const publicElements = new Map(elements().map((e) => [e.module, e]));

/** A reference ({ name, module }) to a module the manifest no longer holds keeps its name only. */
function cutReferences(value, kept) {
  if (Array.isArray(value)) return value.forEach((v) => cutReferences(v, kept));
  if (!value || typeof value !== 'object') return;
  for (const key of ['inheritedFrom', 'superclass']) {
    const ref = value[key];
    if (ref?.module && !kept.has(ref.module.replace(/^\//, '').replace(/\.js$/, '.ts'))) delete ref.module;
  }
  for (const v of Object.values(value)) cutReferences(v, kept);
}

export default {
  litelement: true,
  globs: ['src/**/*.ts'],
  // The generated basemap is data, not API (it would put 48 KB of TopoJSON in the manifest).
  exclude: ['src/**/*.d.ts', 'src/locales/**', 'src/cli/**', 'src/kit/map/basemap/basemap-data.ts'],
  plugins: [
    {
      name: 'recovery-public-elements-only',
      packageLinkPhase({ customElementsManifest }) {
        const modules = customElementsManifest.modules.filter((m) => publicElements.has(m.path));
        for (const mod of modules) {
          const { className } = publicElements.get(mod.path);
          mod.declarations = (mod.declarations ?? []).filter((d) => d.name === className);
          const { tag } = publicElements.get(mod.path);
          mod.exports = [
            ...(mod.exports ?? []).filter((x) => x.kind === 'js' && x.declaration?.name === className),
            // Registered with define() (src/kit/base/define.ts), which the analyzer does not read.
            { kind: 'custom-element-definition', name: tag, declaration: { name: className, module: mod.path } },
          ];
          for (const decl of mod.declarations) {
            decl.members = (decl.members ?? []).filter((m) => m.privacy !== 'private' && m.privacy !== 'protected');
            if (decl.events) decl.events = decl.events.filter((e) => e.name && e.description);
          }
        }
        modules.sort((a, b) => a.path.localeCompare(b.path));
        cutReferences(modules, new Set(publicElements.keys()));
        customElementsManifest.modules = modules;
      },
    },
  ],
};
