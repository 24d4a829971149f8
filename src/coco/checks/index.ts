/**
 * Deeper checks of a dataset, beyond what parsing finds: what makes training or other
 * tools go wrong, as the dataset is now (they run again after every edit). Image pixels;
 * bbox = [x, y, w, h].
 */
import { recordsInOrder } from '../annotationTable';
import { idKey, type IdKey } from '../ids';
import { firstOfIdFinder } from '../parse/buildIndex';
import type { AnnotationRecord, Dataset } from '../model';
import { checkAnnotation } from './checkAnnotation';
import { duplicateGroups, findDuplicates, type DuplicateGroup } from './duplicates';
import type { Finding } from './findings';

export type { Finding, FindingKind, FixKind } from './findings';
export { selfIntersects } from './selfIntersects';

/** Every finding of the dataset; `onProgress` is told how many annotations were checked. */
export function checkDataset(
  dataset: Dataset,
  onProgress?: (done: number, total: number) => void,
): Finding[] {
  const steps = checkDatasetSteps(dataset);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    onProgress?.(step.value, 2 * dataset.annotations.length);
  }
}

/**
 * The checks as steps: each `next()` does a slice of the work (about 4k annotations, read
 * and checked: an image switch waits for one) and yields how far it is, out of twice the
 * annotation count (two passes); the last returns the findings. A worker can answer other
 * requests between steps.
 *
 * The annotations are read once, in order (a stored table's in runs, dropped as the pass
 * goes on); the few that may be duplicates, found from their boxes first, are kept for the
 * second pass, which compares their shapes.
 */
export function* checkDatasetSteps(dataset: Dataset): Generator<number, Finding[]> {
  const out: Finding[] = [];
  const { images, annotations, index } = dataset;
  const groups: DuplicateGroup[] = [];
  const search = duplicateGroups(dataset, groups);
  while (search.next().done !== true) yield 0;
  const wanted = new Uint8Array(annotations.length);
  for (const { positions } of groups) for (const at of positions) wanted[at] = 1;
  const kept = new Map<number, AnnotationRecord>();
  const recordAt = recordsInOrder(annotations);
  const used = new Set<IdKey>();
  const ids = new Map<IdKey, number>();
  const segmentIds = new Map<IdKey, Map<IdKey, number>>();
  const results = dataset.kind === 'results';
  // Panoptic segments' ids are their image's own (see firstWithId).
  const firstOf =
    results || dataset.kind === 'panoptic' || annotations.length === 0
      ? null
      : firstOfIdFinder(annotations);
  for (let at = 0; at < annotations.length; at++) {
    if ((at & 0xfff) === 0) yield at;
    const a = recordAt(at);
    if (wanted[at] === 1) kept.set(at, a);
    if (a.categoryId !== null) used.add(idKey(a.categoryId));
    if (!results)
      checkReferences(dataset, a, at, firstWithId(firstOf, a, at, ids, segmentIds), out);
    const i = index.imageById.get(idKey(a.imageId));
    if (i !== undefined) checkAnnotation(a, at, images[i]!, out);
  }
  for (let i = 0; i < images.length; i++) {
    if (index.imageOffsets[i + 1]! === index.imageOffsets[i]! && dataset.kind !== 'image_info') {
      out.push({
        kind: 'empty-image',
        image: i,
        message: `${images[i]!.fileName || `image ${String(images[i]!.id)}`} has no annotation`,
      });
    }
  }
  dataset.categories.forEach((c, i) => {
    if (!used.has(idKey(c.id)) && dataset.kind !== 'captions') {
      out.push({
        kind: 'unused-category',
        category: i,
        message: `category "${c.name}" has no annotation`,
        fix: 'delete-category',
      });
    }
  });
  for (const done of findDuplicates(dataset, groups, (at) => kept.get(at)!, out))
    yield annotations.length + done;
  return out;
}

/**
 * The position of the first annotation with `a`'s id (`at` when it is `a`): the index's
 * when it holds the file's ids (every kind but panoptic; a map of its own, 860k entries on
 * train2017, cost more than the whole lookup), else from `ids` filled as the pass goes. A
 * panoptic segment's id must differ only from its image's (a colour of its PNG map).
 */
function firstWithId(
  firstOf: ((key: IdKey, at: number) => number) | null,
  a: AnnotationRecord,
  at: number,
  ids: Map<IdKey, number>,
  segmentIds: Map<IdKey, Map<IdKey, number>>,
): number {
  const key = idKey(a.id);
  if (a.segmentation.kind !== 'panoptic' && firstOf !== null) return firstOf(key, at);
  let seen = ids;
  if (a.segmentation.kind === 'panoptic') {
    const image = idKey(a.imageId);
    const ofImage = segmentIds.get(image);
    if (ofImage === undefined) segmentIds.set(image, (seen = new Map()));
    else seen = ofImage;
  }
  const first = seen.get(key);
  if (first === undefined) seen.set(key, at);
  return first ?? at;
}

/** The annotation's image and category exist, and no earlier annotation has its id. */
function checkReferences(
  dataset: Dataset,
  a: AnnotationRecord,
  at: number,
  first: number,
  out: Finding[],
): void {
  if (first !== at && a.segmentation.kind === 'panoptic')
    // A new id would need the PNG map repainted: no fix is offered.
    out.push({
      kind: 'duplicate-id',
      annotation: at,
      message: `segment id ${JSON.stringify(a.id)} appears twice in the segments of image ${JSON.stringify(a.imageId)}`,
    });
  else if (first !== at)
    out.push({
      kind: 'duplicate-id',
      annotation: at,
      message: `id ${JSON.stringify(a.id)} is also the id of annotations[${dataset.annotations.at(first)!.sourceIndex}]`,
      fix: 'new-id',
    });
  if (!dataset.index.imageById.has(idKey(a.imageId)))
    out.push({
      kind: 'unknown-image',
      annotation: at,
      message: `image_id ${JSON.stringify(a.imageId)} is not among the images`,
      fix: 'delete-annotation',
    });
  if (
    a.categoryId !== null &&
    dataset.categories.length > 0 &&
    !dataset.index.categoryById.has(idKey(a.categoryId))
  )
    out.push({
      kind: 'unknown-category',
      annotation: at,
      message: `category_id ${JSON.stringify(a.categoryId)} is not among the categories`,
      fix: 'delete-annotation',
    });
}
