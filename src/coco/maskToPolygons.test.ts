import { describe, expect, it } from 'vitest';
import { encodeMask, polygonsToRle, rleArea, rleToBbox } from './mask';
import { maskToPolygons } from './maskToPolygons';

function maskOf(h: number, w: number, on: (x: number, y: number) => boolean) {
  const m = new Uint8Array(h * w);
  for (let x = 0; x < w; x++) for (let y = 0; y < h; y++) m[x * h + y] = on(x, y) ? 1 : 0;
  return encodeMask(m, h, w);
}

describe('maskToPolygons', () => {
  it('outlines a rectangle along pixel edges', () => {
    const rle = maskOf(10, 12, (x, y) => x >= 2 && x < 5 && y >= 3 && y < 7);
    expect(maskToPolygons(rle)).toEqual([[2, 3, 5, 3, 5, 7, 2, 7]]);
  });

  it('an L shape, one polygon per region, largest first', () => {
    const rle = maskOf(
      20,
      30,
      (x, y) =>
        (x >= 2 && x < 6 && y >= 2 && y < 15) ||
        (x >= 6 && x < 12 && y >= 11 && y < 15) ||
        (x === 25 && y === 5),
    );
    const polys = maskToPolygons(rle);
    expect(polys).toHaveLength(2);
    expect(polys[0]).toEqual([2, 2, 6, 2, 6, 11, 12, 11, 12, 15, 2, 15]);
    expect(polys[1]).toEqual([25, 5, 26, 5, 26, 6, 25, 6]);
  });

  it('a blob traced back to polygons rasterizes to nearly the same mask', () => {
    const rle = maskOf(60, 80, (x, y) => (x - 40) ** 2 / 400 + (y - 30) ** 2 / 200 <= 1);
    const polys = maskToPolygons(rle);
    const again = polygonsToRle(polys, 60, 80);
    expect(Math.abs(rleArea(again) - rleArea(rle)) / rleArea(rle)).toBeLessThan(0.15);
    const [x, y, w, h] = rleToBbox(rle);
    const [x2, y2, w2, h2] = rleToBbox(again);
    expect(
      Math.abs(x - x2) + Math.abs(y - y2) + Math.abs(w - w2) + Math.abs(h - h2),
    ).toBeLessThanOrEqual(4);
  });

  it('works on the mask’s pixels, not its image: 5 pixels of a 30000² image', () => {
    const h = 30000;
    // Column-major runs: 2×2 block at x 100..101, y 200..201; one pixel far away at (29000, 29999).
    const counts = [100 * h + 200, 2, h - 2, 2, 29000 * h + 29999 - (101 * h + 202), 1, 0];
    counts[counts.length - 1] = h * h - counts.reduce((a, b) => a + b, 0);
    const rle = { size: [h, h] as [number, number], counts: Uint32Array.from(counts) };
    expect(rleArea(rle)).toBe(5);
    expect(maskToPolygons(rle)).toEqual([
      [100, 200, 102, 200, 102, 202, 100, 202],
      [29000, 29999, 29001, 29999, 29001, 30000, 29000, 30000],
    ]);
  });

  it('the sparse and the dense lookups trace the same outlines', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 50; round++) {
      const pixels = new Set<number>();
      for (let k = 0; k < 40; k++)
        pixels.add(Math.floor(random() * 30) * 40 + Math.floor(random() * 40));
      const small = maskOf(40, 30, (x, y) => pixels.has(x * 40 + y));
      // The same pixels and one far away, in an image so wide that the mask's bbox holds
      // 8 million pixels: looked up as a set of pixels.
      const counts = Array.from(small.counts);
      const far = 200000 * 40;
      if (counts.length % 2 === 0) counts.push(far - 30 * 40);
      else counts[counts.length - 1]! += far - 30 * 40;
      counts.push(1, 40 * 30 - 1);
      const big = { size: [40, 200030] as [number, number], counts: Uint32Array.from(counts) };
      expect(maskToPolygons(big)).toEqual([
        ...maskToPolygons(small),
        [200000, 0, 200001, 0, 200001, 1, 200000, 1],
      ]);
    }
  });
});
