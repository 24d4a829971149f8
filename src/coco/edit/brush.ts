/**
 * Brush and eraser strokes as edits: a stroke (brushStroke.ts) painted into an
 * annotation's mask, or into a new mask annotation, merged into its RLE run by run
 * (strokeRle.ts). The mask is written as pycocotools' `encode` writes those pixels, in
 * the annotation's (else the file's) RLE form, with its area and toBbox (as maskFields.ts).
 */
import { annotationRle, type Size } from '../geometry';
import type { Dataset } from '../model';
import { rleArea, rleFromCounts, rleToBbox, type Rle } from '../rle';
import type { CocoId } from '../types';
import type { Stroke } from './brushStroke';
import { nextAnnotationId } from './commands';
import { crowdConvention } from './conventions';
import { rleFormFor, rleSegmentation, type RleForm } from './maskFields';
import { withFields, type JsonRecord } from './objects';
import type { Patch } from './patch';
import { paintRle } from './strokeRle';

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
  const record = dataset.annotations.at(at);
  if (record === undefined) throw new RangeError(`no annotation at position ${at}`);
  const kind = record.segmentation.kind;
  if (kind !== 'rle' && kind !== 'polygons')
    throw new Error(
      `annotation ${String(record.id)} has no mask or polygon to paint (a box only): draw a new mask instead`,
    );
  const rle = annotationRle(record, image);
  if (rle === null || rle.size[0] <= 0 || rle.size[1] <= 0)
    throw new Error(`annotation ${String(record.id)} has no pixels to paint on`);
  const painted = paintRle(rle, stroke, erase);
  if (painted === null) return [];
  if (rleArea(painted) === 0) throw new Error(EMPTY_ERASE_MESSAGE);
  const after = withFields(record.file, rleFields(painted, rleFormFor(dataset, record)));
  return [{ op: 'replace', collection: 'annotations', at, before: record.file, after }];
}

/** The fields of a mask given as an RLE: as `maskFields` writes them for its pixels. */
function rleFields(rle: Rle, form: RleForm) {
  return {
    segmentation: rleSegmentation(rle, form),
    area: rleArea(rle),
    bbox: [...rleToBbox(rle)],
  };
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
  if (!(image.width > 0 && image.height > 0)) throw new Error('the image has no known size');
  const empty = rleFromCounts([image.width * image.height], image.height, image.width);
  const painted = paintRle(empty, stroke, false);
  if (painted === null) return [];
  const file: JsonRecord = {
    id,
    image_id: fields.imageId,
    category_id: fields.categoryId,
    ...rleFields(painted, rleFormFor(dataset, null)),
    iscrowd: crowdConvention(dataset)(null, false),
  };
  return [{ op: 'insert', collection: 'annotations', at: dataset.annotations.length, value: file }];
}
