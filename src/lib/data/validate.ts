import { parseCivilDate } from './dates.ts';
import { KINDS } from './types.ts';
import type { Dataset, Kind, Problem, Source, Thread, TimelineEvent } from './types.ts';
import { describe, isObj, own, readTitled, text, translations } from './coerce.ts';

/**
 * Turns any parsed JSON value into a dataset plus a list of problems. Only a file that is not
 * a dataset at all (no `events` array) is fatal; a bad record is skipped and reported so one
 * typo never blanks the timeline. Records are rebuilt field by field from known keys, so
 * unexpected keys (including `__proto__`) never reach the app.
 */
/** More records than this would make the page unusable; refuse rather than freeze. */
export const MAX_EVENTS = 200_000;

export type ValidationResult =
  | { ok: true; dataset: Dataset; problems: Problem[] }
  | { ok: false; message: string };

/** Only web links: `javascript:`, `data:` and relative URLs are refused. */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A problem record; `id` only when the record has one. */
export const problem = (where: string, id: string | undefined, field: string, message: string, skipped: boolean): Problem =>
  ({ where, ...(id ? { id } : {}), field, message, skipped });

/** The validator refuses more than MAX_EVENTS; the importers say so before converting, in the same words. */
export const tooManyEvents = (n: number): string =>
  `The file has too many events to show (${n.toLocaleString('en-US')}; the limit is ${MAX_EVENTS.toLocaleString('en-US')}).`;

class Collector {
  problems: Problem[] = [];
  add(where: string, id: string | undefined, field: string, message: string, skipped: boolean) {
    this.problems.push(problem(where, id, field, message, skipped));
  }
}

function validateSource(raw: unknown, n: number): { source?: Source; error?: [string, string] } {
  const field = `sources[${n}]`;
  if (!isObj(raw)) return { error: [field, 'is not an object'] };
  const url = safeHttpUrl(own(raw, 'url'));
  if (!url) {
    const shown = own(raw, 'url') === undefined ? '' : ` (${describe(own(raw, 'url'))})`;
    return { error: [`${field}.url`, `must be an http(s) web address${shown}`] };
  }
  const publisher = text(own(raw, 'publisher'));
  if (!publisher) return { error: [`${field}.publisher`, 'is missing'] };
  const title = text(own(raw, 'title'));
  if (!title) return { error: [`${field}.title`, 'is missing'] };
  const source: Source = { publisher, title, url };
  const date = text(own(raw, 'date'));
  if (date && parseCivilDate(date)) source.date = date;
  const via = text(own(raw, 'via'));
  if (via) source.via = via;
  return { source };
}

function stringList(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const list = v.map(text).filter((s): s is string => s !== undefined);
  return list.length ? list : undefined;
}

