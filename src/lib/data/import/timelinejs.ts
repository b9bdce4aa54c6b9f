import type { Problem, Thread } from '../types.ts';
import { problem, safeHttpUrl } from '../validate.ts';
import { readTitled, translations } from '../coerce.ts';
import { assemble, linkSource, mediaSource, Sources } from './assemble.ts';
import type { Draft } from './assemble.ts';
import { dateFromParts } from './civil.ts';
import type { DateResult } from './civil.ts';
import { displayNote, eraNote, refusedLinks, TIME_NOTE } from './notes.ts';
import { htmlToText, reduceHtml } from './html.ts';
import { slugify } from './slug.ts';
import type { Era, ImportResult } from './types.ts';
import { isObj, own, str } from './util.ts';
import type { Obj } from './util.ts';

/**
 * TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html) to our format. Slides
 * become events, groups become threads, links in the text become sources; eras are kept aside.
 */

/** A TimelineJS file: slides with `start_date` objects, or a title slide with `text`. */
export function isTimelineJS(raw: unknown): raw is Obj {
  if (!isObj(raw)) return false;
  const events = own(raw, 'events');
  const title = own(raw, 'title');
  return (Array.isArray(events) && events.some((e) => isObj(e) && isObj(own(e, 'start_date'))))
    || (isObj(title) && isObj(own(title, 'text')));
}

const field = (o: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, key) => (isObj(v) ? own(v, key) : undefined), o);
const html = (o: unknown, ...path: string[]): string | undefined => {
  const s = str(field(o, ...path));
  return s === undefined ? undefined : htmlToText(s) || undefined;
};

function readDate(slide: Obj, key: 'start_date' | 'end_date'): DateResult & { time: boolean } {
  const d = own(slide, key);
  const time = ['hour', 'minute', 'second', 'millisecond'].some((k) => str(field(d, k)) !== undefined);
  return { ...dateFromParts(field(d, 'year'), field(d, 'month'), field(d, 'day')), time };
}

/** Threads written by our own export (an extra key TimelineJS ignores), so a round trip keeps ids. */
function knownThreads(raw: unknown): Thread[] {
  return Array.isArray(raw) ? raw.map(readTitled).filter((t): t is Thread => !('missing' in t)) : [];
}

function readSlide(slide: Obj, where: string, problems: Problem[]): { draft?: Draft; time: boolean } {
  const id = str(own(slide, 'unique_id'));
  const skip = (f: string, message: string) => {
    problems.push(problem(where, id, f, `${message}; the event was left out`, true));
    return { time: false };
  };
  const start = readDate(slide, 'start_date');
  if (!start.ok) return skip(`start_date.${start.part}`, start.message);
  if (start.date === undefined) return skip('start_date', isObj(own(slide, 'start_date')) ? 'has no year' : 'is missing');
  const end = readDate(slide, 'end_date');
  if (!end.ok) return skip(`end_date.${end.part}`, end.message);

  const text = reduceHtml(str(field(slide, 'text', 'text')) ?? '');
  refusedLinks(problems, where, id, 'text.text', text.refused);
  const sources = new Sources();
  text.links.forEach((link) => sources.add(linkSource(link)));
  const mediaUrl = safeHttpUrl(field(slide, 'media', 'url'));
  if (mediaUrl) sources.add(mediaSource(mediaUrl, html(slide, 'media', 'credit'), html(slide, 'media', 'caption')));
  const group = html(slide, 'group');
  // TimelineJS drops an end date equal to the start date; so do we.
  const until = end.date !== undefined && end.date !== start.date ? end.date : undefined;
  const notes = displayNote([html(slide, 'display_date'), html(slide, 'start_date', 'display_date'), html(slide, 'end_date', 'display_date')], start.date, until);

  const draft: Draft = {
    where, date: start.date, sources: sources.list, extra: {},
    kindHints: [str(own(slide, 'type')), group],
  };
  if (id !== undefined) draft.id = id;
  if (until !== undefined) draft.end = until;
  const kind = str(own(slide, 'kind'));
  if (kind !== undefined) draft.kind = kind;
  const title = html(slide, 'text', 'headline');
  if (title !== undefined) draft.title = title;
  if (text.text) draft.summary = text.text;
  if (group !== undefined) draft.thread = { title: group };
  if (notes !== undefined) draft.extra.notes = notes;
  // Our export's extra key (TimelineJS ignores it): the event's text in other languages.
  const tr = translations(own(slide, 'translations'), ['title', 'summary'] as const);
  if (tr) draft.extra.translations = tr;
  return { draft, time: start.time || end.time };
}

function readEra(raw: unknown, where: string, problems: Problem[]): Era | null {
  const title = html(raw, 'text', 'headline') ?? '';
  const bad = (message: string) => {
    problems.push({ where, field: 'era', message: `${message}; the era was left out`, skipped: true });
    return null;
  };
  if (!isObj(raw)) return bad('is not an object');
  const start = readDate(raw, 'start_date');
  const end = readDate(raw, 'end_date');
  if (!start.ok) return bad(`start_date.${start.part} ${start.message}`);
  if (!end.ok) return bad(`end_date.${end.part} ${end.message}`);
  if (start.date === undefined || end.date === undefined) return bad('needs a start date and an end date');
  return { where, title, date: start.date, end: end.date };
}

export function fromTimelineJS(raw: unknown): ImportResult | null {
  if (!isTimelineJS(raw)) return null;
  const problems: Problem[] = [];
  const titleSlide = own(raw, 'title');
  const title = html(titleSlide, 'text', 'headline');
  const description = html(titleSlide, 'text', 'text');
  // TimelineJS gives the title slide an id first, so a slide with the same headline gets "-2".
  const titleId = str(field(titleSlide, 'unique_id')) ?? (title ? slugify(title) : undefined);

  const drafts: Draft[] = [];
  let time = false;
  const slides = own(raw, 'events');
  (Array.isArray(slides) ? slides : []).forEach((slide, i) => {
    const where = `events[${i}]`;
    if (!isObj(slide)) return problems.push({ where, field: '(record)', message: 'is not an object', skipped: true });
    const read = readSlide(slide, where, problems);
    if (read.draft) drafts.push(read.draft);
    time ||= read.time;
  });
  const rawEras = own(raw, 'eras');
  const eras = (Array.isArray(rawEras) ? rawEras : []).flatMap((e, i) => readEra(e, `eras[${i}]`, problems) ?? []);
  if (time) problems.push(TIME_NOTE);
  if (eras.length) problems.push(eraNote(eras));

  const assembled = assemble(drafts, knownThreads(own(raw, 'threads')), titleId ? [titleId] : []);
  const dataset = { ...(title ? { title } : {}), ...(description ? { description } : {}), ...assembled.dataset };
  return { dataset, problems: [...problems, ...assembled.problems], eras, origins: drafts.map((d) => d.where) };
}
