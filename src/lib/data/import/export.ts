import { formatCivilRange, parseCivilDate } from '../dates.ts';
import { DATASET_FIELDS, EVENT_FIELDS, SOURCE_FIELDS, THREAD_FIELDS } from '../types.ts';
import type { RawDataset, RawEvent, Source, Thread } from '../types.ts';
import { csvText } from './csv.ts';
import { escapeHtml } from '../../escape.ts';

/**
 * Our data out again: as CSV (the columns public/template.csv uses, which fromCSV reads back),
 * as TimelineJS3 JSON, and as our own JSON without the fields validation adds. Each builds its
 * output from the known field lists, so whatever else an object carries is not written.
 */

export interface TimelineJSDate { year: number; month?: number; day?: number }
export interface TimelineJSSlide {
  start_date: TimelineJSDate;
  end_date?: TimelineJSDate;
  display_date?: string;
  text: { headline: string; text: string };
  group?: string;
  unique_id: string;
  /** Not TimelineJS's: TimelineJS ignores these two, and fromTimelineJS reads them back. */
  kind: string;
  translations?: RawEvent['translations'];
}
export interface TimelineJSDocument {
  title?: { text: { headline: string; text: string } };
  events: TimelineJSSlide[];
  /** Not TimelineJS's: keeps thread ids and descriptions through a round trip (groups are titles). */
  threads: Thread[];
}

type AnyDataset = Pick<RawDataset, 'title' | 'description' | 'publisher' | 'updated' | 'license' | 'translations'> & {
  threads: readonly Thread[];
  events: readonly RawEvent[];
};

const BASE = ['id', 'date', 'end', 'kind', 'title', 'summary', 'thread', 'thread_title', 'people', 'place', 'court',
  'case', 'quote', 'quote_by', 'updated', 'notes'] as const;
const SOURCE_PARTS = ['publisher', 'title', 'url', 'date', 'via'] as const;
// Fails to compile when an event field is added that the CSV does not write.
const csvCoversEvents: Exclude<(typeof EVENT_FIELDS)[number], (typeof BASE)[number] | 'sources' | 'translations'> extends never ? true : false = true;
void csvCoversEvents;

export function toCSV(events: readonly RawEvent[], threads: readonly Thread[]): string {
  const titles = new Map(threads.map((t) => [t.id, t.title]));
  const most = events.reduce((m, e) => Math.max(m, e.sources.length), 1);
  const prefixes = Array.from({ length: most }, (_, n) => (n === 0 ? 'source' : `source${n + 1}`));
  const langs = [...new Set(events.flatMap((e) => Object.keys(e.translations ?? {})))].sort();
  const translated = langs.flatMap((lang) => (['title', 'summary'] as const).map((field) => ({ lang, field })));
  const header = [...BASE, ...translated.map((t) => `${t.field}_${t.lang}`),
    ...prefixes.flatMap((p) => SOURCE_PARTS.map((part) => `${p}_${part}`))];
  const rows = events.map((e) => {
    const cell = (key: (typeof BASE)[number]): string => {
      if (key === 'thread_title') return titles.get(e.thread) ?? '';
      if (key === 'people') return (e.people ?? []).join('; ');
      return e[key] ?? '';
    };
    const translations = translated.map((t) => (Object.hasOwn(e.translations ?? {}, t.lang) ? e.translations?.[t.lang]?.[t.field] : undefined) ?? '');
    const sourceCells = prefixes.flatMap((_, n) => SOURCE_PARTS.map((part) => e.sources[n]?.[part] ?? ''));
    return [...BASE.map(cell), ...translations, ...sourceCells];
  });
  return csvText([header, ...rows]);
}

function tjsDate(text: string): TimelineJSDate {
  const [year, month, day] = text.split('-').map(Number);
  return { year: year!, ...(month ? { month } : {}), ...(day ? { day } : {}) };
}

/** The summary, then the sources as links in a "Sources:" paragraph that fromTimelineJS reads back. */
function slideText(e: RawEvent): string {
  const link = (s: Source) =>
    `<a href="${escapeHtml(s.url)}">${escapeHtml(s.title)}</a> (${escapeHtml(s.publisher)}${s.date ? `, ${s.date}` : ''})`;
  const sources = e.sources.length ? `<p>Sources: ${e.sources.map(link).join(', ')}</p>` : '';
  return `<p>${escapeHtml(e.summary)}</p>${sources}`;
}

export function toTimelineJS(dataset: AnyDataset): TimelineJSDocument {
  const titles = new Map(dataset.threads.map((t) => [t.id, t.title]));
  const events = dataset.events.map((e): TimelineJSSlide => {
    const slide: TimelineJSSlide = {
      start_date: tjsDate(e.date),
      text: { headline: escapeHtml(e.title), text: slideText(e) },
      unique_id: e.id,
      kind: e.kind,
    };
    if (e.end) {
      slide.end_date = tjsDate(e.end);
      // TimelineJS writes both ends in full ("March 3, 2025 – March 7, 2025"); ours is shorter.
      const from = parseCivilDate(e.date);
      const to = parseCivilDate(e.end);
      if (from && to) slide.display_date = formatCivilRange(from, to);
    }
    if (e.translations) slide.translations = e.translations;
    const group = titles.get(e.thread);
    if (group) slide.group = group;
    return slide;
  });
  const doc: TimelineJSDocument = { events, threads: dataset.threads.map((t) => pick(t, THREAD_FIELDS)) };
  if (dataset.title) doc.title = { text: { headline: escapeHtml(dataset.title), text: escapeHtml(dataset.description) } };
  return doc;
}

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/** Our JSON as the data file holds it: a validated Dataset loses its parsed dates (span, when, until). */
export function toNativeJSON(dataset: AnyDataset): string {
  const out = {
    ...pick(dataset, DATASET_FIELDS.filter((k) => k !== 'threads' && k !== 'events')),
    threads: dataset.threads.map((t) => pick(t, THREAD_FIELDS)),
    events: dataset.events.map((e) => ({ ...pick(e, EVENT_FIELDS), sources: e.sources.map((s) => pick(s, SOURCE_FIELDS)) })),
  } satisfies RawDataset;
  return JSON.stringify(out, null, 2) + '\n';
}
