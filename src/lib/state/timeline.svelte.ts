import { parseCivilDate, windowIsoDays } from '../data/dates.ts';
import { KINDS, type Dataset, type Kind, type Problem, type TimelineEvent } from '../data/types.ts';
import type { Tour } from '../data/tours.ts';
import { applyFilters, facetCounts, isFiltered, NO_FILTERS, type Filters } from '../query/filters.ts';
import { queryTerms } from '../query/search.ts';
import { eventsInWindow, indexEvents, layoutBands, markTime, prepareBands, type Group } from '../time/layout.ts';
import { layoutVertical } from '../time/vertical.ts';
import { ticksFor } from '../time/ticks.ts';
import { boundsFor, clampWindow, DAY, MIN_SPAN, pan, reveal, sameWindow, span, zoomAbout, type TimeWindow } from '../time/window.ts';
import type { LayoutMode, Theme, ViewMode, ViewState } from '../url/viewState.ts';
import { locale, setLang, t, type Lang } from '../../i18n/i18n.svelte.ts';
import { localized } from '../../i18n/localize.ts';

/** Below this width the timeline turns vertical: time runs down the page. */
export const VERTICAL_BELOW = 600;
/** In the vertical layout: the time axis's length, and the room its labels take on the left. */
export const VERTICAL_LENGTH = 800;
export const VERTICAL_AXIS = 84;

export type Status = 'loading' | 'ready' | 'error';

/**
 * The one state object. Components read it and call its methods; everything that can be
 * computed from dataset + filters + window + width is $derived, never copied by an effect.
 */
export class TimelineState {
  status = $state<Status>('loading');
  error = $state('');
  dataset = $state.raw<Dataset | null>(null);
  problems = $state.raw<Problem[]>([]);
  /** Polite notes about the link the reader followed (an unknown event id, say). */
  linkNotes = $state.raw<string[]>([]);
  window = $state.raw<TimeWindow>(boundsFor(null));
  filters = $state.raw<Filters>(NO_FILTERS);
  layoutMode = $state<LayoutMode>('time');
  view = $state<ViewMode>('chart');
  /** The language the reader chose in this view (null: the browser's, not written to the URL). */
  langChoice = $state<Lang | null>(null);
  theme = $state<Theme>('auto');
  tours = $state.raw<Tour[]>([]);
  /** Presentation mode: one event at a time, big, for a projector. */
  presenting = $state(false);
  tourId = $state<string | null>(null);
  /** 0-based index into `steps`. */
  step = $state(0);
  selectedId = $state<string | null>(null);
  width = $state(0);
  /** Set once the chart has been laid out at its real width with the linked event in view. */
  drawn = $state(false);

  events = $derived<TimelineEvent[]>(this.dataset?.events ?? []);
  /** The dataset's extent (a loop: no argument spreading over 100,000 events). */
  extent = $derived<TimeWindow | null>(
    this.events.length
      ? { start: this.events[0]!.span.start, end: this.events.reduce((m, e) => Math.max(m, e.span.end), -Infinity) }
      : null,
  );
  bounds = $derived(boundsFor(this.extent));
  /** The events the filters and search leave, over all time. */
  visible = $derived(applyFilters(this.events, this.filters));
  /** Typed arrays over `visible`, built when the filters change, so zooming touches only what is near the window. */
  visibleIndex = $derived(indexEvents(this.visible));
  /** …and of those, the ones in the window: what the chart and the list show. */
  inView = $derived(eventsInWindow(this.visibleIndex, this.window));
  filtered = $derived(isFiltered(this.filters));
  terms = $derived(queryTerms(this.filters.q));
  counts = $derived(facetCounts(this.events, this.filters, this.window));
  threadTitles = $derived(new Map((this.dataset?.threads ?? []).map((th) => [th.id, localized(th, 'title')])));
  groups = $derived<Group[] | null>(
    this.layoutMode === 'thread'
      ? (this.dataset?.threads ?? []).map((th) => ({ key: th.id, label: localized(th, 'title') }))
      : this.layoutMode === 'kind'
        ? KINDS.map((k) => ({ key: k, label: t(`kind.${k}`) }))
        : null,
  );
  bands = $derived(
    this.groups
      ? prepareBands(this.visible, this.layoutMode === 'thread' ? (e) => e.thread : (e) => e.kind, this.groups)
      : [{ key: '', label: '', index: this.visibleIndex }],
  );
  vertical = $derived(this.width > 0 && this.width < VERTICAL_BELOW);
  layout = $derived(
    this.vertical
      ? layoutVertical(this.visibleIndex, this.window, VERTICAL_LENGTH, this.width, VERTICAL_AXIS, (e) => localized(e, 'title'))
      : layoutBands(this.bands, this.groups !== null, this.window, this.width, { labelOf: (e) => localized(e, 'title') }),
  );
  /** Pixels along the time axis: the width, or the vertical axis's length. */
  axisLength = $derived(this.vertical ? VERTICAL_LENGTH : this.width);
  ticks = $derived(ticksFor(this.window, this.vertical ? VERTICAL_LENGTH * 1.6 : this.width, locale()));
  selected = $derived(this.events.find((e) => e.id === this.selectedId) ?? null);
  /** The selected event's thread, in time order: its story from start to finish. */
  story = $derived(this.selected ? this.events.filter((e) => e.thread === this.selected!.thread) : []);
  atAll = $derived(sameWindow(this.window, this.bounds));
  tour = $derived(this.tours.find((tr) => tr.id === this.tourId) ?? null);
  /** What presentation steps through: the tour's events, or every event the filters leave. */
  steps = $derived.by(() => {
    if (!this.tour) return this.visible.map((event) => ({ event, note: undefined as string | undefined, step: undefined as Tour['steps'][number] | undefined }));
    const byId = new Map(this.events.map((e) => [e.id, e]));
    return this.tour.steps.flatMap((st) => {
      const event = byId.get(st.event);
      return event ? [{ event, note: st.note, step: st }] : [];
    });
  });
  current = $derived(this.steps[Math.min(this.step, this.steps.length - 1)] ?? null);
  /** `ready` only after data has arrived and the chart has a size to draw at. */
  publicState = $derived<Status>(this.status === 'ready' && !this.drawn ? 'loading' : this.status);

