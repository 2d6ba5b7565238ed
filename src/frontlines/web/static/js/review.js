/* Analyst review on the page: a token kept for this tab (sessionStorage), and confirm / reject / edit buttons
 * in the event popups, the control popups and the article view, shown only when the API says the token's
 * user is a reviewer or an admin (GET /api/users/me). Reviews are posted to the API, which keeps them as
 * records of their own (POST /api/events/{key}/review, POST /api/control/{id}/review); the page then
 * redraws the one marker (`ctx.onEventReviewed`) or the control layer (`ctx.onControlReviewed`).
 *
 * Stored strings reach the page only through textContent and element properties (see util.js).
 */

import { $, el, getJSON, notice } from './util.js';

const TOKEN_KEY = 'frontlines.token';
const VERDICT_TEXT = { confirmed: 'confirmed', corrected: 'corrected', rejected: 'rejected' };

/** POST JSON with the session's token; the API's error message on failure. */
async function postJSON(url, payload, token) {
  const r = await fetch(url, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
    body: JSON.stringify(payload),
  });
  let body;
  try { body = await r.json(); } catch (e) { body = {}; }
  if (!r.ok || body.ok === false) throw new Error(body.error || (r.status + ' ' + r.statusText));
  return body;
}

/** Keep keys, clicks and wheel turns typed into a form inside a popup away from the map (no zoom on '-'). */
function isolate(node) {
  if (window.L) { L.DomEvent.disableClickPropagation(node); L.DomEvent.disableScrollPropagation(node); }
  node.addEventListener('keydown', (e) => e.stopPropagation());
  node.addEventListener('keypress', (e) => e.stopPropagation());
}

function field(label, input) {
  return el('label', 'rv-field', null, [el('span', null, label), input]);
}

function select(name, options, value) {
  const s = el('select');
  s.name = name;
  for (const v of ['', ...options]) {
    const o = el('option', null, v || '—');
    o.value = v;
    s.append(o);
  }
  if (value && !options.includes(value)) { const o = el('option', null, value); o.value = value; s.append(o); }
  s.value = value || '';
  return s;
}

function input(name, type, value, attrs) {
  const i = el('input');
  i.name = name;
  i.type = type;
  i.value = value === null || value === undefined ? '' : String(value);
  for (const [k, v] of Object.entries(attrs || {})) i.setAttribute(k, v);
  return i;
}

/** The review line of an event or control change: who reviewed it, how ("" when unreviewed). */
export function reviewLine(review) {
  if (!review || !review.verdict) return null;
  const p = el('p', 'meta review-state rv-' + review.verdict, 'reviewed: ' + (VERDICT_TEXT[review.verdict] || review.verdict)
    + (review.reviewer ? ' by ' + review.reviewer : '') + (review.at ? ' (' + String(review.at).slice(0, 10) + ')' : ''));
  p.dataset.verdict = review.verdict;
  return p;
}

