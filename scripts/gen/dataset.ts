/**
 * A seeded, realistic COCO instances dataset: COCO's 80 categories and sparse ids, COCO's
 * image sizes and file names, a skewed number of annotations per image, polygons of
 * realistic vertex counts (median ~28, some multi-part), ~1% crowd RLE (compressed and
 * uncompressed), optional person keypoints. Areas and boxes are what pycocotools computes.
 * Images come one at a time, so a train2017-scale file can be streamed to disk.
 */
import {
  polygonsBbox,
  polygonsToRle,
  rleArea,
  rleToBbox,
  rleToString,
  round2,
  type Rle,
} from '../../src/coco';
import { mergeRles } from '../../src/coco/rle';
import { COCO_CATEGORIES, PERSON_KEYPOINTS, PERSON_SKELETON } from './cocoCategories';
import { seeded, type Random } from './random';

export type GenOptions = {
  images: number;
  annotations: number;
  seed: number;
  keypoints: boolean;
  /** Share of annotations that are crowd RLE masks. */
  crowdShare: number;
  /** Median polygon vertex count (COCO val2017 ~28; the train2017-scale file is denser per byte). */
  medianVertices?: number;
  /** Extension of the file names (png when pictures are generated too). */
  extension?: 'jpg' | 'png';
};

export const VAL2017: Pick<GenOptions, 'images' | 'annotations'> = {
  images: 5000,
  annotations: 36781,
};
export const TRAIN2017: Pick<GenOptions, 'images' | 'annotations'> = {
  images: 118287,
  annotations: 860001,
};

type Json = Record<string, unknown>;
export type GeneratedImage = { image: Json; annotations: Json[] };

const SIZES: [number, number, number][] = [
  [640, 480, 30],
  [480, 640, 12],
  [640, 427, 22],
  [427, 640, 8],
  [500, 375, 8],
  [612, 612, 4],
  [640, 360, 6],
  [375, 500, 4],
  [640, 640, 6],
];

export function header(seed: number): { info: Json; licenses: Json[] } {
  return {
    info: {
      description: `cocoscope generated dataset (seed ${seed})`,
      url: '',
      version: '1.0',
      year: 2026,
      contributor: 'scripts/gen-coco.ts',
      date_created: '2026/11/24',
    },
    licenses: [
      { url: 'http://creativecommons.org/licenses/by/2.0/', id: 1, name: 'Attribution License' },
    ],
  };
}

export function categories(keypoints: boolean): Json[] {
  return COCO_CATEGORIES.map(([id, name, supercategory]) =>
    keypoints && id === 1
      ? { supercategory, id, name, keypoints: PERSON_KEYPOINTS, skeleton: PERSON_SKELETON }
      : { supercategory, id, name },
  );
}

/** How many annotations each image gets: skewed (many with few, some with 30+), summing to `total`. */
export function annotationCounts(rand: Random, images: number, total: number): Int32Array {
  const weights = Array.from({ length: images }, () => Math.exp(1.1 * rand.normal()));
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = Int32Array.from(weights, (w) => Math.floor((w / sum) * total));
  let left = total - counts.reduce((a, b) => a + b, 0);
  while (left > 0) {
    counts[rand.int(0, images - 1)]!++;
    left--;
  }
  return counts;
}

function blob(
  rand: Random,
  cx: number,
  cy: number,
  r: number,
  n: number,
  w: number,
  h: number,
): number[] {
  const out: number[] = [];
  const wobble = 0.15 + 0.35 * rand.next();
  const phase = rand.next() * Math.PI * 2;
  for (let i = 0; i < n; i++) {
    const a = phase + (i / n) * Math.PI * 2;
    const rr = r * (1 + wobble * (rand.next() - 0.5) * 2 * 0.6 + 0.2 * Math.sin(a * 3));
    const x = Math.min(w - 0.01, Math.max(0, cx + Math.cos(a) * rr * 1.2));
    const y = Math.min(h - 0.01, Math.max(0, cy + Math.sin(a) * rr));
    out.push(Math.round(x * 100) / 100, Math.round(y * 100) / 100);
  }
  return out;
}

function vertexCount(rand: Random, median: number): number {
  return Math.max(4, Math.min(200, Math.round(Math.exp(Math.log(median) + 0.55 * rand.normal()))));
}

