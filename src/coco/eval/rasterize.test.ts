import { describe, expect, it } from 'vitest';
import { polygonToRle, polygonsToRle, rleFromString, rleToString } from '../mask';
import { decodeRleString } from './decode';
import { readCorpusJson } from '../testing/corpus';
import { rasterizePolygon, rasterizePolygons } from './rasterize';

type PolygonVector = { height: number; width: number; polygons: number[][]; counts: string };

/** A small seeded generator (mulberry32), so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random polygons of every awkward kind: off the image, on .1/.3/.5 steps, repeated vertices. */
function randomPolygon(rand: () => number, w: number, h: number): number[] {
  const n = 1 + Math.floor(rand() * 40);
  const kind = Math.floor(rand() * 5);
  const cx = -0.3 * w + rand() * 1.6 * w;
  const cy = -0.3 * h + rand() * 1.6 * h;
  const r = 0.5 + rand() * Math.max(w, h) * (kind === 4 ? 1.5 : 0.4);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let x = cx + (rand() - 0.5) * 2 * r;
    let y = cy + (rand() - 0.5) * 2 * r;
    if (kind === 1) [x, y] = [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
    if (kind === 2) [x, y] = [Math.round(x), Math.round(y)];
    if (kind === 3 && i > 0 && rand() < 0.4) [x, y] = [out[out.length - 2]!, out[out.length - 1]!];
    out.push(x, y);
  }
  return out;
}

describe('rasterizePolygon', () => {
  it("equals pycocotools' reference masks", () => {
    for (const v of readCorpusJson<PolygonVector[]>('reference/polygons.json')) {
      expect(rleToString(rasterizePolygons(v.polygons, v.height, v.width))).toBe(v.counts);
    }
  });

  it('equals polygonToRle bit for bit on 20,000 random polygons', () => {
    const rand = rng(12345);
    for (let i = 0; i < 20000; i++) {
      const w = 1 + Math.floor(rand() * (i % 10 === 0 ? 700 : 60));
      const h = 1 + Math.floor(rand() * (i % 10 === 0 ? 500 : 60));
      const poly = randomPolygon(rand, w, h);
      const want = polygonToRle(poly, h, w);
      const got = rasterizePolygon(poly, h, w);
      if (rleToString(got) !== rleToString(want)) {
        expect({ poly, w, h, got: Array.from(got.counts) }).toEqual({
          poly,
          w,
          h,
          got: Array.from(want.counts),
        });
      }
    }
  });

  it('equals polygonsToRle for several parts and for the 4-number box quirk', () => {
    const rand = rng(7);
    for (let i = 0; i < 2000; i++) {
      const parts = [randomPolygon(rand, 50, 40), randomPolygon(rand, 50, 40)];
      expect(rasterizePolygons(parts, 40, 50)).toEqual(polygonsToRle(parts, 40, 50));
    }
    const boxes = [
      [3.2, 4.7, 10.1, 5.5],
      [20, 1, 3, 30],
    ];
    expect(rasterizePolygons(boxes, 40, 50)).toEqual(polygonsToRle(boxes, 40, 50));
    expect(rasterizePolygons([[1, 2]], 4, 5)).toEqual(polygonsToRle([[1, 2]], 4, 5));
    expect(rasterizePolygons([], 4, 5)).toEqual(polygonsToRle([], 4, 5));
  });

  it('refuses an outline too long to walk, as polygonToRle does', () => {
    const huge = [0, 0, 1e8, 0, 1e8, 1e8];
    expect(() => polygonToRle(huge, 10, 10)).toThrow(RangeError);
    expect(() => rasterizePolygon(huge, 10, 10)).toThrow(RangeError);
  });
});

describe('decodeRleString', () => {
  it('equals rleFromString on reference, random and truncated strings', () => {
    const rand = rng(3);
    const strings: string[] = readCorpusJson<PolygonVector[]>('reference/polygons.json').map(
      (v) => v.counts,
    );
    for (let i = 0; i < 3000; i++) {
      const w = 1 + Math.floor(rand() * 80);
      const h = 1 + Math.floor(rand() * 80);
      strings.push(rleToString(polygonToRle(randomPolygon(rand, w, h), h, w)));
      let junk = '';
      for (let j = Math.floor(rand() * 12); j > 0; j--) {
        junk += String.fromCharCode(48 + Math.floor(rand() * 64));
      }
      strings.push(junk);
    }
    for (const s of strings) {
      expect(decodeRleString(s, 7, 9)).toEqual(rleFromString(s, 7, 9));
    }
  });
});
