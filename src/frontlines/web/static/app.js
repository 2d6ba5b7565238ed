/* frontlines web map: talks only to the API (/api/...). An ES module, loaded with no build step:
 *
 *   js/util.js      elements without HTML, fetching JSON, colours
 *   js/dates.js     dates at their own precision ("2023", "Apr 2022")
 *   js/basemap.js   offline base layers: borders, admin-1 borders, place labels
 *   js/control.js   the territorial control layer and its date slider
 *   js/legend.js    the collapsible map legend
 *   js/timeline.js  the brushable timeline of days and coarse spans
 *   js/article.js   the annotated article view
 *   js/review.js    analyst review: the token, confirm / reject / edit in popups and the article view
 *   app.js          (this file) events and incidents: markers, popups, the list, filters, first view
 *
 * Article text, titles, names and every other stored string are untrusted: they reach the page only
 * through textContent, element properties and setAttribute, never through innerHTML or HTML strings.
 */

import {
  $, colorOf, el, getJSON, notice, query, quantityText, safeUrl, shortNumber, statusBadge, truncate, POPUP_PAD,
} from './js/util.js';
import { incidentDates, periodLabel, periodNote } from './js/dates.js';
import { loadBaseLayers } from './js/basemap.js';
import { installControl } from './js/control.js';
import { addLegend, CORROBORATION } from './js/legend.js';
import { installTimeline } from './js/timeline.js';
import { installArticleView, showArticle } from './js/article.js';
import { installFollow } from './js/follow.js';
import { installReview, reviewLine } from './js/review.js';

const LIST_LIMIT = 300;
const MAP_LIMIT = 20000; // every marker of a view up to /api/map's limit (lean features: docs/performance.md)

const params0 = new URLSearchParams(window.location.search);
const state = {
  view: params0.get('view') === 'events' ? 'events' : 'incidents', // incidents by default: one marker per happening
  filters: { type: '', actor: '', side: '', status: '', corroboration: '', review: '' },
  range: null, // {since: 'YYYY-MM-DD', until: 'YYYY-MM-DD'} from the timeline brush
  markers: new Map(), // event key or incident id -> Leaflet marker
  seq: 0, // guards against out-of-order responses
};

// -- map ------------------------------------------------------------------------------------------------

const map = L.map('map', { worldCopyJump: true, minZoom: 2, maxZoom: 18 }).setView([48.4, 33.5], 6);
const cluster = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false, chunkedLoading: true });
map.addLayer(cluster);

/** The box holding the bulk of the points: the 5th to 95th percentile of latitudes and of longitudes, so
 * that a few mis-placed outliers (a namesake town abroad) do not make the first view the whole world. */
export function bulkBounds(latlngs, lo = 0.05, hi = 0.95) {
  if (!latlngs.length) return null;
  const pick = (values, q) => values[Math.min(values.length - 1, Math.max(0, Math.round(q * (values.length - 1))))];
  const lats = latlngs.map((p) => p[0]).sort((a, b) => a - b);
  const lons = latlngs.map((p) => p[1]).sort((a, b) => a - b);
  const [s, n, w, e] = [pick(lats, lo), pick(lats, hi), pick(lons, lo), pick(lons, hi)];
  const padLat = Math.max(0.25, (n - s) * 0.05);
  const padLon = Math.max(0.25, (e - w) * 0.05);
  return L.latLngBounds([s - padLat, w - padLon], [n + padLat, e + padLon]);
}

/** Frame the data once; later filters keep the user's view. */
function fitFirstView(features) {
  if (state.fitted || !features.length) return;
  state.fitted = true;
  const bounds = bulkBounds(features.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]));
  map.fitBounds(bounds, { padding: [20, 20], maxZoom: 8, animate: false });
}

/** The page is ready once the first view's markers and list are drawn (bench/page.py reads the mark). */
let firstReady;
const firstView = new Promise((resolve) => { firstReady = resolve; });
function markReady() {
  delete document.body.dataset.loading;
  if (!document.body.dataset.ready) { performance.mark('frontlines-ready'); firstReady(); }
  document.body.dataset.ready = '1';
}

// -- events: markers and list ----------------------------------------------------------------------------

