/**
 * Edits in the data engine: a page command (annotations addressed by their view keys)
 * becomes a patch per annotation file of the subset, which is applied to the subset.
 * The subset patch is what the page keeps for undo and what autosave stores.
 */
import {
  applyPatch,
  idKey,
  planAddAnnotation,
  planAddMask,
  planPaintStroke,
  planClipToImage,
  planDropShortParts,
  planNewIds,
  newAnnotationIds,
  planRecomputeGeometry,
  planAddCategory,
  planDeleteAnnotations,
  planDeleteCategory,
  planMergeCategories,
  planMergeToCrowd,
  planRenameAttribute,
  planSetAttribute,
  planSetCategoryFields,
  planSetCrowd,
  planSetScore,
  planRelabel,
  planSetShape,
  planKeypointEdit,
  planSplitPolygon,
  findAnnotations,
  type CocoId,
  type Dataset,
  type Patch,
} from '../coco';
import type { EditCommand, SubsetPatch } from './protocol';
import { changesCategories } from './counts';
import { instancesSourceOf, newInstancesSource } from './instancesSource';
import { planMaskCommand } from './maskEdits';
import { imageSize, locateKey, refreshSubset, type Subset } from './subset';

/** Keys grouped by the annotation file they belong to: source → positions. */
function bySource(subset: Subset, keys: readonly number[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const key of keys) {
    const at = locateKey(subset, key);
    if (at === null) throw new Error(`annotation ${key} is no longer in the dataset`);
    const positions = out.get(at[0]);
    if (positions === undefined) out.set(at[0], [at[1]]);
    else positions.push(at[1]);
  }
  return out;
}

function perSource(
  subset: Subset,
  keys: readonly number[],
  plan: (d: Dataset, positions: number[], source: number) => Patch,
): SubsetPatch {
  return [...bySource(subset, keys)].map(([source, positions]) => ({
    source,
    patch: plan(subset.sources[source]!.dataset, positions, source),
  }));
}

/** Every source holding category `id` (a category can be in instances and person_keypoints). */
function withCategory(subset: Subset, id: CocoId, plan: (d: Dataset) => Patch): SubsetPatch {
  return subset.sources.flatMap(({ dataset }, source) =>
    dataset.index.categoryById.has(idKey(id)) ? [{ source, patch: plan(dataset) }] : [],
  );
}

