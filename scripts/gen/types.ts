/**
 * The shape of what the generator writes: COCO's instances file as the official files
 * spell it (snake_case, and declared in the official key order, which JSON.stringify
 * keeps). The generator's own types, so it does not depend on the app's model.
 */

export type GenInfo = {
  description: string;
  url: string;
  version: string;
  year: number;
  contributor: string;
  date_created: string;
};

export type GenLicense = { url: string; id: number; name: string };

export type GenImage = {
  license: number;
  file_name: string;
  coco_url: string;
  height: number;
  width: number;
  date_captured: string;
  flickr_url: string;
  id: number;
};

/** Crowd masks: COCO ground truth uses uncompressed counts, results and CVAT use strings. */
export type GenRle = { counts: number[] | string; size: [height: number, width: number] };

/** Polygon parts `[[x1, y1, x2, y2, …], …]` in image pixels, or an RLE mask. */
export type GenSegmentation = number[][] | GenRle;

export type GenAnnotation = {
  segmentation: GenSegmentation;
  /** Only with `--keypoints`: how many of the 17 keypoints have v > 0. */
  num_keypoints?: number;
  /** Mask area in pixels, as pycocotools' `area(annToRLE(...))` computes it. */
  area: number;
  iscrowd: 0 | 1;
  /** Only with `--keypoints`: `[x, y, v] × 17`, integer pixels, v = 0 unlabeled, 1 hidden, 2 visible. */
  keypoints?: number[];
  image_id: number;
  /** `[x, y, width, height]` in image pixels. */
  bbox: [number, number, number, number];
  category_id: number;
  id: number;
};

export type GenCategory = {
  supercategory: string;
  id: number;
  name: string;
  keypoints?: string[];
  /** 1-based pairs of keypoint indices, as COCO writes them. */
  skeleton?: [number, number][];
};

/** A whole instances file. */
export type CocoLike = {
  info: GenInfo;
  licenses: GenLicense[];
  images: GenImage[];
  annotations: GenAnnotation[];
  categories: GenCategory[];
};
