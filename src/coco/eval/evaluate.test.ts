import { describe, expect, it } from 'vitest';
import type { Dataset } from '../model';
import { parseCoco } from '../parse/parseCoco';
import { evaluate } from './evaluate';

type Box = [number, number, number, number];
type GtSpec = { image?: number; category?: number; bbox: Box; crowd?: boolean; id?: number };
type DtSpec = { image?: number; category?: number; bbox: Box; score: number };

/** A ground truth of 100 × 100 images and categories 1 and 2, box-only annotations. */
function groundTruth(specs: GtSpec[], images = [1]): Dataset {
  const file = {
    images: images.map((id) => ({ id, width: 100, height: 100, file_name: `${id}.jpg` })),
    categories: [
      { id: 1, name: 'cat' },
      { id: 2, name: 'dog' },
    ],
    annotations: specs.map((s, i) => ({
      id: s.id ?? i + 1,
      image_id: s.image ?? 1,
      category_id: s.category ?? 1,
      bbox: s.bbox,
      area: s.bbox[2] * s.bbox[3],
      iscrowd: s.crowd ? 1 : 0,
      segmentation: [],
    })),
  };
  return parseCoco(file).dataset!;
}

function detections(specs: DtSpec[]): Dataset {
  return parseCoco(
    specs.map((s) => ({
      image_id: s.image ?? 1,
      category_id: s.category ?? 1,
      bbox: s.bbox,
      score: s.score,
    })),
  ).dataset!;
}

/**
 * Summary numbers to 1e-12. A perfect precision is 1 / (1 + eps) = 0.9999999999999998 in
 * pycocotools (its denominators add `np.spacing(1)`), so "1" is that.
 */
function expectNumbers(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(v, `[${i}]`).toBeCloseTo(expected[i]!, 12));
}

/** FPs far from everything, scored `score`. */
const farAway = (n: number, score: number): DtSpec[] =>
  Array.from({ length: n }, () => ({ bbox: [90, 90, 5, 5] as Box, score }));

