/**
 * Seeded fake detector output for a ground-truth dataset, in the results format
 * pycocotools' `loadRes` reads (a bare list of `{image_id, category_id, bbox,
 * segmentation?, score}`), for benchmarks and tests of the evaluator.
 *
 * It imitates a detector: most objects are found, as jittered copies of their box and
 * polygon (shifted, rescaled, each vertex wobbling); some get another category, some are
 * found twice, and false positives land at random places. The score follows the copy's
 * quality (how little it was jittered), with noise, rounded to 4 decimals as many results
 * files are, so equal scores occur. With the defaults there are ~1.15 detections per
 * ground-truth object (~42k for val2017's 37k).
 *
 * Same ground truth, seed and options, same list: each image draws from its own stream.
 * Image pixels throughout; bbox = [x, y, width, height].
 */
import { polygonsToRle, rleToString } from '../../src/coco/mask';
import { seeded, subSeed, type Random } from './random';
import { partsBbox, round2 } from './shapes';

/** What is read of the ground truth: a `CocoLike` or any parsed instances file fits. */
export type PredictionSource = {
  readonly images: readonly {
    readonly id: number;
    readonly width: number;
    readonly height: number;
  }[];
  readonly annotations: readonly {
    readonly image_id: number;
    readonly category_id: number;
    readonly bbox: readonly number[];
    readonly segmentation?: unknown;
    readonly iscrowd?: number | boolean;
  }[];
  readonly categories: readonly { readonly id: number }[];
};

export type Prediction = {
  image_id: number;
  category_id: number;
  bbox: [number, number, number, number];
  /** A compressed RLE (as detectors write masks) or polygon parts; absent for boxes only. */
  segmentation?: { size: [height: number, width: number]; counts: string } | number[][];
  score: number;
};

export type PredictionOptions = {
  /** Share of the non-crowd objects detected; default 0.85. */
  recall?: number;
  /** Share of detections labeled with another category; default 0.06. */
  wrongCategory?: number;
  /** Share of the detected objects detected a second time; default 0.12. */
  duplicates?: number;
  /** False positives per ground-truth object, spread over its images; default 0.2. */
  falsePositives?: number;
  /** Masks as compressed RLE strings (default), as polygons, or none (box results). */
  segmentation?: 'rle' | 'polygons' | 'none';
};

const DEFAULTS: Required<PredictionOptions> = {
  recall: 0.85,
  wrongCategory: 0.06,
  duplicates: 0.12,
  falsePositives: 0.2,
  segmentation: 'rle',
};

type Frame = { width: number; height: number };

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
const round4 = (x: number): number => Math.round(x * 10000) / 10000;

function isPolygons(seg: unknown): seg is number[][] {
  return Array.isArray(seg) && seg.length > 0 && seg.every(Array.isArray);
}

/** The outline of a box, as `loadRes` makes one for box results. */
function boxPolygon([x, y, w, h]: readonly number[]): number[][] {
  const [x0 = 0, y0 = 0, bw = 0, bh = 0] = [x, y, w, h];
  return [[x0, y0, x0, y0 + bh, x0 + bw, y0 + bh, x0 + bw, y0]];
}

/**
 * A copy of `parts` moved and rescaled so that its box goes from `from` to `to`, each
 * vertex off by up to `wobble` pixels, clipped to the image, rounded to 2 decimals.
 */
function reshape(
  rand: Random,
  parts: readonly (readonly number[])[],
  from: readonly number[],
  to: readonly number[],
  wobble: number,
  frame: Frame,
): number[][] {
  const [fx = 0, fy = 0, fw = 1, fh = 1] = from;
  const [tx = 0, ty = 0, tw = 1, th = 1] = to;
  const sx = fw > 0 ? tw / fw : 1;
  const sy = fh > 0 ? th / fh : 1;
  return parts.map((part) => {
    const out: number[] = [];
    for (let i = 0; i + 1 < part.length; i += 2) {
      const x = tx + (part[i]! - fx) * sx + rand.normal() * wobble;
      const y = ty + (part[i + 1]! - fy) * sy + rand.normal() * wobble;
      out.push(round2(clamp(x, 0, frame.width)), round2(clamp(y, 0, frame.height)));
    }
    return out;
  });
}

