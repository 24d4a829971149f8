/**
 * What an export writes, given the user's settings, as Datumaro's COCO exporter does:
 *
 * - segmentation mode `guess` (the default): crowd instances are written as RLE masks
 *   (polygons and boxes marked crowd are rasterized, uncompressed counts; masks are kept
 *   as they came, compressed strings included), everything else as it is;
 *   `polygons`: masks are traced to polygons and nothing is crowd; `masks`: every shape is
 *   an RLE mask and crowd.
 * - only annotated images; drop what makes other tools fail (references to missing images
 *   or categories, empty masks, shapes with nothing to draw) and give box-only annotations
 *   (`segmentation: []`) their box's polygon, which COCOeval('segm') needs (kept rather than
 *   dropped: the object is real); category ids renumbered 1..N
 *   (CVAT reads id 0 as "no label").
 *
 * Untouched records come out as the objects they are, so an export with default settings
 * of an unedited dataset equals its input.
 */
import { withFields } from './edit/objects';
import type { ExportOptions } from './export';
import { boxPolygon } from './edit/commands';
import { crowdConvention } from './edit/conventions';
import { annotationArea, annotationRle, type Size } from './geometry';
import { idKey, type IdKey } from './ids';
import { bboxToRle } from './polygon';
import { maskToPolygons } from './maskToPolygons';
import type { AnnotationRecord, Dataset } from './model';
import { rleArea, rleToBbox, type Rle } from './rle';

export type SegmentationMode = 'guess' | 'polygons' | 'masks';

export type ExportSettings = {
  segmentation: SegmentationMode;
  onlyAnnotatedImages: boolean;
  dropProblems: boolean;
  remapCategoryIds: boolean;
  /** 0 for compact JSON. */
  indent: number;
};

export const DEFAULT_EXPORT: ExportSettings = {
  segmentation: 'guess',
  onlyAnnotatedImages: false,
  dropProblems: false,
  remapCategoryIds: false,
  indent: 0,
};

const uncompressed = (rle: Rle) => ({
  counts: Array.from(rle.counts),
  size: [rle.size[0], rle.size[1]],
});

/**
 * A shape written as a crowd mask: its RLE (uncompressed counts, as COCO's crowd ground
 * truth), pycocotools' `area`, and the bbox that mask has (`toBbox`), the one rule for a
 * crowd's bbox, which the checks hold it to (a polygon's coordinate box is up to a pixel
 * off the rasterized mask's, which reopened would read as "Box differs from the shape").
 */
function crowdFields(rle: Rle) {
  return { segmentation: uncompressed(rle), area: rleArea(rle), bbox: [...rleToBbox(rle)] };
}

/**
 * The export options (transforms of records) that realize the settings for a dataset.
 * In `guess` mode only annotations the user changed are rewritten (an untouched one keeps
 * what it came with, even a crowd box without a mask); the other modes rewrite all.
 */
export function planExport(
  dataset: Dataset,
  settings: ExportSettings,
  isEdited: (record: AnnotationRecord) => boolean = () => false,
): ExportOptions {
  const imageOf = (a: AnnotationRecord): Size | undefined => {
    const i = dataset.index.imageById.get(idKey(a.imageId));
    return i === undefined ? undefined : dataset.images[i];
  };
  const categoryIds = new Map<IdKey, number>();
  if (settings.remapCategoryIds)
    dataset.categories.forEach((c, i) => categoryIds.set(idKey(c.id), i + 1));

  const crowd = crowdConvention(dataset);
  const annotation = (a: AnnotationRecord): object | null => {
    const image = imageOf(a);
    if (settings.dropProblems && !usable(dataset, a, image)) return null;
    const mode = settings.segmentation;
    let file =
      mode === 'guess' && !isEdited(a)
        ? a.file
        : safeReshape(a, image ?? { width: 0, height: 0 }, mode, crowd);
    if (settings.dropProblems && needsBoxPolygon(dataset, a, file))
      file = withBoxPolygon(file, a, image);
    if (settings.dropProblems) file = withRequiredFields(dataset, a, file, crowd);
    if (settings.remapCategoryIds && a.categoryId !== null) {
      const id = categoryIds.get(idKey(a.categoryId));
      if (id !== undefined) file = withFields(file, { category_id: id });
    }
    return file;
  };

  let keepImage: ExportOptions['keepImage'];
  if (settings.onlyAnnotatedImages) {
    const annotated = new Set<IdKey>();
    for (const a of dataset.annotations)
      if (!settings.dropProblems || usable(dataset, a, imageOf(a))) annotated.add(idKey(a.imageId));
    keepImage = (image) => annotated.has(idKey(image.id));
  }
  return {
    indent: settings.indent,
    annotation: dataset.kind === 'panoptic' ? undefined : annotation,
    keepImage,
    keepsUnedited:
      settings.segmentation === 'guess' && !settings.dropProblems && !settings.remapCategoryIds,
    category: settings.remapCategoryIds
      ? (c) => withFields(c.file, { id: categoryIds.get(idKey(c.id)) })
      : undefined,
  };
}

/**
 * A box-only ground-truth annotation (`segmentation` `[]` or absent): pycocotools'
 * COCOeval('segm') crashes on it (`IndexError` in `frPyObjects`, `KeyError` when absent).
 * Results lists are left alone: `loadRes` gives their boxes a polygon itself.
 */
