/**
 * What the page is sent about predictions (a results list over a subset's ground truth):
 * its summary, the current image's detections and verdicts, and the evaluation's numbers.
 * Part of the message protocol (protocol.ts re-exports it); plain data only.
 */
import type { CocoId, IouType } from '../coco';
import type { AnnotationBody } from './protocol';

/** A results list attached to a subset: what it holds and how it matched the ground truth. */
export type PredictionsSummary = {
  file: string;
  count: number;
  imagesWithPredictions: number;
  /** Detections whose `image_id` is not among the subset's images (a few examples). */
  unknownImages: number;
  unknownImageExamples: string[];
  /** Detections whose `category_id` is not among the subset's categories. */
  unknownCategories: number;
  unknownCategoryExamples: string[];
  iouTypes: IouType[];
  scoreRange: [number, number] | null;
  /** IoU (OKS) threshold of the verdicts. */
  threshold: number;
  /** What the verdicts say, once an evaluation ran; `stale` after the ground truth was edited. */
  verdicts:
    | ({ iouType: IouType; stale: boolean } & {
        truePositives: number;
        falsePositives: number;
        ignoredDetections: number;
        notEvaluatedDetections: number;
        matchedGroundTruths: number;
        missedGroundTruths: number;
        ignoredGroundTruths: number;
      })
    | null;
};

/**
 * False positives and missed ground truths of each image of the subset, by the verdicts
 * (index = image position); typed arrays, so 118k images post as two buffers.
 */
export type ImageMistakes = { falsePositives: Int32Array; misses: Int32Array };

/** A detection's verdict at the verdicts' threshold; 'none' before any evaluation. */
export type PredictionStatus = 'true-positive' | 'false-positive' | 'ignored' | 'none';

/** How verdicts are drawn (outlines and masks); 'none' uses the category's colour. */
export const VERDICT_COLORS = {
  'true-positive': '#22c55e',
  'false-positive': '#ef4444',
  ignored: '#9ca3af',
  missed: '#f59e0b',
} as const;

/** One detection of the current image, as the canvas and the inspector need it. */
export type ViewPrediction = AnnotationBody & {
  /** Position in the results list. */
  key: number;
  id: CocoId;
  categoryId: CocoId | null;
  score: number | null;
  status: PredictionStatus;
  /** IoU (OKS) with the matched ground truth, or the best one when unmatched; null if none. */
  iou: number | null;
  /** View key and id of the ground truth it matched. */
  matchedKey: number | null;
  matchedId: CocoId | null;
};

/** A ground truth's verdict at the verdicts' threshold. */
export type GroundTruthMatch = {
  status: 'matched' | 'missed' | 'ignored';
  /** The detection that matched it: position in the results list, id, IoU and score. */
  predictionKey: number | null;
  predictionId: CocoId | null;
  iou: number | null;
  score: number | null;
};

/** What `COCOeval` computed, as the page shows and exports it. */
export type EvaluationReport = {
  iouType: IouType;
  groundTruthFile: string;
  predictionsFile: string;
  ms: number;
  /** `COCOeval.stats`, with what each number is. */
  lines: {
    metric: 'AP' | 'AR';
    iou: number | null;
    area: string;
    maxDets: number;
    value: number;
  }[];
  /** AP@[.5:.95] per category, -1 where the category has no ground truth. */
  categories: { id: CocoId; name: string; ap: number }[];
  curves: { recall: number[]; mean: number[]; byIou: { iou: number; precision: number[] }[] };
  skipped: { unknownImage: number; unknownCategory: number; beyondMaxDets: number };
};

/** The confusion matrix at the verdicts' threshold (see coco/eval/types.ts for its definition). */
export type ConfusionReport = {
  threshold: number;
  iouType: IouType;
  /** Category names in row/column order; the last row and column are "background". */
  names: string[];
  /** Row-major, rows = ground truth, columns = predictions. */
  counts: number[];
};
