/**
 * The alpha of a mask's bitmap, read back on the page the first time something needs it
 * (the pointer readout, the outlines), then kept with the bitmap: nothing is read while an
 * image is switched to, and a view evicted from the cache takes its alphas with it. A
 * sampled mask (drawn as the canvas shows it) has none until its whole bitmap comes.
 */
import type { MaskImage } from '../worker/protocol';
import { maskOutline } from './maskOutline';

const alphas = new WeakMap<ImageBitmap, Uint8Array | null>();
const outlines = new WeakMap<ImageBitmap, number[]>();

/**
 * One byte per pixel of the mask's box (row-major); null when its bitmap is gone, or is
 * sampled (MaskImage.sampled).
 */
export function maskAlpha(mask: MaskImage): Uint8Array | null {
  if (mask.sampled === true) return null;
  if (alphas.has(mask.bitmap)) return alphas.get(mask.bitmap)!;
  let alpha: Uint8Array | null = null;
  try {
    const canvas = new OffscreenCanvas(mask.width, mask.height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(mask.bitmap, 0, 0);
    const rgba = ctx.getImageData(0, 0, mask.width, mask.height).data;
    alpha = new Uint8Array(mask.width * mask.height);
    for (let i = 0; i < alpha.length; i++) alpha[i] = rgba[i * 4 + 3]!;
  } catch {
    // A closed bitmap (its view was evicted) cannot be drawn: nothing to read.
  }
  alphas.set(mask.bitmap, alpha);
  return alpha;
}

/** The mask's outline segments in image coordinates (see maskOutline). */
export function maskOutlineOf(mask: MaskImage): number[] {
  const cached = outlines.get(mask.bitmap);
  if (cached !== undefined) return cached;
  if (mask.sampled === true) return [];
  const alpha = maskAlpha(mask);
  const segments = alpha === null ? [] : maskOutline(alpha, mask.width, mask.height);
  for (let i = 0; i < segments.length; i += 2) {
    segments[i] = segments[i]! + mask.x;
    segments[i + 1] = segments[i + 1]! + mask.y;
  }
  outlines.set(mask.bitmap, segments);
  return segments;
}
