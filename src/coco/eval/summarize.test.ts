import { describe, expect, it } from 'vitest';
import { seeded } from '../testing/mutate';
import type { Accumulated } from './accumulate';
import { numpyMean } from './numeric';
import { catalogOf, paramsOf } from './params';
import { parseCoco } from '../parse/parseCoco';
import { categoryAp, summarize } from './summarize';
import type { EvalParams } from './types';

/** `_summarize` as numpy slices: `s[t, :, :, aind, mind]` in C order, values > -1 averaged. */
function literalSummary(acc: Accumulated, params: EvalParams): number[] {
  const T = params.iouThresholds.length;
  const R = params.recallThresholds.length;
  const K = params.categoryIds.length;
  const A = params.areaRanges.length;
  const M = params.maxDets.length;
  return summarize(acc, params).map((line) => {
    const values: number[] = [];
    const as = params.areaRanges.flatMap((r, a) => (r.label === line.area ? [a] : []));
    const ms = params.maxDets.flatMap((m, i) => (m === line.maxDets ? [i] : []));
    const pairs = Math.min(as.length, ms.length);
    for (let t = 0; t < T; t++) {
      if (line.iou !== null && params.iouThresholds[t] !== line.iou) continue;
      for (let r = 0; r < (line.metric === 'AP' ? R : 1); r++) {
        for (let k = 0; k < K; k++) {
          for (let j = 0; j < pairs; j++) {
            const v =
              line.metric === 'AP'
                ? acc.precision[(((t * R + r) * K + k) * A + as[j]!) * M + ms[j]!]!
                : acc.recall[((t * K + k) * A + as[j]!) * M + ms[j]!]!;
            if (v > -1) values.push(v);
          }
        }
      }
    }
    return values.length === 0 ? -1 : numpyMean(values, values.length);
  });
}

function randomAccumulated(params: EvalParams, seed: number): Accumulated {
  const rand = seeded(seed);
  const T = params.iouThresholds.length;
  const R = params.recallThresholds.length;
  const K = params.categoryIds.length;
  const A = params.areaRanges.length;
  const M = params.maxDets.length;
  // -1 (no ground truth) in runs, as whole categories and area ranges lack it.
  const value = () => (rand() < 0.3 ? -1 : rand());
  return {
    precision: Float64Array.from({ length: T * R * K * A * M }, value),
    recall: Float64Array.from({ length: T * K * A * M }, value),
    scores: new Float64Array(T * R * K * A * M),
  };
}

describe('summarize', () => {
  const gt = parseCoco({
    images: [{ id: 1, width: 10, height: 10, file_name: '1.jpg' }],
    categories: [1, 2, 3, 4, 5].map((id) => ({ id, name: `c${id}` })),
    annotations: [],
  }).dataset!;
  const params = paramsOf(catalogOf(gt), 'bbox');

  it('averages the slices numpy takes, for one (area, maxDets) pair as COCO has', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const acc = randomAccumulated(params, seed);
      expect(summarize(acc, params).map((l) => l.value)).toEqual(literalSummary(acc, params));
    }
  });

  it('and for pairs broadcast together (area labels and maxDets given twice)', () => {
    const twice: EvalParams = {
      ...params,
      areaRanges: [...params.areaRanges, ...params.areaRanges],
      maxDets: [1, 10, 100, 100],
    };
    for (let seed = 1; seed <= 10; seed++) {
      const acc = randomAccumulated(twice, seed);
      expect(summarize(acc, twice).map((l) => l.value)).toEqual(literalSummary(acc, twice));
    }
  });

  it('gives each category its AP over thresholds and recall (area all, last maxDets)', () => {
    const acc = randomAccumulated(params, 7);
    const T = params.iouThresholds.length;
    const R = params.recallThresholds.length;
    const K = params.categoryIds.length;
    const A = params.areaRanges.length;
    const M = params.maxDets.length;
    const want = params.categoryIds.map((_, k) => {
      const values: number[] = [];
      for (let t = 0; t < T; t++) {
        for (let r = 0; r < R; r++) {
          const v = acc.precision[(((t * R + r) * K + k) * A + 0) * M + (M - 1)]!;
          if (v > -1) values.push(v);
        }
      }
      return values.length === 0 ? -1 : numpyMean(values, values.length);
    });
    expect(Array.from(categoryAp(acc, params))).toEqual(want);
  });
});
