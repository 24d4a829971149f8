/** An evaluation as the page shows and exports it: plain arrays and names, no model records. */
import { idKey, type CocoId, type ConfusionMatrix, type IouType } from '../coco';
import type { Evaluated, Predictions } from './predictions';
import type { ConfusionReport, EvaluationReport } from './protocol';
import type { Subset } from './subset';

/** IoU thresholds whose precision–recall curves are sent (of COCO's ten). */
const CURVE_THRESHOLDS = [0.5, 0.75];

export function reportOf(
  subset: Subset,
  predictions: Predictions,
  iouType: IouType,
  evaluated: Evaluated,
): EvaluationReport {
  const { evaluation } = evaluated;
  const { params, curves } = evaluation;
  const R = curves.recall.length;
  const nameOf = nameLookup(subset);
  return {
    iouType,
    groundTruthFile: subset.sources[evaluated.gtSource]!.path,
    predictionsFile: predictions.path,
    ms: evaluated.ms,
    lines: evaluation.summary.map((l) => ({ ...l })),
    categories: params.categoryIds.map((id, k) => ({
      id,
      name: nameOf(id),
      ap: evaluation.categoryAp[k]!,
    })),
    curves: {
      recall: Array.from(curves.recall),
      mean: Array.from(curves.mean),
      byIou: CURVE_THRESHOLDS.flatMap((iou) => {
        const t = Array.from(params.iouThresholds).findIndex((x) => Math.abs(x - iou) < 1e-9);
        return t < 0
          ? []
          : [{ iou, precision: Array.from(curves.byIouThreshold.subarray(t * R, (t + 1) * R)) }];
      }),
    },
    skipped: { ...evaluation.skipped },
  };
}

export function confusionReportOf(
  subset: Subset,
  iouType: IouType,
  confusion: ConfusionMatrix,
): ConfusionReport {
  const nameOf = nameLookup(subset);
  return {
    threshold: confusion.threshold,
    iouType,
    names: [...confusion.categoryIds.map(nameOf), 'background'],
    counts: Array.from(confusion.counts),
  };
}

function nameLookup(subset: Subset): (id: CocoId) => string {
  return (id) => {
    const at = subset.categoryById.get(idKey(id));
    return at === undefined ? String(id) : subset.categories[at]!.name;
  };
}
