import { describe, expect, it } from 'vitest';
import { encodeMask } from '../coco';
import { MAX_MASK_PIXELS, maskPixels, shownMaskPixels } from './maskPixels';

describe('maskPixels', () => {
  it('turns a column-major mask into row-major pixels of its box (non-square, asymmetric)', () => {
    // Image 3 high × 5 wide; set pixels (x=1,y=0), (x=1,y=1), (x=3,y=2): an L that is not symmetric.
    const h = 3;
    const w = 5;
    const mask = new Uint8Array(h * w);
    const set = (x: number, y: number) => (mask[x * h + y] = 1);
    set(1, 0);
    set(1, 1);
    set(3, 2);
    const out = maskPixels(encodeMask(mask, h, w), [10, 20, 30])!;
    expect([out.x, out.y, out.width, out.height]).toEqual([1, 0, 3, 3]);
    const alpha = (x: number, y: number) =>
      out.rgba[((y - out.y) * out.width + (x - out.x)) * 4 + 3];
    expect(alpha(1, 0)).toBe(255);
    expect(alpha(1, 1)).toBe(255);
    expect(alpha(3, 2)).toBe(255);
    expect(alpha(2, 0)).toBe(0);
    expect(alpha(3, 0)).toBe(0);
    expect(alpha(1, 2)).toBe(0);
    expect(Array.from(out.rgba.slice(0, 4))).toEqual([10, 20, 30, 255]);
  });

  it('tints every pixel of a mask alike (crowd hatching is drawn by the canvas)', () => {
    const mask = new Uint8Array(16 * 16).fill(1);
    const out = maskPixels(encodeMask(mask, 16, 16), [0, 0, 0])!;
    const alphas = new Set<number>();
    for (let i = 3; i < out.rgba.length; i += 4) alphas.add(out.rgba[i]!);
    expect([...alphas]).toEqual([255]);
  });

  it('an empty mask has no pixels', () => {
    expect(maskPixels(encodeMask(new Uint8Array(6), 2, 3), [0, 0, 0])).toBeNull();
  });

  it('made as the canvas shows it when zoomed out; not at all past MAX_MASK_PIXELS', () => {
    const shown = { scale: 0.25, x: 0, y: 0, ratio: 1 };
    const block = { size: [400, 400] as [number, number], counts: Uint32Array.of(0, 160_000) };
    const sampled = shownMaskPixels(block, [1, 2, 3], shown)!;
    // 400 × 400 image pixels on 100 × 100 device pixels, drawn over the whole image.
    expect([sampled.width, sampled.height]).toEqual([100, 100]);
    expect(sampled.placed).toEqual({ x: 0, y: 0, width: 400, height: 400 });
    // One pixel past the limit: made neither whole nor sampled.
    const side = Math.ceil(Math.sqrt(MAX_MASK_PIXELS + 1));
    const huge = { size: [side, side] as [number, number], counts: Uint32Array.of(0, side * side) };
    expect(maskPixels(huge, [1, 2, 3])).toBeNull();
    expect(shownMaskPixels(huge, [1, 2, 3], shown)).toBeNull();
  });
});
