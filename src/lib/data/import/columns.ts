import type { Problem } from '../types.ts';

/**
 * Which column holds what. Headers are matched case-insensitively, trimmed, with spaces and
 * underscores alike ("End Year", "end_year", "QUOTE BY"), so a sheet typed by hand still reads.
 */
const TIMELINEJS = ['year', 'month', 'day', 'time', 'end year', 'end month', 'end day', 'end time', 'display date',
  'headline', 'text', 'media', 'media credit', 'media caption', 'media thumbnail', 'type', 'group', 'background',
  // Columns TimelineJS also reads; we have no use for them but they are not typos.
  'tag', 'alt text', 'media title', 'media link', 'media link target'];
const OURS = ['id', 'date', 'end', 'kind', 'title', 'summary', 'thread', 'thread title', 'people', 'place', 'court',
  'case', 'quote', 'quote by', 'notes', 'updated', 'sources'];
const KNOWN = new Set([...TIMELINEJS, ...OURS]);
/** title_es, summary_es, title_pt-BR …: an event's text in another language. */
const TRANSLATION = /^(title|summary) ([a-z]{2,3}(?:-[a-z0-9]{2,8})?)$/;
/** source_url, source2_title, source_3_publisher … */
const SOURCE = /^(source) ?(\d*) (publisher|title|url|date|via)$/;

export interface Columns {
  /** Normalized name → index of the first column with it. */
  index: Map<string, number>;
  /** "source", "source2", … in order, each naming a group of `<prefix> url` etc. */
  sourcePrefixes: string[];
  /** Columns holding translations: key, language code as written, and which field. */
  translations: { key: string; lang: string; field: 'title' | 'summary' }[];
  /** The header as written, for messages that point at a column. */
  label: (key: string) => string;
  notes: Problem[];
}

/** A column's usual spelling, for messages about a column the file does not have. */
const written = (key: string) =>
  TIMELINEJS.includes(key) ? key.replace(/\b[a-z]/g, (c) => c.toUpperCase()) : key.replace(/ /g, '_');

export const normalize = (h: string): string => h.trim().toLowerCase().replace(/[\s_]+/g, ' ');

export function readHeader(header: string[]): Columns | { error: string } {
  const index = new Map<string, number>();
  const labels = new Map<string, string>();
  const prefixes = new Map<string, number>();
  const translations: Columns['translations'] = [];
  const unknown: string[] = [];
  const duplicate: string[] = [];
  header.forEach((h, i) => {
    let key = normalize(h);
    const source = SOURCE.exec(key);
    if (source) {
      const n = Number(source[2] || 1);
      key = `source${n === 1 ? '' : n} ${source[3]}`;
      prefixes.set(key.split(' ')[0]!, n);
    } else if (TRANSLATION.test(key)) {
      const [field, lang] = h.trim().split(/[\s_]+/) as ['title' | 'summary', string];
      // Language subtags are case-insensitive, but the validator expects "es" or "pt-BR".
      const code = lang.replace(/^[A-Za-z]+/, (primary) => primary.toLowerCase());
      if (!index.has(key)) translations.push({ key, lang: code, field: field.toLowerCase() as 'title' | 'summary' });
    } else if (!KNOWN.has(key)) {
      if (key) unknown.push(h.trim());
      return;
    }
    if (index.has(key)) return duplicate.push(h.trim());
    index.set(key, i);
    labels.set(key, h.trim());
  });
  const hasDate = index.has('date') || index.has('year');
  if (!hasDate || index.size < 2) {
    const shown = header.slice(0, 8).map((h) => `"${h.trim()}"`).join(', ');
    const semicolons = header.length === 1 && (header[0] ?? '').includes(';') ? ' It looks separated by semicolons; save it with commas.' : '';
    return {
      error: `The CSV file's first row has no ${hasDate ? 'event columns' : 'date column'}: it needs "date" (or TimelineJS's "Year", "Month", "Day") and "title" or "Headline" (the first row is ${shown}).${semicolons}`,
    };
  }
  const notes: Problem[] = [];
  if (unknown.length) notes.push({ where: 'row 1', field: '(header)', skipped: false, message: `columns not used: ${unknown.join(', ')}` });
  if (duplicate.length) notes.push({ where: 'row 1', field: '(header)', skipped: false, message: `columns repeated (only the first is read): ${duplicate.join(', ')}` });
  return {
    index,
    translations,
    sourcePrefixes: [...prefixes].sort((a, b) => a[1] - b[1]).map(([p]) => p),
    label: (key) => labels.get(key) ?? written(key),
    notes,
  };
}
