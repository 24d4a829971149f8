/**
 * A seeded, realistic COCO instances dataset: COCO's 80 categories with their sparse ids
 * and uneven frequencies, COCO's image sizes and file names, a skewed number of
 * annotations per image, star-shaped polygons of realistic vertex counts (median ~28, ~5%
 * multi-part), ~1% crowd RLE masks (uncompressed and compressed counts), and optionally
 * person keypoints. `area` is pycocotools' mask area and crowd boxes are its `toBbox`.
 *
 * Same options, same bytes: images come from one seeded stream, and each image's
 * annotations from a stream of their own (seed, image index), so an image's annotations
 * can be regenerated alone (the zip writer paints pictures that way) and `--keypoints`
 * does not move any polygon. As in COCO's files, crowd annotations (ids 9001xxxxxxxx)
 * come after all the others.
 */
import { polygonsToRle, rleArea, rleToBbox, rleToString, type Rle } from '../../src/coco/mask';
import { COCO_CATEGORIES, PERSON_KEYPOINTS, PERSON_SKELETON } from './cocoCategories';
import { annotationCounts, cocoInfo, COCO_LICENSES, imageEntries } from './images';
import { cumulative, seeded, subSeed } from './random';
import { crowdPolygons, objectPolygons, partsBbox, personKeypoints } from './shapes';
import type { CocoLike, GenAnnotation, GenCategory, GenImage } from './types';

export type { CocoLike, GenAnnotation, GenCategory, GenImage } from './types';

export type GenOptions = {
  images: number;
  /** The exact total number of annotations. */
  annotations: number;
  seed: number;
  /** Person keypoints (COCO's 17, 1-based skeleton) on the person category and its annotations. */
  keypoints?: boolean;
  /** Share of annotations that are crowd RLE masks; default 0.01 (COCO: ~1%). */
  crowdShare?: number;
  /** Median polygon vertex count; default 28 (COCO val2017). */
  medianVertices?: number;
  /** The folder in `coco_url`; default `val2017`. */
  subset?: string;
  /** File names' extension: `png` when pictures are generated too. */
  extension?: 'jpg' | 'png';
};

type Scale = Pick<GenOptions, 'images' | 'annotations' | 'subset' | 'medianVertices'>;

/** COCO 2017 val: 5,000 images, 36,781 annotations (~23 MB). */
export const VAL2017: Scale = {
  images: 5000,
  annotations: 36781,
  subset: 'val2017',
  medianVertices: 28,
};
/**
 * COCO 2017 train: 118,287 images, 860,001 annotations. COCO's train file holds fewer
 * bytes per annotation than val (448 MB), so its polygons have fewer vertices here too.
 */
export const TRAIN2017: Scale = {
  images: 118287,
  annotations: 860001,
  subset: 'train2017',
  medianVertices: 21,
};

/**
 * Each image's id and size, by index: what its annotations need. The entries themselves
 * are made again as they are written (`plannedImages`), so a dataset of a million images
 * is never a million objects in memory.
 */
export type PlannedImages = {
  count: number;
  ids: Float64Array;
  widths: Int32Array;
  heights: Int32Array;
};

/** What `generateImageAnnotations` needs: the images and their annotation counts. */
export type DatasetPlan = {
  options: Required<GenOptions>;
  images: PlannedImages;
  counts: Int32Array;
  /** The id of the first non-crowd annotation. */
  firstId: number;
};

export function planDataset(options: GenOptions): DatasetPlan {
  const full: Required<GenOptions> = {
    keypoints: false,
    crowdShare: 0.01,
    medianVertices: 28,
    subset: 'val2017',
    extension: 'jpg',
    ...options,
  };
  const rand = seeded(full.seed);
  const n = full.images;
  const images = {
    count: n,
    ids: new Float64Array(n),
    widths: new Int32Array(n),
    heights: new Int32Array(n),
  };
  let i = 0;
  for (const image of imageEntries(rand, n, full.subset, full.extension)) {
    images.ids[i] = image.id;
    images.widths[i] = image.width;
    images.heights[i] = image.height;
    i++;
  }
  const counts = annotationCounts(rand, n, full.annotations);
  return { options: full, images, counts, firstId: rand.int(1, 2000) };
}

/**
 * The plan's image entries in order, made again from its seed: the images are the first
 * thing `planDataset` draws from that stream, so they come out the same.
 */
export function* plannedImages(plan: DatasetPlan): Generator<GenImage> {
  const { seed, subset, extension } = plan.options;
  yield* imageEntries(seeded(seed), plan.images.count, subset, extension);
}

export function cocoCategories(keypoints: boolean): GenCategory[] {
  return COCO_CATEGORIES.map(([id, name, supercategory]) =>
    keypoints && name === 'person'
      ? {
          supercategory,
          id,
          name,
          keypoints: [...PERSON_KEYPOINTS],
          skeleton: PERSON_SKELETON.map(([a, b]): [number, number] => [a, b]),
        }
      : { supercategory, id, name },
  );
}

const CATEGORY_WEIGHTS = cumulative(COCO_CATEGORIES.map(([, , , share]) => share));
const PERSON_ID = 1;

/** One image's annotations with their masks (image pixels, column-major RLE). */
export type ImageAnnotations = {
  annotations: GenAnnotation[];
  masks: Rle[];
  /** The id the next image's first non-crowd annotation continues from. */
  nextId: number;
};

/**
 * The annotations of image `index` of `plan`; non-crowd ids count up from `firstId` with
 * small gaps, crowd ids are COCO's `9001` prefix followed by the 8-digit image id.
 */
