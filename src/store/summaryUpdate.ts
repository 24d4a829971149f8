/** The page's copy of the summary, changed one subset at a time (a new object each time). */
import type { OpenSummary, SubsetSummary } from '../worker/protocol';

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
