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
 * be taken again), preferring any regular gt to an ignored one. `s.match[d]` is the
 * ordered gt index matched to slot d, or -1.
 */
export function matchCell(cells: Cells, c: number, t: number, s: MatchScratch): void {
  const D = cells.slotStart[c + 1]! - cells.slotStart[c]!;
  const G = cells.gtStart[c + 1]! - cells.gtStart[c]!;
  const { order, ignore, crowd, taken, match } = s;
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
    match[d] = m;
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

/** Yields the share of the cells done, every 1024 cells. */
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
  const verdicts = new Uint8Array(A * T * slots);
  const npig = new Int32Array(cells.count * A);
  const s = matchScratch(cells);
  for (let c = 0; c < cells.count; c++) {
    const s0 = cells.slotStart[c]!;
    const D = cells.slotStart[c + 1]! - s0;
    const G = cells.gtStart[c + 1]! - cells.gtStart[c]!;
    for (let a = 0; a < A; a++) {
      const range = areaRanges[a]!;
      npig[c * A + a] = orderGroundTruths(cells, gt, c, range, s);
      for (let t = 0; t < T; t++) {
        const out = (a * T + t) * slots + s0;
        if (G > 0 && D > 0) matchCell(cells, c, iouThresholds[t]!, s);
        for (let d = 0; d < D; d++) {
          const area = dt.area[cells.slotDt[s0 + d]!]!;
          const outside = area < range.min || area > range.max;
          verdicts[out + d] = verdict(G > 0 ? s.match[d]! : -1, cells, c, s, gt, outside);
        }
      }
    }
    if ((c & 1023) === 1023) yield (c + 1) / cells.count;
  }
  return { verdicts, npig };
}
