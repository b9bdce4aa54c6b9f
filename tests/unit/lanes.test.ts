import { describe, expect, it } from 'vitest';
import { assignLanes } from '../../src/lib/time/lanes.ts';
import { BAND_HEADER, CHAR_WIDTH, LANE_HEIGHT, layoutTimeline, MARK_SIZE, truncateLabel } from '../../src/lib/time/layout.ts';
import type { TimelineEvent } from '../../src/lib/data/types.ts';
import { validateDataset } from '../../src/lib/data/validate.ts';

const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];

describe('assignLanes', () => {
  it('labels items when a label lane has room and never overlaps anything', () => {
    const items = Array.from({ length: 200 }, (_, i) => ({ x0: i * 3, x1: i * 3 + 14, x1Label: i * 3 + 150 }));
    const { placed, lanes } = assignLanes(items, 3);
    expect(placed.slice(0, 3).every((p) => p.labelled)).toBe(true);
    expect(placed.some((p) => !p.labelled)).toBe(true);
    const byLane = new Map<number, [number, number][]>();
    placed.forEach((p, i) => {
      const it = items[i]!;
      const extent: [number, number] = [it.x0, p.labelled ? it.x1Label : it.x1];
      const list = byLane.get(p.lane) ?? [];
      for (const other of list) expect(overlaps(extent, other)).toBe(false);
      list.push(extent);
      byLane.set(p.lane, list);
    });
    expect(lanes).toBe(byLane.size);
  });

  it('uses one lane for well-spaced items', () => {
    const items = [0, 200, 400].map((x) => ({ x0: x, x1: x + 14, x1Label: x + 120 }));
    expect(assignLanes(items, 4)).toEqual({ placed: items.map(() => ({ lane: 0, labelled: true })), lanes: 1 });
  });
});

describe('layoutTimeline', () => {
  const result = validateDataset({
    events: [
      { id: 'a', date: '2025-03-10', kind: 'error', title: 'A day', summary: 's', thread: 't', sources: [{ publisher: 'p', title: 't', url: 'https://e.org' }] },
      { id: 'b', date: '2025-03', kind: 'ruling', title: 'A month', summary: 's', thread: 't', sources: [{ publisher: 'p', title: 't', url: 'https://e.org' }] },
      { id: 'c', date: '2025-03-01', end: '2025-03-20', kind: 'policy', title: 'A range', summary: 's', thread: 't', sources: [{ publisher: 'p', title: 't', url: 'https://e.org' }] },
      { id: 'd', date: '2025-09-01', kind: 'policy', title: 'Out of view', summary: 's', thread: 't', sources: [{ publisher: 'p', title: 't', url: 'https://e.org' }] },
    ],
  });
  if (!result.ok) throw new Error('fixture invalid');
  const w = { start: Date.UTC(2025, 2, 1), end: Date.UTC(2025, 3, 1) }; // March: 31 days
  const { marks } = layoutTimeline(result.dataset.events, w, 310);

  it('draws only events whose symbol (or range bar) is in the window', () => {
    expect(marks.map((m) => m.event.id).sort()).toEqual(['a', 'b', 'c']);
    // The month of March touches a window starting on March 25, but its symbol (mid-March) does not.
    const late = layoutTimeline(result.dataset.events, { start: Date.UTC(2025, 2, 25), end: Date.UTC(2025, 3, 25) }, 300).marks;
    expect(late.map((m) => m.event.id)).toEqual([]);
    const mid = layoutTimeline(result.dataset.events, { start: Date.UTC(2025, 2, 15), end: Date.UTC(2025, 3, 15) }, 310).marks;
    const range = mid.find((m) => m.event.id === 'c')!;
    expect(range.x).toBe(MARK_SIZE / 2); // its start is off-screen, so the symbol sits at the bar's visible start
  });

  it('puts a day at its middle and a month at the middle of the month with its period', () => {
    const a = marks.find((m) => m.event.id === 'a')!;
    expect(a.x).toBeCloseTo(95); // 9.5 days of 31 at 10 px a day
    const b = marks.find((m) => m.event.id === 'b')!;
    expect(b.x).toBeCloseTo(155);
    expect([b.barStart, b.barEnd]).toEqual([0, 310]);
  });

  it('draws a range as a bar from its start to the end of its last day', () => {
    const c = marks.find((m) => m.event.id === 'c')!;
    expect(c.isRange).toBe(true);
    expect(c.barStart).toBe(0);
    expect(c.barEnd).toBeCloseTo(200);
    expect(c.x).toBe(MARK_SIZE / 2);
  });

  it('never lets a label run past the right edge', () => {
    for (const m of marks) if (m.label) expect(m.x + 13 + m.label.length * CHAR_WIDTH).toBeLessThanOrEqual(310 + 1);
  });

  it('truncates long titles with an ellipsis', () => {
    expect(truncateLabel('x'.repeat(60), 10)).toBe('x'.repeat(9) + '…');
    expect(truncateLabel('short', 10)).toBe('short');
  });
});

