import { describe, expect, it } from 'vitest';
import { parseCoco } from '../parse/parseCoco';
import { confusionMatrix, evaluate, matchDetections } from './evaluate';
import { DetectionStatus as D, GroundTruthStatus as G } from './types';

const box = (x: number, y: number, w: number, h: number) => [x, y, w, h];

/** One 100 × 100 image, categories 1 (cat) and 2 (dog). */
const gt = parseCoco({
  images: [{ id: 1, width: 100, height: 100, file_name: 'a.jpg' }],
  categories: [
    { id: 1, name: 'cat' },
    { id: 2, name: 'dog' },
  ],
  annotations: [
    { id: 1, image_id: 1, category_id: 1, bbox: box(0, 0, 10, 10), area: 100, iscrowd: 0 },
    { id: 2, image_id: 1, category_id: 1, bbox: box(50, 50, 10, 10), area: 100, iscrowd: 0 },
    { id: 3, image_id: 1, category_id: 1, bbox: box(80, 80, 20, 20), area: 400, iscrowd: 1 },
  ],
}).dataset!;

const dt = parseCoco([
  // 0: finds gt 0.
  { image_id: 1, category_id: 1, bbox: box(0, 0, 10, 10), score: 0.9 },
  // 1: a duplicate of gt 0 (IoU 81/119 = 0.68), which is taken.
  { image_id: 1, category_id: 1, bbox: box(1, 1, 10, 10), score: 0.8 },
  // 2: inside the crowd region.
  { image_id: 1, category_id: 1, bbox: box(82, 82, 5, 5), score: 0.7 },
  // 3: on gt 1 (a cat), but says dog.
  { image_id: 1, category_id: 2, bbox: box(50, 50, 10, 10), score: 0.6 },
  // 4: a category the ground truth does not have.
  { image_id: 1, category_id: 99, bbox: box(0, 0, 10, 10), score: 0.5 },
]).dataset!;

describe('matches for the UI', () => {
  const r = evaluate(gt, dt, 'bbox');

  it('marks each detection and ground truth at IoU 0.5', () => {
    const m = r.matches;
    expect(m.threshold).toBe(0.5);
    expect(Array.from(m.dtStatus)).toEqual([
      D.truePositive,
      D.falsePositive,
      D.ignored,
      D.falsePositive,
      D.notEvaluated,
    ]);
    expect(Array.from(m.dtGt)).toEqual([0, -1, 2, -1, -1]);
    expect(m.dtIou[0]).toBe(1);
    expect(m.dtIou[1]).toBeCloseTo(81 / 119, 14);
    expect(m.dtIou[2]).toBe(1);
    expect(m.dtIou[3]).toBe(0);
    expect(m.dtIou[4]).toBeNaN();
    expect(Array.from(m.gtStatus)).toEqual([G.matched, G.missed, G.ignored]);
    expect(Array.from(m.gtDt)).toEqual([0, -1, -1]);
    expect(m.counts).toEqual({
      truePositives: 1,
      falsePositives: 2,
      ignoredDetections: 1,
      notEvaluatedDetections: 1,
      matchedGroundTruths: 1,
      missedGroundTruths: 1,
      ignoredGroundTruths: 1,
    });
  });

  it('matches again at any threshold without evaluating again', () => {
    // At 0.6 the duplicate still loses to the first; at 0.3, too: gt 0 is taken.
    const low = matchDetections(r.state, 0.3);
    expect(Array.from(low.dtStatus.subarray(0, 4))).toEqual([1, 2, 3, 2]);
    // With the first detection gone, the duplicate would match at 0.6 but not at 0.7.
    const second = evaluate(gt, parseCoco([dt.annotations.at(1)!.file]).dataset!, 'bbox');
    expect(matchDetections(second.state, 0.6).dtStatus[0]).toBe(D.truePositive);
    expect(matchDetections(second.state, 0.7).dtStatus[0]).toBe(D.falsePositive);
  });
});

describe('confusion matrix', () => {
  it('counts true positives on the diagonal, confusions off it, the rest against background', () => {
    const c = evaluate(gt, dt, 'bbox').confusion;
    expect(c.categoryIds).toEqual([1, 2]);
    // rows: gt cat, gt dog, background; columns: dt cat, dt dog, background.
    // cat→cat 1 (dt 0); gt 1 (cat) ← dt 3 (dog); dt 1 (cat duplicate) → background;
    // dt 2 (crowd) and the crowd gt are not counted; no gt is left missed.
    expect(Array.from(c.counts)).toEqual([1, 1, 0, 0, 0, 0, 1, 0, 0]);
  });

  it('answers any threshold: a confusion at 0.5 is background and a miss at 0.6', () => {
    const shifted = parseCoco([
      { image_id: 1, category_id: 2, bbox: box(53, 50, 10, 10), score: 0.6 },
    ]).dataset!;
    // IoU 70/130 = 0.54: a confusion at 0.5, not at 0.6.
    const s = evaluate(gt, shifted, 'bbox');
    expect(Array.from(confusionMatrix(s.state, 0.5).counts)).toEqual([0, 1, 1, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(confusionMatrix(s.state, 0.6).counts)).toEqual([0, 0, 2, 0, 0, 0, 0, 1, 0]);
  });
});
