import { clampSpan, clampWindow, span, zoomAbout, type TimeWindow } from './window.ts';

/**
 * The maths of pointer gestures on the time axis, kept pure so it can be tested without a
 * browser. Pixels are measured from the left edge of a plot `width` pixels wide.
 */

/** How much one wheel event zooms: the same curve as d3-zoom's default, so it feels familiar. */
export function wheelFactor(deltaY: number, deltaMode: number, ctrlKey: boolean): number {
  const lines = deltaMode === 1 ? 0.05 : deltaMode ? 1 : 0.002;
  return 2 ** (-deltaY * lines * (ctrlKey ? 10 : 1));
}

/** Zooms by `factor` about the time under pixel `x`. */
export function zoomAtPixel(w: TimeWindow, factor: number, x: number, width: number, bounds: TimeWindow): TimeWindow {
  return zoomAbout(w, factor, width > 0 ? x / width : 0.5, bounds);
}

/** Drags the window so the time under the pointer follows it by `dx` pixels. */
export function dragBy(w: TimeWindow, dx: number, width: number, bounds: TimeWindow): TimeWindow {
  if (width <= 0) return w;
  const dt = (-dx / width) * span(w);
  return clampWindow({ start: w.start + dt, end: w.end + dt }, bounds);
}

/**
 * Two fingers: the times under them at the start stay under them. `from` are the fingers'
 * pixels when the pinch began on window `start`; `to` are where they are now.
 */
export function pinch(start: TimeWindow, from: [number, number], to: [number, number], width: number, bounds: TimeWindow): TimeWindow {
  const d0 = Math.abs(from[1] - from[0]);
  const d1 = Math.abs(to[1] - to[0]);
  if (width <= 0 || d0 < 1 || d1 < 1) return start;
  const k = span(start) / width;
  const mid0 = start.start + ((from[0] + from[1]) / 2) * k;
  const nextSpan = clampSpan(span(start) * (d0 / d1), bounds);
  const mid1 = (to[0] + to[1]) / 2;
  const s = mid0 - (mid1 / width) * nextSpan;
  return clampWindow({ start: s, end: s + nextSpan }, bounds);
}
