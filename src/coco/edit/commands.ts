/**
 * Edits as plans: each function reads the dataset and returns the patch that makes the
 * edit (it changes nothing itself). Annotations are addressed by their position in
 * `dataset.annotations`, categories by id. Area and bbox of a changed shape are computed
 * as CVAT/Datumaro write them (geometry.ts).
 */
import { mergeToCrowd } from '../crowd';
import { findAnnotations } from '../annotationTable';
import { annotationArea, annotationBbox, round2, type Size } from '../geometry';
import { rleArea, type Rle } from '../rle';
import { idKey, type IdKey } from '../ids';
import type { AnnotationRecord, Bbox, Dataset } from '../model';
import type { CocoCategory, CocoId, CocoSegmentation } from '../types';
import { crowdConvention } from './conventions';
import { withFields, withRenamedKey, type JsonRecord } from './objects';
import type { Patch, PatchOp } from './patch';

function annotationAt(dataset: Dataset, at: number): AnnotationRecord {
  const record = dataset.annotations.at(at);
  if (record === undefined) throw new RangeError(`no annotation at position ${at}`);
  return record;
}

function replace(dataset: Dataset, at: number, after: object): PatchOp {
  return {
    op: 'replace',
    collection: 'annotations',
    at,
    before: annotationAt(dataset, at).file,
    after,
  };
}

/** Sets (or, with `undefined`, removes) top-level fields of annotations: category_id, iscrowd, score… */
export function planSetFields(
  dataset: Dataset,
  positions: readonly number[],
  fields: JsonRecord,
): Patch {
  return positions.map((at) =>
    replace(dataset, at, withFields(annotationAt(dataset, at).file, fields)),
  );
}

/** Sets one entry of the annotations' `attributes` object (`undefined` removes it). */
export function planSetAttribute(
  dataset: Dataset,
  positions: readonly number[],
  name: string,
  value: unknown,
): Patch {
  return positions.map((at) => {
    const file = annotationAt(dataset, at).file as JsonRecord;
    const attributes = withFields((file.attributes as JsonRecord | undefined) ?? {}, {
      [name]: value,
    });
    const empty = Object.keys(attributes).length === 0 && file.attributes === undefined;
    return replace(dataset, at, withFields(file, { attributes: empty ? undefined : attributes }));
  });
}

/** Renames an attribute of the annotations, keeping its place among the others. */
export function planRenameAttribute(
  dataset: Dataset,
  positions: readonly number[],
  from: string,
  to: string,
): Patch {
  return positions.flatMap((at) => {
    const file = annotationAt(dataset, at).file as JsonRecord;
    const attributes = file.attributes as JsonRecord | undefined;
    if (
      attributes === undefined ||
      !Object.prototype.hasOwnProperty.call(attributes, from) ||
      from === to
    )
      return [];
    return [
      replace(dataset, at, withFields(file, { attributes: withRenamedKey(attributes, from, to) })),
    ];
  });
}

export type Shape = { kind: 'polygons'; polygons: number[][] } | { kind: 'box'; bbox: Bbox };

/**
 * How a drawn box's `segmentation` is written: `polygon`, its 4 corners (pycocotools'
 * COCOeval('segm') reads it; it crashes in `frPyObjects` on `[]`), or `empty`, Datumaro's
 * and CVAT's box-only `[]` (CVAT imports it as a rectangle).
 */
export type BoxSegmentation = 'polygon' | 'empty';

/** The 4 corners of a box as one polygon part, clockwise from the top left (image pixels). */
export function boxPolygon(bbox: Bbox): number[] {
  const [x, y, w, h] = bbox;
  return [x, y, x + w, y, x + w, y + h, x, y + h];
}

/**
 * The segmentation, area and bbox fields of a shape, as Datumaro writes them. `rasterized`:
 * the polygons' RLE at the image's size when the caller has it already (the area is its
 * pixel count, as `annotationArea` would count them again).
 */
