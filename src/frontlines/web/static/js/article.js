/* The article view: the text with every extracted span highlighted, and a tooltip saying what each is.
 * Offsets from the API are Python string indices (code points), so text is sliced with Array.from. */

import { $, el, getJSON, notice, safeUrl } from './util.js';

/** Open an article in the side pane and scroll to the span starting at or after `focusStart`. */
export async function showArticle(id, focusStart) {
  let body;
  try { body = await getJSON('/api/articles/' + encodeURIComponent(id)); } catch (e) { notice('article: ' + e.message); return; }
  const a = body.article;
  $('list-pane').hidden = true;
  $('article-pane').hidden = false;
  $('article-title').textContent = a.title || '(untitled)';
  const meta = $('article-meta');
  meta.replaceChildren(document.createTextNode([a.source, a.published, a.status].filter(Boolean).join(' · ') + ' '));
  const href = safeUrl(a.url);
  if (href) {
    const link = el('a', null, 'original');
    link.href = href; link.target = '_blank'; link.rel = 'noopener noreferrer';
    meta.append(link);
  }
  renderAnnotated($('article-text'), a.text, body.spans);
  document.body.dataset.article = a.id;
  if (focusStart !== undefined && focusStart !== null) {
    const target = [...$('article-text').querySelectorAll('.hl')].find((n) => n.frontlinesStart >= focusStart);
    if (target) { target.classList.add('focus'); target.scrollIntoView({ block: 'center' }); }
  }
}

/** The text split at every span boundary; each piece carries the spans that cover it. */
function renderAnnotated(container, text, spans) {
  const chars = Array.from(text);
  const n = chars.length;
  const cuts = new Set([0, n]);
  const valid = spans.filter((s) => s.start >= 0 && s.end <= n && s.start < s.end);
  for (const s of valid) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((x, y) => x - y);
  const frag = document.createDocumentFragment();
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i];
    const b = points[i + 1];
    const piece = chars.slice(a, b).join('');
    const covering = valid.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) { frag.append(document.createTextNode(piece)); continue; }
    covering.sort((x, y) => (x.end - x.start) - (y.end - y.start)); // innermost first
    const node = el('span', 'hl ' + [...new Set(covering.map((s) => 'k-' + s.kind))].join(' '), piece);
    node.frontlinesSpans = covering; // a JS property: never serialised into markup
    node.frontlinesStart = a;
    node.dataset.kinds = covering.map((s) => s.kind).join(' ');
    frag.append(node);
  }
  container.replaceChildren(frag);
}

/** The hover tooltip over highlighted spans, and the button back to the list. */
export function installArticleView() {
  const tip = $('tip');
  const text = $('article-text');
  text.addEventListener('mouseover', (e) => {
    const node = e.target.closest && e.target.closest('.hl');
    if (!node || !node.frontlinesSpans) return;
    tip.replaceChildren();
    for (const s of node.frontlinesSpans) {
      const item = el('div', 'tip-item', null, [el('div', 'tip-label', s.label)]);
      if (s.details && s.details.length) item.append(el('ul', null, null, s.details.map((d) => el('li', null, d))));
      tip.append(item);
    }
    tip.hidden = false;
  });
  text.addEventListener('mousemove', (e) => {
    if (tip.hidden) return;
    const x = Math.min(e.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    const y = Math.min(e.clientY + 14, window.innerHeight - tip.offsetHeight - 8);
    tip.style.left = x + 'px';
    tip.style.top = y + 'px';
  });
  text.addEventListener('mouseout', (e) => {
    const node = e.target.closest && e.target.closest('.hl');
    if (node && !node.contains(e.relatedTarget)) tip.hidden = true;
  });
  $('article-close').addEventListener('click', () => {
    $('article-pane').hidden = true;
    $('list-pane').hidden = false;
    tip.hidden = true;
    delete document.body.dataset.article;
  });
}
