/**
 * What an annotation holds, as the page is sent it: one variant per kind, so the page
 * narrows by kind instead of asserting that a field is there (see `AnnotationBody`).
 */
import type { AnnotationRecord } from '../coco';
import { assertNever } from '../coco/assertNever';
import type { AnnotationBody, MaskImage, ViewBbox } from './protocol';

/**
 * The kind is the segmentation's when there is one; without one, keypoints come first,
 * then a caption, then a bbox; an annotation with none of them is only a label. Masks are
 * null here: the worker shell draws them (`setMask`).
 */
export function bodyOf(ann: AnnotationRecord): AnnotationBody {
  const seg = ann.segmentation;
  const bbox: ViewBbox | null =
    ann.bbox === null ? null : [ann.bbox[0], ann.bbox[1], ann.bbox[2], ann.bbox[3]];
  const keypoints = ann.keypoints === null ? null : Array.from(ann.keypoints);
  const caption = ann.caption;
  switch (seg.kind) {
    case 'polygons': {
      const polygons = seg.polygons.map((p) => Array.from(p));
      return { kind: 'polygon', polygons, bbox, keypoints, caption };
    }
    case 'rle':
      return { kind: 'mask', mask: null, bbox, keypoints, caption };
    case 'panoptic':
      // A panoptic segment's record never has keypoints nor a caption (parsePanoptic.ts).
      return { kind: 'segment', mask: null, bbox };
    case 'none':
      if (keypoints !== null) return { kind: 'keypoints', keypoints, bbox, caption };
      if (caption !== null) return { kind: 'caption', caption, bbox };
      return bbox === null ? { kind: 'label' } : { kind: 'box', bbox };
    default:
      return assertNever(seg);
  }
}

/**
 * Gives a mask or a segment the bitmap drawn from its pixels. Only those kinds have
 * pixels to draw (`ImageViewParts.masks`), so any other kind here is a programmer error.
 */
export function setMask(body: AnnotationBody, mask: MaskImage): void {
  if (body.kind !== 'mask' && body.kind !== 'segment')
    throw new Error(`a ${body.kind} annotation has no mask to draw`);
  body.mask = mask;
}
