/**
 * The ground truth and the detections as pycocotools' `COCOeval._prepare` sees them, in
 * typed arrays indexed by position in each dataset's `annotations`.
 *
 * Detections follow `COCO.loadRes`: which rule applies is decided by the first result
 * (has a non-empty `bbox` → boxes; else has a `segmentation` → masks; else keypoints),
 * as pycocotools does, so a segm results file that also carries boxes gets `area = w × h`
 * of its boxes. A record that lacks what its rule needs (pycocotools would raise) falls
 * back to the next rule that fits. Ground truth keeps its own `area` and `bbox`; those
 * missing (pycocotools would raise) are computed from the segmentation.
 */
import { idKey } from '../ids';
import {
  polygonsToRle,
  polygonToRle,
  rleArea,
  rleFromCoco,
  rleToBbox,
  type CountsAlloc,
  type Rle,
} from '../mask';
import type { AnnotationRecord, Dataset, ImageRecord } from '../model';
import { polygonsBbox } from '../geometry';
import type { Catalog } from './params';
import { drain } from './steps';
import type { IouType } from './types';

/** Ground truth, per annotation position. */
export type GtTable = {
  readonly count: number;
  /** Sorted image index (`Catalog.images`), -1 when its image is not in the file. */
  readonly image: Int32Array;
  /** Category index k, -1 when its category is not in the file. */
  readonly category: Int32Array;
  readonly area: Float64Array;
  readonly crowd: Uint8Array;
  /** pycocotools' `ignore`: iscrowd, or (keypoints) `num_keypoints == 0`. */
  readonly ignore: Uint8Array;
  /** id 0: pycocotools stores matches as gt ids, so a match to id 0 reads as none. */
  readonly idZero: Uint8Array;
  /** `[x, y, w, h]` × count. */
  readonly bbox: Float64Array;
};

/** Detections, per annotation position, after `loadRes`. */
export type DtTable = {
  readonly count: number;
  readonly image: Int32Array;
  readonly category: Int32Array;
  readonly score: Float64Array;
  readonly area: Float64Array;
  readonly bbox: Float64Array;
  /** 1 when the mask is `loadRes`' polygon of the box (a box result without segmentation). */
  readonly boxMask: Uint8Array;
};

