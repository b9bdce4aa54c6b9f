import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/lib/data/validate.ts';
import { eventsInWindow, indexEvents, layoutBands, MARK_SIZE, markTime, prepareBands } from '../../src/lib/time/layout.ts';
import { boundsFor, zoomAbout, span } from '../../src/lib/time/window.ts';
import { KINDS } from '../../src/lib/data/types.ts';

/**
 * The mechanisms that keep 100,000 events fast, guarded by counts (not timings): the number of
 * drawn marks and clusters stays bounded at every zoom, and layout only looks at events near
 * the window.
 */
const N = 100_000;
const day = 86_400_000;
const raw = {
  threads: Array.from({ length: 12 }, (_, i) => ({ id: `t${i}`, title: `Thread ${i}` })),
  events: Array.from({ length: N }, (_, i) => {
    const d = new Date(Date.UTC(2025, 0, 1) + Math.floor((i * 364) / N) * day).toISOString().slice(0, 10);
    return {
      id: `e${i}`,
      date: i % 50 === 0 ? d.slice(0, 7) : d,
      ...(i % 97 === 0 ? { end: new Date(Date.parse(d) + 20 * day).toISOString().slice(0, 10) } : {}),
      kind: KINDS[i % 4],
      title: `Event ${i}`,
      summary: 's',
      thread: `t${i % 12}`,
      sources: [{ publisher: 'p', title: 't', url: 'https://e.org' }],
    };
  }),
};
const result = validateDataset(raw);
if (!result.ok) throw new Error(result.message);
const events = result.dataset.events;
const bounds = boundsFor({ start: events[0]!.span.start, end: events.at(-1)!.span.end });

describe('100,000 events', () => {
  const ungrouped = prepareBands(events, null, []);
  const byThread = prepareBands(events, (e) => e.thread, raw.threads.map((t) => ({ key: t.id, label: t.title })));

  it('draws a bounded number of marks and clusters at every zoom, and every event is accounted for', () => {
    let w = bounds;
    for (let step = 0; step < 30 && span(w) > day; step++) {
      for (const [bands, grouped] of [[ungrouped, false], [byThread, true]] as const) {
        const layout = layoutBands(bands, grouped, w, 1280);
        expect(layout.marks.length + layout.clusters.length).toBeLessThanOrEqual(grouped ? 12 * 200 : 400);
        if (!grouped) {
          const shown = layout.marks.length + layout.clusters.reduce((n, c) => n + c.count, 0);
          // What is drawn, alone or in a cluster, is what is in view (a symbol may overhang an
          // edge by half its width, so the window is widened by that much to compare).
          const pad = ((MARK_SIZE / 2) / 1280) * span(w);
          const drawable = (p: number) =>
            events.filter((e) => (e.until ? e.span.end > w.start - p && e.span.start < w.end + p : markTime(e) >= w.start - p && markTime(e) <= w.end + p)).length;
          expect(shown).toBeGreaterThanOrEqual(drawable(-pad));
          expect(shown).toBeLessThanOrEqual(drawable(pad));
        }
      }
      w = zoomAbout(w, 2, 0.37, bounds);
    }
  });

  it('finds the events in a one-week window without scanning the rest', () => {
    const index = indexEvents(events);
    const week = { start: Date.UTC(2025, 5, 2), end: Date.UTC(2025, 5, 9) };
    const found = eventsInWindow(index, week);
    expect(found.length).toBeGreaterThan(1000);
    expect(found.length).toBeLessThan(5000);
    expect(found.every((e) => e.span.end > week.start && e.span.start < week.end)).toBe(true);
  });
});
