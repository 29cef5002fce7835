/**
 * One config, chosen by --mode:
 *  - demo (npm start): serves demo/ with the bundled dataset in data/.
 *  - npm: one ES module per element plus index and core; lit, leaflet, fuse.js and the other
 *    runtime dependencies stay external for npm users' own bundlers.
 *  - cms: dist/recovery-finder.js, one minified module a CMS page loads with one script tag;
 *    Leaflet and Spanish strings load lazily beside it. Built after `npm` (it must not empty dist/).
 *  - cli: the Node command line (`recovery-finder validate | import | serve | load`) and the data build script.
 */
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { builtinModules } from 'node:module';
import { elementNames } from './tools/elements.mjs';

/** Every element: a folder `src/components/NAME/` with `NAME.ts` in it (CONTRIBUTING.md). */
const elements = elementNames();

/** `npm start` opens on the demo page. */
function demoRedirect(): Plugin {
  return {
    name: 'recovery-demo-redirect',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url === '/' || req.url === '/index.html') {
          res.statusCode = 302;
          res.setHeader('Location', '/demo/');
          res.end();
          return;
        }
        next();
      });
    },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'cli') {
    return {
      build: {
        ssr: true,
        target: 'node20',
        outDir: 'dist',
        emptyOutDir: false,
        minify: false,
        rolldownOptions: {
          input: { cli: 'src/cli/index.ts', 'build-data': 'scripts/build-data.ts', coverage: 'scripts/coverage.ts' },
          // The HSDS server is a package of its own (packages/server), loaded on demand by
          // `serve` and `load`: never bundled into the CLI.
          external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`), /^@recovery-finder\/server(\/|$)/],
          output: { format: 'es', entryFileNames: '[name].js' },
        },
      },
    };
  }
  if (mode === 'npm') {
    return {
      base: './',
      build: {
        outDir: 'dist',
        emptyOutDir: true,
        target: 'es2022',
        sourcemap: true,
        lib: {
          entry: {
            index: 'src/index.ts',
            core: 'src/core/index.ts',
            ...Object.fromEntries(elements.map((e) => [e, `src/components/${e}/${e}.ts`])),
          },
          formats: ['es'],
        },
        rolldownOptions: {
          // Never externalise a `*.css?inline` import: the output would keep a Vite-only import.
          external: (id) =>
            !id.includes('?') &&
            /^(lit|@lit\/|leaflet|fuse\.js|supercluster|kdbush|geokdbush|valibot|@noble\/hashes)(\/|$)/.test(id),
        },
      },
    };
  }
  if (mode === 'cms') {
    return {
      base: './',
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        target: 'es2022',
        sourcemap: true,
        lib: { entry: { 'recovery-finder': 'src/index.ts' }, formats: ['es'] },
        rolldownOptions: {
          output: { minify: true, chunkFileNames: 'cms/[name]-[hash].js', assetFileNames: 'cms/[name]-[hash][extname]' },
        },
      },
    };
  }
  // demo (npm start) and plain `vite`
  return {
    plugins: [demoRedirect()],
    server: { port: 5173, strictPort: false, open: false },
  };
});
