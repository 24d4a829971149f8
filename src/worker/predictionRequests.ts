/**
 * The engine's work on predictions: attach results lists to the subset they were made
 * for, evaluate them, match again at another threshold. Called by engine.ts.
 */
import type { IouType } from '../coco';
import { listSources, type Source } from '../io/virtualFiles';
import { isJson } from '../io/layout';
import { confusionReportOf, reportOf } from './evaluationReport';
import { imageMistakes } from './imageMistakes';
import { OpenError, parseFile, type Progress } from './openFiles';
import {
  attachPredictions,
  subsetFor,
  evaluatePredictions,
  setMatchThreshold,
  summarizePredictions,
} from './predictions';
import type {
  ConfusionReport,
  EvaluationReport,
  ImageMistakes,
  PredictionsSummary,
} from './protocol';
import type { Subset } from './subset';

/** Reads results lists given while a dataset is open and attaches each to its subset. */
export async function addPredictionFiles(
  subsets: Subset[],
  preferred: number,
  files: readonly Source[],
  progress: Progress,
): Promise<number[]> {
  const listed = await listSources(files);
  const jsons = listed.files.filter((f) => isJson(f.path));
  if (jsons.length === 0)
    throw new OpenError({
      file: files[0]?.path ?? '',
      place: '',
      message: 'no results list (.json) among these files',
    });
  const attached: number[] = [];
  for (const file of jsons) {
    const parsed = await parseFile(file, progress);
    if ('error' in parsed) throw new OpenError(parsed.error);
    const { source } = parsed;
    if (source.dataset.kind !== 'results')
      throw new OpenError({
        file: file.origin,
        place: '',
        message: `not a results list (a bare JSON array of detections): it holds ${source.dataset.kind}`,
      });
    const at = subsetFor(subsets, source, preferred);
    if (at === null)
      throw new OpenError({
        file: file.origin,
        place: '[0].image_id',
        message:
          'these predictions name none of the open images: open the dataset they were made for',
      });
    subsets[at]!.predictions = attachPredictions(subsets[at]!, source.path, source.dataset);
    attached.push(at);
  }
  return attached;
}

export async function evaluateSubset(
  subset: Subset,
  iouType: IouType,
  progress: (done: number, total: number) => void,
): Promise<{
  report: EvaluationReport;
  confusion: ConfusionReport;
  predictions: PredictionsSummary;
  mistakes: ImageMistakes | null;
}> {
  const p = subset.predictions;
  if (p === null) throw new Error('no predictions are open');
  const evaluated = await evaluatePredictions(subset, p, iouType, progress);
  if (subset.predictions !== p) throw new Error('other predictions were opened meanwhile');
  return {
    report: reportOf(subset, p, iouType, evaluated),
    confusion: confusionReportOf(subset, iouType, p.verdicts!.confusion),
    predictions: summarizePredictions(subset, p),
    mistakes: imageMistakes(subset),
  };
}

export function rematchSubset(
  subset: Subset,
  threshold: number,
): {
  confusion: ConfusionReport | null;
  predictions: PredictionsSummary;
  mistakes: ImageMistakes | null;
} {
  const p = subset.predictions;
  if (p === null) throw new Error('no predictions are open');
  setMatchThreshold(p, threshold);
  return {
    confusion:
      p.verdicts === null
        ? null
        : confusionReportOf(subset, p.verdicts.iouType, p.verdicts.confusion),
    predictions: summarizePredictions(subset, p),
    mistakes: imageMistakes(subset),
  };
}
