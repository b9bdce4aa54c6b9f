import { describe, expect, it } from 'vitest';
import { labelsThatFit, ticksFor } from '../../src/lib/time/ticks.ts';
import { isoDate } from '../../src/lib/data/dates.ts';

const DAY = 86_400_000;

describe('ticksFor', () => {
  it('uses months for a year, with the year on January', () => {
    const ticks = ticksFor({ start: Date.UTC(2024, 11, 20), end: Date.UTC(2026, 0, 10) }, 1280);
    expect(ticks.every((t) => isoDate(t.t).endsWith('-01'))).toBe(true);
    const jan = ticks.find((t) => isoDate(t.t) === '2025-01-01')!;
    expect(jan.label).toBe('2025');
    expect(jan.major).toBe(true);
    expect(ticks.find((t) => isoDate(t.t) === '2025-03-01')!.label).toBe('Mar');
  });

  it('moves to days when zoomed to weeks, keeping the month in each label', () => {
    const ticks = ticksFor({ start: Date.UTC(2025, 2, 10), end: Date.UTC(2025, 2, 24) }, 1280);
    expect(ticks.length).toBeGreaterThan(5);
    expect(ticks[0]!.label).toBe('Mar 10, 2025');
    expect(ticks[1]!.label).toMatch(/^Mar \d+$/);
  });

  it('never goes below a day', () => {
    const ticks = ticksFor({ start: Date.UTC(2025, 2, 10, 6), end: Date.UTC(2025, 2, 12, 6) }, 1920);
    expect(ticks.map((t) => isoDate(t.t))).toEqual(['2025-03-11', '2025-03-12']);
    for (const t of ticks) expect(t.t % DAY).toBe(0);
  });

  it('keeps labels apart on a phone', () => {
    const ticks = ticksFor({ start: Date.UTC(2025, 0, 1), end: Date.UTC(2026, 0, 1) }, 320);
    expect(ticks.length).toBeLessThanOrEqual(5);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
  });
});

describe('labelsThatFit', () => {
  it('keeps the first (year-bearing) label and draws every other one when they would collide', () => {
    // "Jul 13, 2025" is 12 characters (~102 px) and the next tick is only 59 px further on.
    expect(labelsThatFit([0, 59, 118, 177, 236], ['Jul 13, 2025', 'Jul 20', 'Jul 27', 'Aug 3', 'Aug 10'], 1000))
      .toEqual([true, false, true, false, true]);
  });

  it('leaves out a label that would run past the right edge', () => {
    expect(labelsThatFit([0, 100, 190], ['Mar', 'Apr', 'May'], 200)).toEqual([true, true, false]);
  });

  it('draws every label of a roomy axis but the one on its right edge', () => {
    const ticks = ticksFor({ start: Date.UTC(2025, 0, 1), end: Date.UTC(2026, 0, 1) }, 1280);
    const xs = ticks.map((t) => ((t.t - Date.UTC(2025, 0, 1)) / (Date.UTC(2026, 0, 1) - Date.UTC(2025, 0, 1))) * 1280);
    // The last tick, "2026", sits on the right edge of a window that ends on 1 January 2026.
    expect(labelsThatFit(xs, ticks.map((t) => t.label), 1280)).toEqual(ticks.map((_, i) => i < ticks.length - 1));
  });
});
