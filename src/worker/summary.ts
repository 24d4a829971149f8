/** What the page is sent about a subset: its image table, categories, counts, problems. */
import { crowdFlags, idKey, type ImageRecord, type ProblemCode } from '../coco';
import { categoryInfos, type Counts } from './counts';
import {
  ImageFlag,
  type ImageTable,
  type PictureProblemCode,
  type ProblemInfo,
  type SubsetSummary,
} from './protocol';
import { summarizePredictions } from './predictions';
import type { Subset } from './subset';

/** Problems sent to the page for its list; the counts always cover all. */
export const PROBLEMS_SENT = 5000;

/**
 * `counts`: the subset's, as `countAll` makes them (the engine keeps them up to date);
 * `missing`: what matching the pictures found, with its problems (ambiguous pictures).
 */
export function summarizeSubset(
  subset: Subset,
  missing: {
    names: string[];
    found: number;
    unreadable?: number;
    problems?: ProblemInfo[];
    problemCounts?: Partial<Record<PictureProblemCode, number>>;
  },
  counts: Counts,
): SubsetSummary {
  const table = imageTableOf(subset.images);
  subset.sources.forEach(({ dataset }, s) => {
    const map = subset.imageMaps[s]!;
    // The index holds each image's annotations (those of an unknown image in none).
    const { imageOffsets, annotationOrder } = dataset.index;
    const crowd = crowdFlags(dataset.annotations);
    for (let i = 0; i < dataset.images.length; i++) {
      const merged = map[i]!;
      table.annotationCounts[merged]! += imageOffsets[i + 1]! - imageOffsets[i]!;
      for (let k = imageOffsets[i]!; k < imageOffsets[i + 1]!; k++) {
        if (crowd[annotationOrder[k]!] === 0) continue;
        table.flags[merged]! |= ImageFlag.hasCrowd;
        break;
      }
    }
  });
  for (let i = 0; i < table.flags.length; i++)
    if (subset.pictures[i]! >= 0) table.flags[i]! |= ImageFlag.hasFile;

  const problems: ProblemInfo[] = [];
  const problemCounts: Partial<Record<ProblemCode | PictureProblemCode, number>> = {};
  let problemTotal = 0;
  for (const p of missing.problems ?? []) {
    if (p.imageIndex !== null) table.flags[p.imageIndex]! |= ImageFlag.hasProblems;
    if (problems.length < PROBLEMS_SENT) problems.push(p);
  }
  for (const [code, count] of Object.entries(missing.problemCounts ?? {})) {
    problemCounts[code as PictureProblemCode] = count;
    problemTotal += count;
  }
  for (const source of subset.sources) {
    for (const [code, count] of source.problemCounts) {
      problemCounts[code] = (problemCounts[code] ?? 0) + count;
      problemTotal += count;
    }
    for (const p of source.problems) {
      const imageIndex =
        p.imageId === undefined ? null : (subset.imageById.get(idKey(p.imageId)) ?? null);
      if (imageIndex !== null && p.severity !== 'info')
        table.flags[imageIndex]! |= ImageFlag.hasProblems;
      if (problems.length < PROBLEMS_SENT) {
        problems.push({
          code: p.code,
          severity: p.severity,
          file: source.path,
          path: p.path,
          message: p.message,
          imageIndex,
          annotationId: p.annotationId ?? null,
        });
      }
    }
  }
  return {
    name: subset.name,
    files: subset.sources.map((s) => ({
      path: s.path,
      kind: s.dataset.kind,
      annotationCount: s.dataset.annotations.length,
    })),
    images: table,
    categories: categoryInfos(subset, counts),
    annotationCount: counts.annotations,
    crowdCount: counts.crowd,
    problems,
    problemTotal,
    problemCounts,
    imagesFound: missing.found,
    imagesMissing: missing.names,
    imagesUnreadable: missing.unreadable ?? 0,
    predictions:
      subset.predictions === null ? null : summarizePredictions(subset, subset.predictions),
  };
}

/** The table's columns from the images (counts and flags still zero). */
function imageTableOf(images: readonly ImageRecord[]): ImageTable {
  const n = images.length;
  const widths = new Int32Array(n);
  const heights = new Int32Array(n);
  // A loop, not Int32Array.from's iteration with a callback per image.
  for (let i = 0; i < n; i++) {
    widths[i] = images[i]!.width;
    heights[i] = images[i]!.height;
  }
  return {
    ids: images.map((im) => im.id),
    fileNames: images.map((im) => im.fileName),
    widths,
    heights,
    annotationCounts: new Int32Array(n),
    flags: new Uint8Array(n),
  };
}
