import type { Problem, Source } from '../types.ts';
import { MAX_EVENTS, problem, safeHttpUrl, tooManyEvents } from '../validate.ts';
import { assemble, linkSource, mediaSource, Sources } from './assemble.ts';
import type { Draft } from './assemble.ts';
import { dateFromParts, dateFromText, hasTime } from './civil.ts';
import { readHeader } from './columns.ts';
import type { Columns } from './columns.ts';
import { htmlToText, reduceHtml } from './html.ts';
import { displayNote, eraNote, refusedLinks, TIME_NOTE } from './notes.ts';
import { isKebab, slugify } from './slug.ts';
import type { Era, ImportResult } from './types.ts';
import { hostOf } from './util.ts';

/**
 * RFC 4180: fields separated by commas, records by CRLF or LF; a field in double quotes may hold
 * commas, line breaks and "" for a quote. Lenient where spreadsheets are (a stray quote inside
 * an unquoted field is kept as text). Every record is returned, blank ones too, so index + 1 is
 * the row number a spreadsheet shows; `maxRows` stops early (reading only the header, say).
 */
export function parseCSV(text: string, maxRows = Infinity): { rows: string[][]; unclosedQuoteRow?: number } {
  const s = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let atStart = true;
  let quoteRow = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c !== '"') cell += c;
      else if (s[i + 1] === '"') { cell += '"'; i++; }
      else quoted = false;
    } else if (c === '"' && atStart) {
      quoted = true;
      atStart = false;
      quoteRow = rows.length + 1;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
      atStart = true;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      if (rows.length >= maxRows) return { rows };
      row = [];
      cell = '';
      atStart = true;
    } else {
      cell += c;
      atStart = false;
    }
  }
  if (!atStart || row.length || cell !== '') {
    row.push(cell);
    rows.push(row);
  }
  return quoted ? { rows, unclosedQuoteRow: quoteRow } : { rows };
}

