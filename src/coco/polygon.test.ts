import { describe, expect, it } from 'vitest';
import { bboxToRle, MAX_OUTLINE_STEPS, polygonsToRle, polygonToRle } from './polygon';
import { rleToString, type Rle } from './rle';
import { readCorpusJson } from './testing/corpus';
import { seeded } from './testing/mutate';
import { annToRleOfPolygons, rleFrBbox, rleFrPoly } from './testing/pycocotoolsOracle';
import { randomPolygon } from './testing/randomShapes';

type PolygonVector = { height: number; width: number; polygons: number[][]; counts: string };

function same(a: Rle, b: Rle): boolean {
  if (a.size[0] !== b.size[0] || a.size[1] !== b.size[1]) return false;
  if (a.counts.length !== b.counts.length) return false;
  for (let i = 0; i < a.counts.length; i++) if (a.counts[i] !== b.counts[i]) return false;
  return true;
}

/** Compares without vitest's deep equality in the loop (slow); reports the input on failure. */
function expectSame(got: Rle, want: Rle, input: unknown): void {
  if (!same(got, want)) {
    expect({ input, size: got.size, counts: Array.from(got.counts) }).toEqual({
      input,
      size: want.size,
      counts: Array.from(want.counts),
    });
  }
}

describe('the pycocotools oracle', () => {
  it("equals pycocotools' reference masks (so equality with it is equality with pycocotools)", () => {
    for (const v of readCorpusJson<PolygonVector[]>('reference/polygons.json')) {
      expect(rleToString(annToRleOfPolygons(v.polygons, v.height, v.width))).toBe(v.counts);
    }
  });
});

describe('polygonToRle equals rleFrPoly bit for bit', () => {
  it('on 20,000 random polygons, small images and (one in ten) large ones', () => {
    const rand = seeded(12345);
    for (let i = 0; i < 20000; i++) {
      const w = 1 + Math.floor(rand() * (i % 10 === 0 ? 700 : 60));
      const h = 1 + Math.floor(rand() * (i % 10 === 0 ? 500 : 60));
      const poly = randomPolygon(rand, w, h);
      expectSame(polygonToRle(poly, h, w), rleFrPoly(poly, h, w), { poly, h, w });
    }
  });

  it('on sizes the parser never makes: empty, fractional, past 2^32 pixels, NaN', () => {
    const rand = seeded(99);
    const sizes: [number, number][] = [
      [0, 20],
      [20, 0],
      [0, 0],
      [2.5, 40],
      [7.5, 20.5],
      [40, 2.5],
      [-3, 10],
      [10, -3],
      [NaN, 10],
    ];
    for (const [h, w] of sizes) {
      for (let i = 0; i < 300; i++) {
        const poly = randomPolygon(rand, 40, 40);
        expectSame(polygonToRle(poly, h, w), rleFrPoly(poly, h, w), { poly, h, w });
      }
    }
    // 50,000 × 100,000: positions x·h + y wrap past 2^32 at column 85,899.
    for (const x0 of [85890, 85895, 99990]) {
      const poly = [x0, 10, x0 + 5, 40000, x0 + 20, 20, x0 + 3, 49999.7];
      expectSame(polygonToRle(poly, 50000, 100000), rleFrPoly(poly, 50000, 100000), { x0 });
    }
  });

  it('on coordinates that are not finite, odd lengths and degenerate outlines', () => {
    const cases = [
      [NaN, 1, 5, 5, 1, 5],
      [Infinity, 1, 5, 5, -Infinity, 5],
      [1, 1, 5, 5, 1],
      [3, 3],
      [3, 3, 3, 3, 3, 3],
      [2.5, 0, 2.5, 9, 2.5, 4],
      [-4.3, -2, -0.1, 7, -2, 3],
    ];
    for (const poly of cases) expectSame(polygonToRle(poly, 8, 9), rleFrPoly(poly, 8, 9), poly);
  });

  it('on many-vertex polygons with thousands of crossings, and on small ones after them', () => {
    const rand = seeded(5);
    for (let i = 0; i < 20; i++) {
      const n = 200 + Math.floor(rand() * 800);
      const star: number[] = [];
      for (let j = 0; j < n; j++) {
        const a = (2 * Math.PI * j) / n;
        const r = j % 2 === 0 ? 300 : 20 + rand() * 200;
        star.push(320 + r * Math.cos(a), 240 + r * Math.sin(a));
      }
      expectSame(polygonToRle(star, 480, 640), rleFrPoly(star, 480, 640), { i });
      const small = randomPolygon(rand, 30, 20);
      expectSame(polygonToRle(small, 20, 30), rleFrPoly(small, 20, 30), small);
    }
    // A zigzag across the image: more crossings (and runs) than the scratch keeps, 2^16.
    const zigzag: number[] = [];
    for (let j = 0; j < 160; j++) zigzag.push(j % 2 === 0 ? -1 : 641, 1 + j * 2.9);
    expectSame(polygonToRle(zigzag, 480, 640), rleFrPoly(zigzag, 480, 640), 'zigzag');
    expect(polygonToRle(zigzag, 480, 640).counts.length).toBeGreaterThan(2 ** 16);
    const small = randomPolygon(rand, 30, 20);
    expectSame(polygonToRle(small, 20, 30), rleFrPoly(small, 20, 30), small);
  });

  it('refuses an outline too long to walk, as the oracle does', () => {
    const huge = [0, 0, 1e8, 0, 1e8, 1e8];
    expect(() => rleFrPoly(huge, 10, 10)).toThrow(RangeError);
    expect(() => polygonToRle(huge, 10, 10)).toThrow(/too long to rasterize/);
    // Just inside the limit, it is rasterized: the same mask on this image as a short line.
    const long = [0, 0, 3e6, 0];
    expect(2 * (5 * 3e6 + 1)).toBeLessThan(MAX_OUTLINE_STEPS);
    expectSame(polygonToRle(long, 10, 10), rleFrPoly([0, 0, 20, 0], 10, 10), long);
  });
});

describe('polygonsToRle and bboxToRle equal annToRLE and rleFrBbox', () => {
  it('for several parts', () => {
    const rand = seeded(7);
    for (let i = 0; i < 2000; i++) {
      const parts = [randomPolygon(rand, 50, 40), randomPolygon(rand, 50, 40)];
      expectSame(polygonsToRle(parts, 40, 50), annToRleOfPolygons(parts, 40, 50), parts);
    }
  });

  it('for boxes, and the quirk of a first part of 4 numbers making every part a box', () => {
    const rand = seeded(8);
    for (let i = 0; i < 500; i++) {
      const box = [rand() * 60 - 5, rand() * 50 - 5, rand() * 30, rand() * 30];
      expectSame(bboxToRle(box, 40, 50), rleFrBbox(box, 40, 50), box);
    }
    const quirks = [
      [
        [3.2, 4.7, 10.1, 5.5],
        [20, 1, 3, 30],
      ],
      [
        [3.2, 4.7, 10.1, 5.5],
        [20, 1, 3],
      ],
      [[3.2, 4.7, 10.1, 5.5]],
      [[1, 2]],
      [],
    ];
    for (const parts of quirks) {
      expectSame(polygonsToRle(parts, 40, 50), annToRleOfPolygons(parts, 40, 50), parts);
    }
  });

  it('returns fresh counts: a mask changed by its caller does not change the next one', () => {
    const poly = [1, 1, 9, 1, 9, 7];
    const a = polygonsToRle([poly], 8, 10);
    a.counts.fill(0);
    expect(polygonsToRle([poly], 8, 10)).toEqual(rleFrPoly(poly, 8, 10));
  });
});
