import { describe, expect, it } from 'vitest';
import { fromTimelineJS, isTimelineJS } from '../../../src/lib/data/import/timelinejs.ts';
import type { ImportResult } from '../../../src/lib/data/import/types.ts';
import { validateDataset } from '../../../src/lib/data/validate.ts';
import { importFixture } from '../../fixtures/make.ts';

const fixture = (name: string): unknown => JSON.parse(importFixture(name));
const convert = (raw: unknown): ImportResult => {
  const r = fromTimelineJS(raw);
  if (!r) throw new Error('not recognised as TimelineJS');
  return r;
};
const slide = (extra: Record<string, unknown> = {}) => ({
  start_date: { year: 2025, month: 3, day: 15 },
  text: { headline: 'Headline', text: '<p>Text with <a href="https://example.org/a">a link</a>.</p>' },
  ...extra,
});

describe('isTimelineJS / fromTimelineJS detection', () => {
  it('recognises slides with start_date objects, or a title slide with text', () => {
    expect(isTimelineJS({ events: [slide()] })).toBe(true);
    expect(isTimelineJS({ title: { text: { headline: 'T' } }, events: [] })).toBe(true);
  });
  it('returns null for our own format and for anything else', () => {
    for (const raw of [{ title: 'Ours', events: [{ id: 'a', date: '2025-01-01' }] }, { events: [] }, [], null, 'x', { events: [{ start_date: '2025' }] }]) {
      expect(fromTimelineJS(raw)).toBeNull();
    }
  });
});

describe('fromTimelineJS on a file with real-world oddities', () => {
  const r = convert(fixture('timelinejs-odd.json'));
  const byId = new Map(r.dataset.events.map((e) => [e.id, e]));

  it('takes the title slide as the dataset title and description, as plain text', () => {
    expect(r.dataset.title).toBe('Example newsroom timeline');
    expect(r.dataset.description).toBe('A fixture with the shapes real TimelineJS files have — numbers as strings, missing days.');
  });

  it('reads numbers given as strings, and keeps month and year precision', () => {
    expect(r.dataset.events.map((e) => [e.id, e.date, e.end])).toEqual([
      ['example-deported', '2025-03-15', undefined],
      ['example-court-rules', '2025-04', undefined],
      ['example-court-rules-2', '2025', undefined],
      ['a-slide-with-only-a-photo', '2025-05-02', undefined],
    ]);
  });

  it('derives missing ids from headlines like TimelineJS, de-duplicated with -2', () => {
    expect(byId.has('example-court-rules')).toBe(true);
    expect(byId.has('example-court-rules-2')).toBe(true);
  });

  it('reduces HTML headlines and entity-encoded text to plain text', () => {
    const e = byId.get('example-deported')!;
    expect(e.title).toBe('Example man deported & held');
    expect(e.summary).toBe('Officials said it was an “administrative error”… He’s held abroad.');
  });

  it('turns links and http(s) media into sources, with publisher and title', () => {
    expect(byId.get('example-deported')!.sources).toEqual([
      { publisher: 'Example News', title: 'The first report', url: 'https://www.example.org/story?id=1&ref=tl', date: '2025-03-16' },
      { publisher: 'Example Wire', title: 'A second report', url: 'https://example.com/b' },
      { publisher: 'Photo: Example Agency', title: 'The example airport', url: 'https://example.net/photo.jpg' },
    ]);
    expect(byId.get('example-court-rules')!.sources).toEqual([{ publisher: 'example.org', title: 'the ruling', url: 'https://example.org/ruling.pdf' }]);
    expect(byId.get('example-court-rules-2')!.sources).toEqual([{ publisher: 'example.org', title: 'example.org', url: 'https://example.org/video' }]);
    expect(byId.get('a-slide-with-only-a-photo')!.sources).toEqual([]);
  });

  it('reports a javascript: link and does not use it', () => {
    expect(r.problems).toContainEqual(expect.objectContaining({ where: 'events[1]', field: 'text.text', skipped: false, message: expect.stringMatching(/javascript:alert\(1\).*not an http\(s\)/) }));
  });

  it('makes threads from groups, with an "ungrouped" thread for the rest', () => {
    expect(r.dataset.threads).toEqual([
      { id: 'example-case', title: 'Example case', description: '' },
      { id: 'ruling', title: 'Ruling', description: '' },
      { id: 'ungrouped', title: 'Ungrouped', description: 'Events that had no group in the imported file.' },
    ]);
    expect(r.dataset.events.map((e) => e.thread)).toEqual(['example-case', 'ruling', 'ungrouped', 'example-case']);
  });

  it('reads kinds from group or type, else defaults to statement with one note', () => {
    expect(r.dataset.events.map((e) => e.kind)).toEqual(['statement', 'ruling', 'policy', 'statement']);
    const notes = r.problems.filter((p) => p.field === 'kind');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ where: 'dataset', skipped: false, message: expect.stringMatching(/^2 events have no kind.*"statement"/) });
  });

  it('keeps a display date in notes, and drops an end date equal to the start', () => {
    expect(byId.get('example-court-rules')!.notes).toBe('Display date: Early April 2025');
    expect(byId.get('example-court-rules')!.end).toBeUndefined();
  });

  it('reports impossible and missing dates by slide, never shifting them', () => {
    expect(r.problems).toContainEqual({ where: 'events[3]', field: 'start_date.day', message: '2025-02-30 is not a real date; the event was left out', skipped: true });
    expect(r.problems).toContainEqual({ where: 'events[4]', field: 'start_date', message: 'is missing; the event was left out', skipped: true });
    expect(r.problems).toContainEqual({ where: 'events[6]', field: '(record)', message: 'is not an object', skipped: true });
    expect(r.dataset.events.some((e) => e.date.startsWith('2025-03-0'))).toBe(false);
  });

  it('keeps eras aside and reports them', () => {
    expect(r.eras).toEqual([{ where: 'eras[0]', title: 'First half', date: '2025-01', end: '2025-06' }]);
    expect(r.problems).toContainEqual(expect.objectContaining({ where: 'eras[1]', skipped: true }));
    expect(r.problems).toContainEqual(expect.objectContaining({ field: 'eras', skipped: false, message: expect.stringContaining('"First half"') }));
  });

  it('notes dropped times of day and events without a source', () => {
    expect(r.problems).toContainEqual(expect.objectContaining({ field: 'time', skipped: false }));
    expect(r.problems).toContainEqual(expect.objectContaining({ field: 'sources', skipped: false, message: expect.stringMatching(/^1 event has no http\(s\) link/) }));
  });

  it('maps each event back to its slide', () => {
    expect(r.origins).toEqual(['events[0]', 'events[1]', 'events[2]', 'events[5]']);
  });

  it('gives the validator what it needs: only the unsourced, text-less slide is skipped', () => {
    const v = validateDataset(r.dataset);
    if (!v.ok) throw new Error(v.message);
    expect(v.dataset.events.map((e) => e.id).sort()).toEqual(['example-court-rules', 'example-court-rules-2', 'example-deported']);
    expect(v.problems.filter((p) => p.skipped)).toEqual([expect.objectContaining({ where: 'events[3]', id: 'a-slide-with-only-a-photo' })]);
  });
});

