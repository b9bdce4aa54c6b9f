import { parseCivilDate } from '../data/dates.ts';
import { KINDS, type Kind } from '../data/types.ts';
import { NO_FILTERS, type Filters } from '../query/filters.ts';
import { isLang, type Lang } from '../../i18n/i18n.svelte.ts';

export const LAYOUTS = ['time', 'thread', 'kind'] as const;
export type LayoutMode = (typeof LAYOUTS)[number];
export const VIEWS = ['chart', 'list'] as const;
export const THEMES = ['auto', 'light', 'dark', 'contrast'] as const;
export type Theme = (typeof THEMES)[number];
export type ViewMode = (typeof VIEWS)[number];

/** Everything the URL can say about the view; a link reproduces exactly what the reader sees. */
export interface ViewState {
  filters: Filters;
  /** The time window as calendar dates (inclusive), or null for the whole dataset. */
  from: string | null;
  to: string | null;
  event: string | null;
  layout: LayoutMode;
  view: ViewMode;
  /** The language the reader chose; null follows the browser's. */
  lang: Lang | null;
  /** Colour theme; `auto` follows the reader's system setting. */
  theme: Theme;
  /** Presentation mode, the guided tour (if any) and the 1-based step shown. */
  present: boolean;
  tour: string | null;
  step: number | null;
}

export const DEFAULT_VIEW: ViewState = { filters: NO_FILTERS, from: null, to: null, event: null, layout: 'time', view: 'chart', lang: null, theme: 'auto', present: false, tour: null, step: null };

/** The parameters this module owns; any others in the URL (e.g. `data`, `childId`) are left alone. */
export const VIEW_KEYS = ['q', 'kind', 'thread', 'person', 'court', 'place', 'from', 'to', 'layout', 'view', 'event', 'lang', 'theme', 'present', 'tour', 'step'] as const;

const MAX_TEXT = 200;

/** A single-line, length-capped text value; control characters are not part of any query. */
function cleanText(v: string | null): string {
  if (v === null) return '';
  return Array.from(v.replace(/[\u0000-\u001f\u007f]/g, ' ').trim()).slice(0, MAX_TEXT).join('').trim();
}

function oneOf<T extends string>(list: readonly T[], v: string | null, fallback: T): T {
  return list.includes(v as T) ? (v as T) : fallback;
}

/**
 * Total: any query string yields a valid state and nothing throws. Unknown keys and bad
 * values are ignored, a reversed date range is swapped, and kinds are put in canonical order.
 */
export function parseViewState(search: string): ViewState {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return DEFAULT_VIEW;
  }
  const kindParam = params.get('kind') ?? '';
  const asked = new Set(kindParam.split(',').map((k) => k.trim()));
  const kinds = KINDS.filter((k) => asked.has(k)) as Kind[];
  let from = parseCivilDate(params.get('from') ?? '') ? params.get('from') : null;
  let to = parseCivilDate(params.get('to') ?? '') ? params.get('to') : null;
  if (from && to && parseCivilDate(from)!.start > parseCivilDate(to)!.start) [from, to] = [to, from];
  const event = cleanText(params.get('event'));
  return {
    filters: {
      q: cleanText(params.get('q')),
      kinds,
      thread: cleanText(params.get('thread')),
      person: cleanText(params.get('person')),
      court: cleanText(params.get('court')),
      place: cleanText(params.get('place')),
    },
    from,
    to,
    event: event || null,
    layout: oneOf(LAYOUTS, params.get('layout'), 'time'),
    view: oneOf(VIEWS, params.get('view'), 'chart'),
    lang: isLang(params.get('lang')) ? (params.get('lang') as Lang) : null,
    theme: oneOf(THEMES, params.get('theme'), 'auto'),
    present: params.get('present') === '1',
    tour: cleanText(params.get('tour')) || null,
    step: /^[1-9]\d{0,6}$/.test(params.get('step') ?? '') ? Number(params.get('step')) : null,
  };
}

/** Canonical query parameters for a state: defaults are left out, order is fixed. */
export function serializeViewState(s: ViewState): URLSearchParams {
  const p = new URLSearchParams();
  const f = s.filters;
  if (f.q) p.set('q', f.q);
  if (f.kinds.length) p.set('kind', KINDS.filter((k) => f.kinds.includes(k)).join(','));
  if (f.thread) p.set('thread', f.thread);
  if (f.person) p.set('person', f.person);
  if (f.court) p.set('court', f.court);
  if (f.place) p.set('place', f.place);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.layout !== 'time') p.set('layout', s.layout);
  if (s.view !== 'chart') p.set('view', s.view);
  if (s.event) p.set('event', s.event);
  if (s.lang) p.set('lang', s.lang);
  if (s.theme !== 'auto') p.set('theme', s.theme);
  if (s.present) p.set('present', '1');
  if (s.tour) p.set('tour', s.tour);
  if (s.step !== null) p.set('step', String(s.step));
  return p;
}

/** The page URL for a state, keeping parameters this module does not own (such as `data`). */
export function urlForState(current: string, s: ViewState): string {
  const url = new URL(current);
  const keep = [...url.searchParams].filter(([k]) => !(VIEW_KEYS as readonly string[]).includes(k));
  const params = new URLSearchParams(keep);
  for (const [k, v] of serializeViewState(s)) params.append(k, v);
  const query = params.toString();
  url.search = query ? `?${query}` : '';
  return url.href;
}
