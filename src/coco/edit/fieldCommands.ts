/**
 * Edits of an annotation's fields as the user means them (mark crowd, relabel, set a
 * score), planned to follow the file's own conventions instead of writing raw values:
 * `iscrowd` stays a boolean in a file that writes `true`/`false` (COCO Annotator), a
 * category id is spelled as the file spells that category's id (a string id stays a
 * string). Each returns a patch (see patch.ts); annotations already as asked are left out.
 */
import { idKey } from '../ids';
import type { AnnotationRecord, Dataset } from '../model';
import type { CocoId } from '../types';
import { planSetFields } from './commands';
import { crowdConvention } from './conventions';
import type { Patch } from './patch';

function changed(
  dataset: Dataset,
  positions: readonly number[],
  differs: (record: AnnotationRecord) => boolean,
): number[] {
  return positions.filter((at) => {
    const record = dataset.annotations.at(at);
    if (record === undefined) throw new RangeError(`no annotation at position ${at}`);
    return differs(record);
  });
}

/** Marks annotations crowd or not (the export writes a crowd's shape as a mask: exportPlan.ts). */
export function planSetCrowd(dataset: Dataset, positions: readonly number[], on: boolean): Patch {
  const value = crowdConvention(dataset);
  return changed(dataset, positions, (a) => a.iscrowd !== on).flatMap((at) =>
    planSetFields(dataset, [at], { iscrowd: value(dataset.annotations.at(at)!, on) }),
  );
}

/** Gives annotations another category: its id as this file's category holds it. */
export function planRelabel(
  dataset: Dataset,
  positions: readonly number[],
  categoryId: CocoId,
): Patch {
  const at = dataset.index.categoryById.get(idKey(categoryId));
  const id = at === undefined ? categoryId : dataset.categories[at]!.id;
  const key = idKey(id);
  return planSetFields(
    dataset,
    changed(dataset, positions, (a) => a.categoryId === null || idKey(a.categoryId) !== key),
    { category_id: id },
  );
}

/** Sets annotations' `score` (a detection's confidence, 0..1); null removes it. */
export function planSetScore(
  dataset: Dataset,
  positions: readonly number[],
  score: number | null,
): Patch {
  if (score !== null && !(score >= 0 && score <= 1))
    throw new RangeError(`a score is between 0 and 1, not ${score}`);
  return planSetFields(
    dataset,
    changed(dataset, positions, (a) => (score === null ? 'score' in a.file : a.score !== score)),
    { score: score ?? undefined },
  );
}
