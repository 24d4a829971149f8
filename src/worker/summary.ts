/** What the page is sent about a subset: its image table, categories, counts, problems. */
import { idKey, type IdKey, type ProblemCode } from '../coco';
import {
  ImageFlag,
  type CategoryInfo,
  type ImageTable,
  type ProblemInfo,
  type SubsetSummary,
} from './protocol';
import type { Subset } from './subset';

/** Problems sent to the page for its list; the counts always cover all. */
export const PROBLEMS_SENT = 5000;

export function summarizeSubset(
  subset: Subset,
  missing: { names: string[]; found: number },
): SubsetSummary {
  const n = subset.images.length;
  const table: ImageTable = {
    ids: subset.images.map((im) => im.id),
    fileNames: subset.images.map((im) => im.fileName),
    widths: Int32Array.from(subset.images, (im) => im.width),
    heights: Int32Array.from(subset.images, (im) => im.height),
    annotationCounts: new Int32Array(n),
    flags: new Uint8Array(n),
  };
  const perCategory = new Map<IdKey, { count: number; crowd: number }>();
  let annotationCount = 0;
  let crowdCount = 0;
  subset.sources.forEach(({ dataset }, s) => {
    const map = subset.imageMaps[s]!;
    const local = dataset.index.imageById;
    for (const ann of dataset.annotations) {
      annotationCount++;
      if (ann.iscrowd) crowdCount++;
      const i = local.get(idKey(ann.imageId));
      if (i !== undefined) {
        const merged = map[i]!;
        table.annotationCounts[merged]!++;
        if (ann.iscrowd) table.flags[merged]! |= ImageFlag.hasCrowd;
      }
      if (ann.categoryId !== null) {
        const key = idKey(ann.categoryId);
        const c = perCategory.get(key) ?? { count: 0, crowd: 0 };
        c.count++;
        if (ann.iscrowd) c.crowd++;
        perCategory.set(key, c);
      }
    }
  });
  for (let i = 0; i < n; i++) if (subset.pictures[i]! >= 0) table.flags[i]! |= ImageFlag.hasFile;

  const problems: ProblemInfo[] = [];
  const problemCounts: Partial<Record<ProblemCode, number>> = {};
  let problemTotal = 0;
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
  const categories: CategoryInfo[] = subset.categories.map((c) => {
    const counts = perCategory.get(idKey(c.id));
    return {
      id: c.id,
      name: c.name,
      supercategory: c.supercategory,
      keypoints: c.keypoints === null ? null : [...c.keypoints],
      skeleton: c.skeleton === null ? null : c.skeleton.map(([a, b]) => [a, b] as [number, number]),
      annotationCount: counts?.count ?? 0,
      crowdCount: counts?.crowd ?? 0,
    };
  });
  return {
    name: subset.name,
    files: subset.sources.map((s) => ({
      path: s.path,
      kind: s.dataset.kind,
      annotationCount: s.dataset.annotations.length,
    })),
    images: table,
    categories,
    annotationCount,
    crowdCount,
    problems,
    problemTotal,
    problemCounts,
    imagesFound: missing.found,
    imagesMissing: missing.names,
  };
}
