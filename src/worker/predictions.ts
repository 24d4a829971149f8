/**
 * Predictions: a results list (pycocotools' `loadRes` input) shown over the ground truth
 * of a subset and evaluated against it. The engine keeps the parsed list beside the
 * subset, indexed by the subset's images; the evaluations (coco/eval) are kept to match
 * again at another IoU threshold without evaluating again.
 */
import { withRecordsReadSteps } from './recordsRead';
import {
  confusionMatrix,
  evaluateSteps,
  forEachAnnotation,
  scaled,
  idKey,
  matchDetections,
  someAnnotation,
  type ConfusionMatrix,
  type Dataset,
  type Evaluation,
  type IouType,
  type Matches,
} from '../coco';
import type { PredictionsSummary } from './protocol';
import { runInSlices } from './slices';
import type { SourceDataset, Subset } from './subset';

/** Example ids listed in a mismatch message at most. */
const EXAMPLES = 5;

export type Predictions = {
  path: string;
  dataset: Dataset;
  /** Detections of subset image i: `order[offsets[i] .. offsets[i + 1])`, positions in `dataset.annotations`. */
  offsets: Int32Array;
  order: Int32Array;
  unknownImages: number[];
  unknownCategories: number[];
  /** Which kinds of evaluation the detections allow: bbox always, segm, keypoints. */
  iouTypes: IouType[];
  evaluations: Map<IouType, Evaluated>;
  /** The evaluation whose matches mark the detections, and those matches. */
  verdicts: Verdicts | null;
  threshold: number;
};

export type Evaluated = {
  evaluation: Evaluation;
  /** The subset source that was the ground truth, and that dataset as it was. */
  gtSource: number;
  gt: Dataset;
  ms: number;
};

export type Verdicts = {
  iouType: IouType;
  gtSource: number;
  matches: Matches;
  confusion: ConfusionMatrix;
};

/** Indexes a results list by the subset's images and checks its image and category ids. */
export function attachPredictions(subset: Subset, path: string, dataset: Dataset): Predictions {
  const n = subset.images.length;
  const imageOf = new Int32Array(dataset.annotations.length);
  const counts = new Int32Array(n + 1);
  const unknownImages = new Set<number>();
  const unknownCategories = new Set<number>();
  forEachAnnotation(dataset.annotations, (a, p) => {
    const i = subset.imageById.get(idKey(a.imageId));
    imageOf[p] = i ?? -1;
    if (i === undefined) unknownImages.add(p);
    else counts[i + 1]!++;
    if (a.categoryId !== null && !subset.categoryById.has(idKey(a.categoryId)))
      unknownCategories.add(p);
  });
  for (let i = 0; i < n; i++) counts[i + 1]! += counts[i]!;
  const offsets = counts.slice();
  const order = new Int32Array(counts[n]!);
  const next = counts.subarray(0, n).slice();
  imageOf.forEach((i, p) => {
    if (i >= 0) order[next[i]!++] = p;
  });
  const iouTypes: IouType[] = ['bbox'];
  if (someAnnotation(dataset.annotations, (a) => a.segmentation.kind !== 'none'))
    iouTypes.push('segm');
  if (
    someAnnotation(dataset.annotations, (a) => a.keypoints !== null) &&
    keypointSource(subset) !== null
  )
    iouTypes.push('keypoints');
  return {
    path,
    dataset,
    offsets,
    order,
    unknownImages: [...unknownImages],
    unknownCategories: [...unknownCategories],
    iouTypes,
    evaluations: new Map(),
    verdicts: null,
    threshold: 0.5,
  };
}

/** The source that holds the ground truth for an evaluation of `iouType`. */
export function groundTruthSource(subset: Subset, iouType: IouType): number | null {
  if (iouType === 'keypoints') return keypointSource(subset);
  const instances = subset.sources.findIndex((s) => s.dataset.kind === 'instances');
  if (instances >= 0) return instances;
  const any = subset.sources.findIndex(
    (s) => s.dataset.kind !== 'results' && s.dataset.kind !== 'captions',
  );
  return any >= 0 ? any : null;
}

function keypointSource(subset: Subset): number | null {
  const s = subset.sources.findIndex(
    (source) =>
      source.dataset.kind === 'person_keypoints' ||
      source.dataset.categories.some((c) => c.keypoints !== null),
  );
  return s >= 0 ? s : null;
}

