/**
 * IoU between detections and ground truths, as pycocotools' `computeIoU` (the mask API's
 * `bbIou` and `rleIou`: a crowd ground truth is scored against the detection's own area)
 * and `computeOks` (keypoints). Computed once per pair, before any threshold.
 */
import type { Rle } from '../rle';
import type { AnnotationRecord, AnnotationTable, Dataset } from '../model';
import type { Cells } from './cells';
import {
  hintColumns,
  hintRows,
  maskArena,
  maskPairIou,
  maskSide,
  setMask,
  type MaskArena,
  type MaskSide,
} from './maskIou';
import { EPS, pairwiseSum } from './numeric';
import { scaled } from './steps';
import type { Catalog } from './params';
import { detectionRle, segmentationRle, type DtTable, type GtTable } from './prepare';
import type { IouType } from './types';

/** What IoUs are computed from; segm masks are made on first use, dropped per image. */
export type Geometry = {
  readonly iouType: IouType;
  readonly gt: Dataset;
  readonly dt: Dataset;
  readonly catalog: Catalog;
  readonly gtTable: GtTable;
  readonly dtTable: DtTable;
  readonly gtMasks: MaskSide;
  readonly dtMasks: MaskSide;
  /** Where the masks' counts are made; reset once an image's masks are dropped. */
  readonly arena: MaskArena;
  /** OKS: `(2σ)²` per keypoint. */
  readonly vars: Float64Array;
  /** OKS scratch, one value per keypoint. */
  readonly scratch: Float64Array;
};

export type MaskSides = { gtMasks: MaskSide; dtMasks: MaskSide; arena: MaskArena };

/** Records read per step of `maskSidesSteps` (a few milliseconds' work). */
const RECORDS_PER_STEP = 4096;

/**
 * The mask sides for segm: masks made on first use (their counts in one arena, see
 * `MaskArena`), and for polygons (and `loadRes`' box polygons) a column and row range
 * from the coordinates, so pairs far apart need no mask. Made in steps of a few milliseconds each, with their shares.
 */
export function* maskSidesSteps(
  gt: Dataset,
  dt: Dataset,
  catalog: Catalog,
  gtTable: GtTable,
  dtTable: DtTable,
  decoded: readonly (Rle | undefined)[],
): Generator<number, MaskSides> {
  const arena = maskArena();
  const gtSizes = yield* scaled(
    sizeSteps(gt.annotations, gtTable.image, catalog, () => true),
    0,
    0.1,
  );
  const dtOwn = (p: number) => dtTable.boxMask[p] === 0;
  const dtSizes = yield* scaled(sizeSteps(dt.annotations, dtTable.image, catalog, dtOwn), 0.1, 0.1);
  const gtMasks = maskSide(
    (p) => segmentationRle(gt.annotations.at(p)!, catalog.images[gtTable.image[p]!], arena.alloc),
    ...gtSizes,
  );
  const dtMasks = maskSide(
    (p) =>
      detectionRle(
        dt.annotations.at(p)!,
        dtTable,
        p,
        catalog.images[dtTable.image[p]!],
        arena.alloc,
      ),
    ...dtSizes,
  );
  const gts = gt.annotations.length;
  for (let p = 0; p < gts; p++) {
    const seg = gt.annotations.at(p)!.segmentation;
    if (seg.kind === 'polygons') hintPolygons(gtMasks, p, seg.polygons);
    if (p % RECORDS_PER_STEP === RECORDS_PER_STEP - 1) yield 0.2 + (0.4 * (p + 1)) / gts;
  }
  const dts = dt.annotations.length;
  for (let p = 0; p < dts; p++) {
    hintDetection(dtMasks, dtTable, dt.annotations.at(p)!, p, decoded[p]);
    if (p % RECORDS_PER_STEP === RECORDS_PER_STEP - 1) yield 0.6 + (0.4 * (p + 1)) / dts;
  }
  return { gtMasks, dtMasks, arena };
}