describe('evaluate, crafted cases (boxes)', () => {
  it('one exact detection: AP 1 where there is ground truth, -1 where there is none', () => {
    // Area 400 is "small": medium and large have no ground truth.
    const r = evaluate(
      groundTruth([{ bbox: [10, 10, 20, 20] }]),
      detections([{ bbox: [10, 10, 20, 20], score: 0.9 }]),
      'bbox',
    );
    expectNumbers(r.stats, [1, 1, 1, 1, -1, -1, 1, 1, 1, 1, -1, -1]);
    expect(r.categoryAp[0]).toBeCloseTo(1, 12);
    expect(r.categoryAp[1]).toBe(-1);
  });

  it('detections on a crowd region are ignored, and a crowd can absorb several', () => {
    const gt = groundTruth([{ bbox: [0, 0, 10, 10] }, { bbox: [50, 50, 40, 40], crowd: true }]);
    const dt = detections([
      { bbox: [0, 0, 10, 10], score: 0.9 },
      // Inside the crowd: IoU against a crowd is intersection / detection area = 1.
      { bbox: [55, 55, 10, 10], score: 0.8 },
      { bbox: [70, 70, 10, 10], score: 0.7 },
    ]);
    const r = evaluate(gt, dt, 'bbox');
    expect(r.stats[0]).toBeCloseTo(1, 12);
    expect(Array.from(r.matches.dtStatus)).toEqual([1, 3, 3]);
    expect(Array.from(r.matches.dtGt)).toEqual([0, 1, 1]);
    expect(Array.from(r.matches.gtStatus)).toEqual([1, 3]);
    // The same region as a regular object: both are false positives (IoU 100/1600).
    const plain = groundTruth([{ bbox: [0, 0, 10, 10] }, { bbox: [50, 50, 40, 40] }]);
    const p = evaluate(plain, dt, 'bbox');
    expect(Array.from(p.matches.dtStatus)).toEqual([1, 2, 2]);
    // One tp then two fps over 2 objects: precision 1 up to recall .5, then nothing.
    expect(p.stats[0]).toBeCloseTo(51 / 101, 12);
  });

  it('a detection on a regular object and a crowd prefers the regular object', () => {
    const gt = groundTruth([{ bbox: [50, 50, 40, 40], crowd: true }, { bbox: [50, 50, 20, 20] }]);
    const r = evaluate(gt, detections([{ bbox: [50, 50, 20, 20], score: 0.9 }]), 'bbox');
    expect(Array.from(r.matches.dtStatus)).toEqual([1]);
    expect(Array.from(r.matches.dtGt)).toEqual([1]);
  });

  it('an unmatched detection outside an area range is ignored there', () => {
    // A medium object (area 2000) found, and a small false positive scored higher.
    const gt = groundTruth([{ bbox: [10, 10, 40, 50] }]);
    const dt = detections([
      { bbox: [80, 80, 10, 10], score: 0.9 },
      { bbox: [10, 10, 40, 50], score: 0.8 },
    ]);
    const r = evaluate(gt, dt, 'bbox');
    // all: fp then tp, precision .5 at every recall; medium: the fp is ignored.
    expectNumbers(r.stats.slice(0, 6), [0.5, 0.5, 0.5, -1, 1, -1]);
    // AR@1 keeps only the best-scored detection: the fp.
    expectNumbers(r.stats.slice(6), [0, 1, 1, -1, 1, -1]);
  });

  it('equal scores keep file order within an image', () => {
    const gt = groundTruth([{ bbox: [10, 10, 20, 20] }]);
    const fpFirst = detections([
      { bbox: [70, 70, 20, 20], score: 0.5 },
      { bbox: [10, 10, 20, 20], score: 0.5 },
    ]);
    const tpFirst = detections([
      { bbox: [10, 10, 20, 20], score: 0.5 },
      { bbox: [70, 70, 20, 20], score: 0.5 },
    ]);
    // fp, tp: precision .5 at recall 1; tp, fp: precision 1 at recall 1.
    expect(evaluate(gt, fpFirst, 'bbox').stats[0]).toBeCloseTo(0.5, 12);
    expect(evaluate(gt, tpFirst, 'bbox').stats[0]).toBeCloseTo(1, 12);
  });

  it('equal scores across images keep image-id order, whatever the file order', () => {
    const gt = groundTruth(
      [
        { image: 1, bbox: [10, 10, 20, 20] },
        { image: 2, bbox: [10, 10, 20, 20] },
      ],
      [2, 1],
    );
    // The file lists image 2's true positive first; pycocotools concatenates by image id,
    // so image 1's false positive comes first: precision .5 up to recall .5.
    const dt = detections([
      { image: 2, bbox: [10, 10, 20, 20], score: 0.5 },
      { image: 1, bbox: [70, 70, 20, 20], score: 0.5 },
    ]);
    expect(evaluate(gt, dt, 'bbox').stats[0]).toBeCloseTo((0.5 * 51) / 101, 12);
  });

  it('keeps only the 100 best-scored detections per image and category', () => {
    const gt = groundTruth([{ bbox: [10, 10, 20, 20] }]);
    const tp: DtSpec = { bbox: [10, 10, 20, 20], score: 0.1 };
    const dropped = evaluate(gt, detections([...farAway(100, 0.9), tp]), 'bbox');
    expect(dropped.stats[0]).toBe(0);
    expect(dropped.skipped.beyondMaxDets).toBe(1);
    expect(dropped.matches.dtStatus[100]).toBe(0);
    const kept = evaluate(gt, detections([...farAway(99, 0.9), tp]), 'bbox');
    // The tp is the 100th: precision 1/100 at recall 1; AR@10 misses it, AR@100 has it.
    expect(kept.stats[0]).toBeCloseTo(0.01, 12);
    expectNumbers(kept.stats.slice(6, 9), [0, 0, 1]);
  });

  it('treats a match to a ground truth with id 0 as no match, as pycocotools does', () => {
    const gt = groundTruth([{ bbox: [10, 10, 20, 20], id: 0 }]);
    const r = evaluate(gt, detections([{ bbox: [10, 10, 20, 20], score: 0.9 }]), 'bbox');
    expect(r.stats[0]).toBe(0);
    expect(r.matches.dtStatus[0]).toBe(2);
  });

  it('reports progress up to the total', () => {
    const calls: [number, number][] = [];
    evaluate(groundTruth([{ bbox: [1, 1, 5, 5] }]), detections([]), 'bbox', {
      onProgress: (done, total) => calls.push([done, total]),
    });
    const last = calls[calls.length - 1]!;
    expect(last[0]).toBe(last[1]);
  });
});

describe('evaluate, segm from box results', () => {
  it("draws a box result as loadRes' polygon of the box", () => {
    const gt = parseCoco({
      images: [{ id: 1, width: 50, height: 40, file_name: 'a.jpg' }],
      categories: [{ id: 1, name: 'a' }],
      annotations: [
        {
          id: 1,
          image_id: 1,
          category_id: 1,
          segmentation: [[10, 10, 30, 10, 30, 30, 10, 30]],
          area: 400,
          bbox: [10, 10, 20, 20],
          iscrowd: 0,
        },
      ],
    }).dataset!;
    const dt = parseCoco([
      { image_id: 1, category_id: 1, bbox: [10, 10, 20, 20], score: 1 },
    ]).dataset!;
    const r = evaluate(gt, dt, 'segm');
    expect(r.matches.dtIou[0]).toBe(1);
    expect(r.stats[0]).toBeCloseTo(1, 12);
  });
});
