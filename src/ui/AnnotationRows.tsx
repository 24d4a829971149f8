import { useEffect, useRef } from 'react';
import type { PlainAnnotation } from '../store/viewSlice';
import { useApp } from '../store/store';

/**
 * The current image's annotations as rows; selecting here selects on the canvas and back,
 * and a selection made on the canvas scrolls its row into view. With several annotation
 * files in the subset, each row says which file it is from (ids may repeat across files).
 */
export function AnnotationRows(props: {
  shown: PlainAnnotation[];
  nameOf: (a: PlainAnnotation) => string;
  /** The file each row comes from, by `fileIndex`, when the subset has several. */
  fileLabels: string[] | null;
}) {
  const selection = useApp((s) => s.selection);
  const hovered = useApp((s) => s.hovered);
  const select = useApp((s) => s.select);
  const hover = useApp((s) => s.hover);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (selection.length === 0) return;
    list.current
      ?.querySelector(`[data-key="${selection.at(-1)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [selection]);

  return (
    <ul ref={list} aria-label="Annotations" className="annotation-list">
      {props.shown.map((a) => (
        <li
          key={a.key}
          data-key={a.key}
          aria-selected={selection.includes(a.key)}
          className={[
            selection.includes(a.key) ? 'selected' : '',
            hovered === a.key ? 'hovered' : '',
          ].join(' ')}
          onClick={(e) =>
            select(
              e.shiftKey || e.metaKey || e.ctrlKey ? [...new Set([...selection, a.key])] : [a.key],
            )
          }
          onMouseEnter={() => hover(a.key)}
          onMouseLeave={() => hover(null)}
        >
          <span className="name">{props.nameOf(a)}</span>{' '}
          <span className="muted">#{String(a.id)}</span> <span className="kind">{a.kind}</span>
          {props.fileLabels !== null && (
            <span className="kind file"> · {props.fileLabels[a.fileIndex]}</span>
          )}
          {a.iscrowd && <span className="badge">crowd</span>}
          {a.edited && <span className="badge edited">edited</span>}
          {a.score !== null && <span className="muted"> {a.score.toFixed(2)}</span>}
        </li>
      ))}
    </ul>
  );
}
