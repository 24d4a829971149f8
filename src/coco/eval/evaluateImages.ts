/**
 * pycocotools' `evaluateImg` for every cell, area range and IoU threshold: the greedy
 * matching, and each evaluated detection's verdict (true positive, false positive or
 * ignored), which is all `accumulate` needs.
 */
import type { Cells } from './cells';
import type { DtTable, GtTable } from './prepare';
import type { AreaRange } from './types';

/** A slot's verdict at one area range and threshold. */
export const FP = 0;
export const TP = 1;
export const IGNORED = 2;

/** Reusable per-cell buffers, sized for the largest cell. */
export type MatchScratch = {
  order: Int32Array;
  ignore: Uint8Array;
  crowd: Uint8Array;
  taken: Uint8Array;
  match: Int32Array;
};

export function matchScratch(cells: Cells): MatchScratch {
  let maxG = 0;
  let maxD = 0;
  for (let c = 0; c < cells.count; c++) {
    maxG = Math.max(maxG, cells.gtStart[c + 1]! - cells.gtStart[c]!);
    maxD = Math.max(maxD, cells.slotStart[c + 1]! - cells.slotStart[c]!);
  }
  return {
    order: new Int32Array(maxG),
    ignore: new Uint8Array(maxG),
    crowd: new Uint8Array(maxG),
    taken: new Uint8Array(maxG),
    match: new Int32Array(maxD),
  };
}

/**
 * Orders cell c's ground truths for area range `range` as `evaluateImg` does: the
 * non-ignored first, each group in file order. Fills `order` (local gt indices),
 * `ignore` and `crowd` in that order; returns how many are not ignored.
 */
export function orderGroundTruths(
  cells: Cells,
  gt: GtTable,
  c: number,
  range: AreaRange,
  s: MatchScratch,
): number {
  const g0 = cells.gtStart[c]!;
  const G = cells.gtStart[c + 1]! - g0;
  let kept = 0;
  for (let g = 0; g < G; g++) if (!ignoredIn(gt, cells.gtList[g0 + g]!, range)) kept++;
  let front = 0;
  let back = kept;
  for (let g = 0; g < G; g++) {
    const p = cells.gtList[g0 + g]!;
    const ig = ignoredIn(gt, p, range);
    const at = ig ? back++ : front++;
    s.order[at] = g;
    s.ignore[at] = ig ? 1 : 0;
    s.crowd[at] = gt.crowd[p]!;
  }
  return kept;
}

function ignoredIn(gt: GtTable, p: number, range: AreaRange): boolean {
  const area = gt.area[p]!;
  return gt.ignore[p] === 1 || area < range.min || area > range.max;
}

/**
 * The greedy matching of cell c at IoU threshold `t`, after `orderGroundTruths`: each
 * detection, best score first, takes the gt of highest IoU ≥ t not yet taken (crowds can
 * be taken again), preferring any regular gt to an ignored one. `match[at + d]` (by
 * default `s.match[d]`) is the ordered gt index matched to slot d, or -1.
 */
export function matchCell(
  cells: Cells,
  c: number,
  t: number,
  s: MatchScratch,
  match: Int32Array = s.match,
  at = 0,
): void {
  const D = cells.slotStart[c + 1]! - cells.slotStart[c]!;
  const G = cells.gtStart[c + 1]! - cells.gtStart[c]!;
  const { order, ignore, crowd, taken } = s;
  const ious = cells.ious;
  const base = cells.iouStart[c]!;
  taken.fill(0, 0, G);
  for (let d = 0; d < D; d++) {
    let best = Math.min(t, 1 - 1e-10);
    let m = -1;
    const row = base + d * G;
    for (let g = 0; g < G; g++) {
      if (taken[g] === 1 && crowd[g] === 0) continue;
      if (m > -1 && ignore[m] === 0 && ignore[g] === 1) break;
      const iou = ious[row + order[g]!]!;
      if (iou < best) continue;
      best = iou;
      m = g;
    }
    match[at + d] = m;
    if (m >= 0) taken[m] = 1;
  }
}

