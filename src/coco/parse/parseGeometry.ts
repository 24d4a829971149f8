/** An annotation's `segmentation` and `bbox`: checked, and turned into the model's shape. */
import type { Bbox, ImageRecord, Segmentation } from '../model';
import { rleStringSums } from '../rle';
import type { CocoRle } from '../types';
import type { ProblemCode, Severity } from '../problems';
import {
  allFinite,
  describeType,
  isObject,
  own,
  type ParseContext,
  type RecordPlace,
} from './context';

const NONE: Segmentation = { kind: 'none' };

export function parseSegmentation(
  ctx: ParseContext,
  value: unknown,
  place: RecordPlace,
  image: ImageRecord | undefined,
  iscrowd: boolean,
): Segmentation {
  if (value === undefined || value === null) return NONE;
  if (Array.isArray(value)) {
    if (value.length === 0) return NONE;
    if (typeof value[0] === 'number') {
      report(
        ctx,
        place,
        'flat-segmentation',
        'segmentation is one flat [x, y, …] list; COCO wants a list of parts',
        'warning',
      );
      return parsePolygons(ctx, place, [value], iscrowd, true);
    }
    if (Array.isArray(value[0]) && value.every(Array.isArray))
      return parsePolygons(ctx, place, value as unknown[][], iscrowd, false);
    if (value.every(isObject)) {
      report(
        ctx,
        place,
        'wrong-type',
        'segmentation is a list of RLE masks; COCO files hold one mask',
        'error',
      );
      return NONE;
    }
    report(
      ctx,
      place,
      'wrong-type',
      'segmentation should be a list of polygons or an RLE mask',
      'error',
    );
    return NONE;
  }
  if (isObject(value)) return parseRle(ctx, place, value, image, iscrowd);
  report(
    ctx,
    place,
    'wrong-type',
    `segmentation should be polygons or an RLE mask, not ${describeType(value)}`,
    'error',
  );
  return NONE;
}

/** A problem at `segmentation` (or a part of it) of the record at `place`. */
function report(
  ctx: ParseContext,
  place: RecordPlace,
  code: ProblemCode,
  message: string,
  severity: Severity,
  ...keys: (string | number)[]
): void {
  place.report(ctx, code, message, severity, 'segmentation', ...keys);
}

function parsePolygons(
  ctx: ParseContext,
  place: RecordPlace,
  parts: readonly unknown[][],
  iscrowd: boolean,
  flat: boolean,
): Segmentation {
  let usable = true;
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    if (!allFinite(part)) {
      report(
        ctx,
        place,
        'polygon-not-finite',
        'polygon holds something that is not a finite number; the part is ignored',
        'error',
        ...(flat ? [] : [k]),
      );
      usable = false;
      continue;
    }
    if (part.length % 2 !== 0) {
      report(
        ctx,
        place,
        'polygon-odd-length',
        `polygon has an odd number of values (${part.length}); the last is ignored`,
        'warning',
        ...(flat ? [] : [k]),
      );
    }
    if (part.length < 6) {
      report(
        ctx,
        place,
        'polygon-too-few-points',
        `polygon has ${Math.floor(part.length / 2)} points; a shape needs at least 3`,
        'warning',
        ...(flat ? [] : [k]),
      );
    }
  }
  // The file's own arrays are the model's when every part is usable: no copy per annotation.
  const polygons = (usable ? parts : parts.filter(allFinite)) as number[][];
  if (iscrowd && polygons.length > 0) {
    report(
      ctx,
      place,
      'crowd-not-rle',
      "crowd annotation given as polygons; it is written as an RLE mask on export (CVAT's rule)",
      'info',
    );
  }
  return polygons.length > 0 ? { kind: 'polygons', polygons } : NONE;
}

function parseRle(
  ctx: ParseContext,
  place: RecordPlace,
  value: Record<string, unknown>,
  image: ImageRecord | undefined,
  iscrowd: boolean,
): Segmentation {
  const size = own(value, 'size');
  const counts = own(value, 'counts');
  const sizeOk =
    Array.isArray(size) &&
    size.length === 2 &&
    size.every((v) => Number.isInteger(v) && (v as number) >= 0);
  if (!sizeOk) {
    report(
      ctx,
      place,
      'rle-invalid',
      'RLE "size" should be [height, width] in whole pixels',
      'error',
      'size',
    );
    return NONE;
  }
  const [h, w] = size as [number, number];
  const sums =
    typeof counts === 'string'
      ? rleStringSums(counts)
      : Array.isArray(counts)
        ? listSums(counts)
        : null;
  if (sums === null) {
    report(
      ctx,
      place,
      'rle-invalid',
      'RLE "counts" should be a compressed string or a list of whole numbers',
      'error',
      'counts',
    );
    return NONE;
  }
  if (sums.sum !== h * w) {
    report(
      ctx,
      place,
      'rle-counts-sum',
      `RLE counts sum to ${sums.sum}, but size ${h}×${w} has ${h * w} pixels`,
      'error',
      'counts',
    );
    return NONE;
  }
  if (image !== undefined && image.height > 0 && (h !== image.height || w !== image.width)) {
    report(
      ctx,
      place,
      'rle-size-mismatch',
      `RLE size is ${h}×${w} (height×width), but the image is ${image.height}×${image.width}`,
      'warning',
      'size',
    );
  }
  if (sums.area === 0)
    report(
      ctx,
      place,
      'rle-empty',
      "RLE mask has no pixels set (CVAT's importer fails on such masks)",
      'warning',
    );
  if (!iscrowd) {
    report(
      ctx,
      place,
      'rle-not-crowd',
      'RLE mask on a non-crowd annotation (as COCO-Stuff writes); the mask is used as given',
      'info',
    );
  }
  return { kind: 'rle', rle: value as CocoRle };
}

/** Sum of all runs and of the set runs of an uncompressed counts list; null if not whole numbers. */
function listSums(counts: readonly unknown[]): { sum: number; area: number } | null {
  let sum = 0;
  let area = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (typeof c !== 'number' || !Number.isInteger(c) || c < 0) return null;
    sum += c;
    if (i % 2 === 1) area += c;
  }
  return { sum, area };
}

/** A checked bbox: the file's own array (no copy), or null when unusable. */
export function parseBbox(ctx: ParseContext, value: unknown, place: RecordPlace): Bbox | null {
  if (value === undefined) return null;
  if (!Array.isArray(value)) {
    place.report(
      ctx,
      'wrong-type',
      `bbox should be [x, y, width, height], not ${describeType(value)}`,
      'error',
      'bbox',
    );
    return null;
  }
  if (value.length !== 4) {
    place.report(
      ctx,
      'bbox-wrong-length',
      `bbox has ${value.length} values; it should be [x, y, width, height]`,
      'error',
      'bbox',
    );
    return null;
  }
  if (!allFinite(value)) {
    place.report(
      ctx,
      'bbox-not-finite',
      'bbox holds something that is not a finite number',
      'error',
      'bbox',
    );
    return null;
  }
  const [x, y, w, h] = value as [number, number, number, number];
  if (w < 0 || h < 0) {
    place.report(
      ctx,
      'bbox-negative',
      `bbox has a negative ${w < 0 ? 'width' : 'height'}`,
      'error',
      'bbox',
    );
    return null;
  }
  if (x < 0 || y < 0)
    place.report(
      ctx,
      'bbox-negative',
      `bbox starts left of or above the image (${x}, ${y})`,
      'warning',
      'bbox',
    );
  return value as unknown as Bbox;
}
