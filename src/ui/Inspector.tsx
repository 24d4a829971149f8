import { visibleAnnotations } from '../canvas/visibleAnnotations';
import { categoryById } from '../store/categoryIndex';
import { currentSubset, useApp } from '../store/store';
import type { PlainAnnotation } from '../store/viewSlice';
import { AnnotationEditor } from './AnnotationEditor';
import { AnnotationRows } from './AnnotationRows';
import { shortText } from './format';
import { MatchNote, PredictionList } from './PredictionList';

/**
 * The current image's annotations. The selection's editor is pinned at the top, so it is
 * in view wherever the list is scrolled; the list shows what the canvas draws (its
 * filters: crowd only, hidden categories, score threshold), plus anything selected.
 */
export function Inspector() {
  const subset = useApp(currentSubset);
  const annotations = useApp((s) => s.annotations);
  const selection = useApp((s) => s.selection);
  const imageProblems = useApp((s) => s.imageProblems);
  const hiddenCategories = useApp((s) => s.hiddenCategories);
  const scoreThreshold = useApp((s) => s.scoreThreshold);
  const crowdOnly = useApp((s) => s.crowdOnly);
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
  const visible = new Set(
    visibleAnnotations(annotations, { hiddenCategories, scoreThreshold, crowdOnly }),
  );
  const shown = annotations.filter((a) => visible.has(a) || selection.includes(a.key));
  const fileLabels = subset.files.length > 1 ? subset.files.map((f) => f.kind) : null;

  return (
    <div className="inspector">
      {selected.length > 0 && (
        <section className="pinned-editor" aria-label="Selected annotations">
          {selected.length === 1 && selected[0]!.match !== null && (
            <MatchNote match={selected[0]!.match} />
          )}
          <AnnotationEditor selected={selected} categories={subset.categories} />
        </section>
      )}
      <div className="inspector-lists">
        <h2>
          Annotations ({shown.length}
          {shown.length < annotations.length ? ` of ${annotations.length}` : ''})
        </h2>
        {shown.length < annotations.length && (
          <p className="muted filtered-note">
            {annotations.length - shown.length} hidden by the view (crowd only, hidden categories or
            the score threshold).
          </p>
        )}
        <AnnotationRows shown={shown} nameOf={nameOf} fileLabels={fileLabels} />
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
    </div>
  );
}
