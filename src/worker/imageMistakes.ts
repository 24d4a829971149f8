/** Each image's false positives and misses by the verdicts, and the image list's order by them. */
import { DetectionStatus, forEachAnnotation, GroundTruthStatus, idKey } from '../coco';
import { freshVerdicts } from './predictions';
import type { ImageMistakes, ImageSort } from './protocol';
import type { Subset } from './subset';

/** Counts per image; null without verdicts or when the ground truth changed since they were made. */
export function imageMistakes(subset: Subset): ImageMistakes | null {
  const p = subset.predictions;
  const verdicts = freshVerdicts(subset);
  if (p === null || verdicts === null) return null;
  const { matches, gtSource } = verdicts;
  const falsePositives = new Int32Array(subset.images.length);
  const misses = new Int32Array(subset.images.length);
  for (let i = 0; i < falsePositives.length; i++)
    for (let k = p.offsets[i]!; k < p.offsets[i + 1]!; k++)
      if (matches.dtStatus[p.order[k]!] === DetectionStatus.falsePositive) falsePositives[i]!++;
  const gt = subset.sources[gtSource]!.dataset;
  const map = subset.imageMaps[gtSource]!;
  forEachAnnotation(gt.annotations, (a, at) => {
    if (matches.gtStatus[at] !== GroundTruthStatus.missed) return;
    const local = gt.index.imageById.get(idKey(a.imageId));
    if (local !== undefined) misses[map[local]!]!++;
  });
  return { falsePositives, misses };
}

/** The images with false positives, or with misses, or with either when both are asked. */
export function withMistakes(
  images: Int32Array,
  mistakes: ImageMistakes,
  wanted: { falsePositives: boolean; misses: boolean },
): Int32Array {
  return images.filter(
    (i) =>
      (wanted.falsePositives && mistakes.falsePositives[i]! > 0) ||
      (wanted.misses && mistakes.misses[i]! > 0),
  );
}

/** The images in the chosen order: most of the sort's mistakes first, the images' order among equals. */
export function sortImages(
  images: Int32Array,
  sort: ImageSort,
  mistakes: ImageMistakes | null,
): Int32Array {
  if (sort === 'file' || mistakes === null) return images;
  const { falsePositives, misses } = mistakes;
  const key =
    sort === 'false-positives'
      ? falsePositives
      : sort === 'misses'
        ? misses
        : falsePositives.map((n, i) => n + misses[i]!);
  return images.slice().sort((a, b) => key[b]! - key[a]! || a - b);
}
