/**
 * The view is a time window [start, end] in UTC ms, not a pixel transform: it survives
 * resizes and is what buttons, keys, wheel and pinch all set. These are its rules.
 */
export interface TimeWindow {
  start: number;
  end: number;
}

export const DAY = 86_400_000;
/** About one day: the closest zoom. */
export const MIN_SPAN = DAY;

export const span = (w: TimeWindow) => w.end - w.start;

/** The widest view: the dataset's extent, padded so end marks are not cut off at the edges. */
export function boundsFor(extent: TimeWindow | null): TimeWindow {
  if (!extent) {
    const now = Date.UTC(2025, 0, 1);
    return { start: now, end: Date.UTC(2026, 0, 1) };
  }
  const s = Math.max(span(extent), 30 * DAY);
  const pad = s * 0.03;
  const mid = (extent.start + extent.end) / 2;
  return { start: Math.min(extent.start, mid - s / 2) - pad, end: Math.max(extent.end, mid + s / 2) + pad };
}

/** A span kept between MIN_SPAN (or the bounds' span, if shorter) and the bounds' span. */
export function clampSpan(s: number, bounds: TimeWindow): number {
  const max = span(bounds);
  return Math.min(Math.max(s, Math.min(MIN_SPAN, max)), max);
}

/** Keeps a window inside the bounds and between MIN_SPAN and the bounds' span. */
export function clampWindow(w: TimeWindow, bounds: TimeWindow): TimeWindow {
  let width = clampSpan(span(w), bounds);
  if (!Number.isFinite(width)) width = span(bounds);
  let start = Number.isFinite(w.start) ? w.start : bounds.start;
  // A narrowed or widened window keeps its centre.
  if (width !== span(w)) start = (w.start + w.end) / 2 - width / 2;
  if (!Number.isFinite(start)) start = bounds.start;
  start = Math.min(Math.max(start, bounds.start), bounds.end - width);
  return { start, end: start + width };
}

/** Zoom by `factor` (>1 zooms in) keeping the time under `anchor` (0..1 across the view) fixed. */
export function zoomAbout(w: TimeWindow, factor: number, anchor: number, bounds: TimeWindow): TimeWindow {
  const a = Math.min(Math.max(anchor, 0), 1);
  const pivot = w.start + a * span(w);
  const next = clampSpan(span(w) / factor, bounds);
  return clampWindow({ start: pivot - a * next, end: pivot - a * next + next }, bounds);
}

/** Pan by a fraction of the window's width (negative = earlier). */
export function pan(w: TimeWindow, fraction: number, bounds: TimeWindow): TimeWindow {
  const d = span(w) * fraction;
  return clampWindow({ start: w.start + d, end: w.end + d }, bounds);
}

/** Centre the window on a time without changing its span. */
export function centreOn(w: TimeWindow, t: number, bounds: TimeWindow): TimeWindow {
  const s = span(w);
  return clampWindow({ start: t - s / 2, end: t + s / 2 }, bounds);
}

/** Leaves the window alone when `t` is comfortably inside it, else centres on `t`. */
export function reveal(w: TimeWindow, t: number, bounds: TimeWindow): TimeWindow {
  const margin = span(w) * 0.05;
  return t >= w.start + margin && t <= w.end - margin ? w : centreOn(w, t, bounds);
}

export const sameWindow = (a: TimeWindow, b: TimeWindow) =>
  Math.abs(a.start - b.start) < 1 && Math.abs(a.end - b.end) < 1;
