import { validateDataset } from './validate.ts';
import type { LoadResult } from './load.ts';

/**
 * In a sandboxed iframe without allow-same-origin the page has an opaque origin, and fetch()
 * of its own data file is a cross-origin request that most static hosts refuse (no CORS
 * headers). A classic <script src> is not subject to CORS, so the build also writes the bundled
 * data as data/events.js, which assigns it to this global.
 */
export const SCRIPT_DATA_GLOBAL = '__DEPORTATION_TIMELINE_DATA__';
export const DATA_SCRIPT_PATH = 'data/events.js';

export const isOpaqueOrigin = () => typeof window !== 'undefined' && window.origin === 'null';

export function loadDataScript(url: string): Promise<LoadResult> {
  return new Promise((resolve) => {
    const el = document.createElement('script');
    el.src = url;
    el.onload = () => {
      const raw = (globalThis as Record<string, unknown>)[SCRIPT_DATA_GLOBAL];
      el.remove();
      resolve(raw === undefined ? { ok: false, message: 'The data script did not contain a dataset.' } : validateDataset(raw));
    };
    el.onerror = () => {
      el.remove();
      resolve({ ok: false, message: 'The data file could not be loaded in this sandboxed frame. Ask the host page to allow same-origin access, or use the bundled data.' });
    };
    document.head.append(el);
  });
}
