import { useState } from 'react';
import { currentSubset, useApp } from '../store/store';
import type { ProblemInfo } from '../worker/protocol';

const n = (x: number) => x.toLocaleString('en-US');

/** The dataset at a glance: counts, files, subsets, and the problems found, each a link. */
export function DatasetPanel() {
  const summary = useApp((s) => s.summary);
  const subset = useApp(currentSubset);
  const showAnnotation = useApp((s) => s.showAnnotation);
  const [openCode, setOpenCode] = useState<string | null>(null);
  if (summary === null || subset === undefined) return null;
  const byCode = new Map<string, ProblemInfo[]>();
  for (const p of subset.problems) byCode.set(p.code, [...(byCode.get(p.code) ?? []), p]);
  const codes = Object.entries(subset.problemCounts).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  return (
    <section aria-label="Dataset" className="dataset">
      <dl className="summary">
        <div>
          <dt>images</dt>
          <dd>{n(subset.images.ids.length)}</dd>
        </div>
        <div>
          <dt>annotations</dt>
          <dd>{n(subset.annotationCount)}</dd>
        </div>
        <div>
          <dt>crowd</dt>
          <dd>{n(subset.crowdCount)}</dd>
        </div>
        <div>
          <dt>categories</dt>
          <dd>{n(subset.categories.length)}</dd>
        </div>
        <div>
          <dt>pictures found</dt>
          <dd>
            {n(subset.imagesFound)} of {n(subset.images.ids.length)}
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
          <summary>{n(subset.images.ids.length - subset.imagesFound)} pictures not found</summary>
          <ul className="file-list">
            {subset.imagesMissing.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </details>
      )}
      <h2>Problems ({n(subset.problemTotal)})</h2>
      {codes.length === 0 && <p className="muted">None found.</p>}
      <ul className="problem-groups">
        {codes.map(([code, count]) => {
          const list = byCode.get(code) ?? [];
          return (
            <li key={code}>
              <button
                type="button"
                className="link"
                aria-expanded={openCode === code}
                onClick={() => setOpenCode(openCode === code ? null : code)}
              >
                {code} <span className="muted">({n(count ?? 0)})</span>
              </button>
              {openCode === code && (
                <ul className="problem-list">
                  {list.slice(0, 500).map((p, i) => (
                    <li key={i} className={p.severity}>
                      {p.imageIndex !== null ? (
                        <button
                          type="button"
                          className="link"
                          onClick={() => showAnnotation(p.imageIndex!, p.annotationId)}
                        >
                          <code>{p.path}</code>
                        </button>
                      ) : (
                        <code>{p.path}</code>
                      )}{' '}
                      {p.message}
                    </li>
                  ))}
                  {list.length < (count ?? 0) && (
                    <li className="muted">… {n((count ?? 0) - list.length)} more</li>
                  )}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
