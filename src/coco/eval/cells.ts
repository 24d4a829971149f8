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
import { drain } from './steps';

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
  return drain(buildCellsSteps(gt, dt, imageCount, categoryCount, maxDet));
}

/** `buildCells` in three steps of a few milliseconds each (val2017-scale), with their shares. */
export function* buildCellsSteps(
  gt: GtTable,
  dt: DtTable,
  imageCount: number,
  categoryCount: number,
  maxDet: number,
): Generator<number, Cells> {
  // Every known ground truth (as p) and detection (as gt.count + p), ordered by category,
  // then image, then position: a cell is a run of one (category, image), its ground
  // truths first, each side in file order.
  const entries = byCategoryThenImage(gt, dt, imageCount, categoryCount);
  yield 1 / 3;
  const n = entries.length;
  let count = 0;
  for (let j = 0; j < n; j++) if (j === 0 || cellChanges(gt, dt, entries, j)) count++;
  const category = new Int32Array(count);
  const image = new Int32Array(count);
  const categoryStart = new Int32Array(categoryCount + 1);
  const gtStart = new Int32Array(count + 1);
  const dtStart = new Int32Array(count + 1);
  const gtList = new Int32Array(n);
  const dtList = new Int32Array(n);
  let gts = 0;
  let dts = 0;
  let c = -1;
  for (let j = 0; j < n; j++) {
    if (j === 0 || cellChanges(gt, dt, entries, j)) {
      c++;
      gtStart[c] = gts;
      dtStart[c] = dts;
      const e = entries[j]!;
      const isGt = e < gt.count;
      category[c] = isGt ? gt.category[e]! : dt.category[e - gt.count]!;
      image[c] = isGt ? gt.image[e]! : dt.image[e - gt.count]!;
      categoryStart[category[c]! + 1]!++;
    }
    const e = entries[j]!;
    if (e < gt.count) gtList[gts++] = e;
    else dtList[dts++] = e - gt.count;
  }
  gtStart[count] = gts;
  dtStart[count] = dts;
  for (let k = 0; k < categoryCount; k++) categoryStart[k + 1]! += categoryStart[k]!;
  yield 2 / 3;
  return withSlots(
    dt,
    count,
    category,
    image,
    categoryStart,
    gtStart,
    gtList.slice(0, gts),
    {
      start: dtStart,
      list: dtList.subarray(0, dts),
    },
    maxDet,
  );
}

/** Whether entry j starts another (category, image) than entry j - 1. */
function cellChanges(gt: GtTable, dt: DtTable, entries: Int32Array, j: number): boolean {
  const a = entries[j - 1]!;
  const b = entries[j]!;
  const ia = a < gt.count ? gt.image[a]! : dt.image[a - gt.count]!;
  const ib = b < gt.count ? gt.image[b]! : dt.image[b - gt.count]!;
  if (ia !== ib) return true;
  const ka = a < gt.count ? gt.category[a]! : dt.category[a - gt.count]!;
  const kb = b < gt.count ? gt.category[b]! : dt.category[b - gt.count]!;
  return ka !== kb;
}

/**
 * The known entries (ground truths as p, detections as gt.count + p) sorted by category,
 * then image, then entry: two stable counting sorts, by image and then by category.
 */
function byCategoryThenImage(
  gt: GtTable,
  dt: DtTable,
  imageCount: number,
  categoryCount: number,
): Int32Array {
  const total = gt.count + dt.count;
  const known = new Int32Array(total);
  let n = 0;
  for (let p = 0; p < gt.count; p++) if (gt.image[p]! >= 0 && gt.category[p]! >= 0) known[n++] = p;
  for (let p = 0; p < dt.count; p++) {
    if (dt.image[p]! >= 0 && dt.category[p]! >= 0) known[n++] = gt.count + p;
  }
  const imageOf = (e: number) => (e < gt.count ? gt.image[e]! : dt.image[e - gt.count]!);
  const categoryOf = (e: number) => (e < gt.count ? gt.category[e]! : dt.category[e - gt.count]!);
  const byImage = countingSort(known.subarray(0, n), imageCount, imageOf);
  return countingSort(byImage, categoryCount, categoryOf);
}

/** `items` stably sorted by `keyOf(item)` in [0, keys). */
function countingSort(
  items: Int32Array,
  keys: number,
  keyOf: (item: number) => number,
): Int32Array {
  const start = new Int32Array(keys + 1);
  for (let j = 0; j < items.length; j++) start[keyOf(items[j]!) + 1]!++;
  for (let k = 0; k < keys; k++) start[k + 1]! += start[k]!;
  const out = new Int32Array(items.length);
  for (let j = 0; j < items.length; j++) out[start[keyOf(items[j]!)]!++] = items[j]!;
  return out;
}

/** The cells with their detections sorted by score and cut at maxDet (the slots). */
function withSlots(
  dt: DtTable,
  count: number,
  category: Int32Array,
  image: Int32Array,
  categoryStart: Int32Array,
  gtStart: Int32Array,
  gtList: Int32Array,
  dts: { start: Int32Array; list: Int32Array },
  maxDet: number,
): Cells {
  const { start: dtStart, list: dtList } = dts;
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
