/** Which annotations and detections the canvas draws, given the layer settings. Pure. */
import type { Layers, LayersSlice } from '../store/layersSlice';
import type { PlainBody } from '../store/plainAnnotation';
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

/**
 * Whether the layer toggles leave anything of an annotation drawn: what is not drawn can
 * be neither hovered nor picked (a mask with Masks unticked, say).
 */
export function isDrawn(a: PlainBody, layers: Layers): boolean {
  if (layers.allBoxes && 'bbox' in a && a.bbox !== null) return true;
  const keypoints = 'keypoints' in a && a.keypoints !== null && layers.keypoints;
  switch (a.kind) {
    case 'polygon':
      return layers.polygons || keypoints;
    case 'mask':
    case 'segment':
      return layers.masks || keypoints;
    case 'box':
      return layers.boxes;
    case 'keypoints':
      return layers.keypoints;
    case 'caption':
    case 'label':
      return false;
  }
}
