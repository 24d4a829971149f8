/**
 * Group to crowd, by CVAT's rule (Datumaro's COCO exporter) but for the bbox: the shapes
 * of a group become one crowd instance whose mask is the union of the group's shapes
 * (polygons and masks; boxes rasterized), whose category, attributes and score come from
 * the largest shape (the "leader"). Its bbox is pycocotools' `toBbox` of that mask, not
 * Datumaro's union of the group's boxes: one rule for every crowd bbox cocoscope writes
 * (see exportPlan.ts), so that the checks, which compare a mask's bbox with its `toBbox`,
 * never flag the app's own output when it is opened again. Boxes add their pixels, so a
 * box grouped with a polygon still lies inside the crowd's bbox.
 */
import { annotationRle, polygonsBbox, type Size } from './geometry';
import type { AnnotationRecord } from './model';
import { bboxToRle } from './polygon';
import { decodeRle, encodeMask, mergeRles, rleArea, rleToBbox, type Rle } from './rle';
import type { CocoAnnotation } from './types';

/**
 * The merged crowd annotation, as a file object: the leader's object (same key order,
 * id, unknown fields) with `segmentation` an uncompressed RLE, `iscrowd` 1 and area and
 * bbox recomputed. The caller deletes the other members.
 */
export function mergeToCrowd(
  group: readonly AnnotationRecord[],
  image: Size,
): { leader: AnnotationRecord; file: CocoAnnotation } {
  if (group.length === 0) throw new Error('mergeToCrowd: empty group');
  const leader = findGroupLeader(group);
  const shaped = group.filter((a) => a.segmentation.kind !== 'none');
  const boxes = group.filter((a) => a.segmentation.kind === 'none' && a.bbox !== null);
  const rles: Rle[] = shaped
    .map((a) => annotationRle(a, image))
    .filter((r): r is Rle => r !== null)
    .map((r) => toImageSize(r, image));
  rles.push(...boxes.map((a) => bboxToRle(a.bbox!, image.height, image.width)));
  const rle = mergeRles(rles);
  const file: CocoAnnotation = {
    ...(leader.file as CocoAnnotation),
    segmentation: { counts: Array.from(rle.counts), size: [rle.size[0], rle.size[1]] },
    area: rleArea(rle),
    bbox: [...rleToBbox(rle)],
    iscrowd: 1,
  };
  return { leader, file };
}

/** The largest shape by Datumaro's `get_area` (first one on ties). */
export function findGroupLeader(group: readonly AnnotationRecord[]): AnnotationRecord {
  let best = group[0]!;
  let bestArea = -Infinity;
  for (const a of group) {
    const area = shapeArea(a);
    if (area > bestArea) {
      best = a;
      bestArea = area;
    }
  }
  return best;
}

/**
 * Datumaro's `get_area`: a polygon is rasterized in a frame just big enough for its box,
 * a mask counts its pixels, a box is w × h.
 */
function shapeArea(a: AnnotationRecord): number {
  const seg = a.segmentation;
  if (seg.kind === 'polygons') {
    const [x, y, w, h] = polygonsBbox(seg.polygons);
    return seg.polygons.reduce((sum, part) => {
      const rle = annotationRle(
        { segmentation: { kind: 'polygons', polygons: [part] }, bbox: null },
        {
          width: Math.trunc(x + w),
          height: Math.trunc(y + h),
        },
      );
      return sum + (rle === null ? 0 : rleArea(rle));
    }, 0);
  }
  if (seg.kind === 'rle') return rleArea(annotationRle(a, { width: 0, height: 0 })!);
  return a.bbox === null ? 0 : a.bbox[2] * a.bbox[3];
}

/** A mask of another size than its image (a reported problem) is cropped or padded to it. */
function toImageSize(rle: Rle, image: Size): Rle {
  const [h, w] = rle.size;
  if ((h === image.height && w === image.width) || !(image.width > 0 && image.height > 0))
    return rle;
  const src = decodeRle(rle);
  const dst = new Uint8Array(image.width * image.height);
  for (let x = 0; x < Math.min(w, image.width); x++) {
    dst.set(src.subarray(x * h, x * h + Math.min(h, image.height)), x * image.height);
  }
  return encodeMask(dst, image.height, image.width);
}