export function generateImageAnnotations(
  plan: DatasetPlan,
  index: number,
  firstId: number,
): ImageAnnotations {
  const { options } = plan;
  const imageId = plan.images.ids[index]!;
  const width = plan.images.widths[index]!;
  const height = plan.images.heights[index]!;
  const rand = seeded(subSeed(options.seed, index));
  const poseRand = seeded(subSeed(options.seed ^ 0x6b657970, index));
  const annotations: GenAnnotation[] = [];
  const masks: Rle[] = [];
  let id = firstId;
  let crowds = 0;
  for (let k = 0; k < plan.counts[index]!; k++) {
    const iscrowd = rand.next() < options.crowdShare ? 1 : 0;
    const categoryId =
      iscrowd === 1 && rand.next() < 0.5
        ? PERSON_ID
        : COCO_CATEGORIES[rand.weighted(CATEGORY_WEIGHTS)]![0];
    const parts =
      iscrowd === 1
        ? crowdPolygons(rand, width, height)
        : objectPolygons(rand, width, height, options.medianVertices);
    const rle = polygonsToRle(parts, height, width);
    const area = rleArea(rle);
    let segmentation: GenAnnotation['segmentation'] = parts;
    let bbox = partsBbox(parts);
    let annotationId: number;
    if (iscrowd === 1) {
      // Half with COCO ground truth's uncompressed counts, half with compressed strings.
      const compressed = (index + crowds) % 2 === 1;
      segmentation = {
        counts: compressed ? rleToString(rle) : Array.from(rle.counts),
        size: [height, width],
      };
      bbox = rleToBbox(rle);
      annotationId = 900_100_000_000 + crowds * 100_000_000 + imageId;
      crowds++;
    } else {
      id += rand.int(1, 3);
      annotationId = id;
    }
    const common = { image_id: imageId, bbox, category_id: categoryId, id: annotationId };
    if (options.keypoints && categoryId === PERSON_ID) {
      const { keypoints, num_keypoints } = personKeypoints(poseRand, bbox, area, iscrowd === 1);
      annotations.push({ segmentation, num_keypoints, area, iscrowd, keypoints, ...common });
    } else {
      annotations.push({ segmentation, area, iscrowd, ...common });
    }
    masks.push(rle);
  }
  return { annotations, masks, nextId: id };
}

/**
 * Every image's annotations in order, with the ids running on from image to image.
 * Yields `[image index, annotations]`.
 */
export function* generateAnnotations(
  plan: DatasetPlan,
): Generator<[index: number, result: ImageAnnotations]> {
  let id = plan.firstId;
  for (let i = 0; i < plan.images.count; i++) {
    const result = generateImageAnnotations(plan, i, id);
    id = result.nextId;
    yield [i, result];
  }
}

/** A whole dataset as one object: for tests and small or medium sizes. */
export function generateCoco(options: GenOptions): CocoLike {
  const plan = planDataset(options);
  const annotations: GenAnnotation[] = [];
  const crowd: GenAnnotation[] = [];
  for (const [, result] of generateAnnotations(plan)) {
    for (const a of result.annotations) (a.iscrowd === 1 ? crowd : annotations).push(a);
  }
  return {
    info: cocoInfo(plan.options.seed),
    licenses: [...COCO_LICENSES],
    images: [...plannedImages(plan)],
    annotations: annotations.concat(crowd),
    categories: cocoCategories(plan.options.keypoints),
  };
}

/**
 * The same dataset as `generateCoco`, as the text of its json file in chunks of about
 * `chunkChars` characters, so a train2017-scale file (~450 MB) never is one string, and
 * memory does not grow with the dataset (a 2 GB file is written in a few hundred MB).
 * `JSON.stringify(generateCoco(o))` equals the concatenated chunks.
 */
export function* cocoJsonChunks(
  plan: DatasetPlan,
  chunkChars = 1 << 20,
): Generator<string, { annotations: number }> {
  let parts: string[] = [];
  let size = 0;
  function* add(text: string): Generator<string> {
    parts.push(text);
    size += text.length;
    if (size >= chunkChars) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  const { options } = plan;
  yield* add(
    `{"info":${JSON.stringify(cocoInfo(options.seed))},"licenses":${JSON.stringify(COCO_LICENSES)},"images":[`,
  );
  let first = true;
  for (const image of plannedImages(plan)) {
    yield* add((first ? '' : ',') + JSON.stringify(image));
    first = false;
  }
  yield* add('],"annotations":[');
  let written = 0;
  // Crowd annotations come after all the others: the images that have some are noted, with
  // the id their annotations start from, and made again at the end (their text is not kept).
  const withCrowd: number[] = [];
  let id = plan.firstId;
  for (let i = 0; i < plan.images.count; i++) {
    const result = generateImageAnnotations(plan, i, id);
    for (const a of result.annotations) {
      if (a.iscrowd === 1) continue;
      yield* add((written++ > 0 ? ',' : '') + JSON.stringify(a));
    }
    if (result.annotations.some((a) => a.iscrowd === 1)) withCrowd.push(i, id);
    id = result.nextId;
  }
  for (let k = 0; k < withCrowd.length; k += 2) {
    const again = generateImageAnnotations(plan, withCrowd[k]!, withCrowd[k + 1]!);
    for (const a of again.annotations) {
      if (a.iscrowd === 1) yield* add((written++ > 0 ? ',' : '') + JSON.stringify(a));
    }
  }
  yield* add(`],"categories":${JSON.stringify(cocoCategories(options.keypoints))}}`);
  if (size > 0) yield parts.join('');
  return { annotations: written };
}
