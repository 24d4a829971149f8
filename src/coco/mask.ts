/**
 * The pycocotools-compatible mask API: the names here are a contract (tests outside this
 * repository call them). Conventions are stated in `rle.ts`: column-major masks, counts
 * starting with the zero run, `size = [height, width]`. pycocotools' equivalents are in
 * brackets on each function.
 */
import { rleFromCounts, rleFromString, type CountsAlloc, type Rle } from './rle';

export type { CountsAlloc, Rle, RleString } from './rle';
export {
  decodeRle,
  encodeMask,
  mergeRles,
  rleArea,
  rleFromString,
  rleToBbox,
  rleToString,
} from './rle';
export { rleIou } from './overlap';
export { bboxToRle, polygonsToRle, polygonToRle } from './polygon';

/** A COCO file's RLE segmentation: compressed string or uncompressed list of counts. */
export type CocoRleSegmentation = {
  size: readonly [number, number] | readonly number[];
  counts: string | readonly number[];
};

/**
 * The mask of a COCO RLE segmentation, compressed or not [frPyObjects for a dict].
 * The size is taken from the segmentation itself, as pycocotools does. `alloc` places a
 * compressed string's counts (see `CountsAlloc`).
 */
export function rleFromCoco(segmentation: CocoRleSegmentation, alloc?: CountsAlloc): Rle {
  const [height = 0, width = 0] = segmentation.size;
  const { counts } = segmentation;
  return typeof counts === 'string'
    ? rleFromString(counts, height, width, alloc)
    : rleFromCounts(counts, height, width);
}
