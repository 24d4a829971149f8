/** The page's copy of the summary, changed one subset at a time (a new object each time). */
import type { OpenSummary, SubsetDelta, SubsetSummary } from '../worker/protocol';
import { withCategoryCounts } from './categoryIndex';

/** `summary` with subset `index` replaced by `update` of it. */
export function withSubset(
  summary: OpenSummary,
  index: number,
  update: (subset: SubsetSummary) => SubsetSummary,
): OpenSummary {
  return {
    ...summary,
    subsets: summary.subsets.map((s, i) => (i === index ? update(s) : s)),
  };
}

/**
 * `summary` after the engine's answers to edits (in order): each subset's counts, categories
 * and predictions as the last answer for it says, and the touched images' counts and flags.
 * The image table's arrays are copied once per subset however many answers there are (a
 * run of 10,000 undos is one answer and one copy), and only when a count or flag changes:
 * relabelling in an image already edited leaves the table (118k images at train2017
 * scale) as it was.
 */
export function withDeltas(summary: OpenSummary, deltas: readonly SubsetDelta[]): OpenSummary {
  const subsets = summary.subsets.slice();
  const copied = new Set<number>();
  for (const delta of deltas) {
    const before = subsets[delta.subset];
    if (before === undefined) continue;
    let images = before.images;
    const changes = delta.images.some(
      (d) =>
        images.annotationCounts[d.index] !== d.annotationCount || images.flags[d.index] !== d.flags,
    );
    if (changes && !copied.has(delta.subset)) {
      copied.add(delta.subset);
      images = {
        ...images,
        annotationCounts: images.annotationCounts.slice(),
        flags: images.flags.slice(),
      };
    }
    for (const d of delta.images) {
      images.annotationCounts[d.index] = d.annotationCount;
      images.flags[d.index] = d.flags;
    }
    subsets[delta.subset] = {
      ...before,
      images,
      annotationCount: delta.annotationCount,
      crowdCount: delta.crowdCount,
      // Only the counts that changed, unless the category table itself did.
      categories: delta.categories ?? withCategoryCounts(before.categories, delta.categoryCounts),
      predictions: delta.predictions,
    };
  }
  return { ...summary, subsets };
}
