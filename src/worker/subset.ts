/**
 * A subset (`train`, `val2017`, `default`) is what the user browses: one or more
 * annotation files of the same images (instances and person_keypoints of one subset
 * are shown together), their images merged by id, their categories merged by id.
 */
import {
  idKey,
  jsonEqual,
  type AnnotationRecord,
  type CategoryRecord,
  type Dataset,
  type IdKey,
  type ImageRecord,
  type Problem,
  type ProblemCode,
  StoredAnnotations,
  storedPlace,
} from '../coco';
import type { VirtualFile } from '../io/virtualFiles';
import type { Predictions } from './predictions';

export type SourceDataset = {
  path: string;
  /**
   * The file it was read from: a faithful export copies the bytes of what the user did not
   * change from it (see coco/faithful). null for a file cocoscope made.
   */
  file: VirtualFile | null;
  /** The dataset as opened, before any edit. */
  original: Dataset;
  /** The file's spelling of integers past 2^53 (see coco/faithful/exactIntegers.ts). */
  exactIntegers: ReadonlyMap<number, string>;
  /**
   * The annotation file objects as opened, by their position in the file (for "edited"):
   * an array, or for a stored table its elements read back from the file.
   */
  originals: { at(sourceIndex: number): object | undefined };
  /** Replaced by each edit (datasets are immutable; see coco/edit/patch.ts). */
  dataset: Dataset;
  problems: readonly Problem[];
  problemCounts: ReadonlyMap<ProblemCode, number>;
};

export type Subset = {
  name: string;
  sources: SourceDataset[];
  /** Images of all sources, merged by id: the first source's first, in file order. */
  images: ImageRecord[];
  imageById: ReadonlyMap<IdKey, number>;
  /** For source s, the position in `images` of each of its own images. */
  imageMaps: Int32Array[];
  categories: readonly CategoryRecord[];
  categoryById: ReadonlyMap<IdKey, number>;
  /** An annotation's key is `keyOffsets[s] + its position in source s`. */
  keyOffsets: number[];
  /** For each image, the index of its picture among the opened files, or -1. */
  pictures: Int32Array;
  /** A results list shown over the ground truth, when one was given. */
  predictions: Predictions | null;
};

/**
 * After an edit: categories (when `categoriesChanged`: merging 10^6 of them is not free)
 * and annotation keys follow the sources' new datasets.
 */
export function refreshSubset(subset: Subset, categoriesChanged = true): void {
  if (categoriesChanged) {
    const { categories, categoryById } = mergeCategories(subset.sources);
    subset.categories = categories;
    subset.categoryById = categoryById;
  }
  subset.keyOffsets = keyOffsetsOf(subset.sources);
}

function mergeCategories(sources: readonly SourceDataset[]): {
  categories: readonly CategoryRecord[];
  categoryById: ReadonlyMap<IdKey, number>;
} {
  // One file whose category ids are unique: its own table and index are the merge (10^6
  // categories need no second map).
  const only = sources.length === 1 ? sources[0]!.dataset : null;
  if (only !== null && only.index.categoryById.size === only.categories.length)
    return { categories: only.categories, categoryById: only.index.categoryById };
  const categories: CategoryRecord[] = [];
  const categoryById = new Map<IdKey, number>();
  for (const { dataset } of sources) {
    for (const category of dataset.categories) {
      const key = idKey(category.id);
      if (!categoryById.has(key)) {
        categoryById.set(key, categories.length);
        categories.push(category);
      }
    }
  }
  return { categories, categoryById };
}

function keyOffsetsOf(sources: readonly SourceDataset[]): number[] {
  const keyOffsets: number[] = [];
  let offset = 0;
  for (const { dataset } of sources) {
    keyOffsets.push(offset);
    offset += dataset.annotations.length;
  }
  return keyOffsets;
}

export function buildSubset(name: string, sources: SourceDataset[]): Subset {
  // The source with the most images leads, so instances come before captions.
  const ordered = [...sources].sort((a, b) => b.dataset.images.length - a.dataset.images.length);
  const { images, imageById, imageMaps } = mergeImages(ordered);
  const { categories, categoryById } = mergeCategories(ordered);
  const keyOffsets = keyOffsetsOf(ordered);
  return {
    name,
    sources: ordered,
    images,
    imageById,
    imageMaps,
    categories,
    categoryById,
    keyOffsets,
    pictures: new Int32Array(images.length).fill(-1),
    predictions: null,
  };
}

