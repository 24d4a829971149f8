/**
 * The image × category "cells" pycocotools evaluates (`_gts[imgId, catId]` and
 * `_dts[imgId, catId]`), in one compact CSR layout. Only cells holding a ground truth or a
 * detection exist; they are ordered by category, then image (pycocotools' `evalImgs`
 * order), so a category's detections are one contiguous run of slots.
 *
 * A slot is an evaluated detection: within its cell, detections are sorted by score
 * (highest first, ties in file order: `np.argsort(-score, kind='mergesort')`) and cut at
 * the last maxDets; slot s holds the detection of rank `slotRank[s]` in its cell.
 */
import { sortByScoreDesc } from './numeric';
import type { DtTable, GtTable } from './prepare';

export type Cells = {
  readonly count: number;
  readonly category: Int32Array;
  readonly image: Int32Array;
  /** Cells of category k: `[categoryStart[k], categoryStart[k + 1])`. */
  readonly categoryStart: Int32Array;
  /** Ground truths of cell c, in file order: `gtList[gtStart[c] .. gtStart[c + 1])`. */
  readonly gtStart: Int32Array;
  readonly gtList: Int32Array;
  /** Slots of cell c: `[slotStart[c], slotStart[c + 1])`. */
  readonly slotStart: Int32Array;
  /** Detection position of each slot. */
  readonly slotDt: Int32Array;
  readonly slotScore: Float64Array;
  readonly slotRank: Int32Array;
  /** The slot of each detection position, -1 when not evaluated. */
  readonly dtSlot: Int32Array;
  /** Cell c's IoUs: `ious[iouStart[c] + d * G + g]` for slot d and gt g (file order). */
  readonly iouStart: Int32Array;
  readonly ious: Float64Array;
  /** Detections of a known image and category beyond maxDets. */
  readonly beyondMaxDets: number;
};

export function buildCells(
  gt: GtTable,
  dt: DtTable,
  imageCount: number,
  categoryCount: number,
  maxDet: number,
): Cells {
  // A cell's key is k * I + i: sorting keys orders cells by category, then image.
  const keyOf = (k: number, i: number): number => k * imageCount + i;
  const keys: number[] = [];
  for (let p = 0; p < gt.count; p++) {
    if (gt.image[p]! >= 0 && gt.category[p]! >= 0) keys.push(keyOf(gt.category[p]!, gt.image[p]!));
  }
  for (let p = 0; p < dt.count; p++) {
    if (dt.image[p]! >= 0 && dt.category[p]! >= 0) keys.push(keyOf(dt.category[p]!, dt.image[p]!));
  }
  const sorted = Float64Array.from(keys).sort();
  const cellKeys: number[] = [];
  for (let j = 0; j < sorted.length; j++) {
    if (j === 0 || sorted[j] !== sorted[j - 1]) cellKeys.push(sorted[j]!);
  }
  const count = cellKeys.length;
  const cellOf = new Map<number, number>();
  const category = new Int32Array(count);
  const image = new Int32Array(count);
  const categoryStart = new Int32Array(categoryCount + 1);
  cellKeys.forEach((key, c) => {
    cellOf.set(key, c);
    category[c] = Math.floor(key / imageCount);
    image[c] = key - category[c]! * imageCount;
    categoryStart[category[c]! + 1]!++;
  });
  for (let k = 0; k < categoryCount; k++) categoryStart[k + 1]! += categoryStart[k]!;

  const gtCell = cellIndices(gt.count, gt.image, gt.category, keyOf, cellOf);
  const { start: gtStart, list: gtList } = csr(gtCell, count);
  const dtCell = cellIndices(dt.count, dt.image, dt.category, keyOf, cellOf);
  const { start: dtStart, list: dtList } = csr(dtCell, count);

  const slotStart = new Int32Array(count + 1);
  for (let c = 0; c < count; c++) {
    sortByScoreDesc(dtList, dtStart[c]!, dtStart[c + 1]!, dt.score);
    slotStart[c + 1] = slotStart[c]! + Math.min(maxDet, dtStart[c + 1]! - dtStart[c]!);
  }
  const slots = slotStart[count]!;
  const slotDt = new Int32Array(slots);
  const slotScore = new Float64Array(slots);
  const slotRank = new Int32Array(slots);
  const dtSlot = new Int32Array(dt.count).fill(-1);
  const iouStart = new Int32Array(count + 1);
  for (let c = 0; c < count; c++) {
    const d0 = dtStart[c]!;
    const s0 = slotStart[c]!;
    const n = slotStart[c + 1]! - s0;
    for (let r = 0; r < n; r++) {
      const p = dtList[d0 + r]!;
      slotDt[s0 + r] = p;
      slotScore[s0 + r] = dt.score[p]!;
      slotRank[s0 + r] = r;
      dtSlot[p] = s0 + r;
    }
    iouStart[c + 1] = iouStart[c]! + n * (gtStart[c + 1]! - gtStart[c]!);
  }
  return {
    count,
    category,
    image,
    categoryStart,
    gtStart,
    gtList,
    slotStart,
    slotDt,
    slotScore,
    slotRank,
    dtSlot,
    iouStart,
    ious: new Float64Array(iouStart[count]!),
    beyondMaxDets: dtList.length - slots,
  };
}

function cellIndices(
  n: number,
  image: Int32Array,
  category: Int32Array,
  keyOf: (k: number, i: number) => number,
  cellOf: ReadonlyMap<number, number>,
): Int32Array {
  const out = new Int32Array(n).fill(-1);
  for (let p = 0; p < n; p++) {
    if (image[p]! >= 0 && category[p]! >= 0) out[p] = cellOf.get(keyOf(category[p]!, image[p]!))!;
  }
  return out;
}

/** Positions grouped by cell, in ascending position (file order) within a cell. */
function csr(cellOfPosition: Int32Array, cells: number): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(cells + 1);
  for (const c of cellOfPosition) if (c >= 0) start[c + 1]!++;
  for (let c = 0; c < cells; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, cells);
  const list = new Int32Array(start[cells]!);
  for (let p = 0; p < cellOfPosition.length; p++) {
    const c = cellOfPosition[p]!;
    if (c >= 0) list[fill[c]!++] = p;
  }
  return { start, list };
}
