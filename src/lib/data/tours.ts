import type { Problem, Translations } from './types.ts';
import { isObj, own, text, translations } from './coerce.ts';

/** A guided tour: an ordered walk through events, each step with an optional note for a class. */
export interface TourStep {
  event: string;
  note?: string;
  translations?: Translations<'note'>;
}

export interface Tour {
  id: string;
  title: string;
  description: string;
  translations?: Translations<'title' | 'description'>;
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
    const id = isObj(t) ? text(own(t, 'id')) : undefined;
    const title = isObj(t) ? text(own(t, 'title')) : undefined;
    if (!isObj(t) || !id || !title || seen.has(id)) {
      problems.push({ where, id, field: !id ? 'id' : !title ? 'title' : 'id', message: !id || !title ? 'is missing' : `duplicates "${id}"`, skipped: true });
      return;
    }
    const steps: TourStep[] = [];
    const rawSteps = own(t, 'steps');
    (Array.isArray(rawSteps) ? rawSteps : []).forEach((s, j) => {
      const event = isObj(s) ? text(own(s, 'event')) : undefined;
      if (!isObj(s) || !event || !eventIds.has(event)) {
        problems.push({ where: `${where}.steps[${j}]`, id, field: 'event', message: event ? `"${event}" is not an event in this dataset` : 'is missing', skipped: true });
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
      problems.push({ where, id, field: 'steps', message: 'has no steps with known events; tour left out', skipped: true });
      return;
    }
    seen.add(id);
    const tour: Tour = { id, title, description: text(own(t, 'description')) ?? '', steps };
    const tr = translations(own(t, 'translations'), ['title', 'description'] as const);
    if (tr) tour.translations = tr;
    tours.push(tour);
  });
  return { tours, problems };
}
