import { formatCivilRange, parseCivilDate } from '../dates.ts';
import type { Problem } from '../types.ts';
import { problem } from '../validate.ts';
import type { Era } from './types.ts';
import { collapse } from './util.ts';

/** Notes shared by the TimelineJS and CSV imports, worded once. */

export const TIME_NOTE: Problem = {
  where: 'dataset', field: 'time', skipped: false,
  message: 'times of day were dropped: the timeline shows calendar dates only',
};

export function eraNote(eras: Era[]): Problem {
  const names = eras.map((e) => `"${e.title || e.date}"`).join(', ');
  return { where: 'dataset', field: 'eras', skipped: false, message: `${eras.length} era(s) read but not drawn (eras are not shown yet): ${names}` };
}

export function refusedLinks(problems: Problem[], where: string, id: string | undefined, field: string, hrefs: string[]): void {
  for (const href of hrefs) {
    problems.push(problem(where, id, field, `the link "${href.slice(0, 80)}" is not an http(s) address; it is not used as a source`, false));
  }
}

/**
 * TimelineJS's display date ("Spring 2025", "March 3–7") is how the author wanted the date
 * worded; we draw our own dates, so it is kept in `notes` for the editor — unless it only
 * restates the date (as our own TimelineJS export writes it for ranges).
 */
export function displayNote(candidates: (string | undefined)[], date: string, end: string | undefined): string | undefined {
  const given = candidates.filter((c): c is string => c !== undefined);
  // Most rows have no display date: they skip parsing and formatting ours altogether.
  if (!given.length) return undefined;
  const from = parseCivilDate(date);
  const to = end === undefined ? undefined : parseCivilDate(end) ?? undefined;
  // Collapsed like the candidates, which lose formatRange's thin spaces on the way in.
  const ours = from ? collapse(formatCivilRange(from, to)) : undefined;
  const kept = [...new Set(given.filter((c) => c !== ours))];
  return kept.length ? `Display date: ${kept.join('; ')}` : undefined;
}
