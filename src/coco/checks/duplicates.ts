/** Annotations of one image and category that cover the same object twice. */
import { annotationRle, type Size } from '../geometry';
import { idKey, type IdKey } from '../ids';
import type { AnnotationRecord, Dataset } from '../model';
import { bboxIou, rleIou } from '../overlap';
import type { Rle } from '../rle';
import { DUPLICATE_IOU, type Finding } from './findings';

/** Box IoU below which a pair is not compared by masks at all (masks only overlap less). */
const BOX_PREFILTER = 0.9;

/** Annotations of one image and category, some two of whose boxes are close. */
export type DuplicateGroup = { image: number; positions: number[] };

/**
 * Where duplicates can be, from the boxes alone (which a stored table keeps in columns):
 * the annotations of one image and category when some pair of their boxes overlaps at IoU
 * ≥ 0.9, in image order. Yields, now and then, how many images it has looked at.
 */
export function* duplicateGroups(dataset: Dataset, out: DuplicateGroup[]): Generator<number, void> {
  const { imageOffsets, annotationOrder } = dataset.index;
  for (let i = 0; i + 1 < imageOffsets.length; i++) {
    if ((i & 0x1ff) === 0) yield i;
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
    for (const positions of byCategory.values()) {
      if (positions.length < 2) continue;
      const boxes = positions.map((at) => dataset.annotations.at(at)!.bbox!);
      if (closePairs(boxes).length > 0) out.push({ image: i, positions });
    }
  }
}

/**
 * Annotations of the same image and category whose shapes overlap at IoU ≥ 0.95 (masks
 * where both have one, else boxes): likely the same object twice. The later one is the
 * finding, so deleting every finding keeps the first of each group. `recordAt` gives the
 * full record of a position of `groups`. Yields, now and then, how many annotations (in
 * image order) it has come past.
 */
export function* findDuplicates(
  dataset: Dataset,
  groups: readonly DuplicateGroup[],
  recordAt: (at: number) => AnnotationRecord,
  out: Finding[],
): Generator<number, void> {
  for (const [g, { image, positions }] of groups.entries()) {
    if ((g & 0xff) === 0) yield dataset.index.imageOffsets[image]!;
    duplicatesAmong(positions.map(recordAt), positions, dataset.images[image]!, out);
  }
}

/** The pairs `[x, y]` (x < y) of `boxes` whose IoU is at least BOX_PREFILTER, by x then y. */
function closePairs(boxes: readonly (readonly number[])[]): [number, number, number][] {
  const iou = bboxIou(
    boxes,
    boxes,
    boxes.map(() => false),
  );
  const pairs: [number, number, number][] = [];
  for (let x = 0; x < boxes.length; x++)
    for (let y = x + 1; y < boxes.length; y++)
      if (iou[x]![y]! >= BOX_PREFILTER) pairs.push([x, y, iou[x]![y]!]);
  return pairs;
}

function duplicatesAmong(
  records: readonly AnnotationRecord[],
  positions: readonly number[],
  image: Size,
  out: Finding[],
): void {
  // Rasterized only for pairs whose boxes are close: most pairs are told apart by them.
  const masks = new Map<number, Rle | null>();
  const maskOf = (k: number): Rle | null => {
    if (!masks.has(k)) masks.set(k, boxesOnly(records[k]!) ? null : safeRle(records[k]!, image));
    return masks.get(k) ?? null;
  };
  const reported = new Set<number>();
  for (const [x, y, boxIou] of closePairs(records.map((a) => a.bbox!))) {
    if (reported.has(y)) continue;
    const mx = maskOf(x);
    const my = maskOf(y);
    const overlap = mx && my ? rleIou([mx], [my], [false])[0]![0]! : boxIou;
    if (overlap < DUPLICATE_IOU) continue;
    reported.add(y);
    out.push({
      kind: 'duplicate-annotation',
      annotation: positions[y]!,
      message: `overlaps annotation ${String(records[x]!.id)} of the same category (IoU ${overlap.toFixed(2)})`,
      fix: 'delete-annotation',
    });
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
