import { describe, expect, it } from 'vitest';
import { parseCoco } from '../parse/parseCoco';
import { evaluate } from './evaluate';

/** 17 keypoints, all unlabeled (0, 0, 0) but those given as index → [x, y, v]. */
function keypoints(set: Record<number, [number, number, number]>): number[] {
  const out = new Array<number>(51).fill(0);
  for (const [i, p] of Object.entries(set)) out.splice(Number(i) * 3, 3, ...p);
  return out;
}

const gt = parseCoco({
  images: [{ id: 1, width: 200, height: 200, file_name: 'a.jpg' }],
  categories: [{ id: 1, name: 'person', keypoints: [], skeleton: [] }],
  annotations: [
    {
      // Two labeled keypoints; area 10000 is "large".
      id: 1,
      image_id: 1,
      category_id: 1,
      keypoints: keypoints({ 0: [10, 10, 2], 1: [20, 10, 2] }),
      num_keypoints: 2,
      area: 10000,
      bbox: [5, 5, 20, 10],
      iscrowd: 0,
    },
    {
      // No labeled keypoint: ignored (num_keypoints 0), matched by the box-distance rule.
      id: 2,
      image_id: 1,
      category_id: 1,
      keypoints: keypoints({}),
      num_keypoints: 0,
      area: 900,
      bbox: [150, 150, 30, 30],
      iscrowd: 0,
    },
  ],
}).dataset!;

const dt = parseCoco([
  // Keypoint 0 off by (3, 4), keypoint 1 exact; the others at (0, 0), unlabeled in the gt.
  {
    image_id: 1,
    category_id: 1,
    keypoints: keypoints({ 0: [13, 14, 1], 1: [20, 10, 1] }),
    score: 0.9,
  },
  // Every keypoint inside the second gt's box grown by its size: distance 0, OKS 1.
  {
    image_id: 1,
    category_id: 1,
    keypoints: Array.from({ length: 17 }, () => [160, 160, 1]).flat(),
    score: 0.8,
  },
]).dataset!;

describe('evaluate keypoints (OKS)', () => {
  const r = evaluate(gt, dt, 'keypoints');

  it('computes OKS as pycocotools: mean over labeled keypoints of exp(-d² / (2σ)² / (area + eps) / 2)', () => {
    // σ₀ = .026, (2σ₀)² = .002704: e₀ = 25 / .002704 / 10000 / 2 = 0.462278, exp(-e₀) = 0.629847;
    // keypoint 1 is exact (exp 0 = 1): OKS = (0.629847 + 1) / 2 = 0.814924.
    const e0 = 25 / (0.052 * 0.052) / (10000 + 2 ** -52) / 2;
    expect(r.matches.dtIou[0]).toBeCloseTo((Math.exp(-e0) + 1) / 2, 14);
    expect(r.matches.dtIou[0]).toBeCloseTo(0.814924, 6);
    // The second detection matched the ignored gt: ignored, as is that gt.
    expect(Array.from(r.matches.dtStatus)).toEqual([1, 3]);
    expect(Array.from(r.matches.gtStatus)).toEqual([1, 3]);
  });

  it('gives the 10 keypoint summary numbers', () => {
    // OKS 0.815 passes the thresholds .50 … .80 (7 of 10) and fails .85, .90, .95:
    // AP = AR = 7/10; at .5 and .75 everything is found. No medium object: -1.
    const expected = [0.7, 1, 1, -1, 0.7, 0.7, 1, 1, -1, 0.7];
    expect(r.stats).toHaveLength(10);
    r.stats.forEach((v, i) => expect(v, `stats[${i}]`).toBeCloseTo(expected[i]!, 12));
    expect(r.summary.map((s) => s.maxDets)).toEqual(new Array(10).fill(20));
  });

  it("reads keypoint results as loadRes does: area and box from the keypoints' extent", () => {
    const { dtTable } = r.state.geometry;
    // Keypoints span (0, 0) … (20, 14): the unlabeled ones at (0, 0) count.
    expect(dtTable.area[0]).toBe(20 * 14);
    expect(Array.from(dtTable.bbox.subarray(0, 4))).toEqual([0, 0, 20, 14]);
  });
});
