import { describe, expect, it } from 'vitest';
import { parseCoco } from '../parse/parseCoco';
import { seeded } from '../testing/mutate';
import type { Cells } from './cells';
import { evaluate } from './evaluate';
import {
  evaluateImages,
  matchCell,
  matchScratch,
  orderGroundTruths,
  verdict,
  type ImageEvaluation,
} from './evaluateImages';
import type { DtTable, GtTable } from './prepare';
import { drain } from './steps';
import type { AreaRange } from './types';

/** `evaluateImg` as pycocotools loops: every cell matched at every area range and threshold. */
function everyMatching(
  cells: Cells,
  gt: GtTable,
  dt: DtTable,
  areaRanges: readonly AreaRange[],
  iouThresholds: Float64Array,
): ImageEvaluation {
  const A = areaRanges.length;
  const T = iouThresholds.length;
  const slots = cells.slotDt.length;
  const verdicts = new Uint8Array(A * T * slots);
  const npig = new Int32Array(cells.count * A);
  const s = matchScratch(cells);
  for (let c = 0; c < cells.count; c++) {
    const s0 = cells.slotStart[c]!;
    const D = cells.slotStart[c + 1]! - s0;
    const G = cells.gtStart[c + 1]! - cells.gtStart[c]!;
    for (let a = 0; a < A; a++) {
      const range = areaRanges[a]!;
      npig[c * A + a] = orderGroundTruths(cells, gt, c, range, s);
      for (let t = 0; t < T; t++) {
        if (G > 0 && D > 0) matchCell(cells, c, iouThresholds[t]!, s);
        for (let d = 0; d < D; d++) {
          const area = dt.area[cells.slotDt[s0 + d]!]!;
          const outside = area < range.min || area > range.max;
          const m = G > 0 ? s.match[d]! : -1;
          verdicts[(a * T + t) * slots + s0 + d] = verdict(m, cells, c, s, gt, outside);
        }
      }
    }
  }
  return { verdicts, npig };
}

/**
 * Random boxes on a coarse grid (so that IoUs repeat and fall on the thresholds), of
 * every area range, some crowds and a gt with id 0, several per image and category.
 */
function randomCase(seed: number) {
  const rand = seeded(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const box = () => {
    const size = [2, 4, 8, 40, 80, 120][int(6)]!;
    return [int(8) * 10, int(8) * 10, size + int(3) * 2, size + int(3) * 2];
  };
  const images = [1, 2, 3].map((id) => ({ id, width: 200, height: 200, file_name: `${id}.jpg` }));
  const categories = [1, 2].map((id) => ({ id, name: `c${id}` }));
  const annotations = Array.from({ length: 4 + int(20) }, (_, i) => {
    const bbox = box();
    return {
      id: i === 3 ? 0 : i + 1,
      image_id: 1 + int(3),
      category_id: 1 + int(2),
      bbox,
      area: bbox[2]! * bbox[3]!,
      iscrowd: rand() < 0.15 ? 1 : 0,
    };
  });
  const gt = parseCoco({ images, categories, annotations }).dataset!;
  const results = Array.from({ length: int(40) }, () => {
    const near = annotations[int(annotations.length)]!;
    const b = rand() < 0.7 ? near.bbox.map((v) => v + int(3) * 2) : box();
    return {
      image_id: rand() < 0.8 ? near.image_id : 1 + int(3),
      category_id: rand() < 0.8 ? near.category_id : 1 + int(2),
      bbox: b,
      score: int(5) / 4,
    };
  });
  return { gt, dt: parseCoco(results).dataset! };
}

describe('evaluateImages', () => {
  it('gives the verdicts of matching every area range at every threshold, on random cells', () => {
    let shared = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { gt, dt } = randomCase(seed);
      const { state, params } = evaluate(gt, dt, 'bbox');
      const { cells, geometry } = state;
      const ious = cells.ious;
      // A NaN IoU (which matchCell takes at any threshold) in every fifth case.
      if (seed % 5 === 0 && ious.length > 0) ious[seed % ious.length] = NaN;
      const args = [cells, geometry.gtTable, geometry.dtTable, params.areaRanges] as const;
      const fast = drain(evaluateImages(...args, params.iouThresholds));
      const plain = everyMatching(...args, params.iouThresholds);
      expect(fast.npig, `seed ${seed}`).toEqual(plain.npig);
      expect(fast.verdicts, `seed ${seed}`).toEqual(plain.verdicts);
      // Thresholds out of order share nothing, and still give the same verdicts.
      const shuffled = params.iouThresholds.slice().reverse();
      expect(drain(evaluateImages(...args, shuffled)).verdicts).toEqual(
        everyMatching(...args, shuffled).verdicts,
      );
      shared += cells.ious.length;
    }
    // The cases did compare IoUs (not only empty cells).
    expect(shared).toBeGreaterThan(3000);
  });
});
