/** Evaluation verdicts in words, as the canvas's hover card and the inspector say them. */
import type { PredictionStatus } from '../worker/protocol';

export const VERDICT: Record<PredictionStatus, string> = {
  'true-positive': 'true positive',
  'false-positive': 'false positive',
  ignored: 'ignored',
  none: '',
};