function fileNumber(record: AnnotationRecord, key: string): number | null {
  const value = (record.file as Record<string, unknown>)[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function setBox(out: Float64Array, p: number, box: ArrayLike<number>): void {
  out[4 * p] = box[0]!;
  out[4 * p + 1] = box[1]!;
  out[4 * p + 2] = box[2]!;
  out[4 * p + 3] = box[3]!;
}

/**
 * The mask `annToRLE` gives a record's own segmentation, at its image's size; `alloc`
 * places its counts where it can (see `CountsAlloc`).
 */
export function segmentationRle(
  record: AnnotationRecord,
  image: ImageRecord | undefined,
  alloc?: CountsAlloc,
): Rle {
  const h = image?.height ?? 0;
  const w = image?.width ?? 0;
  const seg = record.segmentation;
  if (seg.kind === 'rle') return rleFromCoco(seg.rle, alloc);
  if (seg.kind === 'polygons') return polygonsToRle(seg.polygons, h, w, alloc);
  return { size: [h, w], counts: Uint32Array.of(h * w) };
}

function indexOf(map: ReadonlyMap<string | number, number>, id: string | number | null): number {
  return id === null ? -1 : (map.get(idKey(id)) ?? -1);
}

/** Records prepared per step (a few milliseconds' work; see `evaluateSteps`). */
const STEP_RECORDS = 256;

export function gtTableOf(gt: Dataset, catalog: Catalog, iouType: IouType): GtTable {
  return drain(gtTableSteps(gt, catalog, iouType));
}

/** `gtTableOf` a few milliseconds at a time, yielding the share of records done. */
export function* gtTableSteps(
  gt: Dataset,
  catalog: Catalog,
  iouType: IouType,
): Generator<number, GtTable> {
  const n = gt.annotations.length;
  const table = {
    count: n,
    image: new Int32Array(n),
    category: new Int32Array(n),
    area: new Float64Array(n),
    crowd: new Uint8Array(n),
    ignore: new Uint8Array(n),
    idZero: new Uint8Array(n),
    bbox: new Float64Array(4 * n),
  };
  for (let p = 0; p < n; p++) {
    const rec = gt.annotations.at(p)!;
    const i = indexOf(catalog.imageIndex, rec.imageId);
    table.image[p] = i;
    table.category[p] = indexOf(catalog.categoryIndex, rec.categoryId);
    const image = catalog.images[i];
    table.area[p] = rec.area ?? fileNumber(rec, 'area') ?? rleArea(segmentationRle(rec, image));
    table.crowd[p] = rec.iscrowd ? 1 : 0;
    let ignore = rec.iscrowd;
    if (iouType === 'keypoints') {
      const kp = rec.keypoints;
      let visible = 0;
      if (kp !== null) for (let j = 2; j < kp.length; j += 3) if (kp[j]! > 0) visible++;
      ignore = (fileNumber(rec, 'num_keypoints') ?? visible) === 0 || ignore;
    }
    table.ignore[p] = ignore ? 1 : 0;
    table.idZero[p] = rec.id === 0 ? 1 : 0;
    let box = rec.bbox;
    if (box === null) {
      const seg = rec.segmentation;
      box =
        seg.kind === 'polygons'
          ? polygonsBbox(seg.polygons)
          : rleToBbox(segmentationRle(rec, image));
    }
    setBox(table.bbox, p, box);
    if (p % STEP_RECORDS === STEP_RECORDS - 1) yield (p + 1) / n;
  }
  return table;
}

type Rule = 'bbox' | 'segm' | 'keypoints';

/** `loadRes`' choice, made on the first result. */
function firstRule(first: AnnotationRecord | undefined): Rule {
  if (first === undefined || first.bbox !== null) return 'bbox';
  if (first.segmentation.kind === 'rle' || first.segmentation.kind === 'polygons') return 'segm';
  return first.keypoints !== null ? 'keypoints' : 'bbox';
}

const FALLBACK: Record<Rule, readonly Rule[]> = {
  bbox: ['bbox', 'segm', 'keypoints'],
  segm: ['segm', 'bbox', 'keypoints'],
  keypoints: ['keypoints', 'bbox', 'segm'],
};

/**
 * Detections after `loadRes`. `masks` receives the RLE a `segm` rule had to decode for the
 * area, so it is not decoded twice.
 */
export function dtTableOf(dt: Dataset, catalog: Catalog, masks: (Rle | undefined)[]): DtTable {
  return drain(dtTableSteps(dt, catalog, masks));
}

/** `dtTableOf` a few milliseconds at a time, yielding the share of records done. */
export function* dtTableSteps(
  dt: Dataset,
  catalog: Catalog,
  masks: (Rle | undefined)[],
): Generator<number, DtTable> {
  const n = dt.annotations.length;
  const table = {
    count: n,
    image: new Int32Array(n),
    category: new Int32Array(n),
    score: new Float64Array(n),
    area: new Float64Array(n),
    bbox: new Float64Array(4 * n),
    boxMask: new Uint8Array(n),
  };
  const rules = FALLBACK[firstRule(dt.annotations.at(0))];
  for (let p = 0; p < n; p++) {
    const rec = dt.annotations.at(p)!;
    const i = indexOf(catalog.imageIndex, rec.imageId);
    table.image[p] = i;
    table.category[p] = indexOf(catalog.categoryIndex, rec.categoryId);
    table.score[p] = rec.score ?? fileNumber(rec, 'score') ?? 0;
    const seg = rec.segmentation;
    const hasMask = seg.kind === 'rle' || seg.kind === 'polygons';
    table.boxMask[p] = hasMask ? 0 : 1;
    for (const rule of rules) {
      if (rule === 'bbox' && rec.bbox !== null) {
        table.area[p] = rec.bbox[2] * rec.bbox[3];
        setBox(table.bbox, p, rec.bbox);
        break;
      }
      if (rule === 'segm' && hasMask) {
        const rle = segmentationRle(rec, catalog.images[i]);
        masks[p] = rle;
        table.area[p] = rleArea(rle);
        setBox(table.bbox, p, rec.bbox ?? rleToBbox(rle));
        break;
      }
      if (rule === 'keypoints' && rec.keypoints !== null && rec.keypoints.length >= 3) {
        const kp = rec.keypoints;
        let x0 = Infinity;
        let x1 = -Infinity;
        let y0 = Infinity;
        let y1 = -Infinity;
        for (let j = 0; j + 1 < kp.length; j += 3) {
          x0 = Math.min(x0, kp[j]!);
          x1 = Math.max(x1, kp[j]!);
          y0 = Math.min(y0, kp[j + 1]!);
          y1 = Math.max(y1, kp[j + 1]!);
        }
        table.area[p] = (x1 - x0) * (y1 - y0);
        setBox(table.bbox, p, [x0, y0, x1 - x0, y1 - y0]);
        break;
      }
    }
    if (p % STEP_RECORDS === STEP_RECORDS - 1) yield (p + 1) / n;
  }
  return table;
}

/** The mask of detection `p` for segm: its own segmentation, or `loadRes`' box polygon. */
export function detectionRle(
  record: AnnotationRecord,
  table: DtTable,
  p: number,
  image: ImageRecord | undefined,
  alloc?: CountsAlloc,
): Rle {
  if (table.boxMask[p] === 0) return segmentationRle(record, image, alloc);
  // loadRes' [[x1, y1, x1, y2, x2, y2, x2, y1]] (what the mask API's bboxToRle draws).
  const b = table.bbox;
  const x1 = b[4 * p]!;
  const y1 = b[4 * p + 1]!;
  const x2 = x1 + b[4 * p + 2]!;
  const y2 = y1 + b[4 * p + 3]!;
  const h = image?.height ?? 0;
  const w = image?.width ?? 0;
  return polygonToRle([x1, y1, x1, y2, x2, y2, x2, y1], h, w, alloc);
}
