import { useEffect, useRef } from 'react';
import { setLabel, type Visibility } from '../coco';
import { categoryById } from '../store/categoryIndex';
import { activeKeypoint, activePlacing, type KeypointRef } from '../store/keypointSlice';
import {
  editedSetsOf,
  nextPointOf,
  pointName,
  visibilityWord,
  type EditedSet,
} from '../store/keypointSets';
import { useApp } from '../store/store';
import type { PlainAnnotation } from '../store/viewSlice';
import type { CategoryInfo } from '../worker/protocol';

const VISIBILITIES: Visibility[] = [2, 1, 0];

/**
 * The selected annotation's keypoints: each set's points by name with their visibility
 * (a click makes one current, as on the canvas), the current point's visibility (keys
 * 0/1/2) and delete, and "Add keypoint" for the next missing point, placed by a click on
 * the canvas. `num_keypoints` as the file holds it.
 */
export function KeypointEditor(props: { annotation: PlainAnnotation; categories: CategoryInfo[] }) {
  const { annotation } = props;
  const current = useApp(activeKeypoint);
  const placing = useApp(activePlacing);
  const setCurrent = useApp((s) => s.setCurrentKeypoint);
  const setPlacing = useApp((s) => s.setPlacingKeypoint);
  const sets = editedSetsOf(annotation, categoryById(props.categories, annotation.categoryId));
  if (sets.length === 0) return null;
  const key = annotation.key;
  const currentSet = current === null ? undefined : sets.find((s) => s.set === current.set);

  return (
    <section aria-label="Edit keypoints" className="keypoint-editor">
      <h2>Keypoints</h2>
      <p className="muted">num_keypoints: {annotation.numKeypoints ?? '—'}</p>
      {sets.map((s) => (
        <SetPoints
          key={s.set}
          set={s}
          current={current?.set === s.set ? current.index : null}
          placing={placing?.set === s.set}
          onPick={(index) => setCurrent({ key, set: s.set, index })}
          onAdd={() => setPlacing(placing?.set === s.set ? null : { key, set: s.set })}
        />
      ))}
      {current !== null && currentSet !== undefined && (
        <CurrentPoint
          key={`${current.set}-${current.index}`}
          annotationKey={key}
          point={current}
          set={currentSet}
          onDeleted={() => setCurrent(null)}
        />
      )}
    </section>
  );
}

/** The current point's name, its visibility (keys 0/1/2) and delete. */
function CurrentPoint(props: {
  annotationKey: number;
  point: KeypointRef;
  set: EditedSet;
  onDeleted: () => void;
}) {
  const edit = useApp((s) => s.edit);
  const { point } = props;
  const name = pointName(props.set.names, point.index);
  const currentV = props.set.points[point.index * 3 + 2];
  const command = { type: 'keypoint', key: props.annotationKey, set: point.set } as const;
  const ref = useRef<HTMLDivElement>(null);
  // Picked on the canvas, the point's controls come into view in the inspector.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <div className="current-keypoint" ref={ref}>
      <p>
        Current point: <strong>{name}</strong>
      </p>
      <div role="group" aria-label={`Visibility of ${name}`}>
        {VISIBILITIES.map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={currentV === v}
            title={`key ${v}`}
            onClick={() =>
              void edit(`Set ${name} ${visibilityWord(v)}`, {
                ...command,
                edit: { kind: 'set-visibility', index: point.index, v },
              })
            }
          >
            {visibilityWord(v)} ({v})
          </button>
        ))}
        <button
          type="button"
          title="Delete"
          onClick={() => {
            void edit(`Delete ${name}`, {
              ...command,
              edit: { kind: 'delete', index: point.index },
            });
            props.onDeleted();
          }}
        >
          Delete point
        </button>
      </div>
    </div>
  );
}

function SetPoints(props: {
  set: EditedSet;
  current: number | null;
  placing: boolean;
  onPick: (index: number) => void;
  onAdd: () => void;
}) {
  const { set } = props;
  const next = nextPointOf(set);
  const body = set.set === 'keypoints';
  const listName = body ? 'Keypoints' : `${capitalized(setLabel(set.set))} keypoints`;
  const list = (
    <>
      {next !== null && (
        <p>
          <button type="button" aria-pressed={props.placing} onClick={props.onAdd}>
            Add keypoint: {pointName(set.names, next)}
          </button>
          {props.placing && (
            <span className="muted">
              {' '}
              Click the picture to place {pointName(set.names, next)} (Esc cancels)
            </span>
          )}
        </p>
      )}
      <ul aria-label={listName} className="keypoint-list">
        {Array.from({ length: Math.floor(set.points.length / 3) }, (_, i) => (
          <li key={i}>
            <button
              type="button"
              aria-current={props.current === i ? 'true' : undefined}
              onClick={() => props.onPick(i)}
            >
              {pointName(set.names, i)} · {visibilityWord(set.points[i * 3 + 2]!)}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
  if (body) return list;
  return (
    <details open={props.current !== null || props.placing}>
      <summary>{listName}</summary>
      {list}
    </details>
  );
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
