/* frontlines web map: talks only to the API (/api/...).
 *
 * Article text, titles, names and every other stored string are untrusted: they reach the page only
 * through textContent, element properties and setAttribute, never through innerHTML or HTML strings.
 * Offsets from the API are Python string indices (code points), so text is sliced with Array.from.
 */
'use strict';

(function () {
  const COLORS = {
    ASSAULT: '#c0392b', FIGHT: '#e67e22', COERCE: '#8e44ad', RETREAT: '#2471a3', MOBILIZE: '#16a085',
    THREATEN: '#d35400', PROTEST: '#27ae60', SANCTION: '#7f8c8d', AGREE: '#2e86c1', SUPPORT: '#1abc9c',
    CONSULT: '#5d6d7e', REQUEST: '#a569bd', ACCUSE: '#e84393', REJECT: '#6e2c00', CONCEDE: '#52be80',
    AID: '#48c9b0', DISAPPROVE: '#884ea0', COOPERATE: '#5dade2', ENGAGE: '#f39c12',
  };
  const FALLBACK_COLOR = '#555f69';
  const LIST_LIMIT = 300;
  const MAP_LIMIT = 10000;

  const state = {
    filters: { type: '', actor: '', side: '', status: '' },
    range: null, // {since: 'YYYY-MM-DD', until: 'YYYY-MM-DD'} from the timeline brush
    markers: new Map(), // event key -> Leaflet marker
    days: [], // timeline days, [{date, count}]
    seq: 0, // guards against out-of-order responses
  };

  const $ = (id) => document.getElementById(id);

  /** An element with a class and text; children appended. Never parses HTML. */
  function el(tag, className, text, children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (const child of children || []) if (child) node.appendChild(child);
    return node;
  }

  function colorOf(type) { return COLORS[type] || FALLBACK_COLOR; }

  /** Only http(s) URLs become links; anything else (javascript:, data:) is shown as text. */
  function safeUrl(url) {
    if (!url) return null;
    try {
      const u = new URL(url, window.location.href);
      return (u.protocol === 'http:' || u.protocol === 'https:') ? u.href : null;
    } catch (e) { return null; }
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== '' && v !== null && v !== undefined) q.set(k, v);
    const s = q.toString();
    return s ? '?' + s : '';
  }

  async function getJSON(url) {
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    let body;
    try { body = await r.json(); } catch (e) { body = {}; }
    if (!r.ok || body.ok === false) throw new Error(body.error || (r.status + ' ' + r.statusText));
    return body;
  }

  function notice(message) {
    const box = el('div', 'notice', message);
    $('list-pane').prepend(box);
    setTimeout(() => box.remove(), 8000);
  }

  function shortNumber(n) {
    if (n >= 1e6) return (n / 1e6).toFixed(n >= 1e7 ? 0 : 1) + 'M';
    if (n >= 1e3) return (n / 1e3).toFixed(n >= 1e4 ? 0 : 1) + 'k';
    return String(Math.round(n));
  }

  function statusBadge(status, attributedTo) {
    const cls = status === 'happened' ? 'happened' : (status === 'denied' || status === 'negated' ? status : 'claimed');
    const text = status === 'happened' ? 'happened' : status + (attributedTo ? ' by ' + attributedTo : '');
    const badge = el('span', 'status ' + cls, text);
    badge.title = status === 'happened' ? 'reported as having happened' : 'not established: ' + status;
    return badge;
  }

  // -- map ------------------------------------------------------------------------------------------------

  const map = L.map('map', { worldCopyJump: true, minZoom: 2, maxZoom: 18 }).setView([48.4, 33.5], 6);
  const cluster = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false, chunkedLoading: true });
  map.addLayer(cluster);

  async function loadBaseLayers() {
    let config = { tile_url: null, basemap: { countries: '/api/basemap/countries', attribution: '' } };
    try { config = await getJSON('/api/config'); } catch (e) { notice('config: ' + e.message); }
    if (config.tile_url) {
      // Leaflet renders attribution as HTML: only our own constant text goes there, escaped anyway.
      L.tileLayer(config.tile_url, { maxZoom: 18, attribution: escapeHtml('© OpenStreetMap contributors') }).addTo(map);
    }
    try {
      const r = await fetch(config.basemap.countries);
      if (!r.ok) throw new Error(r.status + ' ' + r.statusText);
      const borders = await r.json();
      L.geoJSON(borders, {
        interactive: false,
        style: () => ({ className: config.tile_url ? 'country outline' : 'country', fill: !config.tile_url }),
      }).addTo(map).bringToBack();
      map.attributionControl.addAttribution(escapeHtml(borders.attribution || config.basemap.attribution || ''));
    } catch (e) {
      notice('base layer: ' + e.message);
    }
  }

  function markerFor(feature) {
    const p = feature.properties;
    const [lon, lat] = feature.geometry.coordinates;
    const size = p.quantity ? Math.round(Math.min(46, 16 + 7 * Math.log10(1 + p.quantity))) : 14;
    const dot = el('div', 'ev-dot' + (p.status === 'happened' ? '' : ' claimed'),
      p.quantity ? shortNumber(p.quantity) : null);
    dot.style.background = colorOf(p.plover_type); // CSSOM, allowed by the CSP (no style attribute in markup)
    dot.dataset.key = p.key;
    const icon = L.divIcon({ html: dot, className: 'ev-marker', iconSize: [size, size] });
    const marker = L.marker([lat, lon], {
      icon, title: [p.plover_type, p.location, p.event_date].filter(Boolean).join(' · '), riseOnHover: true,
    });
    const box = el('div', 'popup', null, [el('p', 'meta', 'loading…')]);
    box.dataset.key = p.key;
    marker.bindPopup(box, { maxWidth: 380, minWidth: 260 });
    marker.on('popupopen', () => {
      markActive(p.key);
      if (!box.dataset.loaded) loadPopup(box, p.key, marker);
    });
    return marker;
  }

  /** Popup content, fetched from /api/events/{key} the first time the popup opens. */
  function loadPopup(box, key, marker) {
    box.dataset.loaded = 'pending';
    getJSON('/api/events/' + encodeURIComponent(key)).then((body) => {
      fillPopup(box, body);
      box.dataset.loaded = '1';
      if (marker.isPopupOpen()) marker.getPopup().update(); // re-measure and re-pan for the new content
    }).catch((e) => {
      delete box.dataset.loaded;
      box.textContent = 'could not load the event: ' + e.message;
    });
  }

  function evidenceQuote(evidence) {
    // Mark the trigger inside the evidence sentence; offsets are code points of the article text.
    const chars = Array.from(evidence.text || '');
    const quote = el('blockquote', 'evidence');
    const t = evidence.trigger;
    if (t && t.start >= evidence.start && t.end <= evidence.end) {
      const a = t.start - evidence.start;
      const b = t.end - evidence.start;
      quote.append(chars.slice(0, a).join(''), el('mark', null, chars.slice(a, b).join('')), chars.slice(b).join(''));
    } else {
      quote.textContent = evidence.text || '';
    }
    return quote;
  }

  function fillPopup(box, body) {
    const ev = body.event;
    const data = ev.data || {};
    box.replaceChildren();
    const head = el('h3', null, null, [el('span', 'swatch'), document.createTextNode(' ' + ev.plover_type
      + (ev.acled_sub_event_type ? ' · ' + ev.acled_sub_event_type : ''))]);
    head.firstChild.style.background = colorOf(ev.plover_type);
    box.append(head);
    box.append(el('p', 'meta', null, [statusBadge(ev.status, data.attributed_to),
      document.createTextNode('  confidence ' + (ev.confidence ?? 0).toFixed(2))]));
    box.append(el('p', 'meta', [ev.date || 'undated', ev.location, ev.admin1].filter(Boolean).join(' · ')));
    const who = [(data.sources || []).map((a) => a.name).join(', '), (data.targets || []).map((a) => a.name).join(', ')];
    if (who[0] || who[1]) box.append(el('p', 'meta', (who[0] || '?') + (who[1] ? ' → ' + who[1] : '')));
    const qs = (data.quantities || []).map((q) => (q.value ?? q.low ?? '?') + ' ' + q.kind);
    if (qs.length) box.append(el('p', 'meta', 'quantities: ' + qs.join(', ')));
    box.append(evidenceQuote(body.evidence));
    const art = body.article;
    const src = el('p', 'meta', null, [document.createTextNode('source: ' + (art.source || 'unknown') + ' — ')]);
    const href = safeUrl(art.url);
    if (href) {
      const a = el('a', null, art.title || href);
      a.href = href; a.target = '_blank'; a.rel = 'noopener noreferrer';
      src.append(a);
    } else {
      src.append(document.createTextNode(art.title || art.id));
    }
    if (art.published) src.append(document.createTextNode(' (' + art.published + ')'));
    box.append(src);
    const open = el('button', 'open-article', 'Open the article');
    open.type = 'button';
    open.addEventListener('click', () => showArticle(art.id, body.evidence.trigger ? body.evidence.trigger.start : ev.start));
    box.append(open);
  }

  /** A map legend: one swatch per event type, plus how claims and numbers are drawn. */
  function addLegend(typeNames) {
    const legend = L.control({ position: 'bottomleft' });
    legend.onAdd = () => {
      const box = el('div', 'legend');
      for (const t of typeNames) {
        const sw = el('span', 'swatch');
        sw.style.background = colorOf(t);
        box.append(el('div', null, null, [sw, document.createTextNode(' ' + t)]));
      }
      box.append(el('div', 'legend-note', 'dashed ring: claimed, not established'));
      box.append(el('div', 'legend-note', 'number, size: largest quantity'));
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    legend.addTo(map);
  }

  // -- events: markers and list ----------------------------------------------------------------------------

  function eventParams() {
    return { ...state.filters, since: state.range ? state.range.since : '', until: state.range ? state.range.until : '' };
  }

  async function loadEvents() {
    const seq = ++state.seq;
    document.body.dataset.loading = '1';
    try {
      const params = eventParams();
      const [geo, list] = await Promise.all([
        getJSON('/api/events.geojson' + query({ ...params, limit: MAP_LIMIT })),
        getJSON('/api/events' + query({ ...params, sort: '-date', limit: LIST_LIMIT })),
      ]);
      if (seq !== state.seq) return; // a newer request superseded this one
      cluster.clearLayers();
      state.markers.clear();
      const markers = geo.features.map((f) => {
        const m = markerFor(f);
        state.markers.set(f.properties.key, m);
        return m;
      });
      cluster.addLayers(markers);
      if (!state.fitted && markers.length) { // frame the events once; later filters keep the user's view
        state.fitted = true;
        map.fitBounds(cluster.getBounds(), { padding: [30, 30], maxZoom: 8, animate: false });
      }
      renderList(list);
      const range = state.range ? state.range.since + ' – ' + state.range.until : 'all dates';
      $('summary').textContent = list.total + ' events (' + geo.features.length + ' on the map) · ' + range;
      document.body.dataset.events = String(list.total);
    } catch (e) {
      notice('events: ' + e.message);
    } finally {
      if (seq === state.seq) {
        delete document.body.dataset.loading;
        document.body.dataset.ready = '1';
      }
    }
  }

  function renderList(body) {
    const ol = $('event-list');
    ol.replaceChildren();
    $('list-count').textContent = '(' + body.total + (body.total > body.events.length ? ', newest ' + body.events.length : '') + ')';
    for (const ev of body.events) {
      const sw = el('span', 'swatch');
      sw.style.background = colorOf(ev.plover_type);
      const li = el('li', null, null, [
        el('div', 'ev-head', null, [sw, el('span', 'ev-date', ev.date || 'undated'), el('strong', null, ev.plover_type),
          statusBadge(ev.status, (ev.data || {}).attributed_to), el('span', null, ev.location || 'no place')]),
        el('div', 'ev-text', truncate(ev.text || '', 180)),
      ]);
      li.dataset.key = ev.key;
      li.tabIndex = 0;
      li.addEventListener('click', () => focusEvent(ev));
      li.addEventListener('keydown', (e) => { if (e.key === 'Enter') focusEvent(ev); });
      ol.append(li);
    }
  }

  function truncate(s, n) { const c = Array.from(s); return c.length > n ? c.slice(0, n - 1).join('') + '…' : s; }

  function markActive(key) {
    for (const li of document.querySelectorAll('#event-list li.active')) li.classList.remove('active');
    const li = document.querySelector('#event-list li[data-key="' + CSS.escape(key) + '"]');
    if (li) { li.classList.add('active'); li.scrollIntoView({ block: 'nearest' }); }
  }

  function focusEvent(ev) {
    const marker = state.markers.get(ev.key);
    if (marker) cluster.zoomToShowLayer(marker, () => marker.openPopup());
    else showArticle(ev.article_id, ev.start);
  }

  // -- timeline (SVG, brushable) -------------------------------------------------------------------------------

  const SVG = 'http://www.w3.org/2000/svg';
  const DAY = 86400000;
  const svgEl = (tag, attrs) => {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  };
  const toDay = (s) => Date.parse(s + 'T00:00:00Z');
  const fromDay = (t) => new Date(t).toISOString().slice(0, 10);

  async function loadTimeline() {
    try {
      const body = await getJSON('/api/stats/events' + query({ ...state.filters, by: 'date' }));
      state.days = body.counts.filter((c) => c.key);
      drawTimeline();
    } catch (e) { notice('timeline: ' + e.message); }
  }

  function timelineScale() {
    const svg = $('timeline');
    const width = svg.clientWidth || 600;
    const height = svg.clientHeight || 100;
    if (!state.days.length) return null;
    const lo = toDay(state.days[0].key);
    const hi = toDay(state.days[state.days.length - 1].key);
    const n = Math.round((hi - lo) / DAY) + 1;
    const pad = 4;
    const step = (width - 2 * pad) / n;
    return { width, height, lo, n, pad, step, x: (t) => pad + ((t - lo) / DAY) * step };
  }

  function drawTimeline() {
    const svg = $('timeline');
    svg.replaceChildren();
    const sc = timelineScale();
    if (!sc) {
      const t = svgEl('text', { x: 8, y: 20, class: 'axis' });
      t.textContent = 'no dated events';
      svg.append(t);
      return;
    }
    const max = Math.max(...state.days.map((d) => d.count));
    const plotH = sc.height - 16;
    for (const d of state.days) {
      const h = Math.max(1, (d.count / max) * (plotH - 4));
      const bar = svgEl('rect', {
        class: 'bar' + (inRange(d.key) ? '' : ' out'), x: sc.x(toDay(d.key)) + 0.5, y: plotH - h,
        width: Math.max(1, sc.step - 1), height: h,
      });
      bar.dataset.date = d.key;
      bar.dataset.count = String(d.count);
      const tip = svgEl('title');
      tip.textContent = d.key + ': ' + d.count + ' events';
      bar.append(tip);
      svg.append(bar);
    }
    svg.append(svgEl('line', { class: 'baseline', x1: sc.pad, x2: sc.width - sc.pad, y1: plotH + 0.5, y2: plotH + 0.5 }));
    const ticks = Math.min(sc.n, Math.max(2, Math.floor(sc.width / 90)));
    for (let i = 0; i < ticks; i++) {
      const day = sc.lo + Math.round((i * (sc.n - 1)) / Math.max(1, ticks - 1)) * DAY;
      const label = svgEl('text', { class: 'axis', x: sc.x(day) + sc.step / 2, y: sc.height - 2, 'text-anchor': i === 0 ? 'start' : (i === ticks - 1 ? 'end' : 'middle') });
      label.textContent = fromDay(day);
      svg.append(label);
    }
    if (state.range) {
      const a = sc.x(toDay(state.range.since));
      const b = sc.x(toDay(state.range.until)) + sc.step;
      svg.append(svgEl('rect', { class: 'brush', x: a, y: 0, width: Math.max(1, b - a), height: plotH }));
    }
  }

  function inRange(date) { return !state.range || (date >= state.range.since && date <= state.range.until); }

  function setRange(range) {
    state.range = range;
    $('range-label').textContent = range ? range.since + ' – ' + range.until : '';
    $('range-clear').hidden = !range;
    drawTimeline();
    loadEvents();
  }

  function installBrush() {
    const svg = $('timeline');
    let start = null;
    let rect = null;
    const px = (e) => e.clientX - svg.getBoundingClientRect().left;
    svg.addEventListener('pointerdown', (e) => {
      if (!state.days.length) return;
      start = px(e);
      svg.setPointerCapture(e.pointerId);
      rect = svgEl('rect', { class: 'brush', x: start, y: 0, width: 0, height: (svg.clientHeight || 100) - 16 });
      svg.append(rect);
    });
    svg.addEventListener('pointermove', (e) => {
      if (start === null || !rect) return;
      const x = px(e);
      rect.setAttribute('x', String(Math.min(start, x)));
      rect.setAttribute('width', String(Math.abs(x - start)));
    });
    const finish = (e) => {
      if (start === null) return;
      const end = px(e);
      const a = Math.min(start, end);
      const b = Math.max(start, end);
      start = null;
      rect = null;
      const sc = timelineScale();
      if (!sc || b - a < 3) { setRange(null); return; } // a click clears the selection
      const dayAt = (x) => Math.min(sc.n - 1, Math.max(0, Math.floor((x - sc.pad) / sc.step)));
      setRange({ since: fromDay(sc.lo + dayAt(a) * DAY), until: fromDay(sc.lo + dayAt(b) * DAY) });
    };
    svg.addEventListener('pointerup', finish);
    svg.addEventListener('pointercancel', () => { start = null; drawTimeline(); });
    $('range-clear').addEventListener('click', () => setRange(null));
    window.addEventListener('resize', drawTimeline);
  }

  // -- filters ---------------------------------------------------------------------------------------------

  async function loadFilterOptions() {
    try {
      const [types, actors] = await Promise.all([
        getJSON('/api/stats/events?by=plover_type'),
        getJSON('/api/actors?limit=1000'),
      ]);
      const typeSel = $('f-type');
      for (const c of types.counts) {
        if (!c.key) continue;
        const o = el('option', null, c.key + ' (' + c.count + ')');
        o.value = c.key;
        typeSel.append(o);
      }
      addLegend(types.counts.map((c) => c.key).filter(Boolean));
      const sides = [...new Set(actors.actors.map((a) => a.side || a.country).filter(Boolean))].sort();
      for (const s of sides) { const o = el('option', null, s); o.value = s; $('f-side').append(o); }
      const names = [...new Set(actors.actors.map((a) => a.name).filter(Boolean))].slice(0, 300);
      for (const n of names) { const o = el('option'); o.value = n; $('actor-names').append(o); }
    } catch (e) { notice('filters: ' + e.message); }
  }

  function installFilters() {
    let timer = null;
    const apply = () => {
      state.filters = {
        type: $('f-type').value, actor: $('f-actor').value.trim(), side: $('f-side').value, status: $('f-status').value,
      };
      loadTimeline();
      loadEvents();
    };
    $('filters').addEventListener('change', apply);
    $('f-actor').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(apply, 350); });
    $('filters').addEventListener('submit', (e) => { e.preventDefault(); apply(); });
    $('filters').addEventListener('reset', () => setTimeout(() => { state.range = null; setRange(null); apply(); }, 0));
  }

  // -- article view ------------------------------------------------------------------------------------------

  async function showArticle(id, focusStart) {
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

  function installTooltip() {
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

  // -- start --------------------------------------------------------------------------------------------------

  installBrush();
  installFilters();
  installTooltip();
  window.frontlines = { map, state, showArticle, setRange };
  loadBaseLayers();
  loadFilterOptions();
  loadTimeline();
  loadEvents();
})();
