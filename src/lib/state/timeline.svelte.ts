import type { Dataset, Problem, TimelineEvent } from '../data/types.ts';
import { layoutMarks, markTime } from '../time/layout.ts';
import { ticksFor } from '../time/ticks.ts';
import { boundsFor, clampWindow, pan, reveal, zoomAbout, type TimeWindow } from '../time/window.ts';

export type Status = 'loading' | 'ready' | 'error';

/**
 * The one state object. Components read it and call its methods; everything that can be
 * computed from dataset + window + width is $derived, never copied by an effect.
 */
export class TimelineState {
  status = $state<Status>('loading');
  error = $state('');
  dataset = $state.raw<Dataset | null>(null);
  problems = $state.raw<Problem[]>([]);
  window = $state.raw<TimeWindow>(boundsFor(null));
  selectedId = $state<string | null>(null);
  width = $state(0);
  view = $state<'chart' | 'list'>('chart');

  events = $derived<TimelineEvent[]>(this.dataset?.events ?? []);
  extent = $derived<TimeWindow | null>(
    this.events.length
      ? { start: this.events[0]!.span.start, end: Math.max(...this.events.map((e) => e.span.end)) }
      : null,
  );
  bounds = $derived(boundsFor(this.extent));
  layout = $derived(layoutMarks(this.events, this.window, this.width));
  ticks = $derived(ticksFor(this.window, this.width));
  inView = $derived(this.events.filter((e) => e.span.end > this.window.start && e.span.start < this.window.end));
  selected = $derived(this.events.find((e) => e.id === this.selectedId) ?? null);
  selectedIndex = $derived(this.selected ? this.events.indexOf(this.selected) : -1);
  /** `ready` only after data has arrived and the chart has a size to draw at. */
  publicState = $derived<Status>(this.status === 'ready' && this.width === 0 ? 'loading' : this.status);

  setLoading() {
    this.status = 'loading';
    this.error = '';
  }

  fail(message: string) {
    this.status = 'error';
    this.error = message;
  }

  setData(dataset: Dataset, problems: Problem[]) {
    this.dataset = dataset;
    this.problems = problems;
    this.window = this.bounds;
    this.status = 'ready';
  }

  setWindow(w: TimeWindow) {
    this.window = clampWindow(w, this.bounds);
  }

  zoom(factor: number, anchor = 0.5) {
    this.window = zoomAbout(this.window, factor, anchor, this.bounds);
  }

  panBy(fraction: number) {
    this.window = pan(this.window, fraction, this.bounds);
  }

  showAll() {
    this.window = this.bounds;
  }

  /** Brings an event into view without changing the zoom. */
  reveal(event: TimelineEvent) {
    this.window = reveal(this.window, markTime(event), this.bounds);
  }

  select(id: string | null) {
    this.selectedId = id;
    if (this.selected) this.reveal(this.selected);
  }

  /** The event `offset` places away from `from` in time order, or null at either end. */
  neighbour(from: TimelineEvent, offset: number): TimelineEvent | null {
    return this.events[this.events.indexOf(from) + offset] ?? null;
  }
}
