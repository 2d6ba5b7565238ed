/* Helpers every part of the page shares: building elements without HTML, fetching JSON, colours.
 *
 * Article text, titles, names and every other stored string are untrusted: they reach the page only
 * through textContent, element properties and setAttribute, never through innerHTML or HTML strings.
 */

export const COLORS = {
  ASSAULT: '#c0392b', FIGHT: '#e67e22', COERCE: '#8e44ad', RETREAT: '#2471a3', MOBILIZE: '#16a085',
  THREATEN: '#d35400', PROTEST: '#27ae60', SANCTION: '#7f8c8d', AGREE: '#2e86c1', SUPPORT: '#1abc9c',
  CONSULT: '#5d6d7e', REQUEST: '#a569bd', ACCUSE: '#e84393', REJECT: '#6e2c00', CONCEDE: '#52be80',
  AID: '#48c9b0', DISAPPROVE: '#884ea0', COOPERATE: '#5dade2', ENGAGE: '#f39c12',
};
const FALLBACK_COLOR = '#555f69';
export const POPUP_PAD = [48, 12]; // keep popups clear of the zoom buttons

export const $ = (id) => document.getElementById(id);

/** An element with a class and text; children appended. Never parses HTML. */
export function el(tag, className, text, children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const child of children || []) if (child) node.appendChild(child);
  return node;
}

export function colorOf(type) { return COLORS[type] || FALLBACK_COLOR; }

/** Only http(s) URLs become links; anything else (javascript:, data:) is shown as text. */
export function safeUrl(url) {
  if (!url) return null;
  try {
    const u = new URL(url, window.location.href);
    return (u.protocol === 'http:' || u.protocol === 'https:') ? u.href : null;
  } catch (e) { return null; }
}

export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v !== null && v !== undefined) q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}

export async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  let body;
  try { body = await r.json(); } catch (e) { body = {}; }
  if (!r.ok || body.ok === false) throw new Error(body.error || (r.status + ' ' + r.statusText));
  return body;
}

export function notice(message) {
  const box = el('div', 'notice', message);
  $('list-pane').prepend(box);
  setTimeout(() => box.remove(), 8000);
}

export function shortNumber(n) {
  if (n >= 1e6) return (n / 1e6).toFixed(n >= 1e7 ? 0 : 1) + 'M';
  if (n >= 1e3) return (n / 1e3).toFixed(n >= 1e4 ? 0 : 1) + 'k';
  return String(Math.round(n));
}

export function truncate(s, n) { const c = Array.from(s); return c.length > n ? c.slice(0, n - 1).join('') + '…' : s; }

export function statusBadge(status, attributedTo) {
  const cls = status === 'happened' ? 'happened' : (status === 'denied' || status === 'negated' ? status : 'claimed');
  const text = status === 'happened' ? 'happened' : status + (attributedTo ? ' by ' + attributedTo : '');
  const badge = el('span', 'status ' + cls, text);
  badge.title = status === 'happened' ? 'reported as having happened' : 'not established: ' + status;
  return badge;
}

/** A quantity as the text said it: "dozens of civilians", not the 99 at the top of its range. */
export function quantityText(q) {
  if (q.value !== null && q.value !== undefined) return q.value.toLocaleString('en') + ' ' + q.kind;
  return (q.text || '?') + ' (' + q.kind + ')';
}
