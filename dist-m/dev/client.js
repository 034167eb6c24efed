/**
 * The script `linklog dev` adds to every HTML page it serves (never to built
 * files): reloads the page after each rebuild, and shows content errors in an
 * overlay while the last good site stays on screen.
 */
export const EVENTS_PATH = '/__linklog/events';
export const CLIENT_PATH = '/__linklog/client.js';
/** The one line injected before `</body>`: tests strip it to compare with a build. */
export const INJECTED_TAG = `<script src="${CLIENT_PATH}" defer></script>`;
export const CLIENT_SCRIPT = `(() => {
  'use strict';
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  let overlay;
  function hide() {
    if (overlay) overlay.remove();
    overlay = undefined;
  }
  function show(problems) {
    hide();
    overlay = document.createElement('div');
    overlay.id = 'linklog-dev-overlay';
    overlay.setAttribute('role', 'alert');
    overlay.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;' +
      'background:#2b0d0d;color:#ffe4e4;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;' +
      'padding:1rem 1.25rem;border-top:4px solid #ff5555;box-shadow:0 -4px 24px rgba(0,0,0,.4)';
    const title = document.createElement('strong');
    title.textContent = 'linklog: the site was not rebuilt (the last good version is shown)';
    overlay.append(title);
    const list = document.createElement('pre');
    list.style.cssText = 'margin:.5rem 0 0;white-space:pre-wrap';
    list.textContent = problems.join('\\n');
    overlay.append(list);
    document.body.append(overlay);
  }
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('problems', (e) => show(JSON.parse(e.data)));
  events.addEventListener('ok', hide);
})();
`;
//# sourceMappingURL=client.js.map