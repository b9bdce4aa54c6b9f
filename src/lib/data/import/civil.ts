import { describe } from '../coerce.ts';
import { parseCivilDate } from '../dates.ts';

/**
 * Dates from the pieces spreadsheets and TimelineJS give (year, month and day as numbers or as
 * strings like "03", " 7", "2,025" or "2025.0"), written as our `YYYY[-MM[-DD]]` at the precision
 * given. An impossible day is an error, never rolled over into the next month.
 */
export type Part = 'year' | 'month' | 'day';
export type DateResult = { ok: true; date: string | undefined } | { ok: false; part: Part; message: string };

/** undefined: empty; null: present but not a whole number. */
function whole(v: unknown): number | null | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  if (typeof v !== 'string') return null;
  // Spreadsheets format 2025 as "2,025" and some exports write "3.0"; TimelineJS strips commas too.
  const s = v.replace(/[\s,]/g, '');
  if (s === '') return undefined;
  const m = /^(\d+)(?:\.0+)?$/.exec(s);
  return m ? Number(m[1]) : null;
}

const shown = (v: unknown) => describe(typeof v === 'string' ? v.trim() : v, 40);
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function dateFromParts(year: unknown, month: unknown, day: unknown): DateResult {
  const y = whole(year);
  const m = whole(month);
  const d = whole(day);
  if (y === undefined) {
    if (m === undefined && d === undefined) return { ok: true, date: undefined };
    return { ok: false, part: 'year', message: 'is empty, but a month or day is given' };
  }
  if (y === null || y < 1 || y > 9999) return { ok: false, part: 'year', message: `${shown(year)} is not a year from 1 to 9999` };
  if (m === undefined) {
    if (d !== undefined) return { ok: false, part: 'month', message: 'is empty, but a day is given' };
    return { ok: true, date: pad(y, 4) };
  }
  if (m === null || m < 1 || m > 12) return { ok: false, part: 'month', message: `${shown(month)} is not a month number from 1 to 12` };
  if (d === undefined) return { ok: true, date: `${pad(y, 4)}-${pad(m, 2)}` };
  const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d ?? 0, 2)}`;
  if (d === null || !parseCivilDate(text)) {
    return { ok: false, part: 'day', message: d === null ? `${shown(day)} is not a day number` : `${text} is not a real date` };
  }
  return { ok: true, date: text };
}

/**
 * A date typed into one cell. Besides our strict form, accepts what spreadsheets turn it into
 * when unambiguous: "2025-3-5" and "2025-03-05 00:00:00". "3/5/2025" is refused: it means
 * 3 May in much of the world.
 */
export function dateFromText(value: string): DateResult {
  const s = value.trim();
  if (s === '') return { ok: true, date: undefined };
  const m = /^(\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(s);
  if (!m) {
    const hint = /^\d+[/.]\d+[/.]\d+$/.test(s)
      ? ' (write it as YYYY-MM-DD; a spreadsheet may have reformatted it: format the column as plain text)'
      : /^\d{5}$/.test(s) ? ' (a spreadsheet date number: format the column as plain text and write YYYY-MM-DD)' : ' (use YYYY, YYYY-MM or YYYY-MM-DD)';
    return { ok: false, part: 'day', message: `"${s}" is not a date${hint}` };
  }
  return dateFromParts(m[1], m[2], m[3]);
}

/** Whether a string has a time of day that the conversion will drop. */
export const hasTime = (value: string): boolean => /^\S+[T ]\d{1,2}:\d{2}/.test(value.trim());
