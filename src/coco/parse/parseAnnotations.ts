/** `annotations` entries (or a results list) → annotation records. */
import { idKey, type AnnotationId, type CategoryId, type IdKey, type ImageId } from '../ids';
import type { AnnotationRecord, CategoryRecord, ImageRecord, UnusableEntry } from '../model';
import type { CocoAnnotation } from '../types';
import {
  describeType,
  isFiniteNumber,
  isObject,
  own,
  RecordPlace,
  type JsonObject,
  type ParseContext,
} from './context';
import { parseBbox, parseSegmentation } from './parseGeometry';

export type Lookup = {
  images: readonly ImageRecord[];
  imageById: ReadonlyMap<IdKey, number>;
  categories: readonly CategoryRecord[];
  categoryById: ReadonlyMap<IdKey, number>;
};

/**
 * A list parsed in runs (see coco/columnar): the run starts at element `offset` of the
 * file's list of `total`, and `seen` carries the ids of the runs before it.
 */
export type RunOfList = { offset: number; total: number; seen: Map<IdKey, number> };

export function parseAnnotations(
  ctx: ParseContext,
  entries: readonly unknown[],
  { isResults, needsCategory }: { isResults: boolean; needsCategory: boolean },
  lookup: Lookup,
  unusable: UnusableEntry[],
  run: RunOfList = { offset: 0, total: entries.length, seen: new Map() },
): AnnotationRecord[] {
  const records: AnnotationRecord[] = [];
  const { seen, offset, total } = run;
  const place = new RecordPlace(isResults ? '' : 'annotations');
  for (let k = 0; k < entries.length; k++) {
    const entry = entries[k];
    const i = offset + k;
    ctx.tick(i, total);
    place.index = i;
    place.imageId = undefined;
    place.annotationId = undefined;
    if (!isObject(entry)) {
      ctx.report(
        'wrong-type',
        place.path(),
        `an annotation should be an object, not ${describeType(entry)}`,
        'error',
      );
      unusable.push({ collection: 'annotations', sourceIndex: i, value: entry });
      continue;
    }
    // pycocotools' loadRes numbers results 1..N; dataset files must carry their own ids.
    const id =
      isResults && own(entry, 'id') === undefined
        ? i + 1
        : ctx.requireId(entry, 'id', place, 'an annotation');
    const imageId = ctx.requireId(entry, 'image_id', place, 'an annotation');
    if (id === undefined || imageId === undefined) {
      unusable.push({ collection: 'annotations', sourceIndex: i, value: entry });
      continue;
    }
    place.imageId = imageId;
    place.annotationId = id;
    const first = seen.get(idKey(id));
    if (first !== undefined) {
      ctx.report(
        'duplicate-id',
        place.path('id'),
        `annotation id ${JSON.stringify(id)} is also used by annotations[${first}]`,
        'error',
        place.refs(),
      );
    } else seen.set(idKey(id), i);

    const imageIndex = lookup.imageById.get(idKey(imageId));
    const image = imageIndex === undefined ? undefined : lookup.images[imageIndex];
    if (image === undefined && !isResults) {
      ctx.report(
        'unknown-image',
        place.path('image_id'),
        `image_id ${JSON.stringify(imageId)} is not in "images"`,
        'error',
        place.refs(),
      );
    }
    const categoryId = needsCategory ? categoryOf(ctx, entry, place, lookup) : null;
    const iscrowd = iscrowdOf(ctx, entry, place, isResults);
    const segmentation = parseSegmentation(ctx, own(entry, 'segmentation'), place, image, iscrowd);
    const category =
      categoryId === null
        ? undefined
        : lookup.categories[lookup.categoryById.get(idKey(categoryId)) ?? -1];
    records.push({
      id: id as AnnotationId,
      imageId: imageId as ImageId,
      categoryId,
      segmentation,
      bbox: parseBbox(ctx, own(entry, 'bbox'), place),
      area: numberField(ctx, entry, 'area', place),
      iscrowd,
      score: numberField(ctx, entry, 'score', place),
      keypoints: keypointsOf(ctx, entry, place, category),
      caption: captionOf(ctx, entry, place),
      attributes: attributesOf(ctx, entry, place),
      file: entry as CocoAnnotation,
      sourceIndex: i,
    });
  }
  return records;
}

