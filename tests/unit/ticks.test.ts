import { describe, expect, it } from 'vitest';
import { ticksFor } from '../../src/lib/time/ticks.ts';
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
