import type { TimelineEvent } from '../data/types.ts';
import { truncate } from '../text.ts';
import { assignLanes } from './lanes.ts';
import type { TimeWindow } from './window.ts';

export const MARK_SIZE = 14;
export const LANE_HEIGHT = 30;
/** Height of a band's title row in the thread and kind layouts. */
export const BAND_HEADER = 22;
/** A rough average glyph width at the label's 13 px size; layout must not measure the DOM. */
export const CHAR_WIDTH = 7.2;
const MAX_LABEL_CHARS = 40;
const LABEL_GAP = 6;
/** Width of the columns in which crowded marks are gathered into one cluster. */
export const CLUSTER_BIN = 44;
const CLUSTER_HALF = 15;

export interface Mark {
  event: TimelineEvent;
  /** Centre of the symbol, and of its row. */
  x: number;
  y: number;
  /** For ranges and month/year-precision dates: the period's extent in pixels. */
  barStart: number;
  barEnd: number;
  isRange: boolean;
  label: string | null;
  /** Where the label starts, when not right after the symbol (the vertical layout's text column). */
  labelX?: number;
}

/** Events too crowded to read at this zoom, drawn as one mark with a count. */
export interface Cluster {
  key: string;
  x: number;
  y: number;
  count: number;
  /** The earliest and latest of its events (for the label and for stepping past it). */
  first: TimelineEvent;
  last: TimelineEvent;
  /** The time the cluster's events cover, for zooming into it. */
  start: number;
  end: number;
}

export interface Band {
  key: string;
  label: string;
  /** Top of the band (its title row) in content pixels. */
  y: number;
  height: number;
}

export interface Layout {
  marks: Mark[];
  clusters: Cluster[];
  bands: Band[];
  height: number;
}

export interface Group {
  key: string;
  label: string;
}

export interface LayoutOptions {
  /** Split events into labelled bands (thread or kind layout); null for one band. */
  groupOf?: ((e: TimelineEvent) => string) | null;
  groups?: readonly Group[];
  /** Lanes per band in which marks carry their title. */
  labelLanes?: number;
  /** More events than this in one column of a band gather into a cluster… */
  clusterOver?: number;
  /** …and fewer, until a band needs no more than this many lanes. */
  maxLanes?: number;
  /** The text a mark's label shows (the title in the reader's language). */
  labelOf?: (e: TimelineEvent) => string;
}

/** The time a mark's symbol stands for: a range's start, otherwise the middle of the date's period. */
export function markTime(event: TimelineEvent): number {
  return event.until ? event.span.start : (event.span.start + event.span.end) / 2;
}

export const truncateLabel = (title: string, max: number = MAX_LABEL_CHARS) => truncate(title, max);

type Row = Omit<Mark, 'y' | 'label'>;

/**
 * Numbers about a list of events (sorted by start), computed once per list rather than once per
 * frame: zooming then touches typed arrays, and only the slice of events near the window.
 */
export interface TimeIndex {
  events: readonly TimelineEvent[];
  start: Float64Array;
  end: Float64Array;
  /** Where each event's symbol stands (markTime). */
  mark: Float64Array;
  /** The longest event's duration, which bounds how far before the window an event can start. */
  maxSpan: number;
}

export function indexEvents(events: readonly TimelineEvent[]): TimeIndex {
  const n = events.length;
  const index: TimeIndex = { events, start: new Float64Array(n), end: new Float64Array(n), mark: new Float64Array(n), maxSpan: 0 };
  events.forEach((e, i) => {
    index.start[i] = e.span.start;
    index.end[i] = e.span.end;
    index.mark[i] = markTime(e);
    index.maxSpan = Math.max(index.maxSpan, e.span.end - e.span.start);
  });
  return index;
}

