import type { IouType } from '../../coco';
import { downloadBlob } from '../../io/download';
import { useApp } from '../../store/store';
import type { PredictionsSummary } from '../../worker/protocol';
import { BarChart } from '../BarChart';
import { ConfusionView } from './ConfusionView';
import { metricsCsv, metricsJson } from './metricsFormat';
import { MetricsTable } from './MetricsTable';
import { PrecisionRecallChart } from './PrecisionRecallChart';

/** Evaluate buttons (one per kind the detections allow), progress, and each evaluation's results. */
export function EvaluationRuns(props: { p: PredictionsSummary }) {
  const reports = useApp((s) => s.reports);
  const confusion = useApp((s) => s.confusion);
  const evaluating = useApp((s) => s.evaluating);
  const error = useApp((s) => s.evaluationError);
  const evaluate = useApp((s) => s.evaluate);
  const done = Object.values(reports);
  const stem = props.p.file.replace(/^.*[/:]\s*/, '').replace(/\.json$/i, '');
  return (
    <div className="evaluation-runs">
      <div className="toolbar-row">
        {props.p.iouTypes.map((t: IouType) => (
          <button
            key={t}
            type="button"
            disabled={evaluating !== null}
            onClick={() => void evaluate(t)}
          >
            Evaluate {t}
          </button>
        ))}
      </div>
      {evaluating !== null && (
        <div
          role="progressbar"
          aria-label={`Evaluating ${evaluating.iouType}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round((100 * evaluating.done) / Math.max(1, evaluating.total))}
        >
          Evaluating {evaluating.iouType}…{' '}
          {Math.round((100 * evaluating.done) / Math.max(1, evaluating.total))}%
        </div>
      )}
      {error !== null && <p role="alert">Evaluation failed: {error}</p>}
      {done.length > 0 && (
        <div className="toolbar-row">
          <button
            type="button"
            onClick={() =>
              downloadBlob(
                `${stem}_metrics.json`,
                new Blob([metricsJson(reports, confusion)], { type: 'application/json' }),
              )
            }
          >
            Export metrics JSON
          </button>
          <button
            type="button"
            onClick={() =>
              downloadBlob(
                `${stem}_metrics.csv`,
                new Blob([metricsCsv(reports)], { type: 'text/csv' }),
              )
            }
          >
            Export metrics CSV
          </button>
        </div>
      )}
      {done.map((report) => (
        <section key={report.iouType} aria-label={`${report.iouType} evaluation`}>
          <h3>
            {report.iouType} <span className="muted">({(report.ms / 1000).toFixed(2)} s)</span>
          </h3>
          <MetricsTable report={report} />
          <BarChart
            title={`AP per category (${report.iouType}, ×100)`}
            sortable
            bars={report.categories
              .filter((c) => c.ap >= 0)
              .map((c) => ({ label: c.name, value: Math.round(c.ap * 1000) / 10 }))}
          />
          <PrecisionRecallChart report={report} />
        </section>
      ))}
      {confusion !== null && <ConfusionView confusion={confusion} />}
    </div>
  );
}
