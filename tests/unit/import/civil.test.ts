import { describe, expect, it } from 'vitest';
import { dateFromParts, dateFromText } from '../../../src/lib/data/import/civil.ts';
import { IdPool, slugify } from '../../../src/lib/data/import/slug.ts';

describe('dateFromParts', () => {
  it.each([
    [[2025, 3, 15], '2025-03-15'],
    [['2025', '03', ' 7'], '2025-03-07'],
    [['2,025', '4', ''], '2025-04'],
    [['2025.0', '12.0', null], '2025-12'],
    [[2025, undefined, undefined], '2025'],
    [['', '', ''], undefined],
    [[2024, 2, 29], '2024-02-29'],
  ])('%j → %j', (parts, date) => {
    expect(dateFromParts(...(parts as [unknown, unknown, unknown]))).toEqual({ ok: true, date });
  });

  it.each([
    [[2025, 2, 30], 'day', /2025-02-30 is not a real date/],
    [[2025, 4, 31], 'day', /2025-04-31 is not a real date/],
    [[2023, 2, 29], 'day', /not a real date/],
    [[2025, 13, 1], 'month', /"?13"? is not a month/],
    [['2025', 'March', ''], 'month', /"March" is not a month/],
    [[2025, '', 5], 'month', /a day is given/],
    [['', 3, ''], 'year', /a month or day is given/],
    [[-44, '', ''], 'year', /not a year/],
    [[2025.5, '', ''], 'year', /not a year/],
    [[2025, 3, '1st'], 'day', /"1st" is not a day/],
  ])('refuses %j (%s), never rolling it over', (parts, part, message) => {
    const r = dateFromParts(...(parts as [unknown, unknown, unknown]));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.part).toBe(part);
      expect(r.message).toMatch(message);
    }
  });
});

describe('dateFromText', () => {
  it.each([['2025-03-15', '2025-03-15'], ['2025-3-5', '2025-03-05'], ['2025-03-05 00:00:00', '2025-03-05'], ['2025-03-05T10:00Z', '2025-03-05'], ['2025', '2025'], ['', undefined]])(
    '%j → %j',
    (text, date) => expect(dateFromText(text)).toEqual({ ok: true, date }),
  );
  it('explains dates a spreadsheet reformatted', () => {
    const us = dateFromText('3/15/2025');
    expect(!us.ok && us.message).toMatch(/YYYY-MM-DD.*plain text/);
    const serial = dateFromText('45731');
    expect(!serial.ok && serial.message).toMatch(/date number/);
    expect(dateFromText('2025-02-30').ok).toBe(false);
  });
});

describe('slugify', () => {
  it.each([
    ['Judge orders return of Abrego García', 'judge-orders-return-of-abrego-garcia'],
    ["U.S. says it can't: “no”", 'us-says-it-cant-no'],
    ['  Spaces,commas;colons:slashes/under_scores  ', 'spaces-commas-colons-slashes-under-scores'],
    ['2025: a year', '2025-a-year'],
    ['Ñandú — Œuvre ß', 'nandu-uvre'],
    ['???', ''],
    ['__proto__', 'proto'],
  ])('%j → %j', (text, slug) => expect(slugify(text)).toBe(slug));
});

describe('messages about odd values', () => {
  it('describe objects that cannot be turned into strings instead of throwing', () => {
    const r = dateFromParts({ toString: false }, '3', '1');
    expect(r).toEqual({ ok: false, part: 'year', message: '{"toString":false} is not a year from 1 to 9999' });
  });
});

describe('IdPool', () => {
  it('adds -2, -3… like TimelineJS, skipping ids already taken', () => {
    const pool = new IdPool(['b', 'a-3']);
    expect(['a', 'a', 'a', 'b', 'a'].map((x) => pool.take(x))).toEqual(['a', 'a-2', 'a-4', 'b-2', 'a-5']);
    expect(pool.has('a-4')).toBe(true);
  });
  it('numbers 100,000 records with the same base in order', () => {
    const pool = new IdPool();
    for (let i = 0; i < 100_000; i++) pool.take('update');
    expect(pool.take('update')).toBe('update-100001');
    expect(pool.has('update-50000')).toBe(true);
  });
});
