/**
 * Annotations and detections as the store holds them, and what every kind may have in
 * common (a bbox, keypoints, a caption), read by narrowing on the kind: the canvas and the
 * inspector never assert that a field is there.
 */
import { assertNever } from '../coco/assertNever';
import type { AnnotationBody, MaskImage, ViewBbox } from '../worker/protocol';

/**
 * A view annotation or detection without its bitmap (the store holds no bitmaps: they stay
 * in canvas/imageViews.ts, by key). The kinds that have a mask say whether one was drawn.
 */
export type WithoutBitmap<T> = T extends { mask: MaskImage | null }
  ? Omit<T, 'mask'> & { hasMask: boolean }
  : T;

/** What every kind holds, bitmaps taken out. */
export type PlainBody = WithoutBitmap<AnnotationBody>;

/** The bbox, when the kind can have one and the file gives it (image pixels, `[x, y, w, h]`). */
export function bboxOf(a: PlainBody): ViewBbox | null {
  switch (a.kind) {
    case 'polygon':
    case 'mask':
    case 'segment':
    case 'keypoints':
    case 'caption':
    case 'box':
      return a.bbox;
    case 'label':
      return null;
    default:
      return assertNever(a);
  }
}

/** Keypoints `[x, y, v, …]` (image pixels), when the kind can have them and the file gives them. */
export function keypointsOf(a: PlainBody): number[] | null {
  switch (a.kind) {
    case 'polygon':
    case 'mask':
    case 'keypoints':
      return a.keypoints;
    case 'segment':
    case 'caption':
    case 'box':
    case 'label':
      return null;
    default:
      return assertNever(a);
  }
}

/** The caption, when the kind can have one and the file gives it. */
export function captionOf(a: PlainBody): string | null {
  switch (a.kind) {
    case 'polygon':
    case 'mask':
    case 'keypoints':
    case 'caption':
      return a.caption;
    case 'segment':
    case 'box':
    case 'label':
      return null;
    default:
      return assertNever(a);
  }
}

/** Whether a mask or segment was drawn as a bitmap; other kinds have none. */
export function maskDrawn(a: PlainBody): boolean {
  return (a.kind === 'mask' || a.kind === 'segment') && a.hasMask;
}
