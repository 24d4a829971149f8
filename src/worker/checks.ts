/** The deeper checks and the statistics of a subset, in the data engine. */
import {
  checkDatasetSteps,
  datasetStats,
  idKey,
  type DatasetStats,
  type FindingKind,
} from '../coco';
import type { Checked, FindingInfo } from './protocol';
import { annotationsOfImage, type Subset } from './subset';

/** Findings listed at most (the counts cover all). */
export const FINDINGS_SENT = 20_000;

/**
 * Checks every annotation file of the subset. Between slices of the work it lets the
 * worker answer other requests (`pause`), so browsing goes on while a big dataset is checked.
 */
export async function checkSubset(
  subset: Subset,
  onProgress: (done: number, total: number) => void,
  pause: () => Promise<void>,
): Promise<Checked> {
  const findings: FindingInfo[] = [];
  const counts: Partial<Record<FindingKind, number>> = {};
  const flagged = new Uint8Array(subset.images.length);
  const emptySeen = new Uint8Array(subset.images.length);
  const total = subset.sources.reduce((n, s) => n + 2 * s.dataset.annotations.length, 0);
  let before = 0;
  for (const [s, { dataset }] of subset.sources.entries()) {
    const steps = checkDatasetSteps(dataset);
    let step = steps.next();
    while (step.done !== true) {
      onProgress(before + step.value, total);
      await pause();
      step = steps.next();
    }
    for (const f of step.value) {
      const ann = f.annotation === undefined ? undefined : dataset.annotations[f.annotation];
      const image = f.image === undefined ? ann?.imageId : dataset.images[f.image]?.id;
      const imageIndex = image === undefined ? null : (subset.imageById.get(idKey(image)) ?? null);
      // The subset is one dataset: an image is empty when no file of it annotates it, and
      // is counted once, however many files list it.
      if (f.kind === 'empty-image' && imageIndex !== null) {
        if (emptySeen[imageIndex] === 1 || annotationsOfImage(subset, imageIndex).length > 0)
          continue;
        emptySeen[imageIndex] = 1;
      }
      counts[f.kind] = (counts[f.kind] ?? 0) + 1;
      if (imageIndex !== null) flagged[imageIndex] = 1;
      if (findings.length >= FINDINGS_SENT) continue;
      findings.push({
        kind: f.kind,
        message: f.message,
        key: f.annotation === undefined ? null : subset.keyOffsets[s]! + f.annotation,
        annotationId: ann?.id ?? null,
        imageIndex,
        categoryId: f.category === undefined ? null : (dataset.categories[f.category]?.id ?? null),
        fix: f.fix ?? null,
      });
    }
    before += 2 * dataset.annotations.length;
  }
  onProgress(total, total);
  const positions: number[] = [];
  flagged.forEach((on, i) => {
    if (on === 1) positions.push(i);
  });
  return { findings, counts, flagged: Int32Array.from(positions) };
}

export function subsetStats(subset: Subset): DatasetStats {
  return datasetStats(subset.sources.map((s) => s.dataset));
}
