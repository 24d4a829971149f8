import type { EvaluationReport } from '../../worker/protocol';
import { formatMetric, lineLabel } from './metricsFormat';

/** The numbers of `COCOeval.summarize()`, in a table named after the kind of evaluation. */
export function MetricsTable(props: { report: EvaluationReport }) {
  const { report } = props;
  return (
    <table className="metrics" aria-label={`${report.iouType} metrics`}>
      <thead>
        <tr>
          <th scope="col">{report.iouType}</th>
          <th scope="col">value</th>
        </tr>
      </thead>
      <tbody>
        {report.lines.map((line, i) => (
          <tr key={i}>
            <th scope="row">{lineLabel(line)}</th>
            <td title={String(line.value)}>{formatMetric(line.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
