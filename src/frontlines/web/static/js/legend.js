/* The map legend: event types, how the current view draws its markers, control sides. It sits at the top
 * right (the attribution is at the bottom right, the zoom buttons at the top left), never taller than the
 * map leaves room for, and folds away with one click. */

import { $, colorOf, el } from './util.js';
import { sideColor } from './control.js';

export const CORROBORATION = {
  independent: 'independent sources', 'claimed-by-party': 'claimed by a party',
  'single-source': 'single source', disputed: 'disputed',
};
const FOLDED_KEY = 'frontlines.legend.folded';

/** Add the legend control to the map; `state` holds typeNames, view and controlSides. */
export function addLegend(map, state) {
  const legend = L.control({ position: 'topright' });
  legend.onAdd = () => {
    const box = el('div', 'legend');
    box.id = 'map-legend';
    const toggle = el('button', 'legend-toggle', 'Legend');
    toggle.type = 'button';
    toggle.id = 'legend-toggle';
    toggle.setAttribute('aria-controls', 'legend-body');
    const body = el('div', 'legend-body');
    body.id = 'legend-body';
    box.append(toggle, body);
    const fold = (folded) => {
      box.classList.toggle('folded', folded);
      toggle.setAttribute('aria-expanded', String(!folded));
      toggle.title = folded ? 'Show the legend' : 'Hide the legend';
      try { window.localStorage.setItem(FOLDED_KEY, folded ? '1' : '0'); } catch (e) { /* private mode */ }
    };
    let folded = false;
    try { folded = window.localStorage.getItem(FOLDED_KEY) === '1'; } catch (e) { /* private mode */ }
    fold(folded || map.getSize().y < 420); // a short map starts with the legend folded
    toggle.addEventListener('click', () => { fold(!box.classList.contains('folded')); fit(); });
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return box;
  };
  legend.addTo(map);

  /** Keep the legend above the attribution: its height is capped at what the map leaves free. */
  function fit() {
    const box = $('map-legend');
    const attribution = map.getContainer().querySelector('.leaflet-control-attribution');
    const room = map.getSize().y - 10 - (attribution ? attribution.offsetHeight + 14 : 24);
    box.querySelector('.legend-body').style.maxHeight = Math.max(40, room - 30) + 'px';
  }
  map.on('resize', fit);
  // Map controls sit above every pane, popups included: step the legend aside while a popup is open.
  map.on('popupopen', () => $('map-legend').classList.add('aside'));
  map.on('popupclose', () => $('map-legend').classList.remove('aside'));
  fit();
  return { render: () => { render(state); fit(); }, fit };
}

function render(state) {
  const body = document.getElementById('legend-body');
  if (!body) return;
  body.replaceChildren();
  const types = el('div', 'legend-types');
  for (const t of state.typeNames || []) {
    const sw = el('span', 'swatch');
    sw.style.background = colorOf(t);
    types.append(el('div', null, null, [sw, document.createTextNode(' ' + t)]));
  }
  body.append(types);
  if (state.view === 'incidents') {
    for (const [key, label] of Object.entries(CORROBORATION)) {
      body.append(el('div', 'legend-row', null, [el('span', 'legend-ring corr-' + key), document.createTextNode(' ' + label)]));
    }
    body.append(el('div', 'legend-note', 'number: reports of the incident'));
  } else {
    body.append(el('div', 'legend-note', 'dashed ring: claimed, not established'));
    body.append(el('div', 'legend-note', 'number, size: killed or injured (none: no toll reported)'));
    body.append(el('div', 'legend-note', 'double ring: reviewed (green: confirmed, blue: corrected)'));
  }
  const sides = state.controlSides || [];
  if (sides.length && $('control-on').checked) {
    const row = el('div', 'legend-row', null, [document.createTextNode('control: ')]);
    for (const side of sides) {
      const sq = el('span', 'ctl-swatch', side || '?');
      sq.style.background = sideColor(side);
      row.append(sq, document.createTextNode(' '));
    }
    body.append(row);
    body.append(el('div', 'legend-note', 'square: confirmed · dashed: claimed · hatched: disputed'));
  }
}
