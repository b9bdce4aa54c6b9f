import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../src/lib/data/types.ts';
import { DEFAULT_VIEW, LAYOUTS, parseViewState, serializeViewState, THEMES, urlForState, VIEWS, type ViewState } from '../../src/lib/url/viewState.ts';
import { parseCivilDate } from '../../src/lib/data/dates.ts';
import { LANGS } from '../../src/i18n/i18n.svelte.ts';

const text = fc.string({ maxLength: 60 }).map((s) => s.replace(/[\u0000-\u001f\u007f]/g, ' ').trim());
const day = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2090, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const state: fc.Arbitrary<ViewState> = fc
  .record({
    q: text, kinds: fc.subarray([...KINDS]), thread: text, person: text, court: text, place: text,
    from: fc.option(day, { nil: null }), to: fc.option(day, { nil: null }),
    event: fc.option(text.filter((s) => s !== ''), { nil: null }),
    layout: fc.constantFrom(...LAYOUTS), view: fc.constantFrom(...VIEWS), lang: fc.option(fc.constantFrom(...LANGS), { nil: null }), theme: fc.constantFrom(...THEMES),
    present: fc.boolean(), tour: fc.option(text.filter((s) => s !== ''), { nil: null }), step: fc.option(fc.integer({ min: 1, max: 9_999_999 }), { nil: null }),
  })
  .map(({ q, kinds, thread, person, court, place, from, to, event, layout, view, lang, theme, present, tour, step }) => {
    // A valid state has its range in order.
    if (from && to && from > to) [from, to] = [to, from];
    return { filters: { q, kinds, thread, person, court, place }, from, to, event, layout, view, lang, theme, present, tour, step };
  });

function isValid(s: ViewState) {
  const strings = [s.filters.q, s.filters.thread, s.filters.person, s.filters.court, s.filters.place];
  return (
    strings.every((v) => typeof v === 'string' && v.length <= 400 && !/[\u0000-\u001f]/.test(v)) &&
    s.filters.kinds.every((k) => KINDS.includes(k)) &&
    new Set(s.filters.kinds).size === s.filters.kinds.length &&
    LAYOUTS.includes(s.layout) && VIEWS.includes(s.view) && (s.lang === null || LANGS.includes(s.lang)) && THEMES.includes(s.theme) && typeof s.present === 'boolean' && (s.step === null || (Number.isInteger(s.step) && s.step >= 1)) &&
    (s.from === null || parseCivilDate(s.from) !== null) &&
    (s.to === null || parseCivilDate(s.to) !== null) &&
    !(s.from && s.to && parseCivilDate(s.from)!.start > parseCivilDate(s.to)!.start)
  );
}

describe('view state in the URL', () => {
  it('round-trips: parse(serialize(s)) equals s', () => {
    fc.assert(fc.property(state, (s) => {
      const back = parseViewState(serializeViewState(s).toString());
      expect(back).toEqual({ ...s, filters: { ...s.filters, kinds: KINDS.filter((k) => s.filters.kinds.includes(k)) } });
    }), { numRuns: 500 });
  });

  it('parses any string into a valid state without throwing', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => isValid(parseViewState(s))), { numRuns: 2000 });
    fc.assert(fc.property(fc.webQueryParameters(), (s) => isValid(parseViewState(s))), { numRuns: 500 });
  });

  it('ignores unknown keys and bad values, swaps a reversed range', () => {
    expect(parseViewState('?zoom=9&kind=rumour,ruling,,ruling&layout=spiral&view=3d&from=2025-02-30&to=2025-13-01')).toEqual({
      ...DEFAULT_VIEW,
      filters: { ...DEFAULT_VIEW.filters, kinds: ['ruling'] },
    });
    const s = parseViewState('from=2025-06-01&to=2025-03-01');
    expect([s.from, s.to]).toEqual(['2025-03-01', '2025-06-01']);
    expect(parseViewState('%E0%A4%A&q=%').filters.q).toBe('%');
  });

  it('reads every documented parameter', () => {
    const s = parseViewState('?q=abrego+garcia&kind=policy,error&thread=ocg&person=ICE&court=Supreme%20Court&place=Maryland&from=2025-03-01&to=2025-05-31&event=x-1&layout=thread&view=list&lang=es&theme=dark&present=1&tour=ocg&step=3');
    expect(s).toEqual({
      filters: { q: 'abrego garcia', kinds: ['error', 'policy'], thread: 'ocg', person: 'ICE', court: 'Supreme Court', place: 'Maryland' },
      from: '2025-03-01', to: '2025-05-31', event: 'x-1', layout: 'thread', view: 'list', lang: 'es', theme: 'dark', present: true, tour: 'ocg', step: 3,
    });
  });

  it('writes a canonical URL and keeps parameters it does not own', () => {
    const s = parseViewState('?kind=policy,error&q=x');
    expect(urlForState('https://n.example/t/?data=d.json&q=old&childId=c1', s)).toBe('https://n.example/t/?data=d.json&childId=c1&q=x&kind=error%2Cpolicy');
    expect(urlForState('https://n.example/t/?q=old', DEFAULT_VIEW)).toBe('https://n.example/t/');
  });
});
