import type { EvaluationReport } from '../../worker/protocol';

const W = 300;
const H = 190;
const PAD = { left: 30, right: 8, top: 8, bottom: 24 };
const COLORS = ['var(--accent)', 'var(--warn)', 'var(--text)'];

type Series = { label: string; precision: number[] };

/**
 * Precision against recall (area all, 100 detections), at IoU .50 and .75 and averaged
 * over .50:.95, in plain SVG; precision is undefined (-1) where no detection reaches that
 * recall, and the line stops there. A table behind it gives every tenth recall point.
 */
export function PrecisionRecallChart(props: { report: EvaluationReport }) {
  const { recall, byIou, mean } = props.report.curves;
  const series: Series[] = [
    ...byIou.map((c) => ({ label: `IoU ${c.iou.toFixed(2)}`, precision: c.precision })),
    { label: 'IoU .50:.95', precision: mean },
  ];
  const x = (r: number) => PAD.left + r * (W - PAD.left - PAD.right);
  const y = (p: number) => H - PAD.bottom - p * (H - PAD.top - PAD.bottom);
  const title = `Precision–recall (${props.report.iouType})`;
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg width="100%" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(0)} x2={x(1)} y1={y(t)} y2={y(t)} className="chart-grid" />
            <text x={PAD.left - 4} y={y(t) + 3} textAnchor="end" className="chart-value">
              {t}
            </text>
            <text x={x(t)} y={H - PAD.bottom + 12} textAnchor="middle" className="chart-value">
              {t}
            </text>
          </g>
        ))}
        <text x={(x(0) + x(1)) / 2} y={H - 2} textAnchor="middle" className="chart-label">
          recall
        </text>
        {series.map((s, i) => (
          <polyline
            key={s.label}
            fill="none"
            stroke={COLORS[i % COLORS.length]}
            strokeWidth={1.5}
            points={s.precision
              .flatMap((p, r) => (p < 0 ? [] : [`${x(recall[r]!)},${y(p)}`]))
              .join(' ')}
          />
        ))}
        {series.map((s, i) => (
          <text
            key={s.label}
            x={W - PAD.right}
            y={PAD.top + 10 + i * 12}
            textAnchor="end"
            fill={COLORS[i % COLORS.length]}
            className="chart-legend"
          >
            {s.label}
          </text>
        ))}
      </svg>
      <details>
        <summary>Table</summary>
        <table aria-label={title}>
          <thead>
            <tr>
              <th scope="col">recall</th>
              {series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {recall.flatMap((r, k) =>
              k % 10 === 0
                ? [
                    <tr key={k}>
                      <th scope="row">{r.toFixed(1)}</th>
                      {series.map((s) => (
                        <td key={s.label}>
                          {s.precision[k]! < 0 ? '—' : s.precision[k]!.toFixed(3)}
                        </td>
                      ))}
                    </tr>,
                  ]
                : [],
            )}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