/** Evaluates as COCOeval does and makes its matches the verdicts. */
export async function evaluatePredictions(
  subset: Subset,
  predictions: Predictions,
  iouType: IouType,
  onProgress: (done: number, total: number) => void,
): Promise<Evaluated> {
  const gtSource = groundTruthSource(subset, iouType);
  if (gtSource === null) throw new Error(`no ground truth for a ${iouType} evaluation`);
  // Edits made meanwhile replace the ground truth's dataset; this one stays as it was.
  const gt = subset.sources[gtSource]!.dataset;
  const t0 = performance.now();
  const threshold = predictions.threshold;
  const steps = readAndEvaluate(gt, predictions.dataset, iouType, threshold);
  const evaluation = await runInSlices(steps, (share) =>
    onProgress(Math.round(share * 1000), 1000),
  );
  const evaluated = { evaluation, gtSource, gt, ms: performance.now() - t0 };
  predictions.evaluations.set(iouType, evaluated);
  predictions.verdicts = {
    iouType,
    gtSource,
    matches: evaluation.matches,
    confusion: evaluation.confusion,
  };
  // The user picked another threshold while it ran: the verdicts follow it.
  if (predictions.threshold !== threshold) setMatchThreshold(predictions, predictions.threshold);
  return evaluated;
}

/** Share of an evaluation's progress given to reading the ground truth's records. */
const READ_SHARE = 0.05;

/**
 * The evaluation's steps, from reading the ground truth's records on. Boxes come from a
 * stored table's columns; masks and keypoints are read all together, run by run.
 */
function* readAndEvaluate(
  gt: Dataset,
  dt: Dataset,
  iouType: IouType,
  threshold: number,
): Generator<number, Evaluation> {
  const read = iouType === 'bbox' ? gt : yield* scaled(withRecordsReadSteps(gt), 0, READ_SHARE);
  const options = { matchThreshold: threshold };
  return yield* scaled(evaluateSteps(read, dt, iouType, options), READ_SHARE, 1 - READ_SHARE);
}

/** Matches again at another IoU threshold (the evaluations' numbers do not depend on it). */
export function setMatchThreshold(predictions: Predictions, threshold: number): void {
  predictions.threshold = threshold;
  const verdicts = predictions.verdicts;
  if (verdicts === null) return;
  const evaluated = predictions.evaluations.get(verdicts.iouType)!;
  predictions.verdicts = {
    ...verdicts,
    matches: matchDetections(evaluated.evaluation.state, threshold),
    confusion: confusionMatrix(evaluated.evaluation.state, threshold),
  };
}

/** Whether the ground truth was edited since the verdicts were made (their positions may be off). */
export function verdictsAreStale(subset: Subset, predictions: Predictions): boolean {
  const verdicts = predictions.verdicts;
  if (verdicts === null) return false;
  const evaluated = predictions.evaluations.get(verdicts.iouType);
  return evaluated?.gt !== subset.sources[verdicts.gtSource]?.dataset;
}

/** The subset's verdicts, unless the ground truth changed since they were made. */
export function freshVerdicts(subset: Subset): Verdicts | null {
  const p = subset.predictions;
  return p === null || verdictsAreStale(subset, p) ? null : p.verdicts;
}

export function summarizePredictions(subset: Subset, p: Predictions): PredictionsSummary {
  let min = Infinity;
  let max = -Infinity;
  for (const a of p.dataset.annotations) {
    if (a.score === null) continue;
    if (a.score < min) min = a.score;
    if (a.score > max) max = a.score;
  }
  let withPredictions = 0;
  for (let i = 0; i + 1 < p.offsets.length; i++)
    if (p.offsets[i + 1]! > p.offsets[i]!) withPredictions++;
  const ids = (positions: number[], of: 'imageId' | 'categoryId') =>
    [...new Set(positions.map((at) => String(p.dataset.annotations.at(at)![of])))].slice(
      0,
      EXAMPLES,
    );
  const verdicts = p.verdicts;
  return {
    file: p.path,
    count: p.dataset.annotations.length,
    imagesWithPredictions: withPredictions,
    unknownImages: p.unknownImages.length,
    unknownImageExamples: ids(p.unknownImages, 'imageId'),
    unknownCategories: p.unknownCategories.length,
    unknownCategoryExamples: ids(p.unknownCategories, 'categoryId'),
    iouTypes: p.iouTypes,
    scoreRange: min <= max ? [min, max] : null,
    threshold: p.threshold,
    verdicts:
      verdicts === null
        ? null
        : {
            iouType: verdicts.iouType,
            stale: verdictsAreStale(subset, p),
            ...verdicts.matches.counts,
          },
  };
}

/** How many of the results' image ids are images of the subset. */
function overlap(subset: Subset, results: SourceDataset): number {
  let n = 0;
  for (const image of results.dataset.images) if (subset.imageById.has(idKey(image.id))) n++;
  return n;
}

/**
 * The subset a results list was made for: the one holding most of its image ids (the
 * preferred one on a tie), or null when it names none of their images.
 */
export function subsetFor(
  subsets: readonly Subset[],
  results: SourceDataset,
  preferred: number,
): number | null {
  let best: number | null = null;
  let bestCount = 0;
  subsets.forEach((subset, i) => {
    if (subset.sources.every((s) => s.dataset.kind === 'results')) return;
    const n = overlap(subset, results);
    if (n > bestCount || (n === bestCount && n > 0 && i === preferred)) {
      best = i;
      bestCount = n;
    }
  });
  return best;
}