// A cell starting with = + - @ is run as a formula by spreadsheet programs; our export writes it
// with a leading apostrophe (the spreadsheet convention for "text"), which is removed on import.
const FORMULA = /^[=+\-@]/;
export function csvCell(value: string): string {
  const v = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
export const csvText = (rows: string[][]): string => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

const readType = (col: Columns, cells: string[]) => (cells[col.index.get('type') ?? -1] ?? '').trim().toLowerCase();

type Read = { draft?: Draft; era?: Era; title?: { title?: string; description?: string }; time?: boolean };

function readRow(col: Columns, cells: string[], where: string, titleSeen: boolean, problems: Problem[]): Read {
  const get = (key: string): string => {
    const i = col.index.get(key);
    const v = i === undefined ? '' : (cells[i] ?? '').trim();
    return v.startsWith("'") && FORMULA.test(v.slice(1)) ? v.slice(1) : v;
  };
  const id = get('id') || undefined;
  const skip = (field: string, message: string): Read => {
    problems.push(problem(where, id, field, `${message}; the row was left out`, true));
    return {};
  };
  // One date from our column ("date") or TimelineJS's three; a failure names the cell to fix.
  const date = (ours: string, y: string, m: string, d: string): { date?: string; error?: [string, string] } => {
    if (get(ours)) {
      const r = dateFromText(get(ours));
      return r.ok ? { date: r.date } : { error: [col.label(ours), r.message] };
    }
    const r = dateFromParts(get(y), get(m), get(d));
    if (r.ok) return { date: r.date };
    const cells = [y, m, d].filter((k) => get(k)).map((k) => `${col.label(k)} ${get(k)}`).join(', ');
    return { error: [col.label(r.part === 'year' ? y : r.part === 'month' ? m : d), `${r.message} (${cells})`] };
  };
  const start = date('date', 'year', 'month', 'day');
  if (start.error) return skip(...start.error);
  const end = date('end', 'end year', 'end month', 'end day');
  if (end.error) return skip(...end.error);
  const time = hasTime(get('date')) || hasTime(get('end')) || !!get('time') || !!get('end time');
  const type = get('type').toLowerCase();
  const title = get('title') || htmlToText(get('headline'));

  if (type === 'title' && !titleSeen) {
    return { title: { title, description: get('summary') || htmlToText(get('text')) } };
  }
  if (type === 'era') {
    if (start.date === undefined || end.date === undefined) return skip('type', 'an era needs a start and an end date');
    return { era: { where, title, date: start.date, end: end.date } };
  }
  if (start.date === undefined) return skip(col.label(col.index.has('date') ? 'date' : 'year'), 'is empty');

  const text = reduceHtml(get('text'));
  const sources = readSources(col, get, where, id, problems);
  text.links.forEach((l) => sources.add(linkSource(l)));
  refusedLinks(problems, where, id, col.label('text'), text.refused);
  // Only a filled cell: safeHttpUrl('') would throw and catch inside, costly over 100,000 rows.
  const media = get('media') ? safeHttpUrl(get('media')) : undefined;
  if (media) sources.add(mediaSource(media, htmlToText(get('media credit')), htmlToText(get('media caption'))));

  const group = htmlToText(get('group') || get('tag'));
  const until = end.date !== start.date ? end.date : undefined;
  const draft: Draft = { where, date: start.date, sources: sources.list, extra: {}, kindHints: [type, group] };
  if (id) draft.id = id;
  if (until) draft.end = until;
  if (get('kind')) draft.kind = get('kind');
  if (title) draft.title = title;
  const summary = get('summary') || text.text;
  if (summary) draft.summary = summary;
  const translations: NonNullable<Draft['extra']['translations']> = {};
  for (const t of col.translations) if (get(t.key)) (translations[t.lang] ??= {})[t.field] = get(t.key);
  if (Object.keys(translations).length) draft.extra.translations = translations;
  const thread = get('thread');
  const threadTitle = get('thread title');
  if (thread && threadTitle) draft.thread = { id: isKebab(thread) ? thread : slugify(thread) || thread, title: threadTitle };
  else if (thread) draft.thread = isKebab(thread) ? { id: thread, title: thread } : { title: thread };
  else if (group) draft.thread = { title: group };
  const people = get('people').split(';').map((p) => p.trim()).filter(Boolean);
  if (people.length) draft.extra.people = people;
  for (const key of ['place', 'court', 'case', 'quote', 'updated'] as const) if (get(key)) draft.extra[key] = get(key);
  if (get('quote by')) draft.extra.quote_by = get('quote by');
  const notes = [get('notes'), displayNote([htmlToText(get('display date')) || undefined], start.date, until)].filter(Boolean).join(' ');
  if (notes) draft.extra.notes = notes;
  return { draft, time };
}

function readSources(col: Columns, get: (key: string) => string, where: string, id: string | undefined, problems: Problem[]) {
  const sources = new Sources();
  const refuse = (field: string, url: string) => refusedLinks(problems, where, id, field, [url]);
  for (const prefix of col.sourcePrefixes) {
    const raw = get(`${prefix} url`);
    if (!raw) {
      if (['publisher', 'title', 'date', 'via'].some((p) => get(`${prefix} ${p}`))) {
        problems.push(problem(where, id, col.label(`${prefix} url`), 'is empty, so this source is not used', false));
      }
      continue;
    }
    const url = safeHttpUrl(raw);
    if (!url) { refuse(col.label(`${prefix} url`), raw); continue; }
    const source: Source = { publisher: get(`${prefix} publisher`) || hostOf(url), title: get(`${prefix} title`) || hostOf(url), url };
    if (get(`${prefix} date`)) source.date = get(`${prefix} date`);
    if (get(`${prefix} via`)) source.via = get(`${prefix} via`);
    sources.add(source);
  }
  for (const raw of get('sources').split(/\s+/).filter(Boolean)) {
    const url = safeHttpUrl(raw);
    if (url) sources.add({ publisher: hostOf(url), title: hostOf(url), url });
    else refuse(col.label('sources'), raw);
  }
  return sources;
}

/** A CSV in TimelineJS's spreadsheet columns, our own field names, or a mix of both. */
export function fromCSV(text: string): ImportResult | { error: string } {
  const { rows, unclosedQuoteRow } = parseCSV(text);
  const header = rows[0];
  if (!header || header.every((h) => h.trim() === '')) return { error: 'The CSV file is empty.' };
  const col = readHeader(header);
  if ('error' in col) return col;
  if (rows.length - 1 > MAX_EVENTS) return { error: tooManyEvents(rows.length - 1) };
  const problems: Problem[] = [...col.notes];
  if (unclosedQuoteRow !== undefined) {
    rows.pop();
    problems.push({ where: `row ${unclosedQuoteRow}`, field: '(row)', skipped: true,
      message: 'a quoted cell is never closed (a missing "), so the rest of the file ran into it; the row was left out' });
  }
  const drafts: Draft[] = [];
  const eras: Era[] = [];
  let meta: { title?: string; description?: string } = {};
  let time = false;
  let titleSeen = false;
  rows.slice(1).forEach((cells, i) => {
    const where = `row ${i + 2}`;
    if (cells.every((c) => c.trim() === '')) return;
    // More cells than columns means everything after the stray comma sits one column to the
    // right (a summary in the thread column): reading it would put text in the wrong fields.
    if (cells.length > header.length) {
      problems.push({ where, field: '(row)', skipped: true,
        message: `has ${cells.length} cells but the header has ${header.length} columns (a comma in a cell without quotes?); the row was left out rather than read shifted` });
      return;
    }
    const read = readRow(col, cells, where, titleSeen, problems);
    if (read.draft) drafts.push(read.draft);
    if (read.era) eras.push(read.era);
    if (read.title) meta = read.title;
    // TimelineJS reads a second title row as an ordinary slide; so do we, and say so.
    if (read.draft && titleSeen && readType(col, cells) === 'title') {
      problems.push({ where, field: col.label('type'), skipped: false, message: 'a second title row is read as an event' });
    }
    titleSeen ||= !!read.title;
    time ||= !!read.time;
  });
  if (time) problems.push(TIME_NOTE);
  if (eras.length) problems.push(eraNote(eras));
  const assembled = assemble(drafts, [], meta.title ? [slugify(meta.title)] : []);
  const dataset = { ...(meta.title ? { title: meta.title } : {}), ...(meta.description ? { description: meta.description } : {}), ...assembled.dataset };
  return { dataset, problems: [...problems, ...assembled.problems], eras, origins: drafts.map((d) => d.where) };
}
