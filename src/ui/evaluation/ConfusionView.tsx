import type { ConfusionReport } from '../../worker/protocol';

/** Off-diagonal entries listed at most. */
const TOP = 12;

/**
 * The confusion matrix at the verdicts' threshold: the most frequent confusions first (which
 * objects were given which wrong label, or none), then the matrix itself, reduced to the
 * categories that appear in it.
 */
export function ConfusionView(props: { confusion: ConfusionReport }) {
  const { names, counts, threshold, iouType } = props.confusion;
  const n = names.length;
  const at = (r: number, c: number) => counts[r * n + c]!;
  const pairs: { r: number; c: number; count: number }[] = [];
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) if (r !== c && at(r, c) > 0) pairs.push({ r, c, count: at(r, c) });
  pairs.sort((a, b) => b.count - a.count);
  const used = [...Array(n).keys()].filter((i) => {
    for (let j = 0; j < n; j++) if (at(i, j) > 0 || at(j, i) > 0) return true;
    return false;
  });
  const title = `Confusion matrix (${iouType}, IoU ≥ ${threshold.toFixed(2)})`;
  return (
    <section aria-label="Confusions" className="confusion">
      <h3>{title}</h3>
      <ol className="confusion-top" aria-label="Most frequent confusions">
        {pairs.slice(0, TOP).map((p) => (
          <li key={`${p.r}:${p.c}`}>
            {names[p.r]} → {names[p.c]}: <strong>{p.count.toLocaleString('en-US')}</strong>
          </li>
        ))}
      </ol>
      <details>
        <summary>Matrix (rows: ground truth, columns: predictions)</summary>
        <div className="confusion-scroll">
          <table aria-label="Confusion matrix">
            <thead>
              <tr>
                <th scope="col">gt \ predicted</th>
                {used.map((c) => (
                  <th key={c} scope="col">
                    {names[c]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {used.map((r) => (
                <tr key={r}>
                  <th scope="row">{names[r]}</th>
                  {used.map((c) => (
                    <td key={c} className={r === c ? 'diagonal' : at(r, c) > 0 ? 'off' : ''}>
                      {at(r, c) || ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