function categoryOf(
  ctx: ParseContext,
  entry: JsonObject,
  place: RecordPlace,
  lookup: Lookup,
): CategoryId | null {
  const value = own(entry, 'category_id');
  if (value === undefined) {
    ctx.report(
      'missing-field',
      place.path('category_id'),
      'annotation has no "category_id"',
      'error',
      place.refs(),
    );
    return null;
  }
  const id = ctx.requireId(entry, 'category_id', place, 'an annotation');
  if (id === undefined) return null;
  if (lookup.categoryById.size > 0 && !lookup.categoryById.has(idKey(id))) {
    ctx.report(
      'unknown-category',
      place.path('category_id'),
      `category_id ${JSON.stringify(id)} is not in "categories"`,
      'error',
      place.refs(),
    );
  }
  return id as CategoryId;
}

/** 0/1 as COCO writes it; true/false as COCO Annotator does; missing means 0. */
function iscrowdOf(
  ctx: ParseContext,
  entry: JsonObject,
  place: RecordPlace,
  isResults: boolean,
): boolean {
  const value = own(entry, 'iscrowd');
  if (value === 0 || value === 1) return value === 1;
  if (value === undefined) {
    if (!isResults)
      ctx.report(
        'missing-field',
        place.path('iscrowd'),
        'annotation has no "iscrowd"; read as 0',
        'info',
        place.refs(),
      );
    return false;
  }
  if (typeof value === 'boolean') {
    ctx.report(
      'iscrowd-boolean',
      place.path('iscrowd'),
      `"iscrowd" is ${String(value)}; COCO writes ${value ? 1 : 0}`,
      'info',
      place.refs(),
    );
    return value;
  }
  ctx.report(
    'wrong-type',
    place.path('iscrowd'),
    `"iscrowd" should be 0 or 1, not ${describeType(value)}; read as 0`,
    'warning',
    place.refs(),
  );
  return false;
}

function numberField(
  ctx: ParseContext,
  entry: JsonObject,
  key: 'area' | 'score',
  place: RecordPlace,
): number | null {
  const value = own(entry, key);
  if (value === undefined) return null;
  if (isFiniteNumber(value) && value >= 0) return value;
  ctx.report(
    'wrong-type',
    place.path(key),
    `"${key}" should be a number ≥ 0, not ${describeType(value)}`,
    'warning',
    place.refs(),
  );
  return null;
}

function keypointsOf(
  ctx: ParseContext,
  entry: JsonObject,
  place: RecordPlace,
  category: CategoryRecord | undefined,
): number[] | null {
  const value = own(entry, 'keypoints');
  if (value === undefined) return null;
  if (!Array.isArray(value) || !value.every(isFiniteNumber)) {
    ctx.report(
      'wrong-type',
      place.path('keypoints'),
      '"keypoints" should be a list of numbers [x, y, v, …]',
      'error',
      place.refs(),
    );
    return null;
  }
  const expected = (category?.keypoints?.length ?? 0) * 3;
  if (value.length % 3 !== 0 || (expected > 0 && value.length !== expected)) {
    const want = expected > 0 ? `${expected} (3 per named keypoint)` : 'a multiple of 3';
    ctx.report(
      'keypoints-wrong-length',
      place.path('keypoints'),
      `"keypoints" has ${value.length} numbers; expected ${want}`,
      'warning',
      place.refs(),
    );
  }
  if (value.length % 3 === 0) return value;
  return value.length >= 3 ? value.slice(0, value.length - (value.length % 3)) : null;
}

function captionOf(ctx: ParseContext, entry: JsonObject, place: RecordPlace): string | null {
  const value = own(entry, 'caption');
  if (value === undefined) return null;
  if (typeof value === 'string') return value;
  ctx.report(
    'wrong-type',
    place.path('caption'),
    `"caption" should be text, not ${describeType(value)}`,
    'warning',
    place.refs(),
  );
  return null;
}

function attributesOf(
  ctx: ParseContext,
  entry: JsonObject,
  place: RecordPlace,
): Readonly<Record<string, unknown>> | null {
  const value = own(entry, 'attributes');
  if (value === undefined) return null;
  if (isObject(value)) return value;
  ctx.report(
    'wrong-type',
    place.path('attributes'),
    `"attributes" should be an object, not ${describeType(value)}`,
    'warning',
    place.refs(),
  );
  return null;
}