function shapeFields(
  shape: Shape,
  image: Size,
  boxAs: BoxSegmentation = 'empty',
  rasterized?: Rle,
): { segmentation: CocoSegmentation; area: number; bbox: number[] } {
  if (shape.kind === 'box') {
    const [x, y, w, h] = shape.bbox.map(round2) as [number, number, number, number];
    if (boxAs === 'polygon')
      return shapeFields({ kind: 'polygons', polygons: [boxPolygon([x, y, w, h])] }, image);
    return { segmentation: [], area: round2(w * h), bbox: [x, y, w, h] };
  }
  const model = {
    segmentation: { kind: 'polygons' as const, polygons: shape.polygons },
    bbox: null,
  };
  const atImageSize =
    rasterized !== undefined &&
    image.width > 0 &&
    image.height > 0 &&
    rasterized.size[0] === image.height &&
    rasterized.size[1] === image.width;
  return {
    segmentation: shape.polygons,
    area: atImageSize ? rleArea(rasterized) : annotationArea(model, image),
    bbox: [...annotationBbox(model, image)],
  };
}

/**
 * Replaces an annotation's shape (moved, resized, vertices edited); area and bbox follow.
 * `rasterized`: the shape's polygons as `polygonsToRle` gives them, when already made.
 */
export function planSetShape(
  dataset: Dataset,
  at: number,
  shape: Shape,
  image: Size,
  rasterized?: Rle,
): Patch {
  const fields = shapeFields(shape, image, 'empty', rasterized);
  return [replace(dataset, at, withFields(annotationAt(dataset, at).file, fields))];
}

/**
 * New annotation ids, unique across `datasets` (all annotation files of a subset: an id
 * shared by an instances and a keypoints annotation confuses tools that join them). Each
 * call gives the next: one past the largest safe-integer id, skipping any id in use. Ids
 * past 2^53 (which JavaScript numbers cannot hold exactly) are not counted as the largest,
 * but their rounded values are never given out.
 */
export function newAnnotationIds(datasets: readonly Dataset[]): () => number {
  let max = 0;
  const used = new Set<IdKey>();
  for (const dataset of datasets) {
    for (const a of dataset.annotations) {
      const key = idKey(a.id);
      used.add(key);
      if (typeof key === 'number' && Number.isSafeInteger(key) && key > max) max = key;
    }
  }
  let next = max + 1;
  return () => {
    // Past 2^53, next + 1 === next: stop there instead of looping.
    while (Number.isSafeInteger(next) && used.has(next)) next++;
    if (!Number.isSafeInteger(next)) throw new RangeError('no free annotation id below 2^53');
    used.add(next);
    return next++;
  };
}

/** The next free annotation id of one file (see `newAnnotationIds`). */
export function nextAnnotationId(dataset: Dataset): number {
  return newAnnotationIds([dataset])();
}

/** A new annotation (drawn by the user), appended, with a new id; fields in CVAT's order. */
export function planAddAnnotation(
  dataset: Dataset,
  fields: {
    imageId: CocoId;
    categoryId: CocoId;
    shape: Shape;
    iscrowd?: boolean;
    attributes?: JsonRecord;
    /** How a box is written; a polygon unless the user chose Datumaro's `[]`. */
    boxAs?: BoxSegmentation;
  },
  image: Size,
  id: number = nextAnnotationId(dataset),
): Patch {
  const file: JsonRecord = {
    id,
    image_id: fields.imageId,
    category_id: fields.categoryId,
    ...shapeFields(fields.shape, image, fields.boxAs ?? 'polygon'),
    iscrowd: crowdConvention(dataset)(null, fields.iscrowd ?? false),
  };
  if (fields.attributes !== undefined) file.attributes = fields.attributes;
  return [{ op: 'insert', collection: 'annotations', at: dataset.annotations.length, value: file }];
}

/** Removes annotations (from the last position down, so positions stay valid). */
export function planDeleteAnnotations(dataset: Dataset, positions: readonly number[]): Patch {
  return [...new Set(positions)]
    .sort((a, b) => b - a)
    .map((at) => ({
      op: 'remove',
      collection: 'annotations',
      at,
      value: annotationAt(dataset, at).file,
    }));
}