/** The patch that makes a page command, planned against the subset as it is. */
export function planEdit(subset: Subset, command: EditCommand): SubsetPatch {
  switch (command.type) {
    case 'set-crowd':
      return perSource(subset, command.keys, (d, p) => planSetCrowd(d, p, command.on));
    case 'relabel':
      return perSource(subset, command.keys, (d, p) => planRelabel(d, p, command.categoryId));
    case 'set-score':
      return perSource(subset, command.keys, (d, p) => planSetScore(d, p, command.score));
    case 'set-attribute':
      return perSource(subset, command.keys, (d, p) =>
        planSetAttribute(d, p, command.name, command.value),
      );
    case 'rename-attribute':
      return perSource(subset, command.keys, (d, p) =>
        planRenameAttribute(d, p, command.from, command.to),
      );
    case 'set-shape': {
      const [source, at] = locateKey(subset, command.key) ?? [-1, -1];
      if (source < 0) throw new Error(`annotation ${command.key} is no longer in the dataset`);
      return [
        {
          source,
          patch: planSetShape(
            subset.sources[source]!.dataset,
            at,
            command.shape,
            imageSize(subset, source, at),
          ),
        },
      ];
    }
    case 'keypoint': {
      const [source, at] = locateKey(subset, command.key) ?? [-1, -1];
      if (source < 0) throw new Error(`annotation ${command.key} is no longer in the dataset`);
      const dataset = subset.sources[source]!.dataset;
      return [{ source, patch: planKeypointEdit(dataset, at, command.set, command.edit) }];
    }
    case 'add-annotation': {
      const image = subset.images[command.imageIndex];
      if (image === undefined) throw new Error(`no image ${command.imageIndex}`);
      // New shapes go to the subset's instances file, made if there is none.
      const at = instancesSourceOf(subset);
      const source = at ?? subset.sources.length;
      const dataset =
        at === null ? newInstancesSource(subset).dataset : subset.sources[at]!.dataset;
      const fields = {
        imageId: image.id,
        categoryId: command.categoryId,
        shape: command.shape,
        boxAs: command.boxAs ?? 'polygon',
      };
      const patch = planAddAnnotation(dataset, fields, image, subsetIds(subset)());
      return [at === null ? { source, patch, create: 'instances' } : { source, patch }];
    }
    case 'paint':
      return planPaint(subset, command);
    case 'delete':
      return perSource(subset, command.keys, planDeleteAnnotations);
    case 'merge-crowd': {
      const groups = bySource(subset, command.keys);
      if (groups.size !== 1)
        throw new Error('shapes from different annotation files cannot be merged');
      const [source, positions] = [...groups][0]!;
      return [
        {
          source,
          patch: planMergeToCrowd(
            subset.sources[source]!.dataset,
            positions,
            imageSize(subset, source, positions[0]!),
          ),
        },
      ];
    }
    case 'split': {
      const [source, at] = locateKey(subset, command.key) ?? [-1, -1];
      if (source < 0) throw new Error(`annotation ${command.key} is no longer in the dataset`);
      return [
        {
          source,
          patch: planSplitPolygon(
            subset.sources[source]!.dataset,
            at,
            imageSize(subset, source, at),
            subsetIds(subset),
          ),
        },
      ];
    }
    case 'add-category': {
      const source = Math.max(
        0,
        subset.sources.findIndex(
          (s) => s.dataset.kind !== 'captions' && s.dataset.kind !== 'results',
        ),
      );
      return [
        {
          source,
          patch: planAddCategory(
            subset.sources[source]!.dataset,
            command.name,
            command.supercategory,
          ),
        },
      ];
    }
    case 'set-category':
      return withCategory(subset, command.id, (d) =>
        planSetCategoryFields(d, command.id, command.fields),
      );
    case 'merge-categories':
      return withCategory(subset, command.from, (d) =>
        planMergeCategories(d, command.from, command.into),
      );
    case 'delete-category':
      return withCategory(subset, command.id, (d) =>
        planDeleteCategory(
          d,
          command.id,
          command.reassignTo === null ? { delete: true } : { reassignTo: command.reassignTo },
        ),
      );
    case 'set-attribute-of-category': {
      const keys = subset.sources.flatMap(({ dataset }, s) =>
        findAnnotations(
          dataset.annotations,
          (a) => a.categoryId !== null && idKey(a.categoryId) === idKey(command.categoryId),
        ).map((i) => subset.keyOffsets[s]! + i),
      );
      return perSource(subset, keys, (d, p) => planSetAttribute(d, p, command.name, command.value));
    }
    case 'fix':
      return planFix(subset, command);
    case 'convert-to-mask':
    case 'convert-to-polygons':
    case 'fill-holes':
    case 'remove-specks': {
      const { source, planned } = planMaskCommand(subset, command);
      return [{ source, patch: planned.patch }];
    }
    default: {
      const never: never = command;
      throw new Error(`unknown edit ${JSON.stringify(never)}`);
    }
  }
}

/** A brush or eraser stroke on an annotation, or (no key) a new mask on the current image. */
function planPaint(subset: Subset, command: Extract<EditCommand, { type: 'paint' }>): SubsetPatch {
  if (command.key !== null) {
    const [source, at] = locateKey(subset, command.key) ?? [-1, -1];
    if (source < 0) throw new Error(`annotation ${command.key} is no longer in the dataset`);
    const dataset = subset.sources[source]!.dataset;
    const image = imageSize(subset, source, at);
    return [{ source, patch: planPaintStroke(dataset, at, command.stroke, image, command.erase) }];
  }
  if (command.erase) throw new Error('select a mask to erase from');
  const image = subset.images[command.imageIndex];
  if (image === undefined) throw new Error(`no image ${command.imageIndex}`);
  // New masks go to the subset's instances file, made if there is none (as drawn shapes).
  const at = instancesSourceOf(subset);
  const source = at ?? subset.sources.length;
  const dataset = at === null ? newInstancesSource(subset).dataset : subset.sources[at]!.dataset;
  const fields = { imageId: image.id, categoryId: command.categoryId };
  const patch = planAddMask(dataset, fields, command.stroke, image, subsetIds(subset)());
  if (patch.length === 0) return [];
  return [at === null ? { source, patch, create: 'instances' } : { source, patch }];
}

