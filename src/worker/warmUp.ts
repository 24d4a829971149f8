/**
 * A spare engine's warm-up: while the page is idle, the worker opens a small built-in
 * dataset once in an engine of its own, thrown away after, so that the open path's code
 * (reading, parsing, indexing, the first image's view) is compiled before a real file is
 * dropped. The real engine is never touched: an open that arrives during the warm-up runs
 * beside it and gives the same answer.
 */
import { rleFromCoco, rleToString } from '../coco';
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
      const x = 10 + ((i * 37 + j * 53) % 500);
      const y = 10 + ((i * 29 + j * 41) % 380);
      const w = 20 + ((i + j * 7) % 90);
      const h = 20 + ((i * 3 + j) % 80);
      // Not on the first image, whose view is made: its masks would be drawn into bitmaps.
      const crowd = i > 0 && j === ANNOTATIONS_PER_IMAGE - 1;
      annotations.push({
        segmentation: crowd
          ? crowdMask(x, y, h, i % 2 === 0)
          : [[x, y, x + w, y, x + w, y + h, x + w / 2, y + h + 5, x, y + h]],
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
