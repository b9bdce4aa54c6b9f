import { KINDS } from '../types.ts';
import type { Kind, Problem, RawEvent, Source, Thread } from '../types.ts';
import type { Link } from './html.ts';
import { IdPool, slugify } from './slug.ts';
import type { ImportedDataset, ImportedEvent } from './types.ts';
import { hostOf } from './util.ts';

/** One event as read from a TimelineJS slide or a CSV row, before ids and threads are settled. */
export interface Draft {
  where: string;
  id?: string;
  date: string;
  end?: string;
  /** Written by the author (our `kind`): passed on as written, for the validator to judge. */
  kind?: string;
  /** TimelineJS `type` and `group`: used only when one of them names a kind. */
  kindHints: (string | undefined)[];
  title?: string;
  summary?: string;
  /** A TimelineJS group (a label) or our thread column (an id, with or without a title). */
  thread?: { id?: string; title: string };
  sources: Source[];
  extra: Partial<Pick<RawEvent, 'translations' | 'people' | 'place' | 'court' | 'case' | 'quote' | 'quote_by' | 'updated' | 'notes'>>;
}

export const UNGROUPED: Thread = { id: 'ungrouped', title: 'Ungrouped', description: 'Events that had no group in the imported file.' };

/** Sources in the order found, each URL once: the same link in Text and Media is one source. */
export class Sources {
  readonly list: Source[] = [];
  private readonly urls = new Set<string>();
  add(source: Source): void {
    if (this.urls.has(source.url)) return;
    this.urls.add(source.url);
    this.list.push(source);
  }
}

/** A link from a slide's text: publisher from "(Publisher)" after it, else the site's name. */
export function linkSource(link: Link): Source {
  const host = hostOf(link.url);
  const source: Source = { publisher: link.publisher ?? host, title: link.text || host, url: link.url };
  if (link.date) source.date = link.date;
  return source;
}

/** TimelineJS media: the credit names who made it, the caption what it shows. */
export function mediaSource(url: string, credit: string | undefined, caption: string | undefined): Source {
  const host = hostOf(url);
  return { publisher: credit || host, title: caption || credit || host, url };
}

function kindOf(d: Draft): string | undefined {
  if (d.kind !== undefined) return d.kind.toLowerCase();
  return d.kindHints.map((h) => h?.trim().toLowerCase()).find((h): h is Kind => KINDS.includes(h as Kind));
}

/**
 * Settles ids (given ones kept; missing ones slugged from the title, avoiding every given id),
 * threads (one per distinct group, plus "ungrouped") and kinds (defaulting to "statement", with
 * one note, because a kind the file did not give is a guess an editor should check).
 *
 * Events without any source are passed on, not given an invented one: the validator then skips
 * each with "needs at least one source" and one note here says how to add them. A newsroom's
 * TimelineJS slides often carry only a photo; showing them as if sourced would break the rule
 * that every event links to something a reader can open, and a placeholder source would be
 * made up. Skipping loudly lets the editor fix the sheet and import again.
 */
export function assemble(drafts: Draft[], known: Thread[], reserved: string[] = []): { dataset: ImportedDataset; problems: Problem[] } {
  const problems: Problem[] = [];
  const ids = new IdPool([...reserved, ...drafts.flatMap((d) => (d.id ? [d.id] : []))]);
  const knownById = new Map(known.map((k) => [k.id, k]));
  const knownByTitle = new Map(known.map((k) => [k.title, k]));
  // Threads by id, and which id each title got, so "Court rulings" in two rows is one thread.
  const threads = new Map<string, Thread>();
  const threadIds = new IdPool(knownById.keys());
  const byTitle = new Map<string, string>();
  const add = (thread: Thread) => {
    if (!threads.has(thread.id)) threads.set(thread.id, thread);
    if (!byTitle.has(thread.title.toLowerCase())) byTitle.set(thread.title.toLowerCase(), thread.id);
    return thread.id;
  };
  const threadFor = (t: Draft['thread']): string => {
    const label = t ?? { title: UNGROUPED.title };
    const match = label.id !== undefined ? knownById.get(label.id) : knownByTitle.get(label.title);
    if (match) return add(match);
    if (label.id !== undefined) return add({ id: label.id, title: label.title, description: '' });
    const seen = byTitle.get(label.title.toLowerCase());
    if (seen !== undefined) return seen;
    const id = threadIds.take(t ? slugify(label.title) || 'group' : UNGROUPED.id);
    return add({ id, title: label.title, description: t ? '' : UNGROUPED.description });
  };

  let defaulted = 0;
  let unsourced = 0;
  const events = drafts.map((d): ImportedEvent => {
    let kind = kindOf(d);
    if (kind === undefined) {
      kind = 'statement';
      defaulted++;
    }
    if (!d.sources.length) unsourced++;
    const event: ImportedEvent = {
      id: d.id ?? ids.take(slugify(d.title ?? '') || 'event'),
      date: d.date, kind, thread: threadFor(d.thread), sources: d.sources,
    };
    if (d.end !== undefined) event.end = d.end;
    if (d.title !== undefined) event.title = d.title;
    if (d.summary !== undefined) event.summary = d.summary;
    if (d.extra.translations) event.translations = d.extra.translations;
    for (const key of ['place', 'court', 'case', 'quote', 'quote_by', 'updated', 'notes'] as const) {
      const v = d.extra[key];
      if (v !== undefined) event[key] = v;
    }
    if (d.extra.people?.length) event.people = d.extra.people;
    return event;
  });

  if (defaulted) {
    problems.push({
      where: 'dataset', field: 'kind', skipped: false,
      message: `${defaulted} ${defaulted === 1 ? 'event has' : 'events have'} no kind (${KINDS.join(', ')}) and ${defaulted === 1 ? 'was' : 'were'} set to "statement"; check them, or give each a kind (a kind column or field, or a Type or group naming one)`,
    });
  }
  if (unsourced) {
    problems.push({
      where: 'dataset', field: 'sources', skipped: false,
      message: `${unsourced} ${unsourced === 1 ? 'event has' : 'events have'} no http(s) link, so ${unsourced === 1 ? 'it is' : 'they are'} not shown; every event needs a source a reader can open: add a link in the text, a media URL or a source_url`,
    });
  }
  return { dataset: { threads: [...threads.values()], events }, problems };
}