function needsBoxPolygon(dataset: Dataset, a: AnnotationRecord, file: object): boolean {
  if (!['instances', 'person_keypoints', 'stuff'].includes(dataset.kind)) return false;
  // What is written: a crowd box may already be an RLE mask (guess mode).
  const written = (file as { segmentation?: unknown }).segmentation;
  if (written !== undefined && !(Array.isArray(written) && written.length === 0)) return false;
  return a.segmentation.kind === 'none' && a.bbox !== null && a.bbox[2] > 0 && a.bbox[3] > 0;
}

/** The annotation with its box's 4-corner polygon as segmentation, and that polygon's area. */
function withBoxPolygon(file: object, a: AnnotationRecord, image: Size | undefined): object {
  const polygons = [boxPolygon(a.bbox!)];
  const shape = { segmentation: { kind: 'polygons' as const, polygons }, bbox: a.bbox };
  return withFields(file, {
    segmentation: polygons,
    area: annotationArea(shape, image ?? { width: 0, height: 0 }),
  });
}

/**
 * Fields Datumaro's importer requires (`_parse_field` raises MissingFieldError) and
 * COCOeval('keypoints') reads: `iscrowd` on instances, keypoints and stuff annotations
 * (written as the file writes it, 0 or false, or 1 / true for a mask marked crowd
 * elsewhere); on person_keypoints, `keypoints` (all unlabelled: `[0, 0, 0]` per keypoint
 * of the category) and `num_keypoints`.
 */
function withRequiredFields(
  dataset: Dataset,
  a: AnnotationRecord,
  file: object,
  crowd: ReturnType<typeof crowdConvention>,
): object {
  if (!['instances', 'person_keypoints', 'stuff'].includes(dataset.kind)) return file;
  const set: Record<string, unknown> = {};
  if (!('iscrowd' in file)) set.iscrowd = crowd(null, a.iscrowd);
  if (dataset.kind === 'person_keypoints') {
    const keypoints = (file as { keypoints?: unknown }).keypoints;
    if (!Array.isArray(keypoints)) {
      const at =
        a.categoryId === null ? undefined : dataset.index.categoryById.get(idKey(a.categoryId));
      const names = at === undefined ? [] : (dataset.categories[at]?.keypoints ?? []);
      set.keypoints = names.flatMap(() => [0, 0, 0]);
      set.num_keypoints = 0;
    } else if (!('num_keypoints' in file)) {
      set.num_keypoints = keypoints.filter(
        (v, i) => i % 3 === 2 && typeof v === 'number' && v > 0,
      ).length;
    }
  }
  return Object.keys(set).length === 0 ? file : withFields(file, set);
}

/** What CVAT's importer and pycocotools need of an annotation to read it. */
function usable(dataset: Dataset, a: AnnotationRecord, image: Size | undefined): boolean {
  if (image === undefined) return false;
  if (
    a.categoryId !== null &&
    dataset.categories.length > 0 &&
    !dataset.index.categoryById.has(idKey(a.categoryId))
  )
    return false;
  const seg = a.segmentation;
  if (seg.kind === 'rle') {
    const rle = annotationRle(a, image);
    return rle !== null && rleArea(rle) > 0;
  }
  if (seg.kind === 'polygons') return seg.polygons.some((p) => p.length >= 6);
  return true;
}

/** `iscrowd` as the file writes it (a boolean in a file of booleans). */
type Crowd = ReturnType<typeof crowdConvention>;

/** `reshape`, or the annotation as it is when its shape is too large to rasterize. */
function safeReshape(
  a: AnnotationRecord,
  image: Size,
  mode: SegmentationMode,
  crowd: Crowd,
): object {
  try {
    return reshape(a, image, mode, crowd);
  } catch {
    return a.file;
  }
}

/** The annotation's file object with its segmentation written in the chosen mode. */
function reshape(a: AnnotationRecord, image: Size, mode: SegmentationMode, crowd: Crowd): object {
  const seg = a.segmentation;
  const hasImage = image.width > 0 && image.height > 0;
  switch (mode) {
    case 'guess': {
      if (!a.iscrowd || seg.kind === 'rle' || seg.kind === 'panoptic' || !hasImage) return a.file;
      const rle =
        seg.kind === 'polygons'
          ? annotationRle(a, image)
          : a.bbox !== null
            ? bboxToRle(a.bbox, image.height, image.width)
            : null;
      return rle === null ? a.file : withFields(a.file, crowdFields(rle));
    }
    case 'masks': {
      if (seg.kind === 'rle')
        return a.iscrowd ? a.file : withFields(a.file, { iscrowd: crowd(a, true) });
      if (!hasImage || seg.kind === 'panoptic') return a.file;
      const rle =
        seg.kind === 'polygons'
          ? annotationRle(a, image)
          : a.bbox !== null
            ? bboxToRle(a.bbox, image.height, image.width)
            : null;
      if (rle === null) return a.file;
      return withFields(a.file, { ...crowdFields(rle), iscrowd: crowd(a, true) });
    }
    case 'polygons': {
      if (seg.kind !== 'rle')
        return a.iscrowd ? withFields(a.file, { iscrowd: crowd(a, false) }) : a.file;
      const rle = annotationRle(a, image);
      if (rle === null) return a.file;
      return withFields(a.file, { segmentation: maskToPolygons(rle), iscrowd: crowd(a, false) });
    }
  }
}
