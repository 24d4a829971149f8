/**
 * Brush and eraser strokes as edits: a stroke (brushStroke.ts) painted into an
 * annotation's mask, or into a new mask annotation. The mask is written as
 * pycocotools' `encode` writes it, in the annotation's (else the file's) RLE form, with
 * its area and bbox (maskFields.ts).
 */
import type { Size } from '../geometry';
import type { Dataset } from '../model';
import type { CocoId } from '../types';
import { paintStroke, type Stroke } from './brushStroke';
import { nextAnnotationId } from './commands';
import { crowdConvention } from './conventions';
import { maskFields, pixelMaskOf, planSetMask, rleFormFor, type PixelMask } from './maskFields';
import type { JsonRecord } from './objects';
import type { Patch } from './patch';

export const EMPTY_ERASE_MESSAGE =
  'the eraser would leave this mask without a single pixel (CVAT cannot import an empty ' +
  'mask): delete the annotation instead';

/**
 * Paints (`erase` false) or erases a stroke on the annotation at `at`. A mask gets pixels
 * added or removed; a polygon becomes a mask (its polygons rasterized as pycocotools
 * does, then the stroke), its `iscrowd` unchanged. A box-only annotation cannot be
 * painted. A stroke that changes no pixel gives an empty patch; an erase that would leave
 * no pixel is refused.
 */
export function planPaintStroke(
  dataset: Dataset,
  at: number,
  stroke: Stroke,
  image: Size,
  erase: boolean,
): Patch {
  const record = dataset.annotations[at];
  if (record === undefined) throw new RangeError(`no annotation at position ${at}`);
  const kind = record.segmentation.kind;
  if (kind !== 'rle' && kind !== 'polygons')
    throw new Error(
      `annotation ${String(record.id)} has no mask or polygon to paint (a box only): draw a new mask instead`,
    );
  const mask = pixelMaskOf(record, image);
  if (mask === null || mask.width <= 0 || mask.height <= 0)
    throw new Error(`annotation ${String(record.id)} has no pixels to paint on`);
  if (!paintStroke(mask.pixels, mask.width, mask.height, stroke, erase ? 0 : 1)) return [];
  if (erase && !mask.pixels.includes(1)) throw new Error(EMPTY_ERASE_MESSAGE);
  return planSetMask(dataset, at, mask);
}

/**
 * A new mask annotation of `categoryId` on image `imageId`: the stroke's pixels, an RLE
 * in the file's form, not a crowd (written as the file writes `iscrowd`); fields in
 * CVAT's order. A stroke wholly outside the image gives an empty patch.
 */
export function planAddMask(
  dataset: Dataset,
  fields: { imageId: CocoId; categoryId: CocoId },
  stroke: Stroke,
  image: Size,
  id: number = nextAnnotationId(dataset),
): Patch {
  const mask: PixelMask = {
    pixels: new Uint8Array(image.width * image.height),
    width: image.width,
    height: image.height,
  };
  if (!paintStroke(mask.pixels, mask.width, mask.height, stroke, 1)) return [];
  const file: JsonRecord = {
    id,
    image_id: fields.imageId,
    category_id: fields.categoryId,
    ...maskFields(mask, rleFormFor(dataset, null)),
    iscrowd: crowdConvention(dataset)(null, false),
  };
  return [{ op: 'insert', collection: 'annotations', at: dataset.annotations.length, value: file }];
}
