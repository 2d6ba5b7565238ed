/* Dates at their own precision. The API sends `period` in ISO 8601 reduced precision ("2023",
 * "2022-04", "2023-W50", "2022-11-09", or an interval "2024-04-06/2024-04-07"); a year or a month is
 * drawn as a span and labelled "2023" or "Apr 2022", never as the day it is stored under. */

export const DAY = 86400000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const toDay = (s) => Date.parse(s + 'T00:00:00Z');
export const fromDay = (t) => new Date(t).toISOString().slice(0, 10);

/** day, week, month, year or span (the same as time/periods.py's period_precision). */
export function periodPrecision(period) {
  if (!period) return null;
  if (period.includes('/')) return 'span';
  if (period.includes('W')) return 'week';
  return { 4: 'year', 7: 'month' }[period.length] || 'day';
}

/** Whether a period is coarser than a day (drawn as a span on the timeline). */
export const isCoarse = (period) => !!period && periodPrecision(period) !== 'day';

/** [first day, last day] of a period as UTC milliseconds (null for null). */
export function periodInterval(period) {
  const kind = periodPrecision(period);
  if (!kind) return null;
  if (kind === 'day') { const t = toDay(period); return [t, t]; }
  if (kind === 'year') { const y = Number(period); return [Date.UTC(y, 0, 1), Date.UTC(y, 11, 31)]; }
  if (kind === 'month') {
    const [y, m] = period.split('-').map(Number);
    return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 0)];
  }
  if (kind === 'week') {
    const [y, w] = period.split('-W').map(Number);
    const jan4 = Date.UTC(y, 0, 4);
    const monday = jan4 - (((new Date(jan4).getUTCDay() + 6) % 7) * DAY) + (w - 1) * 7 * DAY;
    return [monday, monday + 6 * DAY];
  }
  const [a, b] = period.split('/');
  return [toDay(a), toDay(b)];
}

/** "2023", "Apr 2022", "week 50, 2023", "2022-11-09", "2024-04-06 – 2024-04-07"; `fallback` for none. */
export function periodLabel(period, fallback = 'undated') {
  const kind = periodPrecision(period);
  if (!kind) return fallback;
  if (kind === 'year' || kind === 'day') return period;
  if (kind === 'month') { const [y, m] = period.split('-'); return MONTHS[Number(m) - 1] + ' ' + y; }
  if (kind === 'week') { const [y, w] = period.split('-W'); return 'week ' + Number(w) + ', ' + y; }
  return period.replace('/', ' – ');
}

/** What a coarse period's label means, for a tooltip. */
export function periodNote(period) {
  const kind = periodPrecision(period);
  return kind && kind !== 'day' ? 'the reports give only the ' + (kind === 'span' ? 'dates between' : kind) : '';
}

/** An incident's dates: its period when it has one, else "start – end". */
export function incidentDates(inc) {
  if (inc.period) return periodLabel(inc.period);
  if (!inc.start) return 'undated';
  return inc.start === inc.end || !inc.end ? inc.start : inc.start + ' – ' + inc.end;
}
