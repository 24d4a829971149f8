/**
 * COCO evaluation (pycocotools' `COCOeval`): `evaluate` gives the summary numbers, the
 * precision/recall arrays, per-category AP, PR curves, per-annotation matches and a
 * confusion matrix; `matchDetections` and `confusionMatrix` redo the last two at
 * another IoU threshold without evaluating again. `evaluateSteps` is `evaluate` a few
 * milliseconds at a time (`scaled` places such steps' shares within a longer work's).
 */
export {
  evaluate,
  evaluateSteps,
  matchDetections,
  confusionMatrix,
  categoryCurves,
  type Evaluation,
  type EvaluateOptions,
  type EvaluationState,
} from './evaluate';
export { COCO_KEYPOINT_SIGMAS } from './params';
export { scaled } from './steps';
export { oks } from './iou';
export * from './types';