/** Detection p's mask, when decoded already, or the column and row range it can reach. */
function hintDetection(
  side: MaskSide,
  dtTable: DtTable,
  rec: AnnotationRecord,
  p: number,
  rle: Rle | undefined,
): void {
  if (rle !== undefined) setMask(side, p, rle);
  else if (dtTable.boxMask[p] === 1) {
    const x = dtTable.bbox[4 * p]!;
    const w = dtTable.bbox[4 * p + 2]!;
    const y = dtTable.bbox[4 * p + 1]!;
    const h = dtTable.bbox[4 * p + 3]!;
    if (Math.max(Math.abs(x), Math.abs(x + w), Math.abs(y), Math.abs(y + h)) < HINTED) {
      hintColumns(side, p, Math.min(x, x + w), Math.max(x, x + w));
      hintRows(side, p, Math.min(y, y + h), Math.max(y, y + h));
    }
  } else if (rec.segmentation.kind === 'polygons') hintPolygons(side, p, rec.segmentation.polygons);
}

/** No masks: bbox and keypoints evaluations. */
export function noMasks(): MaskSides {
  const none = (): never => {
    throw new Error('no masks in a bbox or keypoints evaluation');
  };
  const empty = new Int32Array(0);
  return {
    gtMasks: maskSide(none, empty, empty),
    dtMasks: maskSide(none, empty, empty),
    arena: maskArena(0),
  };
}

/** The size each mask will have: its own RLE's, else its image's (polygons, boxes). */
function* sizeSteps(
  records: AnnotationTable,
  image: Int32Array,
  catalog: Catalog,
  ownMask: (p: number) => boolean,
): Generator<number, [Int32Array, Int32Array]> {
  const height = new Int32Array(records.length);
  const width = new Int32Array(records.length);
  for (let p = 0; p < records.length; p++) {
    const seg = records.at(p)!.segmentation;
    if (seg.kind === 'rle' && ownMask(p)) {
      height[p] = seg.rle.size[0] ?? 0;
      width[p] = seg.rle.size[1] ?? 0;
    } else {
      const im = catalog.images[image[p]!];
      height[p] = im?.height ?? 0;
      width[p] = im?.width ?? 0;
    }
    if (p % RECORDS_PER_STEP === RECORDS_PER_STEP - 1) yield (p + 1) / records.length;
  }
  return [height, width];
}

/** Beyond this, `(int)(5 · v + .5)` no longer holds the coordinate: no hint is given. */
const HINTED = 2 ** 28;

/**
 * Columns and rows a polygon's mask can reach: its vertices' extent (parts as boxes in
 * the quirk). No hint when a coordinate is not finite or too large for the rasterizer's
 * int cast to keep it (it would land elsewhere).
 */
function hintPolygons(side: MaskSide, p: number, polygons: readonly (readonly number[])[]): void {
  const first = polygons[0];
  if (first === undefined || first.length < 4) return;
  const boxes = first.length === 4;
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const part of polygons) {
    // A box part [x, y, w, h] is the polygon of its corners (x, y) and (x + w, y + h).
    const n = boxes ? 4 : part.length - (part.length % 2);
    for (let i = 0; i < n; i += 2) {
      const x = boxes && i === 2 ? part[0]! + part[2]! : part[i]!;
      const y = boxes && i === 2 ? part[1]! + part[3]! : part[i + 1]!;
      if (!(Math.abs(x) < HINTED && Math.abs(y) < HINTED)) return;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x1 < x0) return;
  hintColumns(side, p, x0, x1);
  hintRows(side, p, y0, y1);
}

/** Fills cell c's IoU block (slots × gts in file order) of `cells.ious`. */
export function computeCellIous(geo: Geometry, cells: Cells, c: number): void {
  const s0 = cells.slotStart[c]!;
  const D = cells.slotStart[c + 1]! - s0;
  const g0 = cells.gtStart[c]!;
  const G = cells.gtStart[c + 1]! - g0;
  const out = cells.ious;
  const base = cells.iouStart[c]!;
  const crowd = geo.gtTable.crowd;
  for (let d = 0; d < D; d++) {
    const dp = cells.slotDt[s0 + d]!;
    for (let g = 0; g < G; g++) {
      const gp = cells.gtList[g0 + g]!;
      out[base + d * G + g] = pairIou(geo, dp, gp, crowd[gp] === 1);
    }
  }
}

