// The page follows new reporting: every few seconds it asks /api/changes what was stored since the layers
// were loaded, and shows a small "N new" notice; a click reloads the layers (markers, list, timeline,
// control) where the map is, without moving it. ?follow=SECONDS sets the interval (0: off; default 30).
import { el, getJSON } from './util.js';

const DEFAULT_EVERY = 30;

/** Start following; ``reload`` reloads every layer (returns a promise), ``view`` says incidents or events. */
export function installFollow({ reload, view, every }) {
  const seconds = Number.isFinite(every) && every >= 0 ? every : DEFAULT_EVERY;
  const notice = el('button', 'follow-notice');
  notice.type = 'button';
  notice.id = 'follow-notice';
  notice.hidden = true;
  notice.setAttribute('aria-live', 'polite');
  const summary = document.getElementById('summary');
  summary.parentNode.insertBefore(notice, summary.nextSibling);

  let base = null; // the cursor the shown layers were loaded at
  let timer = null;
  let generation = 0; // a click starts a new one: a poll sent before it must not bring the notice back

  async function cursorNow() {
    const body = await getJSON('/api/changes');
    return body.cursor;
  }

  function show(news) {
    const main = view() === 'events' ? news.events : news.incidents;
    const n = main + news.control_changes;
    document.body.dataset.followNew = String(n);
    if (!n) { notice.hidden = true; return; }
    const what = view() === 'events' ? 'events' : 'incidents';
    notice.textContent = n + ' new';
    notice.title = main + ' new ' + what + ', ' + news.control_changes + ' control changes: click to show them';
    notice.hidden = false;
  }

  async function poll() {
    const asked = generation;
    try {
      if (base === null) {
        const cursor = await cursorNow();
        if (asked === generation) base = cursor;
        return;
      }
      const body = await getJSON('/api/changes?since=' + encodeURIComponent(base));
      if (asked === generation) show(body.new);
    } catch (e) {
      // a failed poll is tried again at the next tick; the page keeps what it shows
    }
  }

  notice.addEventListener('click', async () => {
    generation += 1;
    base = null; // a poll while the cursor is asked for asks for it too, and shows nothing
    notice.hidden = true;
    document.body.dataset.followNew = '0';
    try { base = await cursorNow(); } catch (e) { base = null; }
    await reload();
  });

  if (seconds > 0) {
    poll();
    timer = setInterval(poll, seconds * 1000);
  }
  return { poll, stop: () => clearInterval(timer) };
}
