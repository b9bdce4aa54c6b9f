import { describe, expect, it } from 'vitest';
import { safeHttpUrl, validateDataset } from '../../src/lib/data/validate.ts';
import { dataset, event } from '../fixtures/make.ts';

function valid(raw: unknown) {
  const r = validateDataset(raw);
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe('validateDataset', () => {
  it('accepts a good dataset and sorts events by date', () => {
    const r = valid(dataset([event('b', '2025-05-02'), event('a', '2025-03')]));
    expect(r.problems).toEqual([]);
    expect(r.dataset.events.map((e) => e.id)).toEqual(['a', 'b']);
    expect(r.dataset.events[0]!.when.precision).toBe('month');
    expect(r.dataset.title).toBe('Test timeline');
  });

  it.each([
    ['impossible date', { date: '2025-02-30' }, 'date', /not a real date/],
    ['missing date', { date: undefined }, 'date', /missing/],
    ['unknown kind', { kind: 'rumour' }, 'kind', /"rumour" is not a kind/],
    ['missing title', { title: '  ' }, 'title', /missing/],
    ['missing summary', { summary: undefined }, 'summary', /missing/],
    ['javascript: url', { sources: [{ publisher: 'x', title: 'y', url: 'javascript:alert(1)' }] }, 'sources[0].url', /http\(s\)/],
    ['relative url', { sources: [{ publisher: 'x', title: 'y', url: '/local' }] }, 'sources[0].url', /http\(s\)/],
    ['no sources', { sources: [] }, 'sources', /at least one/],
    ['end before date', { end: '2025-01-01' }, 'end', /before/],
    ['bad end', { end: '2025-13' }, 'end', /not a real date/],
  ])('skips an event with %s and says where', (_name, patch, field, message) => {
    const r = valid(dataset([event('good', '2025-04-01'), { ...event('bad', '2025-04-02'), ...patch }]));
    expect(r.dataset.events.map((e) => e.id)).toEqual(['good']);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ where: 'events[1]', id: 'bad', field, skipped: true });
    expect(r.problems[0]!.message).toMatch(message);
  });

  it('skips the second of two events with the same id', () => {
    const r = valid(dataset([event('x', '2025-04-01'), event('x', '2025-04-02')]));
    expect(r.dataset.events).toHaveLength(1);
    expect(r.dataset.events[0]!.date).toBe('2025-04-01');
    expect(r.problems[0]).toMatchObject({ where: 'events[1]', field: 'id', skipped: true });
  });

  it('keeps an event with an unknown thread or a quote without speaker, noting it', () => {
    const r = valid(dataset([event('a', '2025-04-01', { thread: 'nope', quote: 'words' })]));
    expect(r.dataset.events).toHaveLength(1);
    expect(r.dataset.events[0]!.quote).toBeUndefined();
    expect(r.problems.map((p) => [p.field, p.skipped])).toEqual([['quote_by', false], ['thread', false]]);
  });

  it('reports non-object records without throwing', () => {
    const r = valid(dataset([null, 7, 'x', [], event('ok', '2025-01-01')]));
    expect(r.dataset.events).toHaveLength(1);
    expect(r.problems).toHaveLength(4);
  });

  it('keeps translations of the named fields under language codes only', () => {
    const r = valid(dataset([event('a', '2025-01-01', {
      translations: { es: { title: 'Título', summary: 'Resumen', quote: 'no' }, 'not a lang': { title: 'x' }, fr: 'x', __proto__: { title: 'p' } },
    })], { translations: { es: { title: 'Cronología', description: 'D' } } }));
    expect(r.dataset.events[0]!.translations).toEqual({ es: { title: 'Título', summary: 'Resumen' } });
    expect(r.dataset.translations).toEqual({ es: { title: 'Cronología', description: 'D' } });
  });

  it('survives values that cannot be turned into strings', () => {
    const raw = JSON.parse('{"events":[{"id":"a","date":{"toString":false},"kind":{"toString":false},"title":"t","summary":"s","thread":"x","sources":[{"publisher":"p","title":"t","url":{"toString":false}}]}]}');
    const r = valid(raw);
    expect(r.problems[0]).toMatchObject({ field: 'date', message: '{"toString":false} is not a real date (use YYYY, YYYY-MM or YYYY-MM-DD)' });
  });

  it('refuses a file that is not a dataset', () => {
    for (const raw of [null, [], 'x', 3, {}, { events: {} }]) expect(validateDataset(raw).ok).toBe(false);
  });

  it('ignores prototype keys and unknown fields', () => {
    const raw = JSON.parse(JSON.stringify(dataset([event('a', '2025-01-01')])).replace('"id":"a"', '"id":"a","__proto__":{"polluted":true},"constructor":{"x":1}'));
    const r = valid(raw);
    expect(Object.getPrototypeOf(r.dataset.events[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(r.dataset.events[0]!)).not.toContain('constructor');
  });
});

describe('safeHttpUrl', () => {
  it.each(['https://example.org/a', 'http://example.org', ' https://example.org/x '])('accepts %j', (u) => {
    expect(safeHttpUrl(u)).toMatch(/^https?:\/\//);
  });
  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:x', 'data:text/html,x', 'vbscript:x', '//evil.org', 'ftp://x.org', '', 42])(
    'refuses %j',
    (u) => expect(safeHttpUrl(u)).toBeUndefined(),
  );
});
