/**
 * pycocotools' `accumulate`: per category, area range, maxDets and IoU threshold, the
 * detections of all images sorted by score (stable), cumulative true/false positives,
 * recall = tp / npig, precision = tp / (tp + fp + eps) made monotone from the right, and
 * precision sampled at the 101 recall thresholds (`searchsorted(side='left')`).
 * Each value is the same float operation numpy does, so the arrays are bit-identical;
 * only the values that can be sampled are computed (precision at true positives).
 */
import type { Cells } from './cells';
import { FP, TP, type ImageEvaluation } from './evaluateImages';
import { EPS, sortByScoreDesc } from './numeric';
import type { EvalParams } from './types';

export type Accumulated = {
  /** `[T][R][K][A][M]`, -1 where the category has no ground truth in the area range. */
  readonly precision: Float64Array;
  /** `[T][K][A][M]`. */
  readonly recall: Float64Array;
  /** `[T][R][K][A][M]`: the score at which each precision is reached. */
  readonly scores: Float64Array;
};

/**
 * Yields the share of the categories done, after each category's sort and area ranges (a
 * category of a quarter of the detections, as COCO's person, took ~40 ms in one step).
 */
export function* accumulate(
  cells: Cells,
  images: ImageEvaluation,
  params: EvalParams,
): Generator<number, Accumulated> {
  const T = params.iouThresholds.length;
  const R = params.recallThresholds.length;
  const K = params.categoryIds.length;
  const A = params.areaRanges.length;
  const M = params.maxDets.length;
  const precision = new Float64Array(T * R * K * A * M).fill(-1);
  const recall = new Float64Array(T * K * A * M).fill(-1);
  const scores = new Float64Array(T * R * K * A * M).fill(-1);
  const slots = cells.slotDt.length;
  const recThrs = params.recallThresholds;
  const { verdicts, npig } = images;

  // Buffers sized for the largest category.
  let most = 0;
  for (let k = 0; k < K; k++) {
    const n =
      cells.slotStart[cells.categoryStart[k + 1]!]! - cells.slotStart[cells.categoryStart[k]!]!;
    most = Math.max(most, n);
  }
  const order = new Int32Array(most);
  const kept = new Int32Array(most);
  // Per true positive x (the x-th, in score order): its index j and precision there.
  const tpIndex = new Int32Array(most);
  const tpPrecision = new Float64Array(most);
  const need = new Int32Array(R);
  // Making the arrays (two of ~1M numbers at val2017-scale) is a step of its own.
  yield 0;

  for (let k = 0; k < K; k++) {
    const c0 = cells.categoryStart[k]!;
    const c1 = cells.categoryStart[k + 1]!;
    const first = cells.slotStart[c0]!;
    const n = cells.slotStart[c1]! - first;
    // Slots of category k are its cells' detections in image order, each cell's by score:
    // np.concatenate of the per-image lists. Sorted once; a smaller maxDets keeps a subset
    // in the same (stable) order.
    for (let j = 0; j < n; j++) order[j] = first + j;
    sortByScoreDesc(order, 0, n, cells.slotScore);
    for (let a = 0; a < A; a++) {
      yield (k + a / A) / K;
      const gts = groundTruthsOf(npig, c0, c1, a, A);
      if (gts === 0) continue;
      neededTruePositives(gts, recThrs, need);
      let previous = -1;
      for (let m = 0; m < M; m++) {
        const nd = keepUpTo(order, n, cells.slotRank, params.maxDets[m]!, kept);
        // maxDets ascending: the same count means the same detections as the last one.
        if (m > 0 && nd === previous) {
          copyMaxDet(precision, recall, scores, T, R, K, A, M, k, a, m);
          continue;
        }
        previous = nd;
        for (let t = 0; t < T; t++) {
          const tp = truePositives(verdicts, (a * T + t) * slots, kept, nd, tpIndex, tpPrecision);
          recall[((t * K + k) * A + a) * M + m] = nd > 0 ? tp / gts : 0;
          const at = (((t * R + 0) * K + k) * A + a) * M + m;
          sample(precision, scores, at, K * A * M, need, nd, tp, tpIndex, tpPrecision, kept, cells);
        }
      }
    }
    yield (k + 1) / K;
  }
  return { precision, recall, scores };
}

