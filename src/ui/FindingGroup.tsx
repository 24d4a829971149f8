import type { FindingKind } from '../coco';
import { useApp } from '../store/store';
import type { FindingInfo } from '../worker/protocol';
import { FINDING_TITLES, FIX_TITLES } from './problemLabels';
import { ENTRIES_SHOWN, count } from './format';

/** One kind of finding: its count, a fix for all, and (open) each entry with a link and a fix. */
export function FindingGroup(props: {
  kind: FindingKind;
  count: number;
  list: FindingInfo[];
  open: boolean;
  onToggle: () => void;
}) {
  const { kind, list } = props;
  const edit = useApp((s) => s.edit);
  const showAnnotation = useApp((s) => s.showAnnotation);
  const setImage = useApp((s) => s.setImage);
  const fix = list.find((f) => f.fix !== null)?.fix ?? null;
  const apply = (items: FindingInfo[]) => {
    if (fix === null) return;
    const keys = items.flatMap((f) => (f.key === null ? [] : [f.key]));
    const categoryIds = items.flatMap((f) => (f.categoryId === null ? [] : [f.categoryId]));
    void edit(`${FIX_TITLES[fix]} (${items.length})`, { type: 'fix', fix, keys, categoryIds });
  };
  const title = FINDING_TITLES[kind];
  return (
    <li>
      <div className="group-head">
        <button type="button" className="link" aria-expanded={props.open} onClick={props.onToggle}>
          {title} <span className="muted">({count(props.count)})</span>
        </button>
        {fix !== null && list.length > 0 && (
          <button
            type="button"
            aria-label={`${FIX_TITLES[fix]}: all ${count(list.length)} ${title.toLowerCase()}`}
            onClick={() => apply(list)}
          >
            {FIX_TITLES[fix]}: all {count(list.length)}
          </button>
        )}
      </div>
      {props.open && (
        <ul className="problem-list" aria-label={title}>
          {list.slice(0, ENTRIES_SHOWN).map((f, i) => (
            <li key={i}>
              {f.imageIndex !== null && (
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    f.annotationId !== null
                      ? showAnnotation(f.imageIndex!, f.annotationId, f.key)
                      : setImage(f.imageIndex!)
                  }
                >
                  {f.annotationId !== null ? `#${String(f.annotationId)}` : 'image'}
                </button>
              )}{' '}
              {f.annotationId !== null && f.imageIndex === null && (
                <span className="muted">#{String(f.annotationId)} </span>
              )}
              {f.message}
              {f.fix !== null && (
                <button
                  type="button"
                  className="small"
                  aria-label={`${FIX_TITLES[f.fix]}: ${subjectOf(f)}`}
                  onClick={() => apply([f])}
                >
                  {FIX_TITLES[f.fix]}
                </button>
              )}
            </li>
          ))}
          {list.length < props.count && (
            <li className="muted">… {count(props.count - list.length)} more</li>
          )}
        </ul>
      )}
    </li>
  );
}

/** What a finding is about, in a few words: `#12`, `category 3`, `image 7`. */
function subjectOf(f: FindingInfo): string {
  if (f.annotationId !== null) return `#${String(f.annotationId)}`;
  if (f.categoryId !== null) return `category ${String(f.categoryId)}`;
  return `image ${f.imageIndex ?? ''}`;
}
