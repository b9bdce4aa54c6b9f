import { describe, expect, it } from 'vitest';
import { activeFilterCount, applyFilters, facetCounts, facetValues, isFiltered, NO_FILTERS } from '../../src/lib/query/filters.ts';
import { fold, highlight, matchesQuery, queryTerms } from '../../src/lib/query/search.ts';
import { validateDataset } from '../../src/lib/data/validate.ts';
import { dataset, event } from '../fixtures/make.ts';

const r = validateDataset(
  dataset(
    [
      event('a', '2025-01-10', { kind: 'error', title: 'Kilmar Ábrego García deported', people: ['Kilmar Abrego Garcia', 'ICE'], place: 'Maryland' }),
      event('b', '2025-02-10', { kind: 'ruling', court: 'Supreme Court', people: ['ICE'], summary: 'The court ruled for Abrego Garcia.' }),
      event('c', '2025-03-10', { kind: 'ruling', court: 'D. Md.', thread: 'case-b', place: 'Maryland' }),
      event('d', '2025-04-10', { kind: 'statement', quote: 'We will comply.', quote_by: 'An official', case: 'Noem v. Abrego Garcia' }),
    ],
    { threads: [{ id: 'case-a', title: 'A', description: 'd' }, { id: 'case-b', title: 'B', description: 'd' }] },
  ),
);
if (!r.ok) throw new Error(r.message);
const events = r.dataset.events;
const year = { start: Date.UTC(2025, 0, 1), end: Date.UTC(2026, 0, 1) };
const ids = (list: { id: string }[]) => list.map((e) => e.id);

describe('search', () => {
  it('folds case and accents', () => {
    expect(fold('Ábrego GARCÍA Hernández')).toBe('abrego garcia hernandez');
    expect(queryTerms('  Ábrego   garcia ')).toEqual(['abrego', 'garcia']);
  });

  it('matches title, summary, people, place, case and quote; every term must match', () => {
    expect(ids(applyFilters(events, { ...NO_FILTERS, q: 'abrego' }))).toEqual(['a', 'b', 'd']);
    expect(ids(applyFilters(events, { ...NO_FILTERS, q: 'ABREGO maryland' }))).toEqual(['a']);
    expect(ids(applyFilters(events, { ...NO_FILTERS, q: 'comply' }))).toEqual(['d']);
    expect(ids(applyFilters(events, { ...NO_FILTERS, q: 'noem' }))).toEqual(['d']);
    expect(ids(applyFilters(events, { ...NO_FILTERS, q: 'nothing-like-this' }))).toEqual([]);
    expect(matchesQuery(events[0]!, [])).toBe(true);
  });

  it('highlights matches in the original text, accents and all', () => {
    expect(highlight('Kilmar Ábrego García', ['abrego'])).toEqual([
      { text: 'Kilmar ', match: false },
      { text: 'Ábrego', match: true },
      { text: ' García', match: false },
    ]);
    expect(highlight('no match', ['zzz'])).toEqual([{ text: 'no match', match: false }]);
    expect(highlight('aaa', ['a']).map((s) => s.text).join('')).toBe('aaa');
  });
});

describe('filters', () => {
  it('filters by kind, thread, person, court and place, all together', () => {
    expect(ids(applyFilters(events, { ...NO_FILTERS, kinds: ['ruling'] }))).toEqual(['b', 'c']);
    expect(ids(applyFilters(events, { ...NO_FILTERS, kinds: ['ruling', 'error'] }))).toEqual(['a', 'b', 'c']);
    expect(ids(applyFilters(events, { ...NO_FILTERS, thread: 'case-b' }))).toEqual(['c']);
    expect(ids(applyFilters(events, { ...NO_FILTERS, person: 'ICE' }))).toEqual(['a', 'b']);
    expect(ids(applyFilters(events, { ...NO_FILTERS, court: 'Supreme Court' }))).toEqual(['b']);
    expect(ids(applyFilters(events, { ...NO_FILTERS, place: 'Maryland', kinds: ['ruling'] }))).toEqual(['c']);
    expect(applyFilters(events, NO_FILTERS)).toBe(events);
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, q: ' ' })).toBe(false);
  });

  it('counts the restrictions set, each kind once and a blank search not at all', () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, q: '  ' })).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, q: 'abrego', kinds: ['error', 'ruling'], thread: 'ocg', place: 'Maryland' })).toBe(5);
  });

  it('counts what each option would leave, given the other filters', () => {
    const f = { ...NO_FILTERS, kinds: ['ruling' as const], place: 'Maryland' };
    const counts = facetCounts(events, f, year);
    // Kind counts ignore the kind filter but respect the place filter.
    expect(counts.kind.get('ruling')).toBe(1);
    expect(counts.kind.get('error')).toBe(1);
    expect(counts.kind.get('statement')).toBe(0);
    // Place counts ignore the place filter but respect the kind filter.
    expect(counts.place.get('Maryland')).toBe(1);
    expect(counts.court.get('D. Md.')).toBe(1);
    expect(counts.court.get('Supreme Court')).toBeUndefined();
  });

  it('counts only events in the window', () => {
    const q1 = { start: Date.UTC(2025, 0, 1), end: Date.UTC(2025, 2, 1) };
    expect(facetCounts(events, NO_FILTERS, q1).kind.get('ruling')).toBe(1);
  });

  it('lists every value of a facet once, sorted', () => {
    expect(facetValues(events, 'person')).toEqual(['ICE', 'Kilmar Abrego Garcia']);
    expect(facetValues(events, 'court')).toEqual(['D. Md.', 'Supreme Court']);
  });
});
