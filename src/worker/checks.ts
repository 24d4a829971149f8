/** The deeper checks and the statistics of a subset, in the data engine. */
import {
  checkDatasetSteps,
  datasetStats,
  idKey,
  type DatasetStats,
  type FindingKind,
} from '../coco';
import type { Checked, FindingInfo } from './protocol';
import { withRecordsRead } from './recordsRead';
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
  for (const [s, source] of subset.sources.entries()) {
    // A stored table's records are read by the checks themselves, run by run.
    const dataset = source.dataset;
    const steps = checkDatasetSteps(dataset);
    let step = steps.next();
    while (step.done !== true) {
      onProgress(before + step.value, total);
      await pause();
      step = steps.next();
    }
    for (const f of step.value) {
      const ann = f.annotation === undefined ? undefined : dataset.annotations.at(f.annotation);
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

/** Bars the Statistics panel draws per sort order (BarChart's `limit`). */
export const CHARTED_CATEGORIES = 200;

export function subsetStats(subset: Subset): DatasetStats {
  return chartedCategories(datasetStats(subset.sources.map((s) => withRecordsRead(s.dataset))));
}

/** Code-unit order of names: what the chart sorts by past 10,000 categories (localeCompare is slow). */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The categories the chart can show — the first `limit` by count and the first `limit` by
 * name — when there are many: posting 10^6 of them to the page takes seconds.
 */
export function chartedCategories(stats: DatasetStats, limit = CHARTED_CATEGORIES): DatasetStats {
  const all = stats.categories;
  if (all.length <= 2 * limit) return stats;
  const byCount = all
    .map((_, i) => i)
    .sort((a, b) => all[b]!.count - all[a]!.count || a - b)
    .slice(0, limit);
  const byName = all
    .map((_, i) => i)
    .sort((a, b) => byCodeUnits(all[a]!.name, all[b]!.name) || a - b)
    .slice(0, limit);
  const kept = [...new Set([...byCount, ...byName])].sort((a, b) => a - b);
  return { ...stats, categories: kept.map((i) => all[i]!) };
}
