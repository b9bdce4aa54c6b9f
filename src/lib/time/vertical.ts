import type { TimelineEvent } from '../data/types.ts';
import { truncate } from '../text.ts';
import { CHAR_WIDTH, MARK_SIZE, addToCluster, candidateRange, symbolPositions, type Cluster, type Layout, type Mark, type TimeIndex } from './layout.ts';
import type { TimeWindow } from './window.ts';

/**
 * The layout for narrow screens and frames: time runs down the page, `length` pixels tall, and
 * labels read across. Marks stand in a few columns by the axis; the first column's marks carry
 * their title to the right where a line of text has room; crowded stretches become clusters.
 * Mark and Cluster keep their meaning with the axes swapped: `y` is along time (and a range's
 * barStart/barEnd are y extents), `x` is across.
 */
export const VERTICAL_BIN = 32;
const COLUMNS = 3;
const COLUMN_WIDTH = 22;
const LINE = 20;

export function layoutVertical(index: TimeIndex, w: TimeWindow, length: number, width: number, left: number, labelOf: (e: TimelineEvent) => string): Layout {
  const [lo, hi] = candidateRange(index, w);
  const half = MARK_SIZE / 2;
  const { pos: ys, perBin, binOf, k } = symbolPositions(index, w, lo, hi, length, VERTICAL_BIN);
  const marks: Mark[] = [];
  const clusters = new Map<number, Cluster>();
  const columnEnd = new Array<number>(COLUMNS).fill(-Infinity);
  let labelBottom = -Infinity;
  const labelX = left + COLUMNS * COLUMN_WIDTH + 6;
  const maxChars = Math.floor((width - labelX - 4) / CHAR_WIDTH);
  const atBin = (core: Omit<Cluster, 'x' | 'y'>, bin: number): Cluster => ({ ...core, key: `v${core.key}`, x: left + COLUMN_WIDTH, y: Math.min(Math.max((bin + 0.5) * VERTICAL_BIN, 12), length - 12) });
  for (let i = lo; i < hi; i++) {
    const y = ys[i - lo]!;
    if (Number.isNaN(y)) continue;
    const event = index.events[i]!;
    const bin = binOf(y);
    const a = (event.span.start - w.start) * k;
    const b = (event.span.end - w.start) * k;
    const isRange = event.until !== undefined;
    // A stretch too crowded for the columns is one cluster.
    // A range's bar holds its column for its whole length; an imprecise date holds only its mark.
    const column = columnEnd.findIndex((end) => end + 2 <= Math.min(y - half, isRange ? a : Infinity));
    if (perBin[bin]! > COLUMNS || column === -1) {
      addToCluster(clusters, bin, event, atBin);
      continue;
    }
    columnEnd[column] = Math.max(y + half, isRange ? b : -Infinity);
    let label: string | null = null;
    if (column === 0 && y - LINE / 2 >= labelBottom && maxChars >= 8) {
      label = truncate(labelOf(event), maxChars);
      labelBottom = y + LINE / 2;
    }
    marks.push({ event, x: left + COLUMN_WIDTH / 2 + column * COLUMN_WIDTH, y, barStart: a, barEnd: b, isRange, label, labelX });
  }
  return { marks, clusters: [...clusters.values()], bands: [], height: length };
}
