/**
 * What the page is sent about an opened dataset: per subset, its image table (column-wise),
 * categories, counts and problems. Part of the message protocol (protocol.ts re-exports it).
 */
import type { CocoId, DatasetKind, ProblemCode, Severity } from '../coco';
import type { PredictionsSummary } from './predictionTypes';

/** Per-image flags in `ImageTable.flags`. */
export const ImageFlag = {
  hasCrowd: 1,
  hasProblems: 2,
  /** The picture itself was found among the opened files. */
  hasFile: 4,
  /** An annotation of the image was edited, added or deleted. */
  edited: 8,
  /** The last run of the deeper checks found something on the image or its annotations. */
  hasFindings: 16,
} as const;

/**
 * `flags` with `hasFindings` on exactly the images at `flagged` (the last check's). Here,
 * beside the flags, because the engine and the page both apply it and must agree.
 */
export function withFindingFlags(flags: Uint8Array, flagged: Int32Array): Uint8Array {
  const out = flags.map((f) => f & ~ImageFlag.hasFindings);
  for (const i of flagged) out[i]! |= ImageFlag.hasFindings;
  return out;
}

/** The images of a subset, column-wise so 118k rows post quickly. Index = image position. */
export type ImageTable = {
  ids: CocoId[];
  fileNames: string[];
  widths: Int32Array;
  heights: Int32Array;
  annotationCounts: Int32Array;
  flags: Uint8Array;
};

export type CategoryInfo = {
  id: CocoId;
  name: string;
  supercategory: string | null;
  keypoints: string[] | null;
  /** 0-based keypoint index pairs. */
  skeleton: [number, number][] | null;
  annotationCount: number;
  crowdCount: number;
};

/** Problems of the opened files beside the json's own: a picture the matcher could not pick. */
export type PictureProblemCode = 'picture-ambiguous' | 'picture-unreadable';

/** A problem as the page lists it; `imageIndex` links to the image when known. */
export type ProblemInfo = {
  code: ProblemCode | PictureProblemCode;
  severity: Severity;
  file: string;
  path: string;
  message: string;
  imageIndex: number | null;
  annotationId: CocoId | null;
};

export type SubsetSummary = {
  name: string;
  /** The annotation files this subset was read from, with their kinds. */
  files: { path: string; kind: DatasetKind; annotationCount: number }[];
  images: ImageTable;
  categories: CategoryInfo[];
  annotationCount: number;
  crowdCount: number;
  /** Problems kept for the list (capped); `problemTotal` counts all. */
  problems: ProblemInfo[];
  problemTotal: number;
  problemCounts: Partial<Record<ProblemCode | PictureProblemCode, number>>;
  /** How many images' pictures were found among the opened files. */
  imagesFound: number;
  /** Of the images found, how many have a picture that cannot be read (encrypted, LZMA). */
  imagesUnreadable: number;
  /** File names not found (capped list). */
  imagesMissing: string[];
  /** A results list shown over this subset's ground truth, when one was given. */
  predictions: PredictionsSummary | null;
};

export type OpenSummary = {
  subsets: SubsetSummary[];
  /** What each opened file other than a picture turned out to be. */
  files: { path: string; role: 'annotations' | 'unreadable'; note?: string }[];
  /** How many pictures were among the opened files. */
  pictureCount: number;
};
