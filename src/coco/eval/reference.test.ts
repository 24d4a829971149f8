import { describe, expect, it } from 'vitest';
import { parseCoco } from '../parse/parseCoco';
import { readCorpusText } from '../testing/corpus';
import { evaluate } from './evaluate';

/** pycocotools' `COCOeval.stats` on the corpus' generated ground truth and detections. */
const stats = JSON.parse(readCorpusText('reference/eval/stats.json')) as {
  bbox: number[];
  segm: number[];
};

const gt = parseCoco(readCorpusText('reference/eval/gt.json')).dataset!;
const dt = parseCoco(readCorpusText('reference/eval/dt.json')).dataset!;

describe('evaluate reproduces pycocotools on the reference corpus', () => {
  for (const iouType of ['bbox', 'segm'] as const) {
    it(`${iouType}: the 12 summary numbers equal pycocotools' to 1e-9`, () => {
      const result = evaluate(gt, dt, iouType);
      expect(result.stats).toHaveLength(12);
      result.stats.forEach((value, i) => {
        expect(Math.abs(value - stats[iouType][i]!), `stats[${i}]`).toBeLessThan(1e-9);
      });
      // In fact to the last bit: same float operations in the same order as numpy.
      expect(result.stats).toEqual(stats[iouType]);
    });
  }
});
