import { describe, expect, it } from 'vitest';
import { dragBy, pinch, wheelFactor, zoomAtPixel } from '../../src/lib/time/gesture.ts';
import { MIN_SPAN, span } from '../../src/lib/time/window.ts';

const DAY = 86_400_000;
const bounds = { start: Date.UTC(2025, 0, 1), end: Date.UTC(2026, 0, 1) };
const w = { start: Date.UTC(2025, 3, 1), end: Date.UTC(2025, 3, 1) + 100 * DAY };

describe('gesture maths', () => {
  it('zooms in for wheel up, out for wheel down, faster with a pinch (ctrl)', () => {
    expect(wheelFactor(-100, 0, false)).toBeGreaterThan(1);
    expect(wheelFactor(100, 0, false)).toBeLessThan(1);
    expect(wheelFactor(-10, 0, true)).toBeCloseTo(wheelFactor(-100, 0, false));
    expect(wheelFactor(-3, 1, false)).toBeCloseTo(2 ** 0.15);
  });

  it('keeps the time under the pointer fixed while zooming', () => {
    const x = 250;
    const before = w.start + (x / 1000) * span(w);
    const z = zoomAtPixel(w, 2, x, 1000, bounds);
    expect(span(z)).toBeCloseTo(50 * DAY);
    expect(z.start + (x / 1000) * span(z)).toBeCloseTo(before);
    expect(span(zoomAtPixel(w, 1e9, x, 1000, bounds))).toBe(MIN_SPAN);
  });

  it('drags the window with the pointer, within the bounds', () => {
    expect(dragBy(w, -100, 1000, bounds).start).toBe(w.start + 10 * DAY);
    expect(dragBy(w, 1e6, 1000, bounds).start).toBe(bounds.start);
  });

  it('pinches about the fingers: the times under them stay under them', () => {
    const z = pinch(w, [400, 600], [300, 700], 1000, bounds);
    expect(span(z)).toBeCloseTo(50 * DAY);
    const tAt = (win: typeof w, px: number) => win.start + (px / 1000) * span(win);
    expect(tAt(z, 300)).toBeCloseTo(tAt(w, 400), -3);
    expect(tAt(z, 700)).toBeCloseTo(tAt(w, 600), -3);
    // Moving both fingers together pans.
    const panned = pinch(w, [400, 600], [300, 500], 1000, bounds);
    expect(span(panned)).toBeCloseTo(span(w));
    expect(panned.start).toBeCloseTo(w.start + 10 * DAY);
    expect(pinch(w, [500, 500], [300, 700], 1000, bounds)).toBe(w);
  });
});
