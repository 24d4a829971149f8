/**
 * The category confusion matrix at one IoU threshold, image by image; its definition is
 * on `ConfusionMatrix` (types.ts). Cross-category IoUs are asked for only between a false
 * positive and the missed ground truths of other categories in its image.
 */
import type { CategoryId } from '../ids';
import type { Cells } from './cells';
import type { MatchBuffers } from './match';
import { sortByScoreThenIndex } from './numeric';
import type { DtTable, GtTable } from './prepare';
import { DetectionStatus, GroundTruthStatus, type ConfusionMatrix } from './types';

export type ConfusionCounter = {
  readonly K: number;
  /** (K + 1)², row-major, index K background. */
  readonly counts: Int32Array;
  /** Ground truths already paired with a false positive of another category. */
  readonly taken: Uint8Array;
  /** Scratch: one image's false positives. */
  fps: Int32Array;
};

export function confusionCounter(K: number, gtCount: number): ConfusionCounter {
  return {
    K,
    counts: new Int32Array((K + 1) * (K + 1)),
    taken: new Uint8Array(gtCount),
    fps: new Int32Array(64),
  };
}

export type ImageView = {
  readonly cells: Cells;
  readonly gtTable: GtTable;
  readonly dtTable: DtTable;
  /** The image's cells: `list[from .. to)`. */
  readonly list: Int32Array;
};

/**
 * Adds one image to the matrix, from its matches at `threshold`. `iou(dp, gp)` is the
 * IoU of detection dp and (non-crowd) ground truth gp of another category.
 */
export function countImage(
  counter: ConfusionCounter,
  view: ImageView,
  from: number,
  to: number,
  matches: MatchBuffers,
  threshold: number,
  iou: (dp: number, gp: number) => number,
): void {
  const { cells, gtTable: gt, dtTable: dt, list } = view;
  const W = counter.K + 1;
  const bg = counter.K;
  const { counts, taken } = counter;
  let n = 0;
  for (let j = from; j < to; j++) {
    const c = list[j]!;
    for (let s = cells.slotStart[c]!; s < cells.slotStart[c + 1]!; s++) {
      const p = cells.slotDt[s]!;
      const status = matches.dtStatus[p];
      if (status === DetectionStatus.truePositive) counts[dt.category[p]! * (W + 1)]!++;
      else if (status === DetectionStatus.falsePositive) {
        if (n === counter.fps.length) {
          const grown = new Int32Array(2 * n);
          grown.set(counter.fps);
          counter.fps = grown;
        }
        counter.fps[n++] = p;
      }
    }
  }
  // Highest score first, ties in file order (positions are collected unsorted).
  const fps = counter.fps;
  sortByScoreThenIndex(fps, 0, n, dt.score);
  const best = Math.min(threshold, 1 - 1e-10);
  for (let f = 0; f < n; f++) {
    const dp = fps[f]!;
    const kd = dt.category[dp]!;
    let top = best;
    let m = -1;
    for (let j = from; j < to; j++) {
      const c = list[j]!;
      if (cells.category[c] === kd) continue;
      for (let g = cells.gtStart[c]!; g < cells.gtStart[c + 1]!; g++) {
        const gp = cells.gtList[g]!;
        if (taken[gp] === 1 || matches.gtStatus[gp] !== GroundTruthStatus.missed) continue;
        const v = iou(dp, gp);
        // Pairs must overlap at all, whatever the threshold.
        if (!(v > 0) || v < top) continue;
        top = v;
        m = gp;
      }
    }
    if (m >= 0) {
      taken[m] = 1;
      counts[gt.category[m]! * W + kd]!++;
    } else counts[bg * W + kd]!++;
  }
  for (let j = from; j < to; j++) {
    const c = list[j]!;
    for (let g = cells.gtStart[c]!; g < cells.gtStart[c + 1]!; g++) {
      const gp = cells.gtList[g]!;
      if (matches.gtStatus[gp] === GroundTruthStatus.missed && taken[gp] === 0) {
        counts[gt.category[gp]! * W + bg]!++;
      }
    }
  }
}

export function finishConfusion(
  counter: ConfusionCounter,
  threshold: number,
  categoryIds: readonly CategoryId[],
): ConfusionMatrix {
  return { threshold, categoryIds, counts: counter.counts };
}