describe('clusters and bands', () => {
  const many = validateDataset({
    threads: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }],
    events: Array.from({ length: 40 }, (_, i) => ({
      id: `e${i}`,
      date: `2025-04-${String(1 + (i % 3)).padStart(2, '0')}`,
      kind: i % 2 ? 'ruling' : 'error',
      title: `Event ${i}`,
      summary: 's',
      thread: i < 30 ? 'a' : 'b',
      sources: [{ publisher: 'p', title: 't', url: 'https://e.org' }],
    })),
  });
  if (!many.ok) throw new Error('fixture invalid');
  const year = { start: Date.UTC(2025, 0, 1), end: Date.UTC(2026, 0, 1) };

  it('gathers a crowded column into one cluster that counts its events', () => {
    const { marks, clusters } = layoutTimeline(many.dataset.events, year, 1000);
    expect(marks).toHaveLength(0);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.count).toBe(40);
    expect([clusters[0]!.first.id, clusters[0]!.last.id]).toEqual([many.dataset.events[0]!.id, many.dataset.events[39]!.id]);
    expect(clusters[0]!.start).toBe(Date.UTC(2025, 3, 1));
    expect(clusters[0]!.end).toBe(Date.UTC(2025, 3, 4));
  });

  it('opens into single marks when zoomed in far enough', () => {
    const { marks, clusters } = layoutTimeline(many.dataset.events, { start: Date.UTC(2025, 2, 31), end: Date.UTC(2025, 3, 5) }, 1000, { clusterOver: 20, maxLanes: 100 });
    expect(clusters).toHaveLength(0);
    expect(marks).toHaveLength(40);
  });

  it('gathers harder when lanes would pile up, so a band stays within its lane budget', () => {
    const layout = layoutTimeline(many.dataset.events, { start: Date.UTC(2025, 2, 31), end: Date.UTC(2025, 3, 5) }, 1000, { maxLanes: 5 });
    expect(layout.height).toBeLessThanOrEqual(5 * LANE_HEIGHT);
    expect(layout.marks.length + layout.clusters.reduce((n, c) => n + c.count, 0)).toBe(40);
  });

  it('puts each group in its own labelled band, one after another', () => {
    const layout = layoutTimeline(many.dataset.events, { start: Date.UTC(2025, 2, 31), end: Date.UTC(2025, 3, 5) }, 1000, {
      groupOf: (e) => e.thread,
      groups: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }, { key: 'empty', label: 'Empty' }],
      clusterOver: 100,
    });
    expect(layout.bands.map((b) => b.label)).toEqual(['A', 'B']);
    const [a, b] = layout.bands;
    expect(b!.y).toBe(a!.y + a!.height);
    for (const m of layout.marks) {
      const band = m.event.thread === 'a' ? a! : b!;
      expect(m.y).toBeGreaterThan(band.y + BAND_HEADER);
      expect(m.y).toBeLessThan(band.y + band.height);
    }
    expect(layout.height).toBe(b!.y + b!.height);
    expect((a!.height - BAND_HEADER) % LANE_HEIGHT).toBe(0);
  });
});

import fc from 'fast-check';
import { eventsInWindow, indexEvents } from '../../src/lib/time/layout.ts';
import { inWindow } from '../../src/lib/query/filters.ts';

describe('eventsInWindow', () => {
  it('finds exactly the events overlapping the window, by binary search', () => {
    const day = 86_400_000;
    fc.assert(
      fc.property(
        fc.array(fc.record({ start: fc.integer({ min: 0, max: 400 }), len: fc.integer({ min: 1, max: 40 }) }), { maxLength: 60 }),
        fc.integer({ min: -50, max: 450 }),
        fc.integer({ min: 1, max: 200 }),
        (raw, ws, wl) => {
          const events = raw
            .map((r, i) => ({ id: `e${i}`, span: { start: r.start * day, end: (r.start + r.len) * day } }))
            .sort((a, b) => a.span.start - b.span.start) as unknown as TimelineEvent[];
          const w = { start: ws * day, end: (ws + wl) * day };
          const brute = events.filter((e) => inWindow(e, w));
          expect(eventsInWindow(indexEvents(events), w)).toEqual(brute);
        },
      ),
      { numRuns: 500 },
    );
  });
});
