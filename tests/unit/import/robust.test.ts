import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvText, fromCSV, parseCSV } from '../../../src/lib/data/import/csv.ts';
import { toNativeDataset } from '../../../src/lib/data/import/detect.ts';
import { reduceHtml } from '../../../src/lib/data/import/html.ts';
import { importDataset } from '../../../src/lib/data/import/importDataset.ts';
import { fromTimelineJS } from '../../../src/lib/data/import/timelinejs.ts';
import { MAX_EVENTS } from '../../../src/lib/data/validate.ts';

/** Pieces real files are made of, so random input reaches the parsers' edges, not just "not JSON". */
const piece = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(',', '"', '""', '\n', '\r\n', '\r', '\uFEFF', '<', '>', '</a>', '<a href="https://example.org/x">', '<a href=javascript:x>',
    '<p>', '<script>', '&amp;', '&#0;', '&#x110000;', 'Year', 'Month', 'Day', 'date', 'title', 'Headline', 'Text', 'Type', 'title',
    'era', '2025', '2', '30', '02-30', '__proto__', 'constructor', '{', '}', '[', ']', ':', '"events"', '"start_date"', 'Sources: '),
);
const body = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

describe('never throws, whatever the input', () => {
  it('importDataset and toNativeDataset on any text', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 300 }), body), fc.option(fc.constantFrom('x.csv', 'x.json', 'text/csv')), (text, hint) => {
      const r = importDataset(text, hint ?? undefined);
      expect(typeof r.ok).toBe('boolean');
      expect(toNativeDataset(text, hint ?? undefined)).toBeTypeOf('object');
    }), { numRuns: 2000 });
  });

  it('fromTimelineJS on any JSON value, including slide-shaped ones', () => {
    const part = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('2025', 2025, '02', '30', '', null, '<b>x</b>'));
    const slide = fc.record({
      start_date: fc.oneof(part, fc.record({ year: part, month: part, day: part, hour: part })),
      end_date: fc.oneof(part, fc.record({ year: part, month: part, day: part })),
      text: fc.oneof(part, fc.record({ headline: part, text: part })),
      media: fc.oneof(part, fc.record({ url: part, credit: part, caption: part })),
      group: part, unique_id: part, type: part, kind: part, display_date: part,
    }, { requiredKeys: [] });
    const doc = fc.record({ title: fc.oneof(part, fc.record({ text: fc.record({ headline: part, text: part }) })), events: fc.array(fc.oneof(slide, part)), eras: fc.oneof(part, fc.array(slide)), threads: part }, { requiredKeys: ['events'] });
    fc.assert(fc.property(fc.oneof(doc, fc.jsonValue()), (raw) => {
      const r = fromTimelineJS(raw);
      if (r) expect(r.origins).toHaveLength(r.dataset.events.length);
    }), { numRuns: 1000 });
  });

  it('reduceHtml only ever yields http(s) links', () => {
    fc.assert(fc.property(body, (html) => {
      for (const link of reduceHtml(html).links) expect(new URL(link.url).protocol).toMatch(/^https?:$/);
    }), { numRuns: 2000 });
  });
});

describe('CSV writer and parser agree', () => {
  it('reads back every table it writes (cells that look like formulas gain a leading apostrophe)', () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), piece);
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), (rows) => {
      const guarded = rows.map((r) => r.map((c) => (/^[=+\-@]/.test(c) ? `'${c}` : c)));
      // A BOM at the very start is dropped by design (spreadsheets write one); keep it out of the first cell.
      fc.pre(!(rows[0]![0] ?? '').startsWith('\uFEFF'));
      expect(parseCSV(csvText(rows)).rows).toEqual(guarded);
    }), { numRuns: 1000 });
  });
});

describe('too many records', () => {
  it('are refused before conversion, with the validator\'s limit', () => {
    const csv = toNativeDataset(`Year,Headline\n${'2025,x\n'.repeat(MAX_EVENTS + 1)}`);
    expect(csv).toEqual({ error: expect.stringMatching(/too many events to show \(200,001; the limit is 200,000\)/) });
    const tjs = toNativeDataset(JSON.stringify({ events: Array.from({ length: MAX_EVENTS + 1 }, () => ({ start_date: {} })) }));
    expect(tjs).toEqual({ error: expect.stringMatching(/too many events/) });
  });
});

// Inputs that once took quadratic time. No stopwatch here (timed tests flake): they must simply
// finish with the right result; a regression to quadratic time shows up as a test timeout.
describe('hostile sizes are handled', () => {
  const n = 20_000;
  it('HTML: spaces after a link', () => {
    const r = reduceHtml(`<p>x</p><p><a href="https://e.org/a">A</a>${' '.repeat(n)}x</p>`);
    expect([r.text, r.links.map((l) => l.url)]).toEqual(['x A x', ['https://e.org/a']]);
  });
  it('HTML: unclosed tags stay text', () => {
    expect(reduceHtml('<a '.repeat(n)).text).toBe(Array(n).fill('<a').join(' '));
  });
  it('HTML: many skipped elements', () => {
    expect(reduceHtml('<script></script>x'.repeat(n)).text).toBe('x'.repeat(n));
  });
  it('HTML: commas in a parenthesis', () => {
    const r = reduceHtml(`<p>x</p><p>Sources: <a href="https://e.org/a">A</a> (${', '.repeat(n)}x)</p>`);
    expect([r.text, r.links.length]).toEqual(['x', 1]);
  });

  it('20,000 slides with the same headline and distinct non-Latin groups', () => {
    const events = Array.from({ length: n }, (_, i) => ({ start_date: { year: 2025 }, text: { headline: 'Update' }, group: `法院${i}` }));
    expect(fromTimelineJS({ events })!.dataset.events.at(-1)!.id).toBe(`update-${n}`);
  });

  it('a cell of 20,000 URLs and 100,000 rows', () => {
    const wide = fromCSV(`date,title,sources\n2025,x,"${Array.from({ length: n }, (_, i) => `https://e.org/${i}`).join(' ')}"\n`);
    expect('error' in wide ? wide.error : wide.dataset.events.length).toBe(1);
    expect(importDataset(`date,title,summary,source_url\n${'2025,x,y,https://e.org/\n'.repeat(100_000)}`).ok).toBe(true);
  });
});