/**
 * A slot's verdict from its match: a detection matched to an ignored gt is ignored; an
 * unmatched one is ignored when its area is outside the range. pycocotools stores the
 * matched gt's *id*, so a match to a gt with id 0 reads as no match (a false positive).
 */
export function verdict(
  m: number,
  cells: Cells,
  c: number,
  s: MatchScratch,
  gt: GtTable,
  outside: boolean,
): number {
  if (m >= 0) {
    if (s.ignore[m] === 1) return IGNORED;
    if (gt.idZero[cells.gtList[cells.gtStart[c]! + s.order[m]!]!] === 0) return TP;
  }
  return outside ? IGNORED : FP;
}

/** Every slot's verdict per area range and threshold, and each cell's non-ignored gt count. */
export type ImageEvaluation = {
  /** `verdicts[(a * T + t) * slots + s]`. */
  readonly verdicts: Uint8Array;
  /** `npig[c * A + a]`: ground truths of cell c not ignored in area range a. */
  readonly npig: Int32Array;
};

/**
 * Yields the share of the cells done, every 1024 cells.
 *
 * A cell is matched once per distinct matching, not A × T times. The greedy matching
 * depends only on the gts' order and flags and on which pairs are eligible (IoU ≥ the
 * threshold, see `thresholdClasses`): thresholds between which no IoU lies match alike,
 * and area ranges that ignore the same gts order them alike (their matches are the
 * same; only the unmatched detections' verdicts differ, by their own area).
 */
export function* evaluateImages(
  cells: Cells,
  gt: GtTable,
  dt: DtTable,
  areaRanges: readonly AreaRange[],
  iouThresholds: Float64Array,
): Generator<number, ImageEvaluation> {
  const A = areaRanges.length;
  const T = iouThresholds.length;
  const slots = cells.slotDt.length;
  const s = matchScratch(cells);
  const maxD = s.match.length;
  const maxG = s.order.length;
  const work: CellWork = {
    cells,
    gt,
    dt,
    areaRanges,
    iouThresholds,
    s,
    verdicts: new Uint8Array(A * T * slots),
    npig: new Int32Array(cells.count * A),
    matches: new Int32Array(A * T * maxD),
    ignoredBy: new Uint8Array(A * maxG),
    sameAs: new Int32Array(A),
    classOf: new Int32Array(T),
    bounds: thresholdBounds(iouThresholds),
  };
  for (let c = 0; c < cells.count; c++) {
    evaluateCell(work, c);
    if ((c & 255) === 255) yield (c + 1) / cells.count;
  }
  return { verdicts: work.verdicts, npig: work.npig };
}

/** What `evaluateCell` reads and writes, and its scratch. */
type CellWork = {
  readonly cells: Cells;
  readonly gt: GtTable;
  readonly dt: DtTable;
  readonly areaRanges: readonly AreaRange[];
  readonly iouThresholds: Float64Array;
  readonly s: MatchScratch;
  readonly verdicts: Uint8Array;
  readonly npig: Int32Array;
  /** Matches of each area range's pattern and threshold class: `[(a * T + t) * maxD + d]`. */
  readonly matches: Int32Array;
  /** Each area range's ignore flags in file order, to find ranges that ignore alike. */
  readonly ignoredBy: Uint8Array;
  readonly sameAs: Int32Array;
  readonly classOf: Int32Array;
  readonly bounds: Float64Array;
};

/** Cell c's non-ignored gt counts and its slots' verdicts, at every area range and threshold. */
function evaluateCell(w: CellWork, c: number): void {
  const { cells, gt, areaRanges, iouThresholds, s, matches, sameAs, classOf } = w;
  const A = areaRanges.length;
  const T = iouThresholds.length;
  const maxD = s.match.length;
  const D = cells.slotStart[c + 1]! - cells.slotStart[c]!;
  const G = cells.gtStart[c + 1]! - cells.gtStart[c]!;
  if (G > 0 && D > 0) thresholdClasses(cells, c, w.bounds, classOf);
  for (let a = 0; a < A; a++) {
    const range = areaRanges[a]!;
    w.npig[c * A + a] = orderGroundTruths(cells, gt, c, range, s);
    if (D === 0) continue;
    if (G > 0) {
      sameAs[a] = sameIgnored(cells, gt, c, range, w.ignoredBy, s.order.length, a);
      if (sameAs[a] === a) {
        for (let t = 0; t < T; t++) {
          if (classOf[t] === t)
            matchCell(cells, c, iouThresholds[t]!, s, matches, (a * T + t) * maxD);
        }
      }
    }
    writeVerdicts(w, c, a, G > 0);
  }
}

