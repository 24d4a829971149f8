/**
 * The app model of a dataset: what the rest of cocoscope works with. It is built from the
 * file types (`types.ts`) by `parseCoco` and turned back into them by `toFile.ts`.
 *
 * Every record keeps `file`, the object as the file holds it (key order, unknown fields,
 * quirks like string ids). Invariant: `toCocoAnnotation(record, record.file)` is deep-equal
 * to `record.file`; an edit builds a new record and a new `file` together, so an export is
 * the `file` objects written in order, and an untouched record is written exactly as read.
 */
import type { AnnotationId, CategoryId, IdKey, ImageId } from './ids';
import type { Problem, ProblemCode } from './problems';
import type {
  CocoAnnotation,
  CocoCategory,
  CocoFile,
  CocoImage,
  CocoRle,
  CocoSegmentInfo,
} from './types';

/** What a file holds; decided from its content, not its name. */
export type DatasetKind =
  | 'instances'
  | 'person_keypoints'
  | 'captions'
  | 'image_info'
  | 'labels'
  | 'panoptic'
  | 'stuff'
  | 'results';

/** `[x, y, width, height]` in image pixels. */
export type Bbox = readonly [x: number, y: number, width: number, height: number];

/** An annotation's shape, as the model sees it (the file's form is in `record.file`). */
export type Segmentation =
  /** Polygon parts, `[x1, y1, x2, y2, …]` each, image pixels. */
  | { readonly kind: 'polygons'; readonly polygons: readonly (readonly number[])[] }
  /** An RLE mask exactly as the file holds it (see rle.ts for its conventions). */
  | { readonly kind: 'rle'; readonly rle: CocoRle }
  /** A panoptic segment: pixels of the PNG segment map equal to `segmentId`. */
  | { readonly kind: 'panoptic'; readonly segmentId: number; readonly pngFileName: string }
  /** No shape: a box-only annotation (if it has a bbox), an image label or a caption. */
  | { readonly kind: 'none' };

export type ImageRecord = {
  readonly id: ImageId;
  /** `file_name`, or the last part of `coco_url` when the file gives no usable name. */
  readonly fileName: string;
  readonly width: number;
  readonly height: number;
  /** The image as the file holds it; null for images a results list only refers to. */
  readonly file: CocoImage | null;
  /** Position in the file's `images` array; -1 for images not in the file. */
  readonly sourceIndex: number;
};

export type CategoryRecord = {
  readonly id: CategoryId;
  readonly name: string;
  readonly supercategory: string | null;
  readonly keypoints: readonly string[] | null;
  /**
   * Bones as 0-based keypoint indices, whatever base the file used; a bone joining a point
   * the category does not name is left out (and reported: `skeleton-out-of-range`).
   */
  readonly skeleton: readonly (readonly [number, number])[] | null;
  readonly file: CocoCategory;
  readonly sourceIndex: number;
};

export type AnnotationRecord = {
  readonly id: AnnotationId;
  readonly imageId: ImageId;
  /** null for captions and results without a category. */
  readonly categoryId: CategoryId | null;
  readonly segmentation: Segmentation;
  readonly bbox: Bbox | null;
  /** `area` as the file gives it; null when absent. */
  readonly area: number | null;
  readonly iscrowd: boolean;
  readonly score: number | null;
  /** `[x, y, v]` triples; v = 0 not labeled, 1 labeled but not visible, 2 visible. */
  readonly keypoints: readonly number[] | null;
  readonly caption: string | null;
  /** CVAT's `attributes` object, as in the file. */
  readonly attributes: Readonly<Record<string, unknown>> | null;
  readonly file: CocoAnnotation | CocoSegmentInfo;
  /** Position in the file's `annotations` array (for panoptic: of its image entry). */
  readonly sourceIndex: number;
};

/** panoptic: an image's entry, holding its segments (which are annotation records). */
export type PanopticEntry = {
  readonly imageId: ImageId;
  readonly pngFileName: string;
  readonly file: Record<string, unknown>;
  readonly sourceIndex: number;
};

/** A file entry the parser could not use; kept so an export writes it back in place. */
export type UnusableEntry = {
  readonly collection: 'images' | 'annotations' | 'categories';
  readonly sourceIndex: number;
  readonly value: unknown;
};

export type DatasetIndex = {
  /** Position in `images` by id key (see ids.ts). */
  readonly imageById: ReadonlyMap<IdKey, number>;
  readonly categoryById: ReadonlyMap<IdKey, number>;
  readonly annotationById: ReadonlyMap<IdKey, number>;
  /**
   * Annotations of image i are `annotationOrder[imageOffsets[i] .. imageOffsets[i + 1])`,
   * positions in `annotations`, in file order.
   */
  readonly imageOffsets: Int32Array;
  readonly annotationOrder: Int32Array;
};

/**
 * A dataset's annotations, by position in the file. A plain array of records is one; a
 * columnar store (typed columns, records read back from the file's bytes when asked for)
 * is another, so code reads them only through `length`, `at` and iteration.
 */
export interface AnnotationTable {
  readonly length: number;
  /** The record at `index` (0 ≤ index < length); undefined past the end. */
  at(index: number): AnnotationRecord | undefined;
  [Symbol.iterator](): Iterator<AnnotationRecord>;
}

export type Dataset = {
  readonly kind: DatasetKind;
  /**
   * The file's top level (key order, `info`, `licenses`, unknown keys); its `images`,
   * `annotations` and `categories` are rebuilt from the records on export. null for a
   * results list, which is a bare array.
   */
  readonly file: CocoFile | null;
  readonly images: readonly ImageRecord[];
  readonly annotations: AnnotationTable;
  readonly categories: readonly CategoryRecord[];
  /** panoptic only: the per-image entries the segments belong to. */
  readonly panoptic: readonly PanopticEntry[] | null;
  readonly unusable: readonly UnusableEntry[];
  readonly index: DatasetIndex;
};

export type ParseResult = {
  /** null only when nothing usable was found (not JSON, or not a COCO shape at all). */
  readonly dataset: Dataset | null;
  readonly problems: readonly Problem[];
  /** Counts by code, including problems past the per-code limit of `problems`. */
  readonly problemCounts: ReadonlyMap<ProblemCode, number>;
};
