/**
 * The public shapes of the COCO evaluator (pycocotools' `COCOeval`). Arrays indexed by
 * IoU threshold t, recall threshold r, category k, area range a and max-detections m are
 * flat, C-ordered exactly as pycocotools' numpy arrays are: `precision[t][r][k][a][m]` is
 * `precision[(((t * R + r) * K + k) * A + a) * M + m]`. Categories (k) are the ground
 * truth's category ids sorted ascending, as `COCOeval.params.catIds`.
 */
import type { CategoryId, ImageId } from '../ids';

/** What is compared: boxes, masks, or keypoints (OKS). */
export type IouType = 'bbox' | 'segm' | 'keypoints';

/** An object-size range on `area` (pixels²), both ends included as pycocotools tests. */
export type AreaRange = { readonly label: AreaLabel; readonly min: number; readonly max: number };
export type AreaLabel = 'all' | 'small' | 'medium' | 'large';

/** The parameters an evaluation ran with (pycocotools' `Params`, never user-tuned here). */
export type EvalParams = {
  readonly iouType: IouType;
  /** Ground-truth image ids, sorted (the order results are concatenated in). */
  readonly imageIds: readonly ImageId[];
  /** Ground-truth category ids, sorted: index k of every per-category array. */
  readonly categoryIds: readonly CategoryId[];
  /** Position in the ground truth's `categories` of each `categoryIds[k]`. */
  readonly categoryPositions: Int32Array;
  /** `np.linspace(.5, .95, 10)`, bit for bit. */
  readonly iouThresholds: Float64Array;
  /** `np.linspace(0, 1, 101)`, bit for bit. */
  readonly recallThresholds: Float64Array;
  readonly areaRanges: readonly AreaRange[];
  /** Ascending; the last is how many detections per image × category are evaluated. */
  readonly maxDets: readonly number[];
  readonly keypointSigmas: Float64Array;
};

/** One line of `COCOeval.summarize()`. */
export type SummaryLine = {
  readonly metric: 'AP' | 'AR';
  /** null for the mean over all thresholds (.50:.95). */
  readonly iou: number | null;
  readonly area: AreaLabel;
  readonly maxDets: number;
  /** -1 when no category had ground truth for it, as pycocotools. */
  readonly value: number;
};

/** A detection's verdict at one IoU threshold (area "all", the last maxDets). */
export const DetectionStatus = {
  /** Not evaluated: its image or category is not in the ground truth, or it is beyond maxDets. */
  notEvaluated: 0,
  truePositive: 1,
  falsePositive: 2,
  /** Matched to a crowd (or otherwise ignored) ground truth, or outside the area range. */
  ignored: 3,
} as const;
export type DetectionStatus = (typeof DetectionStatus)[keyof typeof DetectionStatus];

/** A ground truth's verdict at one IoU threshold. */
export const GroundTruthStatus = {
  /** Its image or category is not evaluated (not in the ground truth's lists). */
  notEvaluated: 0,
  matched: 1,
  missed: 2,
  /** Crowd, `num_keypoints` 0 (keypoints), or area outside [0, 1e10]: never counted. */
  ignored: 3,
} as const;
export type GroundTruthStatus = (typeof GroundTruthStatus)[keyof typeof GroundTruthStatus];

/**
 * Per-annotation matches at one IoU threshold, as `evaluateImg` makes them for area "all"
 * and the last maxDets. Indexed by position in the datasets' `annotations` arrays.
 * As in pycocotools, a detection matched to a ground truth whose id is 0 counts as a false
 * positive (pycocotools keeps matches as gt ids, 0 meaning none); `dtGt` still names it.
 */
export type Matches = {
  readonly threshold: number;
  /** `DetectionStatus` of each detection. */
  readonly dtStatus: Uint8Array;
  /** Position in the ground truth's `annotations` of the matched gt, or -1. */
  readonly dtGt: Int32Array;
  /**
   * IoU (OKS for keypoints) with the matched gt; for an unmatched detection its best IoU
   * with any gt of its image and category (0 if there is none); NaN if not evaluated.
   */
  readonly dtIou: Float64Array;
  /** `GroundTruthStatus` of each ground truth. */
  readonly gtStatus: Uint8Array;
  /** Position in the detections' `annotations` of the detection matched to it, or -1. */
  readonly gtDt: Int32Array;
  readonly counts: {
    readonly truePositives: number;
    readonly falsePositives: number;
    readonly ignoredDetections: number;
    readonly notEvaluatedDetections: number;
    readonly matchedGroundTruths: number;
    readonly missedGroundTruths: number;
    readonly ignoredGroundTruths: number;
  };
};

/**
 * Which category the detections were given against which the objects had, at one IoU
 * threshold. Rows are ground-truth categories, columns detection categories, both in
 * `categoryIds` order with one more "background" entry at index K:
 * `counts[row * (K + 1) + col]`.
 *
 * Definition: (1) every true positive of `matchDetections` counts at [k][k]; (2) per
 * image, the false positives (highest score first) are then matched greedily to the
 * still-missed ground truths of *other* categories, each taking the one of highest IoU
 * ≥ threshold (and > 0), counted at [gt category][dt category]; (3) false positives left count
 * at [background][dt category], missed ground truths left at [gt category][background].
 * Ignored detections and ground truths (crowd regions, area outside "all") are not
 * counted. So the diagonal equals the true positives, a row's sum the non-ignored
 * ground truths of its category, and a column's sum the counted detections.
 */
export type ConfusionMatrix = {
  readonly threshold: number;
  readonly categoryIds: readonly CategoryId[];
  /** (K + 1) × (K + 1), row-major; index K is background. */
  readonly counts: Int32Array;
};

/** Precision at each recall threshold (area "all", last maxDets), -1 where undefined. */
export type PrecisionRecallCurves = {
  /** The 101 recall thresholds (x axis). */
  readonly recall: Float64Array;
  /** T × R: the mean over categories (with ground truth) at each IoU threshold. */
  readonly byIouThreshold: Float64Array;
  /** R: the mean over IoU thresholds and categories (the AP@[.5:.95] curve). */
  readonly mean: Float64Array;
};

/** Detections the evaluation could not place, as pycocotools would refuse or drop them. */
export type SkippedDetections = {
  /** `image_id` not in the ground truth (pycocotools' `loadRes` asserts on these). */
  readonly unknownImage: number;
  /** `category_id` not in the ground truth's categories (pycocotools drops these). */
  readonly unknownCategory: number;
  /** Beyond the last maxDets of their image × category, by score (dropped as pycocotools). */
  readonly beyondMaxDets: number;
};
