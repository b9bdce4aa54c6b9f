import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvCell, fromCSV, parseCSV } from '../../../src/lib/data/import/csv.ts';
import type { ImportResult } from '../../../src/lib/data/import/types.ts';
import { validateDataset } from '../../../src/lib/data/validate.ts';
import { importFixture } from '../../fixtures/make.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const fixture = importFixture;
const convert = (text: string): ImportResult => {
  const r = fromCSV(text);
  if ('error' in r) throw new Error(r.error);
  return r;
};

describe('parseCSV (RFC 4180)', () => {
  it('stops after maxRows records, a quoted line break included', () => {
    expect(parseCSV('date,"ti\ntle"\n2025-01-01,a\n2025-01-02,b\n', 1).rows).toEqual([['date', 'ti\ntle']]);
    expect(parseCSV('date,title\n2025-01-01,a\n', 2).rows).toEqual([['date', 'title'], ['2025-01-01', 'a']]);
  });
  it('reads quoted fields with commas, escaped quotes and line breaks', () => {
    expect(parseCSV('a,"b,c","say ""hi""","two\nlines","crlf\r\ninside"\n').rows).toEqual([['a', 'b,c', 'say "hi"', 'two\nlines', 'crlf\r\ninside']]);
  });
  it('accepts CRLF, LF and CR endings, a BOM, and no trailing newline', () => {
    expect(parseCSV('\uFEFFa,b\r\n1,2\n3,4\r5,6').rows).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]);
  });
  it('does not add a row for a trailing newline, but keeps blank rows so numbering matches a spreadsheet', () => {
    expect(parseCSV('a\n\nb\n').rows).toEqual([['a'], [''], ['b']]);
    expect(parseCSV('').rows).toEqual([]);
  });
  it('keeps empty fields, quoted empties and trailing commas', () => {
    expect(parseCSV('"",a,,\n').rows).toEqual([['', 'a', '', '']]);
  });
  it('keeps a stray quote inside an unquoted field as text', () => {
    expect(parseCSV('5" screen,ok\n').rows).toEqual([['5" screen', 'ok']]);
  });
  it('reports a quote that is never closed, with its row', () => {
    expect(parseCSV('h\nok\n"open,\nmore\n')).toEqual({ rows: [['h'], ['ok'], ['open,\nmore\n']], unclosedQuoteRow: 3 });
  });
  it('writes cells it reads back, guarding against spreadsheet formulas', () => {
    const cells = ['plain', 'a,b', 'say "hi"', 'two\nlines', ' padded ', '=HYPERLINK("x")', '@SUM(1)', '-1', '+1', ''];
    const line = cells.map(csvCell).join(',');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(parseCSV(line).rows[0]!.map((c) => (/^'[=+\-@]/.test(c) ? c.slice(1) : c))).toEqual(cells);
  });
});

describe('fromCSV with TimelineJS spreadsheet columns', () => {
  const r = convert(fixture('timelinejs-sheet.csv'));

  it('takes the title row as the dataset title and description', () => {
    expect(r.dataset.title).toBe('Example sheet timeline');
    expect(r.dataset.description).toBe('Made in the TimelineJS template, then exported as CSV.');
  });

  it('reads events despite a BOM, CRLF, quoted line breaks and "2,025"', () => {
    expect(r.dataset.events.map((e) => [e.id, e.date, e.end ?? null, e.kind])).toEqual([
      ['example-man-deported', '2025-03-15', null, 'statement'],
      ['example-ruling', '2025-04', '2025-05', 'ruling'],
      ['example-statement', '2025-06-01', null, 'statement'],
      ['no-link', '2025-07-04', null, 'statement'],
    ]);
    expect(r.origins).toEqual(['row 3', 'row 4', 'row 6', 'row 9']);
  });

  it('reads Text as HTML: summary, and "Sources:" links as sources', () => {
    const e = r.dataset.events[0]!;
    expect(e.summary).toBe('He was removed "by mistake", officials said.');
    expect(e.sources).toEqual([{ publisher: 'Example News', title: 'Example headline', url: 'https://example.org/a' }]);
  });

  it('uses Media, Media Credit and Media Caption as a source, and Display Date as a note', () => {
    const e = r.dataset.events[1]!;
    expect(e.summary).toBe('The court ruled, in two lines.');
    expect(e.sources).toEqual([{ publisher: 'Example Courts', title: 'Courthouse', url: 'https://example.org/ruling-photo.jpg' }]);
    expect(e.notes).toBe('Display date: April–May');
  });

  it('reports 2025-02-30 by its spreadsheet row and leaves the row out', () => {
    expect(r.problems).toContainEqual({
      where: 'row 5', field: 'Day', skipped: true,
      message: '2025-02-30 is not a real date (Year 2025, Month 2, Day 30); the row was left out',
    });
    expect(r.dataset.events.some((e) => e.title === 'Impossible date')).toBe(false);
  });

  it('keeps eras aside, and makes threads from Group', () => {
    expect(r.eras).toEqual([{ where: 'row 8', title: 'First quarter', date: '2025-01', end: '2025-03' }]);
    expect(r.dataset.threads.map((t) => t.id)).toEqual(['example-case', 'ungrouped', 'other-group']);
  });

  it('notes the dropped Time and the defaulted kinds once each', () => {
    expect(r.problems.filter((p) => p.field === 'time')).toHaveLength(1);
    expect(r.problems.filter((p) => p.field === 'kind')).toEqual([expect.objectContaining({ message: expect.stringMatching(/^3 events/) })]);
  });
});

describe('fromCSV with our own columns', () => {
  const r = convert(fixture('native.csv'));
  const byId = new Map(r.dataset.events.map((e) => [e.id, e]));

  it('matches headers case-insensitively, trimmed, with spaces or underscores', () => {
    expect(byId.get('a-one')).toEqual({
      id: 'a-one', date: '2025-03-15', kind: 'error', title: 'One', summary: 'Summary, with a comma.', thread: 'case-a',
      people: ['Person A', 'Person B'], place: 'Example City', quote: 'She said "no".', quote_by: 'Person A',
      sources: [
        { publisher: 'Example News', title: 'Headline A', url: 'https://example.org/a', date: '2025-03-16' },
        { publisher: 'example.org', title: 'example.org', url: 'https://example.org/a2' },
        { publisher: 'example.org', title: 'example.org', url: 'https://example.org/a3' },
        { publisher: 'example.org', title: 'example.org', url: 'https://example.org/a4' },
      ],
    });
    expect(r.dataset.threads).toContainEqual({ id: 'case-a', title: 'Case A', description: '' });
    expect(r.problems).toContainEqual(expect.objectContaining({ where: 'row 1', message: 'columns not used: Favourite colour' }));
  });

  it('accepts unpadded and timestamped dates, refuses non-web URLs, strips the formula guard', () => {
    const e = byId.get('a-two')!;
    expect(e).toMatchObject({ date: '2025-03-05', end: '2025-03-07', kind: 'ruling', court: 'Example Court', case: 'Ex v. Ex', notes: '=1+1' });
    expect(e.sources.map((s) => s.url)).toEqual(['https://example.org/b']);
    expect(r.problems.filter((p) => p.where === 'row 3' && /not an http\(s\)/.test(p.message)).map((p) => p.field)).toEqual(['Source_URL', 'Sources']);
  });

  it('refuses a date a spreadsheet reformatted, by row', () => {
    expect(r.problems).toContainEqual(expect.objectContaining({ where: 'row 4', id: 'a-three', field: 'Date', skipped: true, message: expect.stringMatching(/"3\/15\/2025" is not a date/) }));
  });

  it('leaves out a row shifted by an unquoted comma instead of reading it shifted', () => {
    expect(r.problems).toContainEqual(expect.objectContaining({ where: 'row 5', field: '(row)', skipped: true, message: expect.stringMatching(/24 cells but the header has 22/) }));
    expect(byId.has('a-four')).toBe(false);
  });

  it('derives an id from the title when the id cell is empty', () => {
    expect(r.dataset.events.map((e) => e.id)).toEqual(['a-one', 'a-two', 'five-no-id']);
    expect(r.origins).toEqual(['row 2', 'row 3', 'row 6']);
  });
});

describe('fromCSV details', () => {
  it('refuses a file with no usable header', () => {
    expect(fromCSV('')).toEqual({ error: 'The CSV file is empty.' });
    expect(fromCSV('name,colour\nx,y\n')).toMatchObject({ error: expect.stringMatching(/no date column/) });
    expect(fromCSV('date;title\n2025;x\n')).toMatchObject({ error: expect.stringMatching(/semicolons/) });
  });
  it('reports an unclosed quote by row', () => {
    const r = convert('date,title,source_url\n2025-01-01,ok,https://example.org/a\n2025-01-02,"broken,https://example.org/b\n2025-01-03,lost,x\n');
    expect(r.dataset.events.map((e) => e.title)).toEqual(['ok']);
    expect(r.problems[0]).toMatchObject({ where: 'row 3', field: '(row)', skipped: true });
  });
  it('reads a sources cell of whitespace-separated URLs and source2_ columns in order', () => {
    const r = convert('date,title,source2_url,source_url,sources\n2025,T,https://example.org/2,https://example.org/1,"https://example.org/3\nhttps://example.org/1"\n');
    expect(r.dataset.events[0]!.sources.map((s) => s.url)).toEqual(['https://example.org/1', 'https://example.org/2', 'https://example.org/3']);
  });
  it('notes a source without a URL', () => {
    const r = convert('date,title,source_title\n2025,T,A headline\n');
    expect(r.problems).toContainEqual(expect.objectContaining({ where: 'row 2', field: 'source_url', message: 'is empty, so this source is not used' }));
  });
  it('ignores blank rows without shifting row numbers', () => {
    const r = convert('Year,Headline\n\n,,\n2025,A\n');
    expect(r.origins).toEqual(['row 4']);
  });
  it('reads a second title row as an event, as TimelineJS does, and says so', () => {
    const r = convert('Year,Headline,Type\n,First,title\n2025,Second,title\n');
    expect(r.dataset.title).toBe('First');
    expect(r.dataset.events.map((e) => e.title)).toEqual(['Second']);
    expect(r.problems).toContainEqual(expect.objectContaining({ where: 'row 3', message: 'a second title row is read as an event' }));
  });
  it('reads translations from title_<lang> and summary_<lang> columns', () => {
    const r = convert('date,title,summary,Title_ES,SUMMARY es,title_pt-BR,title_xx-toolong-code\n2025,T,S,Un título,Un resumen,Um título,x\n');
    expect(r.dataset.events[0]!.translations).toEqual({ es: { title: 'Un título', summary: 'Un resumen' }, 'pt-BR': { title: 'Um título' } });
    expect(r.problems).toContainEqual(expect.objectContaining({ message: 'columns not used: title_xx-toolong-code' }));
  });
  it('ignores prototype keys as column names', () => {
    const r = convert('date,title,__proto__,constructor\n2025,T,{"polluted":1},x\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(r.dataset.events[0]!)).toEqual(['id', 'date', 'kind', 'thread', 'sources', 'title']);
  });
});

describe('public/template.csv', () => {
  it('imports and validates without a single problem, using only example.org links', () => {
    const text = read('../../../public/template.csv');
    const r = convert(text);
    expect(r.problems).toEqual([]);
    const v = validateDataset(r.dataset);
    expect(v.ok && v.problems).toEqual([]);
    expect(v.ok && v.dataset.events).toHaveLength(2);
    for (const url of text.match(/https?:\/\/[^\s,"]+/g) ?? []) expect(new URL(url).hostname).toBe('example.org');
  });
});
