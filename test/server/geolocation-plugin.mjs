// A test-runner command that sets what the browser's geolocation answers, through the
// Chrome DevTools Protocol of the test page:
//   { latitude, longitude }  -> permission granted, that position
//   { denied: true }         -> permission denied
//   { unavailable: true }    -> permission granted, position unavailable
//   { noPosition: true }     -> permission granted, no position ever arrives (for timeouts)
//   { reset: true }          -> back to the browser's default
export function geolocationPlugin() {
  // One DevTools session per page, kept open: Chromium drops a session's permission and
  // geolocation overrides when that session detaches, so detaching after each command undid it.
  const sessions = new WeakMap();
  return {
    name: 'recovery-geolocation',
    async executeCommand({ command, payload, session }) {
      if (command !== 'set-geolocation') return undefined;
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) {
        cdp = await page.createCDPSession();
        sessions.set(page, cdp);
        // Chromium answers geolocation only in a focused page; with two test files running at
        // once, one page is in the background. Emulating focus keeps this page's answers coming.
        await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
      }
      const origin = new URL(page.url()).origin;
      // Every page has a browser context of its own (web-test-runner.config.mjs), and these
      // calls name it: a permission set here reaches no other test file's page.
      const browserContextId = page.browserContext().id;
      const setPermission = (setting) =>
        cdp.send('Browser.setPermission', { origin, browserContextId, permission: { name: 'geolocation' }, setting });
      if (payload.reset) {
        await cdp.send('Browser.resetPermissions', { browserContextId });
        await cdp.send('Emulation.clearGeolocationOverride');
      } else if (payload.denied) {
        await setPermission('denied');
      } else if (payload.noPosition) {
        await setPermission('granted');
        await cdp.send('Emulation.clearGeolocationOverride');
      } else if (payload.unavailable) {
        await setPermission('granted');
        await cdp.send('Emulation.setGeolocationOverride', {});
      } else {
        await setPermission('granted');
        await cdp.send('Emulation.setGeolocationOverride', {
          latitude: payload.latitude,
          longitude: payload.longitude,
          accuracy: 50,
        });
      }
      return true;
    },
  };
}
