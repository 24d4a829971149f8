import { useState } from 'react';
import { count } from './format';

export type Bar = {
  label: string;
  value: number;
  /** A second, stacked share of the value (crowd). */ part?: number;
  onClick?: () => void;
};

/**
 * A horizontal bar chart in plain SVG (theme colours, so light and dark both read), with
 * the same numbers in a table behind it for screen readers and for copying. Bars that do
 * something when clicked are buttons.
 */
export function BarChart(props: {
  title: string;
  bars: Bar[];
  unit?: string;
  partLabel?: string;
  sortable?: boolean;
  /** At most this many bars are drawn (the first, as sorted); a line says how many there are. */
  limit?: number;
  /** How many bars there are in all, when `bars` holds only those that can be drawn. */
  total?: number;
}) {
  const [sortBy, setSortBy] = useState<'value' | 'label'>('value');
  const all = props.bars;
  const total = props.total ?? all.length;
  // localeCompare is slow on 10^6 labels; code-unit order (the engine's, when it sends only
  // the first by name) reads the same for most names.
  const byLabel =
    total > 10_000
      ? (a: Bar, b: Bar) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)
      : (a: Bar, b: Bar) => a.label.localeCompare(b.label);
  const sorted = props.sortable
    ? [...all].sort((a, b) => (sortBy === 'value' ? b.value - a.value : byLabel(a, b)))
    : all;
  const bars = props.limit === undefined ? sorted : sorted.slice(0, props.limit);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 18;
  const labelWidth = 110;
  const width = 300;
  const chartWidth = width - labelWidth - 46;
  return (
    <figure className="chart">
      <figcaption>
        {props.title}
        {props.sortable && (
          <button
            type="button"
            className="link small"
            onClick={() => setSortBy(sortBy === 'value' ? 'label' : 'value')}
          >
            sort by {sortBy === 'value' ? 'name' : 'count'}
          </button>
        )}
      </figcaption>
      {bars.length < total && (
        <p className="muted chart-note">
          The first {count(bars.length)} of {count(total)}, sorted by{' '}
          {sortBy === 'value' ? 'count' : 'name'}.
        </p>
      )}
      <svg
        width="100%"
        viewBox={`0 0 ${width} ${bars.length * row + 4}`}
        role="img"
        aria-label={props.title}
      >
        {bars.map((b, i) => {
          const y = i * row + 2;
          const w = (b.value / max) * chartWidth;
          const pw = ((b.part ?? 0) / max) * chartWidth;
          const content = (
            <>
              <text x={labelWidth - 6} y={y + 12} textAnchor="end" className="chart-label">
                {b.label.length > 18 ? `${b.label.slice(0, 17)}…` : b.label}
              </text>
              <rect
                x={labelWidth}
                y={y + 2}
                width={Math.max(w, b.value > 0 ? 1 : 0)}
                height={row - 5}
                className="chart-bar"
              />
              {pw > 0 && (
                <rect x={labelWidth} y={y + 2} width={pw} height={row - 5} className="chart-part" />
              )}
              <text x={labelWidth + w + 4} y={y + 12} className="chart-value">
                {b.value.toLocaleString('en-US')}
              </text>
            </>
          );
          return b.onClick ? (
            <g
              key={i}
              role="button"
              tabIndex={0}
              aria-label={`${b.label}: ${b.value}${props.unit ? ` ${props.unit}` : ''}, show these images`}
              className="chart-clickable"
              onClick={b.onClick}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && b.onClick?.()}
            >
              <title>{`${b.label}: ${b.value}`}</title>
              {content}
            </g>
          ) : (
            <g key={i}>
              <title>{`${b.label}: ${b.value}`}</title>
              {content}
            </g>
          );
        })}
      </svg>
      <details>
        <summary>Table</summary>
        <table aria-label={props.title}>
          <thead>
            <tr>
              <th scope="col">{props.title}</th>
              <th scope="col">{props.unit ?? 'count'}</th>
              {props.partLabel && <th scope="col">{props.partLabel}</th>}
            </tr>
          </thead>
          <tbody>
            {bars.map((b, i) => (
              <tr key={i}>
                <th scope="row">{b.label}</th>
                <td>{b.value}</td>
                {props.partLabel && <td>{b.part ?? 0}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
