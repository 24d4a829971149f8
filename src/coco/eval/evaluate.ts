/**
 * `evaluate`: pycocotools' `COCOeval(gt, gt.loadRes(dt), iouType)` followed by
 * `evaluate()`, `accumulate()` and `summarize()`, on the app model, with the same numbers
 * (bit for bit where JavaScript's `Math.exp` agrees with numpy's, i.e. all but OKS).
 * Kernel style: datasets in, plain data out; nothing is mutated.
 */
import type { Dataset } from '../model';
import type { Rle } from '../rle';
import { accumulate } from './accumulate';
import { buildCellsSteps } from './cells';
import { evaluateImages } from './evaluateImages';
import { cellsByImage, confusionPass, imagePass, type LoopInput } from './imageLoop';
import { maskSidesSteps, noMasks, type Geometry } from './iou';
import { matchAt } from './match';
import { catalogOf, paramsOf } from './params';
import { scaled } from './steps';
import { dtTableSteps, gtTableSteps } from './prepare';
import { categoryAp, precisionRecallCurves, summarize } from './summarize';
import type {
  ConfusionMatrix,
  EvalParams,
  IouType,
  Matches,
  PrecisionRecallCurves,
  SkippedDetections,
  SummaryLine,
} from './types';

export type EvaluateOptions = {
  /** IoU (OKS) threshold of `matches` and `confusion`; default 0.5. */
  matchThreshold?: number;
  /** OKS sigmas per keypoint; default COCO's 17 person sigmas (pycocotools' `kpt_oks_sigmas`). */
  keypointSigmas?: readonly number[];
  /** Called now and then with work done and total work (arbitrary units). */
  onProgress?: (done: number, total: number) => void;
};

/**
 * What `evaluate` keeps to match again at another threshold: every cell's IoUs, the
 * tables, and the geometry to make masks again for a confusion matrix (none are kept).
 * Not serializable (it refers to the datasets); it stays where `evaluate` ran.
 */
export type EvaluationState = LoopInput;

export type Evaluation = {
  readonly params: EvalParams;
  /** `COCOeval.stats`: 12 numbers for bbox and segm, 10 for keypoints; -1 where undefined. */
  readonly stats: readonly number[];
  /** The same numbers with what each one measures. */
  readonly summary: readonly SummaryLine[];
  /** `eval['precision']`: `[T][R][K][A][M]` flat, -1 where the category has no ground truth. */
  readonly precision: Float64Array;
  /** `eval['recall']`: `[T][K][A][M]` flat. */
  readonly recall: Float64Array;
  /** `eval['scores']`: `[T][R][K][A][M]` flat. */
  readonly scores: Float64Array;
  /** AP@[.5:.95] per category k (area "all", last maxDets), -1 without ground truth. */
  readonly categoryAp: Float64Array;
  /** PR curves over all categories, area "all", last maxDets. */
  readonly curves: PrecisionRecallCurves;
  /** Matches at `options.matchThreshold`. */
  readonly matches: Matches;
  /** Confusion matrix at `options.matchThreshold`. */
  readonly confusion: ConfusionMatrix;
  readonly skipped: SkippedDetections;
  readonly state: EvaluationState;
};

/**
 * Evaluates detections against ground truth as pycocotools' COCOeval does.
 *
 * @param gt the ground truth: an instances or person_keypoints dataset. Its images and
 *   categories decide what is evaluated (`params.imgIds`, `params.catIds`, sorted).
 * @param dt the detections: usually a results list (`kind: 'results'`), read with
 *   `loadRes` semantics (see prepare.ts); any dataset with scores works.
 * @param iouType 'bbox' (box IoU), 'segm' (mask IoU) or 'keypoints' (OKS).
 */
export function evaluate(
  gt: Dataset,
  dt: Dataset,
  iouType: IouType,
  options: EvaluateOptions = {},
): Evaluation {
  const steps = evaluateSteps(gt, dt, iouType, options);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    options.onProgress?.(Math.round(step.value * 1000), 1000);
  }
}

/** Shares of the work: the image pass (IoUs and matches), evaluateImg, accumulate. */
const SHARES = [0.7, 0.15, 0.15] as const;

/**
 * `evaluate`, a few milliseconds at a time: each step yields the share of the work done
 * (0..1), so a caller can answer other requests between steps. The datasets must not
 * change until it returns (the app's edits replace records instead of changing them).
 */
