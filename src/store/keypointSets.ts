/**
 * The keypoint sets of an annotation as the page edits them: COCO's body points named by
 * the category, then COCO-WholeBody's extra sets named as WholeBody names them.
 */
import { nextMissingPoint, WHOLEBODY_POINT_NAMES, type KeypointSetName } from '../coco';
import type { CategoryInfo } from '../worker/protocol';
import { keypointsOf } from './plainAnnotation';
import type { PlainAnnotation } from './viewSlice';

/** One set of an annotation's points (`[x, y, v]` triples, image pixels), its names and bones. */
export type EditedSet = {
  set: KeypointSetName;
  points: number[];
  names: readonly string[];
  /** 0-based bones; null for WholeBody's sets (their category names only the body's). */
  skeleton: readonly (readonly [number, number])[] | null;
};

/** The annotation's sets, the body's first; `wholeBody` false leaves WholeBody's out. */
export function editedSetsOf(
  a: PlainAnnotation,
  category: CategoryInfo | undefined,
  shown: { body: boolean; wholeBody: boolean } = { body: true, wholeBody: true },
): EditedSet[] {
  const out: EditedSet[] = [];
  const body = keypointsOf(a);
  if (body !== null && shown.body)
    out.push({
      set: 'keypoints',
      points: body,
      names: category?.keypoints ?? [],
      skeleton: category?.skeleton ?? null,
    });
  if (shown.wholeBody)
    for (const s of a.keypointSets)
      out.push({
        set: s.set,
        points: s.points,
        names: WHOLEBODY_POINT_NAMES[s.set],
        skeleton: null,
      });
  return out;
}

/** A point's name in its set, or its number when the set names none. */
export function pointName(names: readonly string[], index: number): string {
  return names[index] ?? `point ${index + 1}`;
}

/** What a visibility means, in words. */
export function visibilityWord(v: number): string {
  return v === 2 ? 'visible' : v === 1 ? 'occluded' : 'not labeled';
}

/**
 * The point "Add keypoint" places next: the first unlabeled one in the set's order (the
 * names', or the annotation's own triples when the category names none), as the engine
 * plans it (coco/edit/keypointCommands.ts); null when every point is labeled.
 */
export function nextPointOf(s: EditedSet): number | null {
  const count = s.names.length > 0 ? s.names.length : Math.floor(s.points.length / 3);
  return nextMissingPoint(s.points, count);
}