/** The sources' images merged by id, in order; and, per source, where each of its images went. */
function mergeImages(
  ordered: readonly SourceDataset[],
): Pick<Subset, 'images' | 'imageById' | 'imageMaps'> {
  const only = ordered.length === 1 ? ordered[0]!.dataset : null;
  if (only !== null && only.index.imageById.size === only.images.length) {
    // One file whose image ids are all different: its own list and index, as they are.
    const n = only.images.length;
    const identity = new Int32Array(n);
    for (let i = 0; i < n; i++) identity[i] = i;
    return { images: only.images.slice(), imageById: only.index.imageById, imageMaps: [identity] };
  }
  const images: ImageRecord[] = [];
  const imageById = new Map<IdKey, number>();
  const imageMaps = ordered.map(({ dataset }) =>
    Int32Array.from(dataset.images, (image) => {
      const key = idKey(image.id);
      let at = imageById.get(key);
      if (at === undefined) {
        at = images.length;
        images.push(image);
        imageById.set(key, at);
      }
      return at;
    }),
  );
  return { images, imageById, imageMaps };
}

/** The annotations of merged image `i`: `[source, position]` pairs, in file order. */
export function annotationsOfImage(subset: Subset, i: number): [number, number][] {
  const image = subset.images[i];
  if (image === undefined) return [];
  const out: [number, number][] = [];
  subset.sources.forEach(({ dataset }, s) => {
    const local = dataset.index.imageById.get(idKey(image.id));
    if (local === undefined) return;
    const { imageOffsets, annotationOrder } = dataset.index;
    for (let k = imageOffsets[local]!; k < imageOffsets[local + 1]!; k++)
      out.push([s, annotationOrder[k]!]);
  });
  return out;
}

/** The source and position of an annotation key. */
export function locateKey(subset: Subset, key: number): [number, number] | null {
  for (let s = subset.keyOffsets.length - 1; s >= 0; s--) {
    const base = subset.keyOffsets[s]!;
    if (key >= base) {
      const position = key - base;
      return position < subset.sources[s]!.dataset.annotations.length ? [s, position] : null;
    }
  }
  return null;
}

/** How many annotations the subset's files held for image `i` when they were opened. */
export function originalAnnotationCount(subset: Subset, i: number): number {
  const image = subset.images[i];
  if (image === undefined) return 0;
  let n = 0;
  for (const { original } of subset.sources) {
    const local = original.index.imageById.get(idKey(image.id));
    if (local !== undefined)
      n += original.index.imageOffsets[local + 1]! - original.index.imageOffsets[local]!;
  }
  return n;
}

/** Whether an annotation differs from what the file held when it was opened (or is new). */
export function isEdited(source: SourceDataset, record: AnnotationRecord): boolean {
  if (record.sourceIndex < 0) return true;
  // A stored table's record is the file's, read back: edits make records of their own.
  if (storedPlace(record) !== null) return false;
  const original = source.originals.at(record.sourceIndex);
  if (record.segmentation.kind === 'panoptic') {
    // A panoptic segment's original is one of its entry's `segments_info`.
    const infos = (original as { segments_info?: unknown } | undefined)?.segments_info;
    if (!Array.isArray(infos)) return true;
    return !infos.includes(record.file) && !infos.some((info) => jsonEqual(info, record.file));
  }
  return original !== record.file && !jsonEqual(original, record.file);
}

/**
 * The file objects of a dataset's annotations, by position in the file. For panoptic the
 * file's `annotations` are per-image entries, which all that image's segments share.
 */
export function originalsOf(dataset: Dataset): SourceDataset['originals'] {
  const table = dataset.annotations;
  if (table instanceof StoredAnnotations)
    return {
      at: (k) => (k >= 0 && k < table.elementCount ? (table.element(k) as object) : undefined),
    };
  const out: object[] = [];
  if (dataset.panoptic !== null) {
    for (const e of dataset.panoptic) out[e.sourceIndex] = e.file;
    return out;
  }
  for (const a of dataset.annotations) out[a.sourceIndex] = a.file;
  return out;
}

/** The size of the image the annotation at `position` of file `source` is on (0 × 0 if unknown). */
export function imageSize(subset: Subset, source: number, position: number) {
  const ann = subset.sources[source]!.dataset.annotations.at(position)!;
  const i = subset.imageById.get(idKey(ann.imageId));
  const image = i === undefined ? undefined : subset.images[i];
  return { width: image?.width ?? 0, height: image?.height ?? 0 };
}
