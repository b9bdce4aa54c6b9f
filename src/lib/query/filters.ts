import { KINDS, type Kind, type TimelineEvent } from '../data/types.ts';
import type { TimeWindow } from '../time/window.ts';
import { matchesQuery, queryTerms } from './search.ts';

/** What the reader has asked for. Empty values mean "no restriction". */
export interface Filters {
  q: string;
  kinds: Kind[];
  thread: string;
  person: string;
  court: string;
  place: string;
}

export const NO_FILTERS: Filters = { q: '', kinds: [], thread: '', person: '', court: '', place: '' };

export type Facet = 'kind' | 'thread' | 'person' | 'court' | 'place';

/** How many restrictions are set (each kind counts once), for the Filters button. */
export const activeFilterCount = (f: Filters): number =>
  (f.q.trim() !== '' ? 1 : 0) + f.kinds.length + [f.thread, f.person, f.court, f.place].filter((v) => v !== '').length;

export const isFiltered = (f: Filters) => activeFilterCount(f) > 0;

/** One test per facet, so facet counts can leave out the facet being counted. */
function facetTests(f: Filters): Record<Facet | 'q', (e: TimelineEvent) => boolean> {
  const terms = queryTerms(f.q);
  return {
    q: (e) => matchesQuery(e, terms),
    kind: (e) => f.kinds.length === 0 || f.kinds.includes(e.kind),
    thread: (e) => f.thread === '' || e.thread === f.thread,
    person: (e) => f.person === '' || (e.people?.includes(f.person) ?? false),
    court: (e) => f.court === '' || e.court === f.court,
    place: (e) => f.place === '' || e.place === f.place,
  };
}

export function applyFilters(events: readonly TimelineEvent[], f: Filters): TimelineEvent[] {
  if (!isFiltered(f)) return events as TimelineEvent[];
  const tests = Object.values(facetTests(f));
  return events.filter((e) => tests.every((test) => test(e)));
}

export const inWindow = (e: TimelineEvent, w: TimeWindow) => e.span.end > w.start && e.span.start < w.end;

const valuesOf: Record<Facet, (e: TimelineEvent) => readonly string[]> = {
  kind: (e) => [e.kind],
  thread: (e) => [e.thread],
  person: (e) => e.people ?? [],
  court: (e) => (e.court ? [e.court] : []),
  place: (e) => (e.place ? [e.place] : []),
};

/**
 * Faceted counts: for each value of each facet, how many events in the window would remain
 * if that value were chosen, given every other filter. One pass over the events.
 */
export function facetCounts(events: readonly TimelineEvent[], f: Filters, w: TimeWindow): Record<Facet, Map<string, number>> {
  const tests = facetTests(f);
  const facets = Object.keys(valuesOf) as Facet[];
  const counts = Object.fromEntries(facets.map((k) => [k, new Map<string, number>()])) as Record<Facet, Map<string, number>>;
  for (const e of events) {
    if (!inWindow(e, w) || !tests.q(e)) continue;
    const pass = facets.map((k) => tests[k](e));
    facets.forEach((facet, i) => {
      // The event counts for this facet's values if it passes every *other* facet.
      if (!pass.every((ok, j) => ok || j === i)) return;
      const map = counts[facet];
      for (const v of new Set(valuesOf[facet](e))) map.set(v, (map.get(v) ?? 0) + 1);
    });
  }
  for (const k of KINDS) if (!counts.kind.has(k)) counts.kind.set(k, 0);
  return counts;
}

/** Every value a facet takes in the dataset, for building option lists. */
export function facetValues(events: readonly TimelineEvent[], facet: Exclude<Facet, 'kind'>): string[] {
  const values = new Set<string>();
  for (const e of events) for (const v of valuesOf[facet](e)) values.add(v);
  return [...values].sort((a, b) => a.localeCompare(b, 'en'));
}
