import { categoryById } from '../store/categoryIndex';
import { currentSubset, useApp } from '../store/store';
import type { PlainAnnotation } from '../store/viewSlice';
import { AnnotationEditor } from './AnnotationEditor';
import { shortText } from './format';
import { MatchNote, PredictionList } from './PredictionList';

/** The current image's annotations; selecting here selects on the canvas and back. */
export function Inspector() {
  const subset = useApp(currentSubset);
  const annotations = useApp((s) => s.annotations);
  const selection = useApp((s) => s.selection);
  const hovered = useApp((s) => s.hovered);
  const select = useApp((s) => s.select);
  const hover = useApp((s) => s.hover);
  const imageProblems = useApp((s) => s.imageProblems);
  if (subset === undefined) return null;
  // Cut: a 10 MB name laid out in the list would stall the page.
  const categoryName = (id: PlainAnnotation['categoryId']) => {
    const name = categoryById(subset.categories, id)?.name;
    return name === undefined ? undefined : shortText(name);
  };
  const nameOf = (a: PlainAnnotation) =>
    a.categoryId === null
      ? a.kind
      : (categoryName(a.categoryId) ?? `unknown category ${String(a.categoryId)}`);
  const selected = annotations.filter((a) => selection.includes(a.key));

  return (
    <div className="inspector">
      <h2>Annotations ({annotations.length})</h2>
      <ul aria-label="Annotations" className="annotation-list">
        {annotations.map((a) => (
          <li
            key={a.key}
            aria-selected={selection.includes(a.key)}
            className={[
              selection.includes(a.key) ? 'selected' : '',
              hovered === a.key ? 'hovered' : '',
            ].join(' ')}
            onClick={(e) =>
              select(
                e.shiftKey || e.metaKey || e.ctrlKey
                  ? [...new Set([...selection, a.key])]
                  : [a.key],
              )
            }
            onMouseEnter={() => hover(a.key)}
            onMouseLeave={() => hover(null)}
          >
            <span className="name">{nameOf(a)}</span> <span className="muted">#{String(a.id)}</span>{' '}
            <span className="kind">{a.kind}</span>
            {a.iscrowd && <span className="badge">crowd</span>}
            {a.edited && <span className="badge edited">edited</span>}
            {a.score !== null && <span className="muted"> {a.score.toFixed(2)}</span>}
          </li>
        ))}
      </ul>
      {selected.length === 1 && selected[0]!.match !== null && (
        <MatchNote match={selected[0]!.match} />
      )}
      {selected.length > 0 && (
        <AnnotationEditor selected={selected} categories={subset.categories} />
      )}
      <PredictionList nameOf={categoryName} />
      {imageProblems.length > 0 && (
        <section aria-label="Problems of this image">
          <h2>Problems ({imageProblems.length})</h2>
          <ul className="problem-list">
            {imageProblems.map((p, i) => (
              <li key={i} className={p.severity}>
                <code>{p.path}</code> {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
