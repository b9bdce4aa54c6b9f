import type { Problem } from '../types.ts';
import { MAX_EVENTS, tooManyEvents } from '../validate.ts';
import { readHeader } from './columns.ts';
import { fromCSV, parseCSV } from './csv.ts';
import { fromTimelineJS, isTimelineJS } from './timelinejs.ts';
import type { Era, Format } from './types.ts';

export type Detected =
  | {
    /** Our format's shape, for validateDataset. */
    raw: unknown;
    format: Format;
    /** What the conversion noticed or left out; `where` is "row 7" or "events[3]" in the input. */
    problems: Problem[];
    eras: Era[];
    /** For converted files: where each of raw.events came from, to relabel the validator's problems. */
    origins?: string[];
  }
  | { error: string };

/** "text/csv", "events.csv?v=2", "application/json", "data.json" → what the sender says it is. */
function hinted(contentTypeOrName: string | undefined): 'csv' | 'json' | undefined {
  const s = (contentTypeOrName ?? '').toLowerCase();
  if (/^(text|application)\/csv\b/.test(s) || /\.csv(?:[?#]|$)/.test(s)) return 'csv';
  if (/^application\/([\w.-]+\+)?json\b/.test(s) || /\.json(?:[?#]|$)/.test(s)) return 'json';
  return undefined;
}

function csv(body: string): Detected {
  const result = fromCSV(body);
  if ('error' in result) return result;
  return { raw: result.dataset, format: 'csv', problems: result.problems, eras: result.eras, origins: result.origins };
}

/**
 * Decides what a data file is by reading it, not by trusting its name: JSON in our shape, or in
 * TimelineJS's (converted), or a CSV whose first row names known columns (converted). The name or
 * content type only breaks ties and picks the error message. Never throws.
 */
export function toNativeDataset(body: string, contentTypeOrName?: string): Detected {
  // A UTF-8 BOM is legal in a file saved by many editors but not in JSON.parse.
  const text = body.replace(/^\uFEFF/, '');
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'The data file is empty.' };
  const hint = hinted(contentTypeOrName);
  if (hint === 'csv') return csv(text);
  if (trimmed.startsWith('<')) return { error: 'The data file is a web page, not JSON or CSV (is the address right?).' };

  let raw: unknown;
  try {
    raw = JSON.parse(trimmed);
  } catch (e) {
    const jsonError = { error: `The data file is not valid JSON (${e instanceof Error ? e.message : 'parse error'}).` };
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) return jsonError;
    // Only the header row decides; fromCSV reads the whole file once, below.
    if ('error' in readHeader(parseCSV(text, 1).rows[0] ?? [])) {
      if (hint === 'json') return jsonError;
      return { error: `The data file is neither JSON nor a CSV with known column names (its first line begins "${trimmed.split(/\r?\n/)[0]!.slice(0, 60)}").` };
    }
    return csv(text);
  }
  if (isTimelineJS(raw)) {
    const slides = (raw.events as unknown[] | undefined)?.length ?? 0;
    if (slides > MAX_EVENTS) return { error: tooManyEvents(slides) };
    const result = fromTimelineJS(raw)!;
    return { raw: result.dataset, format: 'timelinejs', problems: result.problems, eras: result.eras, origins: result.origins };
  }
  // Anything else that parsed as JSON is ours to judge: validateDataset explains what is wrong.
  return { raw, format: 'native', problems: [], eras: [] };
}
