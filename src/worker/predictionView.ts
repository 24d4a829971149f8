/**
 * The current image's detections and the verdicts of its ground truth, as the page draws
 * and lists them. Verdicts come from the verdicts (the last evaluation's matches at the
 * chosen IoU threshold); masks come out as pixels of their box, coloured by verdict.
 */
import {
  annotationRle,
  DetectionStatus,
  GroundTruthStatus,
  type CocoId,
  type Matches,
} from '../coco';
import { bodyOf } from './annotationBody';
import { maskPixels, parseHexColor, type MaskPixels } from './maskPixels';
import { freshVerdicts, type Verdicts, type Predictions } from './predictions';
import {
  VERDICT_COLORS,
  type GroundTruthMatch,
  type PredictionStatus,
  type ViewPrediction,
} from './protocol';
import type { Subset } from './subset';

const STATUS: Record<number, PredictionStatus> = {
  [DetectionStatus.notEvaluated]: 'none',
  [DetectionStatus.truePositive]: 'true-positive',
  [DetectionStatus.falsePositive]: 'false-positive',
  [DetectionStatus.ignored]: 'ignored',
};

export function predictionsOfImage(
  subset: Subset,
  imageIndex: number,
  colorOf: (categoryId: CocoId | null) => string,
): { predictions: ViewPrediction[]; masks: Map<number, MaskPixels> } {
  const p = subset.predictions;
  const masks = new Map<number, MaskPixels>();
  const image = subset.images[imageIndex];
  if (p === null || image === undefined) return { predictions: [], masks };
  const verdicts = freshVerdicts(subset);
  const predictions: ViewPrediction[] = [];
  for (let k = p.offsets[imageIndex]!; k < p.offsets[imageIndex + 1]!; k++) {
    const at = p.order[k]!;
    const a = p.dataset.annotations.at(at)!;
    const view = viewOf(subset, p, at, verdicts);
    if (a.segmentation.kind === 'rle') {
      const rle = safeRle(p, at, image);
      const color = view.status === 'none' ? colorOf(a.categoryId) : VERDICT_COLORS[view.status];
      const pixels = rle === null ? null : maskPixels(rle, parseHexColor(color));
      if (pixels !== null) masks.set(predictions.length, pixels);
    }
    predictions.push(view);
  }
  return { predictions, masks };
}

function viewOf(
  subset: Subset,
  p: Predictions,
  at: number,
  verdicts: Verdicts | null,
): ViewPrediction {
  const a = p.dataset.annotations.at(at)!;
  const m = verdicts?.matches;
  const gt = m === undefined ? -1 : m.dtGt[at]!;
  const iou = m === undefined ? NaN : m.dtIou[at]!;
  const gtDataset = verdicts === null ? null : subset.sources[verdicts.gtSource]!.dataset;
  return {
    ...bodyOf(a),
    key: at,
    id: a.id,
    categoryId: a.categoryId,
    score: a.score,
    status: m === undefined ? 'none' : (STATUS[m.dtStatus[at]!] ?? 'none'),
    iou: Number.isNaN(iou) ? null : iou,
    matchedKey: gt < 0 || verdicts === null ? null : subset.keyOffsets[verdicts.gtSource]! + gt,
    matchedId: gt < 0 || gtDataset === null ? null : (gtDataset.annotations.at(gt)?.id ?? null),
  };
}

/** The verdict of the ground truth at `position` of source `s`, when predictions were evaluated. */
export function groundTruthMatch(
  subset: Subset,
  s: number,
  position: number,
): GroundTruthMatch | null {
  const verdicts = freshVerdicts(subset);
  if (verdicts === null || verdicts.gtSource !== s) return null;
  const m: Matches = verdicts.matches;
  const status = m.gtStatus[position]!;
  if (status === GroundTruthStatus.notEvaluated) return null;
  const dt = m.gtDt[position]!;
  const detection = dt < 0 ? undefined : subset.predictions!.dataset.annotations.at(dt);
  return {
    status:
      status === GroundTruthStatus.matched
        ? 'matched'
        : status === GroundTruthStatus.missed
          ? 'missed'
          : 'ignored',
    predictionKey: dt < 0 ? null : dt,
    predictionId: detection?.id ?? null,
    iou: dt < 0 ? null : m.dtIou[dt]!,
    score: detection?.score ?? null,
  };
}

function safeRle(p: Predictions, at: number, image: { width: number; height: number }) {
  try {
    return annotationRle(p.dataset.annotations.at(at)!, image);
  } catch {
    return null;
  }
}