/** A marker icon whose element (`icon.options.html`) is built the first time it is read: when Leaflet draws
 * the marker, which most of thousands of clustered markers never need, or when a script asks for it. */
function lazyIcon(size, build) {
  const icon = L.divIcon({ className: 'ev-marker', iconSize: [size, size] });
  let dot = null;
  Object.defineProperty(icon.options, 'html', { get: () => dot || (dot = build()), enumerable: true });
  return icon;
}

/** An event's marker, from its lean feature (/api/map/events): size and number from its casualty toll only
 * (decided by the API, quantities/tolls.py: `toll.size` sizes it, `toll.marker` is the text drawn on it, ""
 * for a vague amount; no toll, no number, the smallest dot). The popup fetches the full event when it opens. */
function markerFor(feature) {
  const p = feature.properties;
  const key = feature.id;
  const toll = p.toll;
  const [lon, lat] = feature.geometry.coordinates;
  const size = toll ? Math.round(Math.min(46, 16 + 7 * Math.log10(1 + toll.size))) : 14;
  const icon = lazyIcon(size, () => {
    const dot = el('div', 'ev-dot' + (p.status === 'happened' ? '' : ' claimed'), (toll && toll.marker) || null);
    dot.style.background = colorOf(p.plover_type); // CSSOM, allowed by the CSP (no style attribute in markup)
    dot.dataset.key = key;
    dot.dataset.size = String(size);
    if (p.period) dot.dataset.period = p.period;
    if (p.review) dot.dataset.review = p.review; // reviewed by an analyst: a ring (style.css)
    return dot;
  });
  const marker = L.marker([lat, lon], {
    icon, title: [p.plover_type, p.location, periodLabel(p.period), toll ? toll.label : null, p.review]
      .filter(Boolean).join(' · '),
    riseOnHover: true,
  });
  lazyPopup(marker, key, 'popup', { maxWidth: 380, minWidth: 260 }, (box) => {
    box.dataset.key = key;
    loadPopup(box, key, marker);
  });
  return marker;
}

/** A marker's popup, bound the first time it is opened (binding one per marker up front cost more than
 * building the markers): `fill(box)` starts loading the full record into the popup's box. */
function lazyPopup(marker, key, className, options, fill) {
  marker.bindLazy = () => {
    let box = null;
    marker.bindPopup(() => {
      if (!box) {
        box = el('div', className, null, [el('p', 'meta', 'loading…')]);
        fill(box);
      }
      return box;
    }, { ...options, autoPanPaddingTopLeft: POPUP_PAD });
    marker.on('popupopen', () => {
      markActive(key);
      if (box && !box.dataset.loaded) fill(box); // an earlier load failed: try again
    });
  };
}

/** Open a marker's popup, binding it first if it never was. */
function openMarkerPopup(marker) {
  if (!marker.getPopup()) marker.bindLazy();
  marker.openPopup();
}

// A click (or Enter) on a marker whose popup is not yet bound reaches the cluster group: bind and open it.
cluster.on('click keypress', (e) => {
  const marker = e.propagatedFrom || e.layer;
  if (!marker || !marker.bindLazy || marker.getPopup()) return; // a bound popup opens by itself
  if (e.type === 'keypress' && e.originalEvent.keyCode !== 13) return;
  openMarkerPopup(marker);
});