function validateEvent(raw: unknown, index: number, threads: Set<string>, seen: Set<string>, c: Collector): TimelineEvent | null {
  const where = `events[${index}]`;
  if (!isObj(raw)) {
    c.add(where, undefined, '(record)', 'is not an object', true);
    return null;
  }
  const id = text(own(raw, 'id'));
  const skip = (field: string, message: string) => {
    c.add(where, id, field, message, true);
    return null;
  };
  if (!id) return skip('id', 'is missing');
  if (seen.has(id)) return skip('id', `duplicates an earlier event's id "${id}"`);

  const dateText = own(raw, 'date');
  const when = parseCivilDate(dateText);
  if (!when) {
    return skip('date', dateText === undefined ? 'is missing' : `${describe(dateText)} is not a real date (use YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
  const endText = own(raw, 'end');
  let until = undefined;
  if (endText !== undefined && endText !== null && endText !== '') {
    until = parseCivilDate(endText) ?? undefined;
    if (!until) return skip('end', `${describe(endText)} is not a real date (use YYYY, YYYY-MM or YYYY-MM-DD)`);
    if (until.end <= when.start) return skip('end', `is before the event's date ${when.text}`);
  }
  const kind = own(raw, 'kind');
  if (!KINDS.includes(kind as Kind)) {
    return skip('kind', `${kind === undefined ? 'is missing' : `${describe(kind)} is not a kind`}; use one of ${KINDS.join(', ')}`);
  }
  const title = text(own(raw, 'title'));
  if (!title) return skip('title', 'is missing');
  const summary = text(own(raw, 'summary'));
  if (!summary) return skip('summary', 'is missing');
  const thread = text(own(raw, 'thread'));
  if (!thread) return skip('thread', 'is missing');

  const rawSources = own(raw, 'sources');
  if (!Array.isArray(rawSources) || rawSources.length === 0) return skip('sources', 'needs at least one source');
  const sources: Source[] = [];
  for (const [n, s] of rawSources.entries()) {
    const result = validateSource(s, n);
    if (result.error) return skip(result.error[0], result.error[1]);
    if (result.source) sources.push(result.source);
  }

  const event: TimelineEvent = {
    id, date: when.text, kind: kind as Kind, title, summary, thread, sources, when,
    span: { start: when.start, end: until ? until.end : when.end },
  };
  if (until) {
    event.end = until.text;
    event.until = until;
  }
  const tr = translations(own(raw, 'translations'), ['title', 'summary'] as const);
  if (tr) event.translations = tr;
  const people = stringList(own(raw, 'people'));
  if (people) event.people = people;
  for (const key of ['place', 'court', 'case', 'notes'] as const) {
    const v = text(own(raw, key));
    if (v) event[key] = v;
  }
  const quote = text(own(raw, 'quote'));
  const quoteBy = text(own(raw, 'quote_by'));
  if (quote && quoteBy) {
    event.quote = quote;
    event.quote_by = quoteBy;
  } else if (quote) {
    c.add(where, id, 'quote_by', 'is missing, so the quote is not shown', false);
  }
  const updated = own(raw, 'updated');
  if (updated !== undefined) {
    if (parseCivilDate(updated)) event.updated = updated as string;
    else c.add(where, id, 'updated', `${describe(updated)} is not a real date; ignored`, false);
  }
  if (!threads.has(thread)) c.add(where, id, 'thread', `"${thread}" is not among the dataset's threads`, false);
  seen.add(id);
  return event;
}

function validateThreads(raw: unknown, c: Collector): Thread[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    c.add('dataset', undefined, 'threads', 'is not a list; threads ignored', false);
    return [];
  }
  const out: Thread[] = [];
  const ids = new Set<string>();
  raw.forEach((t, i) => {
    const where = `threads[${i}]`;
    const thread = readTitled(t);
    if ('missing' in thread) {
      c.add(where, thread.id, thread.missing, thread.missing === '(record)' ? 'is not an object' : 'is missing', true);
    } else if (ids.has(thread.id)) {
      c.add(where, thread.id, 'id', `duplicates an earlier thread's id "${thread.id}"`, true);
    } else {
      ids.add(thread.id);
      out.push(thread);
    }
  });
  return out;
}

export function validateDataset(raw: unknown): ValidationResult {
  if (!isObj(raw)) {
    return { ok: false, message: 'The file is not a timeline dataset: expected an object with an "events" list.' };
  }
  const rawEvents = own(raw, 'events');
  if (!Array.isArray(rawEvents)) {
    return { ok: false, message: 'The file is not a timeline dataset: it has no "events" list.' };
  }
  if (rawEvents.length > MAX_EVENTS) {
    return { ok: false, message: tooManyEvents(rawEvents.length) };
  }
  const c = new Collector();
  const threads = validateThreads(own(raw, 'threads'), c);
  const threadIds = new Set(threads.map((t) => t.id));
  const seen = new Set<string>();
  const events: TimelineEvent[] = [];
  rawEvents.forEach((e, i) => {
    const event = validateEvent(e, i, threadIds, seen, c);
    if (event) events.push(event);
  });
  events.sort((a, b) => a.span.start - b.span.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const updated = text(own(raw, 'updated'));
  const dataset: Dataset = {
    title: text(own(raw, 'title')) ?? 'Timeline',
    description: text(own(raw, 'description')) ?? '',
    publisher: text(own(raw, 'publisher')) ?? '',
    updated: updated && parseCivilDate(updated) ? updated : '',
    license: text(own(raw, 'license')) ?? '',
    threads,
    events,
  };
  const tr = translations(own(raw, 'translations'), ['title', 'description'] as const);
  if (tr) dataset.translations = tr;
  return { ok: true, dataset, problems: c.problems };
}