export function* evaluateSteps(
  gt: Dataset,
  dt: Dataset,
  iouType: IouType,
  options: Omit<EvaluateOptions, 'onProgress'> = {},
): Generator<number, Evaluation> {
  const catalog = catalogOf(gt);
  const params = paramsOf(catalog, iouType, options.keypointSigmas);
  const decoded: (Rle | undefined)[] = new Array<Rle | undefined>(dt.annotations.length);
  // The preparation yields too (share 0): at val2017-scale it took ~0.25 s at once.
  const gtTable = yield* scaled(gtTableSteps(gt, catalog, iouType), 0, 0);
  const dtTable = yield* scaled(dtTableSteps(dt, catalog, decoded), 0, 0);
  const maxDet = params.maxDets[params.maxDets.length - 1]!;
  const cells = yield* scaled(
    buildCellsSteps(gtTable, dtTable, catalog.images.length, catalog.categoryIds.length, maxDet),
    0,
    0,
  );
  const masks =
    iouType === 'segm'
      ? yield* scaled(maskSidesSteps(gt, dt, catalog, gtTable, dtTable, decoded), 0, 0)
      : noMasks();
  // numpy's `(sigmas * 2) ** 2` squares by multiplying.
  const vars = params.keypointSigmas.map((s) => s * 2 * (s * 2));
  const geometry: Geometry = {
    iouType,
    gt,
    dt,
    catalog,
    gtTable,
    dtTable,
    ...masks,
    vars,
    scratch: new Float64Array(vars.length),
  };

  const I = catalog.images.length;
  yield 0;
  const state: EvaluationState = {
    geometry,
    cells,
    byImage: cellsByImage(cells, I),
    area: params.areaRanges[0]!,
    categoryIds: catalog.categoryIds,
    pairs: new Map(),
  };
  const { matches, confusion } = yield* scaled(
    imagePass(state, options.matchThreshold ?? 0.5),
    0,
    SHARES[0],
  );
  const images = yield* scaled(
    evaluateImages(cells, gtTable, dtTable, params.areaRanges, params.iouThresholds),
    SHARES[0],
    SHARES[1],
  );
  const acc = yield* scaled(accumulate(cells, images, params), SHARES[0] + SHARES[1], SHARES[2]);
  // The summaries are steps too (together ~20 ms at val2017-scale).
  const summary = summarize(acc, params);
  yield 1;
  const apByCategory = categoryAp(acc, params);
  yield 1;
  const curves = precisionRecallCurves(acc, params);
  yield 1;
  const result: Evaluation = {
    params,
    stats: summary.map((line) => line.value),
    summary,
    precision: acc.precision,
    recall: acc.recall,
    scores: acc.scores,
    categoryAp: apByCategory,
    curves,
    matches,
    confusion,
    skipped: skippedOf(dtTable.image, dtTable.category, cells.beyondMaxDets),
    state,
  };
  return result;
}

function skippedOf(image: Int32Array, category: Int32Array, beyondMaxDets: number) {
  let unknownImage = 0;
  let unknownCategory = 0;
  for (let p = 0; p < image.length; p++) {
    if (image[p]! < 0) unknownImage++;
    else if (category[p]! < 0) unknownCategory++;
  }
  return { unknownImage, unknownCategory, beyondMaxDets };
}

/**
 * Per-detection and per-ground-truth matches at IoU (OKS) `threshold`, any value in
 * [0, 1], as `evaluateImg` matches for area "all" and the last maxDets.
 */
export function matchDetections(state: EvaluationState, threshold: number): Matches {
  const { geometry, cells, area } = state;
  return matchAt({ cells, gtTable: geometry.gtTable, dtTable: geometry.dtTable, area }, threshold);
}

/** The confusion matrix (defined on `ConfusionMatrix`) at IoU (OKS) `threshold`. */
export function confusionMatrix(state: EvaluationState, threshold: number): ConfusionMatrix {
  return confusionPass(state, threshold);
}

/** PR curves of one category (index k of `params.categoryIds`), or of all when omitted. */
export function categoryCurves(evaluation: Evaluation, k?: number): PrecisionRecallCurves {
  return precisionRecallCurves(evaluation, evaluation.params, k);
}
