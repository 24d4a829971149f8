/** The preview's changed pixels, whole and at the resolution the canvas shows. */
import { describe, expect, it } from 'vitest';
import { encodeMask } from '../coco';
import { changedPixels } from './changedPixels';
import type { MaskPixels } from './maskPixels';
import { PREVIEW_COLORS, type ShownAt } from './protocol';

/** A `w` × `h` mask (column-major) of the pixels `on` accepts. */
function maskOf(w: number, h: number, on: (x: number, y: number) => boolean) {
  const pixels = new Uint8Array(w * h);
  for (let x = 0; x < w; x++) for (let y = 0; y < h; y++) if (on(x, y)) pixels[x * h + y] = 1;
  return encodeMask(pixels, h, w);
}

/** The RGBA word of bitmap pixel (i, j); 0 when clear. */
function wordAt(px: MaskPixels, i: number, j: number): number {
  return new Uint32Array(px.rgba.buffer)[j * px.width + i]!;
}

/** The colour drawn at image pixel (x, y) by whole-resolution pixels; 0 outside them. */
function imageWord(px: MaskPixels, x: number, y: number): number {
  const inside = x >= px.x && y >= px.y && x < px.x + px.width && y < px.y + px.height;
  return inside ? wordAt(px, x - px.x, y - px.y) : 0;
}

const word = (rgb: readonly number[]) =>
  ((255 << 24) | (rgb[2]! << 16) | (rgb[1]! << 8) | rgb[0]!) >>> 0;

// 400 × 300: rings of discs; after, each disc shifted one pixel right and a speck gone.
const W = 400;
const H = 300;
const disc = (x: number, y: number, dx: number) =>
  ((x - dx) % 50) - 25 <= 0 && (((x - dx) % 50) - 12) ** 2 + ((y % 40) - 20) ** 2 <= 81;
const inBefore = (x: number, y: number) => disc(x, y, 0) || (x === 390 && y === 290);
const inAfter = (x: number, y: number) => disc(x, y, 1);
const before = maskOf(W, H, inBefore);
const after = maskOf(W, H, inAfter);

describe('changedPixels', () => {
  it('whole: added, removed (and kept when asked) in their colours, over their box', () => {
    const px = changedPixels({ before, after }, true)!;
    expect(px.placed).toBeUndefined();
    expect(imageWord(px, 390, 290)).toBe(word(PREVIEW_COLORS.removed));
    let [added, removed, kept, wrong] = [0, 0, 0, 0];
    for (let x = 0; x < W; x++)
      for (let y = 0; y < H; y++) {
        const [a, b] = [inBefore(x, y), inAfter(x, y)];
        const want = a && b ? 'kept' : a ? 'removed' : b ? 'added' : null;
        if (imageWord(px, x, y) !== (want === null ? 0 : word(PREVIEW_COLORS[want]))) wrong++;
        if (want === 'added') added++;
        if (want === 'removed') removed++;
        if (want === 'kept') kept++;
      }
    expect(wrong).toBe(0);
    expect(added).toBeGreaterThan(0);
    expect(removed).toBeGreaterThan(0);
    expect(kept).toBeGreaterThan(0);
  });

  it('zoomed in (a device pixel per image pixel or more): made whole', () => {
    const shown: ShownAt = { scale: 0.5, x: 3.25, y: 7.5, ratio: 2 };
    expect(changedPixels({ before, after }, false, shown)).toEqual(
      changedPixels({ before, after }, false),
    );
  });

  for (const [label, shown] of [
    ['0.23', { scale: 0.23, x: 10.4, y: 3.7, ratio: 1 }],
    ['0.465', { scale: 0.31, x: -57.25, y: 120.5, ratio: 1.5 }],
    // Every device pixel's centre on an image pixel's edge: each samples the pixel before.
    ['0.25, on edges', { scale: 0.25, x: 0.5, y: 0.5, ratio: 1 }],
  ] satisfies [string, ShownAt][]) {
    it(`zoomed out (${label} device pixels per image pixel): each bitmap pixel is the image pixel its device pixel samples`, () => {
      const whole = changedPixels({ before, after }, false)!;
      const px = changedPixels({ before, after }, false, shown)!;
      const d = shown.scale * shown.ratio;
      const placed = px.placed!;
      // Placed on whole device pixels, one per bitmap pixel.
      const left = (placed.x * shown.scale + shown.x) * shown.ratio;
      const top = (placed.y * shown.scale + shown.y) * shown.ratio;
      expect(left).toBeCloseTo(Math.round(left), 9);
      expect(top).toBeCloseTo(Math.round(top), 9);
      expect(placed.width * d).toBeCloseTo(px.width, 9);
      expect(placed.height * d).toBeCloseTo(px.height, 9);
      expect(px.width).toBeLessThan(whole.width * d + 2);
      let [drawn, wrong] = [0, 0];
      for (let i = 0; i < px.width; i++)
        for (let j = 0; j < px.height; j++) {
          const x = Math.floor((Math.round(left) + i + 0.5 - shown.x * shown.ratio) / d - 1e-6);
          const y = Math.floor((Math.round(top) + j + 0.5 - shown.y * shown.ratio) / d - 1e-6);
          const got = wordAt(px, i, j);
          if (got !== imageWord(whole, x, y)) wrong++;
          if (got !== 0) drawn++;
        }
      expect(wrong).toBe(0);
      expect(drawn).toBeGreaterThan(0);
      // The device pixels around the bitmap sample nothing changed.
      for (const [i, j] of [
        [-1, 0],
        [px.width, px.height - 1],
      ] as const) {
        const x = Math.floor((Math.round(left) + i + 0.5 - shown.x * shown.ratio) / d - 1e-6);
        const y = Math.floor((Math.round(top) + j + 0.5 - shown.y * shown.ratio) / d - 1e-6);
        expect(imageWord(whole, x, y)).toBe(0);
      }
    });
  }
});