/** New annotation ids, unique across all the subset's files. */
function subsetIds(subset: Subset): () => number {
  return newAnnotationIds(subset.sources.map((s) => s.dataset));
}

/**
 * Applies a subset patch (in order, source by source); the subset is updated in place, all
 * or nothing: a patch that fails halfway leaves the subset as it was (the page keeps its
 * history as it was too, and may retry the parts one by one).
 */
export function applySubsetPatch(subset: Subset, patch: SubsetPatch): void {
  const datasets = subset.sources.map((s) => s.dataset);
  const sourceCount = subset.sources.length;
  try {
    for (const { source, patch: p, create } of joinRuns(patch)) {
      if (create === 'instances' && source === subset.sources.length) addSource(subset);
      const s = subset.sources[source];
      if (s === undefined) throw new Error(`no annotation file ${source}`);
      s.dataset = applyPatch(s.dataset, p);
    }
  } catch (error) {
    subset.sources.length = sourceCount;
    subset.imageMaps.length = sourceCount;
    subset.sources.forEach((s, i) => (s.dataset = datasets[i]!));
    throw error;
  }
  refreshSubset(subset, changesCategories(patch));
}

/**
 * Consecutive parts for the same file as one patch: applying their ops in one pass is the
 * same as part after part (ops apply in order either way), but copies the file's arrays and
 * rebuilds its index once, not once per part — 10,000 undos at once are one pass.
 */
export function joinRuns(patch: SubsetPatch): SubsetPatch {
  const joined: SubsetPatch = [];
  for (const part of patch) {
    const last = joined.at(-1);
    if (last !== undefined && last.source === part.source && part.create === undefined)
      for (const op of part.patch) last.patch.push(op);
    else joined.push({ ...part, patch: [...part.patch] });
  }
  return joined;
}

/** Appends a new instances file to the subset (its images are the subset's, in order). */
function addSource(subset: Subset): void {
  const made = newInstancesSource(subset);
  subset.sources.push(made);
  subset.imageMaps.push(Int32Array.from(made.dataset.images, (_, i) => i));
}

/** A fix the checks offer, for the annotations (keys) or categories it names. */
function planFix(subset: Subset, command: Extract<EditCommand, { type: 'fix' }>): SubsetPatch {
  const sizes = (source: number) => (at: number) => imageSize(subset, source, at);
  switch (command.fix) {
    case 'recompute-geometry':
      return perSource(subset, command.keys, (d, p, s) => planRecomputeGeometry(d, p, sizes(s)));
    case 'clip-to-image':
      return perSource(subset, command.keys, (d, p, s) => planClipToImage(d, p, sizes(s)));
    case 'drop-short-parts':
      return perSource(subset, command.keys, (d, p, s) => planDropShortParts(d, p, sizes(s)));
    case 'new-id': {
      const ids = subsetIds(subset); // one sequence for all the files the fix touches
      return perSource(subset, command.keys, (d, p) => planNewIds(d, p, ids));
    }
    case 'delete-annotation':
      return perSource(subset, command.keys, (d, p) => planDeleteAnnotations(d, p));
    case 'delete-category':
      return command.categoryIds.flatMap((id) =>
        withCategory(subset, id, (d) => planDeleteCategory(d, id, { delete: true })),
      );
    default: {
      const never: never = command.fix;
      throw new Error(`unknown fix ${String(never)}`);
    }
  }
}

/** The view keys of annotations a patch inserted (to select what was just drawn). */
export function insertedKeys(subset: Subset, patch: SubsetPatch): number[] {
  return patch.flatMap(({ source, patch: p }) =>
    p.flatMap((op) =>
      op.op === 'insert' && op.collection === 'annotations'
        ? [subset.keyOffsets[source]! + op.at]
        : [],
    ),
  );
}