/** IoU (OKS) of detection `dp` with ground truth `gp`, whatever their categories. */
export function pairIou(geo: Geometry, dp: number, gp: number, crowd: boolean): number {
  switch (geo.iouType) {
    case 'bbox':
      return boxIou(geo.dtTable.bbox, dp, geo.gtTable.bbox, gp, crowd);
    case 'segm':
      return maskPairIou(geo.dtMasks, dp, geo.gtMasks, gp, crowd);
    case 'keypoints':
      return oksOf(geo, dp, gp);
  }
}

/** The mask API's `bboxIou` for one pair (`[x, y, w, h]` at 4p), same operations. */
export function boxIou(
  dt: Float64Array,
  d: number,
  gt: Float64Array,
  g: number,
  crowd: boolean,
): number {
  const dx = dt[4 * d]!;
  const dy = dt[4 * d + 1]!;
  const dw = dt[4 * d + 2]!;
  const dh = dt[4 * d + 3]!;
  const gx = gt[4 * g]!;
  const gy = gt[4 * g + 1]!;
  const gw = gt[4 * g + 2]!;
  const gh = gt[4 * g + 3]!;
  const w = Math.min(dw + dx, gw + gx) - Math.max(dx, gx);
  if (w <= 0) return 0;
  const h = Math.min(dh + dy, gh + gy) - Math.max(dy, gy);
  if (h <= 0) return 0;
  const i = w * h;
  const u = crowd ? dw * dh : dw * dh + gw * gh - i;
  return i / u;
}

function oksOf(geo: Geometry, dp: number, gp: number): number {
  const dtKp = geo.dt.annotations.at(dp)!.keypoints;
  const gtKp = geo.gt.annotations.at(gp)!.keypoints;
  if (dtKp === null || gtKp === null) return 0;
  const b = geo.gtTable.bbox;
  return oks(
    dtKp,
    gtKp,
    [b[4 * gp]!, b[4 * gp + 1]!, b[4 * gp + 2]!, b[4 * gp + 3]!],
    geo.gtTable.area[gp]!,
    geo.vars,
    geo.scratch,
  );
}

/**
 * Object keypoint similarity, as `computeOks` for one pair: over the gt's labeled
 * keypoints (v > 0), the mean of exp(-d² / (2σ)² / (area + eps) / 2); a gt with none
 * labeled measures each detected keypoint's distance outside the gt box grown by its
 * size on every side. Keypoints beyond the shorter of the two lists (and of the sigmas)
 * are not compared (pycocotools would raise on such a mismatch).
 */
export function oks(
  dtKp: readonly number[],
  gtKp: readonly number[],
  gtBox: readonly [number, number, number, number],
  gtArea: number,
  vars: Float64Array,
  scratch: Float64Array,
): number {
  const k = Math.min(vars.length, Math.floor(gtKp.length / 3), Math.floor(dtKp.length / 3));
  let labeled = 0;
  for (let j = 0; j < k; j++) if (gtKp[3 * j + 2]! > 0) labeled++;
  const [bx, by, bw, bh] = gtBox;
  const x0 = bx - bw;
  const x1 = bx + bw * 2;
  const y0 = by - bh;
  const y1 = by + bh * 2;
  const denom = gtArea + EPS;
  let n = 0;
  for (let j = 0; j < k; j++) {
    const xd = dtKp[3 * j]!;
    const yd = dtKp[3 * j + 1]!;
    let dx: number;
    let dy: number;
    if (labeled > 0) {
      if (!(gtKp[3 * j + 2]! > 0)) continue;
      dx = xd - gtKp[3 * j]!;
      dy = yd - gtKp[3 * j + 1]!;
    } else {
      dx = Math.max(0, x0 - xd) + Math.max(0, xd - x1);
      dy = Math.max(0, y0 - yd) + Math.max(0, yd - y1);
    }
    const e = (dx * dx + dy * dy) / vars[j]! / denom / 2;
    scratch[n++] = Math.exp(-e);
  }
  return n === 0 ? 0 : pairwiseSum(scratch, 0, n) / n;
}