function instance(
  rand: Random,
  w: number,
  h: number,
  categoryId: number,
  id: number,
  imageId: number,
  options: GenOptions,
): Json {
  const { keypoints } = options;
  const median = options.medianVertices ?? 28;
  const r = Math.exp(Math.log(6) + rand.next() * Math.log(Math.min(w, h) / 2.5 / 6));
  const cx = r + rand.next() * Math.max(1, w - 2 * r);
  const cy = r + rand.next() * Math.max(1, h - 2 * r);
  const parts = [blob(rand, cx, cy, r, vertexCount(rand, median), w, h)];
  if (rand.next() < 0.05) {
    const extra = rand.int(1, 2);
    for (let k = 0; k < extra; k++)
      parts.push(
        blob(
          rand,
          cx + (rand.next() - 0.5) * 3 * r,
          cy + (rand.next() - 0.5) * 3 * r,
          r * 0.4,
          vertexCount(rand, median),
          w,
          h,
        ),
      );
  }
  const rle = polygonsToRle(parts, h, w);
  const ann: Json = {
    segmentation: parts,
    area: rleArea(rle),
    iscrowd: 0,
    image_id: imageId,
    bbox: polygonsBbox(parts).map(round2),
    category_id: categoryId,
    id,
  };
  if (keypoints && categoryId === 1) {
    const [bx, by, bw, bh] = ann.bbox as number[];
    const kp: number[] = [];
    let labeled = 0;
    for (let k = 0; k < 17; k++) {
      const v = rand.next() < 0.25 ? 0 : rand.next() < 0.2 ? 1 : 2;
      if (v > 0) labeled++;
      kp.push(
        v === 0 ? 0 : Math.round(bx! + rand.next() * bw!),
        v === 0 ? 0 : Math.round(by! + rand.next() * bh!),
        v,
      );
    }
    ann.keypoints = kp;
    ann.num_keypoints = labeled;
  }
  return ann;
}

function crowd(
  rand: Random,
  w: number,
  h: number,
  categoryId: number,
  id: number,
  imageId: number,
  compressed: boolean,
): Json {
  const rles: Rle[] = [];
  const n = rand.int(2, 4);
  for (let k = 0; k < n; k++) {
    const r = Math.min(w, h) * (0.08 + 0.15 * rand.next());
    rles.push(polygonsToRle([blob(rand, rand.next() * w, rand.next() * h, r, 40, w, h)], h, w));
  }
  const rle = mergeRles(rles);
  return {
    segmentation: { counts: compressed ? rleToString(rle) : Array.from(rle.counts), size: [h, w] },
    area: rleArea(rle),
    iscrowd: 1,
    image_id: imageId,
    bbox: rleToBbox(rle),
    category_id: categoryId,
    id,
  };
}

/** Every image with its annotations, in order. Same options, same output. */
export function* generateImages(options: GenOptions): Generator<GeneratedImage> {
  const rand = seeded(options.seed);
  const counts = annotationCounts(rand, options.images, options.annotations);
  const sizeWeights = SIZES.reduce((s, [, , wgt]) => s + wgt, 0);
  let imageId = 0;
  let annotationId = 900000;
  let crowdCount = 0;
  for (let i = 0; i < options.images; i++) {
    imageId += rand.int(1, 9);
    let pick = rand.next() * sizeWeights;
    const [w, h] = SIZES.find(([, , wgt]) => (pick -= wgt) < 0) ?? SIZES[0]!;
    const fileName = `${String(imageId).padStart(12, '0')}.${options.extension ?? 'jpg'}`;
    const image = {
      license: 1,
      file_name: fileName,
      coco_url: `http://images.cocodataset.org/generated/${fileName}`,
      height: h,
      width: w,
      date_captured: '2013-11-14 17:02:52',
      flickr_url: '',
      id: imageId,
    };
    const annotations: Json[] = [];
    for (let k = 0; k < counts[i]!; k++) {
      const categoryId = rand.next() < 0.27 ? 1 : rand.pick(COCO_CATEGORIES)[0];
      annotationId += rand.int(1, 3);
      if (rand.next() < options.crowdShare) {
        annotations.push(
          crowd(rand, w, h, categoryId, annotationId, imageId, crowdCount++ % 2 === 1),
        );
      } else {
        annotations.push(instance(rand, w, h, categoryId, annotationId, imageId, options));
      }
    }
    yield { image, annotations };
  }
}

/** A whole dataset as one object (small and medium sizes). */
export function generateCoco(
  options: GenOptions,
): Json & { images: Json[]; annotations: Json[]; categories: Json[] } {
  const images: Json[] = [];
  const annotations: Json[] = [];
  for (const g of generateImages(options)) {
    images.push(g.image);
    annotations.push(...g.annotations);
  }
  return {
    ...header(options.seed),
    images,
    annotations,
    categories: categories(options.keypoints),
  };
}
