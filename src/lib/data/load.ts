import { isObj } from './coerce.ts';
import { validateDataset } from './validate.ts';
import type { Dataset, Problem } from './types.ts';

export const DEFAULT_DATA_PATH = 'data/events.json';

/**
 * Where to fetch the dataset from. `?data=` may point anywhere on the page's own origin
 * (relative paths resolve against the page, so a sub-path install works); any other origin
 * is refused before a request is made, so a crafted link cannot make readers' browsers
 * fetch or display someone else's file.
 */
export function resolveDataUrl(param: string | null, pageUrl: string): { url: string } | { error: string } {
  const page = new URL(pageUrl);
  if (param === null || param.trim() === '') return { url: new URL(DEFAULT_DATA_PATH, page).href };
  let url: URL;
  try {
    url = new URL(param.trim(), page);
  } catch {
    return { error: `The data address "${param}" is not a valid address.` };
  }
  if (url.origin !== page.origin) {
    return { error: `Data can only be loaded from this site (${page.origin}); "${param}" is on another site and was not loaded.` };
  }
  return { url: url.href };
}

/** Larger files would freeze a phone; a newsroom's real data is far below these. */
export const MAX_BYTES = 100 * 1024 * 1024;
export const LOAD_TIMEOUT_MS = 20_000;

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export type LoadResult =
  | { ok: true; dataset: Dataset; problems: Problem[] }
  | { ok: false; message: string };

/**
 * Fetches and validates; never throws, so the app can always show either data or an error.
 * A request that takes longer than `timeoutMs` is abandoned with a message saying so.
 */
export async function loadDataset(
  url: string,
  fetchFn: typeof fetch = fetch,
  signal?: AbortSignal,
  timeoutMs = LOAD_TIMEOUT_MS,
): Promise<LoadResult> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const abort = () => timeout.abort();
  signal?.addEventListener('abort', abort);
  let body: string;
  try {
    const response = await fetchFn(url, { signal: timeout.signal, credentials: 'same-origin' });
    if (!response.ok) {
      return { ok: false, message: `The data file could not be loaded (HTTP ${response.status}${response.statusText ? ' ' + response.statusText : ''}).` };
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > MAX_BYTES) return tooBig(declared);
    body = await response.text();
  } catch {
    if (timeout.signal.aborted && !signal?.aborted) {
      return { ok: false, message: `The data file did not arrive within ${Math.round(timeoutMs / 1000)} seconds. The connection may be slow or the server may be down.` };
    }
    return { ok: false, message: signal?.aborted ? 'Loading the data was interrupted.' : 'The data file could not be loaded: the network request failed or was cut off.' };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
  // Characters, not bytes, but close enough for a cap that exists to protect the reader.
  if (body.length > MAX_BYTES) return tooBig(body.length);
  return parseDataset(body, url);
}


function tooBig(size: number): LoadResult {
  return { ok: false, message: `The data file is too large to show (${megabytes(size)}; the limit is ${megabytes(MAX_BYTES)}).` };
}

/** Our own format, recognisably: validated at once, without loading the importers. */
function looksNative(raw: unknown): boolean {
  if (!isObj(raw) || !Array.isArray(raw.events) || isObj(raw.title)) return false;
  return !raw.events.some((e) => isObj(e) && isObj(e.start_date));
}

/**
 * Our JSON, TimelineJS JSON or a CSV in TimelineJS's spreadsheet layout or with our column
 * names: detected by reading the file, converted, then validated like any native file. Our own
 * JSON is the common case; the importers load only for anything else, so the first draw does
 * not pay for them.
 */
export async function parseDataset(body: string, nameOrType?: string): Promise<LoadResult> {
  // A UTF-8 BOM is legal in a file saved by many editors but not in JSON.parse.
  const text = body.replace(/^\uFEFF/, '');
  if (!/\.csv(?:[?#]|$)/i.test(nameOrType ?? '') && text.trimStart().startsWith('{')) {
    try {
      const raw: unknown = JSON.parse(text);
      if (looksNative(raw)) return validateDataset(raw);
    } catch {
      // Not JSON after all: the importer says what it is instead.
    }
  }
  const { importDataset } = await import('./import/importDataset.ts');
  const result = importDataset(body, nameOrType);
  return result.ok ? { ok: true, dataset: result.dataset, problems: result.problems } : result;
}
