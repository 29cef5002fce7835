// A test-runner command that takes the test page's real network offline and back, through the
// Chrome DevTools Protocol (the browser's own network emulation, as DevTools' "Offline"):
// `navigator.onLine` changes, `offline` / `online` fire on window, and fetches fail as they do
// on a phone that lost its signal. The runner's own WebSocket to the page is left alone.
//   { offline: true }   -> offline
//   { offline: false }  -> online again
// And 'emulate-focus': the page behaves as the focused page (focus, Tab and key presses reach
// it) while the runner has another test file's page in front, as the geolocation command does.
export function networkPlugin() {
  const sessions = new WeakMap();
  return {
    name: 'recovery-network',
    async executeCommand({ command, payload, session }) {
      if (command !== 'set-network' && command !== 'emulate-focus') return undefined;
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) {
        // Kept open: Chromium drops a session's overrides when it detaches.
        cdp = await page.createCDPSession();
        sessions.set(page, cdp);
        await cdp.send('Network.enable');
      }
      if (command === 'emulate-focus') {
        await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
        return true;
      }
      const offline = Boolean(payload?.offline);
      // Every http(s) request of the page fails as it does without a network. Only http(s):
      // the runner talks to the page over a WebSocket, which must stay up.
      await cdp.send('Network.emulateNetworkConditionsByRule', {
        offline,
        matchedNetworkConditions: offline
          ? ['http://*:*/*', 'https://*:*/*'].map((urlPattern) => ({ urlPattern, latency: 0, downloadThroughput: -1, uploadThroughput: -1 }))
          : [],
      });
      // Then navigator.onLine and the online/offline events, the browser's own network state
      // (after the requests, so code that sends on 'online' finds the network back).
      await cdp.send('Network.overrideNetworkState', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      return true;
    },
  };
}
