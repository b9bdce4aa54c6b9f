import type { TimelineEvent } from '../data/types.ts';
import { assignLanes } from './lanes.ts';
import type { TimeWindow } from './window.ts';

export const MARK_SIZE = 14;
export const LANE_HEIGHT = 30;
/** A rough average glyph width at the label's 13 px size; layout must not measure the DOM. */
export const CHAR_WIDTH = 7.2;
const MAX_LABEL_CHARS = 40;
const LABEL_GAP = 6;

export interface Mark {
  event: TimelineEvent;
  /** Centre of the symbol. */
  x: number;
  /** For ranges and month/year-precision dates: the period's extent in pixels. */
  barStart: number;
  barEnd: number;
  isRange: boolean;
  lane: number;
  label: string | null;
}

export interface Layout {
  marks: Mark[];
  lanes: number;
}

export function truncateLabel(title: string, max: number = MAX_LABEL_CHARS): string {
  const chars = Array.from(title);
  return chars.length <= max ? title : chars.slice(0, max - 1).join('').trimEnd() + '…';
}

/** The time a mark's symbol stands for: a range's start, otherwise the middle of the date's period. */
export function markTime(event: TimelineEvent): number {
  return event.until ? event.span.start : (event.span.start + event.span.end) / 2;
}

/**
 * Places the events whose symbol is in the window (or, for a range, whose bar is). A day sits at its middle; a month- or
 * year-precision date sits at the middle of its period with a thin line over the whole
 * period, so "March 2025" is never drawn as if it were March 1.
 */
export function layoutMarks(events: readonly TimelineEvent[], w: TimeWindow, width: number, labelLanes = 4): Layout {
  const k = width / (w.end - w.start);
  const px = (t: number) => (t - w.start) * k;
  const half = MARK_SIZE / 2;
  const rows: Omit<Mark, 'lane' | 'label'>[] = [];
  for (const event of events) {
    const isRange = event.until !== undefined;
    const barStart = px(event.span.start);
    const barEnd = px(event.span.end);
    // A range whose start has scrolled out of view keeps its symbol at the visible end of its bar.
    const x = isRange ? Math.min(Math.max(barStart, 0), barEnd) + half : px(markTime(event));
    const visible = isRange ? barEnd >= 0 && barStart <= width : x >= -half && x <= width + half;
    if (visible) rows.push({ event, x, barStart, barEnd, isRange });
  }
  // A label never runs past the right edge: it is shortened to the room left, or dropped.
  const labels = rows.map((r) => {
    const room = Math.floor((width - (r.x + half + LABEL_GAP)) / CHAR_WIDTH);
    return room >= 8 ? truncateLabel(r.event.title, Math.min(room, MAX_LABEL_CHARS)) : null;
  });
  const { placed, lanes } = assignLanes(
    rows.map((r, i) => {
      // The period (a range's bar, or an imprecise date's bracket) belongs to the mark's extent.
      const x0 = Math.min(r.x - half, r.barStart);
      const x1 = Math.max(r.x + half, r.barEnd);
      const label = labels[i];
      return { x0, x1, x1Label: label ? Math.max(x1, r.x + half + LABEL_GAP + label.length * CHAR_WIDTH) : x1 };
    }),
    labelLanes,
  );
  const marks = rows.map((r, i) => ({
    ...r,
    lane: placed[i]!.lane,
    label: placed[i]!.labelled ? labels[i]! : null,
  }));
  return { marks, lanes: Math.max(1, lanes) };
}
