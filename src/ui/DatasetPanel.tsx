import { currentSubset, useApp } from '../store/store';
import { count } from './format';

/** The dataset at a glance: counts, files, subsets, and the problems found, each a link. */
export function DatasetPanel() {
  const summary = useApp((s) => s.summary);
  const subset = useApp(currentSubset);
  if (summary === null || subset === undefined) return null;
  return (
    <section aria-label="Dataset" className="dataset">
      <dl className="summary">
        <div>
          <dt>images</dt>
          <dd>{count(subset.images.ids.length)}</dd>
        </div>
        <div>
          <dt>annotations</dt>
          <dd>{count(subset.annotationCount)}</dd>
        </div>
        <div>
          <dt>crowd</dt>
          <dd>{count(subset.crowdCount)}</dd>
        </div>
        <div>
          <dt>categories</dt>
          <dd>{count(subset.categories.length)}</dd>
        </div>
        <div>
          <dt>pictures found</dt>
          <dd>
            {count(subset.imagesFound)} of {count(subset.images.ids.length)}
          </dd>
        </div>
        <div>
          <dt>subsets</dt>
          <dd>{summary.subsets.map((s) => s.name).join(', ')}</dd>
        </div>
      </dl>
      <h2>Files</h2>
      <ul className="file-list">
        {subset.files.map((f) => (
          <li key={f.path}>
            <span className="name">{f.path}</span> <span className="muted">{f.kind}</span>
          </li>
        ))}
        {summary.files
          .filter((f) => f.role === 'unreadable')
          .map((f) => (
            <li key={f.path} className="error">
              {f.path}: {f.note}
            </li>
          ))}
      </ul>
      {subset.imagesMissing.length > 0 && (
        <details>
          <summary>
            {count(subset.images.ids.length - subset.imagesFound)} pictures not found
          </summary>
          <ul className="file-list">
            {subset.imagesMissing.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </details>
      )}
      <h2>Problems</h2>
      <p className="muted">
        {count(subset.problemTotal)} found while reading; the Problems tab lists them with the
        deeper checks.
      </p>
    </section>
  );
}
