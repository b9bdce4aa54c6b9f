import { describe, expect, it } from 'vitest';
import { boundsFor, centreOn, clampWindow, DAY, MIN_SPAN, pan, reveal, span, zoomAbout } from '../../src/lib/time/window.ts';

const bounds = { start: Date.UTC(2025, 0, 1), end: Date.UTC(2026, 0, 1) };

describe('window math', () => {
  it('pads the dataset extent for the widest view', () => {
    const b = boundsFor({ start: Date.UTC(2025, 0, 10), end: Date.UTC(2025, 11, 20) });
    expect(b.start).toBeLessThan(Date.UTC(2025, 0, 10));
    expect(b.end).toBeGreaterThan(Date.UTC(2025, 11, 20));
    // A single-day dataset still gets a readable span.
    const one = boundsFor({ start: Date.UTC(2025, 4, 1), end: Date.UTC(2025, 4, 2) });
    expect(span(one)).toBeGreaterThanOrEqual(30 * DAY);
  });

  it('clamps to the bounds and the span limits', () => {
    expect(clampWindow({ start: bounds.start - 10 * DAY, end: bounds.end + 10 * DAY }, bounds)).toEqual(bounds);
    const tiny = clampWindow({ start: bounds.start + 50 * DAY, end: bounds.start + 50 * DAY + 1000 }, bounds);
    expect(span(tiny)).toBe(MIN_SPAN);
    const shifted = clampWindow({ start: bounds.end - 5 * DAY, end: bounds.end + 5 * DAY }, bounds);
    expect(shifted.end).toBe(bounds.end);
    expect(span(shifted)).toBe(10 * DAY);
  });

  it('repairs non-finite windows', () => {
    const w = clampWindow({ start: NaN, end: Infinity }, bounds);
    expect(Number.isFinite(w.start) && Number.isFinite(w.end)).toBe(true);
    expect(w.start).toBeGreaterThanOrEqual(bounds.start);
    expect(w.end).toBeLessThanOrEqual(bounds.end);
  });

  it('zooms about an anchor, keeping that time fixed', () => {
    const w = { start: Date.UTC(2025, 2, 1), end: Date.UTC(2025, 5, 1) };
    const pivot = w.start + 0.25 * span(w);
    const z = zoomAbout(w, 2, 0.25, bounds);
    expect(span(z)).toBeCloseTo(span(w) / 2);
    expect(z.start + 0.25 * span(z)).toBeCloseTo(pivot);
  });

  it('stops at about one day and at the whole dataset', () => {
    let w = bounds;
    for (let i = 0; i < 40; i++) w = zoomAbout(w, 2, 0.5, bounds);
    expect(span(w)).toBe(MIN_SPAN);
    for (let i = 0; i < 40; i++) w = zoomAbout(w, 0.5, 0.5, bounds);
    expect(w).toEqual(bounds);
  });

  it('pans by a fraction and stops at the edges', () => {
    const w = { start: Date.UTC(2025, 5, 1), end: Date.UTC(2025, 6, 1) };
    expect(pan(w, 0.5, bounds).start).toBe(w.start + span(w) / 2);
    expect(pan(w, -100, bounds).start).toBe(bounds.start);
    expect(pan(w, 100, bounds).end).toBe(bounds.end);
  });

  it('centres on a time and reveals only when needed', () => {
    const w = { start: Date.UTC(2025, 5, 1), end: Date.UTC(2025, 6, 1) };
    const t = Date.UTC(2025, 8, 15);
    const c = centreOn(w, t, bounds);
    expect((c.start + c.end) / 2).toBe(t);
    expect(reveal(w, Date.UTC(2025, 5, 15), bounds)).toBe(w);
    expect(reveal(w, t, bounds)).toEqual(c);
  });
});
