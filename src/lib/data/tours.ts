import type { Problem, Thread, Translations } from './types.ts';
import { isObj, own, readTitled, text, translations } from './coerce.ts';
import { problem } from './validate.ts';

/** A guided tour: an ordered walk through events, each step with an optional note for a class. */
export interface TourStep {
  event: string;
  note?: string;
  translations?: Translations<'note'>;
}

/** A tour has a thread's head (id, title, description, translations) and its steps. */
export interface Tour extends Thread {
  steps: TourStep[];
}

/**
 * Tours are validated like the dataset: a step naming an event that is not in the data is
 * dropped and reported, a tour left with no steps is dropped, and nothing here is fatal.
 */
export function validateTours(raw: unknown, eventIds: ReadonlySet<string>): { tours: Tour[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const list = isObj(raw) ? own(raw, 'tours') : undefined;
  if (!Array.isArray(list)) {
    if (raw !== undefined) problems.push({ where: 'tours', field: 'tours', message: 'is not a list; no tours', skipped: true });
    return { tours: [], problems };
  }
  const tours: Tour[] = [];
  const seen = new Set<string>();
  list.forEach((t, i) => {
    const where = `tours[${i}]`;
    const head = readTitled(t);
    if ('missing' in head || seen.has(head.id)) {
      const message = 'missing' in head ? (head.missing === '(record)' ? 'is not an object' : 'is missing') : `duplicates "${head.id}"`;
      problems.push(problem(where, head.id, 'missing' in head ? head.missing : 'id', message, true));
      return;
    }
    const { id } = head;
    const steps: TourStep[] = [];
    const rawSteps = isObj(t) ? own(t, 'steps') : undefined;
    (Array.isArray(rawSteps) ? rawSteps : []).forEach((s, j) => {
      const event = isObj(s) ? text(own(s, 'event')) : undefined;
      if (!isObj(s) || !event || !eventIds.has(event)) {
        problems.push(problem(`${where}.steps[${j}]`, id, 'event', event ? `"${event}" is not an event in this dataset` : 'is missing', true));
        return;
      }
      const step: TourStep = { event };
      const note = text(own(s, 'note'));
      if (note) step.note = note;
      const tr = translations(own(s, 'translations'), ['note'] as const);
      if (tr) step.translations = tr;
      steps.push(step);
    });
    if (steps.length === 0) {
      problems.push(problem(where, id, 'steps', 'has no steps with known events; tour left out', true));
      return;
    }
    seen.add(id);
    tours.push({ ...head, steps });
  });
  return { tours, problems };
}