/** Popup content, fetched from /api/events/{key} the first time the popup opens. */
function loadPopup(box, key, marker) {
  box.dataset.loaded = 'pending';
  getJSON('/api/events/' + encodeURIComponent(key)).then((body) => {
    fillPopup(box, body, marker);
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

/** The date line of a popup or list row: the period's label, with what a coarse one means as its title. */
function dateSpan(period, fallback) {
  const span = el('span', 'ev-date' + (period && period.length !== 10 ? ' coarse' : ''), periodLabel(period, fallback || 'undated'));
  if (period) span.dataset.period = period;
  const note = periodNote(period);
  if (note) span.title = note;
  return span;
}

function fillPopup(box, body, marker) {
  const ev = body.event;
  const data = ev.data || {};
  box.replaceChildren();
  const head = el('h3', null, null, [el('span', 'swatch'), document.createTextNode(' ' + ev.plover_type
    + (ev.acled_sub_event_type ? ' · ' + ev.acled_sub_event_type : ''))]);
  head.firstChild.style.background = colorOf(ev.plover_type);
  box.append(head);
  box.append(el('p', 'meta', null, [statusBadge(ev.status, data.attributed_to),
    document.createTextNode('  confidence ' + (ev.confidence ?? 0).toFixed(2))]));
  box.append(el('p', 'meta', null, [dateSpan(ev.period || ev.date),
    document.createTextNode([' ', ev.location, ev.admin1].filter(Boolean).join(' · '))]));
  const who = [(data.sources || []).map((a) => a.name).join(', '), (data.targets || []).map((a) => a.name).join(', ')];
  if (who[0] || who[1]) box.append(el('p', 'meta', (who[0] || '?') + (who[1] ? ' → ' + who[1] : '')));
  const qs = (data.quantities || []).map(quantityText);
  if (qs.length) box.append(el('p', 'meta', 'quantities: ' + qs.join(', ')));
  // the marker's number and size come from this figure only (the API decides it: quantities/tolls.py)
  if (body.casualties) box.append(el('p', 'meta casualties', 'toll on the marker: ' + body.casualties.label));
  box.append(evidenceQuote(body.evidence));
  const art = body.article;
  const src = el('p', 'meta', null, [document.createTextNode('source: ' + (art.source || 'unknown') + ' — '), articleLink(art)]);
  if (art.published) src.append(document.createTextNode(' (' + art.published + ')'));
  box.append(src);
  const open = el('button', 'open-article', 'Open the article');
  open.type = 'button';
  open.addEventListener('click', () => showArticle(art.id, body.evidence.trigger ? body.evidence.trigger.start : ev.start));
  box.append(open);
  const line = reviewLine(ev.review);
  if (line) box.append(line);
  box.append(review.eventActions(ev, () => { if (marker.isPopupOpen()) marker.getPopup().update(); }));
}

/** After a review: redraw that one marker from the answer (moved, ringed, or gone if rejected), not the map. */
function eventReviewed(key, body) {
  if (state.view !== 'events') { loadView(); return; } // an incident may have gained or lost a report
  const old = state.markers.get(key);
  const feature = body.marker;
  const hidden = !feature || feature.properties.review === 'rejected' || state.filters.review === 'unreviewed';
  const li = document.querySelector('#event-list li[data-key="' + CSS.escape(key) + '"]');
  if (li && hidden) li.remove(); else if (li) li.dataset.review = feature.properties.review;
  const [lon, lat] = feature ? feature.geometry.coordinates : [];
  const was = old && (old._preSpiderfyLatlng || old.getLatLng()); // where it is, spread out of its cluster or not
  if (old && !hidden && was.equals([lat, lon])) { // in place: a new icon, the open popup refilled
    const fresh = markerFor(feature);
    old.options.title = fresh.options.title;
    old.setIcon(fresh.options.icon);
    if (old._icon) old._icon.title = fresh.options.title; // Leaflet keeps the old title on a reused element
    const box = old.isPopupOpen() && old.getPopup().getElement().querySelector('.popup');
    if (box) loadPopup(box, key, old);
    return;
  }
  if (old) { old.closePopup(); cluster.removeLayer(old); state.markers.delete(key); }
  if (hidden) return;
  const marker = markerFor(feature);
  state.markers.set(key, marker);
  cluster.addLayer(marker);
  // its popup again, with the review, where the marker is drawn; one now inside a cluster stays there
  if (marker._icon) openMarkerPopup(marker);
  else notice('reviewed: the event now stands at ' + (feature.properties.location || 'its new place'));
}

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
      getJSON('/api/map/events' + query({ ...params, limit: MAP_LIMIT })),
      getJSON('/api/events' + query({ ...params, sort: '-date', limit: LIST_LIMIT })),
    ]);
    if (seq !== state.seq) return; // a newer request superseded this one
    cluster.clearLayers();
    state.markers.clear();
    const markers = geo.features.map((f) => {
      const m = markerFor(f);
      state.markers.set(f.id, m);
      return m;
    });
    cluster.addLayers(markers);
    fitFirstView(geo.features);
    renderList(list);
    const range = state.range ? state.range.since + ' – ' + state.range.until : 'all dates';
    $('summary').textContent = list.total + ' events (' + geo.features.length + ' on the map) · ' + range;
    document.body.dataset.events = String(list.total);
    delete document.body.dataset.incidents;
  } catch (e) {
    notice('events: ' + e.message);
  } finally {
    if (seq === state.seq) markReady();
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
      el('div', 'ev-head', null, [sw, dateSpan(ev.period || ev.date), el('strong', null, ev.plover_type),
        statusBadge(ev.status, (ev.data || {}).attributed_to), el('span', null, ev.location || 'no place')]),
      el('div', 'ev-text', truncate(ev.text || '', 180)),
    ]);
    li.dataset.key = ev.key;
    if (ev.review) li.dataset.review = ev.review.verdict;
    li.tabIndex = 0;
    li.addEventListener('click', () => focusEvent(ev));
    li.addEventListener('keydown', (e) => { if (e.key === 'Enter') focusEvent(ev); });
    ol.append(li);
  }
}

