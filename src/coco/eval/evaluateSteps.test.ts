/**
 * `evaluateSteps` does its work a little at a time, its preparation included: the engine
 * answers other requests (an image switch) between steps, so no step may read the
 * datasets' records many thousands at a time. Work is counted as records read.
 */
import { describe, expect, it } from 'vitest';
import type { AnnotationRecord, AnnotationTable, Dataset } from '../model';
import { parseCoco } from '../parse/parseCoco';
import { evaluate, evaluateSteps } from './evaluate';

const IMAGES = 900;
const PER_IMAGE = 10;

/** A small square polygon at (x, y) in a 32 × 32 image. */
const square = (x: number, y: number, size: number) => [
  [x, y, x + size, y, x + size, y + size, x, y + size],
];

function groundTruth(): Dataset {
  const annotations = [];
  for (let i = 0; i < IMAGES; i++)
    for (let j = 0; j < PER_IMAGE; j++)
      annotations.push({
        id: annotations.length + 1,
        image_id: i + 1,
        category_id: 1 + (j % 2),
        bbox: [3 * j, j, 6, 6],
        area: 36,
        iscrowd: 0,
        segmentation: square(3 * j, j, 6),
      });
  return parseCoco({
    images: Array.from({ length: IMAGES }, (_, i) => ({
      id: i + 1,
      width: 32,
      height: 32,
      file_name: `${i + 1}.jpg`,
    })),
    categories: [
      { id: 1, name: 'cat' },
      { id: 2, name: 'dog' },
    ],
    annotations,
  }).dataset!;
}

/** Segm results: each ground truth found one pixel off, with varied scores. */
function detections(): Dataset {
  const results = [];
  for (let i = 0; i < IMAGES; i++)
    for (let j = 0; j < PER_IMAGE; j++)
      results.push({
        image_id: i + 1,
        category_id: 1 + (j % 2),
        segmentation: square(3 * j + 1, j, 6),
        score: ((i * PER_IMAGE + j) % 97) / 97,
      });
  return parseCoco(results).dataset!;
}

/** The dataset with its records' reads counted in `count.reads`. */
function counted(dataset: Dataset, count: { reads: number }): Dataset {
  const inner = dataset.annotations;
  const table: AnnotationTable = {
    length: inner.length,
    at(index: number): AnnotationRecord | undefined {
      count.reads++;
      return inner.at(index);
    },
    *[Symbol.iterator]() {
      for (let i = 0; i < inner.length; i++) yield table.at(i)!;
    },
  };
  return { ...dataset, annotations: table };
}

describe('evaluateSteps', () => {
  it('reads a few thousand records per step at most, preparation included, for the same numbers', () => {
    const gt = groundTruth();
    const dt = detections();
    const count = { reads: 0 };
    const steps = evaluateSteps(counted(gt, count), counted(dt, count), 'segm');
    let most = 0;
    let stepCount = 0;
    for (;;) {
      const before = count.reads;
      const step = steps.next();
      most = Math.max(most, count.reads - before);
      stepCount++;
      if (step.done === true) {
        expect(step.value.stats).toEqual(evaluate(gt, dt, 'segm').stats);
        break;
      }
    }
    // Every record is read several times over (tables, mask sizes, hints, masks)...
    expect(count.reads).toBeGreaterThan(3 * (gt.annotations.length + dt.annotations.length));
    // ...but a few thousand at once at most (one pass's step, the end of the pass before it):
    // the preparation in one step read 54k.
    expect(most).toBeLessThanOrEqual(2 * 4096);
    expect(stepCount).toBeGreaterThan(IMAGES / 8);
  });
});
