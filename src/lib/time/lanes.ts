/**
 * Stacks marks into lanes so that none overlap. Items arrive in time order with their pixel
 * extent with and without a label; an item gets its label when a lane among the first
 * `labelLanes` has room for it, otherwise it is placed as a bare mark in the first lane with
 * room (adding lanes as needed, so marks never overlap). Pure and O(n · lanes).
 */
export interface LaneInput {
  /** Left edge of the mark. */
  x0: number;
  /** Right edge of the mark alone. */
  x1: number;
  /** Right edge of the mark plus its label; absent for items that never carry one (clusters). */
  x1Label?: number;
}

export interface LaneResult {
  lane: number;
  labelled: boolean;
}

export function assignLanes(items: readonly LaneInput[], labelLanes: number, gap = 4): { placed: LaneResult[]; lanes: number } {
  const ends: number[] = [];
  const placed = items.map((it) => {
    if (it.x1Label !== undefined) {
      for (let lane = 0; lane < labelLanes; lane++) {
        if ((ends[lane] ?? -Infinity) + gap <= it.x0) {
          ends[lane] = it.x1Label;
          return { lane, labelled: true };
        }
      }
    }
    let lane = 0;
    while ((ends[lane] ?? -Infinity) + gap > it.x0) lane++;
    ends[lane] = it.x1;
    return { lane, labelled: false };
  });
  return { placed, lanes: ends.length };
}