function lowerBound(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The index range of events that can touch the window, by binary search: no event lasts longer
 * than maxSpan, so only starts in [w.start - maxSpan, w.end] need a look. This keeps the work
 * proportional to what is on screen, not to the dataset.
 */
export function candidateRange(index: TimeIndex, w: TimeWindow): [number, number] {
  return [lowerBound(index.start, w.start - index.maxSpan), lowerBound(index.start, w.end)];
}

/** The events overlapping the window, in order. */
export function eventsInWindow(index: TimeIndex, w: TimeWindow): TimelineEvent[] {
  const [lo, hi] = candidateRange(index, w);
  // Events starting inside the window overlap it; only the earlier ones need their end checked.
  const firstInside = lowerBound(index.start, w.start);
  const out: TimelineEvent[] = [];
  for (let i = lo; i < firstInside; i++) if (index.end[i]! > w.start) out.push(index.events[i]!);
  for (let i = firstInside; i < hi; i++) out.push(index.events[i]!);
  return out;
}

/**
 * Pass 1 of both layouts (across and down the page): where each candidate event's symbol falls
 * along the time axis, `length` pixels long, or NaN when it is off screen; and how many symbols
 * share each bin of `binSize` pixels. A range whose start has scrolled out of view keeps its
 * symbol at the visible end of its bar.
 */
export function symbolPositions(index: TimeIndex, w: TimeWindow, lo: number, hi: number, length: number, binSize: number) {
  const k = length / (w.end - w.start);
  const half = MARK_SIZE / 2;
  const bins = Math.max(1, Math.ceil(length / binSize) + 1);
  const binOf = (p: number) => Math.min(Math.max(Math.floor(p / binSize), 0), bins - 1);
  const pos = new Float64Array(hi - lo).fill(NaN);
  const perBin = new Int32Array(bins);
  for (let i = lo; i < hi; i++) {
    const isRange = index.events[i]!.until !== undefined;
    const barStart = (index.start[i]! - w.start) * k;
    const barEnd = (index.end[i]! - w.start) * k;
    const p = isRange ? Math.min(Math.max(barStart, 0), barEnd) + half : (index.mark[i]! - w.start) * k;
    const visible = isRange ? barEnd >= 0 && barStart <= length : p >= -half && p <= length + half;
    if (!visible) continue;
    pos[i - lo] = p;
    perBin[binOf(p)]!++;
  }
  return { pos, perBin, binOf, k };
}

/**
 * Adds an event to its bin's cluster, or starts the cluster with it, positioned by `place`
 * (made once per layout, not per event: this runs for every clustered event on every frame).
 */
export function addToCluster<C extends Omit<Cluster, 'y'>>(clusters: Map<number, C>, bin: number, event: TimelineEvent, place: (core: Omit<Cluster, 'x' | 'y'>, bin: number) => C): void {
  const c = clusters.get(bin);
  if (c) {
    c.count++;
    c.last = event;
    c.end = Math.max(c.end, event.span.end);
  } else {
    clusters.set(bin, place({ key: `${bin}:${event.id}`, count: 1, first: event, last: event, start: event.span.start, end: event.span.end }, bin));
  }
}

/** Places one band's events: visible marks, clusters where crowded, lanes so nothing overlaps. */
function layoutBand(index: TimeIndex, w: TimeWindow, width: number, labelLanes: number, clusterOver: number, labelOf: (e: TimelineEvent) => string) {
  const [lo, hi] = candidateRange(index, w);
  const { events } = index;
  const half = MARK_SIZE / 2;
  const { pos: xs, perBin: perColumn, binOf: colOf, k } = symbolPositions(index, w, lo, hi, width, CLUSTER_BIN);
  const px = (t: number) => (t - w.start) * k;
  const atColumn = (core: Omit<Cluster, 'x' | 'y'>, col: number) => ({ ...core, x: Math.min(Math.max((col + 0.5) * CLUSTER_BIN, CLUSTER_HALF), width - CLUSTER_HALF) });

  // Pass 2: crowded columns become clusters (no per-event rows at all); the rest become rows.
  const singles: Row[] = [];
  const clusterAt = new Map<number, Omit<Cluster, 'y'>>();
  for (let i = lo; i < hi; i++) {
    const x = xs[i - lo]!;
    if (Number.isNaN(x)) continue;
    const event = events[i]!;
    const col = colOf(x);
    if (perColumn[col]! > clusterOver) {
      addToCluster(clusterAt, col, event, atColumn);
    } else {
      singles.push({ event, x, barStart: px(event.span.start), barEnd: px(event.span.end), isRange: event.until !== undefined });
    }
  }
  const clusters = [...clusterAt.values()];

  singles.sort((a, b) => a.x - b.x);
  // A label never runs past the right edge: it is shortened to the room left, or dropped.
  const labels = singles.map((r) => {
    const room = Math.floor((width - (r.x + half + LABEL_GAP)) / CHAR_WIDTH);
    return room >= 8 ? truncateLabel(labelOf(r.event), Math.min(room, MAX_LABEL_CHARS)) : null;
  });
  const items = [
    ...singles.map((r, i) => {
      // The period (a range's bar, or an imprecise date's bracket) belongs to the mark's extent.
      const x0 = Math.min(r.x - half, r.barStart);
      const x1 = Math.max(r.x + half, r.barEnd);
      const label = labels[i];
      return { x0, x1, x1Label: label ? Math.max(x1, r.x + half + LABEL_GAP + label.length * CHAR_WIDTH) : x1, mark: i };
    }),
    // Clusters never carry labels (no x1Label).
    ...clusters.map((c, i) => ({ x0: c.x - CLUSTER_HALF, x1: c.x + CLUSTER_HALF, cluster: i })),
  ].sort((a, b) => a.x0 - b.x0);
  const { placed, lanes } = assignLanes(items, labelLanes);
  const laneOf = new Map<object, { lane: number; labelled: boolean }>();
  items.forEach((it, i) => laneOf.set(it, placed[i]!));
  const y = (lane: number) => lane * LANE_HEIGHT + LANE_HEIGHT / 2;
  const marks: Mark[] = [];
  const outClusters: Cluster[] = [];
  for (const it of items) {
    const p = laneOf.get(it)!;
    if ('cluster' in it) outClusters.push({ ...clusters[it.cluster!]!, y: y(p.lane) });
    else {
      const r = singles[it.mark!]!;
      marks.push({ ...r, y: y(p.lane), label: p.labelled ? labels[it.mark!]! : null });
    }
  }
  return { marks, clusters: outClusters, lanes };
}

/** A band's events, indexed once (when the data, filters or layout mode change). */
export interface BandInput extends Group {
  index: TimeIndex;
}

/** Splits events into bands (none when `groupOf` is null) and indexes each; not per frame. */
export function prepareBands(events: readonly TimelineEvent[], groupOf: ((e: TimelineEvent) => string) | null, groups: readonly Group[]): BandInput[] {
  if (!groupOf) return [{ key: '', label: '', index: indexEvents(events) }];
  const byGroup = new Map<string, TimelineEvent[]>(groups.map((g) => [g.key, []]));
  for (const e of events) byGroup.get(groupOf(e))?.push(e);
  return groups.filter((g) => byGroup.get(g.key)!.length > 0).map((g) => ({ ...g, index: indexEvents(byGroup.get(g.key)!) }));
}

/**
 * Places the events whose symbol is in the window (or, for a range, whose bar is), in one band
 * or in one labelled band per group. A day sits at its middle; a month- or year-precision date
 * sits at the middle of its period with a bracket over the whole period, so "March 2025" is
 * never drawn as if it were March 1.
 */
export function layoutBands(bands: readonly BandInput[], grouped: boolean, w: TimeWindow, width: number, options: LayoutOptions = {}): Layout {
  const { labelLanes = grouped ? 1 : 4, clusterOver = grouped ? 3 : 6, maxLanes = grouped ? 4 : 9, labelOf = (e) => e.title } = options;
  // Long periods (month-precision dates, ranges) can stack lanes even when each column is
  // readable: then gather harder, down to clustering any column with two or more events.
  const layoutBandFit = (index: TimeIndex) => {
    let out = layoutBand(index, w, width, labelLanes, clusterOver, labelOf);
    for (let over = clusterOver - 1; over >= 1 && out.lanes > maxLanes; over--) out = layoutBand(index, w, width, labelLanes, over, labelOf);
    return out;
  };
  if (!grouped) {
    const band = layoutBandFit(bands[0]?.index ?? indexEvents([]));
    return { marks: band.marks, clusters: band.clusters, bands: [], height: Math.max(band.lanes, 1) * LANE_HEIGHT };
  }
  const out: Layout = { marks: [], clusters: [], bands: [], height: 0 };
  for (const g of bands) {
    const band = layoutBandFit(g.index);
    if (band.marks.length === 0 && band.clusters.length === 0 && g.index.events.length === 0) continue;
    const top = out.height + BAND_HEADER;
    const lanes = Math.max(band.lanes, 1);
    out.bands.push({ key: g.key, label: g.label, y: out.height, height: BAND_HEADER + lanes * LANE_HEIGHT });
    for (const m of band.marks) out.marks.push({ ...m, y: m.y + top });
    for (const c of band.clusters) out.clusters.push({ ...c, y: c.y + top });
    out.height = top + lanes * LANE_HEIGHT;
  }
  return out;
}

/** The same in one call, indexing as it goes: for tests and one-off layouts. */
export function layoutTimeline(events: readonly TimelineEvent[], w: TimeWindow, width: number, options: LayoutOptions = {}): Layout {
  const groupOf = options.groupOf ?? null;
  return layoutBands(prepareBands(events, groupOf, options.groups ?? []), groupOf !== null, w, width, options);
}
