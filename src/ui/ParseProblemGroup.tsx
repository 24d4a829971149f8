import { useApp } from '../store/store';
import type { ProblemInfo } from '../worker/protocol';
import { ENTRIES_SHOWN, count } from './format';

/** One code of the problems found while reading the files, each entry with its JSON path. */
export function ParseProblemGroup(props: {
  code: string;
  count: number;
  list: ProblemInfo[];
  open: boolean;
  onToggle: () => void;
}) {
  const showAnnotation = useApp((s) => s.showAnnotation);
  return (
    <li>
      <button type="button" className="link" aria-expanded={props.open} onClick={props.onToggle}>
        {props.code} <span className="muted">({count(props.count)}, in the file)</span>
      </button>
      {props.open && (
        <ul className="problem-list" aria-label={props.code}>
          {props.list.slice(0, ENTRIES_SHOWN).map((p, i) => (
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
          {props.list.length < props.count && (
            <li className="muted">… {count(props.count - props.list.length)} more</li>
          )}
        </ul>
      )}
    </li>
  );
}
