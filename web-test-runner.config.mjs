// Element and core tests in headless Chromium (Debian's package; see scripts/setup.mjs).
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { testEndpoints } from './test/server/endpoints.mjs';
import { geolocationPlugin } from './test/server/geolocation-plugin.mjs';
import { CHROME_ARGS, findChromium } from './scripts/find-chrome.mjs';

/** Serves `*.css?inline` (Vite's syntax, used for Leaflet's CSS) as a JS string module. */
function cssInline() {
  return {
    name: 'css-inline',
    async serve(context) {
      if (context.path.endsWith('.css') && context.URL.searchParams.has('inline')) {
        const file = fileURLToPath(new URL(`.${context.path}`, import.meta.url));
        const css = await readFile(file, 'utf8');
        return { body: `export default ${JSON.stringify(css)};`, type: 'js' };
      }
      return undefined;
    },
    resolveMimeType(context) {
      if (context.path.endsWith('.css') && context.URL.searchParams.has('inline')) return 'js';
      return undefined;
    },
  };
}

export default {
  files: ['test/**/*.test.ts', '!test/cli/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 2,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000 } },
  middleware: [testEndpoints],
  plugins: [
    cssInline(),
    geolocationPlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChromium() ?? '/usr/bin/chromium',
        args: CHROME_ARGS,
      },
    }),
  ],
};
