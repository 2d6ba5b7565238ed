/* Territorial control: settlements coloured by the side holding them on the slider's date. The squares
 * sit in their own pane above the event and incident markers, so every one of them can be clicked. */

import { $, el, getJSON, notice, query, POPUP_PAD } from './util.js';
import { DAY, fromDay, toDay } from './dates.js';

// Controlling sides (ISO3); others get a colour from PALETTE by their code, so it is stable across dates.
const SIDE_COLORS = { UKR: '#1565c0', RUS: '#c62828', BLR: '#6d4c41', '': '#8a949e' };
const PALETTE = ['#00897b', '#6a1b9a', '#ef6c00', '#2e7d32', '#ad1457', '#4e342e', '#283593'];

export function sideColor(side) {
  if (side in SIDE_COLORS) return SIDE_COLORS[side];
  let h = 0;
  for (const c of String(side)) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length];
}

/** Install the control layer; `ctx` is {map, state, showArticle, onChange, reviewActions}: `reviewActions(p, resize)`
 * gives the nodes a popup shows for an analyst's review (js/review.js). Returns {loadDates, setDate, reload, layer}. */
export function installControl(ctx) {
  const { map, state } = ctx;
  state.control = { first: null, dates: [], date: null, seq: 0 };
  map.createPane('control');
  map.getPane('control').classList.add('control-pane'); // above the markers (z-index in style.css)
  const layer = L.layerGroup();

  const dayIndex = (date) => Math.round((toDay(date) - toDay(state.control.first)) / DAY);
  const dateAt = (i) => fromDay(toDay(state.control.first) + i * DAY);

  async function loadDates() {
    let body;
    try { body = await getJSON('/api/control/dates'); } catch (e) { notice('control: ' + e.message); return; }
    if (!body.first) { document.body.dataset.controlReady = '0'; return; } // no change of control stored
    const c = state.control;
    c.first = body.first;
    c.dates = body.dates;
    const slider = $('control-date');
    slider.min = '0';
    slider.max = String(dayIndex(body.last));
    const ticks = $('control-ticks');
    ticks.replaceChildren(...body.dates.map((d) => { const o = el('option'); o.value = String(dayIndex(d)); o.label = d; return o; }));
    $('control-box').hidden = false;
    if ($('control-on').checked) layer.addTo(map);
    await setDate(body.last);
  }

  /** Show the state of control on this date (YYYY-MM-DD), clamped to the slider's range. */
  async function setDate(date) {
    const slider = $('control-date');
    const i = Math.max(0, Math.min(Number(slider.max), dayIndex(date)));
    slider.value = String(i);
    return load(dateAt(i));
  }

  async function load(date) {
    const c = state.control;
    const seq = ++c.seq;
    c.date = date;
    $('control-label').textContent = date;
    document.body.dataset.controlLoading = '1';
    try {
      const geo = await getJSON('/api/control.geojson' + query({ date }));
      if (seq !== c.seq) return;
      layer.clearLayers();
      for (const f of geo.features) layer.addLayer(marker(f));
      state.controlSides = [...new Set(geo.features.map((f) => f.properties.side))].sort();
      const counts = {};
      for (const f of geo.features) counts[f.properties.side || '?'] = (counts[f.properties.side || '?'] || 0) + 1;
      $('control-summary').textContent = geo.features.length
        ? Object.entries(counts).map(([s, n]) => s + ' ' + n).join(' · ') + (geo.features.length === 1 ? ' settlement' : ' settlements')
        : 'no settlement changed hands by this date';
      ctx.onChange();
      document.body.dataset.controlDate = date;
      document.body.dataset.control = String(geo.features.length);
    } catch (e) {
      notice('control: ' + e.message);
    } finally {
      if (seq === c.seq) {
        delete document.body.dataset.controlLoading;
        document.body.dataset.controlReady = '1';
      }
    }
  }

  function marker(feature) {
    const p = feature.properties;
    const [lon, lat] = feature.geometry.coordinates;
    const status = ['claimed', 'confirmed', 'disputed'].includes(p.status) ? p.status : 'claimed';
    const sq = el('div', 'ctl ctl-' + status + (p.area ? ' ctl-area' : ''), p.side || '?');
    sq.style.backgroundColor = sideColor(p.side);
    sq.dataset.settlement = p.settlement || '';
    sq.dataset.side = p.side || '';
    sq.dataset.status = status;
    if (p.review) sq.dataset.review = p.review;
    // up and left of the settlement, so the square never hides the place's own marker or name
    const icon = L.divIcon({ html: sq, className: 'ctl-marker', iconSize: [24, 24], iconAnchor: [30, 30] });
    const m = L.marker([lat, lon], {
      icon, pane: 'control', riseOnHover: true,
      title: (p.settlement || '?') + ': ' + (p.side || 'unknown side') + ', ' + status,
    });
    let box = null; // built once: Leaflet calls a content function again on every update (the review form would go)
    m.bindPopup(() => box || (box = popup(p, m)), { maxWidth: 420, minWidth: 280, autoPanPaddingTopLeft: POPUP_PAD });
    return m;
  }

  function popup(p, m) {
    const box = el('div', 'popup control');
    box.dataset.id = p.id || '';
    const sq = el('span', 'ctl-swatch', p.side || '?');
    sq.style.background = sideColor(p.side);
    box.append(el('h3', null, null, [sq, document.createTextNode(' ' + (p.settlement || '?'))]));
    const status = el('span', 'status ctl-status ' + p.status, p.status);
    status.title = { claimed: 'claimed, not confirmed by independent sources', confirmed: 'confirmed by independent sources',
      disputed: 'sources contradict each other' }[p.status] || p.status;
    box.append(el('p', 'meta', null, [status, document.createTextNode(' held by ' + (p.side || 'an unnamed side')
      + (p.since ? ' since ' + p.since : '') + (p.from_side ? ' (from ' + p.from_side + ')' : ''))]));
    const facts = [p.admin1, p.claimed_by ? 'claimed by ' + p.claimed_by : null,
      'confidence ' + Number(p.confidence || 0).toFixed(2), p.area ? 'from an area statement' : null];
    box.append(el('p', 'meta', facts.filter(Boolean).join(' · ')));
    box.append(el('p', 'meta', 'sources: ' + ((p.sources || []).join(', ') || 'none') + ' ('
      + (p.independent_sources || 0) + ' independent)'));
    for (const ev of p.evidence || []) {
      box.append(el('blockquote', 'evidence', ev.text));
      const open = el('button', 'open-article', 'Open the article');
      open.type = 'button';
      open.addEventListener('click', () => ctx.showArticle(ev.article_id, ev.start));
      box.append(open);
    }
    if (ctx.reviewActions) {
      for (const node of ctx.reviewActions(p, () => { if (m.isPopupOpen()) m.getPopup().update(); })) if (node) box.append(node);
    }
    return box;
  }

  /** After a review of a change of control: the slider's dates and the state on the shown date again. */
  async function reload() {
    const date = state.control.date;
    await loadDates();
    if (date) await setDate(date);
  }

  const slider = $('control-date');
  let timer = null;
  slider.addEventListener('input', () => {
    const date = dateAt(Number(slider.value));
    $('control-label').textContent = date;
    clearTimeout(timer);
    timer = setTimeout(() => load(date), 120);
  });
  slider.addEventListener('change', () => { clearTimeout(timer); load(dateAt(Number(slider.value))); });
  const step = (dir) => {
    const c = state.control;
    if (!c.first) return;
    const now = c.date || c.first;
    const next = dir > 0 ? c.dates.find((d) => d > now) : [...c.dates].reverse().find((d) => d < now);
    if (next) setDate(next);
  };
  $('control-prev').addEventListener('click', () => step(-1));
  $('control-next').addEventListener('click', () => step(1));
  $('control-on').addEventListener('change', (e) => {
    if (e.target.checked) layer.addTo(map); else layer.remove();
    ctx.onChange();
  });
  return { loadDates, setDate, reload, layer };
}