function ellipse(rand: Random, frame: Frame): number[][] {
  const size = clamp(rand.logNormal(40, 0.9), 6, 0.8 * Math.min(frame.width, frame.height));
  const aspect = rand.logNormal(1, 0.4);
  const rx = (size / 2) * Math.sqrt(aspect);
  const ry = size / 2 / Math.sqrt(aspect);
  const cx = rand.next() * frame.width;
  const cy = rand.next() * frame.height;
  const n = rand.int(10, 24);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    const r = 0.85 + 0.3 * rand.next();
    out.push(
      round2(clamp(cx + Math.cos(a) * rx * r, 0, frame.width)),
      round2(clamp(cy + Math.sin(a) * ry * r, 0, frame.height)),
    );
  }
  return [out];
}

export function makePredictions(
  gt: PredictionSource,
  seed: number,
  options: PredictionOptions = {},
): Prediction[] {
  const o = { ...DEFAULTS, ...options };
  const categoryIds = gt.categories.map((c) => c.id);
  const byImage = new Map<number, PredictionSource['annotations'][number][]>();
  for (const a of gt.annotations) {
    let list = byImage.get(a.image_id);
    if (list === undefined) byImage.set(a.image_id, (list = []));
    list.push(a);
  }
  const out: Prediction[] = [];
  gt.images.forEach((image, index) => {
    const rand = seeded(subSeed(seed, index));
    const frame: Frame = { width: image.width, height: image.height };
    const anns = byImage.get(image.id) ?? [];
    const emit = (categoryId: number, parts: number[][], box: number[] | null, score: number) => {
      const bbox = box === null ? partsBbox(parts) : (box.map(round2) as Prediction['bbox']);
      const p: Prediction = { image_id: image.id, category_id: categoryId, bbox, score };
      if (o.segmentation === 'polygons') p.segmentation = parts;
      else if (o.segmentation === 'rle') {
        const rle = polygonsToRle(parts, frame.height, frame.width);
        p.segmentation = { size: [frame.height, frame.width], counts: rleToString(rle) };
      }
      out.push(p);
    };
    const otherCategory = (id: number): number => {
      const pick = rand.pick(categoryIds);
      return pick === id && categoryIds.length > 1 ? otherCategory(id) : pick;
    };
    const detect = (a: (typeof anns)[number], spread: number, scoreScale: number) => {
      const [x = 0, y = 0, w = 0, h = 0] = a.bbox;
      // Small objects are localized worse, as real detectors do.
      const small = Math.sqrt(w * h) < 32 ? 1.6 : 1;
      const sigma = (0.03 + 0.12 * rand.next() ** 2) * spread * small;
      const nw = Math.max(1, w * Math.exp(rand.normal() * sigma));
      const nh = Math.max(1, h * Math.exp(rand.normal() * sigma));
      const nx = x + w / 2 + rand.normal() * sigma * w - nw / 2;
      const ny = y + h / 2 + rand.normal() * sigma * h - nh / 2;
      const to = [nx, ny, nw, nh];
      const source = isPolygons(a.segmentation) ? a.segmentation : boxPolygon(a.bbox);
      const parts = reshape(rand, source, a.bbox, to, sigma * 0.15 * Math.sqrt(w * h), frame);
      const quality = Math.exp(-sigma * 6);
      const score = clamp(scoreScale * (0.1 + 0.85 * quality) + rand.normal() * 0.08, 0.001, 1);
      const wrong = rand.next() < o.wrongCategory;
      const categoryId = wrong ? otherCategory(a.category_id) : a.category_id;
      const box = o.segmentation === 'none' ? to : null;
      emit(categoryId, parts, box, round4(wrong ? score * 0.7 : score));
    };
    for (const a of anns) {
      if (a.iscrowd === 1 || a.iscrowd === true || rand.next() >= o.recall) continue;
      detect(a, 1, 1);
      if (rand.next() < o.duplicates) detect(a, 2.5, 0.6);
    }
    // Stochastic rounding keeps the expected count at falsePositives × objects.
    const expected = o.falsePositives * anns.length;
    const fps = Math.floor(expected) + (rand.next() < expected % 1 ? 1 : 0);
    for (let j = 0; j < fps; j++) {
      const parts = ellipse(rand, frame);
      const near = anns.length > 0 && rand.next() < 0.5;
      const categoryId = near ? rand.pick(anns).category_id : rand.pick(categoryIds);
      const box = o.segmentation === 'none' ? partsBbox(parts) : null;
      emit(categoryId, parts, box, round4(clamp(0.02 + 0.55 * rand.next() ** 2, 0.001, 1)));
    }
  });
  return out;
}
