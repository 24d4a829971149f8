/**
 * The fixes the checks offer (checks/index.ts), as plans like every other edit: they read
 * the dataset and return a patch. Image pixels; bbox = [x, y, w, h].
 */
import { forEachAnnotation } from '../annotationTable';
import { annotationArea, annotationBbox, round2, type Size } from '../geometry';
import { idKey } from '../ids';
import type { Dataset } from '../model';
import { newAnnotationIds, planDeleteAnnotations, planSetFields, planSetShape } from './commands';
import type { Patch } from './patch';

/** Sets area and bbox to what the shape gives, as Datumaro computes them. */
export function planRecomputeGeometry(
  dataset: Dataset,
  positions: readonly number[],
  image: (at: number) => Size,
): Patch {
  return positions.flatMap((at) => {
    const a = dataset.annotations.at(at);
    if (a === undefined || a.segmentation.kind === 'panoptic') return [];
    const size = image(at);
    const bbox =
      a.segmentation.kind === 'none'
        ? (a.bbox ?? [0, 0, 0, 0]).map(round2)
        : [...annotationBbox(a, size)];
    return planSetFields(dataset, [at], { area: annotationArea(a, size), bbox });
  });
}

/** Clips shapes to their image: polygon parts to the image rectangle, boxes to its bounds. */
export function planClipToImage(
  dataset: Dataset,
  positions: readonly number[],
  image: (at: number) => Size,
): Patch {
  return positions.flatMap((at) => {
    const a = dataset.annotations.at(at);
    if (a === undefined) return [];
    const size = image(at);
    if (a.segmentation.kind === 'polygons') {
      const polygons = a.segmentation.polygons
        .map((p) => clipToRect(p, size))
        .filter((p) => p.length >= 6);
      if (polygons.length === 0) return [];
      return planSetShape(dataset, at, { kind: 'polygons', polygons }, size);
    }
    if (a.segmentation.kind === 'none' && a.bbox !== null) {
      const [x, y, w, h] = a.bbox;
      const x0 = Math.max(0, x);
      const y0 = Math.max(0, y);
      const x1 = Math.min(size.width, x + w);
      const y1 = Math.min(size.height, y + h);
      if (x1 <= x0 || y1 <= y0) return [];
      return planSetShape(dataset, at, { kind: 'box', bbox: [x0, y0, x1 - x0, y1 - y0] }, size);
    }
    return [];
  });
}

/**
 * Drops polygon parts with fewer than 3 points (they enclose nothing; pycocotools still
 * marks their edge pixels). An annotation left with no part is deleted.
 */
export function planDropShortParts(
  dataset: Dataset,
  positions: readonly number[],
  image: (at: number) => Size,
): Patch {
  const empty: number[] = [];
  const reshaped = positions.flatMap((at) => {
    const a = dataset.annotations.at(at);
    if (a === undefined || a.segmentation.kind !== 'polygons') return [];
    const polygons = a.segmentation.polygons.filter((p) => p.length >= 6).map((p) => [...p]);
    if (polygons.length === a.segmentation.polygons.length) return [];
    if (polygons.length === 0) {
      empty.push(at);
      return [];
    }
    return planSetShape(dataset, at, { kind: 'polygons', polygons }, image(at));
  });
  // Replacements first: deleting shifts the positions after the deleted ones.
  return [...reshaped, ...planDeleteAnnotations(dataset, empty)];
}

/**
 * Gives annotations whose id an earlier annotation already uses a new id (one past the
 * largest; `newId` gives ids unique across all files of a subset), in order. The first
 * holder of an id keeps it.
 */
export function planNewIds(
  dataset: Dataset,
  positions: readonly number[],
  newId: () => number = newAnnotationIds([dataset]),
): Patch {
  const seen = new Set(positions);
  const firstHolders = new Set<ReturnType<typeof idKey>>();
  const patch: Patch = [];
  forEachAnnotation(dataset.annotations, (a, at) => {
    const key = idKey(a.id);
    if (seen.has(at) && firstHolders.has(key))
      patch.push(...planSetFields(dataset, [at], { id: newId() }));
    firstHolders.add(key);
  });
  return patch;
}

/** A polygon clipped to [0, width] × [0, height] (Sutherland–Hodgman, one edge at a time). */
export function clipToRect(points: readonly number[], size: Size): number[] {
  type P = [number, number];
  let poly: P[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) poly.push([points[i]!, points[i + 1]!]);
  const edges: [(p: P) => boolean, (a: P, b: P) => P][] = [
    [(p) => p[0] >= 0, (a, b) => [0, a[1] + ((b[1] - a[1]) * (0 - a[0])) / (b[0] - a[0])]],
    [
      (p) => p[0] <= size.width,
      (a, b) => [size.width, a[1] + ((b[1] - a[1]) * (size.width - a[0])) / (b[0] - a[0])],
    ],
    [(p) => p[1] >= 0, (a, b) => [a[0] + ((b[0] - a[0]) * (0 - a[1])) / (b[1] - a[1]), 0]],
    [
      (p) => p[1] <= size.height,
      (a, b) => [a[0] + ((b[0] - a[0]) * (size.height - a[1])) / (b[1] - a[1]), size.height],
    ],
  ];
  for (const [inside, cut] of edges) {
    const next: P[] = [];
    poly.forEach((p, i) => {
      const q = poly[(i + 1) % poly.length]!;
      if (inside(p)) {
        next.push(p);
        if (!inside(q)) next.push(cut(p, q));
      } else if (inside(q)) next.push(cut(p, q));
    });
    poly = next;
  }
  return poly.flatMap(([x, y]) => [round2(x), round2(y)]);
}
