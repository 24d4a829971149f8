/**
 * `area` and `bbox` of an annotation as CVAT/Datumaro write them on export:
 * area is pycocotools' `area` of the segmentation (polygon parts rasterized at the
 * image's size and merged; an RLE as it is), or w × h for a box-only annotation;
 * bbox is the tight box of a polygon's coordinates rounded to 2 decimals, `toBbox` of
 * an RLE, or the box itself. Image pixels throughout; bbox = [x, y, width, height].
 */
import { assertNever } from './assertNever';
import { rleFromCoco } from './mask';
import type { Bbox, Segmentation } from './model';
import { polygonsToRle } from './polygon';
import { rleArea, rleToBbox, type Rle } from './rle';

/** What area and bbox need of an annotation. */
export type Shape = { segmentation: Segmentation; bbox: Bbox | null };
export type Size = { width: number; height: number };

/**
 * The segmentation as an RLE at the image's size, or null for box-only annotations.
 * When the image size is unknown (0), Datumaro guesses it from the bbox; so do we.
 */
export function annotationRle(ann: Shape, image: Size): Rle | null {
  const seg = ann.segmentation;
  switch (seg.kind) {
    case 'polygons': {
      let { width, height } = image;
      if (!(width > 0 && height > 0)) {
        const [x, y, w, h] = ann.bbox ?? polygonsBbox(seg.polygons);
        width = Math.trunc(x + w);
        height = Math.trunc(y + h);
      }
      return polygonsToRle(seg.polygons, height, width);
    }
    case 'rle':
      return rleFromCoco(seg.rle);
    case 'panoptic':
    case 'none':
      return null;
    default:
      return assertNever(seg);
  }
}

/** `area` as Datumaro writes it (a float in the file). */
export function annotationArea(ann: Shape, image: Size): number {
  const rle = annotationRle(ann, image);
  if (rle !== null) return rleArea(rle);
  if (ann.bbox === null) return 0;
  return ann.bbox[2] * ann.bbox[3];
}

/** `bbox` as Datumaro writes it, values rounded to 2 decimals as Python's `round`. */
export function annotationBbox(ann: Shape, image: Size): Bbox {
  const seg = ann.segmentation;
  let box: Bbox;
  if (seg.kind === 'polygons') box = polygonsBbox(seg.polygons);
  else if (seg.kind === 'rle') box = rleToBbox(annotationRle(ann, image)!);
  else box = ann.bbox ?? [0, 0, 0, 0];
  return [round2(box[0]), round2(box[1]), round2(box[2]), round2(box[3])];
}

/** The tight box of all parts' coordinates (not rounded). */
export function polygonsBbox(polygons: readonly (readonly number[])[]): Bbox {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of polygons) {
    for (let i = 0; i + 1 < p.length; i += 2) {
      const x = p[i]!;
      const y = p[i + 1]!;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x0 === Infinity ? [0, 0, 0, 0] : [x0, y0, x1 - x0, y1 - y0];
}

/** The box around several boxes (Datumaro's `max_bbox`). */
export function unionBbox(boxes: readonly Bbox[]): Bbox {
  if (boxes.length === 0) return [0, 0, 0, 0];
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y, w, h] of boxes) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x + w);
    y1 = Math.max(y1, y + h);
  }
  return [x0, y0, x1 - x0, y1 - y0];
}

/**
 * Python's `round(x, 2)`: the correctly rounded decimal, ties to even. `toFixed` rounds
 * the exact binary value too but breaks ties upward; the only exact ties at 2 decimals
 * are odd multiples of 1/8 (x.125, x.375, x.625, x.875).
 */
export function round2(x: number): number {
  // Fast path: x·100 lies clearly off a half (more than its own rounding error can move
  // it), so the nearest integer is the one the exact value rounds to, and k / 100 is the
  // double nearest the decimal, as `Number(x.toFixed(2))` gives. Zero is left to the
  // slow path for its sign (`(-0.001).toFixed(2)` is "-0.00", `(-0).toFixed(2)` "0.00").
  const scaled = x * 100;
  const nearest = Math.round(scaled);
  const off = Math.abs(scaled - nearest);
  if (nearest !== 0 && Math.abs(scaled) < 2 ** 52 && off < 0.5 - Math.abs(scaled) * 2 ** -50)
    return nearest / 100;
  return round2Exactly(x);
}

/** `round2` for every input (see above). */
export function round2Exactly(x: number): number {
  if (!Number.isFinite(x)) return x;
  if (Number.isInteger(x * 8) && !Number.isInteger(x * 4)) {
    const f = Math.floor(x * 100);
    return (f % 2 === 0 ? f : f + 1) / 100;
  }
  return Number(x.toFixed(2));
}
