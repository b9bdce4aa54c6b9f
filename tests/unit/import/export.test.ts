import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toCSV, toNativeJSON, toTimelineJS } from '../../../src/lib/data/import/export.ts';
import { importDataset } from '../../../src/lib/data/import/importDataset.ts';
import { fromTimelineJS } from '../../../src/lib/data/import/timelinejs.ts';
import type { RawDataset, RawEvent } from '../../../src/lib/data/types.ts';
import { validateDataset } from '../../../src/lib/data/validate.ts';
import { dataset, event } from '../../fixtures/make.ts';

const tricky = dataset([
  event('day-event', '2025-03-15', {
    kind: 'error', title: 'A <b>title</b> & "quotes"', translations: { es: { title: 'Un título', summary: 'Un resumen, con coma.' }, 'pt-BR': { title: 'Um título' } }, summary: "He said: 'no' — <script>alert(1)</script> & more.",
    sources: [
      { publisher: 'Example News', title: 'First (updated)', url: 'https://example.org/a?x=1&y=2', date: '2025-03-16' },
      { publisher: 'NPR (Illinois)', title: 'Second', url: 'http://example.com/b' },
    ],
  }),
  event('month-range', '2025-04', { end: '2025-06', kind: 'policy', thread: 'case-b' }),
  event('year-only', '2025', { kind: 'statement', people: ['A', 'B'], place: 'P', court: 'C', case: 'X v. Y', quote: 'Q, "q"', quote_by: 'A, role', notes: '=cmd|x', updated: '2025-12-01' }),
], { threads: [{ id: 'case-a', title: 'Case A', description: 'First.' }, { id: 'case-b', title: 'Case B', description: 'Second.' }] }) as unknown as RawDataset;

const byId = <T extends { id: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
const fields = (e: RawEvent) => ({ id: e.id, date: e.date, end: e.end, kind: e.kind, title: e.title, summary: e.summary, thread: e.thread, translations: e.translations, urls: e.sources.map((s) => s.url) });

describe('toTimelineJS', () => {
  const doc = toTimelineJS(tricky);

  it('writes dates at their precision, escaped HTML text, groups and ids', () => {
    expect(doc.title).toEqual({ text: { headline: 'Test timeline', text: 'A fixture.' } });
    expect(doc.events.map((s) => [s.unique_id, s.start_date, s.end_date, s.group])).toEqual([
      ['day-event', { year: 2025, month: 3, day: 15 }, undefined, 'Case A'],
      ['month-range', { year: 2025, month: 4 }, { year: 2025, month: 6 }, 'Case B'],
      ['year-only', { year: 2025 }, undefined, 'Case A'],
    ]);
    const first = doc.events[0]!;
    expect(first.text.headline).toBe('A &lt;b&gt;title&lt;/b&gt; &amp; &quot;quotes&quot;');
    expect(first.text.text).not.toMatch(/<script|<b>/);
    expect(first.text.text).toContain('<a href="https://example.org/a?x=1&amp;y=2">First (updated)</a> (Example News, 2025-03-16)');
  });

  it('adds a display date for ranges', () => {
    expect(doc.events[1]!.display_date).toMatch(/^April\s–\sJune 2025$/);
    expect(doc.events[0]!.display_date).toBeUndefined();
  });

  it('round trips: our JSON → TimelineJS → our JSON keeps id, dates, title, summary, thread, kind and source urls', () => {
    const back = fromTimelineJS(JSON.parse(JSON.stringify(doc)));
    if (!back) throw new Error('not recognised');
    expect(back.problems).toEqual([]);
    const v = validateDataset(back.dataset);
    if (!v.ok) throw new Error(v.message);
    expect(v.problems).toEqual([]);
    expect(byId(v.dataset.events).map(fields)).toEqual(byId(tricky.events).map(fields));
    expect(v.dataset.threads).toEqual(tricky.threads);
    expect(v.dataset.events.find((e) => e.id === 'day-event')!.sources).toEqual(tricky.events[0]!.sources);
    expect(v.dataset.events.find((e) => e.id === 'month-range')!.notes).toBeUndefined();
    expect(v.dataset.title).toBe('Test timeline');
  });
});

describe('toCSV', () => {
  const csv = toCSV(tricky.events, tricky.threads);

  it('writes our columns, one source group per source, with a formula guard', () => {
    const header = csv.split('\r\n')[0];
    expect(header).toBe('id,date,end,kind,title,summary,thread,thread_title,people,place,court,case,quote,quote_by,updated,notes,' +
      'title_es,summary_es,title_pt-BR,summary_pt-BR,source_publisher,source_title,source_url,source_date,source_via,source2_publisher,source2_title,source2_url,source2_date,source2_via');
    expect(csv).toContain(",'=cmd|x,");
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('round trips every field through fromCSV', () => {
    const r = importDataset(csv, 'export.csv');
    if (!r.ok) throw new Error(r.message);
    expect(r.problems).toEqual([]);
    const back = JSON.parse(toNativeJSON({ ...tricky, threads: r.dataset.threads, events: byId(r.dataset.events) }));
    expect(back.events).toEqual(byId(tricky.events));
    expect(back.threads).toEqual(tricky.threads.map((t) => ({ ...t, description: '' })));
  });
});

describe('toNativeJSON', () => {
  it('drops the fields validation adds and anything unknown, keeping field order', () => {
    const v = validateDataset({ ...tricky, extra: 1, events: tricky.events.map((e) => ({ ...e, extra: 1 })) });
    if (!v.ok) throw new Error(v.message);
    const json = JSON.parse(toNativeJSON({ ...v.dataset, events: byId(v.dataset.events) }));
    expect(Object.keys(json)).toEqual(['title', 'description', 'publisher', 'updated', 'license', 'threads', 'events']);
    expect(json.events).toEqual(byId(tricky.events));
    expect(json.events[0]).not.toHaveProperty('span');
  });

  it('round trips the bundled dataset through TimelineJS and CSV without losing what they can hold', () => {
    const raw = JSON.parse(readFileSync(new URL('../../../data/events.json', import.meta.url), 'utf8')) as RawDataset;
    const viaTjs = importDataset(JSON.stringify(toTimelineJS(raw)));
    const viaCsv = importDataset(toCSV(raw.events, raw.threads), 'x.csv');
    if (!viaTjs.ok || !viaCsv.ok) throw new Error('not readable');
    expect(viaTjs.problems).toEqual([]);
    expect(viaCsv.problems).toEqual([]);
    expect(byId(viaTjs.dataset.events).map(fields)).toEqual(byId(raw.events).map(fields));
    expect(JSON.parse(toNativeJSON({ ...raw, events: byId(viaCsv.dataset.events) })).events).toEqual(byId(raw.events));
  });
});
