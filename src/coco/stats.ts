/**
 * What a dataset contains, for the statistics panel: annotations per category (with crowd
 * share and COCO size classes), annotations per image, box aspect ratios, image sizes,
 * polygon vertex counts, scores. Size classes are COCO evaluation's: small < 32², medium
 * < 96², large otherwise, by the annotation's `area` (w × h of its box when it has none).
 */
import { idKey, type IdKey } from './ids';
import type { Dataset } from './model';

/**
 * Counts in bins: bin i holds values v with `edges[i - 1] <= v < edges[i]` (the first
 * from -∞, the last to +∞), so `edges` has one entry fewer than `labels`.
 */
export type Histogram = { labels: string[]; counts: number[]; edges: number[] };

export type CategoryStats = {
  id: string | number;
  name: string;
  count: number;
  crowd: number;
  small: number;
  medium: number;
  large: number;
};

export type DatasetStats = {
  annotations: number;
  categories: CategoryStats[];
  sizeClasses: { small: number; medium: number; large: number };
  perImage: Histogram;
  aspectRatios: Histogram;
  imageSizes: { width: number; height: number; count: number }[];
  vertexCounts: Histogram;
  /** null when no annotation has a score. */
  scores: Histogram | null;
};

function histogram(
  edges: number[],
  labels: string[],
): { add: (v: number) => void; result: () => Histogram } {
  const counts = new Array<number>(labels.length).fill(0);
  return {
    add: (v) => {
      let i = edges.findIndex((e) => v < e);
      if (i < 0) i = labels.length - 1;
      counts[i]!++;
    },
    result: () => ({ labels, counts, edges }),
  };
}

/** Statistics of datasets shown together (the annotation files of one subset). */
export function datasetStats(datasets: readonly Dataset[]): DatasetStats {
  const categories = new Map<IdKey, CategoryStats>();
  for (const d of datasets) {
    for (const c of d.categories) {
      if (!categories.has(idKey(c.id)))
        categories.set(idKey(c.id), {
          id: c.id,
          name: c.name,
          count: 0,
          crowd: 0,
          small: 0,
          medium: 0,
          large: 0,
        });
    }
  }
  const sizeClasses = { small: 0, medium: 0, large: 0 };
  const perImage = histogram(
    [1, 2, 3, 4, 6, 11, 21, 51],
    ['0', '1', '2', '3', '4–5', '6–10', '11–20', '21–50', '51+'],
  );
  const ratios = histogram(
    [1 / 4, 1 / 2, 3 / 4, 4 / 3, 2, 4],
    ['< 1:4', '1:4–1:2', '1:2–3:4', '3:4–4:3', '4:3–2:1', '2:1–4:1', '> 4:1'],
  );
  const vertices = histogram(
    [3, 6, 11, 21, 41, 81, 161],
    ['< 3', '3–5', '6–10', '11–20', '21–40', '41–80', '81–160', '161+'],
  );
  const scores = histogram(
    [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
    ['0–.1', '.1–.2', '.2–.3', '.3–.4', '.4–.5', '.5–.6', '.6–.7', '.7–.8', '.8–.9', '.9–1'],
  );
  const sizes = new Map<string, { width: number; height: number; count: number }>();
  let annotations = 0;
  let scored = 0;
  const seenImages = new Set<IdKey>();
  for (const d of datasets) {
    for (let i = 0; i < d.images.length; i++) {
      const image = d.images[i]!;
      if (seenImages.has(idKey(image.id))) continue;
      seenImages.add(idKey(image.id));
      const key = `${image.width}×${image.height}`;
      const s = sizes.get(key) ?? { width: image.width, height: image.height, count: 0 };
      s.count++;
      sizes.set(key, s);
      perImage.add(countOfImage(datasets, image.id));
    }
    for (const a of d.annotations) {
      annotations++;
      const c = a.categoryId === null ? undefined : categories.get(idKey(a.categoryId));
      const area = a.area ?? (a.bbox === null ? 0 : a.bbox[2] * a.bbox[3]);
      const size = area < 32 ** 2 ? 'small' : area < 96 ** 2 ? 'medium' : 'large';
      sizeClasses[size]++;
      if (c !== undefined) {
        c.count++;
        if (a.iscrowd) c.crowd++;
        c[size]++;
      }
      if (a.bbox !== null && a.bbox[2] > 0 && a.bbox[3] > 0) ratios.add(a.bbox[2] / a.bbox[3]);
      if (a.segmentation.kind === 'polygons')
        for (const p of a.segmentation.polygons) vertices.add(Math.floor(p.length / 2));
      if (a.score !== null) {
        scored++;
        scores.add(a.score);
      }
    }
  }
  return {
    annotations,
    categories: [...categories.values()],
    sizeClasses,
    perImage: perImage.result(),
    aspectRatios: ratios.result(),
    imageSizes: [...sizes.values()].sort((a, b) => b.count - a.count).slice(0, 12),
    vertexCounts: vertices.result(),
    scores: scored > 0 ? scores.result() : null,
  };
}

function countOfImage(datasets: readonly Dataset[], imageId: string | number): number {
  let n = 0;
  for (const d of datasets) {
    const i = d.index.imageById.get(idKey(imageId));
    if (i !== undefined) n += d.index.imageOffsets[i + 1]! - d.index.imageOffsets[i]!;
  }
  return n;
}
