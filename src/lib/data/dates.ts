import type { CivilDate, Precision } from './types.ts';

/**
 * Event dates are calendar dates, not instants. They are parsed with a strict pattern into
 * UTC-midnight times and checked by round trip, so "2025-02-30" is rejected instead of
 * silently becoming 2 March, and no local time zone can shift a date by a day.
 */
const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function utc(year: number, monthIndex: number, day: number): number {
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  d.setUTCHours(0, 0, 0, 0);
  return d.getTime();
}

export function parseCivilDate(text: unknown): CivilDate | null {
  if (typeof text !== 'string') return null;
  const m = PATTERN.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) {
    return { text, precision: 'year', start: utc(year, 0, 1), end: utc(year + 1, 0, 1) };
  }
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) {
    return { text, precision: 'month', start: utc(year, month - 1, 1), end: utc(year, month, 1) };
  }
  const day = Number(m[3]);
  const start = utc(year, month - 1, day);
  const back = new Date(start);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return null;
  }
  return { text, precision: 'day', start, end: utc(year, month - 1, day + 1) };
}

const OPTIONS: Record<Precision, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric', timeZone: 'UTC' },
  month: { year: 'numeric', month: 'long', timeZone: 'UTC' },
  day: { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' },
};

/** One formatter per locale and precision: building one costs far more than using it, and lists format thousands of dates. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, precision: Precision): Intl.DateTimeFormat {
  const key = `${locale}|${precision}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, OPTIONS[precision])));
  return f;
}

/** "March 2025", "March 12, 2025", "2025": the date written at the precision it was given. */
export function formatCivilDate(date: CivilDate, locale = 'en-US'): string {
  return formatter(locale, date.precision).format(date.start);
}

/** A range at the coarser of the two precisions ("March 3 – 7, 2025", "May – June 2025"). */
export function formatCivilRange(from: CivilDate, to: CivilDate | undefined, locale = 'en-US'): string {
  if (!to) return formatCivilDate(from, locale);
  const rank: Record<Precision, number> = { year: 0, month: 1, day: 2 };
  const precision = rank[from.precision] <= rank[to.precision] ? from.precision : to.precision;
  return formatter(locale, precision).formatRange(from.start, to.start);
}

/** Machine-readable value for <time datetime>. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A point in time as a calendar day ("March 12, 2025"), for window edges. */
export function formatDay(ms: number, locale = 'en-US'): string {
  return formatter(locale, 'day').format(ms);
}

/** The month a point in time falls in ("March 2025"), for grouping lists by month. */
export function formatMonth(ms: number, locale = 'en-US'): string {
  return formatter(locale, 'month').format(ms);
}

/**
 * The first and last calendar day of a window [start, end): its last day is the one `end - 1`
 * falls in. Written out for readers, or as YYYY-MM-DD for the URL and date inputs.
 */
export function windowDays(w: { start: number; end: number }, locale = 'en-US'): { from: string; to: string } {
  return { from: formatDay(w.start, locale), to: formatDay(w.end - 1, locale) };
}

export function windowIsoDays(w: { start: number; end: number }): { from: string; to: string } {
  return { from: isoDate(w.start), to: isoDate(w.end - 1) };
}
