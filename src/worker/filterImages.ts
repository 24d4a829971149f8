/** The images of a subset that pass the image list's filter. */
import { DetectionStatus, GroundTruthStatus, idKey } from '../coco';
import { freshMarks } from './predictions';
import { ImageFlag, type ImageFilter, type ImageTable } from './protocol';
import { annotationsOfImage, type Subset } from './subset';

export function filterImages(subset: Subset, table: ImageTable, filter: ImageFilter): Int32Array {
  const text = filter.text.trim().toLowerCase();
  const wanted = new Set(filter.categories);
  const out: number[] = [];
  for (let i = 0; i < subset.images.length; i++) {
    const flags = table.flags[i]!;
    if (filter.hasCrowd && (flags & ImageFlag.hasCrowd) === 0) continue;
    if (filter.hasProblems && (flags & (ImageFlag.hasProblems | ImageFlag.hasFindings)) === 0)
      continue;
    if (filter.notAnnotated && table.annotationCounts[i]! > 0) continue;
    if (filter.edited && (flags & ImageFlag.edited) === 0) continue;
    const count = table.annotationCounts[i]!;
    const range = filter.annotationCount;
    if (range !== null && (count < range.min || (range.max !== null && count > range.max)))
      continue;
    const size = filter.size;
    if (size !== null && (table.widths[i] !== size.width || table.heights[i] !== size.height))
      continue;
    if (
      text !== '' &&
      !table.fileNames[i]!.toLowerCase().includes(text) &&
      !String(table.ids[i]).includes(text)
    )
      continue;
    if (wanted.size > 0 && !hasCategory(subset, i, wanted)) continue;
    out.push(i);
  }
  if (filter.predictions === null) return Int32Array.from(out);
  const counts = mistakesPerImage(subset, filter.predictions);
  if (counts === null) return new Int32Array(0);
  // Most mistakes first; the image order among equals.
  return Int32Array.from(
    out.filter((i) => counts[i]! > 0).sort((a, b) => counts[b]! - counts[a]! || a - b),
  );
}

/** False positives (or missed ground truths) of each image, by the marks; null without marks. */
function mistakesPerImage(subset: Subset, kind: 'false-positives' | 'misses'): Int32Array | null {
  const p = subset.predictions;
  const marks = freshMarks(subset);
  if (p === null || marks === null) return null;
  const { matches, gtSource } = marks;
  const counts = new Int32Array(subset.images.length);
  if (kind === 'false-positives') {
    for (let i = 0; i < counts.length; i++)
      for (let k = p.offsets[i]!; k < p.offsets[i + 1]!; k++)
        if (matches.dtStatus[p.order[k]!] === DetectionStatus.falsePositive) counts[i]!++;
    return counts;
  }
  const gt = subset.sources[gtSource]!.dataset;
  const map = subset.imageMaps[gtSource]!;
  gt.annotations.forEach((a, at) => {
    if (matches.gtStatus[at] !== GroundTruthStatus.missed) return;
    const local = gt.index.imageById.get(idKey(a.imageId));
    if (local !== undefined) counts[map[local]!]!++;
  });
  return counts;
}

function hasCategory(subset: Subset, imageIndex: number, wanted: Set<string>): boolean {
  for (const [s, position] of annotationsOfImage(subset, imageIndex)) {
    const categoryId = subset.sources[s]!.dataset.annotations[position]!.categoryId;
    if (categoryId !== null && wanted.has(String(idKey(categoryId)))) return true;
  }
  return false;
}
