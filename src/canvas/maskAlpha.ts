/**
 * The alpha of a mask's bitmap, read back on the page the first time something needs it
 * (the pointer readout, the outlines), then kept with the mask: nothing is read while an
 * image is switched to, and a view evicted from the cache takes its alphas with it.
 */
import type { MaskImage } from '../worker/protocol';
import { maskOutline } from './maskOutline';

const alphas = new WeakMap<MaskImage, Uint8Array | null>();
const outlines = new WeakMap<MaskImage, number[]>();

/** One byte per pixel of the mask's box (row-major); null when its bitmap is gone. */
export function maskAlpha(mask: MaskImage): Uint8Array | null {
  if (alphas.has(mask)) return alphas.get(mask)!;
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
  alphas.set(mask, alpha);
  return alpha;
}

/** The mask's outline segments in image coordinates (see maskOutline). */
export function maskOutlineOf(mask: MaskImage): number[] {
  const cached = outlines.get(mask);
  if (cached !== undefined) return cached;
  const alpha = maskAlpha(mask);
  const segments = alpha === null ? [] : maskOutline(alpha, mask.width, mask.height);
  for (let i = 0; i < segments.length; i += 2) {
    segments[i] = segments[i]! + mask.x;
    segments[i + 1] = segments[i + 1]! + mask.y;
  }
  outlines.set(mask, segments);
  return segments;
}
