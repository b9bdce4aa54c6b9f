import { utcDay, utcMonth, utcTicks, utcYear } from 'd3';
import { DAY, type TimeWindow } from './window.ts';

export interface Tick {
  t: number;
  label: string;
  /** Boundaries of the next coarser unit (a year among months, a month among days) are drawn stronger. */
  major: boolean;
}

const fmt = (locale: string, o: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale, { ...o, timeZone: 'UTC' });

/** The five label formats, built once per locale: ticksFor runs on every frame of a zoom. */
const formatsByLocale = new Map<string, Record<'year' | 'month' | 'monthYear' | 'day' | 'dayYear', Intl.DateTimeFormat>>();
function formatsFor(locale: string) {
  let f = formatsByLocale.get(locale);
  if (!f) {
    f = {
      year: fmt(locale, { year: 'numeric' }),
      month: fmt(locale, { month: 'short' }),
      monthYear: fmt(locale, { month: 'short', year: 'numeric' }),
      day: fmt(locale, { month: 'short', day: 'numeric' }),
      dayYear: fmt(locale, { month: 'short', day: 'numeric', year: 'numeric' }),
    };
    formatsByLocale.set(locale, f);
  }
  return f;
}

const isStart = (interval: typeof utcDay, d: Date) => +interval.floor(d) === +d;

/**
 * Ticks that adapt from months to days as the window narrows. D3 picks the interval (UTC, so
 * a date is never drawn on the wrong day). Events are whole days, so ticks never go below a
 * day. Labels keep context: the first tick carries the year, a day tick says "Mar 12".
 */
export function ticksFor(w: TimeWindow, width: number, locale = 'en-US'): Tick[] {
  const count = Math.max(3, Math.floor(width / 100));
  const { start, end } = w; // times in ms, not date strings
  let dates = utcTicks(new Date(start), new Date(end), count);
  const step = dates.length > 1 ? +dates[1]! - +dates[0]! : DAY;
  if (step < DAY) dates = utcDay.range(utcDay.ceil(new Date(start)), new Date(end + 1));
  const byMonth = step >= 28 * DAY;
  const { year, month, monthYear, day, dayYear } = formatsFor(locale);
  return dates.map((d, i) => {
    const newYear = isStart(utcYear, d);
    let label: string;
    if (byMonth && step >= 360 * DAY) label = year.format(d);
    else if (byMonth) label = newYear ? year.format(d) : i === 0 ? monthYear.format(d) : month.format(d);
    else label = newYear || i === 0 ? dayYear.format(d) : day.format(d);
    return { t: +d, label, major: byMonth ? newYear : isStart(utcMonth, d) };
  });
}

/**
 * Which tick labels to draw. Every k-th label is drawn, with k the smallest stride at which no
 * drawn label runs into the next (an even rhythm reads better than gaps here and there); the
 * first label carries the year, so it is always among them. A label that would run past the
 * right edge is left out rather than cut. `charWidth` estimates one character of the axis font.
 */
export function labelsThatFit(positions: readonly number[], labels: readonly string[], width: number, charWidth = 8.5, gap = 6): boolean[] {
  const start = (i: number) => positions[i]! + 4;
  const end = (i: number) => start(i) + labels[i]!.length * charWidth;
  for (let k = 1; k < positions.length; k++) {
    let clear = true;
    for (let i = 0; i + k < positions.length && clear; i += k) if (end(i) + gap > start(i + k)) clear = false;
    if (clear) return positions.map((_, i) => i % k === 0 && end(i) <= width);
  }
  return positions.map((_, i) => i === 0 && end(i) <= width);
}