/** Merges shapes into one crowd mask (CVAT's group rule, see crowd.ts); the others are removed. */
export function planMergeToCrowd(
  dataset: Dataset,
  positions: readonly number[],
  image: Size,
): Patch {
  const group = positions.map((at) => annotationAt(dataset, at));
  const { leader, file } = mergeToCrowd(group, image);
  const leaderAt = positions[group.indexOf(leader)]!;
  // `iscrowd` as the file writes it (`true` in a file of booleans).
  const iscrowd = crowdConvention(dataset)(leader, true);
  return [
    replace(dataset, leaderAt, withFields(file, { iscrowd })),
    ...planDeleteAnnotations(
      dataset,
      positions.filter((at) => at !== leaderAt),
    ),
  ];
}

/** Splits a multi-part polygon: the first part stays, each other part becomes a new annotation. */
export function planSplitPolygon(
  dataset: Dataset,
  at: number,
  image: Size,
  newId: () => number = newAnnotationIds([dataset]),
): Patch {
  const record = annotationAt(dataset, at);
  if (record.segmentation.kind !== 'polygons' || record.segmentation.polygons.length < 2) return [];
  const [first, ...rest] = record.segmentation.polygons.map((p) => [...p]);
  let end = dataset.annotations.length;
  const patch: Patch = planSetShape(dataset, at, { kind: 'polygons', polygons: [first!] }, image);
  for (const part of rest) {
    const copy = withFields(record.file, {
      id: newId(),
      ...shapeFields({ kind: 'polygons', polygons: [part] }, image),
    });
    patch.push({ op: 'insert', collection: 'annotations', at: end++, value: copy });
  }
  return patch;
}

// ── categories ────────────────────────────────────────────────────────────────────────

function categoryPosition(dataset: Dataset, id: CocoId): number {
  const at = dataset.index.categoryById.get(idKey(id));
  if (at === undefined) throw new RangeError(`no category ${String(id)}`);
  return at;
}

/** A new category, appended, with the next free id. */
export function planAddCategory(dataset: Dataset, name: string, supercategory = ''): Patch {
  let max = 0;
  for (const c of dataset.categories) {
    const key = idKey(c.id);
    if (typeof key === 'number' && key > max) max = key;
  }
  const value: CocoCategory = { id: max + 1, name, supercategory };
  return [{ op: 'insert', collection: 'categories', at: dataset.categories.length, value }];
}

/** Renames a category or changes its supercategory (`fields` of the category object). */
export function planSetCategoryFields(dataset: Dataset, id: CocoId, fields: JsonRecord): Patch {
  const at = categoryPosition(dataset, id);
  const before = dataset.categories[at]!.file;
  return [
    { op: 'replace', collection: 'categories', at, before, after: withFields(before, fields) },
  ];
}

function positionsOfCategory(dataset: Dataset, id: CocoId): number[] {
  const key = idKey(id);
  return findAnnotations(
    dataset.annotations,
    (a) => a.categoryId !== null && idKey(a.categoryId) === key,
  );
}

/** How many annotations a category has (what the user is told before deleting it). */
export function countOfCategory(dataset: Dataset, id: CocoId): number {
  return positionsOfCategory(dataset, id).length;
}

/** Moves every annotation of `from` to `into`, then removes `from`. */
export function planMergeCategories(dataset: Dataset, from: CocoId, into: CocoId): Patch {
  categoryPosition(dataset, into);
  const at = categoryPosition(dataset, from);
  return [
    ...planSetFields(dataset, positionsOfCategory(dataset, from), {
      category_id: dataset.categories[categoryPosition(dataset, into)]!.id,
    }),
    { op: 'remove', collection: 'categories', at, value: dataset.categories[at]!.file },
  ];
}

/** Deletes a category; its annotations are deleted too, or reassigned to another category. */
export function planDeleteCategory(
  dataset: Dataset,
  id: CocoId,
  annotations: { delete: true } | { reassignTo: CocoId },
): Patch {
  if ('reassignTo' in annotations) return planMergeCategories(dataset, id, annotations.reassignTo);
  const at = categoryPosition(dataset, id);
  return [
    ...planDeleteAnnotations(dataset, positionsOfCategory(dataset, id)),
    { op: 'remove', collection: 'categories', at, value: dataset.categories[at]!.file },
  ];
}
