// knip (`npm run knip`, in `npm test`): no unused files, exports, types or dependencies.
// The element modules are entries (they are the package's public entry points) from the element
// registry (tools/elements.mjs), so their helpers' exports are checked like any module's.
import { elements } from './tools/elements.mjs';

/** @type {import('knip').KnipConfig} */
export default {
  workspaces: {
    '.': {
      entry: [
        'src/index.ts',
        'src/cms.ts',
        'src/core/index.ts',
        ...elements().map((e) => e.module),
        'src/embed/embed.ts',
        'src/embed/embed-host.js',
        'src/cli/index.ts',
        'scripts/*.ts',
        'tools/*.mjs',
        'bench/*.{mjs,ts,js}',
        'test/**/*.{ts,mjs,js}',
        'demo/*.ts',
        'packages/wordpress/recovery-finder/block/*.js',
        'web-test-runner.config.mjs',
        'custom-elements-manifest.config.mjs',
      ],
      project: ['src/**/*.{ts,js}', 'scripts/**/*.ts', 'tools/**/*.mjs', 'bench/**/*.{mjs,ts,js}', 'test/**/*.{ts,mjs,js}', 'demo/**/*.ts', 'packages/wordpress/**/*.js'],
      // dist/: the build's output, which package.json's `types` and `exports` point at (npm test runs
      // knip after the build). src/locales/locale-codes.ts is written by lit-localize.
      ignore: ['dist/**', 'src/locales/locale-codes.ts'],
      ignoreDependencies: [
        // The HSDS server (packages/server, this repository's workspace), imported on demand by the CLI's
        // `serve` and `load` and by the server benchmark; never a dependency of the library.
        '@recovery-finder/server',
        // GeoJSON's types, from @types/geojson (a dependency of @types/leaflet).
        'geojson',
      ],
      // Called by the tests and benchmarks that need them, present on the machines they run on
      // (wrk: bench/server-clients.mjs only, from Debian's package).
      ignoreBinaries: ['php', 'uptime', 'wrk'],
    },
    'packages/server': {
      entry: ['test/**/*.mjs'],
      project: ['src/**/*.js', 'test/**/*.mjs'],
    },
  },
};
