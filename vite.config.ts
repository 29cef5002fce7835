/**
 * One config, chosen by --mode:
 *  - demo (npm start): serves demo/ with the bundled dataset in data/.
 *  - npm: one ES module per element plus index and core; lit, leaflet, fuse.js and the other
 *    runtime dependencies stay external for npm users' own bundlers.
 *  - cms: dist/recovery-finder.js, a small loader a CMS page loads with one script tag; each
 *    element's code (and Leaflet, fuse.js, Spanish strings) loads lazily beside it, when needed.
 *    Also dist/embed.html (+ embed.js, embed.css, embed-host.js): the iframe path.
 *    Built after `npm` (it must not empty dist/).
 *  - cli: the Node command line (`recovery-finder validate | import | report | serve | load`) and the data build script.
 */
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { elements as registry, elementsModuleSource } from './tools/elements.mjs';
// An attribute's kind (url, site-text...) from its type in the manifest: shared with demo/configure.ts.
import { attributeKind } from './src/kit/base/attribute.js';

/** Every element, from the registry (tools/elements.mjs: read from the element modules). */
const elements = registry();
/** Each element's tag by its module's absolute path (how Rolldown names a chunk's module). */
const tagByModule = new Map(elements.map((e) => [fileURLToPath(new URL(e.module, import.meta.url)), e.tag]));

/**
 * `virtual:recovery-elements` for the CMS loader (src/cms.ts) and the configurator (demo/):
 * each element's tag and a dynamic `import()` of its module (so each element is a chunk of its
 * own), the tags of those that read a dataset, and their titles (tools/elements.mjs).
 */
function elementsModule(): Plugin {
  const id = 'virtual:recovery-elements';
  return {
    name: 'recovery-elements',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(loadId) {
      if (loadId !== `\0${id}`) return undefined;
      return elementsModuleSource(elements);
    },
  };
}

/**
 * The CMS loader asks for an element's chunk only when its tag is seen; that chunk then asks
 * for the chunks it imports (Lit, the data code), one network round trip later. This appends
 * to the loader a table of each tag's chunk imports, read by `__recoveryChunkDeps` in
 * src/cms.ts, so the loader asks for them all at once. Appended at the end (a hoisted function
 * declaration), so the source map of the code before it stays right.
 */
function preloadTable(): Plugin {
  return {
    name: 'recovery-preload-table',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      for (const entry of chunks) {
        if (!entry.isEntry || !entry.code.includes('__recoveryChunkDeps')) continue;
        const loaded = new Set(entry.imports);
        const table: Record<string, string[]> = {};
        for (const file of entry.dynamicImports) {
          const chunk = byFile.get(file);
          const tag = chunk?.facadeModuleId ? tagByModule.get(chunk.facadeModuleId) : undefined;
          if (!chunk || !tag) continue;
          const deps = new Set<string>();
          const visit = (f: string) => {
            for (const d of byFile.get(f)?.imports ?? []) {
              if (deps.has(d) || loaded.has(d) || d === entry.fileName) continue;
              deps.add(d);
              visit(d);
            }
          };
          visit(file);
          const dir = entry.fileName.includes('/') ? entry.fileName.replace(/[^/]*$/, '') : '';
          table[tag] = [...deps].map((d) => `./${d.startsWith(dir) ? d.slice(dir.length) : d}`);
        }
        const fn = `function __recoveryChunkDeps(){return ${JSON.stringify(table)}}\n`;
        const map = entry.code.lastIndexOf('\n//# sourceMappingURL=');
        entry.code = map < 0 ? `${entry.code}\n${fn}` : `${entry.code.slice(0, map)}\n${fn}${entry.code.slice(map + 1)}`;
      }
    },
  };
}

/** Modules of the CMS build's `lit` chunk (see the cms mode below). */
const LIT_CHUNK = /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/](reactive-element|localize))[\\/](?!.*directive)|src[\\/](events\.ts|locales[\\/]locale-codes\.ts|kit[\\/](base[\\/]define|i18n[\\/]localize|ui[\\/](help|styles|heading))\.ts|core[\\/](help-defaults|links|patterns)\.ts)$/;
/** Modules of the CMS build's `data` chunk. */
const DATA_CHUNK = /node_modules[\\/]valibot[\\/]|src[\\/](kit[\\/](base[\\/](dataset-element|dataset-controller|lazy)|card[\\/](result-card|report-change|card-actions|my-list|shared-record\.styles)|i18n[\\/]labels|ui[\\/]format|url[\\/]url-state)\.ts|core[\\/](schema|load|slices|hours|freshness|sources[\\/](index|types|json-url|inline))\.ts)$/;

/**
 * `virtual:recovery-attributes` for the embed page (src/embed/embed.ts): each element's
 * documented attributes, read from custom-elements.json (`npm run cem`), with their kind.
 */
function attributesModule(): Plugin {
  const id = 'virtual:recovery-attributes';
  return {
    name: 'recovery-attributes',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(loadId) {
      if (loadId !== `\0${id}`) return undefined;
      interface Attr { name: string; type?: { text?: string } }
      interface Decl { tagName?: string; attributes?: Attr[] }
      const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: Array<{ declarations?: Decl[] }> };
      const out: Record<string, Record<string, string>> = {};
      for (const d of manifest.modules.flatMap((m) => m.declarations ?? [])) {
        if (!d.tagName) continue;
        out[d.tagName] = Object.fromEntries(
          (d.attributes ?? []).map((a) => [a.name, attributeKind(a.type?.text)]),
        );
      }
      return `export const elementAttributes = ${JSON.stringify(out)};\n`;
    },
  };
}

/** Copies the embed page's static files (src/embed/) into dist/ beside the scripts. */
function embedFiles(): Plugin {
  return {
    name: 'recovery-embed-files',
    generateBundle() {
      for (const file of ['embed.html', 'embed.css', 'embed-host.js']) {
        this.emitFile({ type: 'asset', fileName: file, source: readFileSync(`src/embed/${file}`, 'utf8') });
      }
    },
  };
}

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
            ...Object.fromEntries(elements.map((e) => [e.name, e.module])),
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
      plugins: [elementsModule(), attributesModule(), embedFiles(), preloadTable()],
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        target: 'es2022',
        sourcemap: true,
        lib: { entry: { 'recovery-finder': 'src/cms.ts', embed: 'src/embed/embed.ts' }, formats: ['es'] },
        rolldownOptions: {
          output: {
            minify: true,
            chunkFileNames: 'cms/[name]-[hash].js',
            assetFileNames: 'cms/[name]-[hash][extname]',
            // Fewer, larger first-paint chunks: each file costs a request and compresses apart.
            // `lit`: Lit, the strings and the help block, which every element shows at once.
            // `data`: what every element that shows a dataset needs at first paint (loading,
            // validation, the result card). Everything else is left to the element's own chunk,
            // or to a lazy chunk of its own.
            codeSplitting: {
              groups: [
                { name: 'lit', test: LIT_CHUNK, priority: 2 },
                { name: 'data', test: DATA_CHUNK, priority: 1 },
              ],
            },
          },
        },
      },
    };
  }
  // demo (npm start) and plain `vite`
  return {
    plugins: [demoRedirect(), elementsModule(), attributesModule()],
    server: { port: 5173, strictPort: false, open: false },
  };
});
