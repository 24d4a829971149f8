/**
 * Keypoint edits as plans (see patch.ts): move a point, set its visibility, add the next
 * missing point, delete a point — on COCO's `keypoints` or on one of COCO-WholeBody's
 * extra sets (keypointSets.ts), addressed by the field's name. Points are `[x, y, v]`
 * triples in image pixels; v = 0 not labeled, 1 labeled but not visible, 2 visible.
 *
 * Rules, decided by what the readers do with the values:
 * - Moving a point labels it: a v = 0 point moved becomes v = 2 (a user who places a point
 *   saw it); a v = 1 or 2 point keeps its v.
 * - Visibility 0 keeps x and y. Every reader ignores them for v = 0 (pycocotools' OKS uses
 *   only points with v > 0; CVAT and Datumaro import a v = 0 point as absent), so keeping
 *   them costs nothing and lets the point be restored (v back to 1 or 2) where it was.
 * - Delete writes `0, 0, 0`, as COCO's and Datumaro's files write an unlabeled point.
 * - `num_keypoints` (the count of v > 0 body points) is written on every change of
 *   `keypoints`, added if the annotation had none: COCOeval('keypoints') needs it on every
 *   annotation. WholeBody's `num_keypoints` counts body points only, so an edit of an
 *   extra set leaves it; the set's `*_valid` flag (when the annotation has one) follows
 *   when the set goes from no labeled point to some, or back, in the flag's own type.
 * - Coordinates are rounded to 2 decimals, as the other geometry edits write them. Every
 *   other number of the annotation is the value read (the faithful export rewrites only
 *   the touched record, in the file's style).
 */
import { round2 } from '../geometry';
import { idKey } from '../ids';
import {
  isWholeBodySet,
  validFieldOf,
  WHOLEBODY_POINT_NAMES,
  type KeypointSetName,
} from '../keypointSets';
import type { Dataset } from '../model';
import { withFields, type JsonRecord } from './objects';
import type { Patch } from './patch';

/** Visibility of a keypoint: 0 not labeled, 1 labeled but not visible, 2 visible. */
export type Visibility = 0 | 1 | 2;

/** One keypoint edit; `index` is the point's 0-based place in its set. */
export type KeypointEdit =
  | { kind: 'move'; index: number; x: number; y: number }
  | { kind: 'set-visibility'; index: number; v: Visibility }
  /** Places the set's first unlabeled point (in the category's order) at (x, y), visible. */
  | { kind: 'add-next'; x: number; y: number }
  | { kind: 'delete'; index: number };

/** How many v > 0 points `points` (`[x, y, v]` triples) holds. */
export function countLabeled(points: readonly number[]): number {
  let n = 0;
  for (let k = 2; k < points.length; k += 3) if (points[k]! > 0) n++;
  return n;
}

/**
 * The index of the first point not labeled (v = 0, or past the end of `points`) among
 * the `count` points the set names; null when all are labeled.
 */
export function nextMissingPoint(points: readonly number[], count: number): number | null {
  for (let i = 0; i < count; i++) if (!(points[i * 3 + 2]! > 0)) return i;
  return null;
}

/**
 * How many points a set names: WholeBody's for its sets; for the body, the category's
 * `keypoints` names, or the annotation's own triples when the category names none
 * (Datumaro's files write `"keypoints": []` on the category).
 */
export function pointCountOf(dataset: Dataset, at: number, set: KeypointSetName): number {
  if (isWholeBodySet(set)) return WHOLEBODY_POINT_NAMES[set].length;
  const record = dataset.annotations.at(at);
  if (record === undefined) return 0;
  const c =
    record.categoryId === null
      ? undefined
      : dataset.index.categoryById.get(idKey(record.categoryId));
  const named = (c === undefined ? null : dataset.categories[c]!.keypoints)?.length ?? 0;
  return named > 0 ? named : Math.floor((record.keypoints?.length ?? 0) / 3);
}

/** The patch making `edit` on set `set` of the annotation at position `at`; empty when it changes nothing. */
export function planKeypointEdit(
  dataset: Dataset,
  at: number,
  set: KeypointSetName,
  edit: KeypointEdit,
): Patch {
  const record = dataset.annotations.at(at);
  if (record === undefined) throw new RangeError(`no annotation at position ${at}`);
  const file = record.file as JsonRecord;
  const before = pointsOf(file[set], set);
  const points = before.slice();
  const triple = (i: number) => {
    if (!Number.isInteger(i) || i < 0 || i * 3 + 2 >= points.length)
      throw new RangeError(`${set} has no point ${i}`);
  };
  switch (edit.kind) {
    case 'move':
      triple(edit.index);
      points[edit.index * 3] = round2(edit.x);
      points[edit.index * 3 + 1] = round2(edit.y);
      if (points[edit.index * 3 + 2] === 0) points[edit.index * 3 + 2] = 2;
      break;
    case 'set-visibility':
      triple(edit.index);
      points[edit.index * 3 + 2] = edit.v;
      break;
    case 'add-next': {
      const i = nextMissingPoint(points, pointCountOf(dataset, at, set));
      if (i === null) throw new RangeError(`every point of ${set} is labeled`);
      while (points.length < i * 3 + 3) points.push(0);
      points.splice(i * 3, 3, round2(edit.x), round2(edit.y), 2);
      break;
    }
    case 'delete':
      triple(edit.index);
      points.splice(edit.index * 3, 3, 0, 0, 0);
      break;
  }
  if (sameNumbers(before, points) && file[set] !== undefined) return [];
  const after = withFields(file, { [set]: points, ...followers(file, set, before, points) });
  return [{ op: 'replace', collection: 'annotations', at, before: record.file, after }];
}

/** The set's numbers; an absent set is none (an `add-next` makes it). */
function pointsOf(value: unknown, set: KeypointSetName): number[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'number'))
    throw new RangeError(`"${set}" is not a list of numbers`);
  return value as number[];
}

/** The fields that follow a set's points: `num_keypoints` for the body, `*_valid` for WholeBody's sets. */
function followers(
  file: JsonRecord,
  set: KeypointSetName,
  before: readonly number[],
  after: readonly number[],
): JsonRecord {
  const labeled = countLabeled(after);
  if (!isWholeBodySet(set)) return { num_keypoints: labeled };
  const field = validFieldOf(set);
  const flag = file[field];
  if (flag === undefined || countLabeled(before) > 0 === labeled > 0) return {};
  const valid = labeled > 0;
  return { [field]: typeof flag === 'number' ? Number(valid) : valid };
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}