/** The verdicts of cell c's slots at area range a, every threshold, from the matches. */
function writeVerdicts(w: CellWork, c: number, a: number, matched: boolean): void {
  const { cells, gt, dt, s, matches, classOf, verdicts } = w;
  const range = w.areaRanges[a]!;
  const T = w.iouThresholds.length;
  const maxD = s.match.length;
  const slots = cells.slotDt.length;
  const s0 = cells.slotStart[c]!;
  const D = cells.slotStart[c + 1]! - s0;
  const from = w.sameAs[a]! * T;
  for (let d = 0; d < D; d++) {
    const area = dt.area[cells.slotDt[s0 + d]!]!;
    const outside = area < range.min || area > range.max;
    let v = outside ? IGNORED : FP;
    for (let t = 0; t < T; t++) {
      // A threshold of the class before it has its verdict.
      if (matched && classOf[t] === t) {
        v = verdict(matches[(from + t) * maxD + d]!, cells, c, s, gt, outside);
      }
      verdicts[(a * T + t) * slots + s0 + d] = v;
    }
  }
}

/**
 * What `matchCell` compares IoUs with at each threshold: `min(t, 1 - 1e-10)`; all NaN
 * (no two thresholds share a class) unless the thresholds ascend, as COCO's do.
 */
function thresholdBounds(iouThresholds: Float64Array): Float64Array {
  const ascending = iouThresholds.every((t, i) => i === 0 || t > iouThresholds[i - 1]!);
  return iouThresholds.map((t) => (ascending ? Math.min(t, 1 - 1e-10) : NaN));
}

/**
 * `classOf[t]`: the first threshold whose eligible pairs (`!(iou < bound)`, so a NaN is
 * eligible at every threshold, as in `matchCell`) are those of threshold t. The sets
 * shrink as thresholds rise, so t starts a class of its own exactly when some IoU lies
 * in `[bound[t - 1], bound[t])`.
 */
function thresholdClasses(cells: Cells, c: number, bounds: Float64Array, classOf: Int32Array) {
  const T = bounds.length;
  classOf.fill(0);
  const lo = bounds[0]!;
  const hi = bounds[T - 1]!;
  if (Number.isNaN(lo)) {
    for (let t = 0; t < T; t++) classOf[t] = t;
    return;
  }
  const from = cells.iouStart[c]!;
  const to = cells.iouStart[c + 1]!;
  for (let j = from; j < to; j++) {
    const iou = cells.ious[j]!;
    if (iou < lo || !(iou < hi)) continue;
    let t = 1;
    while (!(iou < bounds[t]!)) t++;
    classOf[t] = 1;
  }
  for (let t = 1; t < T; t++) classOf[t] = classOf[t] === 1 ? t : classOf[t - 1]!;
}

/**
 * The first area range (≤ a) that ignores the same gts of cell c as range `range` (a),
 * after recording a's flags in `ignoredBy[a * stride ..]`.
 */
function sameIgnored(
  cells: Cells,
  gt: GtTable,
  c: number,
  range: AreaRange,
  ignoredBy: Uint8Array,
  stride: number,
  a: number,
): number {
  const g0 = cells.gtStart[c]!;
  const G = cells.gtStart[c + 1]! - g0;
  const own = a * stride;
  for (let g = 0; g < G; g++)
    ignoredBy[own + g] = ignoredIn(gt, cells.gtList[g0 + g]!, range) ? 1 : 0;
  for (let b = 0; b < a; b++) {
    let g = 0;
    while (g < G && ignoredBy[b * stride + g] === ignoredBy[own + g]) g++;
    if (g === G) return b;
  }
  return a;
}
