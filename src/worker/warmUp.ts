/**
 * A spare engine's warm-up: while the page is idle, the worker opens a small built-in
 * dataset once in an engine of its own, thrown away after, so that the open path's code
 * (reading, parsing, indexing, the first image's view) is compiled before a real file is
 * dropped; then, if nothing was asked meanwhile, it evaluates detections over it (segm and
 * bbox), so a user's first evaluation finds that code compiled too. The real engine is
 * never touched: an open that arrives during the warm-up runs beside it and gives the
 * same answer.
 */
import { polygonToRle, rleFromCoco, rleToString } from '../coco';
import type { SourceFile } from './protocol';

const IMAGES = 24;
const ANNOTATIONS_PER_IMAGE = 12;
const CATEGORIES = 8;

/**
 * A COCO instances file shaped like the ones users open (polygons, a few crowd RLE masks
 * both compressed and not, scores of fields), small enough to open in a few milliseconds.
 */
export function warmUpText(): string {
  const images = [];
  const annotations = [];
  for (let i = 0; i < IMAGES; i++) {
    const id = 1000 + i;
    images.push({
      license: 1,
      file_name: `${String(id).padStart(12, '0')}.jpg`,
      coco_url: `http://images.cocodataset.org/val2017/${id}.jpg`,
      height: 480,
      width: 640,
      date_captured: '2013-11-14 11:18:45',
      id,
    });
    for (let j = 0; j < ANNOTATIONS_PER_IMAGE; j++) {
      const { x, y, w, h, crowd } = placed(i, j);
      annotations.push({
        segmentation: crowd ? crowdMask(x, y, h, i % 2 === 0) : [outline(x, y, w, h)],
        area: w * h,
        iscrowd: crowd ? 1 : 0,
        image_id: id,
        bbox: [x, y, w, h],
        category_id: 1 + ((i + j) % CATEGORIES),
        id: 5000 + i * ANNOTATIONS_PER_IMAGE + j,
      });
    }
  }
  const categories = Array.from({ length: CATEGORIES }, (_, k) => ({
    supercategory: 'thing',
    id: k + 1,
    name: `category ${k + 1}`,
  }));
  return JSON.stringify({
    info: { description: 'cocoscope warm-up', year: 2017 },
    licenses: [{ url: 'http://example.org/', id: 1, name: 'example' }],
    images,
    annotations,
    categories,
  });
}

/** Where annotation `j` of image `i` is, and whether it is a crowd mask. */
function placed(i: number, j: number) {
  return {
    x: 10 + ((i * 37 + j * 53) % 500),
    y: 10 + ((i * 29 + j * 41) % 380),
    w: 20 + ((i + j * 7) % 90),
    h: 20 + ((i * 3 + j) % 80),
    // Not on the first image, whose view is made: its masks would be drawn into bitmaps.
    crowd: i > 0 && j === ANNOTATIONS_PER_IMAGE - 1,
  };
}

/** A pentagon over the box (x, y, w, h), as one flat polygon. */
function outline(x: number, y: number, w: number, h: number): number[] {
  return [x, y, x + w, y, x + w, y + h, x + w / 2, y + h + 5, x, y + h];
}

/**
 * Detections over the built-in dataset, as a model's results list: one per annotation
 * that is not crowd, a few pixels off, with a compressed RLE mask and a score; and a
 * false positive per image.
 */
export function warmUpResultsText(): string {
  const results = [];
  for (let i = 0; i < IMAGES; i++)
    for (let j = 0; j < ANNOTATIONS_PER_IMAGE; j++) {
      const { x: x0, y: y0, w, h, crowd } = placed(i, j);
      if (crowd) continue;
      const miss = j === 0;
      const x = miss ? (x0 + 300) % 560 : x0 + (j % 3);
      const y = miss ? (y0 + 200) % 400 : y0 + (i % 2);
      const rle = polygonToRle(outline(x, y, w, h), 480, 640);
      results.push({
        image_id: 1000 + i,
        category_id: 1 + ((i + j) % CATEGORIES),
        bbox: [x, y, w, h],
        score: ((i * 7 + j * 3) % 10) / 10 + 0.05,
        segmentation: { size: [480, 640], counts: rleToString(rle) },
      });
    }
  return JSON.stringify(results);
}

/** A crowd mask of two columns at (x, y), `h` tall, in a 640 × 480 image: counts or string. */
function crowdMask(x: number, y: number, h: number, uncompressed: boolean) {
  const counts = [x * 480 + y, h, 480 - h, h];
  counts.push(640 * 480 - counts.reduce((a, b) => a + b, 0));
  const size = [480, 640];
  return uncompressed
    ? { size, counts }
    : { size, counts: rleToString(rleFromCoco({ size: [480, 640], counts })) };
}

/** The built-in dataset as a file dropped in the page would be. */
export function warmUpFile(): SourceFile {
  return {
    path: 'annotations/instances_warmup.json',
    file: new Blob([warmUpText()], { type: 'application/json' }),
  };
}

/** The detections over the built-in dataset, as a results file dropped in the page would be. */
export function warmUpResultsFile(): SourceFile {
  return {
    path: 'warmup_results.json',
    file: new Blob([warmUpResultsText()], { type: 'application/json' }),
  };
}
