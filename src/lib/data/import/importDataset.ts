import type { Dataset, Problem } from '../types.ts';
import { validateDataset } from '../validate.ts';
import { toNativeDataset } from './detect.ts';
import type { Era, Format } from './types.ts';

export type ImportOutcome =
  | { ok: true; dataset: Dataset; problems: Problem[]; format: Format; eras: Era[] }
  | { ok: false; message: string };

/**
 * Detects, converts and validates a data file: what the app and the validator script use. The
 * validator's `events[i]` means the i-th converted event, which is not where a reader of the
 * CSV looks, so its problems are relabelled with the row (or TimelineJS slide) it came from.
 */
export function importDataset(body: string, contentTypeOrName?: string): ImportOutcome {
  const detected = toNativeDataset(body, contentTypeOrName);
  if ('error' in detected) return { ok: false, message: detected.error };
  const result = validateDataset(detected.raw);
  if (!result.ok) return result;
  const origins = detected.origins;
  const relabel = (p: Problem): Problem => {
    const n = origins && /^events\[(\d+)\]$/.exec(p.where)?.[1];
    const where = n ? origins[Number(n)] : undefined;
    return where ? { ...p, where } : p;
  };
  return {
    ok: true,
    dataset: result.dataset,
    problems: [...detected.problems, ...result.problems.map(relabel)],
    format: detected.format,
    eras: detected.eras,
  };
}
