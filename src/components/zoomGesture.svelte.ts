import { scaleUtc, select, zoom, zoomIdentity, zoomTransform, type D3ZoomEvent } from 'd3';
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import type { TimelineState } from '../lib/state/timeline.svelte.ts';
import { MIN_SPAN, sameWindow, span } from '../lib/time/window.ts';

/**
 * d3-zoom used only as a gesture source (wheel, trackpad pinch, drag, touch pinch). Its
 * transform is translated into a time window; programmatic window changes are pushed back
 * with zoom.transform so the next gesture starts from what the reader sees.
 */
export function zoomGesture(state: TimelineState, height: () => number): Attachment<SVGSVGElement> {
  return (node) => {
    const base = () => scaleUtc().domain([state.bounds.start, state.bounds.end]).range([0, state.width]);
    const behaviour = zoom<SVGSVGElement, unknown>()
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        if (!event.sourceEvent) return; // our own zoom.transform call
        const [start, end] = event.transform.rescaleX(base()).domain();
        state.setWindow({ start: +start!, end: +end! });
      });
    const selection = select(node);
    untrack(() => selection.call(behaviour).on('dblclick.zoom', null));

    $effect(() => {
      const w = state.window;
      const b = state.bounds;
      const width = state.width;
      const h = height();
      if (width <= 0) return;
      behaviour
        .extent([[0, 0], [width, h]])
        .scaleExtent([1, Math.max(1, span(b) / MIN_SPAN)])
        .translateExtent([[0, 0], [width, h]]);
      const k = span(b) / span(w);
      const target = zoomIdentity.translate((-(w.start - b.start) / span(b)) * width * k, 0).scale(k);
      const [s0, s1] = zoomTransform(node).rescaleX(base()).domain();
      if (!sameWindow({ start: +s0!, end: +s1! }, w)) {
        selection.call(behaviour.transform, target);
      }
    });

    return () => {
      selection.on('.zoom', null);
    };
  };
}
