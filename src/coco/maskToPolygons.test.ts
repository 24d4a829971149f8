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
});
