import { describe, expect, it } from 'vitest';
import { linspace, numpyMean, pairwiseSum, sortByScoreDesc, sortByScoreThenIndex } from './numeric';

describe('numpy, bit for bit', () => {
  it('linspace gives the thresholds numpy gives (0.8999999999999999, not 0.9)', () => {
    // np.linspace(.5, 0.95, 10) printed with repr.
    expect(Array.from(linspace(0.5, 0.95, 10))).toEqual([
      0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.8999999999999999, 0.95,
    ]);
    const r = linspace(0, 1, 101);
    expect(r[100]).toBe(1);
    expect(r[7]).toBe(7 * 0.01);
  });

  it("pairwiseSum adds in numpy's order (values of np.sum)", () => {
    const a = Float64Array.from({ length: 300 }, (_, i) => i * 0.1 + 1 / (i + 1));
    expect(pairwiseSum(a, 0, 7)).toBe(4.692857142857143);
    expect(pairwiseSum(a, 0, 100)).toBe(500.1873775176397);
    expect(pairwiseSum(a, 0, 300)).toBe(4491.2826638803);
    expect(numpyMean(a, 300)).toBe(4491.2826638803 / 300);
  });

  it('sortByScoreDesc is stable, for short and long runs', () => {
    for (const n of [10, 200]) {
      const score = Float64Array.from({ length: n }, (_, i) => (i * 7) % 3);
      const items = Int32Array.from({ length: n }, (_, i) => i);
      sortByScoreDesc(items, 0, n, score);
      const expected = Array.from({ length: n }, (_, i) => i).sort(
        (a, b) => score[b]! - score[a]! || a - b,
      );
      expect(Array.from(items)).toEqual(expected);
    }
  });
});

describe('sortByScoreThenIndex', () => {
  it('orders any arrangement as an index sort followed by sortByScoreDesc', () => {
    let state = 7;
    const rand = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 400; trial++) {
      const n = Math.floor(rand() * 60);
      // Few distinct scores, so that ties are common; indices shuffled.
      const score = Float64Array.from({ length: 100 }, () => Math.floor(rand() * 4) / 4);
      const items = Int32Array.from({ length: n }, () => Math.floor(rand() * 100));
      const want = items.slice().sort();
      sortByScoreDesc(want, 0, n, score);
      sortByScoreThenIndex(items, 0, n, score);
      expect(Array.from(items)).toEqual(Array.from(want));
    }
  });
});
