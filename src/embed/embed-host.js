/*
 * recovery-finder embed host script: makes each <iframe data-recovery-finder> as tall as the
 * element inside it, so the page scrolls, not the frame. Optional: without it, give the iframe
 * a fixed height (docs/hosting.md).
 *
 * Message (from embed.html to its parent): { type: "recovery-finder:height", height: <CSS px> }.
 * Accepted only from the frame's own window and the origin of its src. The script sends each
 * frame { type: "recovery-finder:ping" } at start and on load, to which it answers with its height.
 */
(function () {
  'use strict';
  if (window.__recoveryFinderHost) return;
  window.__recoveryFinderHost = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'recovery-finder:height' || typeof data.height !== 'number' || !isFinite(data.height)) return;
    var frames = document.querySelectorAll('iframe[data-recovery-finder]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var origin;
      try {
        origin = new URL(frame.src, location.href).origin;
      } catch {
        return;
      }
      if (origin !== event.origin) return;
      frame.style.height = Math.min(20000, Math.max(100, Math.ceil(data.height))) + 'px';
      return;
    }
  });
  // A frame may have reported its height before this script ran: ask every frame again.
  function ping() {
    var frames = document.querySelectorAll('iframe[data-recovery-finder]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow) frames[i].contentWindow.postMessage({ type: 'recovery-finder:ping' }, '*');
    }
  }
  ping();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ping);
  window.addEventListener('load', ping);
})();
