import { loadDataset, parseDataset, resolveDataUrl, type LoadResult } from './load.ts';
import { DATA_SCRIPT_PATH, isOpaqueOrigin, loadDataScript } from './scriptData.ts';
import { validateTours, type Tour } from './tours.ts';
import type { Problem } from './types.ts';

export interface PageData {
  /** Where the data came from (for the About panel's download link). */
  dataUrl: string;
  result: LoadResult;
  tours: { tours: Tour[]; problems: Problem[] } | null;
}

/** JSON carried in the page itself (the offline copy), or null. */
function inlineJson(id: string): string | null {
  const el = typeof document === 'undefined' ? null : document.getElementById(id);
  return el && el.getAttribute('type') === 'application/json' ? (el.textContent ?? '') : null;
}

/** Tours are optional: no file means no tours; a bad file is reported, never fatal. */
async function loadTours(href: string, ids: ReadonlySet<string>, fetchFn: typeof fetch) {
  try {
    const response = await fetchFn(href, { credentials: 'same-origin' });
    if (!response.ok) return null;
    return validateTours(JSON.parse((await response.text()).replace(/^\uFEFF/, '')), ids);
  } catch {
    return { tours: [], problems: [{ where: 'tours.json', field: '(file)', message: 'is not valid JSON; no tours', skipped: true }] };
  }
}

/**
 * The page's data and tours, from wherever this copy of the page keeps them: `?data=` (same
 * origin only), the page itself (the offline copy), data/events.js (a sandboxed frame with an
 * opaque origin, where fetch needs CORS), or data/events.json next to the page.
 */
export async function loadPageData(pageUrl: string, fetchFn: typeof fetch, signal: AbortSignal): Promise<PageData | { error: string }> {
  const param = new URL(pageUrl).searchParams.get('data');
  const target = resolveDataUrl(param, pageUrl);
  if ('error' in target) return target;
  const bundled = !param;
  const inline = bundled ? inlineJson('timeline-data') : null;
  const result =
    inline !== null
      ? await parseDataset(inline)
      : bundled && isOpaqueOrigin()
        ? await loadDataScript(new URL(DATA_SCRIPT_PATH, pageUrl).href)
        : await loadDataset(target.url, fetchFn, signal);
  if (!result.ok) return { dataUrl: target.url, result, tours: null };
  const ids = new Set(result.dataset.events.map((e) => e.id));
  const inlineTours = inline !== null ? inlineJson('timeline-tours') : null;
  const tours =
    inlineTours !== null
      ? validateTours(JSON.parse(inlineTours), ids)
      : bundled && inline === null && !isOpaqueOrigin()
        ? await loadTours(new URL('data/tours.json', pageUrl).href, ids, fetchFn)
        : null;
  return { dataUrl: target.url, result, tours };
}
