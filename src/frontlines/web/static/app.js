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
  const POPUP_PAD = [48, 12]; // keep popups clear of the zoom buttons
  const LIST_LIMIT = 300;
  const MAP_LIMIT = 10000;

  // Corroboration of an incident: label, and the class its marker ring takes.
  const CORROBORATION = {
    independent: 'independent sources', 'claimed-by-party': 'claimed by a party',
    'single-source': 'single source', disputed: 'disputed',
  };
  // Controlling sides (ISO3); others get a colour from PALETTE by their code, so it is stable across dates.
  const SIDE_COLORS = { UKR: '#1565c0', RUS: '#c62828', BLR: '#6d4c41', '': '#8a949e' };
  const PALETTE = ['#00897b', '#6a1b9a', '#ef6c00', '#2e7d32', '#ad1457', '#4e342e', '#283593'];

  const params0 = new URLSearchParams(window.location.search);
  const state = {
    view: params0.get('view') === 'events' ? 'events' : 'incidents', // incidents by default: one marker per happening
    filters: { type: '', actor: '', side: '', status: '', corroboration: '' },
    range: null, // {since: 'YYYY-MM-DD', until: 'YYYY-MM-DD'} from the timeline brush
    markers: new Map(), // event key or incident id -> Leaflet marker
    control: { first: null, dates: [], date: null, seq: 0 }, // the control layer's slider
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
      const countries = L.geoJSON(borders, {
        interactive: false,
        style: () => ({ className: config.tile_url ? 'country outline' : 'country', fill: !config.tile_url }),
      }).addTo(map).bringToBack();
      map.attributionControl.addAttribution(escapeHtml(borders.attribution || config.basemap.attribution || ''));
      installAdmin1(config.basemap, countries);
    } catch (e) {
      notice('base layer: ' + e.message);
    }
  }

  /** Admin-1 borders (oblasts, provinces) of the countries in view, fetched once each when zoomed in. */
  const ADMIN1_MIN_ZOOM = 5;
  function installAdmin1(basemap, countries) {
    const available = new Set(basemap.admin1_countries || []);
    if (!basemap.admin1 || !available.size) return;
    map.createPane('admin1').style.zIndex = 450; // above the country fill, below markers and popups
    map.getPane('admin1').style.pointerEvents = 'none';
    const group = L.layerGroup();
    const bounds = new Map(); // iso3 -> bounds of the country's outline
    countries.eachLayer((layer) => {
      const iso3 = layer.feature.properties.iso3;
      if (!available.has(iso3)) return;
      const b = layer.getBounds();
      bounds.set(iso3, bounds.has(iso3) ? bounds.get(iso3).extend(b) : b);
    });
    const requested = new Set();
    let attributed = false;
    function refresh() {
      if (map.getZoom() < ADMIN1_MIN_ZOOM) { map.removeLayer(group); return; }
      group.addTo(map);
      const view = map.getBounds();
      for (const [iso3, b] of bounds) {
        if (requested.has(iso3) || !view.intersects(b)) continue;
        requested.add(iso3);
        fetch(basemap.admin1.replace('{iso3}', encodeURIComponent(iso3))).then((r) => {
          if (!r.ok) throw new Error(r.status + ' ' + r.statusText);
          return r.json();
        }).then((fc) => {
          group.addLayer(L.geoJSON(fc, { pane: 'admin1', interactive: false, style: () => ({ className: 'admin1' }) }));
          if (!attributed) {
            map.attributionControl.addAttribution(escapeHtml(fc.attribution || basemap.admin1_attribution || ''));
            attributed = true;
          }
        }).catch((e) => { // shown once; not retried on every move
          notice('admin-1 borders of ' + iso3 + ': ' + e.message);
        });
      }
    }
    map.on('moveend', refresh);
    refresh();
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
    marker.bindPopup(box, { maxWidth: 380, minWidth: 260, autoPanPaddingTopLeft: POPUP_PAD });
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

  /** The map legend: one swatch per event type, how the current view draws its markers, and control sides. */
  function addLegend(typeNames) {
    state.typeNames = typeNames;
    const legend = L.control({ position: 'bottomleft' });
    legend.onAdd = () => {
      const box = el('div', 'legend');
      box.id = 'map-legend';
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    legend.addTo(map);
    // Map controls sit above every pane, popups included: step the legend aside while a popup is open.
    map.on('popupopen', () => $('map-legend').classList.add('aside'));
    map.on('popupclose', () => $('map-legend').classList.remove('aside'));
    renderLegend();
  }

  function renderLegend() {
    const box = $('map-legend');
    if (!box) return;
    box.replaceChildren();
    for (const t of state.typeNames || []) {
      const sw = el('span', 'swatch');
      sw.style.background = colorOf(t);
      box.append(el('div', null, null, [sw, document.createTextNode(' ' + t)]));
    }
    if (state.view === 'incidents') {
      for (const [key, label] of Object.entries(CORROBORATION)) {
        box.append(el('div', 'legend-row', null, [el('span', 'legend-ring corr-' + key), document.createTextNode(' ' + label)]));
      }
      box.append(el('div', 'legend-note', 'number: reports of the incident'));
    } else {
      box.append(el('div', 'legend-note', 'dashed ring: claimed, not established'));
      box.append(el('div', 'legend-note', 'number, size: largest quantity'));
    }
    const sides = state.controlSides || [];
    if (sides.length && $('control-on').checked) {
      const row = el('div', 'legend-row', null, [document.createTextNode('control: ')]);
      for (const side of sides) {
        const sq = el('span', 'ctl-swatch', side || '?');
        sq.style.background = sideColor(side);
        row.append(sq, document.createTextNode(' '));
      }
      box.append(row);
      box.append(el('div', 'legend-note', 'square: confirmed · dashed: claimed · hatched: disputed'));
    }
  }

  // -- events: markers and list ----------------------------------------------------------------------------

  function eventParams() {
    const { corroboration, ...filters } = state.filters; // corroboration belongs to incidents
    return { ...filters, since: state.range ? state.range.since : '', until: state.range ? state.range.until : '' };
  }

  /** Load the current view (incidents or raw events) with the current filters. */
  function loadView() { return state.view === 'incidents' ? loadIncidents() : loadEvents(); }

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
      delete document.body.dataset.incidents;
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

  // -- incidents: one marker per happening, its reports one click away ------------------------------------------

  function incidentParams() {
    return { ...state.filters, since: state.range ? state.range.since : '', until: state.range ? state.range.until : '' };
  }

  function corroborationBadge(corroboration) {
    const badge = el('span', 'corr corr-' + (CORROBORATION[corroboration] ? corroboration : 'single-source'),
      CORROBORATION[corroboration] || corroboration || 'single source');
    badge.title = 'corroboration of the incident';
    return badge;
  }

  function reportsText(n, independent, party) {
    const parts = [];
    if (independent) parts.push(independent + ' independent');
    if (party) parts.push(party + (party === 1 ? ' party claim' : ' party claims'));
    return n + (n === 1 ? ' report' : ' reports') + (parts.length ? ' (' + parts.join(', ') + ')' : '');
  }

  function rangeText(ranges) {
    return Object.entries(ranges || {}).map(([kind, b]) => {
      const lo = shortNumber(Math.min(...b));
      const hi = shortNumber(Math.max(...b));
      return kind + ': ' + (lo === hi ? lo : lo + ' to ' + hi);
    }).join(', ');
  }

  function incidentMarker(feature) {
    const p = feature.properties;
    const [lon, lat] = feature.geometry.coordinates;
    const size = Math.round(Math.min(40, 20 + 5 * Math.log2(p.reports)));
    const corr = CORROBORATION[p.corroboration] ? p.corroboration : 'single-source';
    const dot = el('div', 'inc-dot corr-' + corr, String(p.reports));
    dot.style.background = colorOf(p.plover_type);
    dot.dataset.id = p.id;
    dot.dataset.reports = String(p.reports);
    dot.dataset.corroboration = corr;
    const icon = L.divIcon({ html: dot, className: 'ev-marker', iconSize: [size, size] });
    const dates = p.start === p.end ? p.start : p.start + ' – ' + p.end;
    const marker = L.marker([lat, lon], {
      icon, riseOnHover: true,
      title: [p.plover_type, p.location, dates, reportsText(p.reports), CORROBORATION[corr]].filter(Boolean).join(' · '),
    });
    const box = el('div', 'popup incident', null, [el('p', 'meta', 'loading…')]);
    box.dataset.id = p.id;
    marker.bindPopup(box, { maxWidth: 420, minWidth: 300, autoPanPaddingTopLeft: POPUP_PAD });
    marker.on('popupopen', () => {
      markActive(p.id);
      if (!box.dataset.loaded) loadIncidentPopup(box, p.id, marker);
    });
    return marker;
  }

  function loadIncidentPopup(box, id, marker) {
    box.dataset.loaded = 'pending';
    getJSON('/api/incidents/' + encodeURIComponent(id)).then((body) => {
      fillIncidentPopup(box, body);
      box.dataset.loaded = '1';
      if (marker.isPopupOpen()) marker.getPopup().update();
    }).catch((e) => {
      delete box.dataset.loaded;
      box.textContent = 'could not load the incident: ' + e.message;
    });
  }

  function articleLink(art) {
    const href = safeUrl(art.url);
    if (!href) return document.createTextNode(art.title || art.id || '');
    const a = el('a', null, art.title || href);
    a.href = href; a.target = '_blank'; a.rel = 'noopener noreferrer';
    return a;
  }

  function fillIncidentPopup(box, body) {
    const inc = body.incident;
    box.replaceChildren();
    const head = el('h3', null, null, [el('span', 'swatch'), document.createTextNode(' ' + inc.plover_type
      + (inc.acled_sub_event_type ? ' · ' + inc.acled_sub_event_type : ''))]);
    head.firstChild.style.background = colorOf(inc.plover_type);
    box.append(head);
    box.append(el('p', 'meta', null, [corroborationBadge(inc.corroboration), document.createTextNode(' '),
      el('span', 'report-count', reportsText(inc.reports.length, inc.independent_sources, inc.party_claims))]));
    const place = inc.place || {};
    const dates = inc.start === inc.end ? (inc.start || 'undated') : inc.start + ' – ' + inc.end;
    box.append(el('p', 'meta', [dates, place.name || place.text, place.admin1].filter(Boolean).join(' · ')));
    const ranges = rangeText(inc.quantity_ranges);
    if (ranges) box.append(el('p', 'meta', 'reported ' + ranges + ' across sources'));
    if (inc.reasons && inc.reasons.length) box.append(el('p', 'meta disputed-why', 'disputed: ' + inc.reasons.join(', ')));
    if (inc.earliest_report) box.append(el('p', 'meta', 'first reported ' + inc.earliest_report));
    const ol = el('ol', 'reports');
    for (const r of body.reports) ol.append(reportItem(r));
    box.append(ol);
  }

  function reportItem(r) {
    const li = el('li', 'report');
    li.dataset.event = r.report.event_key;
    if (r.missing) {
      li.append(el('p', 'meta', (r.report.source || 'unknown source') + ': this report is no longer stored'));
      return li;
    }
    const art = r.article;
    const src = el('p', 'meta', null, [el('strong', 'report-source', art.source || 'unknown source'),
      document.createTextNode(r.report.independent ? ' ' : ' (party) '), statusBadge(r.event.status, r.event.attributed_to)]);
    li.append(src);
    li.append(evidenceQuote(r.evidence));
    const meta = el('p', 'meta', null, [articleLink(art)]);
    if (art.published) meta.append(document.createTextNode(' (' + art.published + ')'));
    const qs = (r.event.quantities || []).map((q) => (q.value ?? q.low ?? '?') + ' ' + q.kind);
    if (qs.length) meta.append(document.createTextNode(' · ' + qs.join(', ')));
    li.append(meta);
    const open = el('button', 'open-article', 'Open the article');
    open.type = 'button';
    open.addEventListener('click', () => showArticle(art.id, r.evidence.trigger ? r.evidence.trigger.start : r.evidence.start));
    li.append(open);
    return li;
  }

  async function loadIncidents() {
    const seq = ++state.seq;
    document.body.dataset.loading = '1';
    try {
      const params = incidentParams();
      const [geo, list] = await Promise.all([
        getJSON('/api/incidents.geojson' + query({ ...params, limit: MAP_LIMIT })),
        getJSON('/api/incidents' + query({ ...params, limit: LIST_LIMIT })),
      ]);
      if (seq !== state.seq) return;
      cluster.clearLayers();
      state.markers.clear();
      const markers = geo.features.map((f) => {
        const m = incidentMarker(f);
        state.markers.set(f.properties.id, m);
        return m;
      });
      cluster.addLayers(markers);
      if (!state.fitted && markers.length) {
        state.fitted = true;
        map.fitBounds(cluster.getBounds(), { padding: [30, 30], maxZoom: 8, animate: false });
      }
      renderIncidentList(list);
      const reports = geo.features.reduce((n, f) => n + f.properties.reports, 0);
      const range = state.range ? state.range.since + ' – ' + state.range.until : 'all dates';
      $('summary').textContent = list.total + ' incidents from ' + reports + ' reports (' + geo.features.length
        + ' on the map) · ' + range;
      document.body.dataset.incidents = String(list.total);
      delete document.body.dataset.events;
    } catch (e) {
      notice('incidents: ' + e.message);
    } finally {
      if (seq === state.seq) {
        delete document.body.dataset.loading;
        document.body.dataset.ready = '1';
      }
    }
  }

  function renderIncidentList(body) {
    const ol = $('event-list');
    ol.replaceChildren();
    $('list-count').textContent = '(' + body.total + (body.total > body.incidents.length ? ', newest ' + body.incidents.length : '') + ')';
    for (const inc of body.incidents) {
      const sw = el('span', 'swatch');
      sw.style.background = colorOf(inc.plover_type);
      const place = inc.place || {};
      const dates = inc.start === inc.end ? (inc.start || 'undated') : inc.start + ' – ' + inc.end;
      const sources = [...new Set(inc.reports.map((r) => r.source).filter(Boolean))];
      const li = el('li', 'incident', null, [
        el('div', 'ev-head', null, [sw, el('span', 'ev-date', dates), el('strong', null, inc.plover_type),
          corroborationBadge(inc.corroboration), el('span', null, place.name || place.text || 'no place')]),
        el('div', 'ev-text', null, [el('span', 'report-count', reportsText(inc.reports.length, inc.independent_sources, inc.party_claims)),
          document.createTextNode(sources.length ? ': ' + sources.join(', ') : '')]),
      ]);
      li.dataset.key = inc.id;
      li.tabIndex = 0;
      const focus = () => {
        const marker = state.markers.get(inc.id);
        if (marker) cluster.zoomToShowLayer(marker, () => marker.openPopup());
        else notice('this incident has no coordinates');
      };
      li.addEventListener('click', focus);
      li.addEventListener('keydown', (e) => { if (e.key === 'Enter') focus(); });
      ol.append(li);
    }
  }

  // -- view toggle ---------------------------------------------------------------------------------------------

  function applyView() {
    const incidents = state.view === 'incidents';
    $('view-incidents').checked = incidents;
    $('view-events').checked = !incidents;
    $('list-title').textContent = incidents ? 'Incidents' : 'Events';
    $('f-corroboration-label').hidden = !incidents;
    document.body.dataset.view = state.view;
    $('map').setAttribute('aria-label', (incidents ? 'Map of incidents' : 'Map of events') + ' and territorial control');
    renderLegend();
  }

  /** Switch between incidents and raw events; the URL keeps the choice (?view=events). */
  function setView(view) {
    state.view = view === 'events' ? 'events' : 'incidents';
    const url = new URL(window.location.href);
    if (state.view === 'events') url.searchParams.set('view', 'events'); else url.searchParams.delete('view');
    window.history.replaceState(null, '', url.href);
    map.closePopup();
    applyView();
    return loadView();
  }

  function installViewToggle() {
    for (const id of ['view-incidents', 'view-events']) {
      $(id).addEventListener('change', (e) => { if (e.target.checked) setView(e.target.value); });
    }
  }

  // -- territorial control: settlements coloured by the side holding them on the slider's date --------------------

  function sideColor(side) {
    if (side in SIDE_COLORS) return SIDE_COLORS[side];
    let h = 0;
    for (const c of String(side)) h = (h * 31 + c.charCodeAt(0)) >>> 0;
    return PALETTE[h % PALETTE.length];
  }

  map.createPane('control');
  map.getPane('control').classList.add('control-pane'); // under the markers (z-index in style.css)
  const controlLayer = L.layerGroup();

  const dayIndex = (date) => Math.round((toDay(date) - toDay(state.control.first)) / DAY);
  const dateAt = (i) => fromDay(toDay(state.control.first) + i * DAY);

  async function loadControlDates() {
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
    if ($('control-on').checked) controlLayer.addTo(map);
    await setControlDate(body.last);
  }

  /** Show the state of control on this date (YYYY-MM-DD), clamped to the slider's range. */
  async function setControlDate(date) {
    const slider = $('control-date');
    const i = Math.max(0, Math.min(Number(slider.max), dayIndex(date)));
    slider.value = String(i);
    return loadControl(dateAt(i));
  }

  async function loadControl(date) {
    const c = state.control;
    const seq = ++c.seq;
    c.date = date;
    $('control-label').textContent = date;
    document.body.dataset.controlLoading = '1';
    try {
      const geo = await getJSON('/api/control.geojson' + query({ date }));
      if (seq !== c.seq) return;
      controlLayer.clearLayers();
      for (const f of geo.features) controlLayer.addLayer(controlMarker(f));
      state.controlSides = [...new Set(geo.features.map((f) => f.properties.side))].sort();
      const counts = {};
      for (const f of geo.features) counts[f.properties.side || '?'] = (counts[f.properties.side || '?'] || 0) + 1;
      $('control-summary').textContent = geo.features.length
        ? Object.entries(counts).map(([s, n]) => s + ' ' + n).join(' · ') + (geo.features.length === 1 ? ' settlement' : ' settlements')
        : 'no settlement changed hands by this date';
      renderLegend();
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

  function controlMarker(feature) {
    const p = feature.properties;
    const [lon, lat] = feature.geometry.coordinates;
    const status = ['claimed', 'confirmed', 'disputed'].includes(p.status) ? p.status : 'claimed';
    const sq = el('div', 'ctl ctl-' + status + (p.area ? ' ctl-area' : ''), p.side || '?');
    sq.style.backgroundColor = sideColor(p.side);
    sq.dataset.settlement = p.settlement || '';
    sq.dataset.side = p.side || '';
    sq.dataset.status = status;
    const icon = L.divIcon({ html: sq, className: 'ctl-marker', iconSize: [34, 34] });
    const marker = L.marker([lat, lon], {
      icon, pane: 'control', title: (p.settlement || '?') + ': ' + (p.side || 'unknown side') + ', ' + status,
    });
    marker.bindPopup(() => controlPopup(p), { maxWidth: 420, minWidth: 280, autoPanPaddingTopLeft: POPUP_PAD });
    return marker;
  }

  function controlPopup(p) {
    const box = el('div', 'popup control');
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
      open.addEventListener('click', () => showArticle(ev.article_id, ev.start));
      box.append(open);
    }
    return box;
  }

  function installControl() {
    const slider = $('control-date');
    let timer = null;
    slider.addEventListener('input', () => {
      const date = dateAt(Number(slider.value));
      $('control-label').textContent = date;
      clearTimeout(timer);
      timer = setTimeout(() => loadControl(date), 120);
    });
    slider.addEventListener('change', () => { clearTimeout(timer); loadControl(dateAt(Number(slider.value))); });
    const step = (dir) => {
      const c = state.control;
      if (!c.first) return;
      const now = c.date || c.first;
      const next = dir > 0 ? c.dates.find((d) => d > now) : [...c.dates].reverse().find((d) => d < now);
      if (next) setControlDate(next);
    };
    $('control-prev').addEventListener('click', () => step(-1));
    $('control-next').addEventListener('click', () => step(1));
    $('control-on').addEventListener('change', (e) => {
      if (e.target.checked) controlLayer.addTo(map); else controlLayer.remove();
      renderLegend();
    });
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
      const { corroboration, ...filters } = state.filters;
      const body = await getJSON('/api/stats/events' + query({ ...filters, by: 'date' }));
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
    loadView();
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
        corroboration: $('f-corroboration').value,
      };
      loadTimeline();
      loadView();
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
  installViewToggle();
  installControl();
  installTooltip();
  window.frontlines = { map, state, showArticle, setRange, setView, setControlDate };
  loadBaseLayers();
  loadFilterOptions();
  loadTimeline();
  loadControlDates();
  applyView();
  loadView();
})();
