/** The images of a subset that pass the image list's filter. */
import { idKey } from '../coco';
import { imageMistakes, sortImages, withMistakes } from './imageMistakes';
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
  const images = Int32Array.from(out);
  if (!filter.falsePositives && !filter.misses && filter.sort === 'file') return images;
  const mistakes = imageMistakes(subset);
  if (!filter.falsePositives && !filter.misses) return sortImages(images, filter.sort, mistakes);
  // Without (fresh) verdicts no image is known to have mistakes.
  if (mistakes === null) return new Int32Array(0);
  return sortImages(withMistakes(images, mistakes, filter), filter.sort, mistakes);
}

function hasCategory(subset: Subset, imageIndex: number, wanted: Set<string>): boolean {
  for (const [s, position] of annotationsOfImage(subset, imageIndex)) {
    const categoryId = subset.sources[s]!.dataset.annotations.at(position)!.categoryId;
    if (categoryId !== null && wanted.has(String(idKey(categoryId)))) return true;
  }
  return false;
}
