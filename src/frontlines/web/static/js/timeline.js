/* The timeline: events per day as bars, and events known only to their week, month or year as spans
 * (a band across the whole period, labelled "2023" or "Apr 2022"). Drag across it to select dates. */

import { $, getJSON, notice, query } from './util.js';
import { DAY, fromDay, isCoarse, periodInterval, periodLabel, periodNote, toDay } from './dates.js';

const SVG = 'http://www.w3.org/2000/svg';
const SPAN_H = 7; // height of one lane of spans, in pixels
const svgEl = (tag, attrs) => {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  return node;
};

/** Install the timeline; `ctx` is {state, onRange(range)}. Returns {load, draw}. */
export function installTimeline(ctx) {
  const { state } = ctx;
  state.days = []; // [{key: 'YYYY-MM-DD', count}]
  state.spans = []; // [{key: '2023' | '2022-04' | ..., count, lo, hi}]

  let seq = 0; // a slow answer for older filters must not overwrite a newer one

  async function load() {
    const mine = ++seq;
    try {
      const { corroboration, ...filters } = state.filters; // corroboration belongs to incidents
      const body = await getJSON('/api/stats/events' + query({ ...filters, by: 'period' }));
      if (mine !== seq) return;
      const counts = body.counts.filter((c) => c.key);
      state.days = counts.filter((c) => !isCoarse(c.key));
      state.spans = counts.filter((c) => isCoarse(c.key)).map((c) => {
        const [lo, hi] = periodInterval(c.key);
        return { ...c, lo, hi };
      }).sort((a, b) => (b.hi - b.lo) - (a.hi - a.lo) || a.lo - b.lo); // widest first: they take the top lanes
      draw();
    } catch (e) { notice('timeline: ' + e.message); }
  }

  function scale() {
    const svg = $('timeline');
    const width = svg.clientWidth || 600;
    const height = svg.clientHeight || 100;
    const ends = [...state.days.map((d) => toDay(d.key)), ...state.spans.flatMap((s) => [s.lo, s.hi])];
    if (!ends.length) return null;
    const lo = Math.min(...ends);
    const hi = Math.max(...ends);
    const n = Math.round((hi - lo) / DAY) + 1;
    const pad = 4;
    const step = (width - 2 * pad) / n;
    return { width, height, lo, n, pad, step, x: (t) => pad + ((t - lo) / DAY) * step };
  }

  /** Lanes for spans: a span goes in the first lane where it overlaps no other. */
  function lanes(spans) {
    const ends = [];
    return spans.map((s) => {
      let lane = ends.findIndex((end) => end < s.lo);
      if (lane < 0) { lane = ends.length; ends.push(s.hi); } else ends[lane] = s.hi;
      return lane;
    });
  }

  function inRange(date) { return !state.range || (date >= state.range.since && date <= state.range.until); }

  function draw() {
    const svg = $('timeline');
    svg.replaceChildren();
    const sc = scale();
    if (!sc) {
      const t = svgEl('text', { x: 8, y: 20, class: 'axis' });
      t.textContent = 'no dated events';
      svg.append(t);
      return;
    }
    const plotH = sc.height - 16;
    const laneOf = lanes(state.spans);
    const spanH = state.spans.length ? (Math.max(...laneOf) + 1) * SPAN_H + 2 : 0;
    const max = Math.max(1, ...state.days.map((d) => d.count));
    for (const d of state.days) {
      const h = Math.max(1, (d.count / max) * (plotH - spanH - 4));
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
    state.spans.forEach((s, i) => {
      const a = sc.x(s.lo);
      const span = svgEl('rect', {
        class: 'span' + (inRange(fromDay(s.lo)) || inRange(fromDay(s.hi)) ? '' : ' out'), x: a + 0.5,
        y: 1 + laneOf[i] * SPAN_H, width: Math.max(2, sc.x(s.hi) + sc.step - a - 1), height: SPAN_H - 2, rx: 2,
      });
      span.dataset.period = s.key;
      span.dataset.label = periodLabel(s.key);
      span.dataset.count = String(s.count);
      const tip = svgEl('title');
      tip.textContent = periodLabel(s.key) + ': ' + s.count + (s.count === 1 ? ' event' : ' events') + ' (' + periodNote(s.key) + ')';
      span.append(tip);
      svg.append(span);
    });
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

  function installBrush() {
    const svg = $('timeline');
    let start = null;
    let rect = null;
    const px = (e) => e.clientX - svg.getBoundingClientRect().left;
    svg.addEventListener('pointerdown', (e) => {
      if (!state.days.length && !state.spans.length) return;
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
      const sc = scale();
      if (!sc || b - a < 3) { ctx.onRange(null); return; } // a click clears the selection
      const dayAt = (x) => Math.min(sc.n - 1, Math.max(0, Math.floor((x - sc.pad) / sc.step)));
      ctx.onRange({ since: fromDay(sc.lo + dayAt(a) * DAY), until: fromDay(sc.lo + dayAt(b) * DAY) });
    };
    svg.addEventListener('pointerup', finish);
    svg.addEventListener('pointercancel', () => { start = null; draw(); });
    window.addEventListener('resize', draw);
  }

  installBrush();
  return { load, draw };
}