  setLoading() {
    this.status = 'loading';
    this.error = '';
  }

  fail(message: string) {
    this.status = 'error';
    this.error = message;
  }

  /** Takes a freshly loaded dataset and the view the URL asked for. */
  setData(dataset: Dataset, problems: Problem[], view: ViewState) {
    this.drawn = false;
    this.dataset = dataset;
    this.problems = problems;
    const notes: string[] = [];
    const f = { ...view.filters };
    if (f.thread && !dataset.threads.some((th) => th.id === f.thread)) {
      notes.push(t('link.unknownThread', { id: f.thread }));
      f.thread = '';
    }
    this.filters = f;
    this.layoutMode = view.layout;
    this.view = view.view;
    const from = parseCivilDate(view.from);
    const to = parseCivilDate(view.to);
    this.window = from || to ? clampWindow({ start: from?.start ?? this.bounds.start, end: to?.end ?? this.bounds.end }, this.bounds) : this.bounds;
    if (view.event && !this.events.some((e) => e.id === view.event)) notes.push(t('link.unknownEvent', { id: view.event }));
    else if (view.event) this.selectedId = view.event;
    const knownTour = this.tours.some((tr) => tr.id === view.tour);
    if (view.tour && !knownTour) notes.push(t('link.unknownTour', { id: view.tour }));
    this.tourId = knownTour ? view.tour : null;
    this.presenting = view.present || this.tourId !== null;
    this.step = view.step !== null ? Math.min(view.step - 1, Math.max(this.steps.length - 1, 0)) : 0;
    this.linkNotes = notes;
    this.status = 'ready';
  }

  /**
   * Called when the chart first has a width: a linked event can only be brought into view (out
   * of a cluster, say) once the layout is real. Then the page is ready.
   */
  firstDraw() {
    if (this.drawn || this.width <= 0 || this.status !== 'ready') return;
    if (this.selected && this.view === 'chart') this.ensureVisible(this.selected);
    this.drawn = true;
  }

  /** The state as the URL should say it. */
  get viewState(): ViewState {
    const days = this.atAll ? null : windowIsoDays(this.window);
    return {
      filters: this.filters,
      from: days?.from ?? null,
      to: days?.to ?? null,
      event: this.selectedId,
      layout: this.layoutMode,
      view: this.view,
      lang: this.langChoice,
      theme: this.theme,
      present: this.presenting && !this.tourId,
      tour: this.presenting ? this.tourId : null,
      step: this.presenting ? this.step + 1 : null,
    };
  }

  /** Starts presenting (a tour, or the events the filters leave) at its first step. */
  present(tourId: string | null = null, step = 0) {
    this.tourId = tourId;
    this.presenting = true;
    this.goToStep(step);
  }

  stopPresenting() {
    this.presenting = false;
    this.tourId = null;
  }

  /** Moves to a step and keeps the chart's window and selection on it, so leaving lands there. */
  goToStep(index: number) {
    const last = this.steps.length - 1;
    this.step = Math.min(Math.max(index, 0), Math.max(last, 0));
    const event = this.current?.event;
    if (event) {
      this.selectedId = event.id;
      this.window = reveal(this.window, markTime(event), this.bounds);
    }
  }

  chooseLang(next: Lang) {
    this.langChoice = next;
    setLang(next);
  }

  setFilters(patch: Partial<Filters>) {
    this.filters = { ...this.filters, ...patch };
  }

  toggleKind(kind: Kind) {
    const kinds = this.filters.kinds.includes(kind) ? this.filters.kinds.filter((k) => k !== kind) : [...this.filters.kinds, kind];
    this.setFilters({ kinds });
  }

  clearFilters() {
    this.filters = NO_FILTERS;
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

  /** Zooms to a cluster's events, with a little room either side. */
  openCluster(start: number, end: number) {
    const pad = Math.max((end - start) * 0.1, DAY);
    this.setWindow({ start: start - pad, end: end + pad });
  }

  /**
   * Brings an event into view as its own mark: centres on it if it is outside the window,
   * then zooms in about it while it is gathered in a cluster.
   */
  ensureVisible(event: TimelineEvent) {
    this.window = reveal(this.window, markTime(event), this.bounds);
    for (let i = 0; i < 24 && !this.layout.marks.some((m) => m.event === event) && span(this.window) > MIN_SPAN; i++) {
      this.zoom(2, (markTime(event) - this.window.start) / span(this.window));
    }
  }

  select(id: string | null) {
    this.selectedId = id;
    if (this.selected && this.view === 'chart') this.ensureVisible(this.selected);
    else if (this.selected) this.window = reveal(this.window, markTime(this.selected), this.bounds);
  }

  /** The event `offset` places away in time order among what the reader sees (or among all). */
  neighbour(from: TimelineEvent, offset: number): TimelineEvent | null {
    const list = this.visible.includes(from) ? this.visible : this.events;
    return list[list.indexOf(from) + offset] ?? null;
  }
}
