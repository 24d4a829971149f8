/**
 * The shared ground of every mask edit (brush, eraser, conversions, fill holes, specks):
 * an annotation's pixels as pycocotools sees them, and a pixel mask written back as the
 * file would write it. Masks are column-major (pixel (x, y) at x·height + y, see rle.ts).
 */
import { annotationRle, type Size } from '../geometry';
import type { AnnotationRecord, Dataset } from '../model';
import { decodeRle, encodeMask, rleArea, rleToBbox, rleToString, type Rle } from '../rle';
import type { CocoRle } from '../types';
import { withFields } from './objects';
import type { Patch } from './patch';

/** A mask as pixels: 1 inside, 0 outside, column-major. */
export type PixelMask = { pixels: Uint8Array; height: number; width: number };

/**
 * The annotation's pixels: its RLE decoded at the RLE's own size (as pycocotools reads
 * it), its polygons rasterized at the image's size (frPyObjects); null for a box-only or
 * panoptic annotation.
 */
export function pixelMaskOf(record: AnnotationRecord, image: Size): PixelMask | null {
  const rle = annotationRle(record, image);
  if (rle === null) return null;
  return { pixels: decodeRle(rle), height: rle.size[0], width: rle.size[1] };
}

/** How RLE counts are written: a compressed string or an uncompressed list. */
export type RleForm = 'compressed' | 'uncompressed';

/**
 * The form a mask of `record` is written in: the annotation's own when it already holds
 * an RLE; else the file's first RLE's; else uncompressed, as COCO's crowd ground truth and
 * Datumaro's exporter write crowd masks.
 */
export function rleFormFor(dataset: Dataset, record: AnnotationRecord | null): RleForm {
  if (record?.segmentation.kind === 'rle') return formOf(record.segmentation.rle);
  for (const a of dataset.annotations)
    if (a.segmentation.kind === 'rle') return formOf(a.segmentation.rle);
  return 'uncompressed';
}

function formOf(rle: CocoRle): RleForm {
  return typeof rle.counts === 'string' ? 'compressed' : 'uncompressed';
}

/** An RLE as a file's `segmentation` in the given form (`size` is `[height, width]`). */
export function rleSegmentation(rle: Rle, form: RleForm): CocoRle {
  return {
    size: [rle.size[0], rle.size[1]],
    counts: form === 'compressed' ? rleToString(rle) : Array.from(rle.counts),
  };
}

/**
 * The fields a pixel mask gives an annotation: `segmentation` the RLE pycocotools'
 * `encode` gives for those pixels, in `form`; `area` its pixel count and `bbox` its
 * `toBbox`, as pycocotools computes them (and as crowd.ts writes merged crowds).
 */
export function maskFields(
  mask: PixelMask,
  form: RleForm,
): { segmentation: CocoRle; area: number; bbox: number[] } {
  const rle = encodeMask(mask.pixels, mask.height, mask.width);
  return {
    segmentation: rleSegmentation(rle, form),
    area: rleArea(rle),
    bbox: [...rleToBbox(rle)],
  };
}

/**
 * Replaces the shape of the annotation at `at` by a pixel mask, written in the form the
 * annotation (else the file) uses; every other field, and the key order, stay.
 */
export function planSetMask(dataset: Dataset, at: number, mask: PixelMask): Patch {
  const record = dataset.annotations.at(at);
  if (record === undefined) throw new RangeError(`no annotation at position ${at}`);
  const after = withFields(record.file, maskFields(mask, rleFormFor(dataset, record)));
  return [{ op: 'replace', collection: 'annotations', at, before: record.file, after }];
}
