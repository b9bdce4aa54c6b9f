/** The public data format (see data/README.md and data/events.schema.json). */

export const KINDS = ['error', 'ruling', 'statement', 'policy'] as const;
export type Kind = (typeof KINDS)[number];

export type Precision = 'year' | 'month' | 'day';

/** A calendar date at its stated precision; `start`/`end` are UTC-midnight ms, `end` exclusive. */
export interface CivilDate {
  text: string;
  precision: Precision;
  start: number;
  end: number;
}

/** Text in other languages, by language code ("es"); names and quotes are not translated. */
export type Translations<K extends string> = Record<string, Partial<Record<K, string>>>;

export interface Source {
  publisher: string;
  title: string;
  url: string;
  date?: string;
  via?: string;
}

export interface Thread {
  id: string;
  title: string;
  description: string;
  translations?: Translations<'title' | 'description'>;
}

/** One event as it appears in the JSON file. */
export interface RawEvent {
  id: string;
  date: string;
  end?: string;
  kind: Kind;
  title: string;
  summary: string;
  translations?: Translations<'title' | 'summary'>;
  thread: string;
  people?: string[];
  place?: string;
  court?: string;
  case?: string;
  quote?: string;
  quote_by?: string;
  sources: Source[];
  updated?: string;
  notes?: string;
}

/** A validated event, with its dates parsed for drawing. */
export interface TimelineEvent extends RawEvent {
  /** The time the event covers: from its date's start to the end of `end` (or of `date`). */
  span: { start: number; end: number };
  when: CivilDate;
  until?: CivilDate;
}

export interface DatasetMeta {
  title: string;
  description: string;
  publisher: string;
  updated: string;
  license: string;
  translations?: Translations<'title' | 'description'>;
}

export interface Dataset extends DatasetMeta {
  threads: Thread[];
  /** Sorted by start, then id, so every consumer sees one chronological order. */
  events: TimelineEvent[];
}

/** Something wrong in a record; `skipped` says whether the record was left out. */
export interface Problem {
  /** Where: `events[3]`, `threads[0]`, or `dataset`. */
  where: string;
  id?: string;
  field: string;
  message: string;
  skipped: boolean;
}

export interface RawDataset extends DatasetMeta {
  threads: Thread[];
  events: RawEvent[];
}

/**
 * The field lists as runtime values, so a test can hold data/events.schema.json to them; the
 * type checks below fail to compile if a field is added to a type but not to its list.
 */
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type Exactly<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : false;

export const EVENT_FIELDS = ['id', 'date', 'end', 'kind', 'title', 'summary', 'translations', 'thread', 'people', 'place', 'court',
  'case', 'quote', 'quote_by', 'sources', 'updated', 'notes'] as const;
export const EVENT_REQUIRED = ['id', 'date', 'kind', 'title', 'summary', 'thread', 'sources'] as const;
export const SOURCE_FIELDS = ['publisher', 'title', 'url', 'date', 'via'] as const;
export const SOURCE_REQUIRED = ['publisher', 'title', 'url'] as const;
export const THREAD_FIELDS = ['id', 'title', 'description', 'translations'] as const;
export const DATASET_FIELDS = ['title', 'description', 'publisher', 'updated', 'license', 'translations', 'threads', 'events'] as const;

export const typesMatchLists: [
  Exactly<keyof RawEvent, (typeof EVENT_FIELDS)[number]>,
  Exactly<RequiredKeys<RawEvent>, (typeof EVENT_REQUIRED)[number]>,
  Exactly<keyof Source, (typeof SOURCE_FIELDS)[number]>,
  Exactly<RequiredKeys<Source>, (typeof SOURCE_REQUIRED)[number]>,
  Exactly<keyof Thread, (typeof THREAD_FIELDS)[number]>,
  Exactly<keyof RawDataset, (typeof DATASET_FIELDS)[number]>,
] = [true, true, true, true, true, true];