/*
 * The loops below are small functions of their own, called thousands of times: V8
 * optimizes them after a few calls, where one long function running once would be
 * optimized on the fly and thrown back to the interpreter at each path not yet taken.
 */

/** Ground truths of category cells `[c0, c1)` not ignored in area range a. */
function groundTruthsOf(npig: Int32Array, c0: number, c1: number, a: number, A: number): number {
  let gts = 0;
  for (let c = c0; c < c1; c++) gts += npig[c * A + a]!;
  return gts;
}

/** The slots of `order[0 .. n)` of rank below maxDet, in order, into `kept`; their count. */
function keepUpTo(
  order: Int32Array,
  n: number,
  rank: Int32Array,
  maxDet: number,
  kept: Int32Array,
): number {
  let nd = 0;
  for (let j = 0; j < n; j++) {
    const s = order[j]!;
    if (rank[s]! < maxDet) kept[nd++] = s;
  }
  return nd;
}

/**
 * Walks the kept slots' verdicts (from `verdicts[v0 + slot]`) in score order: the x-th
 * true positive's index j and precision there, made monotone from the right (past a true
 * positive precision only falls until the next one, so the maxima sit at true positives).
 * Returns the number of true positives.
 */
function truePositives(
  verdicts: Uint8Array,
  v0: number,
  kept: Int32Array,
  nd: number,
  tpIndex: Int32Array,
  tpPrecision: Float64Array,
): number {
  let tp = 0;
  let fp = 0;
  for (let j = 0; j < nd; j++) {
    const v = verdicts[v0 + kept[j]!]!;
    if (v === TP) {
      tp++;
      tpIndex[tp - 1] = j;
      tpPrecision[tp - 1] = tp / (fp + tp + EPS);
    } else if (v === FP) fp++;
  }
  for (let x = tp - 2; x >= 0; x--) {
    if (tpPrecision[x + 1]! > tpPrecision[x]!) tpPrecision[x] = tpPrecision[x + 1]!;
  }
  return tp;
}

/** Precision and score at each recall threshold r, written at `at + r * stride`. */
function sample(
  precision: Float64Array,
  scores: Float64Array,
  at: number,
  stride: number,
  need: Int32Array,
  nd: number,
  tp: number,
  tpIndex: Int32Array,
  tpPrecision: Float64Array,
  kept: Int32Array,
  cells: Cells,
): void {
  for (let r = 0; r < need.length; r++, at += stride) {
    // searchsorted(rc, thr, 'left'): the first index where tp / gts ≥ thr.
    const x = need[r]!;
    if (nd === 0 || x > tp) {
      precision[at] = 0;
      scores[at] = 0;
    } else {
      const j = x === 0 ? 0 : tpIndex[x - 1]!;
      precision[at] = tp === 0 ? 0 : tpPrecision[x === 0 ? 0 : x - 1]!;
      scores[at] = cells.slotScore[kept[j]!]!;
    }
  }
}

/** For each recall threshold, the fewest true positives v with v / gts ≥ threshold. */
function neededTruePositives(gts: number, thresholds: Float64Array, out: Int32Array): void {
  for (let r = 0; r < thresholds.length; r++) {
    const thr = thresholds[r]!;
    let v = Math.min(gts, Math.max(0, Math.ceil(thr * gts)));
    while (v > 0 && (v - 1) / gts >= thr) v--;
    while (v < gts && v / gts < thr) v++;
    out[r] = v / gts >= thr ? v : gts + 1;
  }
}

/** Results of maxDets index m - 1 copied to m (for category k, area a). */
function copyMaxDet(
  precision: Float64Array,
  recall: Float64Array,
  scores: Float64Array,
  T: number,
  R: number,
  K: number,
  A: number,
  M: number,
  k: number,
  a: number,
  m: number,
): void {
  for (let t = 0; t < T; t++) {
    const at = ((t * K + k) * A + a) * M + m;
    recall[at] = recall[at - 1]!;
    for (let r = 0; r < R; r++) {
      const p = (((t * R + r) * K + k) * A + a) * M + m;
      precision[p] = precision[p - 1]!;
      scores[p] = scores[p - 1]!;
    }
  }
}
