/**
 * Group to crowd, by CVAT's rule (Datumaro's COCO exporter): the shapes of a group become
 * one crowd instance whose mask is the union of the group's polygons and masks, whose
 * category, attributes and score come from the largest shape (the "leader"), and whose
 * bbox is the union of the group's boxes if it has any, else of all its shapes.
 * Boxes give the bbox, not pixels, as in CVAT (a box grouped with a polygon is that
 * polygon's box); a group of boxes only is rasterized, so the crowd is not empty.
 */
import { annotationRle, polygonsBbox, round2, unionBbox, type Size } from './geometry';
import type { AnnotationRecord, Bbox } from './model';
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
  if (rles.length === 0)
    rles.push(...boxes.map((a) => bboxToRle(a.bbox!, image.height, image.width)));
  const rle = mergeRles(rles);
  const bbox =
    boxes.length > 0
      ? unionBbox(boxes.map((a) => a.bbox!))
      : unionBbox(group.map(shapeBbox(image)));
  const file: CocoAnnotation = {
    ...(leader.file as CocoAnnotation),
    segmentation: { counts: Array.from(rle.counts), size: [rle.size[0], rle.size[1]] },
    area: rleArea(rle),
    bbox: [round2(bbox[0]), round2(bbox[1]), round2(bbox[2]), round2(bbox[3])],
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

function shapeBbox(image: Size): (a: AnnotationRecord) => Bbox {
  return (a) => {
    const seg = a.segmentation;
    if (seg.kind === 'polygons') return polygonsBbox(seg.polygons);
    if (seg.kind === 'rle') return rleToBbox(annotationRle(a, image)!);
    return a.bbox ?? [0, 0, 0, 0];
  };
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
