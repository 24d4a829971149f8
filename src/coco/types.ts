/**
 * The COCO file format as files really hold it: snake_case keys, the variations that
 * real tools write (string ids, boolean `iscrowd`, flat polygons), and an index signature
 * on every object because unknown fields are kept and written back.
 *
 * These types describe a file that has been checked by `parseCoco`; the app model
 * (`model.ts`) is built from them. Coordinates are image pixels; `bbox` is `[x, y, w, h]`.
 */

/** COCO ids are numbers; some tools write strings. */
export type CocoId = number | string;

/** `[x1, y1, x2, y2, …]` per part; COCO polygons are a list of parts. */
export type CocoPolygons = number[][];

/** An RLE segmentation: `size` is `[height, width]`; counts compressed or not (see rle.ts). */
export type CocoRle = {
  size: [number, number];
  counts: string | number[];
  [extra: string]: unknown;
};

export type CocoSegmentation = CocoPolygons | CocoRle;

export type CocoInfo = { [key: string]: unknown };
export type CocoLicense = { id?: CocoId; name?: string; url?: string; [key: string]: unknown };

export type CocoImage = {
  id: CocoId;
  file_name?: string;
  width: number;
  height: number;
  license?: CocoId;
  coco_url?: string;
  flickr_url?: string;
  date_captured?: string | number;
  [extra: string]: unknown;
};

export type CocoCategory = {
  id: CocoId;
  name: string;
  supercategory?: string;
  /** person_keypoints: keypoint names, in order. */
  keypoints?: string[];
  /** person_keypoints: bones as pairs of keypoint numbers (1-based in COCO). */
  skeleton?: [number, number][];
  /** panoptic: 1 for things, 0 for stuff. */
  isthing?: number;
  [extra: string]: unknown;
};

/** One object instance (instances, person_keypoints, stuff, labels) or a caption. */
export type CocoAnnotation = {
  id?: CocoId;
  image_id: CocoId;
  category_id?: CocoId;
  segmentation?: CocoSegmentation;
  area?: number;
  bbox?: [number, number, number, number];
  iscrowd?: 0 | 1 | boolean;
  score?: number;
  keypoints?: number[];
  num_keypoints?: number;
  caption?: string;
  /** CVAT writes its attributes here (`occluded`, `rotation`, `track_id`, custom ones). */
  attributes?: { [name: string]: unknown };
  [extra: string]: unknown;
};

/** panoptic: one segment of an image's PNG segment map; segment id = R + 256·G + 256²·B. */
export type CocoSegmentInfo = {
  id: number;
  category_id: CocoId;
  area?: number;
  bbox?: [number, number, number, number];
  iscrowd?: 0 | 1 | boolean;
  [extra: string]: unknown;
};

/** panoptic: one entry per image, pointing at its PNG segment map. */
export type CocoPanopticAnnotation = {
  image_id: CocoId;
  file_name: string;
  segments_info: CocoSegmentInfo[];
  [extra: string]: unknown;
};

/** A dataset file (every kind but results lists). */
export type CocoFile = {
  info?: CocoInfo;
  licenses?: CocoLicense[];
  images?: CocoImage[];
  annotations?: (CocoAnnotation | CocoPanopticAnnotation)[];
  categories?: CocoCategory[];
  [extra: string]: unknown;
};

/** A results file: a bare array of detections (or captions) with `score`. */
export type CocoResults = CocoAnnotation[];
