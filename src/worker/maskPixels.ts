/**
 * An RLE mask → the RGBA pixels of its bounding box, ready to become one image on the
 * canvas. The RLE is column-major (pixel (x, y) at x·height + y, see coco/rle.ts);
 * the pixels are row-major, as ImageData wants: this is where a transposed mask would
 * be born, so the loop walks runs and writes each pixel at (y − y0)·w + (x − x0).
 */
import { rleToBbox, type Rle } from '../coco';
import { previewScale, type MaskImage, type ShownAt } from './protocol';
import { sampledPixels } from './sampledPixels';

export const MAX_MASK_PIXELS = 8192 * 8192;

/**
 * The masks of one image together: 64 million pixels (256 MB as RGBA). Each mask may be
 * under MAX_MASK_PIXELS while forty of them are not (a 7 kB file can hold forty 8000²
 * masks); past this, the rest of the image's masks are not drawn, and the user is told.
 */
export const MAX_IMAGE_MASK_PIXELS = 64 * 1024 * 1024;

/** The pixels a mask's image would take (its bbox), without drawing it. */
export function maskBoxPixels(rle: Rle): number {
  const [, , w, h] = rleToBbox(rle);
  return w * h;
}

export type MaskPixels = {
  rgba: Uint8ClampedArray<ArrayBuffer>;
  /** The top left image pixel; `width` × `height`: the RGBA's pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
  /**
   * Where the pixels are drawn (image pixels), when not one image pixel each: a preview
   * made at the resolution the canvas shows (changedPixels.ts).
   */
  placed?: { x: number; y: number; width: number; height: number };
};

/**
 * A colour as one little-endian RGBA word, opaque (every platform browsers run on is
 * little-endian): a pixel written at once.
 */
export function opaqueWord(rgb: readonly number[]): number {
  return ((255 << 24) | (rgb[2]! << 16) | (rgb[1]! << 8) | rgb[0]!) >>> 0;
}

/** The pixels made a bitmap, as the page draws them: where `placed` says, else on their box. */
export function maskImageOf(pixels: MaskPixels, bitmap: ImageBitmap): MaskImage {
  const { x, y, width, height } = pixels.placed ?? pixels;
  return { bitmap, x, y, width, height };
}

/** `#rrggbb` → [r, g, b]. */
export function parseHexColor(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : [255, 0, 255];
}

/**
 * Every pixel of the mask in its colour, opaque; crowd masks too: the canvas draws them
 * fainter and hatches them in screen space (a hatch painted into the pixels made some mask
 * pixels look solid and others tinted).
 */
export function maskPixels(rle: Rle, color: [number, number, number]): MaskPixels | null {
  const [h] = rle.size;
  const [x0, y0, w, bh] = rleToBbox(rle);
  // An empty mask has nothing to draw; a mask whose box is beyond 8192² pixels would need
  // gigabytes as RGBA (a 100000 × 100000 "size"): it is not drawn (its image is reported).
  if (w === 0 || bh === 0 || w * bh > MAX_MASK_PIXELS) return null;
  const rgba = new Uint8ClampedArray(w * bh * 4);
  const px = new Uint32Array(rgba.buffer);
  const solid = opaqueWord(color);
  const counts = rle.counts;
  // Walk each set run column by column: (x, y) advance without a division per pixel.
  let pos = 0;
  for (let j = 0; j < counts.length; j++) {
    const len = counts[j]!;
    if (j % 2 === 1 && len > 0) {
      let x = Math.floor(pos / h);
      let y = pos - x * h;
      let left = len;
      while (left > 0) {
        const run = Math.min(left, h - y);
        let at = (y - y0) * w + (x - x0);
        for (let k = 0; k < run; k++, at += w) px[at] = solid;
        left -= run;
        x++;
        y = 0;
      }
    }
    pos += len;
  }
  return { rgba, x: x0, y: y0, width: w, height: bh };
}

/**
 * The mask as the canvas shows the image (`shown`): sampled at the device pixels it draws
 * (sampledPixels.ts) when they are fewer than the image's pixels, placed where they go;
 * else every pixel of its box (maskPixels). Null when there is nothing to draw, or the
 * box is past MAX_MASK_PIXELS.
 */
export function shownMaskPixels(
  rle: Rle,
  color: [number, number, number],
  shown: ShownAt | null,
): MaskPixels | null {
  if (shown === null || previewScale(shown) >= 1) return maskPixels(rle, color);
  const [x0, y0, w, h] = rleToBbox(rle);
  // Past MAX_MASK_PIXELS the whole mask is never made: not drawn sampled either, as the view
  // would not draw it (its image reports it).
  if (w === 0 || h === 0 || w * h > MAX_MASK_PIXELS) return null;
  const starts: number[] = [];
  const ends: number[] = [];
  let pos = 0;
  for (let j = 0; j < rle.counts.length; j++) {
    const len = rle.counts[j]!;
    if (j % 2 === 1 && len > 0) {
      starts.push(pos);
      ends.push(pos + len);
    }
    pos += len;
  }
  const colors = new Array<number>(starts.length).fill(opaqueWord(color));
  const box: [number, number, number, number] = [x0, y0, x0 + w - 1, y0 + h - 1];
  return sampledPixels({ starts, ends, colors, box }, rle.size[0], shown);
}
