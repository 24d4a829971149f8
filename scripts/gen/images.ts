/**
 * The image side of a generated dataset: COCO's info and licenses, image entries with
 * COCO's sizes (longest side 640, mostly 640×480 and 640×427), 12-digit file names, urls
 * and capture dates, and how many annotations each image gets.
 */
import { cumulative, type Random } from './random';
import type { GenImage, GenInfo, GenLicense } from './types';

/** COCO's eight Flickr licenses, as every official instances file lists them. */
export const COCO_LICENSES: readonly GenLicense[] = [
  [
    1,
    'Attribution-NonCommercial-ShareAlike License',
    'http://creativecommons.org/licenses/by-nc-sa/2.0/',
  ],
  [2, 'Attribution-NonCommercial License', 'http://creativecommons.org/licenses/by-nc/2.0/'],
  [
    3,
    'Attribution-NonCommercial-NoDerivs License',
    'http://creativecommons.org/licenses/by-nc-nd/2.0/',
  ],
  [4, 'Attribution License', 'http://creativecommons.org/licenses/by/2.0/'],
  [5, 'Attribution-ShareAlike License', 'http://creativecommons.org/licenses/by-sa/2.0/'],
  [6, 'Attribution-NoDerivs License', 'http://creativecommons.org/licenses/by-nd/2.0/'],
  [7, 'No known copyright restrictions', 'http://flickr.com/commons/usage/'],
  [8, 'United States Government Work', 'http://www.usa.gov/copyright.shtml'],
].map(([id, name, url]) => ({ url: url as string, id: id as number, name: name as string }));

/** How often COCO's images carry each license (ids 1..8). */
const LICENSE_WEIGHTS = cumulative([18, 10, 30, 18, 9, 2, 1, 0.05]);

export function cocoInfo(seed: number): GenInfo {
  return {
    description: `cocoscope generated COCO-like dataset (seed ${seed})`,
    url: 'http://cocodataset.org',
    version: '1.0',
    year: 2017,
    contributor: 'cocoscope scripts/gen-coco.ts',
    date_created: '2017/09/01',
  };
}

/** [width, height, weight]: COCO's common sizes; the rest is a tail of other 640-long sizes. */
const SIZES: readonly [number, number, number][] = [
  [640, 480, 29],
  [640, 427, 17],
  [480, 640, 8],
  [427, 640, 6],
  [500, 375, 4],
  [612, 612, 3],
  [640, 360, 3],
  [640, 426, 3],
  [640, 428, 2],
  [375, 500, 2],
  [640, 640, 2],
];
const SIZE_WEIGHTS = cumulative([...SIZES.map(([, , w]) => w), 21]);

function imageSize(rand: Random): [width: number, height: number] {
  const i = rand.weighted(SIZE_WEIGHTS);
  const size = SIZES[i];
  if (size) return [size[0], size[1]];
  const short = rand.int(240, 639);
  return rand.next() < 0.75 ? [640, short] : [short, 640];
}

const pad = (x: number, digits: number): string => String(x).padStart(digits, '0');

function captureDate(rand: Random): string {
  const day = rand.int(14, 25);
  return `2013-11-${pad(day, 2)} ${pad(rand.int(0, 23), 2)}:${pad(rand.int(0, 59), 2)}:${pad(rand.int(0, 59), 2)}`;
}

function flickrUrl(rand: Random): string {
  const hex = Math.floor(rand.next() * 0xffffffff)
    .toString(16)
    .padStart(8, '0');
  return `http://farm${rand.int(1, 9)}.staticflickr.com/${rand.int(1000, 8999)}/${rand.int(1e9, 9.9e9)}_${hex}${rand.int(0, 255).toString(16).padStart(2, '0')}_z.jpg`;
}

/**
 * `count` image entries with increasing, sparse ids (COCO's run up to ~581,929 for
 * train2017's 118,287 images), one at a time. `subset` names the folder in `coco_url`.
 */
export function* imageEntries(
  rand: Random,
  count: number,
  subset: string,
  extension: 'jpg' | 'png',
): Generator<GenImage> {
  let id = 0;
  for (let i = 0; i < count; i++) {
    id += rand.int(1, 8);
    const [width, height] = imageSize(rand);
    const fileName = `${pad(id, 12)}.${extension}`;
    yield {
      license: rand.weighted(LICENSE_WEIGHTS) + 1,
      file_name: fileName,
      coco_url: `http://images.cocodataset.org/${subset}/${fileName}`,
      height,
      width,
      date_captured: captureDate(rand),
      flickr_url: flickrUrl(rand),
      id,
    };
  }
}

/**
 * How many annotations each image gets, summing exactly to `total`: ~1% of images have
 * none (as in COCO), the rest a log-normal share, so many images have 1–5 and a few 30+.
 */
export function annotationCounts(rand: Random, images: number, total: number): Int32Array {
  const weights = new Float64Array(images);
  let sum = 0;
  for (let i = 0; i < images; i++) {
    weights[i] = rand.next() < 0.01 ? 0 : Math.exp(1.05 * Math.min(2.9, rand.normal()));
    sum += weights[i]!;
  }
  const nonEmpty = weights.filter((w) => w > 0).length;
  // Every non-empty image gets at least one, when there are enough annotations to go round.
  const base = total >= nonEmpty ? 1 : 0;
  const spread = total - base * nonEmpty;
  const counts = new Int32Array(images);
  let given = 0;
  for (let i = 0; i < images; i++) {
    if (weights[i] === 0 || sum === 0) continue;
    counts[i] = base + Math.floor((weights[i]! / sum) * spread);
    given += counts[i]!;
  }
  // The remainder (< one per image) goes to random images that are not meant to be empty.
  while (given < total && images > 0) {
    const i = rand.int(0, images - 1);
    if (weights[i]! > 0 || nonEmpty === 0) {
      counts[i]!++;
      given++;
    }
  }
  return counts;
}
