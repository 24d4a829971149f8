import { currentSubset, useApp } from '../../store/store';
import type { PredictionsSummary } from '../../worker/protocol';
import { EvaluationRuns } from './EvaluationRuns';
import { VerdictControls } from './VerdictControls';
import { count } from '../format';

/**
 * Predictions over the ground truth: what the results list holds and whether its ids match
 * the dataset, how its detections are drawn and marked, and COCOeval's numbers.
 */
export function EvaluationPanel() {
  const subset = useApp(currentSubset);
  const predictions = subset?.predictions ?? null;
  if (predictions === null)
    return (
      <p className="muted">
        Drop a results list (a JSON array of detections with scores) to see it over the ground truth
        and evaluate it.
      </p>
    );
  return (
    <section aria-label="Evaluation" className="evaluation">
      <PredictionsFile p={predictions} />
      <VerdictControls p={predictions} />
      <EvaluationRuns p={predictions} />
    </section>
  );
}

function PredictionsFile(props: { p: PredictionsSummary }) {
  const { p } = props;
  return (
    <div className="predictions-file">
      <h2>Predictions</h2>
      <p>
        <strong>{p.file}</strong>: {count(p.count)} detections on {count(p.imagesWithPredictions)}{' '}
        images
        {p.scoreRange !== null &&
          `, scores ${p.scoreRange[0].toFixed(2)}–${p.scoreRange[1].toFixed(2)}`}
      </p>
      {p.unknownImages > 0 && (
        <p className="warning">
          {count(p.unknownImages)} detections name images not in the dataset (image_id{' '}
          {p.unknownImageExamples.join(', ')}
          {p.unknownImages > p.unknownImageExamples.length ? ', …' : ''}): they are not drawn, and
          not evaluated.
        </p>
      )}
      {p.unknownCategories > 0 && (
        <p className="warning">
          {count(p.unknownCategories)} detections name categories not in the dataset (category_id{' '}
          {p.unknownCategoryExamples.join(', ')}
          {p.unknownCategories > p.unknownCategoryExamples.length ? ', …' : ''}): not evaluated.
        </p>
      )}
    </div>
  );
}
