import { describe, expect, it } from 'vitest';
import { toNativeDataset } from '../../../src/lib/data/import/detect.ts';
import { importDataset } from '../../../src/lib/data/import/importDataset.ts';
import { dataset, event, importFixture as fixture } from '../../fixtures/make.ts';

const native = JSON.stringify(dataset([event('a', '2025-01-02')]));

describe('toNativeDataset', () => {
  it('passes our own JSON through untouched, BOM or not', () => {
    for (const body of [native, '\uFEFF' + native, `\n  ${native}\n`]) {
      const r = toNativeDataset(body);
      expect(r).toEqual({ raw: JSON.parse(native), format: 'native', problems: [], eras: [] });
    }
  });

  it('converts TimelineJS JSON', () => {
    const r = toNativeDataset(fixture('timelinejs-odd.json'), 'application/json');
    expect('format' in r && r.format).toBe('timelinejs');
    expect('origins' in r && r.origins).toEqual(['events[0]', 'events[1]', 'events[2]', 'events[5]']);
  });

  it('recognises CSV by its header, with or without a name that says so', () => {
    for (const hint of [undefined, 'events.csv', 'text/csv; charset=utf-8', 'data/events.json']) {
      const r = toNativeDataset(fixture('timelinejs-sheet.csv'), hint);
      expect('format' in r && r.format).toBe('csv');
    }
  });

  it('takes a hint only from a CSV or JSON content type or file extension', () => {
    const json = '{"events": []}';
    for (const hint of ['data/csv-files/events.json', 'application/ld+json', 'events.json?v=2', 'csv', 'u']) {
      expect(toNativeDataset(json, hint)).toMatchObject({ format: 'native' });
    }
    for (const hint of ['text/csv', 'application/csv', 'x.CSV', 'events.csv#top']) {
      expect(toNativeDataset(json, hint)).toMatchObject({ error: expect.stringMatching(/CSV/) });
    }
  });

  it('reads a body as CSV when the name says CSV, even if it would parse as JSON', () => {
    const r = toNativeDataset('2025', 'x.csv');
    expect(r).toMatchObject({ error: expect.stringMatching(/no date column/) });
  });

  it('hands any other JSON to the validator to explain', () => {
    expect(toNativeDataset('[1,2]')).toMatchObject({ raw: [1, 2], format: 'native' });
    expect(toNativeDataset('{"events": {}}')).toMatchObject({ format: 'native' });
  });

  it.each([
    ['', /empty/],
    ['  \n', /empty/],
    ['{"events": [', /not valid JSON/],
    ['<!doctype html><h1>Not found</h1>', /web page/],
    ['hello, world\nthis is not data', /neither JSON nor a CSV with known column names.*hello, world/],
  ])('explains a body it cannot use: %j', (body, message) => {
    const r = toNativeDataset(body);
    expect('error' in r && r.error).toMatch(message);
  });

  it('says JSON when the name says JSON and the body is neither', () => {
    const r = toNativeDataset('hello', 'events.json');
    expect('error' in r && r.error).toMatch(/not valid JSON/);
  });
});

describe('importDataset', () => {
  it('validates our JSON exactly as validateDataset does', () => {
    const r = importDataset(native);
    expect(r.ok && r.format).toBe('native');
    expect(r.ok && r.problems).toEqual([]);
    expect(r.ok && r.dataset.events.map((e) => e.id)).toEqual(['a']);
  });

  it('puts import problems first and relabels validator problems with the CSV row', () => {
    const r = importDataset(fixture('timelinejs-sheet.csv'));
    if (!r.ok) throw new Error(r.message);
    expect(r.problems.map((p) => [p.where, p.field, p.skipped])).toEqual([
      ['row 5', 'Day', true],
      ['dataset', 'time', false],
      ['dataset', 'eras', false],
      ['dataset', 'kind', false],
      ['dataset', 'sources', false],
      ['row 9', 'sources', true],
    ]);
    expect(r.eras).toHaveLength(1);
    expect(r.dataset.title).toBe('Example sheet timeline');
  });

  it('relabels with the TimelineJS slide index, which conversion may have shifted', () => {
    const r = importDataset(fixture('timelinejs-odd.json'));
    if (!r.ok) throw new Error(r.message);
    expect(r.problems.filter((p) => p.field === 'summary')).toEqual([
      { where: 'events[5]', id: 'a-slide-with-only-a-photo', field: 'summary', message: 'is missing', skipped: true },
    ]);
  });

  it('returns the same messages as before for files it cannot read', () => {
    expect(importDataset('')).toEqual({ ok: false, message: 'The data file is empty.' });
    expect(importDataset('[1,2]')).toMatchObject({ ok: false, message: expect.stringMatching(/not a timeline dataset/) });
  });
});
