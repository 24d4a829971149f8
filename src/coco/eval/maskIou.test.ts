import { describe, expect, it } from 'vitest';
import { polygonToRle, rleFromString, type Rle } from '../mask';
import { bboxIou, rleIou } from '../overlap';
import { readCorpusJson } from '../testing/corpus';
import { boxIou } from './iou';
import { hintColumns, maskPairIou, maskSide, setMask } from './maskIou';

type IouVector = {
  height: number;
  width: number;
  dt: string[];
  gt: string[];
  iscrowd: (number | boolean)[];
  iou: number[][];
};

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

/** Sides holding the given masks, made on demand (so hints are used first). */
function sides(dts: Rle[], gts: Rle[]) {
  const side = (masks: Rle[]) =>
    maskSide(
      (p) => masks[p]!,
      Int32Array.from(masks, (m) => m.size[0]),
      Int32Array.from(masks, (m) => m.size[1]),
    );
  const dt = side(dts);
  const gt = side(gts);
  return { dt, gt };
}

describe('maskPairIou', () => {
  it("equals pycocotools' reference IoUs", () => {
    for (const v of readCorpusJson<IouVector[]>('reference/iou.json')) {
      const dts = v.dt.map((c) => rleFromString(c, v.height, v.width));
      const gts = v.gt.map((c) => rleFromString(c, v.height, v.width));
      const { dt, gt } = sides(dts, gts);
      dts.forEach((_, d) =>
        gts.forEach((_, g) => {
          expect(maskPairIou(dt, d, gt, g, Boolean(v.iscrowd[g]))).toBe(v.iou[d]![g]);
        }),
      );
    }
  });

  it('equals rleIou on random masks: polygons with hints, zero runs, empty, other sizes', () => {
    const rand = rng(42);
    const polygon = (w: number, h: number): number[] => {
      const out: number[] = [];
      const cx = rand() * w;
      const cy = rand() * h;
      const r = 1 + rand() * w * 0.5;
      for (let i = 0, n = 3 + Math.floor(rand() * 9); i < n; i++) {
        out.push(cx + (rand() - 0.5) * 2 * r, cy + (rand() - 0.5) * 2 * r);
      }
      return out;
    };
    // Runs with zero-length runs among them (as uncompressed files can have).
    const oddRuns = (h: number, w: number): Rle => {
      const counts: number[] = [];
      let left = h * w;
      while (left > 0) {
        const run = Math.min(left, rand() < 0.2 ? 0 : Math.floor(rand() * 30));
        counts.push(run);
        left -= run;
      }
      return { size: [h, w], counts: Uint32Array.from(counts) };
    };
    for (let trial = 0; trial < 300; trial++) {
      const w = 5 + Math.floor(rand() * 40);
      const h = 5 + Math.floor(rand() * 40);
      const polys = Array.from({ length: 6 }, () => polygon(w, h));
      const gts: Rle[] = polys.map((p) => polygonToRle(p, h, w));
      gts.push(oddRuns(h, w), { size: [h, w], counts: Uint32Array.of(h * w) });
      const dts: Rle[] = Array.from({ length: 5 }, () => polygonToRle(polygon(w, h), h, w));
      dts.push(oddRuns(h, w), polygonToRle(polygon(w, h + 1), h + 1, w));
      const { dt, gt } = sides(dts, gts);
      polys.forEach((p, g) => {
        const xs = p.filter((_, i) => i % 2 === 0);
        hintColumns(gt, g, Math.min(...xs), Math.max(...xs));
      });
      setMask(dt, 0, dts[0]!);
      for (let d = 0; d < dts.length; d++) {
        for (let g = 0; g < gts.length; g++) {
          for (const crowd of [false, true]) {
            const want = rleIou([dts[d]!], [gts[g]!], [crowd])[0]![0]!;
            expect(maskPairIou(dt, d, gt, g, crowd)).toBe(want);
          }
        }
      }
    }
  });

  it('ends on runs that do not add up to the size (where pycocotools would not)', () => {
    const a: Rle = { size: [4, 4], counts: Uint32Array.of(2, 20) };
    const b: Rle = { size: [4, 4], counts: Uint32Array.of(1, 3, 12) };
    const { dt, gt } = sides([a], [b]);
    const v = maskPairIou(dt, 0, gt, 0, false);
    expect(v).toBeGreaterThan(0);
    expect(v).toBeLessThanOrEqual(1);
  });
});

describe('boxIou', () => {
  it('equals the mask API bboxIou, crowd or not', () => {
    const rand = rng(5);
    const boxes = Float64Array.from({ length: 4 * 400 }, (_, i) =>
      i % 4 < 2 ? rand() * 100 - 10 : rand() < 0.05 ? 0 : rand() * 60,
    );
    for (let d = 0; d < 200; d++) {
      for (let g = 200; g < 400; g += 7) {
        for (const crowd of [false, true]) {
          const D = Array.from(boxes.subarray(4 * d, 4 * d + 4));
          const G = Array.from(boxes.subarray(4 * g, 4 * g + 4));
          expect(boxIou(boxes, d, boxes, g, crowd)).toBe(bboxIou([D], [G], [crowd])[0]![0]);
        }
      }
    }
  });
});