function markActive(key) {
  for (const li of document.querySelectorAll('#event-list li.active')) li.classList.remove('active');
  const li = document.querySelector('#event-list li[data-key="' + CSS.escape(key) + '"]');
  if (li) { li.classList.add('active'); li.scrollIntoView({ block: 'nearest' }); }
}

function focusEvent(ev) {
  const marker = state.markers.get(ev.key);
  if (marker) cluster.zoomToShowLayer(marker, () => openMarkerPopup(marker));
  else showArticle(ev.article_id, ev.start);
}

// -- incidents: one marker per happening, its reports one click away ------------------------------------------

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

/** An incident's marker, from its lean feature (/api/map/incidents): sized and numbered by its reports. */
function incidentMarker(feature) {
  const p = feature.properties;
  const id = feature.id;
  const [lon, lat] = feature.geometry.coordinates;
  const size = Math.round(Math.min(40, 20 + 5 * Math.log2(p.reports)));
  const corr = CORROBORATION[p.corroboration] ? p.corroboration : 'single-source';
  const icon = lazyIcon(size, () => {
    const dot = el('div', 'inc-dot corr-' + corr, String(p.reports));
    dot.style.background = colorOf(p.plover_type);
    dot.dataset.id = id;
    dot.dataset.reports = String(p.reports);
    dot.dataset.corroboration = corr;
    return dot;
  });
  const marker = L.marker([lat, lon], {
    icon, riseOnHover: true,
    title: [p.plover_type, p.location, incidentDates(p), reportsText(p.reports), CORROBORATION[corr]].filter(Boolean).join(' · '),
  });
  lazyPopup(marker, id, 'popup incident', { maxWidth: 420, minWidth: 300 }, (box) => {
    box.dataset.id = id;
    loadIncidentPopup(box, id, marker);
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

/** "killed: 7 to 9, injured: 12": the casualty ranges across an incident's reports (never a population). */
function casualtyRanges(figure) {
  return figure.parts.map((p) => {
    const lo = shortNumber(p.low);
    const hi = shortNumber(p.high);
    return p.kind + ': ' + (lo === hi ? lo : lo + ' to ' + hi);
  }).join(', ');
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
  const when = inc.period ? dateSpan(inc.period) : el('span', 'ev-date', incidentDates(inc));
  box.append(el('p', 'meta', null, [when, document.createTextNode([' ', place.name || place.text, place.admin1].filter(Boolean).join(' · '))]));
  if (inc.casualties) box.append(el('p', 'meta casualties', 'reported ' + casualtyRanges(inc.casualties) + ' across sources'));
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
  const qs = (r.event.quantities || []).map(quantityText);
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
    const params = { ...state.filters, since: state.range ? state.range.since : '', until: state.range ? state.range.until : '' };
    const [geo, list] = await Promise.all([
      getJSON('/api/map/incidents' + query({ ...params, limit: MAP_LIMIT })),
      getJSON('/api/incidents' + query({ ...params, limit: LIST_LIMIT })),
    ]);
    if (seq !== state.seq) return;
    cluster.clearLayers();
    state.markers.clear();
    const markers = geo.features.map((f) => {
      const m = incidentMarker(f);
      state.markers.set(f.id, m);
      return m;
    });
    cluster.addLayers(markers);
    fitFirstView(geo.features);
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
    if (seq === state.seq) markReady();
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
    const sources = [...new Set(inc.reports.map((r) => r.source).filter(Boolean))];
    const when = inc.period ? dateSpan(inc.period) : el('span', 'ev-date', incidentDates(inc));
    const li = el('li', 'incident', null, [
      el('div', 'ev-head', null, [sw, when, el('strong', null, inc.plover_type),
        corroborationBadge(inc.corroboration), el('span', null, place.name || place.text || 'no place')]),
      el('div', 'ev-text', null, [el('span', 'report-count', reportsText(inc.reports.length, inc.independent_sources, inc.party_claims)),
        document.createTextNode(sources.length ? ': ' + sources.join(', ') : '')]),
    ]);
    li.dataset.key = inc.id;
    li.tabIndex = 0;
    const focus = () => {
      const marker = state.markers.get(inc.id);
      if (marker) cluster.zoomToShowLayer(marker, () => openMarkerPopup(marker));
      else notice('this incident has no coordinates');
    };
    li.addEventListener('click', focus);
    li.addEventListener('keydown', (e) => { if (e.key === 'Enter') focus(); });
    ol.append(li);
  }
}

// -- view toggle, filters, range ---------------------------------------------------------------------------

function applyView() {
  const incidents = state.view === 'incidents';
  $('view-incidents').checked = incidents;
  $('view-events').checked = !incidents;
  $('list-title').textContent = incidents ? 'Incidents' : 'Events';
  $('f-corroboration-label').hidden = !incidents;
  document.body.dataset.view = state.view;
  $('map').setAttribute('aria-label', (incidents ? 'Map of incidents' : 'Map of events') + ' and territorial control');
  legend.render();
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

function setRange(range) {
  state.range = range;
  $('range-label').textContent = range ? range.since + ' – ' + range.until : '';
  $('range-clear').hidden = !range;
  timeline.draw();
  loadView();
}

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
    state.typeNames = types.counts.map((c) => c.key).filter(Boolean);
    legend.render();
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
      corroboration: $('f-corroboration').value, review: $('f-unreviewed').checked ? 'unreviewed' : '',
    };
    timeline.load();
    loadView();
  };
  $('filters').addEventListener('change', apply);
  $('f-actor').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(apply, 350); });
  $('filters').addEventListener('submit', (e) => { e.preventDefault(); apply(); });
  $('filters').addEventListener('reset', () => setTimeout(() => { state.range = null; setRange(null); apply(); }, 0));
  $('range-clear').addEventListener('click', () => setRange(null));
  for (const id of ['view-incidents', 'view-events']) {
    $(id).addEventListener('change', (e) => { if (e.target.checked) setView(e.target.value); });
  }
}

// -- start --------------------------------------------------------------------------------------------------

const review = installReview({
  onEventReviewed: eventReviewed,
  onControlReviewed: () => { map.closePopup(); control.reload(); }, // its square is drawn again, as reviewed
});
const legend = addLegend(map, state);
const timeline = installTimeline({ state, onRange: setRange });
const control = installControl({
  map, state, showArticle, onChange: () => legend.render(),
  reviewActions: (p, resize) => [reviewLine({ verdict: p.review, reviewer: p.reviewer }), review.controlActions(p, resize)],
});
installFilters();
installArticleView();
window.frontlines = { map, state, showArticle, setRange, setView, setControlDate: control.setDate, bulkBounds, controlLayer: control.layer };
applyView();
loadView(); // first: the markers and the list are what "ready" means
timeline.load();
firstView.then(loadFilterOptions); // the filters' options (two counts over every event) wait for the first view
loadBaseLayers(map, firstView);
control.loadDates();
// new reporting: a notice, and the layers reloaded on its click (the view stays where it is)
window.frontlines.follow = installFollow({
  view: () => state.view,
  every: params0.has('follow') ? Number(params0.get('follow')) : undefined,
  reload: () => Promise.all([loadView(), timeline.load(), control.loadDates()]),
});
