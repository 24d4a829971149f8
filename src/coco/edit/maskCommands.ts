/**
 * The mask commands: polygon → mask, mask → polygons, fill holes, remove specks. Each is
 * planned with the pixels before and after (what the preview shows) and returns a replace
 * patch, so undo, autosave and export treat it as any other edit. Masks are written as
 * pycocotools encodes them (maskFields.ts); polygons with Datumaro's area and bbox
 * (planSetShape).
 */
import { annotationRle, type Size } from '../geometry';
import { maskToPolygons } from '../maskToPolygons';
import type { Dataset } from '../model';
import { polygonsToRle } from '../polygon';
import { rleArea, rleToBbox, type Rle } from '../rle';
import { simplifyPolygon } from '../simplifyPolygon';
import { planSetShape } from './commands';
import { crowdConvention } from './conventions';
import { rleFormFor, rleSegmentation } from './maskFields';
import { fillHoles, partCount, removeSpecks } from './maskRuns';
import { withFields, type JsonRecord } from './objects';
import type { Patch } from './patch';

export type MaskEdit =
  /** The polygon's pixels as an RLE; `crowd` also sets iscrowd (CVAT writes crowds as RLE). */
  | { kind: 'to-mask'; crowd: boolean }
  /** The mask's outlines, simplified within `tolerance` pixels (0: the exact outline). */
  | { kind: 'to-polygons'; tolerance: number }
  | { kind: 'fill-holes' }
  /** Removes 8-connected parts of fewer than `minPixels` pixels. */
  | { kind: 'remove-specks'; minPixels: number };

export type PlannedMaskEdit = {
  patch: Patch;
  /** The annotation's mask before and after, as pycocotools reads them (one size). */
  before: Rle;
  after: Rle;
  /** Polygon parts, or the mask's 8-connected parts, after the edit. */
  parts: number;
  /** Polygon points after the edit; null when the result is a mask. */
  points: number | null;
  /** The annotation object as it will be written. */
  written: JsonRecord;
};

/** Why a mask command cannot be made; its message is what the user reads. */
export class MaskEditRefused extends Error {}

/** Plans a mask command on the annotation at `at` of an image of `image`'s size. */
export function planMaskEdit(
  dataset: Dataset,
  at: number,
  image: Size,
  edit: MaskEdit,
): PlannedMaskEdit {
  const record = dataset.annotations.at(at);
  if (record === undefined) throw new RangeError(`no annotation at position ${at}`);
  const kind = record.segmentation.kind;
  const wanted = edit.kind === 'to-mask' ? 'polygons' : 'rle';
  if (kind !== wanted)
    throw new MaskEditRefused(
      wanted === 'polygons'
        ? 'only a polygon annotation can be converted to a mask'
        : 'only a mask (RLE) annotation can be changed this way',
    );
  const before = annotationRle(record, image)!;
  const [h, w] = before.size;
  const replace = (after: object): Patch => [
    { op: 'replace', collection: 'annotations', at, before: record.file, after },
  ];

  if (edit.kind === 'to-polygons') {
    const polygons = maskToPolygons(before)
      .map((part) => simplifyPolygon(part, edit.tolerance))
      .filter((part) => part.length >= 6);
    if (polygons.length === 0)
      throw new MaskEditRefused('no polygon part of 3 points or more is left at this tolerance');
    const after = polygonsToRle(polygons, h, w);
    const patch = planSetShape(dataset, at, { kind: 'polygons', polygons }, image, after);
    return {
      patch,
      before,
      after,
      parts: polygons.length,
      points: polygons.reduce((n, p) => n + p.length / 2, 0),
      written: (patch[0] as { after: JsonRecord }).after,
    };
  }

  const after =
    edit.kind === 'to-mask'
      ? before
      : edit.kind === 'fill-holes'
        ? fillHoles(before)
        : removeSpecks(before, edit.minPixels);
  if (rleArea(after) === 0)
    throw new MaskEditRefused('the result would have no pixels; nothing was changed');
  // As maskFields writes a pixel mask: the RLE (canonical, as encodeMask gives), its area
  // and toBbox, as pycocotools computes them.
  const fields: JsonRecord = {
    segmentation: rleSegmentation(after, rleFormFor(dataset, record)),
    area: rleArea(after),
    bbox: [...rleToBbox(after)],
  };
  if (edit.kind === 'to-mask' && edit.crowd)
    fields.iscrowd = crowdConvention(dataset)(record, true);
  const written = withFields(record.file, fields) as JsonRecord;
  return { patch: replace(written), before, after, parts: partCount(after), points: null, written };
}

/** Polygon → mask (the polygon's pixels as pycocotools rasterizes them). */
export function planConvertToMask(d: Dataset, at: number, image: Size, crowd = false): Patch {
  return planMaskEdit(d, at, image, { kind: 'to-mask', crowd }).patch;
}

/** Mask → polygons within `tolerance` pixels. */
export function planConvertToPolygons(
  d: Dataset,
  at: number,
  image: Size,
  tolerance: number,
): Patch {
  return planMaskEdit(d, at, image, { kind: 'to-polygons', tolerance }).patch;
}

export function planFillHoles(d: Dataset, at: number, image: Size): Patch {
  return planMaskEdit(d, at, image, { kind: 'fill-holes' }).patch;
}

export function planRemoveSpecks(d: Dataset, at: number, image: Size, minPixels: number): Patch {
  return planMaskEdit(d, at, image, { kind: 'remove-specks', minPixels }).patch;
}
