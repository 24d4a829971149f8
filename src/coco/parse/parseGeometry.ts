/** An annotation's `segmentation` and `bbox`: checked, and turned into the model's shape. */
import type { AnnotationId, ImageId } from '../ids';
import type { Bbox, ImageRecord, Segmentation } from '../model';
import { pathOf } from '../problems';
import { rleStringSums } from '../rle';
import type { CocoRle } from '../types';
import { allFinite, describeType, isObject, own, type ParseContext } from './context';

const NONE: Segmentation = { kind: 'none' };

type Refs = { imageId: ImageId; annotationId?: AnnotationId };

export function parseSegmentation(
  ctx: ParseContext,
  value: unknown,
  path: string,
  image: ImageRecord | undefined,
  iscrowd: boolean,
  refs: Refs,
): Segmentation {
  if (value === undefined || value === null) return NONE;
  if (Array.isArray(value)) {
    if (value.length === 0) return NONE;
    if (typeof value[0] === 'number') {
      ctx.report(
        'flat-segmentation',
        path,
        'segmentation is one flat [x, y, …] list; COCO wants a list of parts',
        'warning',
        refs,
      );
      return parsePolygons(ctx, [value], path, iscrowd, refs, true);
    }
    if (Array.isArray(value[0]) && value.every(Array.isArray))
      return parsePolygons(ctx, value as unknown[][], path, iscrowd, refs, false);
    if (value.every(isObject)) {
      ctx.report(
        'wrong-type',
        path,
        'segmentation is a list of RLE masks; COCO files hold one mask',
        'error',
        refs,
      );
      return NONE;
    }
    ctx.report(
      'wrong-type',
      path,
      'segmentation should be a list of polygons or an RLE mask',
      'error',
      refs,
    );
    return NONE;
  }
  if (isObject(value)) return parseRle(ctx, value, path, image, iscrowd, refs);
  ctx.report(
    'wrong-type',
    path,
    `segmentation should be polygons or an RLE mask, not ${describeType(value)}`,
    'error',
    refs,
  );
  return NONE;
}

function parsePolygons(
  ctx: ParseContext,
  parts: readonly unknown[][],
  path: string,
  iscrowd: boolean,
  refs: Refs,
  flat: boolean,
): Segmentation {
  const polygons: number[][] = [];
  parts.forEach((part, k) => {
    if (!allFinite(part)) {
      ctx.report(
        'polygon-not-finite',
        flat ? path : `${path}[${k}]`,
        'polygon holds something that is not a finite number; the part is ignored',
        'error',
        refs,
      );
      return;
    }
    if (part.length % 2 !== 0) {
      ctx.report(
        'polygon-odd-length',
        flat ? path : `${path}[${k}]`,
        `polygon has an odd number of values (${part.length}); the last is ignored`,
        'warning',
        refs,
      );
    }
    if (part.length < 6) {
      ctx.report(
        'polygon-too-few-points',
        flat ? path : `${path}[${k}]`,
        `polygon has ${Math.floor(part.length / 2)} points; a shape needs at least 3`,
        'warning',
        refs,
      );
    }
    polygons.push(part);
  });
  if (iscrowd && polygons.length > 0) {
    ctx.report(
      'crowd-not-rle',
      path,
      "crowd annotation given as polygons; it is written as an RLE mask on export (CVAT's rule)",
      'info',
      refs,
    );
  }
  return polygons.length > 0 ? { kind: 'polygons', polygons } : NONE;
}

function parseRle(
  ctx: ParseContext,
  value: Record<string, unknown>,
  path: string,
  image: ImageRecord | undefined,
  iscrowd: boolean,
  refs: Refs,
): Segmentation {
  const size = own(value, 'size');
  const counts = own(value, 'counts');
  const sizeOk =
    Array.isArray(size) &&
    size.length === 2 &&
    size.every((v) => Number.isInteger(v) && (v as number) >= 0);
  if (!sizeOk) {
    ctx.report(
      'rle-invalid',
      pathOf(path, 'size'),
      'RLE "size" should be [height, width] in whole pixels',
      'error',
      refs,
    );
    return NONE;
  }
  const [h, w] = size as [number, number];
  let sums: { sum: number; area: number } | null;
  if (typeof counts === 'string') sums = rleStringSums(counts);
  else sums = Array.isArray(counts) ? listSums(counts) : null;
  if (sums === null) {
    ctx.report(
      'rle-invalid',
      pathOf(path, 'counts'),
      'RLE "counts" should be a compressed string or a list of whole numbers',
      'error',
      refs,
    );
    return NONE;
  }
  const { sum, area } = sums;
  if (sum !== h * w) {
    ctx.report(
      'rle-counts-sum',
      pathOf(path, 'counts'),
      `RLE counts sum to ${sum}, but size ${h}×${w} has ${h * w} pixels`,
      'error',
      refs,
    );
    return NONE;
  }
  if (image !== undefined && image.height > 0 && (h !== image.height || w !== image.width)) {
    ctx.report(
      'rle-size-mismatch',
      pathOf(path, 'size'),
      `RLE size is ${h}×${w} (height×width), but the image is ${image.height}×${image.width}`,
      'warning',
      refs,
    );
  }
  if (area === 0) {
    ctx.report(
      'rle-empty',
      path,
      "RLE mask has no pixels set (CVAT's importer fails on such masks)",
      'warning',
      refs,
    );
  }
  if (!iscrowd) {
    ctx.report(
      'rle-not-crowd',
      path,
      'RLE mask on a non-crowd annotation (as COCO-Stuff writes); the mask is used as given',
      'info',
      refs,
    );
  }
  return { kind: 'rle', rle: value as CocoRle };
}

export function parseBbox(
  ctx: ParseContext,
  value: unknown,
  path: string,
  refs: Refs,
): Bbox | null {
  if (value === undefined) return null;
  if (!Array.isArray(value)) {
    ctx.report(
      'wrong-type',
      path,
      `bbox should be [x, y, width, height], not ${describeType(value)}`,
      'error',
      refs,
    );
    return null;
  }
  if (value.length !== 4) {
    ctx.report(
      'bbox-wrong-length',
      path,
      `bbox has ${value.length} values; it should be [x, y, width, height]`,
      'error',
      refs,
    );
    return null;
  }
  if (!allFinite(value)) {
    ctx.report(
      'bbox-not-finite',
      path,
      'bbox holds something that is not a finite number',
      'error',
      refs,
    );
    return null;
  }
  const [x, y, w, h] = value as [number, number, number, number];
  if (w < 0 || h < 0) {
    ctx.report(
      'bbox-negative',
      path,
      `bbox has a negative ${w < 0 ? 'width' : 'height'}`,
      'error',
      refs,
    );
    return null;
  }
  if (x < 0 || y < 0) {
    ctx.report(
      'bbox-negative',
      path,
      `bbox starts left of or above the image (${x}, ${y})`,
      'warning',
      refs,
    );
  }
  return [x, y, w, h];
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
