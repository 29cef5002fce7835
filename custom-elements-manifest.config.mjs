// Configuration of `cem analyze` (custom-elements.json). Events are documented with `@fires`
// on each class; the analyzer also guesses events from `dispatchEvent(new X(arg))` calls and
// names them after the argument or nothing, so guesses without a documented name are dropped.
// Modules come in the order the file glob returns them, which varies between machines and runs:
// they are sorted by path so the manifest is the same everywhere (and its check can trust it).
export default {
  litelement: true,
  globs: ['src/**/*.ts'],
  // The generated basemap is data, not API (it would put 48 KB of TopoJSON in the manifest).
  exclude: ['src/**/*.d.ts', 'src/locales/**', 'src/cli/**', 'src/components/shared/basemap/basemap-data.ts'],
  plugins: [
    {
      name: 'recovery-documented-events-only',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            if (!decl.events) continue;
            decl.events = decl.events.filter((e) => e.name && e.description);
          }
        }
      },
    },
  ],
};
