/**
 * Annotation counts of a subset (all, crowd, per category), kept up to date by edits
 * op by op, so a label change on a train2017-scale dataset does not recount 860k records.
 */
import { forEachLabel, idKey, type IdKey, type Patch } from '../coco';
import type { CategoryCount, CategoryInfo, SubsetPatch } from './protocol';
import type { Subset } from './subset';

export type Counts = {
  annotations: number;
  crowd: number;
  perCategory: Map<IdKey, { count: number; crowd: number }>;
};

function add(
  counts: Counts,
  categoryId: unknown,
  crowd: boolean,
  sign: 1 | -1,
  touched?: Set<IdKey>,
): void {
  counts.annotations += sign;
  if (crowd) counts.crowd += sign;
  if (typeof categoryId !== 'number' && typeof categoryId !== 'string') return;
  const key = idKey(categoryId);
  touched?.add(key);
  const c = entryOf(counts, key);
  c.count += sign;
  if (crowd) c.crowd += sign;
}

function entryOf(counts: Counts, key: IdKey): { count: number; crowd: number } {
  let c = counts.perCategory.get(key);
  if (c === undefined) counts.perCategory.set(key, (c = { count: 0, crowd: 0 }));
  return c;
}

export function countAll(subset: Subset): Counts {
  const counts: Counts = { annotations: 0, crowd: 0, perCategory: new Map() };
  for (const { dataset } of subset.sources) {
    // Annotations of one category often come together: the last one's entry is kept at hand.
    let lastId: unknown = undefined;
    let last: { count: number; crowd: number } | null = null;
    forEachLabel(dataset.annotations, (categoryId, crowd) => {
      counts.annotations++;
      if (crowd) counts.crowd++;
      if (categoryId !== lastId) {
        lastId = categoryId;
        const known = typeof categoryId === 'number' || typeof categoryId === 'string';
        last = known ? entryOf(counts, idKey(categoryId)) : null;
      }
      if (last === null) return;
      last.count++;
      if (crowd) last.crowd++;
    });
  }
  return counts;
}

function fileFields(file: object): [unknown, boolean] {
  const f = file as { category_id?: unknown; iscrowd?: unknown };
  return [f.category_id, f.iscrowd === 1 || f.iscrowd === true];
}

/** Updates `counts` for a patch that was just applied; returns the categories it touched. */
export function countPatch(counts: Counts, patch: SubsetPatch): Set<IdKey> {
  const touched = new Set<IdKey>();
  const each = (p: Patch) => {
    for (const op of p) {
      if (op.collection !== 'annotations') continue;
      if (op.op === 'replace') {
        add(counts, ...fileFields(op.before), -1, touched);
        add(counts, ...fileFields(op.after), 1, touched);
      } else add(counts, ...fileFields(op.value), op.op === 'insert' ? 1 : -1, touched);
    }
  };
  for (const { patch: p } of patch) each(p);
  return touched;
}

/** Whether a patch changes the subset's category table (not just annotations). */
export function changesCategories(patch: SubsetPatch): boolean {
  return patch.some(
    (p) => p.create !== undefined || p.patch.some((op) => op.collection === 'categories'),
  );
}

/**
 * The counts of the categories `keys` names, written into `infos` (the table as the page
 * has it, in the subset's category order) and returned for the page.
 */
export function updateCategoryCounts(
  subset: Subset,
  counts: Counts,
  infos: CategoryInfo[],
  keys: Iterable<IdKey>,
): CategoryCount[] {
  const out: CategoryCount[] = [];
  for (const key of keys) {
    const at = subset.categoryById.get(key);
    const info = at === undefined ? undefined : infos[at];
    if (info === undefined) continue;
    const n = counts.perCategory.get(key);
    const changed = { id: info.id, annotationCount: n?.count ?? 0, crowdCount: n?.crowd ?? 0 };
    infos[at!] = { ...info, ...changed };
    out.push(changed);
  }
  return out;
}

export function categoryInfos(subset: Subset, counts: Counts): CategoryInfo[] {
  return subset.categories.map((c) => {
    const n = counts.perCategory.get(idKey(c.id));
    return {
      id: c.id,
      name: c.name,
      supercategory: c.supercategory,
      keypoints: c.keypoints === null ? null : [...c.keypoints],
      skeleton: c.skeleton === null ? null : c.skeleton.map(([a, b]) => [a, b] as [number, number]),
      annotationCount: n?.count ?? 0,
      crowdCount: n?.crowd ?? 0,
    };
  });
}

/** The image positions (in the subset) of the annotations a patch touched. */
export function touchedImages(subset: Subset, patch: SubsetPatch): Set<number> {
  const out = new Set<number>();
  const note = (file: object) => {
    const imageId = (file as { image_id?: unknown }).image_id;
    if (typeof imageId !== 'number' && typeof imageId !== 'string') return;
    const i = subset.imageById.get(idKey(imageId));
    if (i !== undefined) out.add(i);
  };
  for (const { patch: p } of patch) {
    for (const op of p) {
      if (op.collection !== 'annotations') continue;
      if (op.op === 'replace') {
        note(op.before);
        note(op.after);
      } else note(op.value);
    }
  }
  return out;
}