describe('fromTimelineJS details', () => {
  it('reserves the title slide id first, as TimelineJS does', () => {
    const r = convert({ title: { text: { headline: 'Same' } }, events: [slide({ text: { headline: 'Same', text: 'x' } })] });
    expect(r.dataset.events[0]!.id).toBe('same-2');
  });
  it('never lets a derived id take an id given later in the file', () => {
    const r = convert({ events: [slide(), slide({ unique_id: 'headline' })] });
    expect(r.dataset.events.map((e) => e.id)).toEqual(['headline-2', 'headline']);
  });
  it('reads our own kind field, and keeps an unknown one for the validator to report', () => {
    const r = convert({ events: [slide({ kind: 'Error' }), slide({ kind: 'rumour', unique_id: 'b' })] });
    expect(r.dataset.events.map((e) => e.kind)).toEqual(['error', 'rumour']);
    expect(r.problems.some((p) => p.field === 'kind')).toBe(false);
  });
  it('keeps ranges at each end’s precision', () => {
    const r = convert({ events: [slide({ start_date: { year: '2025', month: '5' }, end_date: { year: '2025', month: '6', day: '3' } })] });
    expect(r.dataset.events[0]).toMatchObject({ date: '2025-05', end: '2025-06-03' });
  });
  it('uses thread ids from our own export, and keeps new groups clear of them', () => {
    const r = convert({
      threads: [{ id: 'ruling', title: 'Court', description: 'From the export.', __proto__: { x: 1 } }, { id: 7, title: 'bad' }],
      events: [slide({ group: 'Ruling' }), slide({ group: 'Court', unique_id: 'b' })],
    });
    expect(r.dataset.threads).toEqual([{ id: 'ruling-2', title: 'Ruling', description: '' }, { id: 'ruling', title: 'Court', description: 'From the export.' }]);
    expect(r.dataset.events.map((e) => e.thread)).toEqual(['ruling-2', 'ruling']);
  });
  it('refuses a media URL that is not http(s)', () => {
    const r = convert({ events: [slide({ text: { headline: 'H', text: 'T' }, media: { url: 'javascript:alert(1)', credit: 'x' } })] });
    expect(r.dataset.events[0]!.sources).toEqual([]);
  });
});

describe('prototype keys', () => {
  it('change nothing and never reach the output', () => {
    const r = convert(fixture('timelinejs-proto.json'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.dataset.events.map((e) => [e.id, e.date, e.thread])).toEqual([['constructor', '2025-01-02', 'proto'], ['tostring', '2025-01-03', 'constructor']]);
    expect(r.dataset.events[1]!.summary).toBe('&constructor; &__proto__; plain.');
    for (const o of [r.dataset, ...r.dataset.events, ...r.dataset.threads]) {
      expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
      expect(Object.hasOwn(o, '__proto__')).toBe(false);
    }
    expect(Object.keys(r.dataset)).toEqual(['title', 'threads', 'events']);
  });
});
