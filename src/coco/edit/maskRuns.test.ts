/** The stretches where either of two masks is set, against the masks' pixels one by one. */
import { describe, expect, it } from 'vitest';
import type { Rle } from '../rle';
import { eachSetStretch } from './maskRuns';

/** Each pixel's (inBefore, inAfter), from the runs as given (empty runs included). */
function pixelsOf(rle: Rle, total: number): boolean[] {
  const out: boolean[] = [];
  rle.counts.forEach((n, i) => {
    for (let k = 0; k < n; k++) out.push(i % 2 === 1);
  });
  while (out.length < total) out.push(false);
  return out;
}

/** Random runs summing to `total`, with empty ones among them (other tools write those). */
function randomRle(total: number, seed: number): Rle {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const counts: number[] = [];
  for (let left = total; left > 0;) {
    const n = next() < 0.15 ? 0 : Math.min(left, 1 + Math.floor(next() * 9));
    counts.push(n);
    left -= n;
  }
  return { size: [total, 1], counts: Uint32Array.from(counts) };
}

describe('eachSetStretch', () => {
  it('visits every pixel set in either mask once, with which masks have it', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const total = 60 + seed;
      const before = randomRle(total, seed);
      const after = randomRle(total, seed * 7919);
      const a = pixelsOf(before, total);
      const b = pixelsOf(after, total);
      const seen: string[] = [];
      let last = 0;
      eachSetStretch(before, after, (start, length, inA, inB) => {
        expect(length).toBeGreaterThan(0);
        expect(start).toBeGreaterThanOrEqual(last);
        last = start + length;
        for (let p = start; p < start + length; p++) seen.push(`${p}:${inA}:${inB}`);
      });
      const expected: string[] = [];
      for (let p = 0; p < total; p++) if (a[p] || b[p]) expected.push(`${p}:${a[p]}:${b[p]}`);
      expect(seen).toEqual(expected);
    }
  });

  it('goes on past the end of the shorter mask', () => {
    const before: Rle = { size: [10, 1], counts: Uint32Array.from([2, 3]) };
    const after: Rle = { size: [10, 1], counts: Uint32Array.from([0, 1, 6, 3]) };
    const stretches: [number, number, boolean, boolean][] = [];
    eachSetStretch(before, after, (...s) => stretches.push(s));
    expect(stretches).toEqual([
      [0, 1, false, true],
      [2, 3, true, false],
      [7, 3, false, true],
    ]);
  });
});
