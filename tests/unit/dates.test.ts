import { describe, expect, it } from 'vitest';
import { formatCivilDate, formatCivilRange, formatDay, isoDate, parseCivilDate, windowDays, windowIsoDays } from '../../src/lib/data/dates.ts';

// This file runs under TZ=America/Los_Angeles and TZ=Pacific/Kiritimati (UTC−8 and UTC+14):
// a date that shifts by a day in either would fail here.
describe('parseCivilDate', () => {
  it('parses a day to UTC midnight and the next midnight', () => {
    const d = parseCivilDate('2025-03-15')!;
    expect(d.precision).toBe('day');
    expect(isoDate(d.start)).toBe('2025-03-15');
    expect(d.end - d.start).toBe(86_400_000);
  });

  it('keeps month and year precision', () => {
    const m = parseCivilDate('2025-02')!;
    expect(m.precision).toBe('month');
    expect(isoDate(m.start)).toBe('2025-02-01');
    expect(isoDate(m.end)).toBe('2025-03-01');
    const y = parseCivilDate('2025')!;
    expect(y.precision).toBe('year');
    expect(isoDate(y.end)).toBe('2026-01-01');
  });

  it('handles leap days and month ends', () => {
    expect(parseCivilDate('2024-02-29')).not.toBeNull();
    expect(parseCivilDate('2025-12-31')!.end).toBe(Date.UTC(2026, 0, 1));
  });

  it.each(['2025-02-30', '2025-02-29', '2025-13-01', '2025-00', '2025-04-31', '2025-1-05', '25-01-01', '2025/01/01',
    '2025-01-01T00:00:00Z', ' 2025-01-01', '', 'March 2025'])('rejects %j', (text) => {
    expect(parseCivilDate(text)).toBeNull();
  });

  it('rejects non-strings', () => {
    for (const v of [20250101, null, undefined, {}, ['2025']]) expect(parseCivilDate(v)).toBeNull();
  });

  it('does not map years below 100 into the 1900s', () => {
    expect(new Date(parseCivilDate('0099-01-01')!.start).getUTCFullYear()).toBe(99);
  });
});

describe('formatting', () => {
  it('writes a date at its precision, never as the first of the month', () => {
    expect(formatCivilDate(parseCivilDate('2025-03')!)).toBe('March 2025');
    expect(formatCivilDate(parseCivilDate('2025-03-01')!)).toBe('March 1, 2025');
    expect(formatCivilDate(parseCivilDate('2025')!)).toBe('2025');
  });

  it('formats the first and last day of the year as themselves in any time zone', () => {
    expect(formatCivilDate(parseCivilDate('2025-01-01')!)).toBe('January 1, 2025');
    expect(formatCivilDate(parseCivilDate('2025-12-31')!)).toBe('December 31, 2025');
    expect(formatDay(Date.UTC(2025, 11, 31, 23, 59))).toBe('December 31, 2025');
  });

  it('formats ranges', () => {
    expect(formatCivilRange(parseCivilDate('2025-03-03')!, parseCivilDate('2025-03-07')!)).toBe('March 3\u2009–\u20097, 2025');
    expect(formatCivilRange(parseCivilDate('2025-05')!, parseCivilDate('2025-06-10')!)).toBe('May\u2009–\u2009June 2025');
    expect(formatCivilRange(parseCivilDate('2025-05-02')!, undefined)).toBe('May 2, 2025');
  });
});

describe('windowDays and windowIsoDays', () => {
  const day = 86_400_000;
  const march3 = parseCivilDate('2025-03-03')!.start;
  it('name the first day and the day before the end: a window ending at midnight ends the day before', () => {
    const w = { start: march3, end: march3 + 7 * day };
    expect(windowDays(w)).toEqual({ from: 'March 3, 2025', to: 'March 9, 2025' });
    expect(windowIsoDays(w)).toEqual({ from: '2025-03-03', to: '2025-03-09' });
  });
  it('count a part-day at either end as that whole day', () => {
    const w = { start: march3 + day / 2, end: march3 + 2 * day + 1 };
    expect(windowIsoDays(w)).toEqual({ from: '2025-03-03', to: '2025-03-05' });
    expect(windowDays(w, 'es-US')).toEqual({ from: '3 de marzo de 2025', to: '5 de marzo de 2025' });
  });
});
