import { describe, expect, it } from 'vitest';
import { parseCoco } from '../parse/parseCoco';
import { readCorpusText } from '../testing/corpus';
import { accumulate } from './accumulate';
import type { Cells } from './cells';
import { evaluate } from './evaluate';
import { evaluateImages, FP, TP, type ImageEvaluation } from './evaluateImages';
import { EPS, sortByScoreDesc } from './numeric';
import { drain } from './steps';
import type { EvalParams } from './types';

/** pycocotools' accumulate loop, transcribed literally (rc and pr for every detection). */
function literalAccumulate(cells: Cells, images: ImageEvaluation, params: EvalParams) {
  const T = params.iouThresholds.length;
  const R = params.recallThresholds.length;
  const K = params.categoryIds.length;
  const A = params.areaRanges.length;
  const M = params.maxDets.length;
  const precision = new Float64Array(T * R * K * A * M).fill(-1);
  const recall = new Float64Array(T * K * A * M).fill(-1);
  const scores = new Float64Array(T * R * K * A * M).fill(-1);
  const slots = cells.slotDt.length;
  for (let k = 0; k < K; k++) {
    for (let a = 0; a < A; a++) {
      for (let m = 0; m < M; m++) {
        const list: number[] = [];
        for (let c = cells.categoryStart[k]!; c < cells.categoryStart[k + 1]!; c++) {
          for (let s = cells.slotStart[c]!; s < cells.slotStart[c + 1]!; s++) {
            if (cells.slotRank[s]! < params.maxDets[m]!) list.push(s);
          }
        }
        const inds = Int32Array.from(list.keys());
        const score = Float64Array.from(list, (s) => cells.slotScore[s]!);
        sortByScoreDesc(inds, 0, inds.length, score);
        let npig = 0;
        for (let c = cells.categoryStart[k]!; c < cells.categoryStart[k + 1]!; c++) {
          npig += images.npig[c * A + a]!;
        }
        if (npig === 0) continue;
        for (let t = 0; t < T; t++) {
          const v = Array.from(inds, (i) => images.verdicts[(a * T + t) * slots + list[i]!]!);
          let tp = 0;
          let fp = 0;
          const rc: number[] = [];
          const pr: number[] = [];
          for (const x of v) {
            if (x === TP) tp++;
            if (x === FP) fp++;
            rc.push(tp / npig);
            pr.push(tp / (fp + tp + EPS));
          }
          const nd = v.length;
          recall[((t * K + k) * A + a) * M + m] = nd ? rc[nd - 1]! : 0;
          for (let i = nd - 1; i > 0; i--) if (pr[i]! > pr[i - 1]!) pr[i - 1] = pr[i]!;
          let pi = 0;
          for (let r = 0; r < R; r++) {
            const at = (((t * R + r) * K + k) * A + a) * M + m;
            while (pi < nd && rc[pi]! < params.recallThresholds[r]!) pi++;
            precision[at] = pi < nd ? pr[pi]! : 0;
            scores[at] = pi < nd ? score[inds[pi]!]! : 0;
          }
        }
      }
    }
  }
  return { precision, recall, scores };
}

describe('accumulate', () => {
  it('equals a literal transcription of pycocotools, value for value', () => {
    const gt = parseCoco(readCorpusText('reference/eval/gt.json')).dataset!;
    const dt = parseCoco(readCorpusText('reference/eval/dt.json')).dataset!;
    for (const iouType of ['bbox', 'segm'] as const) {
      const { params, state } = evaluate(gt, dt, iouType);
      const { cells, geometry } = state;
      const images = drain(
        evaluateImages(
          cells,
          geometry.gtTable,
          geometry.dtTable,
          params.areaRanges,
          params.iouThresholds,
        ),
      );
      const fast = drain(accumulate(cells, images, params));
      const literal = literalAccumulate(cells, images, params);
      for (const key of ['precision', 'recall', 'scores'] as const) {
        const differing = fast[key].filter((v, i) => !Object.is(v, literal[key][i])).length;
        expect(differing, key).toBe(0);
      }
    }
  });
});
