import type { Problem, RawEvent, Thread } from '../types.ts';

/**
 * What an import produces: our format's field names, not yet validated. A record the import
 * could not read at all (an impossible date) is left out and reported; anything our validator
 * can judge (a missing summary or source, an unknown kind) is passed on for it to report.
 */
export type ImportedEvent = Omit<RawEvent, 'kind' | 'title' | 'summary'> & {
  kind: string;
  title?: string;
  summary?: string;
};

export interface ImportedDataset {
  title?: string;
  description?: string;
  threads: Thread[];
  events: ImportedEvent[];
}

/** A TimelineJS era (a labelled span behind the events): read and kept, not drawn yet. */
export interface Era {
  where: string;
  title: string;
  date: string;
  end: string;
}

export interface ImportResult {
  dataset: ImportedDataset;
  problems: Problem[];
  eras: Era[];
  /** Where each of `dataset.events` came from ("row 7", "events[3]"), index for index. */
  origins: string[];
}

export type Format = 'native' | 'timelinejs' | 'csv';
