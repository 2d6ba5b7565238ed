/* The offline base map: country borders, admin-1 borders when zoomed in, and place labels from the
 * project's gazetteer (largest places first, more as the map zooms in), all from this server. */

import { el, escapeHtml, getJSON, notice } from './util.js';

const ADMIN1_MIN_ZOOM = 5;

/** Draw the base layers; resolves once the country borders are on the map. `first` is a promise that
 * resolves when the first view's markers are drawn: the borders and labels wait for it, so that they
 * do not hold up the data on a busy server (they are drawn a moment later). */
export async function loadBaseLayers(map, first = Promise.resolve()) {
  let config = { tile_url: null, basemap: { countries: '/api/basemap/countries', attribution: '' } };
  try { config = await getJSON('/api/config'); } catch (e) { notice('config: ' + e.message); }
  await first;
  if (config.tile_url) {
    // Leaflet renders attribution as HTML: only our own constant text goes there, escaped anyway.
    L.tileLayer(config.tile_url, { maxZoom: 18, attribution: escapeHtml('© OpenStreetMap contributors') }).addTo(map);
  }
  installLabels(map, config.basemap, !!config.tile_url);
  try {
    const r = await fetch(config.basemap.countries);
    if (!r.ok) throw new Error(r.status + ' ' + r.statusText);
    const borders = await r.json();
    const countries = L.geoJSON(borders, {
      interactive: false,
      style: () => ({ className: config.tile_url ? 'country outline' : 'country', fill: !config.tile_url }),
    }).addTo(map).bringToBack();
    map.attributionControl.addAttribution(escapeHtml(borders.attribution || config.basemap.attribution || ''));
    installAdmin1(map, config.basemap, countries);
  } catch (e) {
    notice('base layer: ' + e.message);
  }
}

/** Admin-1 borders (oblasts, provinces) of the countries in view, fetched once each when zoomed in. */
function installAdmin1(map, basemap, countries) {
  const available = new Set(basemap.admin1_countries || []);
  if (!basemap.admin1 || !available.size) return;
  map.createPane('admin1').style.zIndex = 450; // above the country fill, below labels, markers and popups
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

/** The (west, south, east, north) of label tile (x, y) at `zoom`: the same tiles as geo/labels.py. */
export function labelTileBbox(x, y, zoom, tile) {
  const n = (2 ** zoom * 256) / tile;
  const latOf = (ty) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / n))) * 180) / Math.PI;
  return [(x / n) * 360 - 180, latOf(y + 1), ((x + 1) / n) * 360 - 180, latOf(y)];
}

/** Place labels from /api/basemap/labels, one request per label tile in view, kept per zoom. With a
 * tile server (which draws its own names) they stay off. */
function installLabels(map, basemap, tiles) {
  if (!basemap || !basemap.labels || tiles) return;
  const size = basemap.label_tile || 512;
  map.createPane('labels').style.zIndex = 460; // above borders, below control squares, markers and popups
  map.getPane('labels').style.pointerEvents = 'none';
  const layer = L.layerGroup().addTo(map);
  const cache = new Map(); // 'z/x/y' -> Promise of labels
  let shownZoom = null;
  let seq = 0;
  let attributed = false;

  function tileLabels(z, x, y) {
    const key = z + '/' + x + '/' + y;
    if (!cache.has(key)) {
      const bbox = labelTileBbox(x, y, z, size).map((v) => v.toFixed(6)).join(',');
      cache.set(key, getJSON(basemap.labels + '?bbox=' + bbox + '&zoom=' + z).then((body) => {
        if (!attributed) { map.attributionControl.addAttribution(escapeHtml(body.attribution || basemap.labels_attribution || '')); attributed = true; }
        return body.labels;
      }).catch((e) => { cache.delete(key); throw e; }));
    }
    return cache.get(key);
  }

  async function refresh() {
    const z = Math.round(map.getZoom());
    const mine = ++seq;
    const n = (2 ** z * 256) / size;
    const b = map.getPixelBounds(map.getCenter(), z);
    const tiles = [];
    for (let x = Math.floor(b.min.x / size); x <= Math.floor(b.max.x / size); x++) {
      for (let y = Math.max(0, Math.floor(b.min.y / size)); y <= Math.min(n - 1, Math.floor(b.max.y / size)); y++) {
        tiles.push([z, ((x % n) + n) % n, y]);
      }
    }
    document.body.dataset.labelsLoading = '1';
    let lists;
    try {
      lists = await Promise.all(tiles.map(([tz, tx, ty]) => tileLabels(tz, tx, ty)));
    } catch (e) {
      notice('place labels: ' + e.message);
      delete document.body.dataset.labelsLoading;
      return;
    }
    if (mine !== seq) return; // the map moved on
    if (shownZoom !== z) { layer.clearLayers(); shownZoom = z; layer.shown = new Set(); }
    for (const list of lists) {
      for (const p of list) {
        const key = p.name + '@' + p.lat + ',' + p.lon;
        if (layer.shown.has(key)) continue;
        layer.shown.add(key);
        const text = el('span', 'place-label-text', p.name);
        const icon = L.divIcon({ html: text, className: 'place-label kind-' + p.kind, iconSize: null });
        const m = L.marker([p.lat, p.lon], { icon, pane: 'labels', interactive: false, keyboard: false });
        m.placeName = p.name;
        layer.addLayer(m);
      }
    }
    document.body.dataset.labels = String(layer.getLayers().length);
    document.body.dataset.labelsZoom = String(z);
    delete document.body.dataset.labelsLoading;
  }

  map.on('moveend', refresh);
  map.whenReady(refresh);
}
