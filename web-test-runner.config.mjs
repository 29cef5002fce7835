// Element and core tests in headless Chromium (Debian's package; see tools/setup.mjs).
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { testEndpoints } from './test/server/endpoints.mjs';
import { geolocationPlugin } from './test/server/geolocation-plugin.mjs';
import { networkPlugin } from './test/server/network-plugin.mjs';
import { hsdsFaults, hsdsPlugin } from './test/server/hsds-plugin.mjs';
import { hsdsOther } from './test/server/hsds-other.mjs';
import { CHROME_ARGS, findChromium } from './tools/find-chrome.mjs';
import { elementsModuleSource } from './tools/elements.mjs';

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

/**
 * `virtual:recovery-elements` (the element registry, tools/elements.mjs), as vite.config.ts
 * makes it for the builds: read by the configurator (demo/) and the bundle tests.
 */
function elementsModule() {
  const path = '/__recovery-elements.js';
  return {
    name: 'recovery-elements',
    resolveImport: ({ source }) => (source === 'virtual:recovery-elements' ? path : undefined),
    serve: (context) => (context.path === path ? { body: elementsModuleSource(), type: 'js' } : undefined),
  };
}

/**
 * papaparse (the CSV source) is a UMD script: Vite turns it into a module for the builds; this
 * does the same for the tests, giving its CommonJS export as the module's default export.
 */
function papaparseModule() {
  return {
    name: 'papaparse-module',
    transform(context) {
      if (!context.path.endsWith('/papaparse/papaparse.js')) return undefined;
      const body = `const module = { exports: {} };\nconst exports = module.exports;\n${context.body}\nexport default module.exports;\n`;
      return { body };
    },
  };
}

/**
 * The page policy of the 'trusted-types' group: Trusted Types enforced, and only Lit's policy
 * 'lit-html' may be created (without it Lit's module throws "Policy "lit-html" disallowed";
 * 'allow-duplicates' as a host page with two Lit copies needs it). No 'default' policy, so a
 * plain string reaching innerHTML throws, as Leaflet 1.9.4's does at import.
 */
const TRUSTED_TYPES_CSP = "require-trusted-types-for 'script'; trusted-types lit-html 'allow-duplicates'";

/** CDP sessions that keep each page's focus emulation on. */
const focusSessions = new Set();

export default {
  // test/csp runs only in its group below, under its own page policy. Groups always run, so
  // `npx web-test-runner some.test.ts` runs the group too; `--group default` leaves it out and
  // `--group trusted-types` runs only it. Naming a test/csp file on the command line also runs
  // it in the default group, without the policy, where it fails (as it should).
  files: ['test/**/*.test.ts', '!test/cli/**', '!test/csp/**'],
  groups: [
    {
      name: 'trusted-types',
      files: ['test/csp/**/*.test.ts'],
      // The <meta> policy comes before the test framework so it governs every script after it.
      testRunnerHtml: (testFramework) =>
        `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${TRUSTED_TYPES_CSP}"></head>` +
        `<body><script type="module" src="${testFramework}"></script></body></html>`,
    },
  ],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 2,
  testsFinishTimeout: 300_000,
  // A safety net against a hang, not a speed limit: generous for a machine with every core busy.
  testFramework: { config: { timeout: 60_000 } },
  middleware: [hsdsFaults, hsdsOther, testEndpoints],
  plugins: [
    // The accessibility tree, as a screen reader gets it (test/components/layout-fallback.test.ts).
    a11ySnapshotPlugin(),
    elementsModule(),
    papaparseModule(),
    cssInline(),
    geolocationPlugin(),
    networkPlugin(),
    hsdsPlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  browsers: [
    chromeLauncher({
      // Each test page in a browser context of its own: permissions (geolocation) are kept per
      // context, so one file's "denied" or reset never reaches the page of a file running beside it.
      // Every page also emulates focus (its CDP session is kept open: closing it would end the
      // emulation), so key presses and focus work in a page while another file's page is in front.
      createPage: async ({ browser }) => {
        const page = await (await browser.createBrowserContext()).newPage();
        const cdp = await page.createCDPSession();
        await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
        focusSessions.add(cdp);
        return page;
      },
      launchOptions: {
        executablePath: findChromium() ?? '/usr/bin/chromium',
        args: CHROME_ARGS,
      },
    }),
  ],
};
