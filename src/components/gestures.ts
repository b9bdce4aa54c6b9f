import type { Attachment } from 'svelte/attachments';
import type { TimelineState } from '../lib/state/timeline.svelte.ts';
import { dragBy, pinch, wheelFactor, zoomAtPixel } from '../lib/time/gesture.ts';
import type { TimeWindow } from '../lib/time/window.ts';

/** The vertical plot's axis starts this far below the top of the svg (room for the first label). */
export const AXIS_PAD = 12;
/** A press that moves less than this is a click (on a mark), not a drag. */
const DRAG_THRESHOLD = 4;

export interface GestureOptions {
  /** Which way time runs on the plot. */
  vertical: () => boolean;
  /** In an embed, a plain wheel and a one-finger swipe belong to the host page. */
  cooperative: () => boolean;
  /** Called when a plain wheel was left to the page, to show how to zoom instead. */
  onScrollHint: () => void;
}

/**
 * Wheel, trackpad pinch, mouse drag and touch pinch on the plot, turned into window changes.
 * Pointer events and pure maths (lib/time/gesture.ts) instead of d3-zoom: the window is the
 * only state, nothing has to be synchronised back, and the embed rules (Ctrl + wheel, two
 * fingers) are one `if` each.
 */
export function gestures(s: TimelineState, options: GestureOptions): Attachment<SVGSVGElement> {
  return (node) => {
    /** The pointer's position along the time axis, and that axis's length. */
    const along = (ev: { clientX: number; clientY: number }) =>
      options.vertical() ? ev.clientY - node.getBoundingClientRect().top - AXIS_PAD : ev.clientX - node.getBoundingClientRect().left;
    const length = () => s.axisLength;
    const pointers = new Map<number, number>();
    let drag: { window: TimeWindow; from: number[]; moved: boolean } | null = null;
    /** The click that ends a drag is not a click on whatever is under the pointer. */
    let swallowClickUntil = 0;

    function onwheel(ev: WheelEvent) {
      const zoomKey = ev.ctrlKey || ev.metaKey;
      if (options.cooperative() && !zoomKey) {
        options.onScrollHint();
        return; // not prevented: the host page scrolls
      }
      ev.preventDefault();
      if (!zoomKey && !options.vertical() && Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) {
        s.setWindow(dragBy(s.window, -ev.deltaX, length(), s.bounds)); // a sideways trackpad swipe pans
      } else {
        s.setWindow(zoomAtPixel(s.window, wheelFactor(ev.deltaY, ev.deltaMode, ev.ctrlKey), along(ev), length(), s.bounds));
      }
    }

    function restart() {
      drag = pointers.size ? { window: s.window, from: [...pointers.values()], moved: drag?.moved ?? false } : null;
    }

    function onpointerdown(ev: PointerEvent) {
      if (ev.pointerType === 'mouse' && ev.button !== 0) return;
      pointers.set(ev.pointerId, along(ev));
      restart();
    }

    function onpointermove(ev: PointerEvent) {
      if (!drag || !pointers.has(ev.pointerId)) return;
      pointers.set(ev.pointerId, along(ev));
      const now = [...pointers.values()];
      if (now.length >= 2) {
        drag.moved = true;
        s.setWindow(pinch(drag.window, [drag.from[0]!, drag.from[1]!], [now[0]!, now[1]!], length(), s.bounds));
      } else if (!((options.cooperative() || options.vertical()) && ev.pointerType === 'touch')) {
        // One finger belongs to the page when embedded, or when the page scrolls the same way as
        // the timeline (vertical); two fingers always pan and zoom.
        const dx = now[0]! - drag.from[0]!;
        if (!drag.moved && Math.abs(dx) < DRAG_THRESHOLD) return;
        // Capture only once it is a drag, so a plain click still lands on the mark under it.
        if (!drag.moved) node.setPointerCapture(ev.pointerId);
        drag.moved = true;
        s.setWindow(dragBy(drag.window, dx, length(), s.bounds));
      }
    }

    function onpointerup(ev: PointerEvent) {
      pointers.delete(ev.pointerId);
      if (drag?.moved && pointers.size === 0) swallowClickUntil = performance.now() + 100;
      restart();
    }

    function onclick(ev: MouseEvent) {
      if (performance.now() < swallowClickUntil) ev.stopPropagation();
    }

    node.addEventListener('wheel', onwheel, { passive: false });
    node.addEventListener('pointerdown', onpointerdown);
    node.addEventListener('pointermove', onpointermove);
    node.addEventListener('pointerup', onpointerup);
    node.addEventListener('pointercancel', onpointerup);
    node.addEventListener('click', onclick, { capture: true });
    return () => {
      node.removeEventListener('click', onclick, { capture: true });
      node.removeEventListener('wheel', onwheel);
      node.removeEventListener('pointerdown', onpointerdown);
      node.removeEventListener('pointermove', onpointermove);
      node.removeEventListener('pointerup', onpointerup);
      node.removeEventListener('pointercancel', onpointerup);
    };
  };
}
