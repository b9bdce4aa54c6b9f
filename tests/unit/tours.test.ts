import { describe, expect, it } from 'vitest';
import { validateTours } from '../../src/lib/data/tours.ts';

const ids = new Set(['a', 'b', 'c']);

describe('validateTours', () => {
  it('keeps good tours and steps in order, with notes and translations', () => {
    const r = validateTours({ tours: [{ id: 't', title: 'T', description: 'D', translations: { es: { title: 'T-es' } }, steps: [{ event: 'b', note: 'look', translations: { es: { note: 'mire' } } }, { event: 'a' }] }] }, ids);
    expect(r.problems).toEqual([]);
    expect(r.tours).toEqual([{ id: 't', title: 'T', description: 'D', translations: { es: { title: 'T-es' } }, steps: [{ event: 'b', note: 'look', translations: { es: { note: 'mire' } } }, { event: 'a' }] }]);
  });

  it('reports unknown events without failing, and drops a tour left empty', () => {
    const r = validateTours({ tours: [{ id: 't', title: 'T', steps: [{ event: 'zz' }, { event: 'c' }] }, { id: 'u', title: 'U', steps: [{ event: 'nope' }] }, null, { id: 't', title: 'dup', steps: [{ event: 'a' }] }] }, ids);
    expect(r.tours.map((t) => [t.id, t.steps.map((s) => s.event)])).toEqual([['t', ['c']]]);
    expect(r.problems.map((p) => p.where)).toEqual(['tours[0].steps[0]', 'tours[1].steps[0]', 'tours[1]', 'tours[2]', 'tours[3]']);
    expect(r.problems[0]!.message).toBe('"zz" is not an event in this dataset');
  });

  it('never throws on junk', () => {
    for (const raw of [undefined, null, 7, 'x', [], { tours: {} }, { tours: [[], 1, { id: '__proto__', title: 'x', steps: 'no' }] }]) {
      expect(() => validateTours(raw, ids)).not.toThrow();
    }
  });
});
