/** Which annotations and detections the canvas draws, given the layer settings. Pure. */
import type { LayersSlice } from '../store/layersSlice';
import type { PlainPrediction } from '../store/predictionsSlice';
import type { PlainAnnotation } from '../store/viewSlice';

export function visibleAnnotations(
  annotations: readonly PlainAnnotation[],
  settings: Pick<LayersSlice, 'hiddenCategories' | 'scoreThreshold' | 'crowdOnly'>,
): PlainAnnotation[] {
  const hidden = new Set(settings.hiddenCategories);
  return annotations.filter(
    (a) =>
      !(a.categoryId !== null && hidden.has(String(a.categoryId))) &&
      !(a.score !== null && a.score < settings.scoreThreshold) &&
      !(settings.crowdOnly && !a.iscrowd),
  );
}

export function visiblePredictions(
  predictions: readonly PlainPrediction[],
  settings: { hiddenCategories: readonly string[]; predictionScore: number },
): PlainPrediction[] {
  const hidden = new Set(settings.hiddenCategories);
  return predictions.filter(
    (p) =>
      !(p.categoryId !== null && hidden.has(String(p.categoryId))) &&
      !(p.score !== null && p.score < settings.predictionScore),
  );
}
