import type { Problem } from '../types.ts';
import type { ImportOutcome } from './importDataset.ts';

/** The validator script's report, kept pure so it is tested without spawning a process. */

const HINTS: [RegExp, string][] = [
  [/date|year|month|day|^end/i, 'write dates as YYYY, YYYY-MM or YYYY-MM-DD (or Year, Month, Day columns) and check the day exists in that month'],
  [/kind/i, 'use one of error, ruling, statement, policy (a kind column)'],
  [/source|url|text\.text|^text$|media/i, 'give each event an http(s) link: a source_url column, a link in Text, or a Media URL'],
  [/title|headline/i, 'give each event a short title (title or Headline)'],
  [/summary/i, 'give each event a one-to-three-sentence summary (summary or Text)'],
  [/^id$|unique_id/i, 'give each event its own id, or leave it empty to have one made from the title'],
  [/thread|group/i, 'name a thread (thread or Group)'],
  [/quote_by/i, 'say who is quoted (quote_by), or remove the quote'],
  [/\(row\)/i, 'put cells that contain commas, quotes or line breaks in double quotes'],
];

export const hintFor = (p: Problem): string | undefined => HINTS.find(([re]) => re.test(p.field))?.[1];

/** Invalid: the file could not be read, or some record was left out. */
export const isInvalid = (r: ImportOutcome): boolean => !r.ok || r.problems.some((p) => p.skipped);

export function reportJSON(file: string, r: ImportOutcome) {
  if (!r.ok) return { file, valid: false, error: r.message, problems: [] };
  return {
    file, valid: !isInvalid(r), format: r.format, events: r.dataset.events.length, eras: r.eras.length,
    problems: r.problems.map((p) => ({ ...p, hint: hintFor(p) ?? null })),
  };
}

export function reportText(file: string, r: ImportOutcome): string {
  if (!r.ok) return `${file}: ERROR ${r.message}\n`;
  const skipped = r.problems.filter((p) => p.skipped).length;
  const lines = [`${file} (${r.format}): ${r.dataset.events.length} events valid, ${skipped} left out, ${r.problems.length - skipped} notes`];
  for (const p of r.problems) {
    lines.push(`${p.skipped ? 'LEFT OUT' : 'note    '}  ${p.where}${p.id ? ` (${p.id})` : ''}  ${p.field}: ${p.message}`);
    const hint = p.skipped ? hintFor(p) : undefined;
    if (hint) lines.push(`          hint: ${hint}`);
  }
  lines.push(isInvalid(r) ? 'INVALID' : 'OK');
  return lines.join('\n') + '\n';
}
