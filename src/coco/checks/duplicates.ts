/** Annotations of one image and category that cover the same object twice. */
import { annotationRle, type Size } from '../geometry';
import { idKey, type IdKey } from '../ids';
import type { AnnotationRecord, Dataset } from '../model';
import { bboxIou, rleIou } from '../overlap';
import type { Rle } from '../rle';
import { DUPLICATE_IOU, type Finding } from './findings';

/** Box IoU below which a pair is not compared by masks at all (masks only overlap less). */
const BOX_PREFILTER = 0.9;

/**
 * Annotations of the same image and category whose shapes overlap at IoU ≥ 0.95 (masks
 * where both have one, else boxes): likely the same object twice. The later one is the
 * finding, so deleting every finding keeps the first of each group. Yields, now and
 * then, how many annotations (in image order) it has looked at.
 */
export function* findDuplicates(dataset: Dataset, out: Finding[]): Generator<number, void> {
  const { imageOffsets, annotationOrder } = dataset.index;
  for (let i = 0; i + 1 < imageOffsets.length; i++) {
    if ((i & 0xfff) === 0) yield imageOffsets[i]!;
    const start = imageOffsets[i]!;
    const end = imageOffsets[i + 1]!;
    if (end - start < 2) continue;
    const byCategory = new Map<IdKey, number[]>();
    for (let k = start; k < end; k++) {
      const at = annotationOrder[k]!;
      const a = dataset.annotations.at(at)!;
      if (a.bbox === null || a.categoryId === null) continue;
      const key = idKey(a.categoryId);
      const list = byCategory.get(key);
      if (list === undefined) byCategory.set(key, [at]);
      else list.push(at);
    }
    for (const list of byCategory.values())
      if (list.length > 1) duplicatesAmong(dataset, list, dataset.images[i]!, out);
  }
}

function duplicatesAmong(dataset: Dataset, list: number[], image: Size, out: Finding[]): void {
  const boxes = list.map((at) => dataset.annotations.at(at)!.bbox!);
  const iou = bboxIou(
    boxes,
    boxes,
    boxes.map(() => false),
  );
  // Rasterized only for pairs whose boxes are close: most pairs are told apart by them.
  const masks = new Map<number, Rle | null>();
  const maskOf = (k: number): Rle | null => {
    if (!masks.has(k)) {
      const a = dataset.annotations.at(list[k]!)!;
      masks.set(k, boxesOnly(a) ? null : safeRle(a, image));
    }
    return masks.get(k) ?? null;
  };
  const reported = new Set<number>();
  for (let x = 0; x < list.length; x++) {
    for (let y = x + 1; y < list.length; y++) {
      if (reported.has(y) || iou[x]![y]! < BOX_PREFILTER) continue;
      const mx = maskOf(x);
      const my = maskOf(y);
      const overlap = mx && my ? rleIou([mx], [my], [false])[0]![0]! : iou[x]![y]!;
      if (overlap < DUPLICATE_IOU) continue;
      reported.add(y);
      const first = dataset.annotations.at(list[x]!)!;
      out.push({
        kind: 'duplicate-annotation',
        annotation: list[y]!,
        message: `overlaps annotation ${String(first.id)} of the same category (IoU ${overlap.toFixed(2)})`,
        fix: 'delete-annotation',
      });
    }
  }
}

function boxesOnly(a: AnnotationRecord): boolean {
  return a.segmentation.kind === 'none' || a.segmentation.kind === 'panoptic';
}

function safeRle(a: AnnotationRecord, image: Size): Rle | null {
  try {
    return annotationRle(a, image);
  } catch {
    return null;
  }
}