/** Install the token box and return the review hooks. `ctx`: {onEventReviewed(key, body), onControlReviewed(body)}. */
export function installReview(ctx) {
  const session = { token: sessionStorage.getItem(TOKEN_KEY) || '', user: null, may: false, fields: null };
  const mounted = new Set(); // action boxes on the page, re-drawn when the user signs in or out

  async function whoAmI() {
    session.user = null;
    session.may = false;
    if (session.token) {
      try {
        const r = await fetch('/api/users/me', { headers: { Accept: 'application/json', Authorization: 'Bearer ' + session.token } });
        const body = await r.json().catch(() => ({}));
        if (r.ok && body.ok !== false) {
          session.user = body.user;
          session.may = Boolean(body.may && body.may.review);
        } else notice('token: ' + (body.error || r.status));
      } catch (e) { notice('token: ' + e.message); }
    }
    if (session.may && !session.fields) {
      try { session.fields = await getJSON('/api/reviews/fields'); } catch (e) { notice('review fields: ' + e.message); }
    }
    renderTokenBox();
    for (const box of [...mounted]) {
      if (box.isConnected) box.frontlinesRender(); else mounted.delete(box);
    }
    document.body.dataset.reviewer = session.may ? '1' : '0';
  }

  function renderTokenBox() {
    const signedIn = Boolean(session.user);
    $('token-input').hidden = signedIn;
    $('token-save').hidden = signedIn;
    $('token-clear').hidden = !session.token;
    $('token-user').textContent = signedIn ? session.user.name + ' (' + session.user.role + ')' : '';
    $('token-user').title = signedIn && !session.may ? 'a reader: reviews need a reviewer or an admin' : '';
  }

  $('token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const token = $('token-input').value.trim();
    $('token-input').value = '';
    if (!token) return;
    session.token = token;
    sessionStorage.setItem(TOKEN_KEY, token);
    whoAmI();
  });
  $('token-clear').addEventListener('click', () => {
    session.token = '';
    sessionStorage.removeItem(TOKEN_KEY);
    whoAmI();
  });

  /** A box that draws its buttons when the user may review, and nothing otherwise. */
  function mount(className, render) {
    const box = el('div', 'review-actions ' + className);
    // A click that swaps the buttons for the form detaches its target; Leaflet then cannot tell that it came
    // from inside a popup and takes it for a click on the map, which closes the popup. It stops here.
    box.addEventListener('click', (e) => e.stopPropagation());
    box.frontlinesRender = () => { box.replaceChildren(); if (session.may) render(box); };
    box.frontlinesRender();
    mounted.add(box);
    return box;
  }

  function buttons(box, send, edit) {
    const row = el('div', 'rv-buttons');
    const make = (cls, text, action) => {
      const b = el('button', 'rv-' + cls, text);
      b.type = 'button';
      b.addEventListener('click', action);
      row.append(b);
      return b;
    };
    make('confirm', 'Confirm', () => send('confirmed', {}));
    make('reject', 'Reject', () => send('rejected', {}));
    make('edit', 'Edit', edit);
    box.append(row);
  }

  /** Post a verdict; a failure is shown in the box and leaves everything as it was. */
  async function post(box, url, payload, done) {
    const error = box.querySelector('.rv-error') || box.appendChild(el('p', 'rv-error'));
    error.textContent = '';
    box.dataset.posting = '1';
    for (const b of box.querySelectorAll('button')) b.disabled = true;
    try {
      const body = await postJSON(url, payload, session.token);
      done(body);
    } catch (e) {
      error.textContent = 'review refused: ' + e.message;
      for (const b of box.querySelectorAll('button')) b.disabled = false;
    } finally {
      delete box.dataset.posting;
    }
  }

  /** The edit form of an event: only the fields changed from the event's values are sent. */
  function eventForm(ev, submit, cancel) {
    const data = ev.data || {};
    const f = session.fields || {};
    const time = data.time || {};
    const inputs = [
      ['Type (PLOVER)', select('plover_type', f.plover_type || [], ev.plover_type)],
      ['Event type', select('event_type', f.event_type || [], ev.acled_event_type)],
      ['Sub-type', select('sub_event_type', f.sub_event_type || [], ev.acled_sub_event_type)],
      ['Place', input('place', 'text', ev.location, { placeholder: 'a place name or gazetteer id', maxlength: '200' })],
      ['Date', input('date', 'date', ev.date)],
      ['Known to the', select('granularity', f.granularity || ['day', 'week', 'month', 'year'], time.granularity)],
      ['Status', select('status', f.status || [], ev.status)],
      ['Fatalities', input('fatalities', 'number', ev.fatalities, { min: '0', step: '1' })],
      ['Attributed to', input('attributed_to', 'text', data.attributed_to, { maxlength: '200' })],
    ];
    const form = el('form', 'rv-form');
    form.noValidate = true;
    const initial = {};
    for (const [label, node] of inputs) { initial[node.name] = node.value; form.append(field(label, node)); }
    const note = el('textarea');
    note.name = 'note';
    note.maxLength = 4000;
    note.rows = 2;
    form.append(field('Note', note));
    const save = el('button', 'rv-save', 'Save correction');
    save.type = 'submit';
    const back = el('button', 'rv-cancel', 'Cancel');
    back.type = 'button';
    back.addEventListener('click', cancel);
    form.append(el('div', 'rv-buttons', null, [save, back]), el('p', 'rv-error'));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const changes = {};
      for (const [, node] of inputs) {
        const v = node.value.trim();
        if (v !== initial[node.name].trim() && v !== '') changes[node.name] = node.name === 'fatalities' ? Number(v) : v;
      }
      if (!Object.keys(changes).length) { form.querySelector('.rv-error').textContent = 'change a field first'; return; }
      submit(changes, note.value.trim());
    });
    isolate(form);
    return form;
  }

  /** Confirm / reject / edit for one event (`ev`: /api/events/{key}'s event). `resize` re-measures its popup;
   * `after(answer)` runs after the page has taken the review in. */
  function eventActions(ev, resize, after) {
    const key = ev.key;
    const url = '/api/events/' + encodeURIComponent(key) + '/review';
    const box = mount('rv-event', (b) => {
      const send = (verdict, changes, note) => post(b, url, { verdict, changes, note: note || null }, (res) => {
        ctx.onEventReviewed(key, res);
        if (after) after(res);
      });
      buttons(b, send, () => {
        b.replaceChildren(eventForm(ev, (changes, note) => send('corrected', changes, note), () => { b.frontlinesRender(); resize(); }));
        resize();
      });
    });
    box.dataset.key = key;
    return box;
  }

  /** Confirm / reject / edit (side, date) for one settlement's change of control (a /api/control.geojson feature). */
  function controlActions(p, resize) {
    const url = '/api/control/' + encodeURIComponent(p.id) + '/review';
    const box = mount('rv-control', (b) => {
      const send = (verdict, changes, note) => post(b, url, { verdict, changes, note: note || null }, (res) => {
        ctx.onControlReviewed(res);
      });
      buttons(b, send, () => {
        const form = el('form', 'rv-form');
        const side = input('to_side', 'text', p.side, { maxlength: '64', placeholder: 'ISO3 or group' });
        const date = input('date', 'date', p.since);
        const note = el('textarea');
        note.maxLength = 4000;
        note.rows = 2;
        const save = el('button', 'rv-save', 'Save correction');
        save.type = 'submit';
        const back = el('button', 'rv-cancel', 'Cancel');
        back.type = 'button';
        back.addEventListener('click', () => { b.frontlinesRender(); resize(); });
        form.append(field('Held by', side), field('Since', date), field('Note', note),
          el('div', 'rv-buttons', null, [save, back]), el('p', 'rv-error'));
        form.addEventListener('submit', (e) => {
          e.preventDefault();
          const changes = {};
          if (side.value.trim() && side.value.trim() !== (p.side || '')) changes.to_side = side.value.trim();
          if (date.value && date.value !== (p.since || '')) changes.date = date.value;
          if (!Object.keys(changes).length) { form.querySelector('.rv-error').textContent = 'change a field first'; return; }
          send('corrected', changes, note.value.trim());
        });
        isolate(form);
        b.replaceChildren(form);
        resize();
      });
    });
    box.dataset.id = p.id;
    return box;
  }

  /** The article view's review bar: the event whose highlight was clicked, its review, its buttons. */
  async function showEventReview(key) {
    const pane = $('article-review');
    let body;
    try { body = await getJSON('/api/events/' + encodeURIComponent(key)); } catch (err) { notice('event: ' + err.message); return; }
    const ev = body.event;
    pane.replaceChildren(el('p', 'meta', 'event: ' + [ev.plover_type, ev.status, ev.location, ev.period || ev.date]
      .filter(Boolean).join(' · ')));
    const line = reviewLine(ev.review);
    if (line) pane.append(line);
    pane.append(eventActions(ev, () => {}, () => showEventReview(key)));
    pane.dataset.key = ev.key;
    pane.hidden = false;
  }

  $('article-text').addEventListener('click', (e) => {
    const node = e.target.closest && e.target.closest('.hl.k-event');
    const span = node && (node.frontlinesSpans || []).find((s) => s.kind === 'event' && s.event_key);
    if (span) showEventReview(span.event_key);
  });
  // another article shown, or the view closed: the bar belonged to the previous one
  new MutationObserver(() => { $('article-review').hidden = true; })
    .observe($('article-title'), { childList: true, characterData: true, subtree: true });
  $('article-close').addEventListener('click', () => { $('article-review').hidden = true; });

  whoAmI();
  return { eventActions, controlActions, session };
}
