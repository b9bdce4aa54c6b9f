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
}

/** Events too crowded to read at this zoom, drawn as one mark with a count. */
export interface Cluster {
  key: string;
  x: number;
  y: number;
  events: TimelineEvent[];
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

/** Places one band's events: visible marks, clusters where crowded, lanes so nothing overlaps. */
function layoutBand(events: readonly TimelineEvent[], w: TimeWindow, width: number, labelLanes: number, clusterOver: number, labelOf: (e: TimelineEvent) => string) {
  const k = width / (w.end - w.start);
  const px = (t: number) => (t - w.start) * k;
  const half = MARK_SIZE / 2;
  const rows: Row[] = [];
  for (const event of events) {
    const isRange = event.until !== undefined;
    const barStart = px(event.span.start);
    const barEnd = px(event.span.end);
    // A range whose start has scrolled out of view keeps its symbol at the visible end of its bar.
    const x = isRange ? Math.min(Math.max(barStart, 0), barEnd) + half : px(markTime(event));
    const visible = isRange ? barEnd >= 0 && barStart <= width : x >= -half && x <= width + half;
    if (visible) rows.push({ event, x, barStart, barEnd, isRange });
  }
  rows.sort((a, b) => a.x - b.x);

  // Gather crowded columns into clusters: one mark with a count that opens on click or Enter.
  const columns = new Map<number, Row[]>();
  for (const r of rows) {
    const col = Math.floor(r.x / CLUSTER_BIN);
    columns.set(col, [...(columns.get(col) ?? []), r]);
  }
  const singles: Row[] = [];
  const clusters: Omit<Cluster, 'y'>[] = [];
  for (const [col, members] of columns) {
    if (members.length > clusterOver) {
      const evs = members.map((m) => m.event);
      clusters.push({
        key: `${col}:${evs[0]!.id}`,
        x: Math.min(Math.max((col + 0.5) * CLUSTER_BIN, CLUSTER_HALF), width - CLUSTER_HALF),
        events: evs,
        start: Math.min(...evs.map((e) => e.span.start)),
        end: Math.max(...evs.map((e) => e.span.end)),
      });
    } else singles.push(...members);
  }

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

/**
 * Places the events whose symbol is in the window (or, for a range, whose bar is), in one band
 * or in one labelled band per group. A day sits at its middle; a month- or year-precision date
 * sits at the middle of its period with a bracket over the whole period, so "March 2025" is
 * never drawn as if it were March 1.
 */
export function layoutTimeline(events: readonly TimelineEvent[], w: TimeWindow, width: number, options: LayoutOptions = {}): Layout {
  const { groupOf = null, groups = [], labelLanes = groupOf ? 1 : 4, clusterOver = groupOf ? 3 : 6, maxLanes = groupOf ? 4 : 9, labelOf = (e) => e.title } = options;
  // Long periods (month-precision dates, ranges) can stack lanes even when each column is
  // readable: then gather harder, down to clustering any column with two or more events.
  const layoutBandFit = (members: readonly TimelineEvent[]) => {
    let out = layoutBand(members, w, width, labelLanes, clusterOver, labelOf);
    for (let over = clusterOver - 1; over >= 1 && out.lanes > maxLanes; over--) out = layoutBand(members, w, width, labelLanes, over, labelOf);
    return out;
  };
  if (!groupOf) {
    const band = layoutBandFit(events);
    return { marks: band.marks, clusters: band.clusters, bands: [], height: Math.max(band.lanes, 1) * LANE_HEIGHT };
  }
  const byGroup = new Map<string, TimelineEvent[]>(groups.map((g) => [g.key, []]));
  for (const e of events) byGroup.get(groupOf(e))?.push(e);
  const out: Layout = { marks: [], clusters: [], bands: [], height: 0 };
  for (const g of groups) {
    const members = byGroup.get(g.key)!;
    if (members.length === 0) continue;
    const band = layoutBandFit(members);
    const top = out.height + BAND_HEADER;
    const lanes = Math.max(band.lanes, 1);
    out.bands.push({ key: g.key, label: g.label, y: out.height, height: BAND_HEADER + lanes * LANE_HEIGHT });
    for (const m of band.marks) out.marks.push({ ...m, y: m.y + top });
    for (const c of band.clusters) out.clusters.push({ ...c, y: c.y + top });
    out.height = top + lanes * LANE_HEIGHT;
  }
  return out;
}
